import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { run, type CliIo, type CliResult } from '../src/cli/run.js';
import { parseScenarioText } from '../src/scenario/text.js';

export const pkgRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const examplesDir = path.join(pkgRoot, 'examples');
/** Fixed date so stale-default flags in golden files do not move with the calendar. */
export const TODAY = '2026-11-22';

export function exampleFiles(): string[] {
  return readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();
}

export function loadExample(file: string): unknown {
  return parseScenarioText(readFileSync(path.join(examplesDir, file), 'utf8'));
}

/** A small valid scenario for tests to modify. */
export function baseScenario(): Record<string, unknown> {
  return {
    name: 'test',
    hosts: [{ name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000, price: 20000, powerIdleW: 200, powerMaxW: 600 }],
    workloads: [
      { name: 'api', instances: 20, vcpus: 0.5, memoryGiB: 1, storageGiB: 1, imageMiB: 100 },
      { name: 'db', instances: 2, vcpus: 4, memoryGiB: 16, storageGiB: 100, imageMiB: 400 },
    ],
  };
}

/** A CliIo over an in-memory set of files (`-` is standard input). */
export function memoryIo(files: Record<string, string> = {}): CliIo & { files: Record<string, string> } {
  return {
    files,
    readFile: (p) => {
      if (!Object.hasOwn(files, p)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p]!;
    },
    readStdin: () => files['-'] ?? '',
    writeFile: (p, t) => {
      if (Object.hasOwn(files, p)) throw new Error('exists');
      files[p] = t;
    },
    overwriteFile: (p, t) => void (files[p] = t),
    exists: (p) => Object.hasOwn(files, p),
  };
}

/**
 * Runs the CLI in memory and checks that nothing it prints is NaN, Infinity, undefined or an
 * object's default string, apart from echoing what the user typed (`got "NaN"`).
 */
export async function runCli(...args: string[]): Promise<CliResult> {
  const r = await run(args, memoryIo());
  const printed = (r.stdout + r.stderr).replace(/got "[^"]*"/g, 'got ...');
  expect(printed, args.join(' ')).not.toMatch(/NaN|Infinity|undefined|\[object /);
  return r;
}
