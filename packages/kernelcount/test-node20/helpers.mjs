// Shared by the Node 20 suite (node:test, plain JavaScript: Vitest needs a newer Node). It checks
// the built package, loaded by its own name so that package.json exports are what resolves it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const pkgRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const examplesDir = path.join(pkgRoot, 'examples');
export const goldenDir = path.join(pkgRoot, 'test/golden');

/** The fixed date the golden files were rendered for, read from the Vitest helpers so the two never drift. */
export const TODAY = /export const TODAY = '(\d{4}-\d{2}-\d{2})'/.exec(readFileSync(path.join(pkgRoot, 'test/helpers.ts'), 'utf8'))[1];

export const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();

export function exampleText(file) {
  return readFileSync(path.join(examplesDir, file), 'utf8');
}

export function golden(file, kind) {
  return readFileSync(path.join(goldenDir, file.replace(/\.yaml$/, `.${kind}`)), 'utf8');
}

/** Checks one module namespace (ESM or CommonJS) against the golden table and line items of every example. */
export function checkExamples(t, k, assert) {
  assert.ok(examples.length >= 3, 'at least three examples');
  for (const file of examples) {
    const e = k.evaluate(k.parseScenarioText(exampleText(file)), { today: TODAY });
    assert.equal(k.formatTable(e), golden(file, 'table.txt'), `${file}: table`);
    assert.equal(k.formatCsv(e), golden(file, 'line-items.csv'), `${file}: line items`);
  }
}
