/**
 * The decision verbs: `breakeven`, `sensitivity` and `diff`. Each reads scenario files, calls the
 * package's analysis functions and prints with the report formats; every mistake exits 2 with the
 * flag (or file) named.
 */
import { breakEven, licenceBreakEvens } from '../analysis/breakEven.js';
import { diffScenarios } from '../analysis/diff.js';
import { getInput } from '../analysis/paths.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { isKernelcountError, type Issue } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { formatBreakEven, formatDiff, formatSensitivity } from '../report/decisions.js';
import { readScenario, readToday } from './scenarioFile.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/format.js';
import { argPath, fail, isIssue, parseArgs, readFormat, readLocale, type CliResult } from './args.js';
import type { CliIo } from './run.js';

export const BREAKEVEN_HELP = `Usage: kernelcount breakeven <scenario file, or -> --input PATH --between A,B [options]
       kernelcount breakeven <scenario file> [--between A,B]      (licence break-evens only)

The value of one numeric input at which two platforms cost the same over the horizon, or the first
value at which the cheaper one changes (hosts, VMs and licence packs are whole, so totals can jump
past each other), or that neither happens in the range. Also lists the licence break-evens of the
platforms (guests per host from which, e.g., Windows Server Datacenter beats stacked Standard).

Options:
  --input PATH        the input to vary: workloads[api].instances, workloads[0].memoryGiB,
                      hosts[0].price, prices.electricityPerKWh, prices.licences.vvf,
                      policy.cpuOvercommit, platforms[vm].cpuOvercommit,
                      catalog.licence.windows-server-standard, ... (sensitivity --format csv
                      lists every input of a scenario)
  --between A,B       two platform names, comma-separated
  --range LOW..HIGH   values to search (default 0, or the input's minimum, to 10 x its value)
  --samples N         points sampled before narrowing (default 24)
  --format table|json|csv|md   output format (default table)
  --locale TAG        how table and md show money: en-US (default), de-DE, ja-JP, ...
  --today YYYY-MM-DD  date used to flag stale defaults
  -h, --help          this help

"The same" means the two totals differ by less than half a cent at the value printed.
`;

export const SENSITIVITY_HELP = `Usage: kernelcount sensitivity <scenario file, or -> --between A,B [options]

Moves each numeric input down and up by a share of its value, one at a time, and ranks the inputs
by how far that moves the TCO difference between two platforms (tornado data). Whole-number inputs
are rounded away from their value and every value is kept within its bounds; a value that makes
the scenario invalid is reported on its row.

Options:
  --between A,B       two platform names, comma-separated
  --range SHARE       20% (default), or -10%..+30% for different shares down and up
  --input PATH        an input to vary (repeat for more); default every numeric input, including
                      the catalog defaults the evaluation uses
  --top N             rows to show in table and md output (default all)
  --format table|json|csv|md   output format (default table)
  --locale TAG        how table and md show money: en-US (default), de-DE, ja-JP, ...
  --today YYYY-MM-DD  date used to flag stale defaults
  -h, --help          this help
`;

export const DIFF_HELP = `Usage: kernelcount diff <before.yaml> <after.yaml> [options]

Evaluates two scenarios and lists the inputs that changed (hosts, workloads and platforms matched
by name) and, per platform, the line items whose totals changed, with old and new totals and the
difference, in exact decimals.

Options:
  --format table|json|csv|md   output format (default table); csv: one row per changed line item
                               and a TCO row per platform
  --locale TAG        how table and md show money: en-US (default), de-DE, ja-JP, ...
  --today YYYY-MM-DD  date used to flag stale defaults
  -h, --help          this help
`;


function readBetween(flags: Map<string, string | true>, required: boolean): [string, string] | Issue | undefined {
  const v = flags.get('between');
  if (v === undefined) return required ? { code: 'required', path: '--between', message: 'give two platforms to compare, like --between vm,containers' } : undefined;
  const parts = String(v).split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    return { code: 'invalid_type', path: '--between', message: `give two platform names separated by a comma, like vm,containers; got ${JSON.stringify(v)}` };
  }
  return [parts[0]!, parts[1]!];
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

function readRange(flags: Map<string, string | true>): { low: string; high: string } | Issue | undefined {
  const v = flags.get('range');
  if (v === undefined) return undefined;
  const m = /^\s*(.+?)\s*\.\.\s*(.+?)\s*$/.exec(String(v));
  if (!m || !DECIMAL.test(m[1]!) || !DECIMAL.test(m[2]!)) {
    return { code: 'invalid_type', path: '--range', message: `must be LOW..HIGH with two numbers, like 0.05..0.5; got ${JSON.stringify(v)}` };
  }
  return { low: m[1]!, high: m[2]! };
}

/** `20%`, or `-10%..+30%` (down..up). */
function readShareRange(flags: Map<string, string | true>): { down: string; up: string } | Issue | undefined {
  const v = flags.get('range');
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const pct = (s: string) => (/^\d+(\.\d+)?%$/.test(s) ? String(Number(s.slice(0, -1)) / 100) : null);
  const one = pct(text.replace(/^\+\/-|^±/, ''));
  if (one !== null) return { down: one, up: one };
  const m = /^-(\d+(?:\.\d+)?%)\s*\.\.\s*\+?(\d+(?:\.\d+)?%)$/.exec(text);
  if (m) return { down: pct(m[1]!)!, up: pct(m[2]!)! };
  return { code: 'invalid_type', path: '--range', message: `must be a share like 20% or -10%..+30%; got ${JSON.stringify(v)}` };
}

/** Library issues with their paths turned into the flag that carries them. */
function flagIssues(issues: readonly Issue[], input?: string): Issue[] {
  return issues.map((i) => {
    if (/^between(\[|$)/.test(i.path)) return { ...i, path: '--between' };
    if (/^range(\.|$)/.test(i.path)) return { ...i, path: '--range' };
    if (i.path === 'samples') return { ...i, path: '--samples' };
    if (/^inputs\[/.test(i.path)) return { ...i, path: '--input' };
    if (input !== undefined && i.path === input) return { ...i, path: '--input', message: `${argPath(i.path)}: ${i.message}` };
    return i;
  });
}

function common(args: string[], valued: string[], help: string) {
  const p = parseArgs(args, [...valued, 'format', 'today', 'locale'], ['help']);
  if (isIssue(p)) return { error: fail([p], help) };
  if (p.flags.has('help')) return { error: { code: 0, stdout: help, stderr: '' } as CliResult };
  const format = readFormat<ReportFormat>(p.flags, REPORT_FORMATS, 'table');
  if (typeof format !== 'string') return { error: fail([format]) };
  const today = readToday(p.flags);
  if (isIssue(today)) return { error: fail([today]) };
  const report = readLocale(p.flags, format);
  if (isIssue(report)) return { error: fail([report]) };
  return { p, format, today, report };
}

/** `kernelcount breakeven`. */
export function cmdBreakeven(args: string[], io: CliIo): CliResult {
  const c = common(args, ['input', 'between', 'range', 'samples'], BREAKEVEN_HELP);
  if ('error' in c) return c.error!;
  const { p, format, today, report } = c;
  if (p.positional.length !== 1) {
    return fail([{ code: 'required', path: 'scenario', message: p.positional.length ? 'give exactly one scenario file' : 'give a scenario file (or - for standard input)' }], BREAKEVEN_HELP);
  }
  const input = p.flags.get('input');
  const between = readBetween(p.flags, input !== undefined);
  const range = readRange(p.flags);
  const samplesRaw = p.flags.get('samples');
  const issues: Issue[] = [];
  if (isIssue(between)) issues.push(between);
  if (isIssue(range)) issues.push(range);
  if (input === undefined && range !== undefined) issues.push({ code: 'conflict', path: '--range', message: 'applies with --input' });
  let samples: number | undefined;
  if (samplesRaw !== undefined) {
    samples = Number(samplesRaw);
    if (!/^\d+$/.test(String(samplesRaw))) issues.push({ code: 'not_integer', path: '--samples', message: `must be a whole number, got ${JSON.stringify(samplesRaw)}` });
  }
  if (issues.length) return fail(issues, BREAKEVEN_HELP);
  const opts = today ? { today } : {};
  try {
    const read = readScenario(p.positional[0]!, io);
    if (!read.ok) return fail([read.issue]);
    const scenario = read.value;
    const evaluation = evaluate(scenario, opts);
    const pair = between as [string, string] | undefined;
    const names = evaluation.platforms.map((x) => JSON.stringify(x.name)).join(', ');
    const unknown = (pair ?? []).filter((n) => !evaluation.platforms.some((x) => x.name === n));
    if (unknown.length) return fail(unknown.map((n) => ({ code: 'unknown_value', path: '--between', message: `no platform named ${JSON.stringify(n)}; platforms are ${names}` })));
    if (typeof input === 'string') {
      try {
        getInput(scenario, input, opts);
      } catch (e) {
        if (!isKernelcountError(e)) throw e;
        return fail(e.issues.map((i) => ({ ...i, path: '--input', message: `${argPath(i.path)}: ${i.message}` })));
      }
    }
    const result =
      typeof input === 'string'
        ? breakEven(scenario, { input, between: pair!, ...(range ? { range: range as { low: string; high: string } } : {}), ...(samples !== undefined ? { samples } : {}), ...opts })
        : null;
    const licences = licenceBreakEvens(scenario, { ...opts, ...(pair ? { platforms: pair } : {}) });
    return { code: 0, stdout: formatBreakEven({ breakEven: result, licences }, format, report), stderr: '' };
  } catch (e) {
    if (isKernelcountError(e)) return fail(flagIssues(e.issues, typeof input === 'string' ? input : undefined));
    throw e;
  }
}

/** Pulls every `--input` out of the arguments (the flag may repeat), leaving the rest for parseArgs. */
function takeRepeated(args: string[], name: string): { rest: string[]; values: string[]; issue?: Issue } {
  const rest: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === `--${name}`) {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) return { rest, values, issue: { code: 'required', path: `--${name}`, message: `--${name} needs a value` } };
      values.push(v);
      i++;
    } else if (a.startsWith(`--${name}=`)) values.push(a.slice(name.length + 3));
    else rest.push(a);
  }
  return { rest, values };
}

/** `kernelcount sensitivity`. */
export function cmdSensitivity(args: string[], io: CliIo): CliResult {
  const taken = takeRepeated(args, 'input');
  if (taken.issue) return fail([taken.issue], SENSITIVITY_HELP);
  const c = common(taken.rest, ['between', 'range', 'top'], SENSITIVITY_HELP);
  if ('error' in c) return c.error!;
  const { p, format, today, report } = c;
  if (p.positional.length !== 1) {
    return fail([{ code: 'required', path: 'scenario', message: p.positional.length ? 'give exactly one scenario file' : 'give a scenario file (or - for standard input)' }], SENSITIVITY_HELP);
  }
  const issues: Issue[] = [];
  const between = readBetween(p.flags, true);
  if (isIssue(between)) issues.push(between);
  const range = readShareRange(p.flags);
  if (isIssue(range)) issues.push(range);
  const topRaw = p.flags.get('top');
  let top: number | undefined;
  if (topRaw !== undefined) {
    if (!/^[1-9]\d{0,5}$/.test(String(topRaw))) issues.push({ code: 'invalid_type', path: '--top', message: `must be a whole number of rows >= 1, got ${JSON.stringify(topRaw)}` });
    else top = Number(topRaw);
  }
  if (issues.length) return fail(issues, SENSITIVITY_HELP);
  const opts = today ? { today } : {};
  try {
    const read = readScenario(p.positional[0]!, io);
    if (!read.ok) return fail([read.issue]);
    const scenario = read.value;
    const t = sensitivity(scenario, {
      between: between as [string, string],
      ...(range ? { range: range as { down: string; up: string } } : {}),
      ...(taken.values.length ? { inputs: taken.values } : {}),
      ...opts,
    });
    return { code: 0, stdout: formatSensitivity(t, format, top === undefined ? report : { ...report, top }), stderr: '' };
  } catch (e) {
    if (isKernelcountError(e)) return fail(flagIssues(e.issues));
    throw e;
  }
}

/** `kernelcount diff`. */
export function cmdDiff(args: string[], io: CliIo): CliResult {
  const c = common(args, [], DIFF_HELP);
  if ('error' in c) return c.error!;
  const { p, format, today, report } = c;
  if (p.positional.length !== 2) {
    return fail([{ code: 'required', path: 'scenarios', message: `give two scenario files, before and after; got ${p.positional.length}` }], DIFF_HELP);
  }
  const [fa, fb] = p.positional as [string, string];
  if (fa === '-' && fb === '-') return fail([{ code: 'conflict', path: 'scenarios', message: 'only one of the two may be - (standard input)' }]);
  try {
    const issues: Issue[] = [];
    const a = readScenarioLabelled(fa, io, issues);
    const b = readScenarioLabelled(fb, io, issues);
    if (issues.length) return fail(issues);
    const d = diffScenarios(a, b, { labels: [fa, fb], ...(today ? { today } : {}) });
    return { code: 0, stdout: formatDiff(d, format, report), stderr: '' };
  } catch (e) {
    if (isKernelcountError(e)) return fail(e.issues);
    throw e;
  }
}

/** Reads one of two files; parse errors are reported at the file's name. */
function readScenarioLabelled(file: string, io: CliIo, issues: Issue[]): unknown {
  try {
    const s = readScenario(file, io);
    if (!s.ok) issues.push(s.issue);
    return s.ok ? s.value : undefined;
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    issues.push(...e.issues); // readScenario names the file
    return undefined;
  }
}
