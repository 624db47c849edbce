import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog/catalog.js';
import { joinPath, type KernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { money } from '../money.js';
import { parseScenario } from '../scenario/validate.js';
import { TODAY, baseScenario, exampleFiles, loadExample } from '../../test/helpers.js';
import { canonicalPath, getInput, inputLocation, listInputs, setInput, type NumericInput } from './paths.js';

type Raw = Record<string, any>;

function errorOf(f: () => unknown): KernelcountError {
  try {
    f();
  } catch (e) {
    return e as KernelcountError;
  }
  throw new Error('expected a KernelcountError');
}

/** Writes a value at keys from the root without any check (copying along the way). */
function writeRaw(root: unknown, at: Array<string | number>, value: unknown): Raw {
  const copy = structuredClone(root) as Raw;
  let cur: any = copy;
  for (const k of at.slice(0, -1)) cur = cur[k];
  cur[at[at.length - 1]!] = value;
  return copy;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe('reading inputs by path', () => {
  const s = baseScenario();

  it('finds items by name or by index, and names them by name', () => {
    expect(getInput(s, 'workloads[db].instances').value.toString()).toBe('2');
    expect(getInput(s, 'workloads[1].instances').path).toBe('workloads[db].instances');
    expect(getInput(s, 'hosts[0].price')).toMatchObject({ path: 'hosts[h].price', kind: 'amount', unit: 'currency', source: 'scenario' });
    expect(canonicalPath(s, 'workloads[0].memoryGiB')).toBe('workloads[api].memoryGiB');
  });

  it('quotes names that need it, and reads quoted names', () => {
    const t = { ...s, workloads: [{ name: '42', instances: 3, vcpus: 1, memoryGiB: 1 }, { name: 'a]b', instances: 4, vcpus: 1, memoryGiB: 1 }, { name: 'web api', instances: 5, vcpus: 1, memoryGiB: 1 }] };
    expect(getInput(t, 'workloads[0].instances').path).toBe('workloads["42"].instances');
    expect(getInput(t, 'workloads["42"].instances').value.toNumber()).toBe(3);
    expect(getInput(t, 'workloads["a]b"].instances').value.toNumber()).toBe(4);
    expect(getInput(t, 'workloads[web api].instances').path).toBe('workloads[web api].instances');
  });

  it('reads the default the model uses when the scenario leaves a value out', () => {
    const overcommit = CATALOG['policy.overcommit'].value as { cpu: number; memory: number };
    expect(getInput(s, 'policy.cpuOvercommit')).toMatchObject({ source: 'default' });
    expect(getInput(s, 'policy.cpuOvercommit').value.toNumber()).toBe(overcommit.cpu);
    // A platform without its own overcommit inherits the policy's.
    expect(getInput({ ...s, policy: { cpuOvercommit: 3 } }, 'platforms[vm].cpuOvercommit').value.toNumber()).toBe(3);
    // Catalog figures through their prices: name, and directly.
    expect(getInput(s, 'prices.electricityPerKWh').value.toString()).toBe(String(CATALOG['power.pricePerKWh'].value));
    expect(getInput(s, 'catalog.power.pricePerKWh').path).toBe('catalog.power.pricePerKWh');
    expect(getInput(s, 'prices.licences.windows-server-standard').value.toString()).toBe(String(CATALOG['licence.windows-server-standard'].value));
    expect(getInput(s, 'catalog.k8s.nodeVm.vcpus').value.toNumber()).toBe((CATALOG['k8s.nodeVm'].value as { vcpus: number }).vcpus);
    // Storage left out is 0 GiB.
    expect(getInput({ ...s, workloads: [{ name: 'x', instances: 1, vcpus: 1, memoryGiB: 1 }] }, 'workloads[x].storageGiB').value.toNumber()).toBe(0);
  });

  it('reads a size or CPU given in the other unit', () => {
    const t = { ...s, workloads: [{ name: 'x', instances: 1, cpuMillicores: 1500, memoryMiB: 1536 }] };
    expect(getInput(t, 'workloads[x].vcpus')).toMatchObject({ source: 'default', unit: 'vCPU' });
    expect(getInput(t, 'workloads[x].vcpus').value.toString()).toBe('1.5');
    expect(getInput(t, 'workloads[x].memoryGiB').value.toString()).toBe('1.5');
  });

  it('says which values are whole numbers, their step and bounds', () => {
    expect(getInput(s, 'workloads[api].instances')).toMatchObject({ integer: true });
    expect(getInput(s, 'workloads[api].instances').step!.toNumber()).toBe(1);
    // GiB sizes are rounded up to whole MiB: a step of 1/1024 GiB.
    expect(getInput(s, 'workloads[api].memoryGiB').step!.toString()).toBe('0.0009765625');
    expect(getInput(s, 'workloads[api].vcpus').step!.toString()).toBe('0.001');
    expect(getInput(s, 'prices.electricityPerKWh').step).toBeNull();
    const pue = getInput(s, 'prices.pue');
    expect([pue.min.toNumber(), pue.max.toNumber(), pue.minExclusive]).toEqual([1, 5, false]);
    const vcpus = getInput(s, 'workloads[api].vcpus');
    expect([vcpus.min.toNumber(), vcpus.minExclusive]).toEqual([0, true]);
  });

  it('names the path in every error', () => {
    expect(() => getInput(s, 'workloads[web].instances')).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: workloads[web].instances: no workload named "web"; workloads are "api", "db"]`);
    expect(() => getInput(s, 'workloads[5].instances')).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: workloads[5].instances: there is no workload [5]: the scenario has 2; workloads are "api", "db"]`);
    expect(() => getInput(s, 'workloads[api].colour')).toThrowErrorMatchingInlineSnapshot(
      `[KernelcountError: workloads[api].colour: not a numeric input of a workload; those are instances, vcpus, cpuMillicores, memoryGiB, memoryMiB, storageGiB, imageMiB and licences[i].pricePerInstanceYear]`,
    );
    expect(() => getInput(s, 'platforms[vm].maxPods')).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: platforms[vm].maxPods: maxPods applies to containers, containers-in-vms, microvm platforms; platforms[vm] is vm]`);
    expect(() => getInput(s, 'catalog.k8s.nodeVm')).toThrowErrorMatchingInlineSnapshot(
      `[KernelcountError: catalog.k8s.nodeVm: catalog k8s.nodeVm is an object; pick a field: catalog.k8s.nodeVm.vcpus, catalog.k8s.nodeVm.memoryGiB, catalog.k8s.nodeVm.diskGiB]`,
    );
    expect(errorOf(() => getInput(s, 'catalog.no.such.id')).issues[0]).toMatchObject({ code: 'unknown_key', path: 'catalog.no.such.id' });
    expect(errorOf(() => getInput(s, 'workloads[api')).issues[0]).toMatchObject({ code: 'invalid_type', path: 'workloads[api' });
    expect(errorOf(() => getInput(s, 'colour')).issues[0]).toMatchObject({ code: 'unknown_key', path: 'colour' });
    expect(errorOf(() => getInput(s, '')).issues[0]).toMatchObject({ code: 'required' });
    expect(errorOf(() => getInput(s, 'platforms[microvm].podOverhead.memoryMiB')).issues[0]).toMatchObject({ code: 'required', path: 'platforms[microvm].podOverhead.memoryMiB' });
    // A value that is not one number (e.g. text where a number belongs) is named, not read as NaN.
    expect(errorOf(() => getInput({ ...s, policy: { cpuOvercommit: 'lots' } }, 'policy.cpuOvercommit')).issues[0]).toMatchObject({ code: 'invalid_type', path: 'policy.cpuOvercommit' });
  });
});

describe('setting inputs', () => {
  it('returns a new scenario and leaves the one given untouched', () => {
    const s = deepFreeze(baseScenario());
    const before = JSON.stringify(s);
    const t = setInput(s, 'workloads[api].instances', 30) as Raw;
    expect(t.workloads[0].instances).toBe(30);
    expect(JSON.stringify(s)).toBe(before);
    // Only the path is copied; the rest is shared.
    expect(t.hosts).toBe(s.hosts);
    expect(t.workloads[1]).toBe((s.workloads as unknown[])[1]);
  });

  it('writes a size in one unit and drops the other', () => {
    const t = setInput(baseScenario(), 'workloads[api].memoryMiB', 1536) as Raw;
    expect(t.workloads[0]).not.toHaveProperty('memoryGiB');
    expect(parseScenario(t).workloads[0]!.memoryMiB).toBe(1536);
    const u = setInput({ ...baseScenario(), policy: { ha: { reservePercent: 20 } } }, 'policy.ha.spareHosts', 2) as Raw;
    expect(u.policy.ha).toEqual({ spareHosts: 2 });
  });

  it('writes amounts a JavaScript number cannot hold as exact decimal text', () => {
    const t = setInput(baseScenario(), 'prices.electricityPerKWh', '0.12345678901234567890123') as Raw;
    expect(t.prices.electricityPerKWh).toBe('0.12345678901234567890123');
    const e = evaluate(t, { today: TODAY });
    const power = e.platforms[0]!.lineItems.find((li) => li.category === 'power')!;
    expect(power.unitPrice.toString()).toBe('0.12345678901234567890123');
    // Ones that a number holds stay numbers.
    expect((setInput(baseScenario(), 'hosts[h].price', '25000.5') as Raw).hosts[0].price).toBe(25000.5);
  });

  it('writes a field of a catalog object with the object\'s other fields, as overrides must be whole', () => {
    const t = setInput(baseScenario(), 'catalog.k8s.nodeVm.vcpus', 16) as Raw;
    expect(t.catalog['k8s.nodeVm']).toEqual({ ...(CATALOG['k8s.nodeVm'].value as object), vcpus: 16 });
    expect(() => parseScenario(t)).not.toThrow();
  });

  it('writes a catalog figure where the scenario already sets it (catalog: or prices:), so there is no conflict', () => {
    const viaCatalog = { ...baseScenario(), catalog: { 'power.pue': 1.2 } };
    const t = setInput(viaCatalog, 'prices.pue', 1.4) as Raw;
    expect(t.catalog).toEqual({ 'power.pue': 1.4 });
    expect(t.prices).toBeUndefined();
    const viaPrices = { ...baseScenario(), prices: { pue: 1.2 } };
    expect((setInput(viaPrices, 'catalog.power.pue', 1.3) as Raw).prices).toEqual({ pue: 1.3 });
    expect(getInput(viaPrices, 'catalog.power.pue').path).toBe('prices.pue');
  });

  it('writes the four default platforms when the scenario leaves platforms out', () => {
    const s = baseScenario();
    const t = setInput(s, 'platforms[containers].maxPods', 50) as Raw;
    expect(t.platforms).toEqual([{ type: 'vm' }, { type: 'containers', maxPods: 50 }, { type: 'containers-in-vms' }, { type: 'microvm' }]);
    const a = evaluate(s, { today: TODAY });
    const b = evaluate(t, { today: TODAY });
    expect(b.platforms.map((p) => p.name)).toEqual(a.platforms.map((p) => p.name));
    expect(b.platforms[0]!.tco.toString()).toBe(a.platforms[0]!.tco.toString());
  });

  it('refuses values outside the input\'s type or bounds, naming the path', () => {
    const s = baseScenario();
    expect(() => setInput(s, 'workloads[api].instances', 2.5)).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: workloads[api].instances: must be a whole number, got 2.5]`);
    expect(() => setInput(s, 'prices.pue', 0.9)).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: prices.pue: must be >= 1 ratio, got 0.9]`);
    expect(() => setInput(s, 'workloads[api].vcpus', 0)).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: workloads[api].vcpus: must be > 0 vCPU, got 0]`);
    expect(errorOf(() => setInput(s, 'hosts[h].price', -1)).issues[0]).toMatchObject({ code: 'too_small', path: 'hosts[h].price' });
    expect(errorOf(() => setInput(s, 'hosts[h].price', 'abc')).issues[0]).toMatchObject({ code: 'invalid_type', path: 'hosts[h].price' });
    expect(errorOf(() => setInput(s, 'hosts[h].price', Number.NaN)).issues[0]).toMatchObject({ code: 'not_finite', path: 'hosts[h].price' });
  });
});

describe('listing inputs', () => {
  it('lists what the scenario writes, then the defaults its evaluation used, without duplicates', () => {
    const s = loadExample('linux-microservices.yaml');
    const all = listInputs(s, { today: TODAY });
    const paths = all.map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('workloads[api].instances');
    expect(paths).toContain('hosts[2x32-core 1 TiB].price');
    expect(paths).toContain('platforms[containers-in-vms].nodeVm.vcpus');
    // Written in the example:
    expect(all.find((i) => i.path === 'prices.electricityPerKWh')!.source).toBe('scenario');
    // Not written, but used (the ESXi VVF licence and hardware support):
    expect(all.find((i) => i.path === 'prices.licences.vvf')!.source).toBe('default');
    expect(all.find((i) => i.path === 'prices.hardwareSupportPercentPerYear')!.source).toBe('default');
    // Tables are not single numbers.
    expect(paths.some((p) => p.includes('overheadTable'))).toBe(false);
    // Scenario inputs come first.
    const firstDefault = all.findIndex((i) => i.source === 'default');
    expect(all.slice(firstDefault).every((i) => i.source === 'default')).toBe(true);
    const written = listInputs(s, { today: TODAY, defaults: false });
    expect(written.every((i) => i.source === 'scenario')).toBe(true);
    expect(written.map((i) => i.path)).toEqual(paths.slice(0, written.length));
  });

  // Property: every input of every example can be read back and set to its own value without
  // changing any platform's TCO.
  for (const file of exampleFiles()) {
    it(`${file}: setting each input to its current value changes nothing`, () => {
      const s = loadExample(file);
      const base = evaluate(s, { today: TODAY }).platforms.map((p) => p.tco.toString());
      for (const input of listInputs(s, { today: TODAY })) {
        expect(getInput(s, input.path, { today: TODAY }).value.eq(input.value), input.path).toBe(true);
        const same = evaluate(setInput(s, input.path, input.value), { today: TODAY }).platforms.map((p) => p.tco.toString());
        expect(same, input.path).toEqual(base);
      }
    });
  }
});

/** A scenario that writes every kind of numeric field, so the bounds check below covers them. */
function everyField(): Raw {
  return {
    ...baseScenario(),
    horizonYears: 5,
    platforms: [
      { type: 'vm', perVmOverheadMiB: 100, cpuOvercommit: 2, memoryOvercommit: 1 },
      { type: 'containers', maxPods: 100, generic: { kubeReservedCpuMillicores: 100 } },
      { type: 'containers-in-vms', nodeVm: { vcpus: 8, memoryGiB: 32, diskGiB: 100 } },
      { type: 'microvm', podOverhead: { memoryMiB: 100, cpuMillicores: 100 } },
    ],
    workloads: [
      { name: 'api', instances: 20, cpuMillicores: 500, memoryMiB: 1024, storageGiB: 1, imageMiB: 100, licences: [{ name: 'agent', pricePerInstanceYear: 10 }] },
      { name: 'db', instances: 2, vcpus: 4, memoryGiB: 16, storageGiB: 100, imageMiB: 400 },
    ],
    policy: { ha: { spareHosts: 1 }, targetUtilization: { cpu: 0.8, memory: 0.9, disk: 0.9 }, cpuOvercommit: 1, memoryOvercommit: 1 },
    prices: { electricityPerKWh: 0.1, pue: 1.5, amortizationYears: 5, physicalServersPerAdmin: 30, licences: { rhel: 800 } },
    catalog: { 'k8s.maxPodsPerNode': 110, 'licence.oracle.coreFactor': 0.5 },
  };
}

// The bounds in paths.ts mirror the validator's: a value at each bound must pass it, and one just
// beyond must be refused at the same place.
describe('bounds agree with the scenario validator', () => {
  const cases: Array<[string, Raw]> = [
    ['a scenario writing every field', everyField()],
    ...exampleFiles().map((f) => [f, loadExample(f) as Raw] as [string, Raw]),
  ];
  for (const [name, s] of cases) {
    it(name, () => {
      const inputs: NumericInput[] = listInputs(s, { today: TODAY });
      expect(inputs.length).toBeGreaterThan(20);
      for (const input of inputs) {
        const at = inputLocation(s, input.path);
        const where = at.reduce<string>((p, k) => joinPath(p, k), '');
        const issuesAt = (raw: unknown): string[] => {
          try {
            parseScenario(raw);
            return [];
          } catch (e) {
            return (e as KernelcountError).issues.filter((i) => i.path === where).map((i) => i.code);
          }
        };
        const eps = input.integer ? money(1) : money('0.000001');
        // At the bound (or just inside an exclusive one) the validator has nothing to say about this field.
        const lowest = input.minExclusive ? input.min.plus(eps) : input.min;
        const atLow = setInput(s, input.path, lowest);
        // (A cross-field rule, such as maximum power >= idle power, is not a bound: 'conflict' is let through.)
        const bounds = (codes: string[]) => codes.filter((c) => c !== 'conflict');
        expect(bounds(issuesAt(atLow)), `${input.path} = ${lowest.toString()}`).toEqual([]);
        expect(bounds(issuesAt(setInput(s, input.path, input.max))), `${input.path} = ${input.max.toString()}`).toEqual([]);
        // Beyond it, the validator refuses the value at this place.
        const below = input.minExclusive ? input.min : input.min.minus(eps);
        const valueBelow = input.kind === 'amount' ? below.toFixed() : below.toNumber();
        expect(issuesAt(writeRaw(atLow, at, valueBelow)), `${input.path} = ${below.toString()}`).not.toEqual([]);
        // (A relative step: 1e15 + 0.000001 is 1e15 as a JavaScript number.)
        const above = input.max.plus(eps).plus(input.max.times('0.001'));
        expect(issuesAt(writeRaw(atLow, at, above.toNumber())), `${input.path} above max`).not.toEqual([]);
        if (input.integer && !input.path.startsWith('catalog.')) {
          expect(issuesAt(writeRaw(atLow, at, lowest.plus('0.5').toNumber())), `${input.path} fractional`).toEqual(['not_integer']);
        }
      }
    });
  }
});
