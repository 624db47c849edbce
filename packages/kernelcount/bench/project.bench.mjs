// `npm run bench:project`: how long project() takes on each example with 10% growth a year over 5
// years (every year sized and priced again), next to one evaluate() of the same example. Median
// (and slowest) of RUNS runs after a few warm-up runs. Run after `npm run build`; on a shared
// machine, run it when the machine is quiet.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseScenarioText, project } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const today = '2026-11-22';
const RUNS = Number(process.env.RUNS ?? 20);
const WARMUP = 5;

function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const mid = Math.floor(ms.length / 2);
  const median = ms.length % 2 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  return { median, max: ms[ms.length - 1] };
}

const fmt = (x) => `${x.toFixed(2)} ms`;
console.log(`Node ${process.version}, ${RUNS} runs, load average ${loadavg()[0].toFixed(1)}`);
console.log('| example | project, 10%/year over 5 years: median (slowest) | evaluate: median | ratio |');
console.log('|---|---|---|---|');
for (const file of readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.yaml')).sort()) {
  const scenario = parseScenarioText(readFileSync(path.join(root, 'examples', file), 'utf8'));
  const grown = { ...scenario, horizonYears: 5, growth: { percentPerYear: 10 } };
  const p = time(() => project(grown, { today }));
  const e = time(() => evaluate(scenario, { today }));
  console.log(`| ${file.replace(/\.yaml$/, '')} | ${fmt(p.median)} (${fmt(p.max)}) | ${fmt(e.median)} | ${(p.median / e.median).toFixed(1)}x |`);
}
