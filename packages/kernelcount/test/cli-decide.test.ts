// `kernelcount breakeven`, `sensitivity` and `diff`: formats, flags and the errors that name them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { money } from '../src/money.js';
import { TODAY, examplesDir, memoryIo } from './helpers.js';

const linux = readFileSync(path.join(examplesDir, 'linux-microservices.yaml'), 'utf8');
const windows = readFileSync(path.join(examplesDir, 'windows-lob-sql.yaml'), 'utf8');
const files = () => memoryIo({ 'linux.yaml': linux, 'windows.yaml': windows, 'after.yaml': linux.replace('electricityPerKWh: 0.12', 'electricityPerKWh: 0.2').replace('instances: 24', 'instances: 30') });

async function cli(...args: string[]) {
  const r = await run([...args, '--today', TODAY], files());
  const printed = (r.stdout + r.stderr).replace(/got "[^"]*"/g, 'got ...');
  expect(printed, args.join(' ')).not.toMatch(/NaN|Infinity|undefined|\[object /);
  return r;
}

describe('kernelcount breakeven', () => {
  it('prints the break-even of one input in every format', async () => {
    for (const format of ['table', 'json', 'csv', 'md']) {
      const r = await cli('breakeven', 'linux.yaml', '--input', 'prices.electricityPerKWh', '--between', 'vm,containers', '--range', '0..2', '--format', format);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    const j = JSON.parse((await cli('breakeven', 'linux.yaml', '--input', 'prices.electricityPerKWh', '--between', 'vm,containers', '--range', '0..2', '--format', 'json')).stdout);
    expect(j.breakEven).toMatchObject({ subject: 'input', input: 'prices.electricityPerKWh', kind: 'equal', between: ['vm', 'containers'], cheaperBelow: 'containers', cheaperFrom: 'vm' });
    // Money in JSON is exact decimal text; at the value the two totals are within half a cent.
    const [a, b] = j.breakEven.at.costs as [string, string];
    expect(money(a).minus(b).abs().lt('0.005')).toBe(true);
    expect(j.licences).toEqual([]);
    const csv = (await cli('breakeven', 'linux.yaml', '--input', 'prices.electricityPerKWh', '--between', 'vm,containers', '--range', '0..2', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('subject,platform,input,unit,a,b,measure,currency,kind,value,exact,costA,costB,beforeValue,beforeCostA,beforeCostB,cheaperBelow,cheaperFrom,rangeLow,rangeHigh,text');
    expect(csv[1]).toMatch(/^input,,prices\.electricityPerKWh,USD\/kWh,vm,containers,TCO over 5 years,USD,equal,0\.9598507,/);
  });

  it('gives the table a sentence, the costs on each side and the sampled points', async () => {
    const r = await cli('breakeven', 'linux.yaml', '--input', 'workloads[api].instances', '--between', 'vm,containers', '--range', '0..40');
    expect(r.stdout).toMatch(/^Break-even of workloads\[api\]\.instances between vm and containers \(TCO over 5 years, USD\)\nrange 0\.\.40 instances, whole numbers\n/);
    expect(r.stdout).toMatch(/containers becomes cheaper than vm at workloads\[api\]\.instances = \d+ instances/);
    expect(r.stdout).toMatch(/\n {2}before +\d+ /);
    expect(r.stdout).toMatch(/\n {2}flips at +\d+ /);
    expect(r.stdout).toMatch(/Sampled across the range:/);
  });

  it('lists the licence break-evens without --input', async () => {
    const r = await cli('breakeven', 'windows.yaml', '--between', 'vm,containers');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Licence break-evens \(guests per host\):\n {2}- windows-server-datacenter\/per-core becomes cheaper than windows-server-standard\/per-core at 11 guests per host \(vm,/);
    expect(r.stdout).not.toMatch(/\(containers-in-vms,/);
    const none = await cli('breakeven', 'linux.yaml');
    expect(none.stdout).toMatch(/Licence break-evens \(guests per host\): none/);
  });

  it('exits 2 naming the flag for every mistake', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['breakeven', 'linux.yaml', '--input', 'prices.pue'], /--between: give two platforms to compare/],
      [['breakeven', 'linux.yaml', '--input', 'prices.pue', '--between', 'vm'], /--between: give two platform names separated by a comma/],
      [['breakeven', 'linux.yaml', '--input', 'prices.pue', '--between', 'vm,k8s'], /--between: no platform named "k8s"; platforms are "vm", "containers"/],
      [['breakeven', 'linux.yaml', '--input', 'workloads[web].instances', '--between', 'vm,containers'], /--input: workloads\[web\]\.instances: no workload named "web"; workloads are "api", "worker", "cache" \[unknown_value\]/],
      [['breakeven', 'linux.yaml', '--input', 'prices.pue', '--between', 'vm,containers', '--range', '1-2'], /--range: must be LOW\.\.HIGH with two numbers/],
      [['breakeven', 'linux.yaml', '--input', 'prices.pue', '--between', 'vm,containers', '--range', '0.5..2'], /--range: prices\.pue must be >= 1, got 0\.5 \[too_small\]/],
      [['breakeven', 'linux.yaml', '--input', 'prices.pue', '--between', 'vm,containers', '--samples', 'many'], /--samples: must be a whole number/],
      [['breakeven', 'linux.yaml', '--input', 'prices.pue', '--between', 'vm,containers', '--samples', '1'], /--samples: must be a whole number from 2 to 1000/],
      [['breakeven', 'linux.yaml', '--range', '1..2'], /--range: applies with --input/],
      [['breakeven', 'linux.yaml', '--between', 'vm,kata'], /--between: no platform named "kata"; platforms are "vm"/],
      [['breakeven', 'missing.yaml', '--input', 'prices.pue', '--between', 'vm,containers'], /missing\.yaml: cannot read the scenario: no such file \[unreadable\]/],
      [['breakeven', '--input', 'prices.pue', '--between', 'vm,containers'], /scenario: give a scenario file/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('kernelcount sensitivity', () => {
  it('ranks inputs in every format', async () => {
    for (const format of ['table', 'json', 'csv', 'md']) {
      const r = await cli('sensitivity', 'linux.yaml', '--between', 'vm,containers', '--format', format, '--input', 'hosts[0].price', '--input', 'prices.electricityPerKWh');
      expect(r.code, r.stderr).toBe(0);
    }
    const j = JSON.parse((await cli('sensitivity', 'linux.yaml', '--between', 'vm,containers', '--format', 'json', '--input', 'hosts[0].price', '--input=prices.electricityPerKWh')).stdout);
    expect(j.rows.map((r: { input: string }) => r.input)).toEqual(['hosts[2x32-core 1 TiB].price', 'prices.electricityPerKWh']);
    // 38,000 +/- 20%
    expect([j.rows[0].low.value, j.rows[0].high.value]).toEqual(['30400', '45600']);
    const csv = (await cli('sensitivity', 'linux.yaml', '--between', 'vm,containers', '--format', 'csv', '--input', 'hosts[0].price')).stdout.split('\n');
    expect(csv[0]).toBe('rank,input,label,unit,source,base,low,high,lowCostA,lowCostB,lowDifference,highCostA,highCostB,highDifference,swing,swingA,swingB,notes');
    expect(csv[1]).toMatch(/^1,hosts\[2x32-core 1 TiB\]\.price,purchase price per host \(host 2x32-core 1 TiB\),currency,scenario,38000,30400,45600,/);
  });

  it('takes --range as a share or as down..up, and --top', async () => {
    const j = JSON.parse((await cli('sensitivity', 'linux.yaml', '--between', 'vm,containers', '--format', 'json', '--input', 'hosts[0].price', '--range', '-10%..+50%')).stdout);
    expect([j.rows[0].low.value, j.rows[0].high.value]).toEqual(['34200', '57000']);
    const t = await cli('sensitivity', 'linux.yaml', '--between', 'vm,containers', '--top', '3');
    expect(t.stdout).toMatch(/^Sensitivity of vm - containers \(TCO over 5 years, USD\), each input \+\/-20% with the others held\n/);
    expect(t.stdout.split('\n').filter((l) => /^ {2}\d+ /.test(l))).toHaveLength(3);
    expect(t.stdout).toMatch(/more inputs \(--top to show more\)/);
  });

  it('exits 2 naming the flag for every mistake', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['sensitivity', 'linux.yaml'], /--between: give two platforms to compare/],
      [['sensitivity', 'linux.yaml', '--between', 'vm,containers', '--range', '20'], /--range: must be a share like 20% or -10%\.\.\+30%/],
      [['sensitivity', 'linux.yaml', '--between', 'vm,containers', '--range', '100%'], /--range: must be below 1 \(100%\)/],
      [['sensitivity', 'linux.yaml', '--between', 'vm,containers', '--top', '0'], /--top: must be a whole number of rows >= 1/],
      [['sensitivity', 'linux.yaml', '--between', 'vm,containers', '--input', 'hosts[9].price'], /--input: hosts\[9\]\.price: there is no host \[9\]/],
      [['sensitivity', 'linux.yaml', '--between', 'vm,containers', '--input'], /--input: --input needs a value/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
    }
  });
});

describe('kernelcount diff', () => {
  it('lists changed inputs and line items in every format', async () => {
    for (const format of ['table', 'json', 'csv', 'md']) {
      const r = await cli('diff', 'linux.yaml', 'after.yaml', '--format', format);
      expect(r.code, r.stderr).toBe(0);
    }
    const t = (await cli('diff', 'linux.yaml', 'after.yaml')).stdout;
    expect(t).toMatch(/^Diff: linux\.yaml -> after\.yaml\n\nInputs changed \(2\):\n {2}~ workloads\[api\]\.instances: 24 -> 30\n {2}~ prices\.electricityPerKWh: 0\.12 -> 0\.2\n/);
    // 15,111 kWh a year x 0.08 x 5 years = 6,044.40 more electricity on vm (USD: shown with $).
    expect(t).toMatch(/ {2}Electricity \(PUE 1\.5\) +changed +15111 kWh x 0\.12 +15111 kWh x 0\.2 +\$9,066\.60 +\$15,111\.00 +\+\$6,044\.40\n/);
    const csv = (await cli('diff', 'linux.yaml', 'after.yaml', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('platform,lineItem,category,change,beforeQuantity,afterQuantity,unit,beforeUnitPrice,afterUnitPrice,beforeTotal,afterTotal,delta,currency');
    expect(csv).toContain('vm,Electricity (PUE 1.5),power,changed,15111,15111,kWh,0.12,0.2,9066.6,15111,6044.4,USD');
    const j = JSON.parse((await cli('diff', 'linux.yaml', 'linux.yaml', '--format', 'json')).stdout);
    expect(j.inputs).toEqual([]);
    expect(j.platforms.every((p: { change: string }) => p.change === 'unchanged')).toBe(true);
  });

  it('exits 2 naming the file for every mistake', async () => {
    const io = memoryIo({ 'a.yaml': linux, 'bad.yaml': linux.replace('memoryGiB: 1       # the app', 'memoryGiB: -4      # the app'), 'broken.yaml': 'hosts: [' });
    const cases: Array<[string[], RegExp]> = [
      [['diff', 'a.yaml'], /scenarios: give two scenario files, before and after; got 1/],
      [['diff', 'a.yaml', 'bad.yaml'], /bad\.yaml: workloads\[0\]\.memoryGiB: must be > 0 GiB, got -4 \[too_small\]/],
      [['diff', 'a.yaml', 'broken.yaml'], /broken\.yaml/],
      [['diff', 'a.yaml', 'nope.yaml'], /nope\.yaml: cannot read the scenario: no such file/],
      [['diff', '-', '-'], /only one of the two may be -/],
    ];
    for (const [args, pattern] of cases) {
      const r = await run(args, io);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
    }
  });
});

it('has --help on each decision command', async () => {
  for (const cmd of ['breakeven', 'sensitivity', 'diff']) {
    const r = await run([cmd, '--help'], memoryIo());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: kernelcount ${cmd} `));
  }
  expect((await run(['--help'], memoryIo())).stdout).toMatch(/kernelcount breakeven <scenario> --input PATH --between A,B/);
});

describe('--locale on the decision verbs and uncertainty', () => {
  // de-DE writes US dollars as 1.234,56 $: a dot groups thousands, a comma marks decimals.
  const GERMAN_MONEY = /\d{1,3}(\.\d{3})*(,\d+)?\s\$/;
  it('shows money the German way in table and md, and refuses csv/json or a malformed tag, naming the flag', async () => {
    const withRanges = linux + '\nuncertainty:\n  prices.electricityPerKWh: { low: 0.08, likely: 0.12, high: 0.2 }\n';
    const runs: string[][] = [
      ['breakeven', 'linux.yaml', '--input', 'prices.electricityPerKWh', '--between', 'vm,containers', '--range', '0..2'],
      ['sensitivity', 'linux.yaml', '--between', 'vm,containers', '--input', 'prices.electricityPerKWh'],
      ['diff', 'linux.yaml', 'after.yaml'],
    ];
    for (const args of runs) {
      for (const format of ['table', 'md']) {
        const r = await cli(...args, '--format', format, '--locale', 'de-DE');
        expect(r.code, `${args[0]} ${r.stderr}`).toBe(0);
        expect(r.stdout, args[0]).toMatch(GERMAN_MONEY);
      }
      const csv = await cli(...args, '--format', 'csv', '--locale', 'de-DE');
      expect(csv.stderr, args[0]).toMatch(/--locale: applies to --format table and md only; csv keeps plain numbers/);
      const bad = await cli(...args, '--locale', 'en_US');
      expect([bad.code, bad.stderr.includes('--locale:')], args[0]).toEqual([2, true]);
    }
    const u = await run(['uncertainty', 'u.yaml', '--between', 'vm,containers', '--samples', '200', '--locale', 'de-DE', '--today', TODAY], memoryIo({ 'u.yaml': withRanges }));
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toMatch(GERMAN_MONEY);
  });
});
