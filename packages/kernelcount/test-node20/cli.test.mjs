import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { examples, golden, pkgRoot } from './helpers.mjs';

const bin = path.join(pkgRoot, 'bin/kernelcount.js');
const cli = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: pkgRoot, encoding: 'utf8' });

test('the CLI evaluates every example to its golden line items', () => {
  for (const file of examples) {
    const r = cli('evaluate', `examples/${file}`, '--format', 'csv');
    assert.equal(r.stderr, '', file);
    assert.equal(r.status, 0, file);
    assert.equal(r.stdout, golden(file, 'line-items.csv'), file);
  }
});

test('the CLI prints the package version', () => {
  const { version } = JSON.parse(readFileSync(path.join(pkgRoot, 'package.json'), 'utf8'));
  const r = cli('--version');
  assert.equal(r.status, 0);
  assert.match(r.stdout, new RegExp(`^kernelcount ${version.replace(/\./g, '\\.')}\\b|^${version.replace(/\./g, '\\.')}\\n$`));
});

test('the CLI rejects a bad flag with exit code 2 and names the flag', () => {
  const r = cli('evaluate', `examples/${examples[0]}`, '--format', 'pdf');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--format/);
});
