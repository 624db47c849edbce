// The built site's security policy (dist/; `npm test` builds the site before Vitest runs).
//
// Every page carries a Content-Security-Policy meta element; dist/_headers carries the header
// version for static hosts (scripts/security-policy.mjs writes both). Checked here, from the files:
// - every inline <script> and <style> in every page has its sha256 in that page's own policy
//   (the hash is computed here from the element's text, not read from Astro);
// - no policy allows eval, inline script without a hash, or anything from another origin;
// - the _headers policy allows whatever any page's meta allows, and adds frame-ancestors;
// - _headers carries the other security headers.
// tests/e2e/security.spec.ts checks the same policy in Chromium.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { completeStyleHashes, headerPolicy, headersFor, parseHeadersFile, parsePolicy } from '../scripts/security-policy.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(path.join(dist, 'index.html'))) {
  throw new Error(`${dist}index.html is missing: run \`npm run build:site\` first`);
}

const pages = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({ file, html: readFileSync(path.join(dist, file), 'utf8') }));

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/gi;

function metaPolicy(html: string): string[] {
  return [...html.matchAll(META)].map((m) => m[1]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'));
}

/** Script types a browser runs (and so checks against script-src); data blocks such as JSON-LD are not run. */
function isExecutable(attrs: string): boolean {
  const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1]?.toLowerCase() ?? '';
  return ['', 'module', 'text/javascript', 'application/javascript', 'importmap', 'speculationrules'].includes(type);
}

/** Inline elements of one tag: attributes and the raw text the browser hashes. */
function inlineElements(html: string, tag: 'script' | 'style'): { attrs: string; text: string }[] {
  const re = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(re)]
    .map((m) => ({ attrs: m[1]!, text: m[2]! }))
    .filter((e) => !/\bsrc\s*=/i.test(e.attrs));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The sources a directive allows, falling back the way browsers do for script/style elements. */
function sources(policy: Map<string, string[]>, ...names: string[]): string[] {
  for (const name of names) {
    const found = policy.get(name);
    if (found) return found;
  }
  return [];
}

const KEYWORDS = new Set(["'self'", "'none'"]);
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/** Source expressions that name another origin, a scheme, a wildcard or an unsafe keyword, with where. */
function looseSources(policy: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [name, values] of policy) {
    for (const v of values) {
      if (KEYWORDS.has(v) || HASH.test(v)) continue;
      // Inline style attributes are allowed on purpose (README, Security: Shiki and React write them).
      if (name === 'style-src-attr' && v === "'unsafe-inline'") continue;
      out.push(`${name} ${v}`);
    }
  }
  return out;
}

describe('the built pages', () => {
  it('are all there (the checks below run over every one)', () => {
    const files = pages.map((p) => p.file);
    expect(files).toContain('index.html');
    expect(files).toContain('calculator/index.html');
    expect(files).toContain('404.html');
    expect(files.filter((f) => f.startsWith('learn/')).length).toBeGreaterThan(5);
  });

  for (const { file, html } of pages) {
    describe(file, () => {
      const policies = metaPolicy(html);
      const policy = parsePolicy(policies[0] ?? '');

      it('has one CSP meta element, in <head>, before any script, style or stylesheet', () => {
        expect(policies).toHaveLength(1);
        const meta = html.search(META);
        const headEnd = html.indexOf('</head>');
        expect(meta).toBeGreaterThan(html.indexOf('<head>'));
        expect(meta).toBeLessThan(headEnd);
        const firstResource = html.search(/<script\b|<style\b|<link\b[^>]*\brel="?stylesheet/i);
        expect(firstResource === -1 || firstResource > meta, 'a script or style comes before the policy').toBe(true);
      });

      it('allows each of its inline scripts by hash', () => {
        const scripts = inlineElements(html, 'script').filter((s) => isExecutable(s.attrs));
        const allowed = sources(policy, 'script-src-elem', 'script-src', 'default-src');
        const missing = scripts.filter((s) => !allowed.includes(sha256(s.text))).map((s) => s.text.slice(0, 80));
        expect(missing).toEqual([]);
        // Every <script> tag is either one of those or loads a file from this site.
        const all = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!);
        const external = all.filter((a) => /\bsrc\s*=/i.test(a));
        expect(external.length + inlineElements(html, 'script').length).toBe(all.length);
        for (const a of external) expect(a).toMatch(/\bsrc="\/(?!\/)/);
      });

      it('allows each of its <style> elements by hash', () => {
        const styles = inlineElements(html, 'style');
        const allowed = sources(policy, 'style-src-elem', 'style-src', 'default-src');
        const missing = styles.filter((s) => !allowed.includes(sha256(s.text))).map((s) => s.text.slice(0, 80));
        expect(missing).toEqual([]);
        for (const [link] of html.matchAll(/<link\b[^>]*\brel="?stylesheet[^>]*>/gi)) {
          expect(link).toMatch(/\bhref="\/(?!\/)/);
        }
      });

      it('sets the fixed directives, with no eval, no unhashed inline script and no other origin', () => {
        expect(policy.get('default-src')).toEqual(["'self'"]);
        expect(policy.get('worker-src')).toEqual(["'self'"]);
        expect(policy.get('object-src')).toEqual(["'none'"]);
        expect(policy.get('base-uri')).toEqual(["'self'"]);
        expect(policy.get('form-action')).toEqual(["'self'"]);
        const scriptSrc = policy.get('script-src') ?? [];
        expect(scriptSrc[0]).toBe("'self'");
        expect(scriptSrc.slice(1).every((v) => HASH.test(v))).toBe(true);
        expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
        expect(policies[0]).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
        expect(looseSources(policy)).toEqual([]);
        // Browsers ignore frame-ancestors in a meta element (and log an error): header only.
        expect(policy.has('frame-ancestors')).toBe(false);
      });

      it('has no inline event handler attributes and no javascript: URLs', () => {
        // Hashes in script-src never allow an on*="..." attribute, so one would be dead and an error.
        const tags = [...html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)].map((m) => m[0]);
        expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
        expect(tags.filter((t) => /\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(t))).toEqual([]);
      });
    });
  }
});

describe('dist/_headers', () => {
  const headersPath = path.join(dist, '_headers');

  it('exists (the build writes it)', () => {
    expect(existsSync(headersPath)).toBe(true);
  });

  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

  it('gives every path the security headers', () => {
    for (const urlPath of ['/', '/calculator/', '/learn/tco/', '/_astro/x.js', '/no-such-page']) {
      const h = headersFor(rules, urlPath);
      expect(h['X-Content-Type-Options'], urlPath).toBe('nosniff');
      expect(h['Referrer-Policy'], urlPath).toBe('no-referrer');
      expect(h['X-Frame-Options'], urlPath).toBe('DENY');
      expect(h['Cross-Origin-Opener-Policy'], urlPath).toBe('same-origin');
      expect(h['Cross-Origin-Resource-Policy'], urlPath).toBe('same-origin');
      expect(h['Permissions-Policy'], urlPath).toMatch(/(^|, )camera=\(\)/);
      expect(h['Permissions-Policy'], urlPath).toMatch(/(^|, )geolocation=\(\)/);
      expect(h['Permissions-Policy'], urlPath).toMatch(/(^|, )microphone=\(\)/);
      expect(h['Content-Security-Policy'], urlPath).toBeTruthy();
    }
  });

  it("has one CSP that allows every page's meta policy, adds frame-ancestors 'none' and nothing loose", () => {
    const header = parsePolicy(headersFor(rules, '/')['Content-Security-Policy'] ?? '');
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(looseSources(header)).toEqual([]);
    expect(headersFor(rules, '/')['Content-Security-Policy']).not.toMatch(/unsafe-eval/);
    for (const { file, html } of pages) {
      const meta = parsePolicy(metaPolicy(html)[0] ?? '');
      for (const [name, values] of meta) {
        const inHeader = header.get(name);
        expect(inHeader, `${file}: ${name} missing from the header policy`).toBeDefined();
        const lacking = values.filter((v) => !inHeader!.includes(v));
        expect(lacking, `${file}: ${name} sources missing from the header policy`).toEqual([]);
      }
      // ...and the header allows nothing the meta does not, apart from other pages' hashes.
      for (const [name, values] of header) {
        if (name === 'frame-ancestors') continue;
        const own = meta.get(name) ?? [];
        expect(values.filter((v) => !own.includes(v) && !HASH.test(v)), `${file}: ${name}`).toEqual([]);
      }
    }
  });
});

describe('scripts/security-policy.mjs', () => {
  // sha256 of the empty string, base64: a published constant, not computed by the code under test.
  const EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

  it("adds a missing <style> hash to the page's meta, and nothing for a script", () => {
    const html =
      `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'sha256-AAAA'">` +
      '<style></style><script>x</script></head><body></body></html>';
    const { html: out, added } = completeStyleHashes(html);
    expect(added).toEqual([EMPTY]);
    const policy = parsePolicy(metaPolicy(out)[0]!);
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-AAAA'", EMPTY]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(out.replace(META, '')).toBe(html.replace(META, ''));
    // Already there: the page is left as it was.
    expect(completeStyleHashes(out)).toEqual({ html: out, added: [] });
  });

  it('joins page policies source by source and adds frame-ancestors', () => {
    const joined = parsePolicy(headerPolicy(["default-src 'self'; style-src 'self' 'sha256-A'", "default-src 'self'; style-src 'self' 'sha256-B'"]));
    expect(joined.get('style-src')).toEqual(["'self'", "'sha256-A'", "'sha256-B'"]);
    expect(joined.get('default-src')).toEqual(["'self'"]);
    expect(joined.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('reads a _headers file: rules by pattern, later rules adding to earlier ones', () => {
    const rules = parseHeadersFile('# comment\n/*\n  A: 1\n  B: x: y\n/docs/*\n  A: 2\n');
    expect(headersFor(rules, '/')).toEqual({ A: '1', B: 'x: y' });
    expect(headersFor(rules, '/docs/x')).toEqual({ A: '2', B: 'x: y' });
    expect(() => parseHeadersFile('  A: 1\n')).toThrow(/outside a rule/);
  });
});
