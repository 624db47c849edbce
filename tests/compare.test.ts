// The compare view's logic without a browser: snapshots, the package's diff shaped into rows,
// money with its sign rounded only for display, and every delta the package's exact decimal.
import { readFileSync } from 'node:fs';
import { diffScenarios, money, parseScenarioText, setInput, sumMoney } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_KEY, compareModel, compareScenarios, makeSnapshot, parseSnapshot, signedInt, signedMoney, valueText } from '../src/lib/compare';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../packages/kernelcount/examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml') as Record<string, unknown>;
const TODAY = '2026-01-01';

describe('snapshots', () => {
  it('keeps a copy that later edits do not touch, and reads it back', () => {
    const draft = example('linux-microservices');
    const s = makeSnapshot(draft, new Date('2026-02-03T10:20:00Z'));
    (draft['workloads'] as Array<Record<string, unknown>>)[0]!['instances'] = 999;
    expect((s.draft['workloads'] as Array<Record<string, unknown>>)[0]!['instances']).not.toBe(999);
    expect(s.name).toBe(String(example('linux-microservices')['name']));
    expect(s.keptAt).toBe('2026-02-03T10:20:00.000Z');
    expect(parseSnapshot(JSON.stringify(s))).toEqual(s);
    expect(makeSnapshot({}).name).toBe('unnamed scenario');
  });
  it('ignores a missing or damaged stored snapshot', () => {
    expect(parseSnapshot(null)).toBeNull();
    expect(parseSnapshot('{not json')).toBeNull();
    expect(parseSnapshot('{"draft": [1, 2]}')).toBeNull();
    expect(parseSnapshot('"text"')).toBeNull();
    expect(parseSnapshot('{"draft": {"name": "x"}}')).toEqual({ draft: { name: 'x' }, name: 'unnamed scenario', keptAt: '' });
  });
  it('uses the key the compare section reads', () => {
    const section = readFileSync(new URL('../src/components/calculator/CompareSection.tsx', import.meta.url), 'utf8');
    expect(section).toContain(`'${SNAPSHOT_KEY}'`);
  });
});

describe('formatting', () => {
  it('signs money and rounds only for display', () => {
    expect(signedMoney(money('6044.4'), 'USD')).toBe('+$6,044.40');
    expect(signedMoney(money('-12'), 'EUR')).toBe('\u2212€12.00');
    expect(signedMoney(money('0'), 'USD')).toBe('$0.00');
    // Less than half a cent shows as zero, unsigned; the exact figure is kept elsewhere.
    expect(signedMoney(money('0.004'), 'USD')).toBe('$0.00');
    expect(signedMoney(money('1234.6'), 'JPY', 0)).toBe('+¥1,235');
    expect(signedInt(2)).toBe('+2');
    expect(signedInt(-1)).toBe('\u22121');
    expect(signedInt(0)).toBe('0');
  });
  it('writes input values as short text, never as [object Object]', () => {
    expect(valueText(24)).toBe('24');
    expect(valueText('0.2')).toBe('0.2');
    expect(valueText(undefined)).toBe('');
    expect(valueText({ name: 'web', instances: 3, vcpus: 1 })).toBe('web: instances 3, vcpus 1');
    expect(valueText({ cpu: 2, ha: { spareHosts: 1 } })).toBe('cpu 2, ha spareHosts 1');
    expect(valueText([1, 'a'])).toBe('[1, a]');
    expect(valueText({ a: { b: { c: { d: 1 } } } })).not.toContain('[object');
  });
});

describe('the comparison', () => {
  const a = example('vmware-to-kubernetes');
  const firstWorkload = (a['workloads'] as Array<{ name: string }>)[0]!.name;
  const b = setInput(setInput(a, `workloads[${firstWorkload}].instances`, 48), 'prices.electricityPerKWh', '0.2') as Record<string, unknown>;

  it('lists the changed inputs and, per platform, the changed line items with exact deltas', () => {
    const r = compareScenarios(diffScenarios, a, b, TODAY);
    if (!r.ok) throw new Error(r.details.join('\n'));
    const { model: m, diff } = r;
    expect(m.inputs.map((i) => i.path).sort()).toEqual([`workloads[${firstWorkload}].instances`, 'prices.electricityPerKWh'].sort());
    const inst = m.inputs.find((i) => i.path.endsWith('.instances'))!;
    expect(inst.change).toBe('changed');
    expect(inst.b).toBe('48');
    expect(m.platforms.map((p) => p.name)).toEqual(diff.platforms.map((p) => p.name));
    for (const [i, p] of m.platforms.entries()) {
      const d = diff.platforms[i]!;
      // The total's delta is the package's exact figure, and the sum of its line items' deltas.
      expect(p.deltaExact).toBe(d.tcoDelta.toString());
      expect(sumMoney(d.lineItems.map((li) => li.delta)).equals(d.tcoDelta)).toBe(true);
      expect(p.lines.map((l) => l.deltaExact)).toEqual(d.lineItems.map((li) => li.delta.toString()));
      expect(p.delta).toBe(signedMoney(d.tcoDelta, m.currency));
      expect(p.unchanged).toBe(d.unchangedLineItems);
      expect(p.hosts).toMatch(/^\d+ → \d+ \((\+|\u2212)?\d+\)$/);
    }
    const electricity = m.platforms[0]!.lines.find((l) => /electricity/i.test(l.name))!;
    expect(electricity.change).toBe('changed');
    expect(electricity.a).toMatch(/kWh × \$0\.\d\d$/);
    expect(electricity.b).toMatch(/kWh × \$0\.20$/);
    expect(electricity.sign).toBe(1);
    expect(m.summary).toMatch(/^2 inputs differ between A and B\. Over \d+ years B costs \$[\d,]+\.\d\d (more|less) on [\w-]+(, \$[\d,]+\.\d\d (more|less) on [\w-]+)*\.$/);
    expect(m.summary).not.toMatch(/NaN|undefined/);
  });

  it('says when nothing differs', () => {
    const r = compareScenarios(diffScenarios, a, structuredClone(a), TODAY);
    expect(r.ok && r.model.summary).toBe('B is the same as A: no input and no cost differs.');
    expect(r.ok && r.model.inputs).toEqual([]);
    expect(r.ok && r.model.platforms.every((p) => p.lines.length === 0 && p.delta === '$0.00')).toBe(true);
  });

  it('marks a workload added in B and a platform on one side only', () => {
    const more = { ...a, workloads: [...(a['workloads'] as unknown[]), { name: 'extra', instances: 2, vcpus: 1, memoryGiB: 2 }] };
    const m = compareModel(diffScenarios(a, more, { labels: ['A', 'B'], today: TODAY }));
    const added = m.inputs.find((i) => i.path === 'workloads[extra]')!;
    expect(added.change).toBe('added in B');
    expect(added.a).toBe('');
    expect(added.b).toBe('extra: instances 2, vcpus 1, memoryGiB 2');
    const fewer = { ...a, baseline: 'vm', platforms: [{ type: 'vm', name: 'vm' }] };
    const m2 = compareModel(diffScenarios(a, fewer, { labels: ['A', 'B'], today: TODAY }));
    const gone = m2.platforms.find((p) => p.change === 'only in A')!;
    expect(gone.tcoB).toBe('');
    expect(gone.sign).toBe(-1);
    expect(gone.hosts).toMatch(/\(only in A\)$/);
  });

  it('gives the problems when A no longer evaluates', () => {
    const r = compareScenarios(diffScenarios, { hosts: [], workloads: [] }, a, TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('The two scenarios could not be compared.');
    expect(!r.ok && r.details.length).toBeGreaterThan(0);
  });
});
