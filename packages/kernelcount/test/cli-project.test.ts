// `kernelcount project`: costs over time from the command line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { evaluate } from '../src/evaluate.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { project } from '../src/time/project.js';
import { TODAY, examplesDir, memoryIo } from './helpers.js';

const example = readFileSync(path.join(examplesDir, 'linux-microservices.yaml'), 'utf8');

/** Only hardware costs money: 10,000 a host, 10% support a year, a 2-year life and horizon. */
const HARDWARE_ONLY = `
name: hardware only
horizonYears: 2
hosts:
  - { name: h, sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000, price: 10000, powerIdleW: 200, powerMaxW: 600 }
workloads:
  - { name: api, instances: 20, vcpus: 0.5, memoryGiB: 1, imageMiB: 100 }
platforms:
  - { type: containers }
prices: { electricityPerKWh: 0, colocationPerKWMonth: 0, adminCostPerYear: 0, hardwareSupportPercentPerYear: 10, amortizationYears: 2 }
finance: { discountRatePercent: 10 }
`;

const files = {
  's.yaml': example + '\ngrowth: { percentPerYear: 10 }\nfinance: { discountRatePercent: 8 }\n',
  'plain.yaml': example,
  'hw.yaml': HARDWARE_ONLY,
  'bad.yaml': example + '\nfinance: { hardware: rent }\n',
  'big.yaml': example.replace('instances: 24', 'instances: 2400'),
};

async function cli(...args: string[]) {
  const r = await run(args, memoryIo({ ...files, '-': files['s.yaml'] }));
  const printed = (r.stdout + r.stderr).replace(/got "[^"]*"/g, 'got ...');
  expect(printed, args.join(' ')).not.toMatch(/NaN|Infinity|undefined|\[object /);
  return r;
}

describe('kernelcount project', () => {
  it('prints a row per year and the totals for each platform, then every platform side by side', async () => {
    const r = await cli('project', 's.yaml', '--today', TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('kernelcount project: 40 Linux microservices');
    expect(lines[1]).toBe('USD, 5 years, growth 10% a year; hosts purchased, life 5 years; discount rate 8%; grid 481 gCO2e/kWh');
    expect(r.stdout).toMatch(/^vm \(vm, host 2x32-core 1 TiB\)$/m);
    expect(r.stdout).toMatch(/^ {2}year\s+instances\s+hosts needed\s+owned\s+bought\s+refreshed\s+amortized\s+cash\s+present value\s+t CO2e$/m);
    // api 24 -> 27 -> 30 -> 32 -> 36, worker 12 -> 14 -> 15 -> 16 -> 18, cache 4 -> 5 -> 5 -> 6 -> 6.
    const p = project(parseScenarioText(files['s.yaml']), { today: TODAY });
    expect(p.growth.workloads.map((w) => w.instances)).toEqual([
      [24, 27, 30, 32, 36],
      [12, 14, 15, 16, 18],
      [4, 5, 5, 6, 6],
    ]);
    const vmYears = lines.slice(lines.indexOf('vm (vm, host 2x32-core 1 TiB)') + 2, lines.indexOf('vm (vm, host 2x32-core 1 TiB)') + 7);
    expect(vmYears.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['1', '40'],
      ['2', '46'],
      ['3', '50'],
      ['4', '54'],
      ['5', '60'],
    ]);
    const vm = p.platforms[0]!;
    expect(r.stdout).toContain(`  total`);
    expect(r.stdout).toMatch(new RegExp(`^vm\\s+${vm.totals.hostsBought}\\s+[\\d,]+\\s+[\\d,.]+\\s+\\$[\\d,]+\\s+\\$[\\d,]+\\s+\\$[\\d,]+$`, 'm'));
    // tonnes: the years' kWh x 481 g / 1000 / 1000
    expect(vm.totals.co2eKg.toString()).toBe(vm.totals.kWh.times(481).div(1000).toString());
    expect(r.stdout).toMatch(/^present value: each year's cash discounted as paid at the start of the year\.$/m);
  });

  it('prints the library result as JSON, from a file or standard input', async () => {
    const a = await cli('project', 's.yaml', '--format', 'json', '--today', TODAY);
    const b = await cli('project', '-', '--format=json', '--today', TODAY);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toBe(JSON.stringify(project(parseScenarioText(files['s.yaml']), { today: TODAY }), null, 2) + '\n');
    const j = JSON.parse(a.stdout);
    expect(j.finance).toEqual({ discountRatePercent: 8, hardware: 'purchase', leaseRatePercent: 0, hostLifeYears: 5, leasePaymentPerHost: null });
    expect(typeof j.platforms[0].totals.cash).toBe('string');
    expect(j.platforms[0].years[0].cash.lines[0]).toMatchObject({ component: 'hardware', unit: 'host' });
  });

  it('writes one CSV row per platform and year with exact decimals, worked by hand', async () => {
    const r = await cli('project', 'hw.yaml', '--format', 'csv', '--today', TODAY);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual([
      'platform', 'year', 'instances', 'vms', 'hostsNeeded', 'hostsOwned', 'hostsBought', 'boughtForGrowth', 'boughtAsRefresh',
      'hostsRetired', 'hostsIdle', 'kWh', 'co2eKg', 'amortized', 'cash', 'discountFactor', 'presentValue', 'currency',
    ]);
    const h = evaluate(parseScenarioText(HARDWARE_ONLY), { today: TODAY }).platforms[0]!.hosts;
    const col = (row: string[], name: string) => row[rows[0]!.indexOf(name)];
    const [y1, y2, total] = rows.slice(1);
    expect(rows).toHaveLength(4);
    // Year 1: h hosts at 10,000 plus 10% support; year 2: support only, discounted by 1.1.
    expect([col(y1!, 'year'), col(y1!, 'hostsBought'), col(y1!, 'cash'), col(y1!, 'amortized'), col(y1!, 'presentValue')]).toEqual(['1', String(h), String(11000 * h), String(6000 * h), String(11000 * h)]);
    expect([col(y2!, 'year'), col(y2!, 'hostsBought'), col(y2!, 'cash'), col(y2!, 'amortized')]).toEqual(['2', '0', String(1000 * h), String(6000 * h)]);
    expect(Number(col(y2!, 'presentValue'))).toBeCloseTo((1000 * h) / 1.1, 9);
    expect(Number(col(y2!, 'discountFactor'))).toBeCloseTo(1 / 1.1, 12);
    expect([col(total!, 'year'), col(total!, 'hostsBought'), col(total!, 'cash'), col(total!, 'amortized')]).toEqual(['total', String(h), String(12000 * h), String(12000 * h)]);
  });

  it('lets flags replace the scenario figures', async () => {
    const r = await cli('project', 's.yaml', '--growth', '0', '--discount-rate', '0%', '--hardware', 'lease', '--lease-rate', '6', '--format', 'json', '--today', TODAY);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.growth.percentPerYear).toBe(0);
    expect(j.growth.workloads.map((w: { instances: number[] }) => w.instances[4])).toEqual([24, 12, 4]);
    expect(j.finance).toMatchObject({ discountRatePercent: 0, hardware: 'lease', leaseRatePercent: 6 });
    // 38,000 over 5 years at 6%, paid at the start of each year: 38,000 x 0.06 x 1.06^4 / (1.06^5 - 1) = 8510.44
    expect(Number(j.finance.leasePaymentPerHost[0].payment)).toBeCloseTo(8510.44, 1);
    const t = await cli('project', 's.yaml', '--hardware', 'lease', '--lease-rate', '6', '--today', TODAY);
    expect(t.stdout.split('\n')[1]).toMatch(/^USD, 5 years, growth 10% a year; hosts leased at 6% \(\$8,510\.\d\d a year per 2x32-core 1 TiB\), life 5 years; discount rate 8%; grid 481 gCO2e\/kWh$/);
    const de = await cli('project', 's.yaml', '--hardware', 'lease', '--lease-rate', '6', '--locale', 'de-DE', '--today', TODAY);
    expect(de.stdout.split('\n')[1]).toMatch(/\(8\.510,\d\d\s\$ a year per/);
    const bad = await cli('project', 's.yaml', '--locale', 'de-DE', '--format', 'csv');
    expect(bad.stderr).toMatch(/--locale: applies to --format table and md only/);
    const neg = await cli('project', 'plain.yaml', '--growth', '-20', '--format', 'json', '--today', TODAY);
    expect(JSON.parse(neg.stdout).growth.workloads[0].instances).toEqual([24, 20, 16, 13, 10]);
  });

  it('writes Markdown with --format md or markdown', async () => {
    const md = await cli('project', 's.yaml', '--format', 'md', '--today', TODAY);
    const markdown = await cli('project', 's.yaml', '--format', 'markdown', '--today', TODAY);
    expect(md.stdout).toBe(markdown.stdout);
    expect(md.stdout).toMatch(/^# Costs over time: 40 Linux microservices$/m);
    expect(md.stdout).toMatch(/^## vm \(vm, host 2x32-core 1 TiB\)$/m);
    expect(md.stdout).toMatch(/^\| year \| instances \| hosts needed \| owned \| bought \| refreshed \| amortized \| cash \| present value \| t CO2e \|$/m);
    expect(md.stdout).toMatch(/^\| over 5 years \| hosts bought \| kWh \| t CO2e \| amortized \| cash \| present value \|$/m);
  });

  it('exits 2 naming the flag or the scenario path', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['project', 's.yaml', '--growth', 'ten'], /--growth: must be a percentage such as 10, 2\.5% or -5, got "ten" \[invalid_type\]/],
      [['project', 's.yaml', '--growth', '-100'], /--growth: must be a yearly growth in percent above -100 and at most 1000, got -100 \[too_small\]/],
      [['project', 's.yaml', '--growth', '1001%'], /--growth: must be a yearly growth in percent above -100 and at most 1000, got 1001 \[too_big\]/],
      [['project', 's.yaml', '--discount-rate', '101'], /--discount-rate: must be a yearly rate in percent from 0 to 100, got 101 \[too_big\]/],
      [['project', 's.yaml', '--discount-rate', '-1'], /--discount-rate: must be a yearly rate in percent from 0 to 100, got -1 \[too_small\]/],
      [['project', 's.yaml', '--lease-rate', '5 percent'], /--lease-rate: must be a percentage/],
      [['project', 's.yaml', '--hardware', 'rent'], /--hardware: must be one of purchase, lease, got "rent" \[unknown_value\]/],
      [['project', 's.yaml', '--format', 'pdf'], /--format: must be one of table, json, csv, md, markdown, got "pdf"/],
      [['project', 's.yaml', '--today', 'soon'], /--today: must be a date YYYY-MM-DD/],
      [['project', 's.yaml', '--samples', '3'], /unknown option --samples/],
      [['project', 's.yaml', '--growth'], /--growth needs a value/],
      [['project'], /scenario: give a scenario file \(or - for standard input\)/],
      [['project', 'missing.yaml'], /missing\.yaml: cannot read the scenario: no such file \[unreadable\]/],
      [['project', 'bad.yaml'], /finance\.hardware: must be one of purchase, lease, got "rent" \[unknown_value\]/],
      // 2,400 x 11^4 = 35,138,400 instances in year 5.
      [['project', 'big.yaml', '--growth', '1000', '--today', TODAY], /--growth: at 1000% a year workload "api" grows to 35138400 instances in year 5, above the limit of 10,000,000 instances per workload/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('has --help, and is listed in the main help', async () => {
    const r = await cli('project', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kernelcount project <scenario file, or - for stdin> \[options\]/);
    for (const flag of ['--growth PCT', '--discount-rate PCT', '--hardware purchase|lease', '--lease-rate PCT', '--format table|json|csv|md', '--today']) expect(r.stdout).toContain(flag);
    expect((await cli('--help')).stdout).toContain('kernelcount project <scenario.yaml>');
  });
});
