#!/usr/bin/env node
// Serve the built site (dist/) on 127.0.0.1 with Node built-ins only.
// `npm start` builds first; this script only serves.
//   PORT=8080 node scripts/start.mjs
// Every response carries the headers dist/_headers gives its path (the file static hosts read; the
// build writes it from scripts/security-policy.mjs): the Content-Security-Policy with
// frame-ancestors, nosniff, Referrer-Policy and the rest. The browser tests run against this
// server, so they run under the policy a host would send.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeadersFile } from './security-policy.mjs';
import { createSiteServer } from './site-server.mjs';

const HOST = '127.0.0.1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const FIRST_PORT = Number.parseInt(process.env.PORT ?? '', 10) || 4321;
const PORT_TRIES = 10;
const HEADERS_FILE = path.join(ROOT, '_headers');

function listen(port, triesLeft) {
  const server = createSiteServer({ root: ROOT, headerRules });
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
const headerRules = parseHeadersFile(fs.readFileSync(HEADERS_FILE, 'utf8'));
listen(FIRST_PORT, PORT_TRIES);
