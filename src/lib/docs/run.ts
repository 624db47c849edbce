/**
 * Build-time runners for the docs page: the code examples and the `kernelcount` command line are
 * run for real, with the Node that runs the build, so the page shows what they print today. The
 * docs test runs the same functions and compares with the built page.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest directory up from the working directory that holds the package. */
export const REPO_ROOT: string = (() => {
  let dir = process.cwd();
  for (;;) {
    if (existsSync(path.join(dir, 'packages', 'kernelcount', 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`kernelcount docs: no packages/kernelcount above ${process.cwd()}; run the build from the repository`);
    dir = up;
  }
})();

export const PACKAGE_DIR = path.join(REPO_ROOT, 'packages', 'kernelcount');
export const CLI_BIN = path.join(PACKAGE_DIR, 'bin', 'kernelcount.js');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'src', 'lib', 'docs', 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const SPAWN = {
  cwd: REPO_ROOT,
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NODE_NO_WARNINGS: '1' },
  timeout: 60_000,
};

function runNode(args: readonly string[], what: string): RunResult {
  const res = spawnSync(process.execPath, args, { ...SPAWN, encoding: 'utf8' });
  if (res.error) throw new Error(`kernelcount docs: could not run ${what}: ${res.error.message}`);
  return { code: res.status ?? 1, stdout: res.stdout, stderr: res.stderr };
}

/** What the kernelcount command prints for these arguments (exit code, stdout, stderr). */
export function runCli(args: readonly string[]): RunResult {
  return runNode([CLI_BIN, ...args], `kernelcount ${args.join(' ')}`);
}

/** The `--help` text of a command (or of the CLI itself when `command` is undefined); throws unless it exits 0. */
export function cliHelp(command?: string): string {
  const args = command ? [command, '--help'] : ['--help'];
  const r = runCli(args);
  if (r.code !== 0) throw new Error(`kernelcount ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The commands the CLI lists in its own help (`kernelcount <command> ...` lines), so a new command
 * shows up on the page without an edit here.
 */
export function cliCommands(): string[] {
  const names: string[] = [];
  for (const m of cliHelp().matchAll(/^\s+kernelcount ([a-z][a-z0-9-]*)\b/gm)) {
    if (!names.includes(m[1]!)) names.push(m[1]!);
  }
  return names;
}

/** The source of an example file. */
export function exampleSource(file: string): string {
  return readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
}

/** What an example prints when run with Node from the repository root; throws unless it exits 0. */
export function runExample(file: string): string {
  const r = runNode([path.join(EXAMPLES_DIR, file)], `example ${file}`);
  if (r.code !== 0) throw new Error(`kernelcount docs: example ${file} exited ${r.code}:\n${r.stderr}`);
  return r.stdout;
}

/** The same as runCli and runExample, without blocking, so a test can run many at once. */
export function runNodeAsync(args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...args], { ...SPAWN, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

export const runCliAsync = (args: readonly string[]) => runNodeAsync([CLI_BIN, ...args]);
export const runExampleAsync = (file: string) => runNodeAsync([path.join(EXAMPLES_DIR, file)]);
