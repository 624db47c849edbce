// The browser bundle: the main entry (dist/index.js, built by tsc first) with decimal.js and yaml
// inside, as one ES module file and one classic script that sets `globalThis.kernelcount`, for
// places that cannot install npm packages (spreadsheet scripting, a plain <script> tag).
// The importers and the xlsx writer are separate entry points and stay out (exceljs, papaparse).
// Run by scripts/build.mjs; on its own: `node scripts/build-browser.mjs` after a build.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The two bundle files, relative to the package root. */
export const BROWSER_FILES = { esm: 'dist/browser/kernelcount.mjs', global: 'dist/browser/kernelcount.global.js' };

/**
 * Bundles dist/index.js into the two browser files and returns their sizes in bytes.
 * @param {string} [packageRoot] the kernelcount package directory
 * @returns {Promise<Record<'esm' | 'global', { file: string; bytes: number; gzipBytes: number }>>}
 */
export async function buildBrowser(packageRoot = root) {
  const banner = `/* kernelcount ${JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version} (MIT), with decimal.js (MIT) and yaml (ISC) */`;
  const common = {
    entryPoints: [path.join(packageRoot, 'dist/index.js')],
    absWorkingDir: packageRoot,
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    banner: { js: banner },
    logLevel: 'warning',
  };
  await build({ ...common, format: 'esm', outfile: path.join(packageRoot, BROWSER_FILES.esm) });
  // A top-level `var kernelcount` (shared between the script files of a spreadsheet project) and an
  // explicit globalThis.kernelcount, for a sandbox that wraps each script in a function.
  await build({
    ...common,
    format: 'iife',
    globalName: 'kernelcount',
    footer: { js: 'globalThis.kernelcount=kernelcount;' },
    outfile: path.join(packageRoot, BROWSER_FILES.global),
  });
  const sizes = {};
  for (const [kind, file] of Object.entries(BROWSER_FILES)) {
    const bytes = readFileSync(path.join(packageRoot, file));
    sizes[kind] = { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = await buildBrowser();
  for (const { file, bytes, gzipBytes } of Object.values(sizes)) console.log(`${file}: ${bytes} bytes, ${gzipBytes} gzipped`);
}
