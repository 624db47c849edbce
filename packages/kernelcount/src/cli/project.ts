/**
 * `kernelcount project <scenario>`: costs over time (src/time/project.ts): the estate year by year
 * as workloads grow, hosts bought and refreshed, the amortized and cash views and the present
 * value. Flags replace the scenario's `growth:` and `finance:` figures. Its flags and JSON keys are
 * a public contract: add, never rename.
 */
import { describeValue, isKernelcountError, type Issue } from '../errors.js';
import { formatProjection, PROJECTION_FORMATS, type ProjectionFormat } from '../report/timeline.js';
import { HARDWARE_FINANCING, type HardwareFinancing } from '../scenario/types.js';
import { TIME_LIMITS } from '../scenario/validate.js';
import { project, type ProjectOptions } from '../time/project.js';
import { fail, isIssue, parseArgs, readFormat, readLocale, type CliResult } from './args.js';
import { readScenario, readToday } from './scenarioFile.js';

export const PROJECT_HELP = `Usage: kernelcount project <scenario file, or - for stdin> [options]

Costs over time. Each year of the horizon the workloads grow by the scenario's growth: rate
(compounded, rounded up to whole instances), every platform is sized again, and the hosts are
bought by cohort: each serves the hardware amortization years, then is replaced if still needed;
hosts bought stay owned (and paid for) when the estate shrinks. Each year is priced two ways:

  amortized  hardware at price / life per owned host, perpetual licences spread over their
             years, everything else yearly: without growth this is evaluate's TCO
  cash       hosts paid the year they are bought (or a level lease payment per owned host),
             perpetual licences paid the year they are first needed, everything else yearly

and the cash is discounted as paid at the start of each year (present value). In the scenario:

  growth: { percentPerYear: 10 }          # every workload; a workload's own growthPercentPerYear wins
  finance: { discountRatePercent: 8, hardware: lease, leaseRatePercent: 6 }

Options:
  --growth PCT                 yearly growth in percent, above ${TIME_LIMITS.growthPercentAbove} and at most ${TIME_LIMITS.growthPercentMax} (replaces
                               growth.percentPerYear; workloads with their own rate keep it)
  --discount-rate PCT          yearly discount rate in percent, 0 to ${TIME_LIMITS.ratePercentMax}
  --hardware purchase|lease    how hosts are paid for
  --lease-rate PCT             yearly lease interest rate in percent, 0 to ${TIME_LIMITS.ratePercentMax}
  --format table|json|csv|md   output format (default table; markdown is the same as md)
                                 table: per platform a row per year and the totals
                                 json:  every year's line items in both views; money as exact
                                        decimal strings
                                 csv:   one row per platform and year, and a total row, exact
  --locale TAG                 how table and md show money: en-US (default), de-DE, ja-JP, ...
  --today YYYY-MM-DD           date used to flag stale defaults (default: today)
  -h, --help                   this help

PCT is a number, with or without %: 10, 2.5%, -5.
`;

const HINT = 'Run  kernelcount project --help  for the options.\n';

/** What the verb reads: a scenario file or standard input. */
export interface ProjectIo {
  readFile(path: string): string;
  readStdin(): string;
}

/** Library option paths and the flag that sets each. */
const OPTION_FLAGS: Record<string, string> = {
  'options.growthPercentPerYear': '--growth',
  'options.discountRatePercent': '--discount-rate',
  'options.hardware': '--hardware',
  'options.leaseRatePercent': '--lease-rate',
};

const PERCENT = /^[+-]?(\d+(\.\d+)?|\.\d+)\s*%?$/;

/** A percentage flag: the number, absent, or an issue naming the flag. */
function readPercent(flags: Map<string, string | true>, name: string): number | Issue | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !PERCENT.test(raw.trim())) {
    return { code: 'invalid_type', path: `--${name}`, message: `must be a percentage such as 10, 2.5% or -5, got ${describeValue(raw)}` };
  }
  return Number(raw.trim().replace(/%$/, '').trim());
}

export function cmdProject(args: string[], io: ProjectIo): CliResult {
  const p = parseArgs(args, ['growth', 'discount-rate', 'hardware', 'lease-rate', 'format', 'today', 'locale'], ['help']);
  if (isIssue(p)) return fail([p], HINT);
  if (p.flags.has('help')) return { code: 0, stdout: PROJECT_HELP, stderr: '' };
  const issues: Issue[] = [];
  const asked = readFormat<ProjectionFormat | 'markdown'>(p.flags, [...PROJECTION_FORMATS, 'markdown'], 'table');
  if (isIssue(asked)) issues.push(asked);
  const format: ProjectionFormat = isIssue(asked) || asked === 'markdown' ? 'md' : asked;
  const options: ProjectOptions = {};
  const percents = [
    ['growth', 'growthPercentPerYear'],
    ['discount-rate', 'discountRatePercent'],
    ['lease-rate', 'leaseRatePercent'],
  ] as const;
  for (const [flag, key] of percents) {
    const v = readPercent(p.flags, flag);
    if (isIssue(v)) issues.push(v);
    else if (v !== undefined) options[key] = v;
  }
  const hw = p.flags.get('hardware');
  if (hw !== undefined) {
    if (typeof hw === 'string' && (HARDWARE_FINANCING as readonly string[]).includes(hw)) options.hardware = hw as HardwareFinancing;
    else issues.push({ code: 'unknown_value', path: '--hardware', message: `must be one of ${HARDWARE_FINANCING.join(', ')}, got ${describeValue(hw)}` });
  }
  const report = readLocale(p.flags, format);
  if (isIssue(report)) issues.push(report);
  const today = readToday(p.flags);
  if (isIssue(today)) issues.push(today);
  else if (today !== undefined) options.today = today;
  if (p.positional.length !== 1) {
    issues.push({ code: 'required', path: 'scenario', message: p.positional.length ? 'give exactly one scenario file' : 'give a scenario file (or - for standard input)' });
  }
  if (issues.length) return fail(issues, HINT);
  const file = p.positional[0]!;
  try {
    const read = readScenario(file, io);
    if (!read.ok) return fail([read.issue]);
    return { code: 0, stdout: formatProjection(project(read.value, options), format, isIssue(report) ? {} : report), stderr: '' };
  } catch (e) {
    if (isKernelcountError(e)) return fail(e.issues.map((i) => (OPTION_FLAGS[i.path] ? { ...i, path: OPTION_FLAGS[i.path]! } : i)));
    throw e;
  }
}
