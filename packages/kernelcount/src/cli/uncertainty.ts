/**
 * `kernelcount uncertainty <scenario>`: Monte Carlo over the scenario's `uncertainty:` ranges
 * (src/analysis/monteCarlo.ts): each platform's TCO at P10 / P50 / P90, the difference between
 * platforms and how often one costs less. Its flags and JSON keys are a public contract: add, never
 * rename.
 */
import { DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLES, monteCarlo } from '../analysis/monteCarlo.js';
import { MAX_SEED } from '../analysis/random.js';
import { describeValue, isKernelcountError, type Issue } from '../errors.js';
import { formatUncertainty, type UncertaintyFormat } from '../report/uncertainty.js';
import { fail, isIssue, parseArgs, readFormat, readLocale, type CliResult } from './args.js';
import { parseInteger } from './units.js';
import { readScenario, readToday } from './scenarioFile.js';

export const UNCERTAINTY_HELP = `Usage: kernelcount uncertainty <scenario file, or - for stdin> [options]

Monte Carlo over the ranges in the scenario's uncertainty: section. Each sample draws every ranged
input from a PERT distribution (low, likely, high; whole numbers stay whole), prices the platforms
and keeps their TCO. Prints each platform's TCO at P10, P50 and P90 with the mean, the same for the
difference between two platforms, and how often one costs less. The same seed gives the same result.

  uncertainty:
    prices.electricityPerKWh: { low: 0.08, likely: 0.12, high: 0.20 }
    workloads[api].instances: { low: 20, likely: 24, high: 40 }
    catalog.licence.vvf: { low: 100, likely: 135, high: 200 }

Paths: hosts[i|name].<field>, workloads[i|name].<field>, platforms[i|name].<field>, policy.<field>,
prices.<field>, prices.licences.<product>, catalog.<id> (or catalog.<id>.<field>).

Options:
  --samples N                  number of samples, 1 to ${MAX_SAMPLES.toLocaleString('en-US')} (default ${DEFAULT_SAMPLES.toLocaleString('en-US')})
  --seed N                     generator seed, 0 to ${MAX_SEED.toLocaleString('en-US')} (default ${DEFAULT_SEED})
  --between A,B                compare platform A with B only (difference A - B); default: every
                               platform against the baseline
  --format table|json|csv|md   output format (default table; markdown is the same as md)
                                 json: money as exact decimal strings
                                 csv:  one row per platform and per pair, exact decimals
  --locale TAG                 how table and md show money: en-US (default), de-DE, ja-JP, ...
  --today YYYY-MM-DD           date used to flag stale defaults (default: today)
  -h, --help                   this help
`;

const HINT = 'Run  kernelcount uncertainty --help  for the options.\n';

/** What the verb reads: a scenario file or standard input. */
export interface UncertaintyIo {
  readFile(path: string): string;
  readStdin(): string;
}

const OPTION_FLAGS: Record<string, string> = { samples: '--samples', seed: '--seed', between: '--between' };

export function cmdUncertainty(args: string[], io: UncertaintyIo): CliResult {
  const p = parseArgs(args, ['samples', 'seed', 'between', 'format', 'today', 'locale'], ['help']);
  if (isIssue(p)) return fail([p], HINT);
  if (p.flags.has('help')) return { code: 0, stdout: UNCERTAINTY_HELP, stderr: '' };
  const issues: Issue[] = [];
  const asked = readFormat<UncertaintyFormat | 'markdown'>(p.flags, ['table', 'json', 'csv', 'md', 'markdown'], 'table');
  if (isIssue(asked)) issues.push(asked);
  const format: UncertaintyFormat = isIssue(asked) || asked === 'markdown' ? 'md' : asked;
  const report = readLocale(p.flags, format);
  if (isIssue(report)) issues.push(report);
  let samples: number | undefined;
  if (p.flags.has('samples')) {
    const n = parseInteger('--samples', p.flags.get('samples'), { min: 1, max: MAX_SAMPLES, what: 'samples' });
    if (isIssue(n)) issues.push(n);
    else samples = n.value;
  }
  let seed: number | undefined;
  if (p.flags.has('seed')) {
    const raw = p.flags.get('seed');
    if (typeof raw === 'string' && /^\d{1,10}$/.test(raw.trim()) && Number(raw) <= MAX_SEED) seed = Number(raw);
    else issues.push({ code: 'invalid_type', path: '--seed', message: `must be a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}, got ${describeValue(raw)}` });
  }
  let between: [string, string] | undefined;
  const b = p.flags.get('between');
  if (b !== undefined) {
    const parts = typeof b === 'string' ? b.split(',').map((x) => x.trim()) : [];
    if (parts.length !== 2 || parts.some((x) => x === '')) {
      issues.push({ code: 'invalid_type', path: '--between', message: `must be two platform names separated by a comma, e.g. --between containers,vm; got ${JSON.stringify(b)}` });
    } else between = [parts[0]!, parts[1]!];
  }
  const today = readToday(p.flags);
  if (isIssue(today)) issues.push(today);
  if (p.positional.length !== 1) {
    issues.push({ code: 'required', path: 'scenario', message: p.positional.length ? 'give exactly one scenario file' : 'give a scenario file (or - for standard input)' });
  }
  if (issues.length) return fail(issues, HINT);
  const file = p.positional[0]!;
  try {
    const read = readScenario(file, io);
    if (!read.ok) return fail([read.issue]);
    const input = read.value;
    const options: Parameters<typeof monteCarlo>[1] = {};
    if (samples !== undefined) options.samples = samples;
    if (seed !== undefined) options.seed = seed;
    if (between) options.between = between;
    if (typeof today === 'string') options.today = today;
    const result = monteCarlo(input, options);
    return { code: 0, stdout: formatUncertainty(result, format, isIssue(report) ? {} : report), stderr: '' };
  } catch (e) {
    if (isKernelcountError(e)) return fail(e.issues.map((i) => (OPTION_FLAGS[i.path] ? { ...i, path: OPTION_FLAGS[i.path]! } : i)));
    throw e;
  }
}
