import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One Vitest run for the whole repo (`npm test` runs it from the root).
// Paths are absolute so the config also works when Vitest finds it from a
// sub-directory.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'kernelcount',
          root: `${root}packages/kernelcount`,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          root,
          include: ['tests/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
