import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate, safeEvaluate, type Evaluation } from '../src/evaluate.js';
import { formatJson } from '../src/report/format.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { TODAY, loadExample } from './helpers.js';
import { sumMoney } from '../src/money.js';

const workload = fc.record({
  instances: fc.integer({ min: 0, max: 400 }),
  os: fc.constantFrom('linux', 'windows'),
  cpuMillicores: fc.integer({ min: 50, max: 8000 }),
  memoryMiB: fc.integer({ min: 64, max: 32768 }),
  storageGiB: fc.integer({ min: 0, max: 200 }),
  imageMiB: fc.integer({ min: 0, max: 4000 }),
  needsOwnKernel: fc.boolean(),
});

const scenarioArb = fc
  .record({
    workloads: fc.array(workload, { minLength: 1, maxLength: 4 }),
    cores: fc.integer({ min: 8, max: 64 }),
    memoryGiB: fc.integer({ min: 128, max: 2048 }),
    price: fc.integer({ min: 1000, max: 100000 }),
    spare: fc.integer({ min: 0, max: 2 }),
  })
  .filter((s) => s.workloads.some((w) => w.instances > 0))
  .map((s) => ({
    name: 'generated',
    hosts: [{ name: 'h', sockets: 2, coresPerSocket: s.cores, memoryGiB: s.memoryGiB, diskGiB: 20000, price: s.price }],
    workloads: s.workloads.map((w, i) => ({ name: `w${i}`, ...w })),
    policy: { ha: { spareHosts: s.spare } },
  }));

function money(e: Evaluation): string[] {
  const out: string[] = [];
  for (const p of e.platforms) {
    out.push(p.tco.toString(), p.costPerInstanceMonth.toString());
    for (const li of p.lineItems) out.push(li.total.toString(), li.annualCost.toString(), li.quantity.toString(), li.unitPrice.toString());
  }
  return out;
}

describe('model invariants (property tests)', () => {
  it('totals equal the sum of their line items exactly, per year, per category and over the horizon', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = safeEvaluate(s, { today: TODAY });
        if (!r.ok) return true; // a workload larger than the host is a valid refusal
        for (const p of r.value.platforms) {
          let sum = p.lineItems[0]!.total.minus(p.lineItems[0]!.total);
          for (const li of p.lineItems) {
            expect(li.annualCost.eq(li.quantity.times(li.unitPrice))).toBe(true);
            expect(li.total.eq(li.yearly.reduce((a, y) => a.plus(y), li.total.minus(li.total)))).toBe(true);
            sum = sum.plus(li.total);
          }
          expect(sum.eq(p.tco)).toBe(true);
          const byCat = Object.values(p.costByCategory).reduce((a, c) => a.plus(c), sum.minus(sum));
          expect(byCat.eq(p.tco)).toBe(true);
          const byYear = p.yearlyCost.reduce((a, c) => a.plus(c), sum.minus(sum));
          expect(byYear.eq(p.tco)).toBe(true);
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('never outputs NaN, Infinity or a negative amount or capacity', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = safeEvaluate(s, { today: TODAY });
        if (!r.ok) return true;
        const json = formatJson(r.value);
        expect(json).not.toMatch(/NaN|Infinity/);
        for (const m of money(r.value)) expect(m.startsWith('-')).toBe(false);
        for (const p of r.value.platforms) {
          expect(p.hosts).toBeGreaterThanOrEqual(1);
          for (const v of Object.values(p.layers.memoryMiB)) expect(Number.isInteger(v)).toBe(true);
          for (const [k, v] of Object.entries(p.layers.diskMiB)) if (k !== 'free') expect(v).toBeGreaterThanOrEqual(0);
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('more instances of a workload never need fewer hosts', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 200 }), (s, extra) => {
        const a = safeEvaluate(s, { today: TODAY });
        if (!a.ok) return true;
        const bigger = structuredClone(s);
        bigger.workloads[0]!.instances += extra;
        const b = safeEvaluate(bigger, { today: TODAY });
        if (!b.ok) return true;
        a.value.platforms.forEach((p, i) => {
          expect(b.value.platforms[i]!.hosts).toBeGreaterThanOrEqual(p.hosts);
        });
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('the same scenario as JSON and as YAML gives identical results', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const fromJson = safeEvaluate(parseScenarioText(JSON.stringify(s)), { today: TODAY });
        const fromYaml = safeEvaluate(parseScenarioText(stringify(s)), { today: TODAY });
        expect(fromJson.ok).toBe(fromYaml.ok);
        if (fromJson.ok && fromYaml.ok) expect(formatJson(fromYaml.value)).toBe(formatJson(fromJson.value));
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('an evaluation is deterministic', () => {
    const s = fc.sample(scenarioArb, { numRuns: 1, seed: 42 })[0]!;
    const a = safeEvaluate(s, { today: TODAY });
    const b = safeEvaluate(s, { today: TODAY });
    expect(a.ok && b.ok && formatJson(a.value) === formatJson(b.value)).toBe(a.ok);
  });
});

describe('a workload larger than any host', () => {
  it('is refused with does_not_fit naming the workload and platform', () => {
    const r = safeEvaluate({
      hosts: [{ name: 'small', sockets: 1, coresPerSocket: 4, memoryGiB: 16, diskGiB: 500, price: 3000 }],
      workloads: [{ name: 'huge', instances: 1, vcpus: 2, memoryGiB: 64 }],
      platforms: [{ type: 'vm' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues[0]).toMatchObject({ code: 'does_not_fit', path: 'workloads[0]' });
      expect(r.error.issues[0]!.message).toContain('"huge"');
    }
  });
});

// Spot-check the model's numbers by hand on a tiny scenario.
describe('hand-checked sizing', () => {
  const e = evaluate(
    {
      hosts: [{ name: 'h', sockets: 1, coresPerSocket: 8, threadsPerCore: 1, memoryGiB: 64, diskGiB: 1000, price: 10000, powerIdleW: 100, powerMaxW: 300 }],
      workloads: [{ name: 'app', instances: 10, vcpus: 0.5, memoryGiB: 1 }],
      platforms: [{ type: 'vm', hypervisor: 'esxi-6.7', hypervisorLicence: 'none' }],
      policy: { ha: { spareHosts: 0 }, targetUtilization: { cpu: 1, memory: 1, disk: 1 } },
    },
    { today: TODAY },
  );
  const vm = e.platforms[0]!;
  it('rounds each VM up to a whole vCPU and the OS minimum memory', () => {
    const w = vm.pools[0]!.workloads[0]!;
    expect(w.perInstance.cpuMillicores).toBe(1000);
    // max(1536 RHEL minimum, 1024 app + 300 guest OS) = 1536 MiB; ESXi overhead at 1536 MiB/1 vCPU:
    // between 25.90 (1024) and 48.64 (4096): 25.90 + 22.74 x 512/3072 = 29.69 -> 30 MiB
    expect(w.perInstance.memoryMiB.guestOs).toBe(512);
    expect(w.perInstance.memoryMiB.hypervisor).toBe(30);
  });
  it('keeps 8% of the host for ESXi and packs by CPU', () => {
    // 8000 m - 640 m (8%) = 7360 m -> 7 one-vCPU VMs per host -> 10 VMs need 2 hosts
    expect(vm.pools[0]!.usablePerHost.cpuMillicores).toBe(7360);
    expect(vm.hosts).toBe(2);
    expect(vm.binding).toBe('cpu');
  });
});

describe('licences the hosts themselves need', () => {
  it('licenses a Hyper-V host running only Linux guests with one full Standard licensing', () => {
    const e = evaluate(
      {
        hosts: [{ name: 'h', sockets: 2, coresPerSocket: 12, memoryGiB: 256, diskGiB: 2000, price: 10000 }],
        workloads: [{ name: 'app', instances: 10, vcpus: 1, memoryGiB: 2 }],
        platforms: [{ type: 'vm', hypervisor: 'hyperv' }],
        policy: { ha: { spareHosts: 1 } },
      },
      { today: TODAY },
    );
    const vm = e.platforms[0]!;
    const li = vm.lineItems.find((l) => l.component === 'windows-server')!;
    expect(li.name).toBe('Licence (Windows Server Standard, per physical core, Hyper-V hosts)');
    // every host (load + spare) licenses its 2 x 12 = 24 cores once
    expect(li.quantity.toNumber()).toBe(24 * vm.hosts);
  });

  it('adds no Windows licence to Linux guests on ESXi', () => {
    const e = evaluate(
      {
        hosts: [{ name: 'h', sockets: 2, coresPerSocket: 12, memoryGiB: 256, diskGiB: 2000, price: 10000 }],
        workloads: [{ name: 'app', instances: 10, vcpus: 1, memoryGiB: 2 }],
        platforms: [{ type: 'vm', hypervisor: 'esxi-6.7' }],
      },
      { today: TODAY },
    );
    expect(e.platforms[0]!.lineItems.some((l) => l.component === 'windows-server')).toBe(false);
  });
});

describe('per-year and efficiency figures of a platform', () => {
  it('splits each year by category, runs a cumulative sum, and shares host memory exactly once', () => {
    const e = evaluate(loadExample('windows-lob-sql.yaml'), { today: TODAY });
    for (const p of e.platforms) {
      p.yearlyCost.forEach((y, i) => {
        const split = sumMoney(Object.values(p.yearlyCostByCategory).map((ys) => ys[i]!));
        expect(split.toString()).toBe(y.toString());
        expect(p.cumulativeCost[i]!.toString()).toBe(sumMoney(p.yearlyCost.slice(0, i + 1)).toString());
      });
      expect(p.cumulativeCost.at(-1)!.toString()).toBe(p.tco.toString());
      const m = p.efficiency.memory;
      expect(m.workloads + m.overhead + m.idle).toBeCloseTo(1, 12);
      const total = Object.values(p.layers.memoryMiB).reduce((a, b) => a + b, 0);
      expect(m.workloads).toBeCloseTo(p.layers.memoryMiB.app / total, 12);
    }
  });
});
