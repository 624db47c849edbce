#!/usr/bin/env node
// `npm test`: every check of the repo, in order, carrying on after a failure.
//   1. build the kernelcount package       (1 check)
//   2. typecheck the kernelcount package   (1 check)
//   3. build the site with Astro           (1 check; before Vitest, whose site tests read dist/)
//   4. typecheck the site's TypeScript     (1 check)
//   5. Vitest over the whole repo          (each test counts; vitest.config.ts lists the projects)
//   5b. the kernelcount package on Node 20 (each test counts; node:test in packages/kernelcount/test-node20,
//                                           run by its scripts/test-node20.mjs on /usr/bin/node)
//   5c. the package's Vitest suite on Node 20 (each test counts; Vitest 3, its scripts/vitest-node20.mjs)
//   6. Playwright in Debian's Chromium     (each test counts; a spec that fails to load or a server that
//                                           does not start counts as a failure; playwright.config.ts)
//      scripts/ensure-chromium.mjs installs /usr/bin/chromium first when it can; when it cannot,
//      that is one failure whose detail says what to run.
// Ends with one line `N passed, N failed`; exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwrightProblems, vitestProblems } from './test-report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules', '.bin');
// node_modules/.bin first, as under `npm run`, so children get the pinned Node
// even when this file is started with another `node`.
const env = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
  ASTRO_TELEMETRY_DISABLED: '1',
};

let passed = 0;
let failed = 0;
const summary = [];

function run(cmd, args, extraEnv = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (res.error) {
    console.error(`could not start ${cmd}: ${res.error.message}`);
    return 127;
  }
  return res.status ?? 1;
}

function record(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

function check(name, cmd, args) {
  const code = run(cmd, args);
  record(name, code === 0, code === 0 ? '' : `exit ${code}`);
}

check('build package kernelcount', 'npm', ['run', 'build', '-w', 'kernelcount']);
check('typecheck package kernelcount', 'npm', ['run', 'typecheck', '-w', 'kernelcount']);

// A stale dist/ must not let the site tests pass after a failed build.
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
check('build site (astro build)', 'astro', ['build']);
check('typecheck site (tsc)', 'tsc', ['-p', 'tsconfig.json', '--noEmit']);

// Vitest and the other runners write their reports (JSON, TAP) here for the counts.
const tmp = mkdtempSync(path.join(tmpdir(), 'kernelcount-test-'));

/**
 * Runs Vitest (`cmd args`, plus the default reporter to the console and JSON to a temp file) and
 * adds the report's counts to the totals, under `name`.
 */
function vitest(name, cmd, args) {
  const report = path.join(tmp, `${name.replace(/\W+/g, '-')}.json`);
  const code = run(cmd, [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    record(name, false, `no JSON report, exit ${code}`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const tests = json.numPassedTests + json.numFailedTests;
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails as a whole (import error, hook error) has no failed test.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  failed += brokenFiles.length;
  let detail = `${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests + json.numTodoTests} skipped`;
  if (brokenFiles.length) {
    detail += `; ${brokenFiles.length} file(s) failed to run: ${brokenFiles
      .map((f) => path.relative(root, f.name))
      .join(', ')}`;
  }
  if (json.numTotalTests === 0) {
    failed += 1;
    detail = 'ran no tests';
  } else if (code !== 0 && json.numFailedTests === 0 && brokenFiles.length === 0) {
    failed += 1; // e.g. an unhandled error outside any test
    detail += `; vitest exited ${code}`;
  }
  summary.push(`${tests > 0 && code === 0 ? 'ok  ' : 'FAIL'} ${name} (${detail})`);
  for (const line of vitestProblems(json, root)) summary.push(line);
}

vitest('vitest', 'vitest', ['run']);

// The package on Node 20, the floor of its engines (Vitest itself needs a newer Node): node:test over
// the built package, spec reporter to the console, TAP to a temp file for the counts.
const node20Tap = path.join(tmp, 'node20.tap');
const node20Code = run('node', ['packages/kernelcount/scripts/test-node20.mjs', '--tap', node20Tap]);
{
  const tap = existsSync(node20Tap) ? readFileSync(node20Tap, 'utf8') : '';
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? NaN);
  const [pass, fail, cancelled] = [count('pass'), count('fail'), count('cancelled')];
  if (Number.isNaN(pass) || Number.isNaN(fail)) {
    record('kernelcount on Node 20', false, `no TAP summary, exit ${node20Code}`);
  } else {
    passed += pass;
    failed += fail + (cancelled || 0);
    let detail = `${pass} passed, ${fail + (cancelled || 0)} failed`;
    if (pass + fail === 0) {
      failed += 1;
      detail = 'ran no tests';
    } else if (node20Code !== 0 && fail + (cancelled || 0) === 0) {
      failed += 1;
      detail += `; exited ${node20Code}`;
    }
    summary.push(`${node20Code === 0 && pass > 0 ? 'ok  ' : 'FAIL'} kernelcount on Node 20 (${detail})`);
  }
}

// The package's own Vitest suite again, on Node 20 with Vitest 3 (packages/kernelcount/scripts/vitest-node20.mjs).
vitest('kernelcount Vitest suite on Node 20', 'node', ['packages/kernelcount/scripts/vitest-node20.mjs']);

// Playwright: list reporter to the console, JSON to a temp file for the counts.
if (run('node', ['scripts/ensure-chromium.mjs']) !== 0) {
  record(
    'playwright',
    false,
    "Chromium is missing at /usr/bin/chromium: run `sudo sh -c 'apt-get update && apt-get install -y chromium'`, then npm test",
  );
} else {
  // Screenshots of pages that no longer exist must not linger.
  rmSync(path.join(root, 'test-results', 'screenshots'), { recursive: true, force: true });
  const pwReport = path.join(tmp, 'playwright.json');
  const pwCode = run('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: pwReport });
  if (!existsSync(pwReport)) {
    record('playwright', false, `no JSON report, exit ${pwCode}`);
  } else {
    const json = JSON.parse(readFileSync(pwReport, 'utf8'));
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats ?? {};
    // Errors outside any test: a spec file that fails to load, a web server that does not start.
    const errors = json.errors ?? [];
    passed += expected + flaky;
    failed += unexpected + errors.length;
    let detail = `${expected + flaky} passed${flaky ? ` (${flaky} on retry)` : ''}, ${unexpected} failed, ${skipped} skipped`;
    if (errors.length) {
      const first = (e) => (e.message ?? String(e)).split('\n')[0].replace(/\x1b\[[0-9;]*m/g, '');
      detail += `; ${errors.length} error(s) outside tests: ${errors.map(first).join(' | ')}`;
    }
    let ok = pwCode === 0 && unexpected === 0 && errors.length === 0;
    if (expected + flaky + unexpected === 0) {
      if (errors.length === 0) failed += 1; // otherwise the errors already count
      ok = false;
      detail += '; ran no tests';
    } else if (pwCode !== 0 && unexpected === 0 && errors.length === 0) {
      failed += 1;
      ok = false;
      detail += `; playwright exited ${pwCode}`;
    }
    summary.push(`${ok ? 'ok  ' : 'FAIL'} playwright (${detail})`);
    // CI keeps only the end of the output: name each failed (or retried) test and its error here,
    // next to the counts, not only hundreds of lines above them.
    for (const line of playwrightProblems(json, root)) summary.push(line);
  }
}
rmSync(tmp, { recursive: true, force: true });

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
