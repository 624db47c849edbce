// The one-file bundles (dist/browser/) for places without npm: the global-script file run in a bare
// JavaScript realm (no require, process, fetch, Buffer or any Node built-in, like a spreadsheet
// scripting sandbox), the ES module file imported by URL; both must give the golden figures of every
// example. Needs the built package (npm run build; `npm test` builds first).
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TODAY, exampleFiles, loadExample, pkgRoot } from './helpers.js';

const ESM_FILE = path.join(pkgRoot, 'dist/browser/kernelcount.mjs');
const GLOBAL_FILE = path.join(pkgRoot, 'dist/browser/kernelcount.global.js');

function golden(name: string): string {
  return readFileSync(path.join(pkgRoot, 'test/golden', name), 'utf8');
}

/**
 * The 5-year TCO of each platform as the golden table prints it: the last figure of the `total`
 * row under each `== name (type) ...` heading, without thousands separators.
 */
function goldenTcos(example: string): Record<string, string> {
  const tcos: Record<string, string> = {};
  let platform = '';
  for (const line of golden(`${example}.table.txt`).split('\n')) {
    const heading = /^== (\S+) \(/.exec(line);
    if (heading) platform = heading[1]!;
    const total = /^ {3}total\s.*\$([\d,]+\.\d\d)$/.exec(line);
    if (total && platform) {
      tcos[platform] = total[1]!.replace(/,/g, '');
      platform = '';
    }
  }
  return tcos;
}

type Api = Record<string, (...args: unknown[]) => unknown>;

describe('browser bundle: the global-script file in a bare JavaScript realm', () => {
  let context: vm.Context;

  beforeAll(() => {
    expect(existsSync(GLOBAL_FILE), 'build the package first (npm run build)').toBe(true);
    // A fresh realm has the language's own globals (Object, JSON, Intl, ...) and nothing of Node.
    context = vm.createContext({});
    new vm.Script(readFileSync(GLOBAL_FILE, 'utf8'), { filename: 'kernelcount.global.js' }).runInContext(context);
  });

  const inRealm = (code: string, values: Record<string, unknown> = {}) => {
    Object.assign(context, values);
    return vm.runInContext(code, context);
  };

  it('runs with no Node globals and defines globalThis.kernelcount', () => {
    expect(inRealm('[typeof require, typeof process, typeof fetch, typeof Buffer, typeof module, typeof setTimeout]')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
    expect(inRealm('typeof globalThis.kernelcount')).toBe('object');
    for (const name of ['evaluate', 'safeEvaluate', 'parseScenarioText', 'project', 'monteCarlo', 'sensitivity', 'breakEven', 'formatMoney', 'formatTable']) {
      expect(inRealm(`typeof kernelcount[${JSON.stringify(name)}]`), name).toBe('function');
    }
  });

  const examples = exampleFiles();
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of examples) {
    const name = file.replace(/\.yaml$/, '');
    it(`${name}: evaluate on a plain object gives the golden TCOs`, () => {
      const expected = goldenTcos(name);
      expect(Object.keys(expected).length, 'TCOs found in the golden table').toBeGreaterThanOrEqual(2);
      // The scenario as an object made inside the realm, as a spreadsheet script would build it.
      const got = inRealm(
        `(() => {
           const e = kernelcount.evaluate(JSON.parse(scenarioJson), { today: today });
           return JSON.stringify(Object.fromEntries(e.platforms.map((p) => [p.name, p.tco.toFixed(2)])));
         })()`,
        { scenarioJson: JSON.stringify(loadExample(file)), today: TODAY },
      );
      expect(JSON.parse(got)).toEqual(expected);
    });

    it(`${name}: YAML text parsed and rendered inside the realm matches the golden table`, () => {
      const table = inRealm('kernelcount.formatTable(kernelcount.evaluate(kernelcount.parseScenarioText(yamlText), { today: today }))', {
        yamlText: readFileSync(path.join(pkgRoot, 'examples', file), 'utf8'),
        today: TODAY,
      });
      expect(table).toBe(golden(`${name}.table.txt`));
    });
  }

  it('the README example (a spreadsheet script calling kernelcount.evaluate) runs and gives what the README says', () => {
    const readme = readFileSync(path.join(pkgRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Without npm: one file'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    const documented = /`kernelcountTco\(\)` gives `([^`]+)`/.exec(section)?.[1];
    expect(code, 'example code in the README').toBeTruthy();
    expect(documented, 'documented result in the README').toBeTruthy();
    vm.runInContext(code!, context);
    expect(JSON.parse(inRealm('JSON.stringify(kernelcountTco())'))).toEqual(JSON.parse(documented!));
  });

  it('bad input gives the package error with a path, not a crash', () => {
    const r = inRealm(
      `(() => {
         const r = kernelcount.safeEvaluate({ hosts: [], workloads: 'none' });
         if (r.ok) return JSON.stringify({ ok: true });
         return JSON.stringify({ ok: false, name: r.error.name, isOurs: kernelcount.isKernelcountError(r.error), paths: r.error.issues.map((i) => i.path) });
       })()`,
    );
    const parsed = JSON.parse(r);
    expect(parsed.ok).toBe(false);
    expect(parsed.name).toBe('KernelcountError');
    expect(parsed.isOurs).toBe(true);
    expect(parsed.paths).toContain('workloads');
  });
});

describe('browser bundle: the ES module file imported by URL', () => {
  let api: Api;

  beforeAll(async () => {
    expect(existsSync(ESM_FILE), 'build the package first (npm run build)').toBe(true);
    api = (await import(/* @vite-ignore */ pathToFileURL(ESM_FILE).href)) as Api;
  });

  for (const file of exampleFiles()) {
    const name = file.replace(/\.yaml$/, '');
    it(`${name}: evaluate gives the golden TCOs and table`, () => {
      const scenario = api.parseScenarioText!(readFileSync(path.join(pkgRoot, 'examples', file), 'utf8'));
      const e = api.evaluate!(scenario, { today: TODAY }) as { platforms: { name: string; tco: { toFixed(n: number): string } }[] };
      expect(Object.fromEntries(e.platforms.map((p) => [p.name, p.tco.toFixed(2)]))).toEqual(goldenTcos(name));
      expect(api.formatTable!(e)).toBe(golden(`${name}.table.txt`));
    });
  }
});

describe('browser bundle: self-contained files', () => {
  const builtins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
  const quoted = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // `require("fs")`, `import("node:path")`, `from"os"`, `from "node:fs/promises"` and the like.
  const builtinSpecifier = new RegExp(`(?:require\\s*\\(|import\\s*\\(|from\\s*)\\s*["'\`](?:node:)?(?:${builtins.map(quoted).join('|')})(?:/[^"'\`]*)?["'\`]`);

  for (const file of [ESM_FILE, GLOBAL_FILE]) {
    it(`${path.basename(file)} names no Node built-in and imports nothing`, () => {
      const code = readFileSync(file, 'utf8');
      expect(code.match(builtinSpecifier)?.[0]).toBeUndefined();
      expect(code.match(/["'`]node:[a-z_/]+["'`]/)?.[0]).toBeUndefined();
      // Nothing left to load: no require of any kind and no import statement of another module.
      expect(code.match(/\brequire\s*\(/)?.[0]).toBeUndefined();
      expect(code.match(/(?:^|[;}\s])import\s*[{*"'\w]/m)?.[0]).toBeUndefined();
    });
  }

  it('the pattern catches what it is meant to catch', () => {
    for (const bad of ['require("fs")', "require('node:path')", 'import("os")', 'from"node:fs/promises"', 'from "crypto"']) {
      expect(bad, bad).toMatch(builtinSpecifier);
    }
    expect('require("decimal.js")').not.toMatch(builtinSpecifier);
  });

  it('decimal.js and yaml are inside; exceljs and papaparse are not', () => {
    const code = readFileSync(ESM_FILE, 'utf8');
    // Messages each library raises itself.
    expect(code).toContain('[DecimalError]');
    expect(code).toMatch(/Implicit keys need to be on a single line|Nested mappings are not allowed/);
    expect(code).not.toMatch(/exceljs|papaparse|Papa\.parse/i);
  });
});
