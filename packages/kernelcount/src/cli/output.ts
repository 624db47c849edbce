/**
 * Where `kernelcount evaluate` sends its report: standard output, or the file named by `--out`.
 * The xlsx workbook is binary, so it goes to `--out` or to a standard output that is piped or
 * redirected, never to a terminal. exceljs is loaded only when a workbook is asked for.
 */
import { isKernelcountError } from '../errors.js';
import type { EvaluateOptions } from '../evaluate.js';
import { fail, type CliResult } from './args.js';

/** What writing a report needs from the process (the subset of `CliIo` used here). */
export interface OutputIo {
  /** Writes (or replaces) a file. */
  overwriteFile(path: string, text: string): void;
  /** Writes (or replaces) a binary file; absent where the CLI cannot write bytes. */
  writeBytes?(path: string, bytes: Uint8Array): void;
  /** True when standard output is a terminal (bytes there would garble it). */
  stdoutIsTerminal?(): boolean;
}

function cannotWrite(out: string, e: unknown): CliResult {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such directory' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return fail([{ code: 'unreadable', path: '--out', message: `cannot write ${JSON.stringify(out)}: ${why}` }]);
}

/**
 * A text report to standard output, or to `out` when given (replacing the file); the CLI then
 * says on standard error where it went.
 *
 * @example
 * textReport('a,b\n', undefined, io).stdout //=> 'a,b\n'
 */
export function textReport(text: string, out: string | undefined, io: OutputIo): CliResult {
  if (out === undefined) return { code: 0, stdout: text, stderr: '' };
  try {
    io.overwriteFile(out, text);
  } catch (e) {
    return cannotWrite(out, e);
  }
  return { code: 0, stdout: '', stderr: `wrote ${out}\n` };
}

/**
 * Evaluates `input` into an xlsx workbook and writes it to `out`, or returns its bytes for a
 * piped standard output. Refuses a terminal. Bad scenarios exit 2 with every issue, as `evaluate`.
 *
 * @example
 * (await xlsxReport(scenario, {}, 'tco.xlsx', io)).stderr //=> 'wrote tco.xlsx (21 KiB)\n'
 */
export async function xlsxReport(input: unknown, options: EvaluateOptions, out: string | undefined, io: OutputIo): Promise<CliResult> {
  if (out === undefined && (io.stdoutIsTerminal?.() ?? true)) {
    return fail([
      {
        code: 'required',
        path: '--out',
        message: 'an xlsx workbook is binary: give --out FILE.xlsx, or redirect standard output to a file (kernelcount evaluate s.yaml --format xlsx > s.xlsx)',
      },
    ]);
  }
  let bytes: Uint8Array;
  try {
    const { scenarioXlsx } = await import('../report/xlsx.js');
    bytes = await scenarioXlsx(input, options);
  } catch (e) {
    if (isKernelcountError(e)) return fail(e.issues);
    throw e;
  }
  if (out === undefined) return { code: 0, stdout: '', stderr: '', stdoutBytes: bytes };
  if (!io.writeBytes) return fail([{ code: 'unreadable', path: '--out', message: 'this environment cannot write binary files' }]);
  try {
    io.writeBytes(out, bytes);
  } catch (e) {
    return cannotWrite(out, e);
  }
  return { code: 0, stdout: '', stderr: `wrote ${out} (${Math.max(1, Math.round(bytes.length / 1024))} KiB)\n` };
}
