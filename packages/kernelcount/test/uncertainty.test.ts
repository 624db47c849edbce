// The scenario's `uncertainty:` section: its shape validated with the scenario, what each range
// means checked by resolveRanges (Monte Carlo, validateScenario, the CLI), every problem named by
// the range's path; evaluate ignores the ranges (it prices the scenario's own values).
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../src/analysis/monteCarlo.js';
import { KernelcountError } from '../src/errors.js';
import { evaluate, safeEvaluate } from '../src/evaluate.js';
import { resolveRanges, validateScenario } from '../src/scenario/ranges.js';
import { scenarioJsonSchema } from '../src/scenario/schema.js';
import { parseScenario } from '../src/scenario/validate.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { TODAY, baseScenario, loadExample } from './helpers.js';

function issuesOf(input: unknown): string[] {
  const r = safeEvaluate(input, { today: TODAY });
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.error.issues.map((i) => `${i.path ? i.path + ': ' : ''}${i.message} [${i.code}]`);
}

function rangeIssuesOf(input: unknown): string[] {
  try {
    resolveRanges(input, { today: TODAY });
  } catch (e) {
    if (!(e instanceof KernelcountError)) throw e;
    return e.issues.map((i) => `${i.path ? i.path + ': ' : ''}${i.message} [${i.code}]`);
  }
  throw new Error('expected the ranges to be refused');
}

function withRanges(uncertainty: unknown, base: Record<string, unknown> = baseScenario()): Record<string, unknown> {
  return { ...base, uncertainty };
}

describe('uncertainty: in a scenario', () => {
  it('is read from YAML, normalized in the order given, and left out of evaluate', () => {
    const text = `
hosts: [{ name: h, sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000, price: 20000 }]
workloads: [{ name: api, instances: 20, vcpus: 0.5, memoryGiB: 1 }]
uncertainty:
  workloads[api].instances: { low: 16, likely: 20, high: 30 }
  prices.electricityPerKWh: { low: 0.08, likely: 0.12, high: 0.20 }
  catalog.licence.vvf: { low: 100, likely: 135, high: 200 }
`;
    const input = parseScenarioText(text);
    expect(parseScenario(input).uncertainty).toEqual([
      { path: 'workloads[api].instances', low: 16, likely: 20, high: 30 },
      { path: 'prices.electricityPerKWh', low: 0.08, likely: 0.12, high: 0.2 },
      { path: 'catalog.licence.vvf', low: 100, likely: 135, high: 200 },
    ]);
    expect(validateScenario(input).uncertainty).toEqual(resolveRanges(input));
    expect(resolveRanges(input)).toEqual([
      { path: 'workloads[api].instances', canonical: 'workloads[0].instances', low: 16, likely: 20, high: 30, integer: true, affects: 'sizing' },
      { path: 'prices.electricityPerKWh', canonical: 'prices.electricityPerKWh', low: 0.08, likely: 0.12, high: 0.2, integer: false, affects: 'price' },
      { path: 'catalog.licence.vvf', canonical: 'catalog.licence.vvf', low: 100, likely: 135, high: 200, integer: false, affects: 'price' },
    ]);
    const { uncertainty: _, ...plain } = input as Record<string, unknown>;
    expect(JSON.stringify(evaluate(input, { today: TODAY }).platforms.map((p) => p.tco))).toBe(JSON.stringify(evaluate(plain, { today: TODAY }).platforms.map((p) => p.tco)));
    expect(parseScenario(baseScenario()).uncertainty).toEqual([]);
  });

  it('refuses in evaluate what is wrong in shape: ranges out of order, missing ends, values that are not numbers', () => {
    expect(
      issuesOf(
        withRanges({
          'workloads[web].instances': { low: 1, likely: 2, high: 3 },
          'prices.pue': { low: 1.4, likely: 1.3, high: 2 },
          'policy.cpuOvercommit': { low: 1, likely: 3, high: 2 },
          'hosts[h].price': { low: 18000, likely: '20000', high: Infinity },
          'hosts[0].diskGiB': { low: 1000, high: 3000 },
          'prices.averageLoad': { low: 0.2, likely: 0.5, high: 0.8, mode: 0.5 },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "uncertainty["prices.pue"].likely: must be >= low (1.4), got 1.3 [conflict]",
        "uncertainty["policy.cpuOvercommit"].high: must be >= likely (3), got 2 [conflict]",
        "uncertainty["hosts[h].price"].likely: must be a number, got "20000" [invalid_type]",
        "uncertainty["hosts[h].price"].high: must be a finite number, got Infinity [not_finite]",
        "uncertainty["hosts[0].diskGiB"].likely: is required (a range is { low, likely, high }) [required]",
        "uncertainty["prices.averageLoad"].mode: unknown field; expected one of: low, likely, high [unknown_key]",
      ]
    `);
    expect(issuesOf(withRanges([1, 2]))).toEqual(['uncertainty: must be an object, got a list [invalid_type]']);
  });

  it('resolves each path against the scenario: names paths that are not inputs, fractions of whole numbers and the same input twice', () => {
    const s = withRanges({
      'workloads[web].instances': { low: 1, likely: 2, high: 3 },
      'workloads[api].instances': { low: 10.5, likely: 20, high: 30 },
      'workloads[0].instances': { low: 1, likely: 2, high: 3 },
      horizonYears: { low: 3, likely: 5, high: 7 },
      'catalog.policy.ha': { low: 0, likely: 1, high: 2 },
      'hosts[0].memoryMiB': { low: 1, likely: 2, high: 3 },
    });
    // evaluate prices the scenario's own values and leaves the paths to resolveRanges.
    expect(safeEvaluate(s, { today: TODAY }).ok).toBe(true);
    expect(rangeIssuesOf(s)).toMatchInlineSnapshot(`
      [
        "uncertainty["workloads[web].instances"]: no workload named "web"; workloads are "api", "db" [unknown_key]",
        "uncertainty["workloads[api].instances"].low: must be a whole number, got 10.5 [not_integer]",
        "uncertainty["workloads[0].instances"]: names the same input (workloads[0].instances) as uncertainty["workloads[api].instances"] [duplicate]",
        "uncertainty.horizonYears: must start with hosts, workloads, platforms, policy, prices or catalog [unknown_key]",
        "uncertainty["catalog.policy.ha"]: catalog.policy.ha is an object; range one of its fields: catalog.policy.ha.spareHosts [unknown_key]",
        "uncertainty["hosts[0].memoryMiB"]: hosts[0] gives memoryGiB; give the range on hosts[0].memoryGiB [conflict]",
      ]
    `);
    expect(() => validateScenario(s)).toThrow(KernelcountError);
    expect(() => monteCarlo(s, { samples: 10 })).toThrow('uncertainty["workloads[web].instances"]: no workload named "web"');
  });

  it("checks each end of a range against the field's own limits, in the field's words", () => {
    expect(
      rangeIssuesOf(
        withRanges({
          'prices.electricityPerKWh': { low: -0.01, likely: 0.1, high: 0.2 },
          'prices.averageLoad': { low: 0.2, likely: 0.5, high: 1.5 },
          'workloads[api].instances': { low: 10, likely: 20, high: 20_000_000 },
          'policy.targetUtilization.cpu': { low: 0, likely: 0.7, high: 0.9 },
          'catalog.k8s.nodeVm.vcpus': { low: 0, likely: 8, high: 16 },
          'prices.amortizationYears': { low: 3, likely: 5, high: 40 },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "uncertainty["prices.electricityPerKWh"].low: must be >= 0, got -0.01 [too_small]",
        "uncertainty["catalog.k8s.nodeVm.vcpus"].low: must be >= 1, got 0 [too_small]",
        "uncertainty["policy.targetUtilization.cpu"].low: must be > 0, got 0 [too_small]",
        "uncertainty["prices.amortizationYears"].high: must be <= 30, got 40 [too_big]",
        "uncertainty["prices.averageLoad"].high: must be <= 1, got 1.5 [too_big]",
        "uncertainty["workloads[api].instances"].high: must be <= 10000000, got 20000000 [too_big]",
      ]
    `);
  });

  it('leaves rules between fields to Monte Carlo, which refuses such ranges before it samples', () => {
    // Idle power can pass the host's 600 W maximum at the high end: evaluate prices the scenario's
    // own 200 W (so break-even and sensitivity can move the maximum freely), Monte Carlo refuses.
    const s = withRanges({ 'hosts[0].powerIdleW': { low: 100, likely: 200, high: 700 } }, baseScenario());
    expect(safeEvaluate(s, { today: TODAY }).ok).toBe(true);
    expect(() => monteCarlo(s, { samples: 10 })).toThrow(
      'uncertainty: with every range at its high value: hosts[0].powerMaxW: must be >= powerIdleW (700 W), got 600',
    );
  });

  it('checks the ranges only once the rest of the scenario is valid, and lists both', () => {
    const s = baseScenario();
    (s.hosts as Array<Record<string, unknown>>)[0]!.sockets = 0;
    expect(issuesOf(withRanges({ 'prices.pue': { low: 1.2, likely: 1.1, high: 2 }, 'prices.averageLoad': { low: 0, likely: 0.5, high: 2 } }, s))).toEqual([
      'hosts[0].sockets: must be >= 1, got 0 [too_small]',
      'uncertainty["prices.pue"].likely: must be >= low (1.2), got 1.1 [conflict]',
    ]);
  });

  it('limits the number of ranges', () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`catalog.x${i}`, { low: 0, likely: 0, high: 0 }]));
    expect(issuesOf(withRanges(many))).toEqual(['uncertainty: must have at most 100 ranges, got 101 [too_big]']);
  });

  it('is described in the JSON Schema', () => {
    const u = scenarioJsonSchema.properties.uncertainty;
    expect(u.additionalProperties.required).toEqual(['low', 'likely', 'high']);
    expect(new RegExp(u.propertyNames.pattern).test('workloads[api].instances')).toBe(true);
    expect(new RegExp(u.propertyNames.pattern).test('prices.electricityPerKWh')).toBe(true);
    expect(new RegExp(u.propertyNames.pattern).test('horizonYears')).toBe(false);
  });

  it('accepts ranges on every example', () => {
    const linux = loadExample('linux-microservices.yaml') as Record<string, unknown>;
    const ranges = {
      'prices.electricityPerKWh': { low: 0.08, likely: 0.12, high: 0.2 },
      'workloads[api].instances': { low: 20, likely: 24, high: 40 },
      'catalog.licence.vvf': { low: 100, likely: 135, high: 200 },
      'platforms[containers-in-vms].nodeVm.memoryGiB': { low: 24, likely: 32, high: 64 },
    };
    expect(parseScenario(withRanges(ranges, linux)).uncertainty).toHaveLength(4);
  });
});
