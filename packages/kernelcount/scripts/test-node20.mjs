// Runs test-node20/*.test.mjs (node:test over the built package) on Node 20, the oldest Node that
// package.json's engines allow, to prove that claim; the repo's own scripts run a newer Node.
// The Node 20 binary: $KERNELCOUNT_NODE20, else /usr/bin/node (Debian's). It must be version 20.
// Options: --tap FILE  also write the TAP report to FILE (scripts/test.mjs counts tests from it).
// Needs the built package (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { node20 } from './node20.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tapIndex = process.argv.indexOf('--tap');
const tap = tapIndex >= 0 ? process.argv[tapIndex + 1] : undefined;
const { node, version } = node20();
if (!existsSync(path.join(root, 'dist/index.js')) || !existsSync(path.join(root, 'dist/cjs/index.js'))) {
  console.error('test-node20: build the package first (npm run build)');
  process.exit(1);
}
const files = readdirSync(path.join(root, 'test-node20'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => path.join('test-node20', f));
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (tap) reporters.push('--test-reporter=tap', `--test-reporter-destination=${tap}`);
console.log(`kernelcount on ${version} (${node})`);
const r = spawnSync(node, ['--test', ...reporters, ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
