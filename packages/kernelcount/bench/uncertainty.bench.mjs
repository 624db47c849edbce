// `npm run bench:uncertainty`: Monte Carlo speed on each example with a preset of ranges (a mix of
// prices, a licence price and a whole-number sizing input, as a buyer would give them).
//
// before: the naive way, one evaluate() per sample: median and p95 of one sample's evaluate over
//         2,000 sampled scenarios, and the median times 10,000 for a whole run;
// after:  monteCarlo() of 10,000 samples, run RUNS times: median and p95 of the whole run
//         (validation, sampling, pricing and the P10/P50/P90 summary).
// Plus the slow path: a continuous sizing input (memory per instance) re-sizes at every sample.
// Run after `npm run build`; on a shared machine, run it when the machine is quiet.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, monteCarlo, parseScenarioText, startMonteCarlo } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const today = '2026-11-22';
const SAMPLES = 10_000;
const RUNS = Number(process.env.RUNS ?? 7);

const r = (low, likely, high) => ({ low, likely, high });
export const PRESETS = {
  'linux-microservices': {
    'prices.electricityPerKWh': r(0.08, 0.12, 0.2),
    'prices.adminCostPerYear': r(90000, 120000, 160000),
    'hosts[0].price': r(32000, 38000, 46000),
    'catalog.licence.vvf': r(100, 135, 200),
    'workloads[api].instances': r(20, 24, 40),
  },
  'vmware-to-kubernetes': {
    'prices.electricityPerKWh': r(0.06, 0.0806, 0.15),
    'catalog.licence.vcf': r(300, 350, 450),
    'catalog.licence.rhel': r(700, 799, 900),
    'hosts[0].price': r(28000, 32000, 38000),
    'workloads[web].instances': r(100, 120, 160),
  },
  'windows-lob-sql': {
    'prices.electricityPerKWh': r(0.08, 0.11, 0.2),
    'prices.licences.windows-server-datacenter': r(6000, 6771, 8000),
    'prices.licences.sql-server-standard': r(3500, 3945, 4500),
    'hosts[0].price': r(20000, 24000, 30000),
    'workloads[iis-app].instances': r(20, 24, 36),
  },
};

const load = (name, uncertainty) => ({ ...parseScenarioText(readFileSync(path.join(root, 'examples', `${name}.yaml`), 'utf8')), uncertainty });
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];

function timeRuns(scenario) {
  monteCarlo(scenario, { samples: 500, today }); // warm up
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    monteCarlo(scenario, { samples: SAMPLES, seed: i + 1, today });
    ms.push(performance.now() - t);
  }
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

const loadBefore = loadavg()[0];
const rows = [];
for (const [name, ranges] of Object.entries(PRESETS)) {
  const scenario = load(name, ranges);
  // Before: evaluate each sample's scenario (the inputs a run would draw), one at a time.
  const run = startMonteCarlo(scenario, { samples: 1, today });
  const sampled = Array.from({ length: 2000 }, (_, i) => run.sample(i).scenario);
  for (let i = 0; i < 300; i++) evaluate(sampled[i], { today }); // warm up
  const each = sampled.map((s) => {
    const t = performance.now();
    evaluate(s, { today });
    return performance.now() - t;
  });
  const l = { p50: quantile(each, 0.5), p95: quantile(each, 0.95) };
  const after = timeRuns(scenario);
  rows.push({
    example: name,
    'before: evaluate per sample, median ms': l.p50.toFixed(3),
    'p95 ms': l.p95.toFixed(3),
    '10k x median, s': ((l.p50 * SAMPLES) / 1000).toFixed(2),
    'after: monteCarlo 10k, median s': (after.median / 1000).toFixed(2),
    'p95 s': (after.p95 / 1000).toFixed(2),
    'faster by': `${((l.p50 * SAMPLES) / after.median).toFixed(1)}x`,
  });
}
// The slow path: memory per instance varies continuously, so (almost) every sample re-sizes.
const slow = timeRuns(load('linux-microservices', { ...PRESETS['linux-microservices'], 'workloads[api].memoryGiB': r(0.75, 1, 2) }));
rows.push({
  example: 'linux-microservices + memoryGiB range (re-sizes each sample)',
  'after: monteCarlo 10k, median s': (slow.median / 1000).toFixed(2),
  'p95 s': (slow.p95 / 1000).toFixed(2),
});
console.table(rows);
console.log(
  `node ${process.version}, ${process.platform}/${process.arch}; ${RUNS} runs of ${SAMPLES.toLocaleString('en-US')} samples each; ` +
    `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (2 cores: above 2, the runs shared a core with other work)`,
);
