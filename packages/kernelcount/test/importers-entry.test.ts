// The importers live behind their own entry point, `kernelcount/importers`, so that code importing
// only `evaluate` from `kernelcount` never bundles the CSV and workbook parsers.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pkgRoot } from './helpers.js';

/** Every module reachable from `entry` through static imports and re-exports (what a bundler must include). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    // `import ... from 'x'`, `export ... from 'x'`, `import 'x'`; type-only imports vanish from the output.
    const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
    for (const m of text.matchAll(re)) {
      if (m[2]) continue;
      const spec = m[3]!;
      if (spec.startsWith('.')) todo.push(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('entry points', () => {
  it('kernelcount (evaluate and the rest) reaches neither the importers nor papaparse or exceljs', () => {
    const { files, packages } = staticGraph(path.join(pkgRoot, 'src/index.ts'));
    expect(files.size).toBeGreaterThan(20);
    expect([...files].filter((f) => f.includes(`${path.sep}importers${path.sep}`))).toEqual([]);
    expect([...packages].sort()).toEqual(['decimal.js', 'yaml']);
  });

  it('kernelcount/importers reaches papaparse statically and exceljs only through a dynamic import', () => {
    const { packages } = staticGraph(path.join(pkgRoot, 'src/importers/index.ts'));
    expect(packages.has('papaparse')).toBe(true);
    expect(packages.has('exceljs')).toBe(false);
    expect(readFileSync(path.join(pkgRoot, 'src/importers/sheet.ts'), 'utf8')).toContain("await import('exceljs')");
  });

  it('package.json exports kernelcount/importers with its types', () => {
    const pkg = JSON.parse(readFileSync(path.join(pkgRoot, 'package.json'), 'utf8'));
    expect(pkg.exports['./importers']).toEqual({
      import: { types: './dist/importers/index.d.ts', default: './dist/importers/index.js' },
      require: { types: './dist/cjs/importers/index.d.ts', default: './dist/cjs/importers/index.js' },
    });
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['papaparse', 'exceljs']));
  });

  it('the built entry resolves by its package name (after npm run build)', async () => {
    expect(existsSync(path.join(pkgRoot, 'dist/importers/index.d.ts'))).toBe(true);
    const mod = await import('kernelcount/importers');
    expect(Object.keys(mod).sort()).toEqual(
      expect.arrayContaining(['importRvtools', 'importRvtoolsCsv', 'importRvtoolsXlsx', 'importKubectl', 'parseQuantity', 'formatImportReport']),
    );
    const { scenario } = mod.importRvtoolsCsv('VM,Powerstate,CPUs,Memory,Provisioned MiB\na,poweredOn,1,2048,20480\n');
    expect(scenario.workloads).toHaveLength(1);
  });
});
