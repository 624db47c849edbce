import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { checkExamples, pkgRoot } from './helpers.mjs';

const require = createRequire(import.meta.url);

test('require resolves to the CommonJS build', () => {
  assert.equal(require.resolve('kernelcount'), `${pkgRoot}/dist/cjs/index.js`);
  assert.equal(require.resolve('kernelcount/xlsx'), `${pkgRoot}/dist/cjs/report/xlsx.js`);
  assert.equal(require.resolve('kernelcount/importers'), `${pkgRoot}/dist/cjs/importers/index.js`);
});

test('require: every example gives its golden table and line items', (t) => {
  checkExamples(t, require('kernelcount'), assert);
});

test('require: the subpath entry points load', () => {
  assert.equal(typeof require('kernelcount/xlsx').scenarioXlsx, 'function');
  assert.equal(typeof require('kernelcount/importers').importKubectl, 'function');
  assert.equal(require('kernelcount/schema.json').type, 'object');
});

test('an error from one build is recognised by the other build isKernelcountError (two copies loaded)', async () => {
  const cjs = require('kernelcount');
  const esm = await import('kernelcount');
  let thrown;
  try {
    cjs.evaluate({ hosts: 'none' });
  } catch (e) {
    thrown = e;
  }
  assert.equal(thrown instanceof esm.KernelcountError, false);
  assert.equal(esm.isKernelcountError(thrown), true);
  assert.equal(esm.isKernelcountError(new Error('other')), false);
});

test('require: errors are the package own KernelcountError, with a path', () => {
  const k = require('kernelcount');
  assert.throws(
    () => k.evaluate({ name: 'x', hosts: 'none' }),
    (error) => error instanceof k.KernelcountError && k.isKernelcountError(error) && error.issues.some((i) => i.path === 'hosts'),
  );
});
