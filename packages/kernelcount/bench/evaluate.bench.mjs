// `npm run bench`: median and p99 time of evaluate for each
// example scenario and for a generated 100,000-instance / 200-workload scenario. Run after
// `npm run build`. Also times a reference operation (JSON parse + stringify of the same scenario)
// so the figures can be compared across machines as ratios.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { evaluate, parseScenarioText } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f.replace(/\.yaml$/, ''), parseScenarioText(readFileSync(path.join(root, 'examples', f), 'utf8'))]);

/** 200 workloads, 100,000 instances in all, deterministic (a small LCG, no Math.random). */
export function largeScenario() {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const workloads = [];
  for (let i = 0; i < 200; i++) {
    workloads.push({
      name: `svc-${i}`,
      instances: 500,
      os: i % 10 === 0 ? 'windows' : 'linux',
      cpuMillicores: 100 + Math.floor(rnd() * 1900),
      memoryMiB: 128 + Math.floor(rnd() * 4000),
      storageGiB: Math.floor(rnd() * 20),
      imageMiB: 50 + Math.floor(rnd() * 500),
    });
  }
  return {
    name: 'large: 100,000 instances of 200 workloads',
    hosts: [{ name: '2x64-core 2 TiB', sockets: 2, coresPerSocket: 64, memoryGiB: 2048, diskGiB: 30720, price: 90000 }],
    workloads,
  };
}

const large = largeScenario();
const today = '2026-11-22';
const bench = new Bench({ time: 1500, warmup: true });
for (const [name, scenario] of examples) bench.add(`evaluate ${name}`, () => evaluate(scenario, { today }));
bench.add('evaluate large (100,000 instances / 200 workloads)', () => evaluate(large, { today }));
const text = JSON.stringify(examples[0][1]);
bench.add('reference: JSON parse+stringify of an example', () => JSON.stringify(JSON.parse(text)));
await bench.run();

const ref = bench.tasks.find((t) => t.name.startsWith('reference'));
const refMs = ref.result.latency.p50;
const rows = bench.tasks.map((t) => {
  const l = t.result.latency;
  return {
    task: t.name,
    'median ms': l.p50.toFixed(3),
    'p99 ms': l.p99.toFixed(3),
    'x reference': (l.p50 / refMs).toFixed(0),
  };
});
console.table(rows);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
