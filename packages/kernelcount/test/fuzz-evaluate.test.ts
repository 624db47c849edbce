// Fuzzing the library's boundary: whatever `safeEvaluate` and `safeProject` are given, they return
// a result or the package's own error with paths; they never throw, and a result holds no NaN,
// Infinity or negative amount or capacity. Counts and seeds: see fuzz-arbitraries.ts.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { safeEvaluate } from '../src/evaluate.js';
import { safeProject } from '../src/time/project.js';
import { TODAY } from './helpers.js';
import { FUZZ_TIMEOUT_MS, SCENARIO_KEYS, Slowest, checkOutcome, edgeKey, edgeLeaf, edgeTree, fuzzParams, mutatedScenarioArb, safely, scenarioArb, withProtoKey } from './fuzz-arbitraries.js';

/** Top-level inputs: anything at all, objects with scenario keys and odd values, and near-valid scenarios. */
const anyInput = fc.oneof(
  { weight: 1, arbitrary: edgeLeaf },
  { weight: 1, arbitrary: edgeTree },
  { weight: 2, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...SCENARIO_KEYS), edgeKey), edgeTree, { maxKeys: 6, noNullPrototype: false }) },
  { weight: 8, arbitrary: mutatedScenarioArb },
  { weight: 2, arbitrary: scenarioArb },
);

describe('fuzz: safeEvaluate', () => {
  const slow = new Slowest('safeEvaluate');
  afterAll(() => slow.report());

  it('returns a result or a KernelcountError with paths for any input, and results hold only finite, non-negative figures', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = slow.time(input, () => safely(() => safeEvaluate(input, { today: TODAY })));
        checkOutcome(input, outcome, 'safeEvaluate');
      }),
      fuzzParams('safeEvaluate', 400, 7001) as fc.Parameters<[unknown]>,
    );
  }, FUZZ_TIMEOUT_MS);

  it('evaluates most generated scenarios, so the fuzzing reaches the sizing and pricing code', () => {
    // Without this, a generator that only ever produced invalid input would pass the property above.
    let ok = 0;
    fc.assert(
      fc.property(scenarioArb, (input) => {
        if (safeEvaluate(input, { today: TODAY }).ok) ok++;
      }),
      { numRuns: 200, seed: 7002 },
    );
    expect(ok).toBeGreaterThan(100);
  });

  it('handles the documented worst shapes: 10,000-deep nesting, prototype keys, huge lists', () => {
    const host = { name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000, price: 20000 };
    const cases: unknown[] = [
      withProtoKey({ hosts: [] }),
      { hosts: [host], workloads: [withProtoKey(1)] },
      { hosts: [host], workloads: Array.from({ length: 5001 }, (_, i) => ({ name: `w${i}`, instances: 1, vcpus: 1, memoryGiB: 1 })) },
      { hosts: Array.from({ length: 101 }, () => host), workloads: [] },
      { hosts: [host], workloads: [{ name: 'w', instances: 1e12, vcpus: 1, memoryGiB: 1 }] },
      Object.assign(Object.create(null) as object, { hosts: [host], workloads: [{ name: 'w', instances: 1, vcpus: 1, memoryGiB: 1 }] }),
    ];
    for (const input of cases) checkOutcome(input, safely(() => safeEvaluate(input, { today: TODAY })), 'safeEvaluate');
  });
});

describe('fuzz: safeProject', () => {
  const slow = new Slowest('safeProject');
  afterAll(() => slow.report());

  it('returns a projection or a KernelcountError with paths for any input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = slow.time(input, () => safely(() => safeProject(input, { today: TODAY })));
        checkOutcome(input, outcome, 'safeProject');
      }),
      fuzzParams('safeProject', 150, 7003, 0.25) as fc.Parameters<[unknown]>,
    );
  }, FUZZ_TIMEOUT_MS);
});

// Regressions found by the fuzzing above, each reduced from its counterexample.
describe('fuzz findings', () => {
  const host = { name: 'h', sockets: 1, coresPerSocket: 64, memoryGiB: 256, diskGiB: 3000, price: 20000 };

  it('memory overcommit: the free layer is 0, not negative, when the layers hold more than the hosts have', () => {
    // 1.5x memory overcommit: 1000 instances x 6 GiB = 6000 GiB placed on hosts of 256 GiB, up
    // to about 1.5 x 256 GiB on each.
    const r = safeEvaluate(
      { hosts: [host], workloads: [{ name: 'w', instances: 1000, cpuMillicores: 100, memoryGiB: 6 }], platforms: [{ type: 'containers', memoryOvercommit: 1.5 }], policy: { ha: { spareHosts: 0 } } },
      { today: TODAY },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value.platforms[0]!;
    const m = p.layers.memoryMiB;
    const physical = p.hosts * 256 * 1024;
    // The placed layers exceed the physical memory: that is what overcommit allows.
    expect(m.hostReserve + m.hypervisor + m.guestOs + m.runtime + m.app).toBeGreaterThan(physical);
    expect(m.free).toBe(0);
    expect(p.pools.every((pool) => pool.layers.memoryMiB.free >= 0)).toBe(true);
    expect(p.efficiency.memory.idle).toBe(0);
  });

  it('a VM beyond the hypervisor rule (64 TiB with its guest OS) is refused at the workload, not at the rule\'s own field', () => {
    // From a counterexample whose catalog override made the guest OS 2 TiB; the same happens with a
    // workload of 64 TiB, the most a workload may ask for.
    const r = safeEvaluate(
      { hosts: [{ ...host, memoryGiB: 65536 }], workloads: [{ name: 'small', instances: 1, vcpus: 1, memoryGiB: 1 }, { name: 'huge', instances: 1, vcpus: 1, memoryGiB: 65536 }], platforms: [{ type: 'vm' }] },
      { today: TODAY },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues).toEqual([
      { code: 'too_big', path: 'workloads[1]', message: 'one VM of "huge" on platform "vm", with its guest OS, is beyond the esxi-6.7 overhead rule: memoryMiB must be at most 67108864 MiB, got 67109164' },
    ]);
  });

  it('a node VM that cannot fit a host is reported at the platform\'s nodeVm, not at the root', () => {
    const r = safeEvaluate(
      { hosts: [{ ...host, diskGiB: 50 }], workloads: [{ name: 'w', instances: 1, vcpus: 1, memoryGiB: 1 }], platforms: [{ type: 'vm' }, { type: 'containers-in-vms' }] },
      { today: TODAY },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues.find((i) => i.message.includes('Kubernetes node VM'))).toMatchObject({ code: 'does_not_fit', path: 'platforms[1].nodeVm' });
  });
});

describe('fuzz findings: projections', () => {
  it('a lease rate too small to register (1e-96 %) pays price / years, not Infinity', () => {
    const scenario = (leaseRatePercent: number) => ({
      horizonYears: 2,
      hosts: [{ name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000, price: 20000 }],
      workloads: [{ name: 'w', instances: 20, vcpus: 1, memoryGiB: 2 }],
      finance: { hardware: 'lease', leaseRatePercent, discountRatePercent: 16 },
    });
    const tiny = safeProject(scenario(1.1636094263516977e-96), { today: TODAY });
    const zero = safeProject(scenario(0), { today: TODAY });
    expect(tiny.ok && zero.ok).toBe(true);
    if (!tiny.ok || !zero.ok) return;
    expect(tiny.value.platforms.map((p) => p.totals.presentValue.toString())).toEqual(zero.value.platforms.map((p) => p.totals.presentValue.toString()));
    expect(tiny.value.platforms.every((p) => p.totals.cash.isFinite())).toBe(true);
  });
});
