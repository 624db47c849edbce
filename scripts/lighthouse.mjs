#!/usr/bin/env node
// Lighthouse on the built site, in Debian's Chromium, with Lighthouse's default mobile profile
// (Moto G Power-sized screen, simulated slow 4G and 4x CPU slowdown). Three pages: the landing page,
// the calculator and one article. Prints the four category scores and the key metrics per page,
// writes the JSON and HTML reports to lighthouse-reports/ (gitignored), and exits 1 when any score
// is below 95. Not part of `npm test`: the performance score depends on how busy the machine is.
//
//   npm run lighthouse                       one run of each page
//   npm run lighthouse -- --runs 3           three runs each; the table and the verdict use the medians
//   npm run lighthouse -- --only accessibility,best-practices,seo
//                                            skip the performance category (no throttled page load)
//
// Builds the site first when dist/ is missing (`npm run build` again after changing sources), serves
// dist/ on 127.0.0.1 (gzipped, as a static host would), and launches /usr/bin/chromium (or CHROME_PATH).
// Needs Node >= 22.19 (Lighthouse 13): `npm run` puts the project's Node 24 first on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
import { parseHeadersFile } from './security-policy.mjs';
import { createSiteServer } from './site-server.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  console.error(`lighthouse: Node ${process.versions.node} is too old for Lighthouse 13 (needs >= 22.19); run it as \`npm run lighthouse\`.`);
  process.exit(2);
}

const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'lighthouse-reports');
const THRESHOLD = 95;
const ALL_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const PAGES = [
  { name: 'landing', path: '/' },
  { name: 'calculator', path: '/calculator' },
  { name: 'article', path: '/learn/density/' },
];
const METRICS = [
  { id: 'first-contentful-paint', label: 'FCP', format: (v) => `${(v / 1000).toFixed(2)} s` },
  { id: 'largest-contentful-paint', label: 'LCP', format: (v) => `${(v / 1000).toFixed(2)} s` },
  { id: 'total-blocking-time', label: 'TBT', format: (v) => `${Math.round(v)} ms` },
  { id: 'cumulative-layout-shift', label: 'CLS', format: (v) => v.toFixed(3) },
  { id: 'total-byte-weight', label: 'bytes', format: (v) => `${(v / 1024).toFixed(0)} KiB` },
];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    only: { type: 'string', default: ALL_CATEGORIES.join(',') },
  },
});
const runs = Number.parseInt(args.runs, 10);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
  console.error('lighthouse: --runs takes a whole number from 1 to 9');
  process.exit(2);
}
const categories = args.only.split(',').map((c) => c.trim()).filter(Boolean);
const unknown = categories.filter((c) => !ALL_CATEGORIES.includes(c));
if (categories.length === 0 || unknown.length) {
  console.error(`lighthouse: --only takes some of ${ALL_CATEGORIES.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}

if (!existsSync(path.join(root, 'dist', 'index.html'))) {
  console.log('dist/ is missing: building the site first (npm run build)');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The server: scripts/site-server.mjs, as `npm start` serves dist/ (its paths, redirects, 404 page
// and the headers dist/_headers gives), plus gzip for text, which start.mjs leaves out and every
// real host does, so the transfer sizes Lighthouse simulates over its slow 4G link are the ones a
// visitor gets.
function serve() {
  const headersFile = path.join(root, 'dist', '_headers');
  const headerRules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createSiteServer({ root: path.join(root, 'dist'), headerRules, gzip: true });
  const ready = new Promise((resolveReady, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveReady(`http://127.0.0.1:${server.address().port}`));
  });
  return { server, ready };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Audits that lost points in a category, worst first: what to fix. */
function shortfalls(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  return category.auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ ref, audit }) => ref.weight > 0 && audit.score !== null && audit.score < 1)
    .sort((a, b) => a.audit.score - b.audit.score)
    .map(({ audit }) => `${audit.id} (${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
}

const started = Date.now();
// The performance score follows the machine's load (the observed page load is slowed down 4x in
// simulation, other jobs' CPU time included): printed and kept with the figures.
const loadAtStart = os.loadavg()[0];
const { server, ready } = serve();
let chrome;
let exitCode = 0;
let lighthouseVersion = '?';
let chromeVersion = '?';
try {
  const base = await ready;
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
  });
  // The browser's full version (its user agent string says only the major one).
  chromeVersion = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()).Browser ?? '?';
  mkdirSync(reportDir, { recursive: true });
  /** page name -> list of { scores, metrics, problems } per run */
  const results = new Map(PAGES.map((p) => [p.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const page of PAGES) {
      const url = base + page.path;
      const t0 = Date.now();
      const result = await lighthouse(url, {
        port: chrome.port,
        output: ['json', 'html'],
        logLevel: 'error',
        onlyCategories: categories,
        // Every run a first visit: Lighthouse keeps local storage by default, and the calculator
        // would restore the scenario the previous run autosaved (with its "Restored" notice).
        clearStorageTypes: ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'local_storage', 'indexeddb'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr, report } = result;
      lighthouseVersion = lhr.lighthouseVersion;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const stem = runs > 1 ? `${page.name}-run${run}` : page.name;
      writeFileSync(path.join(reportDir, `${stem}.report.json`), report[0]);
      writeFileSync(path.join(reportDir, `${stem}.report.html`), report[1]);
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
      const metrics = Object.fromEntries(
        METRICS.filter((m) => lhr.audits[m.id]?.numericValue !== undefined).map((m) => [m.id, lhr.audits[m.id].numericValue]),
      );
      const problems = categories.flatMap((c) => shortfalls(lhr, c).map((s) => `${c}: ${s}`));
      // Lighthouse's own measure of how fast the machine was when the run started (higher is faster).
      const benchmarkIndex = Math.round(lhr.environment.benchmarkIndex);
      results.get(page.name).push({ scores, metrics, benchmarkIndex, problems });
      console.log(
        `run ${run}/${runs} ${page.name.padEnd(10)} ${categories.map((c) => `${c} ${scores[c]}`).join(', ')}` +
          `  (${((Date.now() - t0) / 1000).toFixed(1)} s, benchmark index ${benchmarkIndex})`,
      );
      for (const p of problems) console.log(`    ${p}`);
    }
  }

  // The table: medians over the runs.
  // The metrics are audits of the performance category: columns only when it ran.
  const shownMetrics = categories.includes('performance') ? METRICS : [];
  const headers = ['page', ...categories, ...shownMetrics.map((m) => m.label)];
  const rows = PAGES.map((page) => {
    const rs = results.get(page.name);
    const cells = [page.name];
    for (const c of categories) cells.push(String(median(rs.map((r) => r.scores[c]))));
    for (const m of shownMetrics) {
      const vs = rs.map((r) => r.metrics[m.id]).filter((v) => v !== undefined);
      cells.push(vs.length ? m.format(median(vs)) : '-');
    }
    return cells;
  });
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nLighthouse ${lighthouseVersion}, ${chromeVersion}, mobile profile, ${runs === 1 ? '1 run' : `median of ${runs} runs`} per page:`);
  console.log(line(headers));
  for (const r of rows) console.log(line(r));

  const summary = {
    date: new Date().toISOString(),
    lighthouse: lighthouseVersion,
    chromium: chromeVersion,
    runs,
    categories,
    threshold: THRESHOLD,
    cpus: os.cpus().length,
    loadAverage1m: { start: loadAtStart, end: os.loadavg()[0] },
    pages: PAGES.map((page, i) => ({
      ...page,
      median: Object.fromEntries(headers.slice(1).map((h, j) => [h, rows[i][j + 1]])),
      runs: results.get(page.name),
    })),
  };
  writeFileSync(path.join(reportDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');

  const below = [];
  for (const page of PAGES) {
    for (const c of categories) {
      const m = median(results.get(page.name).map((r) => r.scores[c]));
      if (m < THRESHOLD) below.push(`${page.name} ${c} ${m}`);
    }
  }
  console.log(
    `\nreports in ${path.relative(root, reportDir)}/; ${((Date.now() - started) / 1000).toFixed(0)} s in all; ` +
      `load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end, ${os.cpus().length} CPUs`,
  );
  if (below.length) {
    console.error(`below ${THRESHOLD}: ${below.join(', ')}`);
    exitCode = 1;
  } else {
    console.log(`every score >= ${THRESHOLD}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  exitCode = 1;
} finally {
  if (chrome) await chrome.kill();
  server.close();
  server.closeAllConnections();
}
process.exit(exitCode);
