// Runs the package's own Vitest suite (src/**/*.test.ts, test/**/*.test.ts) on Node 20, the oldest
// Node that package.json's engines allow, with Vitest 3 (devDependency `vitest-node20`: the repo's
// Vitest 5 needs Node >= 22) and vitest.node20.config.mjs. Arguments go to Vitest (e.g.
// --reporter=json --outputFile.json=FILE, which scripts/test.mjs uses for the counts).
// Needs the built package (npm run build): some tests pack it or run the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { node20 } from './node20.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { node, version } = node20();
if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('vitest-node20: build the package first (npm run build)');
  process.exit(1);
}
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest-node20/package.json')), 'vitest.mjs');
console.log(`kernelcount's Vitest suite on ${version} (${node})`);
const r = spawnSync(node, [vitest, 'run', '--config', 'vitest.node20.config.mjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
