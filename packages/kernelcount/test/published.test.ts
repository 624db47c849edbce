// The package as a stranger gets it: `npm pack` of the built package, checked by publint and
// @arethetypeswrong/cli, then installed offline (from the tarball and the local npm cache) into a
// fresh project where `import` and `require` give the golden figures, TypeScript resolves the types
// under moduleResolution node16 and bundler, and the `kernelcount` command runs an example.
// Needs the built package (npm run build; `npm test` builds first).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TODAY, exampleFiles, pkgRoot } from './helpers.js';

const repoRoot = path.resolve(pkgRoot, '../..');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const ENTRY_POINTS = ['.', './xlsx', './importers', './browser', './schema.json', './package.json'];
const RESOLUTIONS = ['node10', 'node16-cjs', 'node16-esm', 'bundler'];
const SLOW = 180_000;

let work = '';
let tarball = '';
let packedFiles: string[] = [];
let packedIntegrity = '';
let project = '';

function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: SLOW, ...options });
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), error: r.error };
}

/** Output of a command that must succeed, with its own output as the failure message. */
function ok(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = sh(cmd, args, options);
  expect(r.error, `${cmd} ${args.join(' ')}`).toBeUndefined();
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

function golden(name: string): string {
  return readFileSync(path.join(pkgRoot, 'test/golden', name), 'utf8');
}

type LockEntry = { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; [key: string]: unknown };

/**
 * A fresh project that depends on the tarball, with a lockfile holding the package's dependency
 * tree as the repo's lockfile has it. Pinned versions with their tarball address install from the
 * cache by their integrity alone. A plain `npm install <tarball>` would need the registry metadata
 * of every dependency in the cache (`npm ci` does not put it there) and would pick the newest
 * versions that metadata lists, whose tarballs may never have been downloaded.
 */
function projectFor(file: string, integrity: string) {
  const repoLock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(path.join(pkgRoot, 'package.json'), 'utf8'));
  const packages: Record<string, LockEntry> = {};
  const registry = ok('npm', ['config', 'get', 'registry'], { cwd: repoRoot }).trim().replace(/\/$/, '');
  const from = 'packages/kernelcount';
  const rename = (key: string) => (key.startsWith(`${from}/`) ? `node_modules/kernelcount/${key.slice(from.length + 1)}` : key);
  // Node's lookup: the dependency's node_modules beside the requiring package, then each one above it.
  const locate = (at: string, name: string): string | undefined => {
    for (let dir = at; ; ) {
      const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (repoLock.packages[key]) return key;
      if (!dir) return undefined;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up >= 0 ? dir.slice(0, up) : '';
    }
  };
  const visit = (at: string, deps: Record<string, string>, optional: Record<string, string>) => {
    for (const name of [...Object.keys(deps), ...Object.keys(optional)]) {
      const key = locate(at, name);
      if (!key) {
        expect(name in optional, `${name} (needed by ${at}) is not in the repo's lockfile`).toBe(true);
        continue;
      }
      if (packages[rename(key)]) continue;
      const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repoLock.packages[key]!;
      // The repo's lockfile leaves out tarball addresses; without one npm asks the registry metadata
      // (not in the cache after a plain `npm ci`) where the tarball is. This is the registry's address.
      const id = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      entry.resolved ??= `${registry}/${id}/-/${id.split('/').pop()}-${entry.version}.tgz`;
      packages[rename(key)] = entry;
      visit(key, entry.dependencies ?? {}, entry.optionalDependencies ?? {});
    }
  };
  visit(from, pkg.dependencies, {});
  const manifest = { name: 'probe', version: '1.0.0', private: true, dependencies: { kernelcount: `file:${file}` } };
  const lock = {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: manifest.name, version: manifest.version, dependencies: manifest.dependencies },
      'node_modules/kernelcount': {
        version: pkg.version,
        resolved: `file:${file}`,
        integrity,
        license: pkg.license,
        dependencies: pkg.dependencies,
        bin: pkg.bin,
        engines: pkg.engines,
      },
      ...packages,
    },
  };
  return { manifest, lock };
}

beforeAll(() => {
  expect(existsSync(path.join(pkgRoot, 'dist/cjs/index.js')), 'build the package first (npm run build)').toBe(true);
  work = mkdtempSync(path.join(tmpdir(), 'kernelcount-published-'));
  const packed = JSON.parse(ok('npm', ['pack', '--json', '--pack-destination', work], { cwd: pkgRoot }));
  tarball = path.join(work, packed[0].filename);
  packedFiles = packed[0].files.map((f: { path: string }) => f.path);
  packedIntegrity = packed[0].integrity;
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds what users need and nothing else (no sources, tests, fixtures or source maps)', () => {
    for (const needed of [
      'package.json',
      'README.md',
      'bin/kernelcount.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cjs/package.json',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/cli/main.js',
      'schema.json',
      'xlsx/package.json',
      'importers/package.json',
      'browser/package.json',
      'dist/browser/kernelcount.mjs',
      'dist/browser/kernelcount.global.js',
      'examples/linux-microservices.yaml',
    ]) {
      expect(packedFiles, needed).toContain(needed);
    }
    const unwanted = packedFiles.filter((f) => /\.test\.|\.map$|^src\/|^test\/|^test-node20\/|fixtures|^bench\/|^scripts\/|tsconfig/.test(f));
    expect(unwanted).toEqual([]);
    // The CLI stays ES modules: it is not in the CommonJS build.
    expect(packedFiles.filter((f) => f.startsWith('dist/cjs/cli/'))).toEqual([]);
  });

  it('publint (strict) finds nothing to report', () => {
    const out = ok(process.execPath, [bin('publint'), 'run', tarball, '--strict']);
    expect(out).toContain('All good!');
  }, SLOW);

  it('arethetypeswrong: every entry point resolves with types under node10, node16 (CJS and ESM) and bundler', () => {
    const r = sh(process.execPath, [bin('attw'), tarball, '--format', 'json']);
    expect(r.error).toBeUndefined();
    const report = JSON.parse(r.stdout) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string; isJson: boolean } }> }> };
    };
    expect(report.analysis.problems).toEqual([]);
    expect(r.status).toBe(0);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([...ENTRY_POINTS].sort());
    for (const entry of ENTRY_POINTS) {
      for (const kind of RESOLUTIONS) {
        const resolution = report.analysis.entrypoints[entry]!.resolutions[kind]!.resolution;
        expect(resolution?.fileName, `${entry} under ${kind}`).toBeTruthy();
        const expected = entry.endsWith('.json') ? /\.json$/ : kind === 'node16-esm' || kind === 'bundler' ? /\/dist\/(?!cjs\/).*\.d\.ts$/ : /\/dist\/cjs\/.*\.d\.ts$/;
        expect(resolution!.fileName, `${entry} under ${kind}`).toMatch(expected);
      }
    }
  }, SLOW);
});

describe('installed offline into a fresh project', () => {
  beforeAll(() => {
    project = path.join(work, 'project');
    mkdirSync(project);
    const { manifest, lock } = projectFor(path.basename(tarball), packedIntegrity);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(lock, null, 2) + '\n');
    copyFileSync(tarball, path.join(project, path.basename(tarball)));
    // Offline: the tarball, and decimal.js, yaml, exceljs, papaparse (and theirs) from the local npm
    // cache, at the versions the repo's lockfile pins (which are the ones its install cached).
    ok('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project });
    expect(existsSync(path.join(project, 'node_modules/kernelcount/dist/index.js'))).toBe(true);
  }, SLOW);

  const examples = exampleFiles();
  // One script per module system: each evaluates every example and prints its table report.
  const probe = (load: string) => `${load}
const examples = ${JSON.stringify(examples)};
const dir = path.join(path.dirname(require.resolve('kernelcount/package.json')), 'examples');
for (const file of examples) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  process.stdout.write('=== ' + file + '\\n' + k.formatTable(k.evaluate(k.parseScenarioText(text), { today: '${TODAY}' })));
}
`;
  const expectedTables = () => examples.map((file) => `=== ${file}\n${golden(file.replace(/\.yaml$/, '.table.txt'))}`).join('');

  it('import gives the golden table of every example', () => {
    writeFileSync(
      path.join(project, 'probe.mjs'),
      probe(
        "import * as k from 'kernelcount';\nimport { readFileSync } from 'node:fs';\nimport path from 'node:path';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);",
      ),
    );
    expect(ok(process.execPath, ['probe.mjs'], { cwd: project })).toBe(expectedTables());
  }, SLOW);

  it('import of kernelcount/browser loads the one-file bundle, which gives the same golden tables', () => {
    writeFileSync(
      path.join(project, 'probe-browser.mjs'),
      probe(
        "import * as k from 'kernelcount/browser';\nimport { readFileSync } from 'node:fs';\nimport path from 'node:path';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nif (!import.meta.resolve('kernelcount/browser').endsWith('/dist/browser/kernelcount.mjs')) throw new Error('not the bundle');",
      ),
    );
    expect(ok(process.execPath, ['probe-browser.mjs'], { cwd: project })).toBe(expectedTables());
  }, SLOW);

  it('require gives the same golden tables, and the subpaths load as CommonJS', () => {
    writeFileSync(
      path.join(project, 'probe.cjs'),
      probe("const k = require('kernelcount');\nconst { readFileSync } = require('node:fs');\nconst path = require('node:path');"),
    );
    expect(ok(process.execPath, ['probe.cjs'], { cwd: project })).toBe(expectedTables());
    writeFileSync(
      path.join(project, 'subpaths.cjs'),
      [
        "const x = require('kernelcount/xlsx');",
        "const i = require('kernelcount/importers');",
        "const schema = require('kernelcount/schema.json');",
        "console.log(typeof x.scenarioXlsx, typeof i.importKubectl, schema.type);",
        "console.log(require.resolve('kernelcount/xlsx').includes('/dist/cjs/'), require.resolve('kernelcount').includes('/dist/cjs/'));",
      ].join('\n'),
    );
    expect(ok(process.execPath, ['subpaths.cjs'], { cwd: project })).toBe('function function object\ntrue true\n');
  }, SLOW);

  it('the types resolve under moduleResolution node16 (ESM and CommonJS files) and bundler', () => {
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    const esm = [
      "import { evaluate, parseScenarioText, type Evaluation } from 'kernelcount';",
      "import { scenarioXlsx } from 'kernelcount/xlsx';",
      "import { importKubectl } from 'kernelcount/importers';",
      "const e: Evaluation = evaluate(parseScenarioText('name: x'));",
      'export const name: string = e.scenario.name;',
      '// @ts-expect-error: a string is not a number (fails if the types were missing and everything were any)',
      'export const wrong: number = e.scenario.name;',
      'export const bytes: Promise<Uint8Array> = scenarioXlsx({});',
      'export const imported = importKubectl({}).scenario;',
      '',
    ].join('\n');
    const cjs = [
      "import k = require('kernelcount');",
      "import xlsx = require('kernelcount/xlsx');",
      "import importers = require('kernelcount/importers');",
      "const e: k.Evaluation = k.evaluate(k.parseScenarioText('name: x'));",
      'export const name: string = e.scenario.name;',
      '// @ts-expect-error: a string is not a number',
      'export const wrong: number = e.scenario.name;',
      'export const bytes: Promise<Uint8Array> = xlsx.scenarioXlsx({});',
      'export const imported = importers.importKubectl({}).scenario;',
      '',
    ].join('\n');
    writeFileSync(path.join(project, 'esm.mts'), esm);
    writeFileSync(path.join(project, 'cjs.cts'), cjs);
    writeFileSync(path.join(project, 'bundled.ts'), esm);
    // skipLibCheck off, so the package's own declarations are checked too; Node's types (the repo's
    // @types/node, as any Node project has) for exceljs's declarations, which name streams.
    const common = { strict: true, noEmit: true, target: 'ES2022', skipLibCheck: false, types: ['node'], typeRoots: [path.join(repoRoot, 'node_modules/@types')] };
    writeFileSync(
      path.join(project, 'tsconfig.node16.json'),
      JSON.stringify({ compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' }, files: ['esm.mts', 'cjs.cts'] }),
    );
    writeFileSync(
      path.join(project, 'tsconfig.bundler.json'),
      JSON.stringify({ compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler' }, files: ['bundled.ts'] }),
    );
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      const listed = ok(process.execPath, [tsc, '-p', config, '--listFiles'], { cwd: project });
      // The declarations came from the installed package, CommonJS ones for the .cts file.
      expect(listed, config).toMatch(/node_modules\/kernelcount\/dist\/index\.d\.ts/);
      if (config.includes('node16')) expect(listed).toMatch(/node_modules\/kernelcount\/dist\/cjs\/index\.d\.ts/);
    }
  }, SLOW);

  it('the kernelcount command evaluates an example scenario (through the bin link and npx)', () => {
    const example = 'node_modules/kernelcount/examples/linux-microservices.yaml';
    const viaBin = ok(process.execPath, ['node_modules/.bin/kernelcount', 'evaluate', example, '--format', 'csv'], { cwd: project });
    expect(viaBin).toBe(golden('linux-microservices.line-items.csv'));
    const viaNpx = ok('npx', ['--offline', '--no-install', 'kernelcount', 'evaluate', example, '--format', 'csv'], { cwd: project });
    expect(viaNpx).toBe(viaBin);
  }, SLOW);
});
