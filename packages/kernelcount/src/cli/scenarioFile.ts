/**
 * What every verb that takes a scenario file does the same way: read the file (or standard input for
 * `-`) with a message naming it when it cannot be read, parse it by its extension, check its
 * `uncertainty:` ranges against it, and check `--today`.
 */
import { describeValue, isKernelcountError, KernelcountError, type Issue } from '../errors.js';
import { resolveRanges } from '../scenario/ranges.js';
import { argPath } from './args.js';
import { parseScenarioText } from '../scenario/text.js';
import type { CliIo } from './run.js';

/**
 * Reads and parses one scenario file, or returns an issue naming the file when it cannot be read or
 * holds no object. A file that reads but does not parse throws the package's KernelcountError, its
 * issues at the file's name, and so does a file whose `uncertainty:` ranges do not resolve
 * (`evaluate` checks only their shape), so a mistyped range path is reported by every verb.
 */
export function readScenario(file: string, io: Pick<CliIo, 'readFile' | 'readStdin'>): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, issue: { code: 'unreadable', path: argPath(file), message: `cannot read the scenario: ${why}` } };
  }
  const fmt = /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto';
  let value: unknown;
  try {
    value = parseScenarioText(text, fmt);
  } catch (e) {
    // Problems with the text as a whole are about the file: name it.
    if (isKernelcountError(e)) throw new KernelcountError(e.issues.map((i) => (i.path ? i : { ...i, path: argPath(file) })));
    throw e;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issue: { code: 'invalid_type', path: argPath(file), message: `a scenario must be an object (a YAML mapping or a JSON object), got ${describeValue(value)}` } };
  }
  if (Object.prototype.hasOwnProperty.call(value, 'uncertainty')) resolveRanges(value);
  return { ok: true, value };
}

/** The `--today` flag: undefined when absent, the date when valid, or an issue naming the flag. */
export function readToday(flags: Map<string, string | true>): string | Issue | undefined {
  const today = flags.get('today');
  if (today === undefined) return undefined;
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    return { code: 'invalid_type', path: '--today', message: `must be a date YYYY-MM-DD, got ${JSON.stringify(today)}` };
  }
  return today;
}
