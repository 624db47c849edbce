import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
