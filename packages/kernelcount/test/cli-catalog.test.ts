// `kernelcount catalog`: every default and rule, with versions and flags, in three formats.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/catalog.js';
import { cmdCatalog } from '../src/cli/catalog.js';
import { run } from '../src/cli/run.js';
import { RULES } from '../src/rules/registry.js';
import { memoryIo } from './helpers.js';


describe('kernelcount catalog', () => {
  it('is what `kernelcount catalog` runs', async () => {
    const viaRun = await run(['catalog', '--today', '2026-11-22'], memoryIo());
    expect(viaRun).toEqual(cmdCatalog(['--today', '2026-11-22']));
  });
  it('json lists every default (with flags and version names) and every rule', () => {
    const r = cmdCatalog(['--format', 'json', '--today', '2026-11-22']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.defaults.map((d: { id: string }) => d.id)).toEqual(Object.keys(CATALOG));
    expect(j.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.id));
    const gdc = j.defaults.find((d: { id: string }) => d.id === 'k8s.gdc.baseMemoryMiB');
    expect(gdc.versionNames).toEqual(['1.6+', '1.3-1.5']);
    expect(gdc.versions['1.3-1.5'].value).toBe(280);
    const fc = j.defaults.find((d: { id: string }) => d.id === 'hypervisor.firecracker.vmmMiB');
    expect(fc.flags).toEqual(['stale']);
  });
  it('csv has one row per default, per named version and per rule', () => {
    const rows = cmdCatalog(['--format', 'csv']).stdout.trim().split('\n');
    const versions = Object.values(CATALOG).reduce((a, e) => a + Object.keys((e as { versions?: object }).versions ?? {}).length, 0);
    expect(rows).toHaveLength(1 + Object.keys(CATALOG).length + versions + RULES.length);
    expect(rows[0]).toBe('kind,id,version,label,value,unit,source,url,asOf,trust,flags,note');
    expect(rows.some((r) => r.startsWith('version,licence.windows-server-standard,2025,'))).toBe(true);
    expect(rows.some((r) => r.startsWith('rule,licence/oracle-database-enterprise,'))).toBe(true);
  });
  it('--rules and --defaults narrow the listing; the table shows versions and sources', () => {
    const rules = cmdCatalog(['--rules']).stdout;
    expect(rules).toMatch(/^Rules \(\d+\)/);
    expect(rules).not.toMatch(/Defaults/);
    expect(rules).toMatch(/aks-reservation: AKS node reservation \(Kubernetes 1\.29 and later\)/);
    const defaults = cmdCatalog(['--defaults', '--today', '2026-11-22']).stdout;
    expect(defaults).toMatch(/k8s\.gdc\.baseMemoryMiB @1\.6\+ \(default\)/);
    expect(defaults).toMatch(/@1\.3-1\.5: 280 MiB/);
    expect(defaults).not.toMatch(/NaN|undefined/);
  });
  it('bad flags exit 2 with the flag named', () => {
    expect(cmdCatalog(['--format', 'xml']).stderr).toMatch(/--format: must be one of table, json, csv/);
    expect(cmdCatalog(['--today', '22/11/2026']).stderr).toMatch(/--today: must be a date YYYY-MM-DD/);
    expect(cmdCatalog(['--rules', '--defaults']).code).toBe(2);
    expect(cmdCatalog(['extra']).stderr).toMatch(/extra: catalog takes no arguments/);
  });
});
