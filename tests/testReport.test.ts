// scripts/test-report.mjs: the failed tests npm test names in its closing summary, which is the
// part of a run CI keeps. The reports below have the shape Playwright's and Vitest's JSON reporters
// write (checked against real reports of a deliberately failing test), colour codes included.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NAMED, firstLines, playwrightProblems, vitestProblems } from '../scripts/test-report.mjs';

const root = '/repo';
const red = (s: string) => `\u001b[31m${s}\u001b[39m`;

function pwTest(projectName: string, status: string, results: Array<{ status: string; message?: string; line?: number }>) {
  return {
    projectName,
    status,
    results: results.map((r, retry) => ({
      retry,
      status: r.status,
      ...(r.message
        ? {
            error: { message: r.message, location: { file: path.join(root, 'tests/e2e/a.spec.ts'), line: r.line ?? 1, column: 3 } },
            errors: [{ message: r.message }],
          }
        : { errors: [] }),
    })),
  };
}

function pwReport(specs: unknown[], nested: unknown[] = []) {
  return { suites: [{ title: 'a.spec.ts', file: 'a.spec.ts', specs, suites: nested }] };
}

describe('playwrightProblems', () => {
  it('names a failed test with its project, place, suite titles, and the first lines of its error without colour codes', () => {
    const failing = {
      title: 'fails',
      file: 'a.spec.ts',
      line: 12,
      tests: [pwTest('desktop', 'unexpected', [{ status: 'timedOut', line: 14, message: `Error: ${red('Test timeout of 90000ms exceeded.')}\n\nCall log:\n  - waiting for element to be stable` }])],
    };
    const passing = { title: 'passes', file: 'a.spec.ts', line: 3, tests: [pwTest('desktop', 'expected', [{ status: 'passed' }])] };
    const lines = playwrightProblems(pwReport([passing], [{ title: 'group', specs: [failing], suites: [{ title: 'inner', specs: [] }] }]), root);
    expect(lines).toEqual([
      '     failed: [desktop] a.spec.ts:12 › group › fails',
      '       attempt 1: timedOut at tests/e2e/a.spec.ts:14',
      '         Error: Test timeout of 90000ms exceeded.',
      '         Call log:',
      '           - waiting for element to be stable',
    ]);
  });

  it('names a test that passed only on its retry, with the failed attempt', () => {
    const flaky = { title: 'sometimes', file: 'a.spec.ts', line: 5, tests: [pwTest('phone', 'flaky', [{ status: 'failed', message: 'Error: boom' }, { status: 'passed' }])] };
    expect(playwrightProblems(pwReport([flaky]), root)).toEqual([
      '     passed on retry: [phone] a.spec.ts:5 › sometimes',
      '       attempt 1: failed at tests/e2e/a.spec.ts:1',
      '         Error: boom',
    ]);
  });

  it('shows the harness’s note on an attempt (a page that had stopped drawing) before its error', () => {
    const test = pwTest('desktop', 'unexpected', [{ status: 'timedOut', message: 'Error: Test timeout of 90000ms exceeded.' }]);
    (test.results[0] as Record<string, unknown>)['annotations'] = [
      { type: 'browser', description: 'the page had stopped drawing frames' },
      { type: 'other', description: 'not shown' },
    ];
    expect(playwrightProblems(pwReport([{ title: 'stalls', file: 'a.spec.ts', line: 2, tests: [test] }]), root)).toEqual([
      '     failed: [desktop] a.spec.ts:2 › stalls',
      '       attempt 1: timedOut at tests/e2e/a.spec.ts:1',
      '         note (browser): the page had stopped drawing frames',
      '         Error: Test timeout of 90000ms exceeded.',
    ]);
  });

  it('lists nothing when every test passed or was skipped, and copes with a report without suites', () => {
    const ok = { title: 'ok', file: 'a.spec.ts', line: 1, tests: [pwTest('desktop', 'expected', [{ status: 'passed' }]), pwTest('phone', 'skipped', [{ status: 'skipped' }])] };
    expect(playwrightProblems(pwReport([ok]), root)).toEqual([]);
    expect(playwrightProblems({}, root)).toEqual([]);
  });

  it(`names at most ${MAX_NAMED} failed tests and counts the rest`, () => {
    const specs = Array.from({ length: MAX_NAMED + 3 }, (_, i) => ({ title: `t${i}`, file: 'a.spec.ts', line: i + 1, tests: [pwTest('desktop', 'unexpected', [{ status: 'failed', message: 'Error: x' }])] }));
    const lines = playwrightProblems(pwReport(specs), root);
    expect(lines.filter((l) => l.includes('failed: [desktop]'))).toHaveLength(MAX_NAMED);
    expect(lines.at(-1)).toBe("     … and 3 more (the runner's own output above lists them)");
  });
});

describe('vitestProblems', () => {
  it('names a failed test with its file, the message, and the first stack frame in the repo (not the runner’s)', () => {
    const report = {
      testResults: [
        {
          name: path.join(root, 'tests/x.test.ts'),
          assertionResults: [
            { fullName: 'outer passes', title: 'passes', status: 'passed', failureMessages: [] },
            {
              fullName: 'outer fails',
              title: 'fails',
              status: 'failed',
              failureMessages: [
                `AssertionError: expected 1 to be 2\n    at new Promise (<anonymous>)\n    at file://${root}/node_modules/vitest/dist/run.js:1:1\n    at ${root}/tests/x.test.ts:7:9\n    at ${root}/tests/x.test.ts:3:1`,
              ],
            },
          ],
        },
      ],
    };
    expect(vitestProblems(report, root)).toEqual(['     failed: tests/x.test.ts › outer fails', '       AssertionError: expected 1 to be 2', '       at tests/x.test.ts:7:9']);
  });

  it('lists nothing for a report with no failed test', () => {
    expect(vitestProblems({ testResults: [{ name: `${root}/t.test.ts`, assertionResults: [{ status: 'passed', failureMessages: [] }] }] }, root)).toEqual([]);
    expect(vitestProblems({}, root)).toEqual([]);
  });
});

describe('firstLines', () => {
  it('keeps the first non-empty lines, strips colour codes and cuts long lines at 300 characters', () => {
    expect(firstLines(`${red('a')}\n\n  b  \nc\nd\ne`, 3)).toEqual(['a', '  b', 'c']);
    const long = firstLines('x'.repeat(400))[0]!;
    expect(long).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
    expect(firstLines(undefined)).toEqual([]);
  });
});
