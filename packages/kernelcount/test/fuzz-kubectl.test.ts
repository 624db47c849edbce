// Fuzzing the kubectl importer: whatever pod and node lists it is given (as objects or as JSON or
// YAML text, well formed, near valid or damaged), `importKubectl` returns a scenario and a report
// or throws the package's own error with a path and a message, never anything else; a scenario it
// returns goes through `safeEvaluate` under the same contract as fuzz-evaluate.test.ts. Counts and
// seeds: see fuzz-arbitraries.ts (`npm run fuzz` for the full count).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isKernelcountError } from '../src/errors.js';
import { safeEvaluate } from '../src/evaluate.js';
import { importKubectl } from '../src/importers/kubectl.js';
import { TODAY } from './helpers.js';
import { CODES, FUZZ_TIMEOUT_MS, Slowest, checkOutcome, edgeKey, edgeLeaf, edgeString, edgeTree, fuzzParams, inputText, safely } from './fuzz-arbitraries.js';

/** Kubernetes quantities, valid and not: suffixes, exponents, signs, junk. */
const quantity: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('', 'm', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'k', 'M', 'G', 'T', 'e3', 'E2', 'u', 'n')).map(([n, s]) => `${n}${s}`),
  fc.constantFrom('0.5', '.5', '1.', '-1', '+2', '1e999', '1Gi ', ' 1Gi', '1 Gi', '1gi', 'NaN', 'Infinity', '0x10', '', '9'.repeat(40)),
  fc.integer({ min: -10, max: 1_000_000 }),
  fc.double(),
  edgeLeaf,
);

const resources = fc.record(
  { cpu: quantity, memory: quantity, 'ephemeral-storage': quantity },
  { requiredKeys: [] },
);

const container = fc.record(
  {
    name: edgeString,
    image: fc.oneof(fc.constantFrom('nginx:1.27', 'ghcr.io/example/web:1.4.2', 'mcr.microsoft.com/windows/servercore:ltsc2022'), edgeString),
    resources: fc.oneof(fc.record({ requests: resources, limits: resources }, { requiredKeys: [] }), edgeLeaf),
  },
  { requiredKeys: [] },
);

/** A pod as kubectl writes it, with sizes, names and owners that vary. */
const goodPod = fc
  .record({
    name: fc.constantFrom('web-1', 'web-2', 'db-0', 'job-x', 'win-0'),
    namespace: fc.constantFrom('shop', 'kube-system', 'default'),
    owner: fc.option(fc.record({ kind: fc.constantFrom('ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'), name: fc.constantFrom('web-7d9', 'db', 'agent') }), { nil: undefined }),
    cpu: fc.integer({ min: 0, max: 8000 }),
    memoryMi: fc.integer({ min: 0, max: 65536 }),
    os: fc.constantFrom('linux', 'windows'),
    phase: fc.constantFrom('Running', 'Running', 'Pending', 'Succeeded'),
    nodeName: fc.constantFrom('node-a', 'node-b'),
  })
  .map((p) => ({
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, ...(p.owner ? { ownerReferences: [p.owner] } : {}) },
    spec: {
      nodeName: p.nodeName,
      os: { name: p.os },
      containers: [{ name: 'main', image: 'nginx:1.27', resources: { requests: { cpu: `${p.cpu}m`, memory: `${p.memoryMi}Mi` } } }],
    },
    status: { phase: p.phase },
  }));

const wildPod = fc.record(
  {
    kind: fc.oneof(fc.constant('Pod'), edgeString),
    metadata: fc.oneof(
      fc.record(
        {
          name: fc.oneof(fc.constantFrom('web-1', 'web-2', 'db-0'), edgeString),
          namespace: fc.oneof(fc.constantFrom('shop', 'kube-system', 'default'), edgeString),
          ownerReferences: fc.oneof(fc.array(fc.record({ kind: fc.oneof(fc.constantFrom('ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'), edgeString), name: edgeString }, { requiredKeys: [] }), { maxLength: 2 }), edgeLeaf),
        },
        { requiredKeys: [] },
      ),
      edgeLeaf,
    ),
    spec: fc.oneof(
      fc.record(
        {
          containers: fc.oneof(fc.array(container, { maxLength: 3 }), edgeLeaf),
          initContainers: fc.oneof(fc.array(container, { maxLength: 2 }), edgeLeaf),
          nodeName: fc.oneof(fc.constantFrom('node-a', 'node-b'), edgeString),
          os: fc.oneof(fc.record({ name: fc.constantFrom('linux', 'windows', 'Windows', 'plan9') }), edgeLeaf),
          runtimeClassName: fc.oneof(fc.constantFrom('kata', 'kata-qemu', 'gvisor', 'runc'), edgeString),
          overhead: fc.oneof(resources, edgeLeaf),
        },
        { requiredKeys: [] },
      ),
      edgeLeaf,
    ),
    status: fc.oneof(fc.record({ phase: fc.constantFrom('Running', 'Pending', 'Succeeded', 'Failed', 'Unknown') }), edgeLeaf),
  },
  { requiredKeys: [] },
);

const pod = fc.oneof({ weight: 3, arbitrary: goodPod }, { weight: 1, arbitrary: wildPod });

const node = fc.record(
  {
    kind: fc.oneof(fc.constant('Node'), edgeString),
    metadata: fc.record({ name: fc.oneof(fc.constantFrom('node-a', 'node-b'), edgeString), labels: fc.oneof(fc.dictionary(edgeKey, edgeString, { maxKeys: 3 }), edgeLeaf) }, { requiredKeys: [] }),
    status: fc.oneof(fc.record({ capacity: resources, allocatable: resources, nodeInfo: fc.record({ operatingSystem: fc.constantFrom('linux', 'windows') }, { requiredKeys: [] }) }, { requiredKeys: [] }), edgeLeaf),
  },
  { requiredKeys: [] },
);

const list = <T>(item: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('List'), items: fc.array(item, { maxLength: 6 }) }) },
    { weight: 1, arbitrary: fc.array(item, { maxLength: 4 }) },
    { weight: 1, arbitrary: item },
    { weight: 1, arbitrary: edgeTree },
  );

/** The lists as given: an object, or its JSON or YAML text, sometimes with a slice cut out. */
const asGiven = (value: fc.Arbitrary<unknown>) =>
  fc.tuple(value, fc.constantFrom('object', 'json', 'yaml'), fc.nat(), fc.nat({ max: 30 }), fc.boolean()).map(([v, how, at, cut, damage]) => {
    if (how === 'object') return v;
    let text: string;
    try {
      text = (how === 'json' ? JSON.stringify(v) : (stringify(v) as string | undefined)) ?? 'null';
    } catch {
      return v;
    }
    if (!damage) return text;
    const i = at % (text.length + 1);
    return text.slice(0, i) + text.slice(i + cut);
  });

const input = fc.record({
  pods: asGiven(list(pod)),
  nodes: fc.option(asGiven(list(node)), { nil: undefined }),
  resources: fc.option(fc.oneof(fc.constantFrom('requests', 'limits'), edgeLeaf), { nil: undefined, freq: 4 }),
  excludeNamespaces: fc.option(fc.oneof(fc.array(fc.oneof(fc.constantFrom('kube-system', 'shop'), edgeString), { maxLength: 3 }), edgeLeaf), { nil: undefined, freq: 4 }),
  defaultCpuMillicores: fc.option(fc.oneof(fc.integer({ min: -5, max: 5000 }), edgeLeaf), { nil: undefined, freq: 5 }),
  defaultMemoryMiB: fc.option(fc.oneof(fc.integer({ min: -5, max: 5000 }), edgeLeaf), { nil: undefined, freq: 5 }),
});

type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

function run(i: Input): { ok: true; value: ReturnType<typeof importKubectl> } | { ok: false; error: unknown } {
  const options: Record<string, unknown> = {};
  for (const key of ['nodes', 'resources', 'excludeNamespaces', 'defaultCpuMillicores', 'defaultMemoryMiB'] as const) if (i[key] !== undefined) options[key] = i[key];
  try {
    return { ok: true, value: importKubectl(i.pods, options) };
  } catch (e) {
    return { ok: false, error: e };
  }
}

describe('fuzz: importKubectl', () => {
  const slow = new Slowest('importKubectl');
  afterAll(() => slow.report());
  let imported = 0;

  it('returns a scenario and a report, or a KernelcountError naming a path, for any pod and node lists', () => {
    fc.assert(
      fc.property(input, (i) => {
        const outcome = slow.time(i, () => safely(() => run(i)));
        if (!outcome.ok) {
          const e = outcome.error;
          if (!isKernelcountError(e)) throw new Error(`importKubectl threw ${String(e)}\n${(e as Error)?.stack}`);
          expect(e.issues.length).toBeGreaterThan(0);
          for (const issue of e.issues) {
            expect(CODES.has(issue.code), `stable code, got ${issue.code}`).toBe(true);
            expect(issue.message.trim()).not.toBe('');
            // NaN may appear only as an echo of what was given ("got NaN", or a name that says NaN).
            const message = issue.message.replace(/got (NaN|-?Infinity)\b/g, 'got …');
            if (!inputText(i).includes('NaN')) expect(message).not.toMatch(/\bNaN\b/);
            expect(message).not.toContain('[object ');
          }
          return;
        }
        imported++;
        // What the importer wrote is a scenario the model takes or refuses with its own error.
        const evaluated = safely(() => safeEvaluate(outcome.value.scenario, { today: TODAY }));
        checkOutcome(outcome.value.scenario, evaluated, 'safeEvaluate of an imported scenario');
        expect(outcome.value.report).toBeTypeOf('object');
      }),
      {
        // A fifth of the full count in `npm run fuzz` (20,000 inputs, about 3 minutes): each imported scenario is evaluated too.
        ...(fuzzParams('importKubectl', 400, 7301, 0.2) as fc.Parameters<[Input]>),
        // fast-check's own report prints the counterexample, which can be too deep to print: say
        // what failed and how to replay it instead.
        reporter: (r) => {
          if (!r.failed) return;
          const why = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
          throw new Error(`importKubectl fuzz failed (seed ${r.seed}, path "${r.counterexamplePath}"): ${why.slice(0, 2000)}`);
        },
      },
    );
    // Without this, a generator whose lists were always refused would pass the property above.
    expect(imported, 'inputs that imported').toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);
});
