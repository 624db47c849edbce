/**
 * Shared generators and checks for the fuzz tests (test/fuzz-*.test.ts and the site's
 * tests/urlState.fuzz.test.ts).
 *
 * Run counts: each property runs a reduced count with a fixed seed in `npm test`, so a failure
 * there reproduces exactly; `FUZZ_RUNS=100000 npm run fuzz` runs the full count with a fresh
 * random seed, printed first, so a failure can be replayed with `FUZZ_SEED=<seed>`.
 *
 * Sizes are bounded so that no single input can make a run slow for reasons the limits already
 * cover (see the Robustness section of the package README): lists stay short, strings reach
 * 100,000 characters only as whole constants, and nesting goes 10,000 levels deep only as a
 * constant shape.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isKernelcountError, type IssueCode } from '../src/errors.js';
import { FIGURES } from '../src/catalog/defaults.js';
import { PRICE_ALIASES, LICENCE_PRICE_IDS } from '../src/scenario/catalogInputs.js';
import { CONTROL_PLANES, HYPERVISORS, HYPERVISOR_LICENCES, INSTANCE_LICENCE_PRODUCTS, PLATFORM_TYPES, WINDOWS_LICENSING } from '../src/scenario/types.js';
import { RESERVATION_PROFILES } from '../src/rules/reservations.js';
import { SANDBOX_RUNTIMES } from '../src/rules/sandbox.js';

// ---------------------------------------------------------------------------------------------
// Run counts and seeds
// ---------------------------------------------------------------------------------------------

/** Full-run count from `FUZZ_RUNS`, or undefined in an ordinary test run. */
export const FULL_RUNS: number | undefined = (() => {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`FUZZ_RUNS must be a whole number >= 1, got ${JSON.stringify(raw)}`);
  return n;
})();

const FULL_SEED = (() => {
  const raw = process.env.FUZZ_SEED;
  if (raw !== undefined && raw !== '') return Number(raw);
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
})();

/**
 * fast-check parameters for one property: `reduced` runs with seed `seed` normally, or `share`
 * of FUZZ_RUNS (rounded up) with the printed random seed in a full run. `share` lets a boundary
 * split its full count over several properties and still total FUZZ_RUNS.
 */
export function fuzzParams(name: string, reduced: number, seed: number, share = 1): fc.Parameters<unknown> {
  if (FULL_RUNS === undefined) return { numRuns: reduced, seed, endOnFailure: true };
  const numRuns = Math.ceil(FULL_RUNS * share);
  console.log(`[fuzz] ${name}: ${numRuns} runs, seed ${FULL_SEED} (replay with FUZZ_SEED=${FULL_SEED})`);
  return { numRuns, seed: FULL_SEED, endOnFailure: true };
}

/** Per-test timeout: generous in a full run, where the count is 100,000+ per boundary. */
export const FUZZ_TIMEOUT_MS = FULL_RUNS === undefined ? 60_000 : 3_600_000;

/** Keeps the slowest input of a property so the full run can report it (not a timed assertion). */
export class Slowest {
  ms = 0;
  input: unknown = undefined;
  constructor(readonly name: string) {}
  time<T>(input: unknown, f: () => T): T {
    const t = performance.now();
    try {
      return f();
    } finally {
      const ms = performance.now() - t;
      if (ms > this.ms) {
        this.ms = ms;
        this.input = input;
      }
    }
  }
  async timeAsync<T>(input: unknown, f: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await f();
    } finally {
      const ms = performance.now() - t;
      if (ms > this.ms) {
        this.ms = ms;
        this.input = input;
      }
    }
  }
  report(): void {
    if (FULL_RUNS === undefined) return;
    let shown: string;
    try {
      shown = JSON.stringify(this.input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(this.input);
    } catch {
      // Too deep for JSON.stringify (a 10,000-level constant): show its top level.
      const v = this.input;
      shown = v && typeof v === 'object' ? `{ ${Object.keys(v).join(', ')} } with a value nested too deep to print` : String(v);
    }
    console.log(`[fuzz] ${this.name}: slowest input took ${this.ms.toFixed(1)} ms: ${shown.slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile leaves
// ---------------------------------------------------------------------------------------------

/** An object with an own `__proto__` key, as JSON.parse makes one (a literal would set the prototype). */
export function withProtoKey(value: unknown): Record<string, unknown> {
  return JSON.parse(`{"__proto__": ${JSON.stringify(value) ?? 'null'}}`) as Record<string, unknown>;
}

/** Nested lists (or objects) `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, kind: 'list' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'list' ? [v] : { a: v };
  return v;
}

const LONG = 'x'.repeat(100_000);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Numbers that break naive arithmetic. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e-300, 5e-324, -5e-324, 1e15, 1e15 + 1, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 32, 1e12, 10_000_000, 10_000_001, 0.1 + 0.2),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noDefaultInfinity: false }),
  fc.double({ min: -10, max: 10_000, noNaN: true }),
);

/** Strings: unicode, lone surrogates, numeric-looking, markup, prototype names, long. */
export const edgeString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '\t\n', '\uD800', '\uDFFF', 'a\uD83D', '\uFEFF', '\u0000', '🙂', 'e\u0301', '١٢٣', 'NaN', 'Infinity', '-0', '1e3', ' 12 ', '0x10', '1,000', '1_000', '12.50', '.5', '5.', '1e999', '-1', 'undefined', 'null', 'true', '<script>alert(1)</script>', "'; DROP TABLE", '${x}', '{{x}}', '%s%n', LONG, 'x'.repeat(201), 'x'.repeat(4001)),
  fc.constantFrom(...PROTO_KEYS),
);

/** Any odd value a parsed file or a careless caller might put in a field. */
export const edgeLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: edgeNumber },
  { weight: 3, arbitrary: edgeString },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [null], 10n, -1n, Symbol('s'), () => 1, new Date(NaN), new Date(0), new Map([['a', 1]]), new Set([1]), /x/, new Uint8Array(3), Object.create(null), Object.freeze({ a: 1 })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(deeplyNested(10_000, 'list'), deeplyNested(10_000, 'object'), Array.from({ length: 6000 }, () => 1)) },
  { weight: 1, arbitrary: edgeNumber.map((n) => withProtoKey(Number.isFinite(n) ? n : 1)) },
);

/** A key for an object: mostly odd ones. */
export const edgeKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('', ' ', 'a.b', 'a[0]', '"q"'));

/** Arbitrary JSON-ish trees, bounded in size, with odd leaves and keys. */
export const edgeTree: fc.Arbitrary<unknown> = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    edgeLeaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(edgeKey, tie('tree'), { maxKeys: 4, noNullPrototype: false }),
  ),
})).tree;

// ---------------------------------------------------------------------------------------------
// Valid scenarios, and near-valid ones with one thing changed
// ---------------------------------------------------------------------------------------------

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
/** Drops keys whose value is undefined (an absent field, not `field: undefined`). */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

const hostArb = (name: string) =>
  fc
    .record({
      sockets: fc.integer({ min: 1, max: 4 }),
      coresPerSocket: fc.integer({ min: 4, max: 128 }),
      threadsPerCore: opt(fc.constantFrom(1, 2)),
      memoryGiB: fc.constantFrom(64, 128, 256, 512, 1024, 2048, 100.5),
      diskGiB: fc.constantFrom(2000, 7680, 3000.5),
      price: fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.constantFrom('20000.10', '0', '1e5')),
      powerIdleW: opt(fc.integer({ min: 0, max: 300 })),
      powerMaxW: opt(fc.integer({ min: 300, max: 2000 })),
      rackUnits: opt(fc.integer({ min: 1, max: 4 })),
    })
    .map((h) => compact({ name, ...h }));

const licenceArb = fc.oneof(
  pick(INSTANCE_LICENCE_PRODUCTS).map((product) => ({ product })),
  fc.record({ name: fc.constantFrom('agent', 'monitoring', 'ü'), pricePerInstanceYear: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant('99.99')) }),
);

const workloadArb = (name: string) =>
  fc
    .record({
      instances: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(1000, 100_000)),
      os: opt(pick(['linux', 'windows'] as const)),
      cpu: fc.oneof(fc.double({ min: 0.05, max: 4, noNaN: true }).map((vcpus) => ({ vcpus })), fc.integer({ min: 1, max: 4000 }).map((cpuMillicores) => ({ cpuMillicores }))),
      mem: fc.oneof(fc.double({ min: 0.01, max: 8, noNaN: true }).map((memoryGiB) => ({ memoryGiB })), fc.integer({ min: 1, max: 8192 }).map((memoryMiB) => ({ memoryMiB }))),
      storageGiB: opt(fc.double({ min: 0, max: 500, noNaN: true })),
      needsOwnKernel: opt(fc.boolean()),
      licences: opt(fc.array(licenceArb, { maxLength: 2 })),
      growthPercentPerYear: opt(fc.double({ min: -99, max: 100, noNaN: true })),
    })
    // imageMiB is left to the catalog: workloads sharing an image must agree on its size.
    .map(({ cpu, mem, ...w }) => compact({ name, ...cpu, ...mem, ...w }));

const platformArb = (hostNames: readonly string[], i: number) =>
  pick(PLATFORM_TYPES).chain((type) => {
    const common = {
      // Named by index: two platforms of one type would otherwise share the default name.
      name: fc.constantFrom(`p${i}`, `${type}-${i}`),
      host: opt(pick(hostNames)),
      cpuOvercommit: opt(fc.constantFrom(0.5, 1, 2, 4)),
      memoryOvercommit: opt(fc.constantFrom(1, 1.5)),
    };
    const hv = {
      hypervisor: opt(pick(HYPERVISORS)),
      perVmOverheadMiB: opt(fc.integer({ min: 0, max: 2048 })),
      disk: opt(pick(['thick', 'thin'] as const)),
      windowsLicensing: opt(pick(WINDOWS_LICENSING)),
      linuxLicence: opt(pick(['none', 'rhel', 'rhel-vdc'] as const)),
    };
    const k8s = {
      reservation: opt(pick(RESERVATION_PROFILES)),
      maxPods: opt(fc.integer({ min: 1, max: 250 })),
      controlPlane: opt(pick(CONTROL_PLANES)),
      ownKernelRuntime: opt(pick(SANDBOX_RUNTIMES)),
      platformLicence: opt(pick(['none', 'openshift'] as const)),
    };
    const fields =
      type === 'vm'
        ? fc.record({ ...common, ...hv, hypervisorLicence: opt(pick(HYPERVISOR_LICENCES)) }).map((p) =>
            // ESXi licences go with an ESXi hypervisor only.
            p.hypervisor !== undefined && !p.hypervisor.startsWith('esxi') && p.hypervisorLicence !== 'none' ? { ...p, hypervisorLicence: undefined } : p,
          )
        : type === 'containers'
          ? fc.record({ ...common, ...k8s, hostLinuxLicence: opt(pick(['none', 'rhel'] as const)) })
          : type === 'containers-in-vms'
            ? fc.record({ ...common, ...hv, ...k8s, nodeVm: opt(fc.record({ vcpus: fc.integer({ min: 2, max: 64 }), memoryGiB: fc.integer({ min: 4, max: 512 }) })) })
            : fc.record({ ...common, ...k8s, runtime: opt(pick(SANDBOX_RUNTIMES)) });
    return (fields as fc.Arbitrary<Record<string, unknown>>).map((f) => compact({ type, ...f }));
  });

const PRICE_KEYS = Object.keys(PRICE_ALIASES);
const LICENCE_KEYS = Object.keys(LICENCE_PRICE_IDS);
const NUMERIC_CATALOG_IDS = Object.keys(FIGURES).filter((id) => typeof (FIGURES as Record<string, { value: unknown }>)[id]!.value === 'number');
const UNCERTAIN_RANGES: Record<string, { low: number; likely: number; high: number }> = {
  'workloads[0].instances': { low: 1, likely: 2, high: 3 },
  'hosts[0].price': { low: 100, likely: 200, high: 300 },
  'prices.electricityPerKWh': { low: 0.1, likely: 0.2, high: 0.3 },
  'policy.targetUtilization.cpu': { low: 0.5, likely: 0.6, high: 0.7 },
};

/** A scenario the validator should accept most of the time (rules between fields can still refuse it). */
export const scenarioArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    nHosts: fc.integer({ min: 1, max: 3 }),
    nWorkloads: fc.integer({ min: 1, max: 6 }),
    nPlatforms: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ nHosts, nWorkloads, nPlatforms }) => {
    const hostNames = Array.from({ length: nHosts }, (_, i) => `h${i}`);
    return fc.record({
      name: opt(edgeString.filter((s) => s.length <= 200)),
      currency: opt(fc.constantFrom('USD', 'EUR', 'JPY', 'GBP')),
      horizonYears: opt(fc.integer({ min: 1, max: 10 })),
      hosts: fc.tuple(...hostNames.map(hostArb)),
      workloads: fc.tuple(...Array.from({ length: nWorkloads }, (_, i) => workloadArb(`w${i}`))),
      platforms: nPlatforms === 0 ? fc.constant(undefined) : fc.tuple(...Array.from({ length: nPlatforms }, (_, i) => platformArb(hostNames, i))),
      policy: opt(
        fc.record({
          ha: opt(fc.oneof(fc.record({ spareHosts: fc.integer({ min: 0, max: 3 }) }), fc.record({ reservePercent: fc.integer({ min: 0, max: 50 }) }))),
          targetUtilization: opt(fc.record({ cpu: fc.constantFrom(0.5, 0.8, 1), memory: fc.constantFrom(0.7, 0.9) })),
        }).map(compact),
      ),
      prices: opt(fc.dictionary(pick(PRICE_KEYS), fc.constant(1), { maxKeys: 3 })),
      catalog: opt(fc.dictionary(pick(NUMERIC_CATALOG_IDS), fc.constantFrom(0, 1, 2), { maxKeys: 2 })),
      licensing: opt(fc.record({ softwareAssurance: fc.boolean() })),
      growth: opt(fc.record({ percentPerYear: fc.integer({ min: -50, max: 100 }) })),
      finance: opt(fc.record({ discountRatePercent: fc.integer({ min: 0, max: 20 }), hardware: pick(['purchase', 'lease'] as const), leaseRatePercent: fc.integer({ min: 0, max: 20 }) })),
      uncertainty: opt(pick(Object.keys(UNCERTAIN_RANGES)).map((path) => ({ [path]: UNCERTAIN_RANGES[path] }))),
      licenceKey: opt(pick(LICENCE_KEYS)),
    });
  })
  .map(({ licenceKey, ...s }) => {
    const out = compact(s as Record<string, unknown>);
    // Licence list prices go under prices.licences.
    if (licenceKey !== undefined) out.prices = { ...((out.prices as object) ?? {}), licences: { [licenceKey]: 100 } };
    return out;
  });

/** Every place in a tree, as the keys (or indexes) leading to it; the root is []. */
export function places(tree: unknown): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [[]];
  const stack: Array<{ v: unknown; at: Array<string | number> }> = [{ v: tree, at: [] }];
  while (stack.length) {
    const { v, at } = stack.pop()!;
    if (Array.isArray(v)) v.forEach((x, i) => (out.push([...at, i]), stack.push({ v: x, at: [...at, i] })));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) (out.push([...at, k]), stack.push({ v: (v as Record<string, unknown>)[k], at: [...at, k] }));
  }
  return out;
}

/** A copy of `tree` (plain data) with the value at `at` replaced, deleted (`remove`) or given an extra key. */
export function mutateAt(tree: unknown, at: ReadonlyArray<string | number>, how: { kind: 'set'; value: unknown } | { kind: 'remove' } | { kind: 'add'; key: string; value: unknown }): unknown {
  const copy = structuredClone(tree) as unknown;
  if (at.length === 0) {
    if (how.kind === 'set') return how.value;
    if (how.kind === 'add' && copy && typeof copy === 'object' && !Array.isArray(copy)) Object.defineProperty(copy, how.key, { value: how.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  let parent = copy as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (how.kind === 'set') Object.defineProperty(parent, last, { value: how.value, enumerable: true, writable: true, configurable: true });
  else if (how.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, how.key, { value: how.value, enumerable: true, writable: true, configurable: true });
    else Object.defineProperty(parent, last, { value: { [how.key]: how.value }, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** A valid-looking scenario with one field changed to an odd value, removed, or given an odd extra key. */
export const mutatedScenarioArb: fc.Arbitrary<unknown> = fc
  .tuple(
    scenarioArb,
    fc.nat(),
    fc.oneof(
      { weight: 6, arbitrary: edgeLeaf.map((value) => ({ kind: 'set' as const, value })) },
      { weight: 1, arbitrary: edgeTree.map((value) => ({ kind: 'set' as const, value })) },
      { weight: 2, arbitrary: fc.constant({ kind: 'remove' as const }) },
      { weight: 2, arbitrary: fc.tuple(edgeKey, edgeLeaf).map(([key, value]) => ({ kind: 'add' as const, key, value })) },
    ),
  )
  .map(([s, n, how]) => {
    const all = places(s);
    return mutateAt(s, all[n % all.length]!, how);
  });

// ---------------------------------------------------------------------------------------------
// Checks on results
// ---------------------------------------------------------------------------------------------

function isDecimalLike(v: unknown): v is { isFinite(): boolean; isNeg(): boolean; isZero(): boolean; toString(): string } {
  return typeof v === 'object' && v !== null && typeof (v as { isFinite?: unknown }).isFinite === 'function' && typeof (v as { isNeg?: unknown }).isNeg === 'function';
}

/**
 * Every number and Decimal in a result, with its path: each must be finite, and not negative
 * unless `mayBeNegative(path)` says the field is a difference (a delta, a saving) or it lies
 * inside an object `negativeInside(object)` accepts (a vendor credit's line).
 * Returns the problems found (empty when none).
 */
export function badNumbers(result: unknown, mayBeNegative: (path: string) => boolean, negativeInside: (o: object) => boolean = () => false): string[] {
  const problems: string[] = [];
  const seen = new Set<object>();
  const stack: Array<{ v: unknown; path: string; free?: boolean }> = [{ v: result, path: '' }];
  while (stack.length) {
    const { v, path, free } = stack.pop()!;
    const mayBeNegativeHere = (p: string) => free === true || mayBeNegative(p);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push(`${path} = ${v}`);
      else if (v < 0 && !mayBeNegativeHere(path)) problems.push(`${path} = ${v} (negative)`);
      continue;
    }
    if (isDecimalLike(v)) {
      if (!v.isFinite()) problems.push(`${path} = ${v.toString()}`);
      else if (v.isNeg() && !v.isZero() && !mayBeNegativeHere(path)) problems.push(`${path} = ${v.toString()} (negative)`);
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const inner = free === true || negativeInside(v);
    if (v instanceof Map) {
      for (const [k, x] of v) stack.push({ v: x, path: `${path}<${String(k)}>`, free: inner });
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: `${path}[${i}]`, free: inner }));
    else for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: path ? `${path}.${k}` : k, free: inner });
  }
  return problems;
}

/** Every string in a tree (keys included), for checking what the package writes. */
export function strings(tree: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [tree];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      if (Array.isArray(v)) stack.push(...v);
      else for (const [k, x] of Object.entries(v)) (out.push(k), stack.push(x));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The contract of a safe* function
// ---------------------------------------------------------------------------------------------

export const CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'parse_error', 'invalid_type', 'required', 'unknown_key', 'unknown_value', 'not_finite', 'not_integer',
  'too_small', 'too_big', 'conflict', 'duplicate', 'does_not_fit', 'too_large_input', 'unreadable',
]);
export const SCENARIO_KEYS = ['name', 'description', 'currency', 'horizonYears', 'baseline', 'hosts', 'workloads', 'platforms', 'policy', 'prices', 'catalog', 'catalogVersions', 'licensing', 'uncertainty', 'growth', 'finance'];

/**
 * Fields of a result that are differences or discounts and so may be below zero: comparisons
 * against the baseline (`*Delta*`, `drivers[].delta`), and in a projection the year-on-year
 * changes in hosts and instances (`added`, `change`...) when an estate shrinks.
 */
const DIFFERENCE = /(delta|Delta|change|Change|saving|Saving|growth|Growth)/;
const mayBeNegative = (path: string) => DIFFERENCE.test(path);
/**
 * A vendor credit (GKE's monthly credit) is a line of its own with a negative price, capped at
 * what it offsets; the totals it feeds into are still checked.
 */
const isCredit = (o: object) => (o as { kind?: unknown }).kind === 'credit' || /, credit \(/.test(String((o as { name?: unknown }).name ?? ''));

/** Words a result or message must not show unless the input itself holds them. */
const JUNK = ['NaN', 'undefined', 'Infinity', '[object '];

/** Every string in an input (and the input itself when it is not an object), to tell an echo of the input in a message from a value the code made up. */
export function inputText(input: unknown): string {
  try {
    return strings(input).join('\n') + '\n' + String(typeof input === 'object' ? '' : input);
  } catch {
    return '';
  }
}

/** Checks one safe* outcome; `what` names the function for messages. */
export function checkOutcome(input: unknown, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }, what: string): void {
  const said = inputText(input);
  if (outcome.ok) {
    expect(badNumbers(outcome.value, mayBeNegative, isCredit), `${what}: every number finite and not negative`).toEqual([]);
    const text = strings(outcome.value).join('\n');
    for (const word of JUNK) if (!said.includes(word)) expect(text, `${what} result shows ${word}`).not.toContain(word);
    return;
  }
  const error = outcome.error;
  expect(isKernelcountError(error), `${what} error is a KernelcountError`).toBe(true);
  if (!isKernelcountError(error)) return;
  expect(error.issues.length).toBeGreaterThan(0);
  const topIsObject = input !== null && typeof input === 'object' && !Array.isArray(input);
  for (const issue of error.issues) {
    expect(CODES.has(issue.code), `stable code, got ${issue.code}`).toBe(true);
    expect(typeof issue.path).toBe('string');
    expect(issue.message.trim().length).toBeGreaterThan(0);
    // An issue names the field it is about; only a document that is not an object at all is
    // reported at the root.
    if (topIsObject) {
      expect(issue.path, `path of "${issue.message}"`).not.toBe('');
      const top = /^[A-Za-z_$][\w$-]*/.exec(issue.path)?.[0] ?? (/^\[("(?:[^"\\]|\\.)*")\]/.exec(issue.path)?.[1] !== undefined ? JSON.parse(/^\[("(?:[^"\\]|\\.)*")\]/.exec(issue.path)![1]!) : issue.path);
      expect([...SCENARIO_KEYS, ...Object.keys(input as object)], `path ${issue.path} starts at a field of the input`).toContain(top);
    }
    // NaN may appear only as an echo of the input ("got NaN").
    const message = issue.message.replace(/got (NaN|-?Infinity)\b/g, 'got …');
    for (const word of JUNK) if (!said.includes(word)) expect(message, `message shows ${word}`).not.toContain(word);
  }
}

export function safely<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`threw instead of returning: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
  }
}

