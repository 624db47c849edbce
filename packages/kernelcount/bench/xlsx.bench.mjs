// `npm run bench:xlsx`: size and time to write the xlsx workbook of each example scenario (and
// of the generated 100,000-instance scenario). Run after `npm run build`. "build" is
// scenarioWorkbook (evaluate + lay out the sheets); "write" is scenarioXlsx (the same plus
// exceljs zipping the file). A reference task (JSON parse + stringify of an example) lets the
// figures be compared across machines as ratios.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parseScenarioText } from '../dist/index.js';
import { scenarioWorkbook, scenarioXlsx } from '../dist/report/xlsx.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f.replace(/\.yaml$/, ''), parseScenarioText(readFileSync(path.join(root, 'examples', f), 'utf8'))]);
// 200 workloads of 500 instances (100,000 in all), sizes from a fixed-seed LCG: many Inputs rows.
let seed = 2026;
const next = (n) => ((seed = (seed * 48271) % 2147483647) % n);
examples.push([
  'large (100,000 instances / 200 workloads)',
  {
    name: 'large',
    hosts: [{ name: '2x64-core 2 TiB', sockets: 2, coresPerSocket: 64, memoryGiB: 2048, diskGiB: 30720, price: 90000 }],
    workloads: Array.from({ length: 200 }, (_, i) => ({
      name: `svc-${i}`,
      instances: 500,
      os: i % 10 === 0 ? 'windows' : 'linux',
      cpuMillicores: 100 + next(1900),
      memoryMiB: 128 + next(4000),
      storageGiB: next(20),
      imageMiB: 50 + next(500),
    })),
  },
]);

const today = '2026-11-22';
const sizes = new Map();
for (const [name, scenario] of examples) sizes.set(name, (await scenarioXlsx(scenario, { today })).length);

const bench = new Bench({ time: 2000, warmup: true });
for (const [name, scenario] of examples) {
  bench.add(`build ${name}`, () => scenarioWorkbook(scenario, { today }));
  bench.add(`write ${name}`, async () => {
    await scenarioXlsx(scenario, { today });
  });
}
const text = JSON.stringify(examples[0][1]);
bench.add('reference: JSON parse+stringify of an example', () => JSON.stringify(JSON.parse(text)));
await bench.run();

const refMs = bench.tasks.find((t) => t.name.startsWith('reference')).result.latency.p50;
console.table(
  bench.tasks.map((t) => {
    const l = t.result.latency;
    const name = t.name.replace(/^(build|write) /, '');
    return {
      task: t.name,
      'median ms': l.p50.toFixed(2),
      'p99 ms': l.p99.toFixed(2),
      'x reference': (l.p50 / refMs).toFixed(0),
      bytes: t.name.startsWith('write') ? sizes.get(name) : '',
    };
  }),
);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
