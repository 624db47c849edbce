// Ranges in the calculator's editor: the key of each field's range (the package's input paths),
// keeping the uncertainty section in step with edits (likely follows the field, renames re-key,
// removals drop), checking what is typed, and a round trip through the link and the package.
import { CATALOG, evaluate, startMonteCarlo } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import { getAt, parseNumberField, pathKey, removeAt, setAt, type Draft } from '../src/lib/calculatorModel';
import {
  fieldKeyOf,
  fieldPath,
  followRanges,
  hasRanges,
  newRangeKey,
  parseKey,
  rangeKeyAt,
  selector,
  withRange,
} from '../src/lib/uncertainty';
import { checkRange, fieldDefault, suggestRange } from '../src/lib/uncertaintyInput';
import { decodeScenario, encodeScenario } from '../src/lib/urlState';

const base: Draft = {
  name: 'ranges',
  hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
  workloads: [
    { name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 },
    { name: 'db', instances: 4, vcpus: 4, memoryGiB: 16 },
  ],
  platforms: [{ type: 'vm' }, { type: 'containers-in-vms', name: 'k8s in vms' }],
  prices: { electricityPerKWh: 0.12 },
};

/** An edit as the calculator makes it: set a path, then keep the ranges in step. */
const edit = (d: Draft, path: Array<string | number>, value: unknown) => followRanges(d, setAt(d, path, value));

describe('range keys', () => {
  it('gives each editor field the package path by name', () => {
    expect(newRangeKey(base, ['workloads', 0, 'instances'])).toBe('workloads[api].instances');
    expect(newRangeKey(base, ['hosts', 0, 'price'])).toBe('hosts[r760].price');
    expect(newRangeKey(base, ['platforms', 1, 'nodeVm', 'vcpus'])).toBe('platforms[k8s in vms].nodeVm.vcpus');
    expect(newRangeKey(base, ['platforms', 0, 'perVmOverheadMiB'])).toBe('platforms[vm].perVmOverheadMiB');
    expect(newRangeKey(base, ['prices', 'electricityPerKWh'])).toBe('prices.electricityPerKWh');
    expect(newRangeKey(base, ['prices', 'licences', 'windows-server-standard'])).toBe('prices.licences.windows-server-standard');
    expect(newRangeKey(base, ['policy', 'ha', 'spareHosts'])).toBe('policy.ha.spareHosts');
  });
  it('gives none where the package takes no range', () => {
    expect(newRangeKey(base, ['horizonYears'])).toBeNull();
    expect(newRangeKey(base, ['platforms', 0, 'maxPods'])).toBeNull(); // a vm platform has no pods
    expect(newRangeKey(base, ['platforms', 0, 'nodeVm', 'vcpus'])).toBeNull();
    expect(newRangeKey(base, ['workloads', 5, 'instances'])).toBeNull();
    // A workload given in MiB takes its range on memoryMiB, which the editor does not show.
    expect(newRangeKey(setAt(base, ['workloads', 0, 'memoryMiB'], 1024), ['workloads', 0, 'memoryGiB'])).toBeNull();
  });
  it('quotes names the package would misread', () => {
    expect(selector('api', 0)).toBe('[api]');
    expect(selector('7', 3)).toBe('["7"]');
    expect(selector('a [b]', 0)).toBe('["a [b]"]');
    expect(selector(' x', 0)).toBe('[" x"]');
    expect(selector(undefined, 2)).toBe('[2]');
    expect(parseKey('workloads["a [b]"].instances')).toEqual({ list: 'workloads', sel: { name: 'a [b]' }, field: 'instances' });
    expect(parseKey('hosts[0].price')).toEqual({ list: 'hosts', sel: { index: 0 }, field: 'price' });
    expect(parseKey('catalog.power.pue')).toEqual({ list: null, path: null });
  });
  it('finds the field of a key written by name or by index, and of platforms left out', () => {
    expect(fieldPath(base, 'workloads[db].memoryGiB')).toEqual(['workloads', 1, 'memoryGiB']);
    expect(fieldPath(base, 'hosts[0].price')).toEqual(['hosts', 0, 'price']);
    expect(fieldPath(base, 'workloads[web].instances')).toBeNull();
    const noPlatforms = { ...base, platforms: undefined };
    expect(fieldPath(noPlatforms, 'platforms[microvm].maxPods')).toEqual(['platforms', 3, 'maxPods']);
    const d = withRange(base, 'hosts[0].price', { low: 30000, likely: 38000, high: 45000 });
    expect(rangeKeyAt(d, ['hosts', 0, 'price'])).toBe('hosts[0].price');
    expect(rangeKeyAt(d, ['hosts', 0, 'sockets'])).toBeUndefined();
  });
});

describe('keeping ranges in step with edits', () => {
  const ranged = withRange(withRange(withRange(base, 'workloads[api].instances', { low: 30, likely: 40, high: 60 }), 'workloads[db].memoryGiB', { low: 12, likely: 16, high: 24 }), 'prices.electricityPerKWh', {
    low: 0.08,
    likely: 0.12,
    high: 0.2,
  });

  it('likely follows the field', () => {
    const d = edit(ranged, ['workloads', 0, 'instances'], 44);
    expect(d['uncertainty']).toMatchObject({ 'workloads[api].instances': { low: 30, likely: 44, high: 60 } });
    const p = edit(ranged, ['prices', 'electricityPerKWh'], 0.15);
    expect(p['uncertainty']).toMatchObject({ 'prices.electricityPerKWh': { likely: 0.15 } });
    // A field cleared keeps the range as it was (the editor then sets likely to the default).
    const c = edit(ranged, ['prices', 'electricityPerKWh'], undefined);
    expect(c['uncertainty']).toMatchObject({ 'prices.electricityPerKWh': { likely: 0.12 } });
  });
  it('an edit elsewhere leaves the section as it is (same object)', () => {
    const d = edit(ranged, ['hosts', 0, 'price'], 39000);
    expect(d['uncertainty']).toBe(ranged['uncertainty']);
  });
  it('a rename re-keys the ranges of that item, in order', () => {
    const d = edit(ranged, ['workloads', 0, 'name'], 'web api');
    expect(Object.keys(d['uncertainty'] as object)).toEqual(['workloads[web api].instances', 'workloads[db].memoryGiB', 'prices.electricityPerKWh']);
    const q = edit(ranged, ['workloads', 1, 'name'], '42');
    expect(Object.keys(q['uncertainty'] as object)).toContain('workloads["42"].memoryGiB');
  });
  it('removing an item removes its ranges; keys by index move with the items after it', () => {
    const d = followRanges(ranged, removeAt(ranged, ['workloads'], 0));
    expect(Object.keys(d['uncertainty'] as object)).toEqual(['workloads[db].memoryGiB', 'prices.electricityPerKWh']);
    const byIndex = withRange(withRange(base, 'workloads[0].instances', { low: 30, likely: 40, high: 60 }), 'workloads[1].instances', { low: 3, likely: 4, high: 6 });
    const r = followRanges(byIndex, removeAt(byIndex, ['workloads'], 0));
    expect(r['uncertainty']).toEqual({ 'workloads[0].instances': { low: 3, likely: 4, high: 6 } });
    // The last range gone: no section left.
    const one = withRange(base, 'workloads[api].instances', { low: 30, likely: 40, high: 60 });
    expect(followRanges(one, removeAt(one, ['workloads'], 0))).not.toHaveProperty('uncertainty');
  });
  it('duplicating an item keeps the ranges where they were', () => {
    const ws = ranged['workloads'] as Draft[];
    const d = edit(ranged, ['workloads'], [ws[0], { ...ws[0], name: 'api (2)' }, ws[1]]);
    expect(Object.keys(d['uncertainty'] as object)).toEqual(['workloads[api].instances', 'workloads[db].memoryGiB', 'prices.electricityPerKWh']);
  });
  it('a platform that changes type loses ranges on fields it no longer has; an unnamed one follows its type', () => {
    const d = withRange(base, 'platforms[k8s in vms].nodeVm.vcpus', { low: 4, likely: 8, high: 16 });
    expect(edit(d, ['platforms', 1, 'type'], 'containers')).not.toHaveProperty('uncertainty');
    const v = withRange(base, 'platforms[vm].perVmOverheadMiB', { low: 100, likely: 200, high: 300 });
    expect(Object.keys(edit(v, ['platforms', 0, 'type'], 'containers-in-vms')['uncertainty'] as object)).toEqual(['platforms[containers-in-vms].perVmOverheadMiB']);
    expect(Object.keys(edit(v, ['platforms', 0, 'name'], 'classic')['uncertainty'] as object)).toEqual(['platforms[classic].perVmOverheadMiB']);
  });
  it('platforms left out, then removed from the editor: the ranges of the others stay', () => {
    const d = withRange({ ...base, platforms: undefined }, 'platforms[microvm].maxPods', { low: 50, likely: 110, high: 250 });
    const shown = ['vm', 'containers', 'containers-in-vms', 'microvm'].map((type) => ({ type }));
    const after = removeAt({ ...d, platforms: shown }, ['platforms'], 0);
    expect(Object.keys(followRanges(d, after)['uncertainty'] as object)).toEqual(['platforms[microvm].maxPods']);
    const gone = removeAt({ ...d, platforms: shown }, ['platforms'], 3);
    expect(followRanges(d, gone)).not.toHaveProperty('uncertainty');
  });
  it('keeps ranges on inputs the editor does not show', () => {
    const d = withRange(base, 'catalog.power.pue', { low: 1.2, likely: 1.5, high: 1.8 });
    expect(edit(d, ['workloads', 0, 'name'], 'x')['uncertainty']).toEqual({ 'catalog.power.pue': { low: 1.2, likely: 1.5, high: 1.8 } });
  });
});

describe('what is typed', () => {
  /** How a field reads an end of its range: required, with the field's own rules. */
  const as = (o: Parameters<typeof parseNumberField>[1] = {}) => (t: string) => parseNumberField(t, { ...o, required: true });
  it('accepts an ordered range', () => {
    expect(checkRange('Instances', '30', 40, '60', as({ integer: true }))).toEqual({ ok: true, range: { low: 30, likely: 40, high: 60 } });
    expect(checkRange('Electricity', '0.1', 0.1, '0.1', as())).toEqual({ ok: true, range: { low: 0.1, likely: 0.1, high: 0.1 } });
  });
  it('names the field and the end, and says what is expected', () => {
    expect(checkRange('Instances', 'abc', 40, '60', as({ integer: true, unit: 'copies' }))).toEqual({ ok: false, end: 'low', message: 'Instances, low end of the range: must be a number of copies, got "abc"' });
    expect(checkRange('Instances', '30.5', 40, '60', as({ integer: true }))).toMatchObject({ ok: false, message: 'Instances, low end of the range: must be a whole number' });
    expect(checkRange('Instances', '', 40, '60', as())).toMatchObject({ ok: false, message: 'Instances, low end of the range: is required' });
    expect(checkRange('Instances', '50', 40, '60', as())).toMatchObject({ ok: false, end: 'low', message: 'Instances, low end of the range: must be at most the likely value (40), got 50' });
    expect(checkRange('Instances', '30', 40, '35', as())).toMatchObject({ ok: false, end: 'high', message: 'Instances, high end of the range: must be at least the likely value (40), got 35' });
    expect(checkRange('Average host load', '0.2', 0.5, '1.5', as({ min: 0, max: 1, unit: 'fraction' }))).toMatchObject({ ok: false, message: 'Average host load, high end of the range: must be at most 1 fraction' });
  });
  it('suggests 20% either side, whole numbers outward, within the field limits', () => {
    expect(suggestRange(40, { integer: true })).toEqual({ low: 32, likely: 40, high: 48 });
    expect(suggestRange(3, { integer: true, min: 1 })).toEqual({ low: 2, likely: 3, high: 4 });
    expect(suggestRange(0.9, { min: 0, max: 1 })).toEqual({ low: 0.72, likely: 0.9, high: 1 });
    expect(suggestRange(0.11)).toEqual({ low: 0.088, likely: 0.11, high: 0.132 });
    expect(suggestRange(0)).toEqual({ low: 0, likely: 0, high: 0 });
  });
  it('reads a field default from the catalog, following overrides and versions', () => {
    const electricity = { value: 'shown', id: 'power.pricePerKWh', entry: CATALOG['power.pricePerKWh'] };
    expect(fieldDefault(base, electricity)).toBe(Number(CATALOG['power.pricePerKWh'].value));
    expect(fieldDefault({ ...base, catalog: { 'power.pricePerKWh': 0.3 } }, electricity)).toBe(0.3);
    expect(fieldDefault(base, { value: '1', id: 'policy.ha', key: 'spareHosts', entry: CATALOG['policy.ha'] })).toBe(1);
    const standard = { value: 'shown', id: 'licence.windows-server-standard', entry: CATALOG['licence.windows-server-standard'] };
    expect(fieldDefault(base, standard)).toBe(Number(CATALOG['licence.windows-server-standard'].value));
    expect(fieldDefault({ ...base, catalogVersions: { 'licence.windows-server-standard': '2025' } }, standard)).toBe(Number(CATALOG['licence.windows-server-standard'].versions!['2025']!.value));
    // The default version by its name, and a version the entry does not have, give the default.
    expect(fieldDefault({ ...base, catalogVersions: { 'licence.windows-server-standard': '2022' } }, standard)).toBe(Number(CATALOG['licence.windows-server-standard'].value));
    expect(fieldDefault({ ...base, catalogVersions: { 'licence.windows-server-standard': '1999' } }, standard)).toBe(Number(CATALOG['licence.windows-server-standard'].value));
    expect(fieldDefault(base, { value: 'the hypervisor rule' })).toBeUndefined();
    expect(fieldDefault(base, { value: '0' })).toBe(0);
  });
});

describe('field keys', () => {
  it('are written as the form writes its data-path (calculatorModel.pathKey)', () => {
    for (const p of [['workloads', 0, 'instances'], ['prices', 'licences', 'windows-server-standard'], ['platforms', 1, 'nodeVm', 'vcpus'], ['catalog', 'power.pue'], ['policy', 'ha', 'spareHosts']] as const) {
      expect(fieldKeyOf(p)).toBe(pathKey(p));
    }
  });
});

describe('the section travels with the scenario', () => {
  const d = withRange(withRange(base, 'workloads[api].instances', { low: 30, likely: 40, high: 60 }), 'prices.electricityPerKWh', { low: 0.08, likely: 0.12, high: 0.2 });
  it('round-trips through a link exactly', async () => {
    expect(await decodeScenario(await encodeScenario(d))).toEqual({ ok: true, scenario: d });
    expect(hasRanges(d)).toBe(true);
    expect(hasRanges(base)).toBe(false);
  });
  it('is what the package reads: evaluate accepts it and Monte Carlo samples it', () => {
    expect(() => evaluate(d)).not.toThrow();
    const run = startMonteCarlo(d, { samples: 50, seed: 1 });
    run.step();
    expect(run.result().inputs.map((i) => i.path)).toEqual(['workloads[api].instances', 'prices.electricityPerKWh']);
  });
  it('keys the editor makes are accepted by the package, for every kind of field', () => {
    const paths: Array<Array<string | number>> = [
      ['hosts', 0, 'price'],
      ['hosts', 0, 'powerIdleW'],
      ['workloads', 1, 'memoryGiB'],
      ['platforms', 1, 'nodeVm', 'memoryGiB'],
      ['platforms', 0, 'perVmOverheadMiB'],
      ['policy', 'targetUtilization', 'cpu'],
      ['policy', 'ha', 'spareHosts'],
      ['prices', 'licences', 'windows-server-datacenter'],
    ];
    let s: Draft = setAt(setAt(base, ['hosts', 0, 'powerIdleW'], 200), ['platforms', 0, 'perVmOverheadMiB'], 100);
    s = setAt(s, ['platforms', 1, 'nodeVm'], { vcpus: 8, memoryGiB: 32 });
    s = setAt(s, ['policy'], { targetUtilization: { cpu: 0.8 }, ha: { spareHosts: 1 } });
    s = setAt(s, ['prices', 'licences'], { 'windows-server-datacenter': 6771 });
    for (const p of paths) {
      const key = newRangeKey(s, p)!;
      expect(key, p.join('.')).toBeTruthy();
      const v = getAt(s, p) as number;
      s = withRange(s, key, { low: v, likely: v, high: v });
    }
    expect(() => evaluate(s)).not.toThrow();
    const run = startMonteCarlo(s, { samples: 5 });
    run.step();
    expect(run.result().inputs).toHaveLength(paths.length);
  });
});
