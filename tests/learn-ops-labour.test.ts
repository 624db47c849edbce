/**
 * The operations article's labour chart, pinned against the catalog's ratios: hosts per admin,
 * OS instances per admin and the cost of an admin, as the package's labour line items use them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CATALOG, parseScenarioText } from 'kernelcount';
import { labourRows, opsLabour, opsLabourFigures, opsLabourScenario, OS_PER_ADMIN_DEFAULT } from '../src/lib/learn/charts/opsLabour';
import { run } from '../src/lib/learn/charts/common';

const PER_HOST = Number(CATALOG['labour.physicalServersPerAdmin'].value);
const PER_OS = Number(CATALOG['labour.osInstancesPerAdmin'].value);
const COST = Number(CATALOG['labour.costPerAdminYear'].value);

describe('catalog ratios (Gartner 2010 via secondary sources)', () => {
  test('30 physical servers and 150 OS instances per admin, 120,000 a year each', () => {
    expect(PER_HOST).toBe(30);
    expect(PER_OS).toBe(150);
    expect(COST).toBe(120000);
    expect(OS_PER_ADMIN_DEFAULT).toBe(PER_OS);
  });
});

describe('labour lines', () => {
  const rows = labourRows(run(opsLabourScenario(400, PER_OS)));
  const by = (t: string) => rows.find((r) => r.type === t)!;

  test('VMs: hosts / 30 plus one OS instance per VM / 150, at the cost per admin', () => {
    const vm = by('vm');
    expect(vm.osInstances).toBe(400);
    expect(vm.osAdmins).toBeCloseTo(400 / 150, 10);
    expect(vm.hostAdmins).toBeCloseTo(vm.hosts / 30, 10);
    expect(vm.labourPerYear).toBeCloseTo((vm.hosts / 30 + 400 / 150) * 120000, 4);
  });

  test('bare-metal containers and micro-VMs pay for hosts only', () => {
    for (const t of ['containers', 'microvm']) {
      const r = by(t);
      expect(r.osInstances).toBe(0);
      expect(r.osAdmins).toBe(0);
      expect(r.labourPerYear).toBeCloseTo((r.hosts / 30) * 120000, 4);
    }
  });

  test('containers in VMs pay for node VMs, not for pods', () => {
    const r = by('containers-in-vms');
    expect(r.osInstances).toBeGreaterThan(0);
    expect(r.osInstances).toBeLessThan(400);
    expect(r.labourPerYear).toBeCloseTo((r.hosts / 30 + r.osInstances / 150) * 120000, 4);
  });

  test('the ratio slider overrides the catalog: 500 per admin gives 0.8 admins for 400 VMs', () => {
    const vm = labourRows(run(opsLabourScenario(400, 500))).find((r) => r.type === 'vm')!;
    expect(vm.osAdmins).toBeCloseTo(0.8, 10);
  });
});

describe('chart and prose', () => {
  test('the takeaway names the fleet, the ratio and the VMs labour', () => {
    const c = opsLabour.compute(opsLabour.defaults);
    const f = opsLabourFigures();
    expect(c.summary).toContain('400 instances');
    expect(c.summary).toContain('150 OS instances');
    expect(c.summary).toContain(f.vmLabour);
    expect(c.labels.at(-1)).toBe('400');
  });

  test('the article scenario file is the chart scenario at its defaults', () => {
    const file = fileURLToPath(new URL('../content/learn/scenarios/operations.yaml', import.meta.url));
    const s = parseScenarioText(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const mine = opsLabourScenario(opsLabour.defaults.instances, opsLabour.defaults.osPerAdmin);
    expect(s['hosts']).toEqual(mine.hosts);
    expect(s['workloads']).toEqual(mine.workloads);
    expect(s['platforms']).toEqual(mine.platforms);
    expect(s['catalog']).toEqual(mine.catalog);
  });
});
