// `kernelcount uncertainty`: Monte Carlo over the scenario's ranges from the command line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../src/analysis/monteCarlo.js';
import { run } from '../src/cli/run.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { TODAY, examplesDir, memoryIo } from './helpers.js';

const RANGES = `
uncertainty:
  prices.electricityPerKWh: { low: 0.08, likely: 0.12, high: 0.20 }
  workloads[api].instances: { low: 20, likely: 24, high: 40 }
  catalog.licence.vvf: { low: 100, likely: 135, high: 200 }
`;
const example = readFileSync(path.join(examplesDir, 'linux-microservices.yaml'), 'utf8');
const files = {
  's.yaml': example + RANGES,
  'plain.yaml': example,
  'bad.yaml': example + RANGES.replace('high: 40', 'high: 10'),
  'typo.yaml': example + RANGES.replace('workloads[api]', 'workloads[apl]'),
};

async function cli(...args: string[]) {
  const r = await run(args, memoryIo({ ...files, '-': files['s.yaml'] }));
  const printed = (r.stdout + r.stderr).replace(/got "[^"]*"/g, 'got ...');
  expect(printed, args.join(' ')).not.toMatch(/NaN|Infinity|undefined|\[object /);
  return r;
}

describe('kernelcount uncertainty', () => {
  it('prints the inputs, each platform at P10 / P50 / P90 and the differences with the baseline', async () => {
    const r = await cli('uncertainty', 's.yaml', '--samples', '500', '--seed', '42', '--today', TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('kernelcount uncertainty: 40 Linux microservices (USD, 5 years, baseline vm)');
    expect(lines[1]).toBe('500 samples, seed 42, PERT ranges');
    expect(r.stdout).toMatch(/^workloads\[api\]\.instances\s+20\s+24\s+40\s+whole numbers, changes sizing$/m);
    expect(r.stdout).toMatch(/^TCO 5y \(USD\)\s+P10\s+P50\s+P90\s+mean$/m);
    // Whole dollars in the scenario's currency: $442,683, -$75,831.
    for (const p of ['vm', 'containers', 'containers-in-vms', 'microvm']) expect(r.stdout).toMatch(new RegExp(`^${p}\\s+\\$[\\d,]+\\s+\\$[\\d,]+\\s+\\$[\\d,]+\\s+\\$[\\d,]+$`, 'm'));
    expect(r.stdout).toMatch(/^containers - vm\s+-?\$[\d,]+\s+-?\$[\d,]+\s+-?\$[\d,]+\s+-?\$[\d,]+\s+\d+\.\d%$/m);
    expect(r.stdout).toMatch(/^containers costs less than vm in \d+\.\d% of samples\.$/m);
  });

  it('prints the library result as JSON, the same for the same seed, from a file or standard input', async () => {
    const a = await cli('uncertainty', 's.yaml', '--samples', '300', '--seed', '7', '--format', 'json', '--today', TODAY);
    const b = await cli('uncertainty', '-', '--samples=300', '--seed=7', '--format=json', '--today', TODAY);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const lib = monteCarlo(parseScenarioText(files['s.yaml']), { samples: 300, seed: 7, today: TODAY });
    expect(a.stdout).toBe(JSON.stringify(lib, null, 2) + '\n');
    const j = JSON.parse(a.stdout);
    expect(j).toMatchObject({ samples: 300, seed: 7, complete: true, distribution: 'pert' });
    expect(typeof j.platforms[0].tco.p50).toBe('string');
    const c = await cli('uncertainty', 's.yaml', '--samples', '300', '--seed', '8', '--format', 'json', '--today', TODAY);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('compares the two platforms named by --between', async () => {
    const r = await cli('uncertainty', 's.yaml', '--samples', '200', '--between', 'containers, vm', '--format', 'csv', '--today', TODAY);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['kind', 'a', 'b', 'p10', 'p50', 'p90', 'mean', 'min', 'max', 'probabilityACheaper', 'samples', 'seed', 'currency']);
    expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['tco', 'vm', ''],
      ['tco', 'containers', ''],
      ['difference', 'containers', 'vm'],
    ]);
    expect(rows[3]![10]).toBe('200');
    expect(rows[3]![11]).toBe('1');
  });

  it('writes Markdown with --format md or markdown', async () => {
    const md = await cli('uncertainty', 's.yaml', '--samples', '100', '--format', 'md', '--today', TODAY);
    const markdown = await cli('uncertainty', 's.yaml', '--samples', '100', '--format', 'markdown', '--today', TODAY);
    expect(md.stdout).toBe(markdown.stdout);
    expect(md.stdout).toMatch(/^# Uncertainty: 40 Linux microservices$/m);
    expect(md.stdout).toMatch(/^\| TCO 5y \(USD\) \| P10 \| P50 \| P90 \| mean \|$/m);
  });

  it('exits 2 naming the flag, the range or the file', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['uncertainty', 's.yaml', '--samples', '0'], /--samples: must be >= 1, got "0" \[too_small\]/],
      [['uncertainty', 's.yaml', '--samples', 'lots'], /--samples: must be a whole number of samples, got "lots" \[invalid_type\]/],
      [['uncertainty', 's.yaml', '--samples', '2000000'], /--samples: must be at most 1000000/],
      [['uncertainty', 's.yaml', '--seed', '1.5'], /--seed: must be a whole number from 0 to 4,294,967,295, got "1.5" \[invalid_type\]/],
      [['uncertainty', 's.yaml', '--seed', '4294967296'], /--seed: must be a whole number from 0 to 4,294,967,295, got "4294967296"/],
      [['uncertainty', 's.yaml', '--between', 'vm'], /--between: must be two platform names separated by a comma/],
      [['uncertainty', 's.yaml', '--between', 'vm,k8s'], /--between: no platform named "k8s"; platforms are "vm", "containers", "containers-in-vms", "microvm" \[unknown_value\]/],
      [['uncertainty', 's.yaml', '--format', 'pdf'], /--format: must be one of table, json, csv, md, markdown, got "pdf"/],
      [['uncertainty', 's.yaml', '--today', 'soon'], /--today: must be a date YYYY-MM-DD/],
      [['uncertainty', 's.yaml', '--colour'], /unknown option --colour/],
      [['uncertainty'], /scenario: give a scenario file \(or - for standard input\)/],
      [['uncertainty', 'missing.yaml'], /missing\.yaml: cannot read the scenario: no such file \[unreadable\]/],
      [['uncertainty', 'plain.yaml'], /uncertainty: the scenario gives no ranges: add an uncertainty: section/],
      [['uncertainty', 'bad.yaml'], /uncertainty\["workloads\[api\]\.instances"\]\.high: must be >= likely \(24\), got 10 \[conflict\]/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('has --help, and is listed in the main help', async () => {
    const r = await cli('uncertainty', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kernelcount uncertainty <scenario file, or - for stdin> \[options\]/);
    for (const flag of ['--samples N', '--seed N', '--between A,B', '--format table|json|csv|md', '--today']) expect(r.stdout).toContain(flag);
    expect((await cli('--help')).stdout).toContain('kernelcount uncertainty <scenario.yaml>');
  });
});

describe('ranges on the other verbs', () => {
  // evaluate() checks only the ranges' shape; the CLI resolves them for every verb, so a range
  // naming no input is reported even by a verb that does not sample.
  it('evaluate and project refuse a range whose path names no input, at the range', async () => {
    for (const verb of ['evaluate', 'project']) {
      const r = await cli(verb, 'typo.yaml', '--today', TODAY);
      expect(r.code, `${verb}: ${r.stdout}`).toBe(2);
      expect(r.stderr, verb).toContain('uncertainty["workloads[apl].instances"]: no workload named "apl"; workloads are "api"');
    }
  });

  it('evaluate prices a file with valid ranges at the scenario\'s own values', async () => {
    const [a, b] = [await cli('evaluate', 's.yaml', '--today', TODAY, '--format', 'json'), await cli('evaluate', 'plain.yaml', '--today', TODAY, '--format', 'json')];
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).platforms).toEqual(JSON.parse(b.stdout).platforms);
  });
});
