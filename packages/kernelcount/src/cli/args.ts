import { localeProblem } from '../report/currency.js';
import { isKernelcountError, type Issue } from '../errors.js';

/** What one command returns: its exit code and what it prints. */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
  /** Binary output (an xlsx workbook) for standard output, written after `stdout`. */
  stdoutBytes?: Uint8Array;
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits a command's arguments into positionals and flags. `valued` flags take a value
 * (`--name value` or `--name=value`), `boolean` flags take none; `-h` means `--help`.
 * Returns the first problem as an issue.
 */
export function parseArgs(args: string[], valued: readonly string[], boolean: readonly string[]): Parsed | Issue {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    if (a === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!a.startsWith('--')) return { code: 'unknown_key', path: argPath(a), message: `unknown option ${a}` };
    const eq = a.indexOf('=');
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (boolean.includes(name)) {
      if (eq !== -1) return { code: 'invalid_type', path: `--${name}`, message: `--${name} takes no value` };
      flags.set(name, true);
      continue;
    }
    if (!valued.includes(name)) {
      return { code: 'unknown_key', path: `--${name}`, message: `unknown option --${name}; options: ${[...valued, ...boolean].map((f) => '--' + f).join(', ')}` };
    }
    const value = eq !== -1 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      return { code: 'required', path: `--${name}`, message: `--${name} needs a value` };
    }
    if (flags.has(name)) return { code: 'conflict', path: `--${name}`, message: `--${name} given twice` };
    flags.set(name, value);
  }
  return { positional, flags };
}

/**
 * A command-line argument (a file name, a stray word) as an issue's path: as typed, or quoted when
 * it is empty or holds spaces, control characters or a double quote, so the message still says what
 * it is about.
 *
 * @example
 * argPath('s.yaml') //=> 's.yaml'
 * argPath('') //=> '""'
 */
export function argPath(arg: string): string {
  return arg === '' || /[\s\p{Cc}"]/u.test(arg) ? JSON.stringify(arg) : arg;
}

/**
 * What a rule called by `reserve` or `overhead` names each input: the flag that carries it. A rule
 * checks its own limits (e.g. AKS admits at most 250 pods per node) and throws the package's error;
 * `ruleIssuesAtFlags` turns it into issues at the flags (found by fuzzing: it was an unexpected error).
 */
const RULE_INPUT_FLAGS: Record<string, string> = {
  cpuMillicores: '--vcpus',
  vcpus: '--vcpus',
  memoryMiB: '--memory',
  maxPods: '--max-pods',
  graphicsDevices: '--graphics-devices',
  'generic.kubeReservedCpuMillicores': '--kube-reserved-cpu',
  'generic.kubeReservedMemoryMiB': '--kube-reserved-memory',
  'generic.systemReservedCpuMillicores': '--system-reserved-cpu',
  'generic.systemReservedMemoryMiB': '--system-reserved-memory',
  'generic.evictionMemoryMiB': '--eviction-memory',
};

/** The issues of a rule's KernelcountError at the flags that carry its inputs; undefined for any other error. */
export function ruleIssuesAtFlags(e: unknown): Issue[] | undefined {
  if (!isKernelcountError(e)) return undefined;
  return e.issues.map((i) => (Object.hasOwn(RULE_INPUT_FLAGS, i.path) ? { ...i, path: RULE_INPUT_FLAGS[i.path]! } : i));
}

/** True for an `Issue` (as returned by the parsers here and in `units.ts`), false for a parsed value. */
export function isIssue(x: unknown): x is Issue {
  return typeof x === 'object' && x !== null && 'code' in x && 'path' in x && 'message' in x;
}

/** Exit 2 with every issue on its own line as `path: message [code]`, then the hint. */
export function fail(issues: readonly Issue[], hint = ''): CliResult {
  const lines = issues.map((i) => `  ${i.path ? i.path + ': ' : ''}${i.message} [${i.code}]`);
  return { code: 2, stdout: '', stderr: `kernelcount: invalid input\n${lines.join('\n')}\n${hint}` };
}

/**
 * The `--locale` flag as report options: `{}` when absent, `{ locale }` when it is a locale Intl
 * knows and the format shows money to people (table or md), else an issue naming the flag.
 */
export function readLocale(flags: Map<string, string | true>, format: string): { locale?: string } | Issue {
  const locale = flags.get('locale');
  if (locale === undefined) return {};
  const problem = typeof locale === 'string' ? localeProblem(locale) : 'give a locale such as en-US or de-DE';
  if (problem) return { code: 'invalid_type', path: '--locale', message: problem };
  if (format !== 'table' && format !== 'md') return { code: 'conflict', path: '--locale', message: `applies to --format table and md only; ${format} keeps plain numbers` };
  return { locale: locale as string };
}

/** The `--format` flag, one of `allowed`, or `fallback` when absent. */
export function readFormat<T extends string>(flags: Map<string, string | true>, allowed: readonly T[], fallback: T): T | Issue {
  const f = flags.get('format');
  if (f === undefined) return fallback;
  if (typeof f !== 'string' || !(allowed as readonly string[]).includes(f)) {
    return { code: 'unknown_value', path: '--format', message: `must be one of ${allowed.join(', ')}, got ${JSON.stringify(f)}` };
  }
  return f as T;
}
