import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TODAY, pkgRoot } from '../../test/helpers.js';
import { parseScenarioText } from '../scenario/text.js';
import { listInputs } from './paths.js';
import { CATALOG } from '../catalog/catalog.js';
import { getInput, isPriceCatalogId, resolveInputPath, setInput, type InputPath } from './uncertaintyPaths.js';

function scenario(): Record<string, unknown> {
  return {
    hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
    workloads: [
      { name: 'api', instances: 24, vcpus: 0.5, memoryGiB: 1 },
      { name: 'db', instances: 2, cpuMillicores: 4000, memoryMiB: 16384, licences: [{ product: 'sql-server-standard' }, { name: 'backup agent', pricePerInstanceYear: 120 }] },
      { name: '7', instances: 1, vcpus: 1, memoryGiB: 1 },
    ],
    prices: { electricityPerKWh: 0.12 },
    catalog: { 'licence.vcf': 300 },
  };
}

function ok(path: string, s: unknown = scenario()): InputPath {
  const r = resolveInputPath(s, path);
  if (!('canonical' in r)) throw new Error(`${path}: ${r.message}`);
  return r;
}

function problem(path: string, s: unknown = scenario()): string {
  const r = resolveInputPath(s, path);
  if ('canonical' in r) throw new Error(`${path} resolved to ${r.canonical}`);
  return `${r.message} [${r.code}]`;
}

describe('resolveInputPath', () => {
  it('finds list items by index, by name and by quoted name', () => {
    expect(ok('workloads[api].instances')).toMatchObject({ path: 'workloads[api].instances', canonical: 'workloads[0].instances', integer: true, affects: 'sizing', target: null });
    expect(ok('workloads[1].memoryMiB').canonical).toBe('workloads[1].memoryMiB');
    // A name made of digits is an index unless quoted.
    expect(ok('workloads["7"].instances').canonical).toBe('workloads[2].instances');
    expect(ok('hosts[r760].memoryGiB')).toMatchObject({ canonical: 'hosts[0].memoryGiB', integer: false });
  });

  it('tells price inputs, which go straight into pricing, from sizing inputs', () => {
    expect(ok('hosts[0].price')).toMatchObject({ affects: 'price', target: { kind: 'host', host: 0, field: 'price' } });
    expect(ok('hosts[0].powerMaxW').target).toEqual({ kind: 'host', host: 0, field: 'powerMaxW' });
    expect(ok('hosts[0].sockets')).toMatchObject({ affects: 'sizing', integer: true });
    expect(ok('prices.electricityPerKWh')).toMatchObject({ affects: 'price', target: { kind: 'catalog', id: 'power.pricePerKWh' }, issuePath: 'prices.electricityPerKWh' });
    expect(ok('prices.amortizationYears')).toMatchObject({ integer: true, target: { kind: 'catalog', id: 'hardware.amortizationYears' } });
    expect(ok('prices.licences.windows-server-datacenter').target).toEqual({ kind: 'catalog', id: 'licence.windows-server-datacenter' });
    expect(ok('workloads[db].licences[1].pricePerInstanceYear').target).toEqual({ kind: 'flat-licence', workload: 1, licence: 1 });
    expect(ok('policy.cpuOvercommit')).toMatchObject({ affects: 'sizing', integer: false });
    expect(ok('policy.ha.spareHosts')).toMatchObject({ affects: 'sizing', integer: true });
  });

  it('reads catalog ids with dots, whole or quoted, and fields of object entries', () => {
    expect(ok('catalog.licence.vcf')).toMatchObject({ canonical: 'catalog.licence.vcf', issuePath: 'catalog["licence.vcf"]', affects: 'price', target: { kind: 'catalog', id: 'licence.vcf' } });
    expect(ok('catalog["licence.vvf"]').canonical).toBe('catalog.licence.vvf');
    expect(ok('catalog.k8s.nodeVm.vcpus')).toMatchObject({ canonical: 'catalog.k8s.nodeVm.vcpus', issuePath: 'catalog["k8s.nodeVm"].vcpus', integer: true, affects: 'sizing' });
    expect(ok('catalog.k8s.nodeVm.memoryGiB').integer).toBe(false);
    // Memory in MiB is counted in whole MiB.
    expect(ok('catalog.guestOs.linux.memoryMiB')).toMatchObject({ integer: true, affects: 'sizing' });
    expect(ok('catalog.power.pue')).toMatchObject({ integer: false, affects: 'price' });
  });

  it('reaches the default platforms when the scenario lists none, by type name', () => {
    expect(ok('platforms[vm].cpuOvercommit').canonical).toBe('platforms[0].cpuOvercommit');
    expect(ok('platforms[containers-in-vms].nodeVm.vcpus')).toMatchObject({ canonical: 'platforms[2].nodeVm.vcpus', integer: true });
    expect(ok('platforms[microvm].podOverhead.memoryMiB').integer).toBe(true);
  });

  it('says why a path names no input', () => {
    expect(problem('workloads[web].instances')).toBe('no workload named "web"; workloads are "api", "db", "7" [unknown_key]');
    expect(problem('workloads[5].instances')).toBe('workloads[5] does not exist: the scenario has 3 workloads [unknown_key]');
    expect(problem('workloads[api].colour')).toMatch(/^workloads\[\.\.\.\] takes a numeric field: instances, vcpus, cpuMillicores, memoryGiB, memoryMiB, storageGiB, imageMiB/);
    expect(problem('workloads.instances')).toBe('name one of workloads by index or name, e.g. workloads[0] or workloads[name] [unknown_key]');
    expect(problem('workloads[api].memoryMiB')).toBe('workloads[0] gives memoryGiB; give the range on workloads[0].memoryGiB [conflict]');
    expect(problem('workloads[db].vcpus')).toBe('workloads[1] gives cpuMillicores; give the range on workloads[1].cpuMillicores [conflict]');
    expect(problem('workloads[db].licences[0].pricePerInstanceYear')).toBe('only the pricePerInstanceYear of a licence given by name and price can vary [unknown_key]');
    expect(problem('platforms[vm].maxPods')).toBe('a vm platform takes a numeric field: cpuOvercommit, memoryOvercommit, perVmOverheadMiB [unknown_key]');
    expect(problem('catalog.licence.nope')).toBe('"licence.nope" is not a catalog id; `kernelcount catalog` lists them [unknown_key]');
    expect(problem('catalog.policy.ha')).toBe('catalog.policy.ha is an object; range one of its fields: catalog.policy.ha.spareHosts [unknown_key]');
    expect(problem('catalog.hypervisor.esxi-6.7.overheadTable')).toBe('catalog.hypervisor.esxi-6.7.overheadTable is not a number [unknown_key]');
    expect(problem('catalog.power.pricePerKWh')).toBe('the scenario sets this figure under prices.electricityPerKWh; give the range on prices.electricityPerKWh [conflict]');
    expect(problem('prices.licences.vcf')).toBe('the scenario sets catalog.licence.vcf; give the range on catalog.licence.vcf [conflict]');
    expect(problem('prices.licences.oracle-db')).toMatch(/^prices\.licences takes a product: windows-server-standard, /);
    expect(problem('horizonYears')).toBe('must start with hosts, workloads, platforms, policy, prices or catalog [unknown_key]');
    expect(problem('hosts[0')).toBe('"[" at character 6 is not closed [unknown_key]');
    expect(problem('hosts[0]..price')).toBe('expected a field name after "." at character 9 [unknown_key]');
    expect(problem('9lives')).toMatch(/^must start with a field name/);
    expect(problem('policy.ha.spareHosts', { ...scenario(), policy: { ha: { reservePercent: 20 } } })).toBe('policy.ha gives reservePercent; give the range on policy.ha.reservePercent [conflict]');
    expect(problem('prices.pue', null)).toBe('the scenario is not an object [unknown_key]');
  });

  it('counts every catalog id it calls a price among those only pricing reads', () => {
    const priceIds = Object.keys(CATALOG).filter(isPriceCatalogId);
    expect(priceIds).toContain('power.pricePerKWh');
    expect(priceIds).toContain('licence.vvf');
    expect(priceIds).not.toContain('host.powerIdleW'); // a default the validator fills into hosts
    expect(priceIds).toContain('carbon.gridIntensity'); // read by evaluate for CO2e, never by sizing
    expect(priceIds.every((id) => /^(power|facilities|labour|hardware|licence|controlPlane|carbon)\./.test(id))).toBe(true);
  });
});

describe('getInput and setInput', () => {
  it('read what the scenario gives, or the catalog value in use', () => {
    const s = scenario();
    expect(getInput(s, ok('workloads[api].instances'))).toBe(24);
    expect(getInput(s, ok('prices.electricityPerKWh'))).toBe(0.12);
    expect(getInput(s, ok('catalog.licence.vcf'))).toBe(300);
    expect(getInput(s, ok('catalog.licence.vvf'))).toBe(Number(CATALOG['licence.vvf'].value));
    expect(getInput(s, ok('catalog.k8s.nodeVm.vcpus'))).toBe(CATALOG['k8s.nodeVm'].value.vcpus);
    expect(getInput(s, ok('policy.cpuOvercommit'))).toBeUndefined();
  });

  it('copy only the path to the field and leave the scenario as it was', () => {
    const s = scenario();
    const before = JSON.stringify(s);
    const t = setInput(s, ok('workloads[api].instances'), 30) as { workloads: Array<{ instances: number }>; hosts: unknown };
    expect(t.workloads[0]!.instances).toBe(30);
    expect(JSON.stringify(s)).toBe(before);
    expect(t.hosts).toBe(s.hosts); // untouched branches are shared
    expect(t.workloads[1]).toBe((s.workloads as unknown[])[1]);
  });

  it('create the objects a path needs: policy, prices, default platforms, a whole catalog entry', () => {
    const s = scenario();
    expect(setInput(s, ok('policy.targetUtilization.cpu'), 0.7).policy).toEqual({ targetUtilization: { cpu: 0.7 } });
    expect(setInput(s, ok('prices.licences.vvf'), 150).prices).toEqual({ electricityPerKWh: 0.12, licences: { vvf: 150 } });
    expect(setInput(s, ok('platforms[vm].cpuOvercommit'), 2).platforms).toEqual([{ type: 'vm', cpuOvercommit: 2 }, { type: 'containers' }, { type: 'containers-in-vms' }, { type: 'microvm' }]);
    const nodeVm = CATALOG['k8s.nodeVm'].value;
    expect((setInput(s, ok('catalog.k8s.nodeVm.vcpus'), 16).catalog as Record<string, unknown>)['k8s.nodeVm']).toEqual({ ...nodeVm, vcpus: 16 });
    // Two fields of one entry: the second starts from the first.
    const both = setInput(setInput(s, ok('catalog.k8s.nodeVm.vcpus'), 16), ok('catalog.k8s.nodeVm.memoryGiB'), 48);
    expect((both.catalog as Record<string, unknown>)['k8s.nodeVm']).toEqual({ ...nodeVm, vcpus: 16, memoryGiB: 48 });
  });
});

describe('the same paths as the decision tools', () => {
  // Ranges and break-even/sensitivity name inputs the same way: every input `listInputs` offers
  // (the horizon aside, which takes no range) resolves here to the same value.
  it.each(['linux-microservices', 'windows-lob-sql', 'vmware-to-kubernetes'])('%s: every listed input takes a range', (name) => {
    const s = parseScenarioText(readFileSync(path.join(pkgRoot, 'examples', `${name}.yaml`), 'utf8'));
    const inputs = listInputs(s, { today: TODAY }).filter((i) => i.path !== 'horizonYears');
    expect(inputs.length).toBeGreaterThan(50);
    for (const i of inputs) {
      const r = resolveInputPath(s, i.path);
      if ('code' in r) throw new Error(`${i.path}: ${r.message}`);
      const v = getInput(s, r);
      if (v !== undefined) expect([i.path, String(v)]).toEqual([i.path, i.value.toString()]);
    }
  });
});
