// The failures npm test names in its closing summary (scripts/test.mjs), read from the runners' JSON
// reports. CI keeps only the end of a run's output, so each failed test is named there with where it
// stopped and the first lines of why, next to the counts.
import path from 'node:path';

/** At most this many failed tests are named per runner; the rest are counted. */
export const MAX_NAMED = 20;

/**
 * `entries` (each a list of lines) flattened, the first MAX_NAMED of them, then how many more there were.
 * @param {string[][]} entries
 * @returns {string[]}
 */
function capped(entries) {
  const lines = entries.slice(0, MAX_NAMED).flat();
  if (entries.length > MAX_NAMED) lines.push(`     … and ${entries.length - MAX_NAMED} more (the runner's own output above lists them)`);
  return lines;
}

/**
 * The first `lines` non-empty lines of an error message, without colour codes, each cut to 300 characters.
 * @param {unknown} text
 * @param {number} [lines]
 * @returns {string[]}
 */
export function firstLines(text, lines = 4) {
  return String(text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, lines)
    .map((l) => (l.length > 300 ? `${l.slice(0, 299)}…` : l));
}

/**
 * Summary lines for the Playwright tests that failed or passed only on a retry, from its JSON
 * report: project, file:line and title, then each failed attempt's first error lines (where
 * it stopped and why).
 * @param {any} json Playwright's JSON report
 * @param {string} root the repo's folder, for relative paths
 * @returns {string[]}
 */
export function playwrightProblems(json, root) {
  /** @type {string[][]} */
  const entries = [];
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const mark = t.status === 'flaky' ? 'passed on retry:' : 'failed:';
        const out = [];
        entries.push(out);
        out.push(`     ${mark} [${t.projectName}] ${spec.file}:${spec.line} › ${[...here, spec.title].join(' › ')}`);
        for (const r of t.results ?? []) {
          if (r.status === 'passed' || r.status === 'skipped') continue;
          const at = r.error?.location ? ` at ${path.relative(root, r.error.location.file)}:${r.error.location.line}` : '';
          out.push(`       attempt ${r.retry + 1}: ${r.status}${at}`);
          // Notes the harness adds to a failed attempt (tests/e2e/helpers.ts), such as a page that
          // had stopped drawing: what the error alone does not say.
          for (const a of r.annotations ?? []) if (a.type === 'browser') out.push(`         note (${a.type}): ${a.description}`);
          for (const e of r.errors?.length ? r.errors : r.error ? [r.error] : []) {
            for (const l of firstLines(e.message, 10)) out.push(`         ${l}`);
          }
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const s of json.suites ?? []) walk(s, []);
  return capped(entries);
}

/**
 * Summary lines for the Vitest tests that failed, from its JSON report: file, name, first error lines.
 * @param {any} json Vitest's JSON report
 * @param {string} root the repo's folder, for relative paths
 * @returns {string[]}
 */
export function vitestProblems(json, root) {
  /** @type {string[][]} */
  const entries = [];
  for (const f of json.testResults ?? []) {
    for (const a of f.assertionResults ?? []) {
      if (a.status !== 'failed') continue;
      const out = [];
      entries.push(out);
      out.push(`     failed: ${path.relative(root, f.name)} › ${a.fullName ?? a.title}`);
      // The message, then the first stack frame in the repo's own code (not the runner's).
      const lines = (a.failureMessages ?? []).join('\n').split('\n');
      const frame = lines.find((l) => /^\s*at /.test(l) && l.includes(root) && !l.includes('node_modules'));
      const message = lines.filter((l) => !/^\s*at /.test(l)).join('\n');
      for (const l of [...firstLines(message), ...(frame ? firstLines(frame.trim().replace(root + path.sep, '')) : [])]) out.push(`       ${l}`);
    }
  }
  return capped(entries);
}
