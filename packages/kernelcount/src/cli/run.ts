import { cmdCatalog } from './catalog.js';
import { isKernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { formatEvaluation, REPORT_FORMATS, type ReportFormat } from '../report/format.js';
import { version } from '../version.js';
import { INIT_TEMPLATE } from './template.js';
import { readScenario, readToday } from './scenarioFile.js';
import { argPath, fail, isIssue, parseArgs, readFormat, readLocale, type CliResult } from './args.js';
// ---- reserve / overhead verbs (src/cli/reserve.ts, src/cli/overhead.ts) ----
import { cmdReserve } from './reserve.js';
import { cmdOverhead } from './overhead.js';
// ---- end reserve / overhead ----
// ---- license verb (src/cli/license.ts) ----
import { cmdLicense } from './license.js';
// ---- end license ----
// ---- decision verbs (src/cli/decide.ts) ----
import { cmdBreakeven, cmdSensitivity, cmdDiff } from './decide.js';
// ---- end decision verbs ----
// ---- import verb (src/cli/import.ts) ----
import { cmdImport } from './import.js';
// ---- end import ----
// ---- evaluate --out and --format xlsx (src/cli/output.ts) ----
import { textReport, xlsxReport } from './output.js';
// ---- end evaluate --out ----
// ---- uncertainty verb (src/cli/uncertainty.ts) ----
import { cmdUncertainty } from './uncertainty.js';
// ---- end uncertainty ----
// ---- project verb (src/cli/project.ts) ----
import { cmdProject } from './project.js';
// ---- end project ----

export type { CliResult } from './args.js';

/** What the CLI may touch; injected so the CLI can be tested without a process. */
export interface CliIo {
  readFile(path: string): string;
  readStdin(): string;
  /** Writes a new file; throws if it exists. */
  writeFile(path: string, text: string): void;
  overwriteFile(path: string, text: string): void;
  exists(path: string): boolean;
  /** Reads a file's bytes (for workbooks); without it, files are read as text. */
  readBytes?(path: string): Uint8Array;
  /** Writes (or replaces) a binary file (`evaluate --format xlsx --out`). */
  writeBytes?(path: string, bytes: Uint8Array): void;
  /** True when standard output is a terminal, where a binary workbook must not go. */
  stdoutIsTerminal?(): boolean;
}

const MAIN_HELP = `kernelcount ${version}: hosts needed and cost over the years of running workloads as
VMs, containers, containers in VMs or micro-VMs.

Usage:
  kernelcount evaluate <scenario.yaml|scenario.json|-> [--format table|json|csv|md|xlsx] [--out FILE] [--baseline NAME] [--locale TAG]
  kernelcount reserve <eks|gke|aks|aks-pre-1.29|gdc|generic> --vcpus N --memory SIZE [--max-pods N] [--version V]
  kernelcount overhead <model> --vcpus N --memory SIZE     (esxi-6.7, kubevirt, kata-qemu, ...; see --help)
  kernelcount license <product> [--sockets N --cores-per-socket N] [--vms N] [--price AMOUNT] (see --help)
  kernelcount breakeven <scenario> --input PATH --between A,B [--range LOW..HIGH]
  kernelcount sensitivity <scenario> --between A,B [--range 20%] [--input PATH ...] [--top N]
  kernelcount diff <before.yaml> <after.yaml>
  kernelcount import rvtools <vInfo.csv|RVTools.xlsx> | kubectl <pods.json> [--nodes nodes.json]   (see --help)
  kernelcount uncertainty <scenario.yaml> [--samples N] [--seed N] [--between A,B] [--format table|json|csv|md]
  kernelcount project <scenario.yaml> [--growth PCT] [--discount-rate PCT] [--hardware purchase|lease] [--lease-rate PCT]
  kernelcount init [file] [--force]
  kernelcount catalog [--format table|json|csv] [--defaults|--rules]
  kernelcount --version

Run  kernelcount <command> --help  for the options of one command.
Exit codes: 0 success, 2 bad input (every problem is listed with its path), 1 unexpected error.
`;

const EVALUATE_HELP = `Usage: kernelcount evaluate <scenario file, or - for stdin> [options]

Validates the scenario, sizes every platform and prices it over the horizon.

Options:
  --format FORMAT              table, json, csv, md or xlsx (default table)
                                 table: readable summary, breakdown and line items
                                 json:  the whole evaluation; money as exact decimal strings
                                 csv:   one row per line item, a column per year
                                 md:    a Markdown report with assumptions and sources
                                 xlsx:  an Excel workbook (Inputs, Line items, Summary,
                                        Assumptions) whose totals are live formulas; needs
                                        --out or a redirected standard output
  --out FILE                   write the report to FILE (replacing it); - for standard output
  --baseline NAME              compare against this platform (default: the scenario's baseline)
  --today YYYY-MM-DD           date used to flag stale defaults (default: today)
  --locale TAG                 how table and md show money: en-US (default), de-DE, ja-JP, ...
                                 (symbol, grouping, decimal mark; never a conversion)
  -h, --help                   this help
`;

const INIT_HELP = `Usage: kernelcount init [file] [--force]

Writes a commented example scenario to file (default scenario.yaml), or to standard output
when file is -. Refuses to overwrite an existing file unless --force is given.
`;


async function cmdEvaluate(args: string[], io: CliIo): Promise<CliResult> {
  const p = parseArgs(args, ['format', 'baseline', 'today', 'out', 'locale'], ['help']);
  if (isIssue(p)) return fail([p], EVALUATE_HELP);
  if (p.flags.has('help')) return { code: 0, stdout: EVALUATE_HELP, stderr: '' };
  const format = readFormat<ReportFormat | 'xlsx'>(p.flags, [...REPORT_FORMATS, 'xlsx'], 'table');
  if (typeof format !== 'string') return fail([format]);
  const report = readLocale(p.flags, format);
  if (isIssue(report)) return fail([report]);
  if (p.positional.length !== 1) {
    return fail([{ code: 'required', path: 'scenario', message: p.positional.length ? 'give exactly one scenario file' : 'give a scenario file (or - for standard input)' }], EVALUATE_HELP);
  }
  const today = readToday(p.flags);
  if (isIssue(today)) return fail([today]);
  const file = p.positional[0]!;
  try {
    const read = readScenario(file, io);
    if (!read.ok) return fail([read.issue]);
    const input = read.value;
    const baseline = p.flags.get('baseline');
    const withBaseline =
      typeof baseline === 'string' && input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as object), baseline } : input;
    const outFlag = p.flags.get('out') as string | undefined;
    const out = outFlag === '-' ? undefined : outFlag;
    if (format === 'xlsx') return await xlsxReport(withBaseline, today ? { today } : {}, out, io);
    const result = evaluate(withBaseline, today ? { today } : {});
    return textReport(formatEvaluation(result, format, report), out, io);
  } catch (e) {
    if (isKernelcountError(e)) return fail(e.issues);
    throw e;
  }
}

function cmdInit(args: string[], io: CliIo): CliResult {
  const p = parseArgs(args, [], ['help', 'force']);
  if (isIssue(p)) return fail([p], INIT_HELP);
  if (p.flags.has('help')) return { code: 0, stdout: INIT_HELP, stderr: '' };
  if (p.positional.length > 1) return fail([{ code: 'conflict', path: 'file', message: 'give at most one file' }], INIT_HELP);
  const file = p.positional[0] ?? 'scenario.yaml';
  if (file === '-') return { code: 0, stdout: INIT_TEMPLATE, stderr: '' };
  try {
    if (p.flags.has('force')) io.overwriteFile(file, INIT_TEMPLATE);
    else {
      if (io.exists(file)) return fail([{ code: 'conflict', path: argPath(file), message: 'already exists; use --force to overwrite it' }]);
      io.writeFile(file, INIT_TEMPLATE);
    }
  } catch (e) {
    return fail([{ code: 'unreadable', path: argPath(file), message: `cannot write: ${(e as Error).message}` }]);
  }
  return { code: 0, stdout: `wrote ${file}; now run: kernelcount evaluate ${file}\n`, stderr: '' };
}

/**
 * Runs the kernelcount command line with the given arguments and returns what it prints and its
 * exit code; never throws for user mistakes.
 *
 * @example
 * run(['--version'], io).stdout //=> '0.1.0\n'
 */
export async function run(argv: readonly string[], io: CliIo): Promise<CliResult> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return { code: cmd === undefined ? 2 : 0, stdout: cmd === undefined ? '' : MAIN_HELP, stderr: cmd === undefined ? MAIN_HELP : '' };
      case '--version':
      case '-v':
        return { code: 0, stdout: `${version}\n`, stderr: '' };
      case 'evaluate':
        return await cmdEvaluate(rest, io);
      // ---- reserve / overhead verbs ----
      case 'reserve':
        return cmdReserve(rest);
      case 'overhead':
        return cmdOverhead(rest);
      // ---- end reserve / overhead ----
      // ---- license verb ----
      case 'license':
        return cmdLicense(rest);
      // ---- end license ----
      // ---- decision verbs ----
      case 'breakeven':
        return cmdBreakeven(rest, io);
      case 'sensitivity':
        return cmdSensitivity(rest, io);
      case 'diff':
        return cmdDiff(rest, io);
      // ---- end decision verbs ----
      // ---- import verb ----
      case 'import':
        return await cmdImport(rest, io);
      // ---- end import ----
      // ---- uncertainty verb ----
      case 'uncertainty':
        return cmdUncertainty(rest, io);
      // ---- end uncertainty ----
      // ---- project verb ----
      case 'project':
        return cmdProject(rest, io);
      // ---- end project ----
      case 'init':
        return cmdInit(rest, io);
      case 'catalog':
        return cmdCatalog(rest);
      default:
        return fail([{ code: 'unknown_value', path: 'command', message: `unknown command ${JSON.stringify(cmd)}; commands: evaluate, reserve, overhead, license, breakeven, sensitivity, diff, import, uncertainty, project, init, catalog` }], MAIN_HELP);
    }
  } catch (e) {
    return { code: 1, stdout: '', stderr: `kernelcount: unexpected error (please report it): ${(e as Error).stack ?? String(e)}\n` };
  }
}
