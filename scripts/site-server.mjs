// The built site (dist/) served as a static host serves it, with Node built-ins only: a directory's
// index.html (`/docs` redirected to `/docs/`), dist/404.html for anything else, GET and HEAD only,
// long caching for the hashed files under _astro/, and the headers dist/_headers gives each path.
// `npm start` (scripts/start.mjs, which the browser tests run against) serves files as they are;
// the Lighthouse run (scripts/lighthouse.mjs) asks for gzip too, as every real host sends text.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor } from './security-policy.mjs';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg)/;

/**
 * An http.Server for the site in `root`. `headerRules` are dist/_headers' rules (parseHeadersFile);
 * with `gzip`, text goes gzipped to clients that accept it.
 */
export function createSiteServer({ root, headerRules = [], gzip = false }) {
  const ROOT = root;
  const HOST = '127.0.0.1';
  const gzipped = new Map();
  function contentType(file) {
    return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  }

  /** Map a URL path to a regular file inside ROOT, or null. Never leaves ROOT. */
  function resolveFile(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const candidate = path.resolve(ROOT, '.' + path.posix.normalize('/' + decoded));
    if (candidate !== ROOT && !candidate.startsWith(ROOT + path.sep)) return null;
    const tries = [candidate, path.join(candidate, 'index.html')];
    if (!path.extname(candidate)) tries.push(candidate + '.html');
    for (const file of tries) {
      try {
        // realpath so a symlink inside dist/ cannot point outside it
        const real = fs.realpathSync(file);
        if (real !== ROOT && !real.startsWith(ROOT + path.sep)) continue;
        if (fs.statSync(real).isFile()) return real;
      } catch {
        // not there: try the next candidate
      }
    }
    return null;
  }

  /** The _headers file's headers for this request's path, plus the given ones. */
  function withSiteHeaders(req, headers) {
    const urlPath = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    return { ...headersFor(headerRules, urlPath), ...headers };
  }

  function cacheControl(file) {
    return file.includes(`${path.sep}_astro${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  }

  function send(req, res, status, file) {
    const type = contentType(file);
    if (gzip && COMPRESSIBLE.test(type)) {
      sendGzipped(req, res, status, file, type);
      return;
    }
    const headers = {
      ...withSiteHeaders(req, {}),
      'Content-Type': type,
      'Content-Length': fs.statSync(file).size,
      'Cache-Control': cacheControl(file),
    };
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  function sendGzipped(req, res, status, file, type) {
    const headers = { ...withSiteHeaders(req, {}), 'Content-Type': type, 'Cache-Control': cacheControl(file), Vary: 'Accept-Encoding' };
    let body = fs.readFileSync(file);
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 6 }));
      body = gzipped.get(file);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function handler(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, withSiteHeaders(req, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }));
      res.end('Method Not Allowed\n');
      return;
    }
    const urlPath = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    try {
      const file = resolveFile(urlPath);
      if (file) {
        // /docs -> /docs/ so relative links inside an index.html resolve
        if (!urlPath.endsWith('/') && path.basename(file) === 'index.html' && !urlPath.endsWith('index.html')) {
          res.writeHead(301, withSiteHeaders(req, { Location: urlPath + '/' }));
          res.end();
          return;
        }
        send(req, res, 200, file);
        return;
      }
      const notFound = path.join(ROOT, '404.html');
      if (fs.existsSync(notFound)) {
        send(req, res, 404, notFound);
        return;
      }
      res.writeHead(404, withSiteHeaders(req, { 'Content-Type': 'text/plain; charset=utf-8' }));
      res.end('Not Found\n');
    } catch (err) {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error\n');
    }
  }

  return http.createServer(handler);
}
