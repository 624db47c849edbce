import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as k from 'kernelcount';
import { checkExamples, pkgRoot } from './helpers.mjs';

test('runs on Node 20', () => {
  assert.equal(process.versions.node.split('.')[0], '20');
});

test('import resolves to the ES module build', () => {
  assert.equal(fileURLToPath(import.meta.resolve('kernelcount')), `${pkgRoot}/dist/index.js`);
});

test('import: every example gives its golden table and line items', (t) => {
  checkExamples(t, k, assert);
});

test('import: the subpath entry points load', async () => {
  const xlsx = await import('kernelcount/xlsx');
  const importers = await import('kernelcount/importers');
  assert.equal(typeof xlsx.scenarioXlsx, 'function');
  assert.equal(typeof importers.importKubectl, 'function');
});

test('import: the spreadsheet writer makes an .xlsx (a zip file) on Node 20', async () => {
  const { scenarioXlsx } = await import('kernelcount/xlsx');
  const { exampleText, TODAY } = await import('./helpers.mjs');
  const bytes = await scenarioXlsx(k.parseScenarioText(exampleText('linux-microservices.yaml')), { today: TODAY });
  assert.ok(bytes.length > 1000);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]); // "PK\3\4": a zip local file header
});
