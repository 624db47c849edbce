// Unit tests of the landing page's quick comparator logic (src/lib/quickCompare.ts): the scenario it
// builds, the rows it reads out of a real evaluation, and how bad input is refused at its field.
import { safeEvaluate, type Evaluation, type Issue } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  DEFAULT_INPUTS,
  evaluateQuick,
  FIELDS,
  mapIssues,
  NUMERIC_FIELDS,
  parseInputs,
  PLATFORMS,
  quickCompare,
  rowsFrom,
  summarize,
  type QuickInputs,
  type QuickValues,
} from '../src/lib/quickCompare';

const inputs = (over: Partial<QuickInputs> = {}): QuickInputs => ({ ...DEFAULT_INPUTS, ...over });

function values(over: Partial<QuickInputs> = {}): QuickValues {
  const p = parseInputs(inputs(over));
  if (!p.ok) throw new Error(`inputs refused: ${JSON.stringify(p.errors)}`);
  return p.values;
}

function evaluation(over: Partial<QuickInputs> = {}): Evaluation {
  const r = safeEvaluate(buildScenario(values(over)));
  if (!r.ok) throw r.error;
  return r.value;
}

describe('parseInputs', () => {
  it('reads the default form as numbers', () => {
    expect(parseInputs(DEFAULT_INPUTS)).toEqual({
      ok: true,
      values: {
        sockets: 2,
        coresPerSocket: 32,
        hostMemoryGiB: 1024,
        hostDiskGiB: 7680,
        hostPrice: 38000,
        vcpus: 2,
        memoryGiB: 4,
        storageGiB: 20,
        instances: 200,
        os: 'linux',
        spareHost: true,
      },
    });
  });

  it('accepts fractions, spaces around the number and a price with cents', () => {
    const p = parseInputs(inputs({ vcpus: ' 0.5 ', memoryGiB: '.75', hostPrice: '38000.10' }));
    expect(p.ok && [p.values.vcpus, p.values.memoryGiB, p.values.hostPrice]).toEqual([0.5, 0.75, 38000.1]);
  });

  it('refuses an empty field, naming it', () => {
    expect(parseInputs(inputs({ hostMemoryGiB: '' }))).toEqual({ ok: false, errors: { hostMemoryGiB: 'Host memory (GiB): is required' } });
    expect(parseInputs(inputs({ instances: '   ' }))).toEqual({ ok: false, errors: { instances: 'Fleet size (instances): is required' } });
  });

  it('refuses NaN and other text that is not a decimal number, naming the field', () => {
    const p = parseInputs(inputs({ vcpus: 'NaN', hostDiskGiB: '1e3', hostPrice: '$38,000', sockets: '0x2', storageGiB: 'Infinity' }));
    expect(p).toEqual({
      ok: false,
      errors: {
        sockets: 'Sockets per host: must be a number',
        hostDiskGiB: 'Host usable disk (GiB): must be a number',
        hostPrice: 'Host price (USD): must be a number',
        vcpus: 'Instance CPU (vCPU): must be a number',
        storageGiB: 'Instance data disk (GiB): must be a number',
      },
    });
  });

  it('refuses an OS other than Linux or Windows', () => {
    expect(parseInputs({ ...DEFAULT_INPUTS, os: 'bsd' as never })).toEqual({ ok: false, errors: { os: 'Guest OS: must be Linux or Windows' } });
  });

  it('gives every numeric field a label, a unit, bounds and the path the package reports it at', () => {
    for (const f of NUMERIC_FIELDS) {
      const spec = FIELDS[f];
      expect(spec.label, f).not.toBe('');
      expect(spec.unit, f).not.toBe('');
      expect(spec.min, f).toBeLessThan(spec.max);
      expect(spec.step, f).toBeGreaterThan(0);
      expect(spec.path, f).toMatch(/^(hosts|workloads)\[0\]\.\w+$/);
      expect(Number(DEFAULT_INPUTS[f]), f).toBeGreaterThanOrEqual(spec.min);
      expect(Number(DEFAULT_INPUTS[f]), f).toBeLessThanOrEqual(spec.max);
    }
  });
});

describe('buildScenario', () => {
  it('puts the host, the workload and the four platform types into one scenario', () => {
    expect(buildScenario(values())).toEqual({
      name: 'Quick comparison',
      currency: 'USD',
      hosts: [{ name: 'server', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
      workloads: [{ name: 'app', instances: 200, os: 'linux', vcpus: 2, memoryGiB: 4, storageGiB: 20 }],
      platforms: [{ type: 'vm' }, { type: 'containers' }, { type: 'containers-in-vms' }, { type: 'microvm' }],
      policy: { ha: { spareHosts: 1 } },
    });
  });

  it('follows the OS and the spare-host choice', () => {
    const s = buildScenario(values({ os: 'windows', spareHost: false }));
    expect(s.workloads[0]!.os).toBe('windows');
    expect(s.policy).toEqual({ ha: { spareHosts: 0 } });
  });

  it('is a scenario the package accepts', () => {
    expect(safeEvaluate(buildScenario(values())).ok).toBe(true);
  });
});

describe('rowsFrom', () => {
  it('reads each platform from the evaluation: most per host, hosts, binding and cost per instance-month', () => {
    const ev = evaluation();
    const rows = rowsFrom(ev);
    expect(rows.map((r) => r.type)).toEqual(PLATFORMS);
    for (const row of rows) {
      const p = ev.platforms.find((x) => x.type === row.type)!;
      const w = p.pools.flatMap((pool) => pool.workloads).find((x) => x.workload === 'app')!;
      expect(row).toEqual({
        type: p.type,
        fits: true,
        perHost: w.maxPerHost,
        perHostBinding: w.binding,
        hosts: p.hosts,
        loadHosts: p.loadHosts,
        spareHosts: p.spareHosts,
        addedHosts: p.addedHosts,
        binding: p.binding,
        costPerInstanceMonth: p.costPerInstanceMonth,
      });
    }
  });

  it('pins the default comparison (the package decides these figures; a change here is a change in the model)', () => {
    const rows = rowsFrom(evaluation());
    expect(rows.map((r) => (r.fits ? [r.type, r.perHost, r.hosts, r.spareHosts, r.binding, r.costPerInstanceMonth.toFixed(2)] : r))).toEqual([
      ['vm', 47, 6, 1, 'cpu', '131.87'],
      ['containers', 50, 6, 1, 'cpu', '43.60'],
      ['containers-in-vms', 33, 8, 1, 'cpu', '109.61'],
      ['microvm', 44, 6, 1, 'cpu', '43.60'],
    ]);
  });

  it('finds the workload in its own pool when a Windows fleet also has a Linux control-plane pool', () => {
    const ev = evaluation({ os: 'windows' });
    const containers = ev.platforms.find((p) => p.type === 'containers')!;
    expect(containers.pools.map((p) => p.os)).toEqual(['linux', 'windows']);
    const row = rowsFrom(ev).find((r) => r.type === 'containers')!;
    expect(row.fits && row.perHost).toBe(containers.pools[1]!.workloads[0]!.maxPerHost);
    expect(row.fits && row.hosts).toBe(containers.hosts);
  });

  it('counts no spare hosts without N+1', () => {
    const rows = rowsFrom(evaluation({ spareHost: false }));
    expect(rows.every((r) => r.fits && r.spareHosts === 0)).toBe(true);
  });
});

describe('summarize', () => {
  it('says in plain words how many fit, how many hosts and what it costs, from the numbers', () => {
    const r = quickCompare(DEFAULT_INPUTS);
    expect(r.ok && r.result.summary).toBe(
      'Containers fit 50 per host, VMs 47, micro-VMs 44, containers in VMs 33, all bound by CPU. ' +
        'For 200 instances you need 6 hosts as VMs, containers or micro-VMs; 8 as containers in VMs. ' +
        'Cheapest per instance: containers and micro-VMs at $43.60 a month, against $131.87 as VMs.',
    );
  });

  it('names the binding per platform when they differ, and the platforms an instance does not fit', () => {
    const rows = rowsFrom(evaluation());
    const mixed = [
      { ...rows[0]!, perHostBinding: 'memory' as const },
      rows[1]!,
      { type: 'containers-in-vms' as const, fits: false as const, reason: 'too big' },
      rows[3]!,
    ];
    expect(summarize(mixed, 1, 'USD')).toBe(
      'Containers fit 50 per host (CPU), VMs 47 (memory), micro-VMs 44 (CPU). ' +
        'For 1 instance you need 6 hosts as VMs, containers or micro-VMs. ' +
        'Cheapest per instance: containers and micro-VMs at $43.60 a month, against $131.87 as VMs. ' +
        'An instance of this size does not fit as containers in VMs.',
    );
  });
});

describe('errors mapped to fields', () => {
  it('maps every issue path the package reports for the form to its field, naming the field', () => {
    const issues: Issue[] = [
      { code: 'too_small', path: 'hosts[0].memoryGiB', message: 'must be >= 1 GiB, got -4' },
      { code: 'not_integer', path: 'hosts[0].sockets', message: 'must be a whole number, got 1.5' },
      { code: 'too_small', path: 'workloads', message: 'every workload has 0 instances; nothing to place' },
      { code: 'does_not_fit', path: 'workloads[0]', message: 'one instance needs more' },
      { code: 'invalid_type', path: 'currency', message: 'odd' },
    ];
    expect(mapIssues(issues)).toEqual({
      fields: {
        hostMemoryGiB: 'Host memory (GiB): must be >= 1 GiB, got -4',
        sockets: 'Sockets per host: must be a whole number, got 1.5',
        instances: 'Fleet size (instances): every workload has 0 instances; nothing to place',
        instance: 'Instance size: one instance needs more',
      },
      form: ['currency: odd'],
    });
  });

  it('refuses negative sizes through the package, each at its field with the field named', () => {
    const r = quickCompare(inputs({ hostMemoryGiB: '-4', vcpus: '-1', storageGiB: '-20', hostPrice: '-1' }));
    expect(r).toEqual({
      ok: false,
      fields: {
        hostMemoryGiB: 'Host memory (GiB): must be >= 1 GiB, got -4',
        hostPrice: 'Host price (USD): must be >= 0, got -1',
        vcpus: 'Instance CPU (vCPU): must be > 0 vCPU, got -1',
        storageGiB: 'Instance data disk (GiB): must be >= 0 GiB, got -20',
      },
      form: [],
    });
  });

  it('refuses fractional counts and a fleet of zero at the field', () => {
    const r = quickCompare(inputs({ sockets: '1.5', instances: '0' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fields).toEqual({
      sockets: 'Sockets per host: must be a whole number, got 1.5',
      instances: 'Fleet size (instances): every workload has 0 instances; nothing to place',
    });
  });

  it('keeps answering for the platforms an instance fits when it does not fit one of them', () => {
    // 40 GiB does not fit the default node VM of containers in VMs, but fits a whole server.
    const r = evaluateQuick(values({ memoryGiB: '40' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byType = Object.fromEntries(r.result.rows.map((row) => [row.type, row]));
    expect(byType['containers-in-vms']).toEqual({
      type: 'containers-in-vms',
      fits: false,
      reason: expect.stringMatching(/^one instance needs \d+ MiB of memory with its overheads, but one node VM offers \d+ usable$/),
    });
    expect(['vm', 'containers', 'microvm'].every((t) => byType[t]!.fits)).toBe(true);
    expect(r.result.summary).toMatch(/An instance of this size does not fit as containers in VMs\.$/);
  });

  it('shows the error at the instance size when an instance fits no platform at all', () => {
    const r = quickCompare(inputs({ memoryGiB: '4000' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.fields)).toEqual(['instance']);
    expect(!r.ok && r.fields.instance).toMatch(
      /^Instance size: fits none of the four platform types \(as VMs, one instance needs \d+ MiB of memory with its overheads, but one host offers \d+ usable\)$/,
    );
  });
});
