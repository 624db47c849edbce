// `npm run bench`: the package's benchmark. Times, with tinybench, evaluate on each example and on
// the generated 100,000-instance scenario, the decision tools (sensitivity, break-even, licence
// break-evens, diff), project() with growth, and a 10,000-sample Monte Carlo, and prints a Markdown
// table: iterations, median, p95 and the ratio of the median to a reference operation (a JSON
// parse + stringify of the same scenario) timed in the same run, just before that scenario's tasks.
//
//   node bench/run.mjs [--json FILE] [--only REGEX] [--list]
//
// --json FILE   also writes every figure (unrounded, in ms) and the environment to FILE
// --only REGEX  runs only the tasks whose name matches (case-insensitive), with their references
// --list        prints the names of the tasks it would run, and runs none
//
// Run after `npm run build` (the npm script builds first). Progress goes to stderr, the table to stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  PROFILES,
  TODAY,
  comparedPair,
  environment,
  formatFigure,
  headerLines,
  largeScenario,
  loadExamples,
  markdownTable,
  measure,
  ratio,
  referenceOf,
  withRanges,
} from './lib.mjs';

const { values: args } = parseArgs({ options: { json: { type: 'string' }, only: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (args.help) {
  console.log('usage: node bench/run.mjs [--json FILE] [--only REGEX] [--list]');
  process.exit(0);
}
let only;
try {
  only = args.only === undefined ? undefined : new RegExp(args.only, 'i');
} catch (e) {
  console.error(`--only: not a regular expression: ${e.message}`);
  process.exit(2);
}

const { breakEven, diffScenarios, evaluate, licenceBreakEvens, monteCarlo, project, sensitivity, setInput, startMonteCarlo } = await import('../dist/index.js');

const MC_SAMPLES = 10_000;
const MC_SEED = 1;
const NAIVE_SAMPLES = 2000;
/** One evaluate per sampled scenario, in turn: 2,000 timed after 300 for warm-up. */
const NAIVE_PROFILE = { time: 0, iterations: NAIVE_SAMPLES, warmupTime: 0, warmupIterations: 300 };
/** --json keeps every sample of a task with at most this many (the references have tens of thousands). */
const MAX_SAMPLES_IN_JSON = 5000;

// A block is one scenario with the tasks that run on it; its reference is timed just before them.
const blocks = [];
const examples = await loadExamples();
for (const { name, scenario } of examples) {
  const between = comparedPair(name, scenario);
  const block = { scenario: name, object: scenario, tasks: [] };
  block.tasks.push({ name: `evaluate ${name}`, profile: 'quick', fn: () => evaluate(scenario, { today: TODAY }) });
  let evaluations;
  block.tasks.push({
    name: `sensitivity ${name} (every input, +/-20%)`,
    profile: 'heavy',
    fn: () => {
      evaluations = sensitivity(scenario, { between, today: TODAY }).evaluations;
    },
    detail: () => ({ between, evaluations }),
  });
  block.tasks.push({
    name: `break-even ${name}: prices.electricityPerKWh`,
    profile: 'quick',
    fn: () => breakEven(scenario, { input: 'prices.electricityPerKWh', between, today: TODAY }),
    detail: () => ({ between }),
  });
  block.tasks.push({
    name: `break-even ${name}: workloads[0].instances`,
    profile: 'quick',
    fn: () => breakEven(scenario, { input: 'workloads[0].instances', between, today: TODAY }),
    detail: () => ({ between }),
  });
  block.tasks.push({ name: `licence break-evens ${name}`, profile: 'quick', fn: () => licenceBreakEvens(scenario, { today: TODAY }) });
  const after = setInput(setInput(scenario, 'workloads[0].instances', 50), 'prices.electricityPerKWh', '0.2');
  block.tasks.push({ name: `diff ${name} (two inputs changed)`, profile: 'quick', fn: () => diffScenarios(scenario, after, { today: TODAY }) });
  blocks.push(block);

  const grown = { ...scenario, horizonYears: 5, growth: { percentPerYear: 10 } };
  blocks.push({
    scenario: `${name} + 10%/year growth`,
    object: grown,
    tasks: [{ name: `project ${name} (10%/year over 5 years)`, profile: 'quick', fn: () => project(grown, { today: TODAY }) }],
  });

  const ranged = withRanges(name, scenario);
  if (ranged) {
    const mcTasks = [];
    mcTasks.push({
      name: `monte carlo ${name} (${MC_SAMPLES.toLocaleString('en-US')} samples)`,
      profile: 'long',
      fn: () => monteCarlo(ranged.scenario, { samples: MC_SAMPLES, seed: MC_SEED, today: TODAY }),
      detail: () => ({ samples: MC_SAMPLES, seed: MC_SEED, ranges: ranged.source, inputs: Object.keys(ranged.scenario.uncertainty) }),
    });
    // The naive way to the same figures: evaluate each sampled scenario from scratch.
    const run = startMonteCarlo(ranged.scenario, { samples: 1, seed: MC_SEED, today: TODAY });
    const sampled = Array.from({ length: NAIVE_SAMPLES }, (_, i) => run.sample(i).scenario);
    let next = 0;
    mcTasks.push({
      name: `evaluate one sampled scenario of ${name} (naive Monte Carlo)`,
      profile: 'naive',
      fn: () => evaluate(sampled[next++ % NAIVE_SAMPLES], { today: TODAY }),
      detail: () => ({ distinctScenarios: NAIVE_SAMPLES }),
    });
    blocks.push({ scenario: `${name} + ranges`, object: ranged.scenario, tasks: mcTasks });
  }
}
const large = largeScenario();
blocks.push({ scenario: 'large', object: large, tasks: [{ name: 'evaluate large (100,000 instances / 200 workloads)', profile: 'quick', fn: () => evaluate(large, { today: TODAY }) }] });
// The slow path of the Monte Carlo: memory per instance varies continuously, so almost every sample sizes again.
const slowBase = examples.find((e) => e.name === 'linux-microservices');
const slowRanged = slowBase && withRanges(slowBase.name, slowBase.scenario);
if (slowRanged) {
  const slow = { ...slowRanged.scenario, uncertainty: { ...slowRanged.scenario.uncertainty, 'workloads[api].memoryGiB': { low: 0.75, likely: 1, high: 2 } } };
  blocks.push({
    scenario: 'linux-microservices + ranges + memory range',
    object: slow,
    tasks: [
      {
        name: `monte carlo linux-microservices + memoryGiB range (${MC_SAMPLES.toLocaleString('en-US')} samples, sizes again)`,
        profile: 'long',
        fn: () => monteCarlo(slow, { samples: MC_SAMPLES, seed: MC_SEED, today: TODAY }),
        detail: () => ({ samples: MC_SAMPLES, seed: MC_SEED, inputs: Object.keys(slow.uncertainty) }),
      },
    ],
  });
}

const profileOf = (name) => (name === 'naive' ? NAIVE_PROFILE : PROFILES[name]);
const selected = blocks.map((b) => ({ ...b, tasks: b.tasks.filter((t) => !only || only.test(t.name)) })).filter((b) => b.tasks.length > 0);
if (selected.length === 0) {
  console.error(`--only ${args.only}: no task matches`);
  process.exit(2);
}

if (args.list) {
  for (const block of selected) for (const task of block.tasks) console.log(`${task.name}  [${block.scenario}, ${task.profile}]`);
  process.exit(0);
}

const env = environment();
const started = performance.now();
const results = [];
const total = selected.reduce((n, b) => n + b.tasks.length, 0);
let done = 0;
for (const block of selected) {
  const referenceName = `reference: JSON parse+stringify of ${block.scenario}`;
  const { samples: referenceSamples, ...reference } = await measure(referenceName, referenceOf(block.object), PROFILES.quick);
  results.push({
    task: referenceName,
    scenario: block.scenario,
    kind: 'reference',
    profile: 'quick',
    ...reference,
    referenceMedian: reference.median,
    xReference: 1,
    ...(referenceSamples.length <= MAX_SAMPLES_IN_JSON ? { samples: referenceSamples } : {}),
  });
  for (const task of block.tasks) {
    process.stderr.write(`[${++done}/${total}] ${task.name} ... `);
    const profile = profileOf(task.profile);
    const { samples, ...figures } = await measure(task.name, task.fn, profile);
    process.stderr.write(`${formatFigure(figures.median)} ms\n`);
    results.push({
      task: task.name,
      scenario: block.scenario,
      kind: 'task',
      profile: task.profile,
      ...figures,
      referenceMedian: reference.median,
      xReference: ratio(figures.median, reference.median),
      ...(task.detail ? { detail: task.detail() } : {}),
      ...(samples.length <= MAX_SAMPLES_IN_JSON ? { samples } : {}),
    });
  }
}
const seconds = (performance.now() - started) / 1000;
const loadAfter = loadavg()[0];

const lines = [
  '# kernelcount benchmark',
  '',
  ...headerLines(env, loadAfter).map((l) => `${l}  `),
  `Wall time: ${seconds.toFixed(0)} s. Medians and p95 in ms; "x reference" is the task's median over the median of a`,
  'JSON parse + stringify of the same scenario, timed just before it in this run.',
  '',
  markdownTable(
    ['task', 'iterations', 'median ms', 'p95 ms', 'x reference'],
    results.map((r) => [r.task, r.iterations.toLocaleString('en-US'), formatFigure(r.median), formatFigure(r.p95), r.kind === 'reference' ? '1' : formatFigure(r.xReference)]),
    ['l', 'r', 'r', 'r', 'r'],
  ),
];
console.log(lines.join('\n'));

if (args.json) {
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.json);
  mkdirSync(path.dirname(file), { recursive: true });
  const out = {
    environment: { ...env, loadAverageAfter: loadAfter, wallSeconds: seconds, today: TODAY },
    profiles: { ...PROFILES, naive: NAIVE_PROFILE },
    units: 'ms',
    samples: `every iteration's time, sorted, for tasks of at most ${MAX_SAMPLES_IN_JSON} iterations`,
    results,
  };
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.error(`wrote ${file}`);
}
