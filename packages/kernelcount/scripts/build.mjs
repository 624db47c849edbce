// Builds the package: TypeScript to dist/ (ESM + declarations) and to dist/cjs/ (CommonJS + declarations,
// without the CLI, which stays ESM), the JSON Schema file, an executable CLI, and the browser bundle
// (dist/browser/: one ES module file and one global-script file).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// The version constant follows package.json (changesets bumps package.json).
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const versionFile = path.join(root, 'src/version.ts');
const versionSource = `/** The package version (written by scripts/build.mjs from package.json). */\nexport const version = '${pkg.version}';\n`;
if (!existsSync(versionFile) || readFileSync(versionFile, 'utf8') !== versionSource) writeFileSync(versionFile, versionSource);
for (const config of ['tsconfig.build.json', 'tsconfig.cjs.json']) {
  const tsc = spawnSync('tsc', ['-p', config], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
// The marker makes Node load dist/cjs/**/*.js, and TypeScript read dist/cjs/**/*.d.ts, as CommonJS.
writeFileSync(path.join(root, 'dist/cjs/package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
const { scenarioJsonSchema } = await import(pathToFileURL(path.join(root, 'dist/scenario/schema.js')).href);
// At the package root, so that `kernelcount/schema.json` resolves also without package.json exports.
writeFileSync(path.join(root, 'schema.json'), JSON.stringify(scenarioJsonSchema, null, 2) + '\n');
chmodSync(path.join(root, 'dist/cli/main.js'), 0o755);
// One-file bundles of the main entry for places without npm (scripts/build-browser.mjs).
const { buildBrowser } = await import(pathToFileURL(path.join(root, 'scripts/build-browser.mjs')).href);
await buildBrowser(root);
console.log('kernelcount built to dist/');
