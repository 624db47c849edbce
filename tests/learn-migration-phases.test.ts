/**
 * The hybrid article's migration chart: its copy of the VMware example is the package's example,
 * and the phase totals are the package's prices (labour pinned against the catalog's rule).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CATALOG, evaluate, money, parseScenarioText } from 'kernelcount';
import { EXAMPLE_WORKLOADS, exampleScenario, migrationModel, migrationPhases } from '../src/lib/learn/charts/migrationPhases';

const yaml = readFileSync(fileURLToPath(new URL('../packages/kernelcount/examples/vmware-to-kubernetes.yaml', import.meta.url)), 'utf8');

test("the chart's copy of the example evaluates exactly as the example file does", () => {
  const fromFile = evaluate(parseScenarioText(yaml));
  const fromCopy = evaluate(exampleScenario());
  expect(fromCopy.platforms.map((p) => [p.name, p.hosts, p.tco.toString()])).toEqual(fromFile.platforms.map((p) => [p.name, p.hosts, p.tco.toString()]));
});

test('the workloads match the example file one for one', () => {
  const file = parseScenarioText(yaml) as { workloads: unknown[] };
  expect(EXAMPLE_WORKLOADS).toEqual(file.workloads);
});

test('phase 0 is the example VMware platform, per year', () => {
  const phases = migrationModel(migrationPhases.defaults);
  const vmware = evaluate(exampleScenario()).platforms.find((p) => p.name === 'vmware')!;
  expect(phases[0]!.total.toString()).toBe(vmware.tco.div(5).toString());
});

test('labour today = 300 VM OS instances / 150 per admin + 4 hosts / 30 per admin, at $120,000 a year', () => {
  expect(CATALOG['labour.osInstancesPerAdmin'].value).toBe(150);
  expect(CATALOG['labour.physicalServersPerAdmin'].value).toBe(30);
  expect(CATALOG['labour.costPerAdminYear'].value).toBe('120000');
  const phases = migrationModel(migrationPhases.defaults);
  expect(phases[0]!.vm.hosts).toBe(4);
  expect(phases[0]!.perYear.labour.toString()).toBe(money(300).div(150).plus(money(4).div(30)).times(120000).toString());
});

test('the first cluster needs three control-plane nodes and a spare, whatever it runs', () => {
  const phases = migrationModel(migrationPhases.defaults);
  expect(phases[1]!.target!.binding).toBe('cluster-size');
  expect(phases[1]!.target!.hosts).toBe(3 + 1);
});

test('the services that need their own kernel never leave the VMs', () => {
  for (const phase of migrationModel({ ...migrationPhases.defaults, target: 'containers-in-vms' })) {
    expect(phase.vm.pools[0]!.workloads.map((w) => w.workload)).toContain('legacy-kernel-module');
    expect(phase.target?.pools[0]!.workloads.map((w) => w.workload) ?? []).not.toContain('legacy-kernel-module');
  }
});
