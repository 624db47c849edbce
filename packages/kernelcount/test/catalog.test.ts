// The catalog as data: every entry sourced and dated, named versions where sources disagree,
// selection of a version from a scenario, and the assumptions an evaluation reports.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/catalog.js';
import { CatalogView, entryVersion, versionNames } from '../src/catalog/tracker.js';
import type { CatalogEntry } from '../src/catalog/types.js';
import { evaluate } from '../src/evaluate.js';
import { isKernelcountError } from '../src/errors.js';
import { baseScenario, TODAY } from './helpers.js';

const entries = Object.values(CATALOG) as CatalogEntry[];

describe('catalog entries', () => {
  it.each(entries.map((e) => [e.id, e] as const))('%s has a label, unit, source, as-of date and trust', (id, e) => {
    expect(e.id).toBe(id);
    expect(e.label.length).toBeGreaterThan(5);
    expect(e.unit.length).toBeGreaterThan(0);
    expect(e.source.title.length).toBeGreaterThan(10);
    expect(e.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    expect(['vendor', 'secondary', 'weak']).toContain(e.trust);
    for (const [name, v] of Object.entries(e.versions ?? {})) {
      expect(name).not.toBe(e.version);
      expect(v.asOf).toMatch(/^\d{4}-\d{2}/);
      expect(typeof v.value).toBe(typeof e.value);
    }
  });

  it('keeps both figures where sources disagree (FACTS.md section 6)', () => {
    expect(versionNames(CATALOG['k8s.gdc.baseMemoryMiB'])).toEqual(['1.6+', '1.3-1.5']);
    expect(entryVersion(CATALOG['k8s.gdc.baseMemoryMiB'], '1.3-1.5')!.value).toBe(280);
    expect(CATALOG['k8s.gdc.baseMemoryMiB'].value).toBe(330);
    expect(entryVersion(CATALOG['hypervisor.firecracker.vmmMiB'], 'target-2018-02')!.value).toBe(32);
    expect(CATALOG['hypervisor.firecracker.vmmMiB'].value).toBe(5);
    expect((entryVersion(CATALOG['hypervisor.kubevirt.formula'], '2018')!.value as { fixedMiB: number }).fixedMiB).toBe(64);
    expect(CATALOG['hypervisor.kubevirt.formula'].value.fixedMiB).toBe(220);
    expect(entryVersion(CATALOG['licence.windows-server-datacenter'], '2025')!.value).toBe('6771');
    expect(CATALOG['licence.windows-server-datacenter'].value).toBe('6155');
    expect(versionNames(CATALOG['controlPlane.gke.monthlyCredit'])).toEqual(['credit', 'one-free-zonal-2020']);
  });
});

describe('CatalogView versions', () => {
  it('returns the scenario-selected version and records it with its alternatives', () => {
    const v = new CatalogView({}, TODAY, { 'licence.windows-server-standard': '2025' });
    expect(v.get('licence.windows-server-standard')).toBe('1176');
    const a = v.assumptions()[0]!;
    expect(a.version).toBe('2025');
    expect(a.alternatives).toEqual(['2022']);
    expect(a.trust).toBe('weak');
    expect(a.flags).toContain('weak');
  });
  it('lets a rule ask for a version by name, and records each version used separately', () => {
    const v = new CatalogView({}, TODAY);
    expect(v.get('k8s.gdc.baseMemoryMiB', '1.3-1.5')).toBe(280);
    expect(v.get('k8s.gdc.baseMemoryMiB')).toBe(330);
    expect(v.assumptions().map((a) => a.version)).toEqual(['1.3-1.5', '1.6+']);
  });
  it('an override replaces every version and is marked as the user\'s', () => {
    const v = new CatalogView({ 'k8s.gdc.baseMemoryMiB': 300 }, TODAY, { 'k8s.gdc.baseMemoryMiB': '1.3-1.5' });
    expect(v.get('k8s.gdc.baseMemoryMiB')).toBe(300);
    expect(v.assumptions()[0]!.trust).toBe('user');
  });
  it('flags defaults older than 18 months and weak ones', () => {
    const v = new CatalogView({}, '2026-11-22');
    v.get('hypervisor.firecracker.vmmMiB');
    v.get('licence.windows-server-payg');
    const [fc, payg] = v.assumptions();
    expect(fc!.flags).toEqual(['stale']); // 2018-08
    expect(payg!.flags).toEqual(['stale', 'weak']); // 2023-11, weak
  });
});

describe('catalogVersions in a scenario', () => {
  it('prices Windows Server at the 2025 figures when selected', () => {
    const s = {
      ...baseScenario(),
      workloads: [{ name: 'w', os: 'windows', instances: 2, vcpus: 2, memoryGiB: 4 }],
      platforms: [{ type: 'vm', windowsLicensing: 'standard', hypervisorLicence: 'none' }],
    };
    const at = (versions?: Record<string, string>) =>
      evaluate(versions ? { ...s, catalogVersions: versions } : s, { today: TODAY }).platforms[0]!.lineItems.find((l) => l.component === 'windows-server')!;
    // 1069 / 16 / 5 years per core-year vs 1176 / 16 / 5
    expect(at().unitPrice.toString()).toBe('13.3625');
    expect(at({ 'licence.windows-server-standard': '2025' }).unitPrice.toString()).toBe('14.7');
  });
  it('uses the GDC 1.3-1.5 base when selected: 50 MiB less kube-reserved per node', () => {
    const s = { ...baseScenario(), platforms: [{ type: 'containers', reservation: 'gdc' }] };
    const pool = (v?: Record<string, string>) => evaluate(v ? { ...s, catalogVersions: v } : s, { today: TODAY }).platforms[0]!.pools[0]!;
    expect(pool().usablePerHost.memoryMiB).toBeLessThan(pool({ 'k8s.gdc.baseMemoryMiB': '1.3-1.5' }).usablePerHost.memoryMiB);
  });
  it('rejects an unknown id or version with the path and the choices', () => {
    const bad = (v: unknown) => {
      try {
        evaluate({ ...baseScenario(), catalogVersions: v }, { today: TODAY });
      } catch (e) {
        if (isKernelcountError(e)) return e.issues.map((i) => `${i.path}:${i.code}:${i.message}`);
      }
      return [];
    };
    expect(bad({ 'power.pue': '2023' })[0]).toMatch(/^catalogVersions\["power\.pue"\]:unknown_key/);
    expect(bad({ 'k8s.gdc.baseMemoryMiB': '1.7' })[0]).toMatch(/^catalogVersions\["k8s\.gdc\.baseMemoryMiB"\]:unknown_value:.*1\.6\+.*1\.3-1\.5/);
    expect(bad('2025')[0]).toMatch(/^catalogVersions:invalid_type/);
  });
});
