import { describe, expect, it } from 'vitest';
import { KernelcountError } from '../src/errors.js';
import { safeEvaluate } from '../src/evaluate.js';
import { parseScenario } from '../src/scenario/validate.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { baseScenario } from './helpers.js';

function issuesOf(input: unknown): string[] {
  const r = safeEvaluate(input);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.error.issues.map((i) => `${i.path ? i.path + ': ' : ''}${i.message} [${i.code}]`);
}

describe('scenario validation', () => {
  it('accepts the base scenario and normalizes units to integers', () => {
    const s = parseScenario(baseScenario());
    expect(s.hosts[0]!.memoryMiB).toBe(262144);
    expect(s.workloads[0]!.cpuMillicores).toBe(500);
    expect(s.workloads[0]!.memoryMiB).toBe(1024);
    expect(s.platforms.map((p) => p.type)).toEqual(['vm', 'containers', 'containers-in-vms', 'microvm']);
    expect(s.baseline).toBe('vm');
  });

  it('lists every issue at once, each with its path, message and code', () => {
    const bad = baseScenario();
    (bad.workloads as Array<Record<string, unknown>>)[1]!.memoryGiB = -4;
    (bad.workloads as Array<Record<string, unknown>>)[0]!.instances = Number.NaN;
    (bad.hosts as Array<Record<string, unknown>>)[0]!.sockets = 'two';
    bad.platforms = [{ type: 'mainframe' }];
    bad.horizonYears = Infinity;
    expect(issuesOf(bad)).toMatchInlineSnapshot(`
      [
        "horizonYears: must be a finite number, got Infinity [not_finite]",
        "hosts[0].sockets: must be a number, got "two" [invalid_type]",
        "workloads[0].instances: must be a finite number, got NaN [not_finite]",
        "workloads[1].memoryGiB: must be > 0 GiB, got -4 [too_small]",
        "platforms[0].type: must be one of vm, containers, containers-in-vms, microvm, got "mainframe" [unknown_value]",
      ]
    `);
  });

  it('names unknown fields, conflicting units and missing requirements', () => {
    const bad = baseScenario();
    const w = (bad.workloads as Array<Record<string, unknown>>)[0]!;
    w.memoryMiB = 512;
    w.colour = 'blue';
    delete (bad.hosts as Array<Record<string, unknown>>)[0]!.price;
    expect(issuesOf(bad)).toEqual([
      'hosts[0].price: is required (purchase price per host) [required]',
      expect.stringMatching(/^workloads\[0\]\.colour: unknown field; expected one of: name, instances/),
      'workloads[0].memoryMiB: give memoryGiB or memoryMiB, not both [conflict]',
    ]);
  });

  it('refuses non-objects, empty lists, duplicates and unknown references', () => {
    expect(issuesOf(null)).toEqual(['a scenario must be an object, got null [invalid_type]']);
    expect(issuesOf([])).toEqual(['a scenario must be an object, got a list [invalid_type]']);
    const dup = baseScenario();
    (dup.workloads as unknown[]).push({ name: 'api', instances: 1, vcpus: 1, memoryGiB: 1 });
    dup.platforms = [{ type: 'vm', host: 'nope' }, { type: 'vm' }];
    dup.baseline = 'containers';
    expect(issuesOf(dup)).toEqual([
      'workloads[2].name: "api" is already used by workloads[0] [duplicate]',
      'platforms[0].host: no host named "nope"; hosts are "h" [unknown_value]',
      'platforms[1].name: "vm" is already used by platforms[0] [duplicate]',
    ]);
    expect(issuesOf({ hosts: [], workloads: [] })).toEqual([
      'hosts: must have at least 1 item, got 0 [too_small]',
      'workloads: must have at least 1 item, got 0 [too_small]',
    ]);
  });

  it('refuses one image name declared with two sizes', () => {
    const s = baseScenario();
    (s.workloads as Array<Record<string, unknown>>)[0]!.image = 'shared';
    (s.workloads as Array<Record<string, unknown>>)[1]!.image = 'shared';
    expect(issuesOf(s)).toEqual([
      'workloads[1].imageMiB: image "shared" is 100 MiB in workloads[0]; one image has one size, got 400 [conflict]',
    ]);
  });

  it('treats __proto__ and constructor keys as plain unknown keys', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "hosts": [], "workloads": []}');
    const issues = issuesOf(hostile);
    expect(issues).toContain('__proto__: unknown field; expected one of: name, description, currency, horizonYears, baseline, hosts, workloads, platforms, policy, prices, catalog, catalogVersions, licensing, uncertainty, growth, finance [unknown_key]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('validates catalog overrides by id and shape, and prices aliases', () => {
    const s = baseScenario();
    s.catalog = { 'power.pue': 0.5, 'no.such.id': 1, 'policy.overcommit': { cpu: 2 } };
    s.prices = { electricityPerKWh: 'cheap', licences: { 'windows-server-datacenter': 6771, 'oracle-db': 1 } };
    expect(issuesOf(s)).toEqual([
      'prices.electricityPerKWh: must be an amount like 1200 or "1200.50", got "cheap" [invalid_type]',
      expect.stringMatching(/^prices\.licences\.oracle-db: unknown field/),
      'catalog["power.pue"]: must be >= 1, got 0.5 [too_small]',
      'catalog["no.such.id"]: not a catalog id; `kernelcount catalog` lists them [unknown_key]',
      'catalog["policy.overcommit"].memory: is required when overriding this entry [required]',
    ]);
  });

  it('records an override as a user assumption and uses it', () => {
    const s = baseScenario();
    s.prices = { electricityPerKWh: 0.3 };
    const r = safeEvaluate(s, { today: '2026-11-22' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value.assumptions.find((x) => x.id === 'power.pricePerKWh')!;
    expect(a).toMatchObject({ overridden: true, trust: 'user', value: '0.3' });
    const li = r.value.platforms[0]!.lineItems.find((l) => l.component === 'power')!;
    expect(li.unitPrice.toString()).toBe('0.3');
  });

  it('notes rounding of fractional units instead of losing it silently', () => {
    const s = baseScenario();
    (s.workloads as Array<Record<string, unknown>>)[0]!.memoryGiB = 0.3;
    const parsed = parseScenario(s);
    expect(parsed.workloads[0]!.memoryMiB).toBe(308);
    expect(parsed.notes).toContain('workloads[0].memoryGiB: 0.3 GiB = 307.2 MiB, rounded up to 308 MiB');
  });

  it('throws KernelcountError from parseScenario', () => {
    expect(() => parseScenario({})).toThrow(KernelcountError);
    expect(() => parseScenario({})).toThrowErrorMatchingInlineSnapshot(`
      [KernelcountError: hosts: is required: at least one host type
      workloads: is required: at least one workload]
    `);
  });
});

describe('scenario text', () => {
  it('reports YAML syntax errors with the line', () => {
    expect(() => parseScenarioText('hosts:\n  - name: a\n  name: b\n bad')).toThrow(/not valid YAML at line/);
  });
  it('reports invalid JSON when the file says JSON', () => {
    expect(() => parseScenarioText('{"hosts": [', 'json')).toThrow(/not valid JSON/);
  });
  it('refuses duplicate keys and oversized input', () => {
    expect(() => parseScenarioText('name: a\nname: b\n')).toThrow(/not valid YAML/);
    expect(() => parseScenarioText('x'.repeat(6 * 1024 * 1024))).toThrow(/limit/);
  });
});
