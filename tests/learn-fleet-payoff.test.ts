/**
 * The FAQ's payoff chart: small Kubernetes clusters are dear because of their minimum size (three
 * control-plane nodes plus the spare host), and with labour left out no labour line is priced.
 */
import { expect, test } from 'vitest';
import { CATALOG } from 'kernelcount';
import { FLEET_SIZES, fleetPayoff, fleetPayoffModel, payoffFrom } from '../src/lib/learn/charts/fleetPayoff';

test('the smallest bare-metal cluster is three control-plane nodes plus one spare host', () => {
  expect((CATALOG['policy.ha'].value as { spareHosts: number }).spareHosts).toBe(1);
  const first = fleetPayoffModel(fleetPayoff.defaults)[0]!;
  expect(first.instances).toBe(FLEET_SIZES[0]);
  expect(first.byType['containers']!.binding).toBe('cluster-size');
  expect(first.byType['containers']!.hosts).toBe(3 + 1);
  // A VM platform has no such floor: one host carrying load and the spare.
  expect(first.byType['vm']!.hosts).toBe(1 + 1);
});

test('with labour left out, no labour line is priced', () => {
  for (const pt of fleetPayoffModel({ ...fleetPayoff.defaults, labour: 'left-out' })) {
    for (const p of Object.values(pt.byType)) expect(p.costByCategory.labour.isZero()).toBe(true);
  }
});

test('cost per instance-month is the TCO over instances x 60 months', () => {
  for (const pt of fleetPayoffModel(fleetPayoff.defaults)) {
    for (const p of Object.values(pt.byType)) expect(p.costPerInstanceMonth.toString()).toBe(p.tco.div(pt.instances * 60).toString());
  }
});

test('containers pay off from a fleet size, and stay cheaper beyond it', () => {
  const pts = fleetPayoffModel(fleetPayoff.defaults);
  const from = payoffFrom(pts)!;
  expect(from).toBeGreaterThan(FLEET_SIZES[0]);
  for (const pt of pts.filter((x) => x.instances >= from)) {
    expect(pt.byType['containers']!.costPerInstanceMonth.lessThan(pt.byType['vm']!.costPerInstanceMonth)).toBe(true);
  }
});

test("the FAQ's calculator scenario uses the chart's node VM size and the reference host", async () => {
  const { readFileSync } = await import('node:fs');
  const { parseScenarioText } = await import('kernelcount');
  const { nodeVmFor } = await import('../src/lib/learn/charts/nestedStack');
  const { REFERENCE_HOST } = await import('../src/lib/learn/charts/common');
  const s = parseScenarioText(readFileSync(new URL('../content/learn/scenarios/faq.yaml', import.meta.url), 'utf8')) as {
    hosts: Array<Record<string, unknown>>;
    platforms: Array<Record<string, unknown>>;
  };
  expect(s.platforms.find((x) => x['type'] === 'containers-in-vms')!['nodeVm']).toEqual(nodeVmFor(4));
  expect(s.hosts[0]).toEqual(REFERENCE_HOST);
});
