#!/usr/bin/env node
// Serve the built site (dist/) on 127.0.0.1 with Node built-ins only.
// `npm start` builds first; this script only serves.
//   PORT=8080 node scripts/start.mjs
// Every response carries the headers dist/_headers gives its path (the file static hosts read; the
// build writes it from scripts/security-policy.mjs): the Content-Security-Policy with
// frame-ancestors, nosniff, Referrer-Policy and the rest. The browser tests run against this
// server, so they run under the policy a host would send.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFor, parseHeadersFile } from './security-policy.mjs';

const HOST = '127.0.0.1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const FIRST_PORT = Number.parseInt(process.env.PORT ?? '', 10) || 4321;
const PORT_TRIES = 10;
const HEADERS_FILE = path.join(ROOT, '_headers');

const TYPES = {
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

/** Rules from dist/_headers, read once at start. */
let headerRules = [];

/** The _headers file's headers for this request's path, plus the given ones. */
function withSiteHeaders(req, headers) {
  const urlPath = new URL(req.url ?? '/', `http://${HOST}`).pathname;
  return { ...headersFor(headerRules, urlPath), ...headers };
}

function send(req, res, status, file) {
  const headers = {
    ...withSiteHeaders(req, {}),
    'Content-Type': contentType(file),
    'Content-Length': fs.statSync(file).size,
    'Cache-Control': file.includes(`${path.sep}_astro${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
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

function listen(port, triesLeft) {
  const server = http.createServer(handler);
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && triesLeft > 1) {
      console.error(`port ${port} is busy, trying ${port + 1}`);
      listen(port + 1, triesLeft - 1);
      return;
    }
    console.error(`kernelcount site: cannot listen on ${HOST}:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, HOST, () => {
    console.log(`kernelcount site: http://${HOST}:${port}/`);
    const stop = () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

if (!fs.existsSync(path.join(ROOT, 'index.html'))) {
  console.error(`kernelcount site: ${ROOT}/index.html not found; run \`npm run build\` first.`);
  process.exit(1);
}
if (!fs.existsSync(HEADERS_FILE)) {
  console.error(`kernelcount site: ${HEADERS_FILE} not found; the build writes it: run \`npm run build\` again.`);
  process.exit(1);
}
headerRules = parseHeadersFile(fs.readFileSync(HEADERS_FILE, 'utf8'));
listen(FIRST_PORT, PORT_TRIES);
