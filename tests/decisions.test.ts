// The Decisions panel's pure part: the package's break-even and sensitivity results as sentences,
// chart data and tables, with every number the package's own.
import { readFileSync } from 'node:fs';
import { breakEven, evaluate, getInput, licenceBreakEvens, listInputs, money, parseScenarioText, sensitivity } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import {
  batches,
  breakEvenView,
  defaultInput,
  defaultPair,
  formatNumber,
  formatValue,
  inputGroup,
  inputOptions,
  inputWords,
  licenceSentences,
  mergeSensitivity,
  parseRange,
  parseShare,
  sensitivityView,
  unitText,
  wrapLabel,
} from '../src/lib/decisions';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../packages/kernelcount/examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml') as Record<string, unknown>;
const windows = example('windows-lob-sql');
const linux = example('linux-microservices');
const vmware = example('vmware-to-kubernetes');
const TODAY = '2026-11-22';

describe('inputs in words', () => {
  it('names an input by what and whose it is, with its unit and value', () => {
    expect(inputWords({ path: 'workloads[api].instances', label: 'instances (workload api)' })).toBe('instances of api');
    expect(inputWords({ path: 'hosts[r760].price', label: 'purchase price per host (host r760)' })).toBe('purchase price per host (r760)');
    expect(inputWords({ path: 'platforms[vmware].cpuOvercommit', label: 'CPU overcommit (platform vmware)' })).toBe('CPU overcommit on vmware');
    expect(inputWords({ path: 'prices.electricityPerKWh', label: 'Electricity price (US industrial average)' })).toBe('electricity price');
    expect(inputWords({ path: 'catalog.guestOs.linux.memoryMiB', label: 'Linux guest OS memory on top of the app' })).toBe('Linux guest OS memory on top of the app');
    expect(unitText('currency/kWh', 'EUR')).toBe('EUR/kWh');
    expect(formatValue(money('38000'), 'USD', 'USD')).toBe('$38,000');
    expect(formatValue(money('0.201955'), 'USD/kWh', 'USD')).toBe('0.201955 USD/kWh');
    expect(formatValue(money('8'), '%', 'USD')).toBe('8%');
    expect(formatValue(money('1.5'), 'ratio', 'USD')).toBe('1.5');
    expect(formatValue(money('1200'), 'instances', 'USD')).toBe('1,200 instances');
    expect(formatValue(money('1'), 'instances', 'USD')).toBe('1 instance');
    expect(formatNumber(money('-1234567.1234567891'))).toBe('-1,234,567.123457');
    expect(wrapLabel('instances of api')).toEqual(['instances of api']);
    expect(wrapLabel('Generic kubeadm node: kube-reserved, system-reserved and eviction threshold: evictionMemoryMiB')).toEqual([
      'Generic kubeadm node:',
      'kube-reserved, system-res…',
    ]);
  });

  it('lists every input of a preset, workloads first, labelled in words with units', () => {
    const inputs = listInputs(windows, { today: TODAY });
    const options = inputOptions(inputs, 'USD');
    expect(options).toHaveLength(inputs.length);
    expect(options[0]).toMatchObject({ path: 'workloads[iis-app].instances', text: 'instances of iis-app (24 instances)', group: 'Workloads', unit: 'instances', value: '24' });
    const electricity = options.find((o) => o.path === 'prices.electricityPerKWh')!;
    expect(electricity).toMatchObject({ text: 'electricity price (0.11 USD/kWh)', group: 'Prices', unit: 'USD/kWh' });
    expect(options.find((o) => o.path === 'prices.pue')).toMatchObject({ group: 'Prices (defaults)', text: 'power usage effectiveness (1.56, default)' });
    // Grouped: once a group ends it does not come back.
    const groups = options.map((o) => o.group).filter((g, i, a) => i === 0 || a[i - 1] !== g);
    expect(new Set(groups).size).toBe(groups.length);
    expect(inputGroup({ path: 'horizonYears', source: 'scenario' })).toBe('Horizon');
    expect(defaultInput(inputs)).toBe('workloads[iis-app].instances');
    expect(defaultInput([{ path: 'prices.pue' }])).toBe('prices.pue');
    expect(defaultInput([])).toBeNull();
  });

  it('starts on the baseline and the cheapest other platform', () => {
    expect(defaultPair(evaluate(windows, { today: TODAY }))).toEqual(['vm', 'containers-in-vms']);
    expect(defaultPair(evaluate(vmware, { today: TODAY }))).toEqual(['vmware', 'k8s-bare-metal']);
    const one = evaluate({ ...linux, platforms: [{ type: 'vm' }] }, { today: TODAY });
    expect(defaultPair(one)).toBeNull();
  });
});

describe('break-even', () => {
  it('a step in a count: the sentence, the costs either side, the chart and its table', () => {
    const r = breakEven(windows, { input: 'workloads[iis-app].instances', between: ['vm', 'containers-in-vms'], today: TODAY });
    expect(r.kind).toBe('step');
    const v = breakEvenView(r, getInput(windows, 'workloads[iis-app].instances'));
    expect(v.sentence).toBe('containers-in-vms becomes cheaper than vm from 36 instances of iis-app.');
    expect(v.detail).toContain('At 36 instances: containers-in-vms $569,468.08, vm $614,683.05 over 5 years; at 35 instances: vm $542,033.54, containers-in-vms $569,468.08.');
    expect(v.chart.summary).toBe(
      'Cost of vm and containers-in-vms from 0 instances to 240 instances: containers-in-vms drops below at 36 instances, the solid line, where the totals jump past each other; the dashed line is the value as entered, 24 instances.',
    );
    expect(v.chart.series.map((s) => s.label)).toEqual(['vm', 'containers-in-vms']);
    // The sampled points plus the current value and both sides of the step, low to high.
    const xs = v.chart.series[0]!.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs).toEqual(expect.arrayContaining([24, 35, 36]));
    expect(v.chart.series[0]!.points.find((p) => p.x === 36)!.y).toBe(r.at!.costs[0].toDecimalPlaces(2).toNumber());
    expect(v.chart.markers).toEqual([
      { x: 36, label: 'break-even: 36 instances', kind: 'break-even' },
      { x: 24, label: 'now: 24 instances', kind: 'current' },
    ]);
    const t = v.chart.table;
    expect(t.columns).toEqual(['instances of iis-app (instances)', 'vm', 'containers-in-vms', 'vm − containers-in-vms', 'cheaper']);
    expect(t.rows).toHaveLength(xs.length);
    expect(t.rows.find((row) => row[0] === '36 (break-even)')).toEqual(['36 (break-even)', '$614,683.05', '$569,468.08', '+$45,214.97', 'containers-in-vms']);
    expect(t.rows.find((row) => row[0] === '35 (last before the change)')![4]).toBe('vm');
    expect(t.rows.find((row) => row[0] === '24 (now)')).toBeDefined();
    expect(v.packageText).toBe(r.text);
    expect(JSON.stringify(v)).not.toMatch(/NaN|undefined/);
  });

  it('equal on a price: where both cost the same to the cent', () => {
    const r = breakEven(windows, { input: 'prices.electricityPerKWh', between: ['vm', 'containers-in-vms'], today: TODAY });
    expect(r.kind).toBe('equal');
    const v = breakEvenView(r, getInput(windows, 'prices.electricityPerKWh'));
    expect(v.sentence).toBe('vm and containers-in-vms cost the same when electricity price is 0.201955 USD/kWh; below that containers-in-vms is cheaper, above it vm.');
    expect(v.detail).toBe('There both cost $505,856.00 over 5 years (equal to the cent).');
    expect(v.chart.markers[0]).toEqual({ x: 0.201955, label: 'break-even: 0.201955 USD/kWh', kind: 'break-even' });
    expect(v.chart.x).toBe('electricity price (USD/kWh)');
    expect(v.chart.summary).toBe('Cost of vm and containers-in-vms from 0 USD/kWh to 1.1 USD/kWh: the lines cross at 0.201955 USD/kWh, the solid line; the dashed line is the value as entered, 0.11 USD/kWh.');
    const at = v.chart.table.rows.find((row) => row[0].includes('break-even'))!;
    expect(at[1]).toBe(at[2]);
    expect(at[4]).toBe('same');
  });

  it('none: which stays cheaper across the range, and by how much at the ends', () => {
    const r = breakEven(linux, { input: 'workloads[api].instances', between: ['vm', 'containers-in-vms'], today: TODAY });
    expect(r.kind).toBe('none');
    const v = breakEvenView(r, getInput(linux, 'workloads[api].instances'));
    expect(v.sentence).toBe('containers-in-vms stays cheaper than vm across 0–240 instances of api: no break-even in this range.');
    expect(v.detail).toBe('It is cheaper by $48,000 at 0 instances and by $1,070,673 at 240 instances (TCO over 5 years).');
    expect(v.chart.markers.map((m) => m.kind)).toEqual(['current']);
    expect(v.chart.summary).toBe('containers-in-vms costs less at every value of instances of api from 0 instances to 240 instances: the lines do not cross; the dashed line is the value as entered, 24 instances.');
    const r2 = breakEven(linux, { input: 'prices.electricityPerKWh', between: ['vm', 'containers-in-vms'], range: { low: 0, high: 2 }, today: TODAY });
    expect(breakEvenView(r2, getInput(linux, 'prices.electricityPerKWh')).sentence).toBe(
      'containers-in-vms stays cheaper than vm across electricity price from 0 USD/kWh to 2 USD/kWh: no break-even in this range.',
    );
  });

  it('licence break-evens in sentences, one per break-even the platforms share', () => {
    const rs = licenceBreakEvens(windows, { today: TODAY });
    expect(rs).toHaveLength(3);
    expect(licenceSentences(rs)).toEqual([
      'On vm (VMs), containers (container hosts) and containers-in-vms (node VMs), hosts of 2 x 16 cores: Windows Server Datacenter (per core) becomes cheaper than Windows Server Standard (per core) from 11 guests per host: $2,708.40 against $2,822.40 a year per host; at 10, $2,352.00 against $2,708.40.',
    ]);
    expect(licenceSentences(licenceBreakEvens(linux, { today: TODAY }))).toEqual([]);
  });
});

describe('sensitivity', () => {
  const between = ['vmware', 'k8s-bare-metal'];
  const whole = sensitivity(vmware, { between, today: TODAY });

  it('merging batches gives the package run over every input, in its order', () => {
    const paths = listInputs(vmware, { today: TODAY }).map((i) => i.path);
    const parts = batches(paths, 8).map((inputs) => sensitivity(vmware, { between, inputs, today: TODAY }));
    expect(parts).toHaveLength(Math.ceil(paths.length / 8));
    const merged = mergeSensitivity(parts);
    const key = (r: typeof whole) => r.rows.map((row) => `${row.input} ${row.swing.toFixed()} ${row.low.value.toFixed()} ${row.high.value.toFixed()}`);
    expect(key(merged)).toEqual(key(whole));
    expect(merged.failed).toEqual(whole.failed);
    expect(merged.base.difference.eq(whole.base.difference)).toBe(true);
    // Each batch evaluates the scenario as entered once more.
    expect(merged.evaluations).toBe(whole.evaluations + parts.length - 1);
    expect(() => mergeSensitivity([])).toThrow();
  });

  it('a tornado of the top inputs around the difference as entered, its table and the sentence', () => {
    const v = sensitivityView(whole);
    const lead = whole.rows[0]!;
    expect(lead.input).toBe('hosts[2x24-core 768 GiB].sockets');
    expect(v.sentence).toBe(
      'Sockets per host (2x24-core 768 GiB) matters most: moving it from 1 socket to 3 sockets swings the difference vmware − k8s-bare-metal by $536,203 (from +$922,210 to +$1,458,413) over 5 years.',
    );
    expect(v.detail).toMatch(/^As entered, k8s-bare-metal is cheaper by \$1,322,204 over 5 years\. Varied by ±20%, /);
    expect(v.rangeText).toBe('±20%');
    expect(v.chart.summary).toBe(
      'Each bar runs from the difference as entered (+$1,322,204) to the difference with the input 20% lower (blue) or 20% higher (orange); left of the dotted line at 0, vmware is cheaper, right of it k8s-bare-metal.',
    );
    const c = v.chart;
    expect(c.labels).toHaveLength(10);
    expect(c.labels[0]).toEqual(['sockets per host', '(2x24-core 768 GiB)']);
    const base = Math.round(whole.base.difference.toNumber());
    expect(c.low[0]).toEqual([base, Math.round((lead.low as { difference: { toNumber(): number } }).difference.toNumber())]);
    expect(c.high.every((b) => b === null || b[0] === base)).toBe(true);
    expect(c.markers).toEqual([
      { x: base, label: 'as entered: +$1,322,204', kind: 'base' },
      { x: 0, label: 'costs equal', kind: 'zero' },
    ]);
    expect(c.table.rows).toHaveLength(10);
    expect(c.table.rows[0]).toEqual(['sockets per host (2x24-core 768 GiB)', '2 sockets', '1 socket', '3 sockets', '+$922,210', '+$1,458,413', '$536,203']);
    expect(v.all.rows).toHaveLength(whole.rows.length);
    expect(v.inputs).toBe(whole.rows.length);
    expect(JSON.stringify(v)).not.toMatch(/NaN|undefined/);
  });

  it('reports each invalid side with the package issues, and no bar for it', () => {
    const r = sensitivity(windows, { between: ['vm', 'containers-in-vms'], today: TODAY });
    expect(r.failed.length).toBeGreaterThan(0);
    const v = sensitivityView(r);
    expect(v.failures.length).toBeGreaterThan(0);
    for (const f of v.failures) {
      expect(r.failed).toContain(f.input);
      expect(f.messages.length).toBeGreaterThan(0);
      const row = v.all.rows.find((cells) => cells[1] === f.words)!;
      expect(row[f.side === 'low' ? 5 : 6]).toBe('invalid');
      expect(row.at(-1)).toContain('the scenario is invalid');
    }
  });

  it('an asymmetric range, and a sentence naming the inputs that flip the cheaper platform', () => {
    const r = sensitivity(windows, { between: ['vm', 'containers-in-vms'], range: { down: 0.1, up: 0.3 }, today: TODAY });
    const v = sensitivityView(r);
    expect(v.rangeText).toBe('−10%/+30%');
    expect(v.chart.lowLabel).toBe('input −10%');
    expect(v.chart.highLabel).toBe('input +30%');
    // vm and containers-in-vms are close here (about 5,000 apart): something flips it.
    expect(v.detail).toMatch(/would make the other cheaper: [^;]+(; [^;]+){0,3}(; and \d+ more)?\.$/);
  });
});

describe('typed fields', () => {
  it('reads the range and the share, or says what is wrong', () => {
    expect(parseRange('', '')).toEqual({ ok: true, range: null });
    expect(parseRange('0', '1,500')).toEqual({ ok: true, range: { low: '0', high: '1500' } });
    expect(parseRange('0', '')).toEqual({ ok: false, message: 'give both ends of the range, or leave both empty for the default' });
    expect(parseRange('zero', '2')).toEqual({ ok: false, message: 'the low end must be a number, got "zero"' });
    expect(parseShare('20')).toEqual({ ok: true, share: '0.2' });
    expect(parseShare('12.5%')).toEqual({ ok: true, share: '0.125' });
    expect(parseShare('0.1')).toEqual({ ok: true, share: '0.001' });
    expect(parseShare('100')).toEqual({ ok: false, message: 'give a percentage above 0 and below 100' });
    expect(parseShare('0')).toEqual({ ok: false, message: 'give a percentage above 0 and below 100' });
    expect(parseShare('lots')).toEqual({ ok: false, message: 'give a percentage such as 20, got "lots"' });
  });
});
