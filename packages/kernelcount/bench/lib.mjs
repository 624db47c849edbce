// Shared by every bench script of the package: the scenarios they time (the examples, the generated
// 100,000-instance scenario, the Monte Carlo ranges), the statistics (quantiles, p95, the ratio to
// the reference), the runner around tinybench and the Markdown output. Pure helpers come first and
// are unit-tested in test/bench-lib.test.ts; the package itself (../dist) is imported only by the
// loaders, lazily, so the helpers work without a build.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';

/** The package directory (packages/kernelcount). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every bench prices as of this day, so the catalog's dated figures do not move the timings. */
export const TODAY = '2026-11-22';

// ---------------------------------------------------------------------------------------------
// Statistics

/**
 * The q-quantile (0 <= q <= 1) of a set of numbers, interpolated linearly between the two nearest
 * ranks: position (n - 1) * q in the sorted values. This is the definition tinybench uses for its
 * p50/p75/p99, so a p95 computed here sits on the same scale as its median.
 * quantile([1, 2, 3, 4], 0.5) //=> 2.5
 */
export function quantile(values, q) {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new TypeError('quantile: values must be an array of numbers');
  if (values.length === 0) throw new RangeError('quantile: no values');
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be from 0 to 1, got ${q}`);
  for (const v of values) if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`quantile: every value must be a finite number, got ${v}`);
  const sorted = Array.from(values).sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const fraction = at - below;
  if (fraction === 0) return sorted[below];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

/**
 * How many reference operations fit in one task: the task's median over the reference's median,
 * both measured in the same run. A machine that is twice as slow (or twice as busy) doubles both
 * medians and leaves the ratio alone.
 */
export function ratio(taskMedianMs, referenceMedianMs) {
  for (const [name, v] of [['task median', taskMedianMs], ['reference median', referenceMedianMs]]) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`ratio: ${name} must be a finite number >= 0, got ${v}`);
  }
  if (referenceMedianMs === 0) throw new RangeError('ratio: the reference median is 0 ms, too fast for the timer to measure');
  return taskMedianMs / referenceMedianMs;
}

// ---------------------------------------------------------------------------------------------
// Output

/** A figure to three significant digits with thousands separators: 0.0104, 0.59, 20.4, 1,960. */
export function formatFigure(x) {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** A Markdown table; `align` holds 'l' or 'r' per column (default left). Pipes in cells are escaped. */
export function markdownTable(header, rows, align = []) {
  const cell = (v) => String(v ?? '').replace(/\|/g, '\\|');
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Where and when a run happened: Node, CPU, cores, load, date, and the commit when git knows it. */
export function environment() {
  const cpu = cpus();
  let commit;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = undefined;
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    loadAverage: loadavg()[0],
    package: `${pkg.name}@${pkg.version}`,
    commit,
  };
}

/** The lines above a results table: Node, CPU, date, load. */
export function headerLines(env, loadAfter) {
  const load = loadAfter === undefined ? env.loadAverage.toFixed(2) : `${env.loadAverage.toFixed(2)} before, ${loadAfter.toFixed(2)} after`;
  return [
    `${env.package}${env.commit ? ` (${env.commit})` : ''}, Node ${env.node} (${env.platform})`,
    `CPU: ${env.cpu}, ${env.cores} cores; load average (1 min): ${load}`,
    `Date: ${env.date}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Running

/**
 * How long each kind of task is measured. `quick` runs for a time budget (and at least a minimum
 * number of iterations); `heavy` and `long` run a fixed, small number of iterations, so a task of
 * a second or two does not take minutes and a busy machine does not change how many samples there are.
 */
export const PROFILES = {
  quick: { time: 500, iterations: 20, warmupTime: 200, warmupIterations: 10 },
  heavy: { time: 0, iterations: 10, warmupTime: 0, warmupIterations: 2 },
  long: { time: 0, iterations: 7, warmupTime: 0, warmupIterations: 1 },
};

/**
 * Times one synchronous or asynchronous function with tinybench under a profile and returns its
 * figures in ms: tinybench's own median (latency.p50), p99, mean, min, max and sample count, the
 * p95 (tinybench has none) from the retained samples with `quantile`, and the samples, sorted.
 * A function may return `{ overriddenDuration }` (tinybench's way to report its own duration).
 */
export async function measure(name, fn, profile) {
  const bench = new Bench({ ...profile, retainSamples: true, throws: true });
  bench.add(name, fn);
  const [task] = fn.constructor.name === 'AsyncFunction' ? await bench.run() : bench.runSync();
  const latency = task.result.latency;
  if (!latency || !latency.samples) throw new Error(`${name}: tinybench returned no samples (${task.result.state})`);
  return {
    iterations: latency.samplesCount,
    median: latency.p50,
    p95: quantile(latency.samples, 0.95),
    p99: latency.p99,
    mean: latency.mean,
    min: latency.min,
    max: latency.max,
    rme: latency.rme,
    samples: Array.from(latency.samples),
  };
}

/** The reference operation of a scenario: a JSON round trip of its text (parse, then stringify). */
export function referenceOf(scenario) {
  const text = JSON.stringify(scenario);
  return () => JSON.stringify(JSON.parse(text));
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** The example scenarios (examples/*.yaml), sorted by name, as `{ name, scenario }`. */
export async function loadExamples() {
  const { parseScenarioText } = await import('../dist/index.js');
  return readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f.replace(/\.yaml$/, ''), scenario: parseScenarioText(readFileSync(path.join(ROOT, 'examples', f), 'utf8')) }));
}

/** 200 workloads, 100,000 instances in all, on one host type; deterministic (a small LCG, no Math.random). */
export function largeScenario() {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
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

/** The two platforms the decision tools compare in each example: its baseline and the one its README discusses. */
export const PAIRS = {
  'linux-microservices': ['vm', 'containers'],
  'vmware-to-kubernetes': ['vmware', 'k8s-bare-metal'],
  'windows-lob-sql': ['vm', 'containers-in-vms'],
};

/**
 * The platforms to compare in a scenario: PAIRS for a known example, otherwise its baseline (or
 * first platform) and the first other platform. Platforms are named by `name`, else by `type`.
 */
export function comparedPair(name, scenario) {
  if (PAIRS[name]) return PAIRS[name];
  const names = (scenario.platforms ?? []).map((p) => p.name ?? p.type);
  const first = scenario.baseline ?? names[0];
  const second = names.find((n) => n !== first);
  if (!first || !second) throw new Error(`${name}: needs two platforms to compare, has ${names.length}`);
  return [first, second];
}

const range = (low, likely, high) => ({ low, likely, high });

/**
 * Ranges for the Monte Carlo of each example that has no `uncertainty:` section of its own, as a
 * buyer might give them: the electricity price, a host price, one or two licence list prices, the
 * admin cost, and the instances of one workload (a whole-number input that changes sizing).
 */
export const RANGES = {
  'linux-microservices': {
    'prices.electricityPerKWh': range(0.08, 0.12, 0.2),
    'prices.adminCostPerYear': range(90000, 120000, 160000),
    'hosts[0].price': range(32000, 38000, 46000),
    'catalog.licence.vvf': range(100, 135, 200),
    'workloads[api].instances': range(20, 24, 40),
  },
  'vmware-to-kubernetes': {
    'prices.electricityPerKWh': range(0.06, 0.0806, 0.15),
    'catalog.licence.vcf': range(300, 350, 450),
    'catalog.licence.rhel': range(700, 799, 900),
    'hosts[0].price': range(28000, 32000, 38000),
    'workloads[web].instances': range(100, 120, 160),
  },
  'windows-lob-sql': {
    'prices.electricityPerKWh': range(0.08, 0.11, 0.2),
    'prices.licences.windows-server-datacenter': range(6000, 6771, 8000),
    'prices.licences.sql-server-standard': range(3500, 3945, 4500),
    'hosts[0].price': range(20000, 24000, 30000),
    'workloads[iis-app].instances': range(20, 24, 36),
  },
};

/**
 * The example with ranges to sample: its own `uncertainty:` section when it has one (source
 * 'example'), else RANGES (source 'bench'); undefined when it has neither.
 */
export function withRanges(name, scenario) {
  if (scenario.uncertainty && Object.keys(scenario.uncertainty).length > 0) return { scenario, source: 'example' };
  if (RANGES[name]) return { scenario: { ...scenario, uncertainty: RANGES[name] }, source: 'bench' };
  return undefined;
}
