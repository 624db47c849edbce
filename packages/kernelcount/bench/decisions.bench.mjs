// `npm run bench` (second part): median and p99 time of the decision tools on each example
// scenario: sensitivity over every numeric input (tornado data), break-even of a continuous input
// (electricity price) and of a whole-number one (instances of the first workload), the licence
// break-evens, and a scenario diff. Run after `npm run build`. Also times the same reference
// operation as evaluate.bench.mjs (JSON parse + stringify of an example) so figures compare across
// machines as ratios.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { breakEven, diffScenarios, licenceBreakEvens, parseScenarioText, sensitivity, setInput } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f.replace(/\.yaml$/, ''), parseScenarioText(readFileSync(path.join(root, 'examples', f), 'utf8'))]);

/** The pair compared in each example: its baseline and the platform the README discusses against it. */
const PAIRS = {
  'linux-microservices': ['vm', 'containers'],
  'vmware-to-kubernetes': ['vmware', 'k8s-bare-metal'],
  'windows-lob-sql': ['vm', 'containers-in-vms'],
};

const today = '2026-11-22';
const bench = new Bench({ time: 1000, iterations: 5, warmup: true });
const counts = {};
for (const [name, scenario] of examples) {
  const between = PAIRS[name];
  if (!between) continue;
  bench.add(`sensitivity ${name} (every input, +/-20%)`, () => {
    counts[name] = sensitivity(scenario, { between, today }).evaluations;
  });
  bench.add(`break-even ${name}: electricity price`, () => breakEven(scenario, { input: 'prices.electricityPerKWh', between, today }));
  bench.add(`break-even ${name}: workloads[0].instances`, () => breakEven(scenario, { input: 'workloads[0].instances', between, today }));
  bench.add(`licence break-evens ${name}`, () => licenceBreakEvens(scenario, { today }));
  const after = setInput(setInput(scenario, 'workloads[0].instances', 50), 'prices.electricityPerKWh', '0.2');
  bench.add(`diff ${name} (two inputs changed)`, () => diffScenarios(scenario, after, { today }));
}
const text = JSON.stringify(examples[0][1]);
bench.add('reference: JSON parse+stringify of an example', () => JSON.stringify(JSON.parse(text)));
await bench.run();

const ref = bench.tasks.find((t) => t.name.startsWith('reference'));
const refMs = ref.result.latency.p50;
console.table(
  bench.tasks.map((t) => {
    const l = t.result.latency;
    return { task: t.name, 'median ms': l.p50.toFixed(2), 'p99 ms': l.p99.toFixed(2), 'x reference': (l.p50 / refMs).toFixed(0) };
  }),
);
console.log('evaluations per sensitivity run:', counts);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
