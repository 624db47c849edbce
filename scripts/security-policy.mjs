// The site's security policy, in one place.
//
// - astro.config.mjs passes CSP to Astro (`security.csp`), which writes a
//   <meta http-equiv="content-security-policy"> into every page with the sha256 of each inline
//   <script> and <style> it generates for that page.
// - The `securityHeaders()` integration below runs after the build: it adds to each page's meta the
//   hashes of <style> elements Astro missed (see completeStyleHashes), reads the meta policies back
//   out of dist/**/*.html and writes dist/_headers (Netlify / Cloudflare Pages format): the same
//   Content-Security-Policy as a header, plus the directives a meta element cannot carry and the
//   other security headers.
// - scripts/start.mjs (`npm start`, and the server the browser tests run against) reads
//   dist/_headers and sends what it says, so the tests run under the policy a host would send.
// - src/layouts/Base.astro takes REFERRER_POLICY from here for a <meta name="referrer">.
//
// Nothing here is typed in twice, so the meta, the header file and the local server cannot drift.
// tests/security.test.ts checks the built files; tests/e2e/security.spec.ts checks the browser.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Directives besides script-src and style-src (which Astro writes, with its hashes).
 * - default-src 'self': anything not named below (fetch, images, fonts, frames, media, manifest)
 *   comes from this site only; no CDN, font host or analytics can be loaded.
 * - worker-src 'self': the calculator's module Web Workers are files under /_astro/.
 * - object-src 'none': no plugins (<object>, <embed>).
 * - base-uri 'self': an injected <base> cannot re-point the site's relative URLs elsewhere.
 * - form-action 'self': no form can post to another site (the site has no forms that submit).
 */
export const CSP_DIRECTIVES = /** @type {const} */ ([
  "default-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]);

/**
 * Directives that only work in a header: browsers ignore frame-ancestors in a meta element (and
 * Chromium logs an error for it), so it is added to the header policy only.
 * - frame-ancestors 'none': no other page may frame this site (clickjacking).
 */
export const HEADER_ONLY_DIRECTIVES = /** @type {const} */ (["frame-ancestors 'none'"]);

/**
 * Astro's `security.csp` value.
 *
 * Scripts: 'self' (the bundles under /_astro/) and the hashes Astro adds for its inline island
 * loader; no 'unsafe-inline', no 'unsafe-eval'.
 *
 * Styles: <style> elements are allowed by hash ('self' for the stylesheet files), but inline
 * style="..." attributes are allowed with 'unsafe-inline' in style-src-attr only. The built pages
 * carry hundreds of them (Shiki colours every token of the code samples on /docs and /assumptions
 * with a style attribute; React writes style={{ height }} on the chart boxes and the palette
 * swatches), and a hash cannot allow an attribute without 'unsafe-hashes', one hash per distinct
 * value. A style attribute cannot run script; the worst an injected one could do is restyle the
 * page, and the site never puts user input into HTML in the first place (see README, Security).
 * style-src itself stays 'self' plus hashes, so a browser without style-src-attr support keeps
 * the <style> elements and loses only the attribute styles.
 */
export const CSP = {
  algorithm: /** @type {const} */ ('SHA-256'),
  directives: [...CSP_DIRECTIVES],
  styleDirective: {
    resources: ["'self'", { resource: "'unsafe-inline'", kind: /** @type {const} */ ('attribute') }],
  },
};

/** Sent as a header and as <meta name="referrer">: no page address leaves the site with a link. */
export const REFERRER_POLICY = 'no-referrer';

/**
 * Headers every response gets, besides Content-Security-Policy.
 * - X-Content-Type-Options: nosniff: a file is only ever run or styled as its declared type.
 * - Referrer-Policy: see REFERRER_POLICY.
 * - Permissions-Policy: the site uses none of these powerful features; no page (or anything
 *   injected into one) may ask for them.
 * - Cross-Origin-Opener-Policy: same-origin: a window this site opens, or that opens it, gets no
 *   handle on the other.
 * - Cross-Origin-Resource-Policy: same-origin: other sites cannot embed this site's files.
 * - X-Frame-Options: DENY: frame-ancestors 'none' for browsers that predate it.
 */
export const SECURITY_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': REFERRER_POLICY,
  'Permissions-Policy':
    'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
    'magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
});

const META_RE = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/gi;

/**
 * The CSP meta policies of one HTML document, as written (usually exactly one).
 * @param {string} html
 * @returns {string[]}
 */
export function metaPolicies(html) {
  return [...html.matchAll(META_RE)].map((m) => m[1].replaceAll('&#39;', "'").replaceAll('&amp;', '&'));
}

/**
 * A policy string as an ordered map: directive name (lower case) -> its source expressions.
 * Follows the CSP grammar: directives split on ';', tokens on ASCII whitespace; a repeated
 * directive is ignored, as browsers ignore it.
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parsePolicy(policy) {
  const out = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/[\t\n\f\r ]+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!out.has(key)) out.set(key, values);
  }
  return out;
}

/** @param {Map<string, string[]>} policy */
export function serializePolicy(policy) {
  return [...policy].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/**
 * One policy that allows everything any of the given policies allows, directive by directive
 * (the union of their source lists). The pages differ only in the hashes of their inline styles;
 * a browser enforces the header policy and the page's own meta policy together, so each page is
 * still held to exactly its own hashes.
 * @param {string[]} policies
 */
export function unionPolicy(policies) {
  const out = new Map();
  for (const policy of policies) {
    for (const [name, values] of parsePolicy(policy)) {
      const list = out.get(name) ?? [];
      for (const v of values) if (!list.includes(v)) list.push(v);
      out.set(name, list);
    }
  }
  return out;
}

/** The header policy: the union of the pages' meta policies plus the header-only directives. */
export function headerPolicy(pagePolicies) {
  const policy = unionPolicy(pagePolicies);
  for (const [name, values] of parsePolicy(HEADER_ONLY_DIRECTIVES.join(';'))) policy.set(name, values);
  return serializePolicy(policy);
}

/** Every response's headers, CSP included, for a header policy. */
export function allHeaders(cspHeader) {
  return { 'Content-Security-Policy': cspHeader, ...SECURITY_HEADERS };
}

/** The _headers file (Netlify and Cloudflare Pages read it from the site's root). */
export function renderHeadersFile(headers) {
  const lines = [
    '# Written by the build (scripts/security-policy.mjs) from the pages\' own CSP meta elements:',
    '# edit that file, not this one. scripts/start.mjs sends these headers too.',
    '/*',
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Reads a _headers file: URL patterns at the start of a line, `Name: value` lines indented under
 * them, `#` comments. A `*` in a pattern matches any run of characters.
 * @param {string} text
 * @returns {{ pattern: string, headers: Record<string, string> }[]}
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule or without a colon: ${raw}`);
    rule.headers[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return rules;
}

/**
 * The headers the rules give a URL path (later rules add to or replace earlier ones).
 * @param {{ pattern: string, headers: Record<string, string> }[]} rules
 * @param {string} urlPath
 * @returns {Record<string, string>}
 */
export function headersFor(rules, urlPath) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const rule of rules) {
    const re = new RegExp(`^${rule.pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (re.test(urlPath)) Object.assign(out, rule.headers);
  }
  return out;
}

async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The CSP source expression for the sha256 of a text, as a browser computes it for an inline element. */
export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Adds the hashes of a page's <style> elements that its CSP meta lacks, and returns the page.
 *
 * Astro hashes the styles of the page's own components, but not those a content-collection entry
 * brings with it: the components used inside the MDX articles (figures, chart frames) have their
 * scoped <style> propagated into the article page's head after Astro has worked out its hashes
 * (Astro 7.3), so without this the browser would drop them. Only <style> elements are completed:
 * an inline <script> Astro did not hash stays blocked, and tests/security.test.ts fails on it.
 * @param {string} html
 * @returns {{ html: string, added: string[] }}
 */
export function completeStyleHashes(html) {
  const found = [...html.matchAll(META_RE)];
  if (found.length !== 1) return { html, added: [] };
  const [meta, content] = found[0];
  const policy = parsePolicy(content.replaceAll('&#39;', "'").replaceAll('&amp;', '&'));
  const directive = policy.has('style-src-elem') ? 'style-src-elem' : 'style-src';
  const allowed = policy.get(directive) ?? ["'self'"];
  const added = [];
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    const hash = sha256Source(m[1]);
    if (!allowed.includes(hash) && !added.includes(hash)) added.push(hash);
  }
  if (added.length === 0) return { html, added };
  policy.set(directive, [...allowed, ...added]);
  // Function replacers: a replacement string would read `$` patterns.
  const rewritten = meta.replace(content, () => serializePolicy(policy).replaceAll('&', '&amp;'));
  return { html: html.replace(meta, () => rewritten), added };
}

/**
 * Completes each page's style hashes (completeStyleHashes), then writes _headers into a built site
 * directory from the pages' meta policies. Fails when a page has no meta policy (or more than
 * one): the header alone would then not cover that page's hashes.
 * @param {string} dir
 */
export async function writeHeadersFile(dir) {
  const policies = [];
  let completed = 0;
  for (const file of await htmlFiles(dir)) {
    const original = await readFile(file, 'utf8');
    const { html, added } = completeStyleHashes(original);
    if (added.length > 0) {
      await writeFile(file, html);
      completed += 1;
    }
    const found = metaPolicies(html);
    if (found.length !== 1) {
      throw new Error(`${path.relative(dir, file)}: expected one CSP meta element, found ${found.length}`);
    }
    policies.push(found[0]);
  }
  if (policies.length === 0) throw new Error(`${dir}: no HTML pages to read a policy from`);
  const file = path.join(dir, '_headers');
  await writeFile(file, renderHeadersFile(allHeaders(headerPolicy(policies))));
  return { file, pages: policies.length, completed };
}

/** Astro integration: writes dist/_headers once the pages are built. */
export function securityHeaders() {
  return {
    name: 'kernelcount:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { file, pages, completed } = await writeHeadersFile(fileURLToPath(dir));
        logger.info(
          `${completed} pages given the hashes of their content styles; ` +
            `${path.basename(file)} written from the CSP of ${pages} pages`,
        );
      },
    },
  };
}
