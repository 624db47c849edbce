// The README's "Spreadsheets" section, run for real: the sweep script and the notebook cell against
// the built package (dist/), and the promise that `kernelcount` alone never loads exceljs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INIT_TEMPLATE } from '../src/cli/template.js';
import { evaluate } from '../src/evaluate.js';
import { formatMoney } from '../src/money.js';
import { parseScenarioText } from '../src/scenario/text.js';
import { pkgRoot } from './helpers.js';

const readme = readFileSync(path.join(pkgRoot, 'README.md'), 'utf8');

/** The fenced js block right after `<!-- spreadsheets: NAME -->` in the README. */
function readmeBlock(name: string): string {
  const marker = `<!-- spreadsheets: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no ${marker}`);
  const m = /```js\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!m) throw new Error(`no js block after ${marker}`);
  return m[1]!;
}

/** A directory where `import 'kernelcount'` resolves to this package, with the init scenario in it. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kc-sheets-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(pkgRoot, path.join(dir, 'node_modules', 'kernelcount'), 'dir');
  writeFileSync(path.join(dir, 'scenario.yaml'), INIT_TEMPLATE);
  return dir;
}

function runNode(dir: string, file: string) {
  return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
}

/** The CSV the README's sweep should write, computed here with evaluate() directly. */
function expectedSweep(): string {
  const scenario = parseScenarioText(INIT_TEMPLATE) as { workloads: Array<Record<string, unknown>> };
  const lines = ['instances,platform,hosts,binds on,tco,per instance-month'];
  for (const n of Array.from({ length: 100 }, (_, i) => (i + 1) * 10)) {
    const e = evaluate({ ...scenario, workloads: scenario.workloads.map((w, i) => (i === 0 ? { ...w, instances: n } : w)) });
    for (const p of e.platforms) lines.push([n, p.name, p.hosts, p.binding, formatMoney(p.tco), formatMoney(p.costPerInstanceMonth)].join(','));
  }
  return lines.join('\n') + '\n';
}

describe('README: spreadsheets as code', () => {
  let expected: string;
  beforeAll(() => {
    expect(existsSync(path.join(pkgRoot, 'dist/index.js')), 'build the package first (npm run build)').toBe(true);
    expected = expectedSweep();
  });

  it('the sweep script is about 20 lines and writes one row per size and platform, as evaluate() gives them', () => {
    const script = readmeBlock('sweep.mjs');
    expect(script.trim().split('\n').length).toBeLessThanOrEqual(22);
    const dir = project();
    writeFileSync(path.join(dir, 'sweep.mjs'), script);
    const r = runNode(dir, 'sweep.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('sweep.csv: 400 rows\n');
    const csv = readFileSync(path.join(dir, 'sweep.csv'), 'utf8');
    expect(csv).toBe(expected);
    // Hand-checkable shape: 100 sizes x 4 platforms, hosts never fall as the workload grows.
    const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(400);
    for (const platform of ['vm', 'containers', 'containers-in-vms', 'microvm']) {
      const hosts = rows.filter((r) => r[1] === platform).map((r) => Number(r[2]));
      expect(hosts).toHaveLength(100);
      expect(hosts.every((h, i) => i === 0 || h >= hosts[i - 1]!), platform).toBe(true);
    }
  });

  it('the notebook cell writes the same CSV (run under Node with Deno file functions stood in)', () => {
    const cell = readmeBlock('notebook cell');
    expect(cell).toContain("from 'npm:kernelcount'");
    const dir = project();
    const shim = `import { readFile, writeFile } from 'node:fs/promises';\nglobalThis.Deno = { readTextFile: (p) => readFile(p, 'utf8'), writeTextFile: (p, t) => writeFile(p, t) };\n`;
    writeFileSync(path.join(dir, 'cell.mjs'), shim + cell.replace("'npm:kernelcount'", "'kernelcount'"));
    const r = runNode(dir, 'cell.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'sweep.csv'), 'utf8')).toBe(expected);
  });
});

describe('entry points', () => {
  /** Bare module names reachable from a dist file through static imports. */
  function staticDependencies(entry: string): Set<string> {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else bare.add(spec);
      }
    };
    visit(path.join(pkgRoot, entry));
    return bare;
  }

  it('kernelcount never loads exceljs; kernelcount/xlsx does', () => {
    const main = staticDependencies('dist/index.js');
    expect(main.has('decimal.js')).toBe(true); // the walk does find dependencies
    expect([...main].filter((m) => m.startsWith('exceljs'))).toEqual([]);
    expect(staticDependencies('dist/report/xlsx.js').has('exceljs')).toBe(true);
  });

  it('kernelcount/xlsx resolves through the package exports', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'probe.mjs'), "import * as x from 'kernelcount/xlsx';\nconsole.log(Object.keys(x).sort().join(','));\n");
    const r = runNode(dir, 'probe.mjs');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('XLSX_SHEETS,scenarioWorkbook,scenarioXlsx');
    const pkg = JSON.parse(readFileSync(path.join(pkgRoot, 'package.json'), 'utf8'));
    expect(pkg.exports['./xlsx']).toEqual({
      import: { types: './dist/report/xlsx.d.ts', default: './dist/report/xlsx.js' },
      require: { types: './dist/cjs/report/xlsx.d.ts', default: './dist/cjs/report/xlsx.js' },
    });
    expect(existsSync(path.join(pkgRoot, 'dist/report/xlsx.d.ts'))).toBe(true);
  });
});
