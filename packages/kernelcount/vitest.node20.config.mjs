// Vitest 3 (the last major that runs on Node 20) over the package's own tests, on the machine's
// system Node 20: `npm run test:node20:vitest -w kernelcount`. The tests import 'vitest'; the alias
// points that at this Vitest, not the repo's Vitest 5 (Node >= 22).
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest-node20/config';

const require = createRequire(import.meta.url);
const vitestDir = path.dirname(require.resolve('vitest-node20/package.json'));

export default defineConfig({
  resolve: { alias: [{ find: /^vitest$/, replacement: path.join(vitestDir, 'dist/index.js') }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
