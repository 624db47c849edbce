// evaluate() prices licences through the engine; these check the platform -> licence usage mapping
// with figures worked out by hand from the vendors' rules.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { isKernelcountError } from '../src/errors.js';
import { sumMoney } from '../src/money.js';
import { TODAY } from './helpers.js';

const host = { name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 4000, price: 20000 };

function run(s: Record<string, unknown>) {
  return evaluate({ hosts: [host], ...s }, { today: TODAY });
}

function issues(s: Record<string, unknown>): string[] {
  try {
    run(s);
  } catch (e) {
    if (isKernelcountError(e)) return e.issues.map((i) => `${i.path}:${i.code}`);
    throw e;
  }
  throw new Error('expected invalid input');
}

describe('licences in evaluate', () => {
  it('Windows per VM: each VM licenses max(vCPUs, 8) cores and pays the required Software Assurance', () => {
    const e = run({
      workloads: [
        { name: 'small', os: 'windows', instances: 3, vcpus: 2, memoryGiB: 4 },
        { name: 'big', os: 'windows', instances: 1, vcpus: 12, memoryGiB: 16 },
      ],
      platforms: [{ type: 'vm', windowsLicensing: 'per-vm', hypervisorLicence: 'none' }],
    });
    const win = e.platforms[0]!.lineItems.filter((l) => l.component === 'windows-server');
    // 3 x 8 + 12 = 36 cores, licence and assurance
    expect(win.map((l) => l.quantity.toNumber())).toEqual([36, 36]);
    expect(win[1]!.name).toMatch(/Software Assurance/);
  });

  it('Software Assurance on optional options only when the scenario asks for it', () => {
    const base = { workloads: [{ name: 'w', os: 'windows', instances: 2, vcpus: 2, memoryGiB: 4 }], platforms: [{ type: 'vm', hypervisorLicence: 'none' }], prices: { licences: { 'windows-server-standard': 1069 } } };
    const without = run(base).platforms[0]!.lineItems.filter((l) => l.component === 'windows-server');
    const e = run({ ...base, licensing: { softwareAssurance: true } });
    const withSa = e.platforms[0]!.lineItems.filter((l) => l.component === 'windows-server');
    expect(without).toHaveLength(1);
    expect(withSa).toHaveLength(2);
    // 25% of 1069 / 16 per core a year on the same 32 cores of every host (load and spare)
    expect(withSa[1]!.quantity.toNumber()).toBe(32 * e.platforms[0]!.hosts);
    expect(withSa[1]!.unitPrice.toString()).toBe('16.703125');
  });

  it('Oracle in VMs licenses every core of every host in the cluster and warns about soft partitioning', () => {
    const e = run({
      workloads: [
        { name: 'ora', instances: 1, vcpus: 2, memoryGiB: 16, licences: [{ product: 'oracle-database-enterprise' }] },
        { name: 'app', instances: 40, vcpus: 2, memoryGiB: 8 },
      ],
      platforms: [{ type: 'vm', hypervisorLicence: 'none' }],
      policy: { ha: { spareHosts: 1 } },
    });
    const vm = e.platforms[0]!;
    const ora = vm.lineItems.find((l) => l.component === 'oracle-database')!;
    // all hosts (load + spare) x 32 cores x 0.5 = 16 processors each
    expect(ora.quantity.toNumber()).toBe(16 * vm.hosts);
    expect(vm.warnings.join(' ')).toMatch(/soft partitioning/);
    expect(e.warnings).toEqual(expect.arrayContaining(vm.warnings));
  });

  it('Oracle reads its core factor from the catalog, so an override (another processor type) changes the count', () => {
    // Oracle's core factor table: 0.5 for Intel and AMD x86, 1.0 for IBM POWER and others, 0.25 for
    // some SPARC; physical cores x factor, any fraction rounded up to a whole processor.
    const scenario = (coreFactor?: number) => ({
      hosts: [{ ...host, sockets: 1, coresPerSocket: 3 }],
      workloads: [{ name: 'ora', instances: 1, vcpus: 2, memoryGiB: 16, licences: [{ product: 'oracle-database-enterprise' }] }],
      platforms: [{ type: 'vm', hypervisorLicence: 'none' }],
      ...(coreFactor === undefined ? {} : { catalog: { 'licence.oracle.coreFactor': coreFactor } }),
    });
    const processors = (f?: number) => {
      const e = evaluate(scenario(f), { today: TODAY });
      const ora = e.platforms[0]!.lineItems.find((l) => l.component === 'oracle-database')!;
      return { n: ora.quantity.toNumber() / e.platforms[0]!.hosts, e, ora };
    };
    // 3 cores x 0.5 = 1.5 -> 2; x 1.0 = 3; x 0.25 = 0.75 -> 1
    expect(processors().n).toBe(2);
    expect(processors(1).n).toBe(3);
    expect(processors(0.25).n).toBe(1);
    const { e, ora } = processors(1);
    expect(ora.sources).toContain('licence.oracle.coreFactor');
    expect(e.assumptions.find((a) => a.id === 'licence.oracle.coreFactor')?.value).toBe(1);
  });

  it('OpenShift on bare metal takes the cheaper of core-pairs and socket-pairs per node', () => {
    const e = run({
      workloads: [{ name: 'w', instances: 10, vcpus: 1, memoryGiB: 2 }],
      platforms: [{ type: 'containers', platformLicence: 'openshift', controlPlane: 'none' }],
      catalog: { 'licence.openshift': '1000', 'licence.openshift-bare-metal': '15000' },
    });
    const c = e.platforms[0]!;
    const os = c.lineItems.filter((l) => l.component === 'openshift');
    // 32 cores = 16 core-pairs x 1000 = 16000 > 15000 for one socket-pair subscription
    expect(os).toHaveLength(1);
    expect(os[0]!.quantity.toNumber()).toBe(c.hosts);
    expect(os[0]!.unitPrice.toString()).toBe('15000');
  });

  it('OpenShift on node VMs counts core-pairs of 4 vCPUs', () => {
    const e = run({
      workloads: [{ name: 'w', instances: 10, vcpus: 1, memoryGiB: 2 }],
      platforms: [{ type: 'containers-in-vms', platformLicence: 'openshift', controlPlane: 'none', hypervisorLicence: 'none', nodeVm: { vcpus: 6, memoryGiB: 32, diskGiB: 100 } }],
    });
    const p = e.platforms[0]!;
    const os = p.lineItems.find((l) => l.component === 'openshift')!;
    expect(os.quantity.toNumber()).toBe(Math.ceil((p.vms * 6) / 4));
  });

  it.each([
    ['eks', '876'],
    ['eks-extended', '5256'],
    ['gke', '0'], // 876 less the 892.80 yearly credit, never below zero
    ['gke-regional', '876'],
    ['aks', '876'],
    ['aks-free', '0'],
    ['aks-premium', '5256'],
  ])('control plane %s costs %s a year', (controlPlane, perYear) => {
    const e = run({ workloads: [{ name: 'w', instances: 4, vcpus: 1, memoryGiB: 2 }], platforms: [{ type: 'containers', controlPlane }] });
    const cp = e.platforms[0]!.lineItems.filter((l) => l.category === 'control-plane');
    expect(sumMoney(cp.map((l) => l.annualCost)).toString()).toBe(perYear);
  });

  it('VMware below 72 cores bills the order minimum as its own line', () => {
    const small = { ...host, sockets: 1, coresPerSocket: 8, memoryGiB: 128 };
    const e = evaluate(
      { hosts: [small], workloads: [{ name: 'w', instances: 4, vcpus: 1, memoryGiB: 2 }], platforms: [{ type: 'vm', hypervisorLicence: 'vvf' }], policy: { ha: { spareHosts: 0 } } },
      { today: TODAY },
    );
    const vm = e.platforms[0]!;
    const lines = vm.lineItems.filter((l) => l.component === 'vmware');
    expect(sumMoney(lines.map((l) => l.quantity)).toNumber()).toBe(72);
    expect(lines[0]!.quantity.toNumber()).toBe(16 * vm.hosts);
  });

  it('rejects bad licensing input with the field named', () => {
    const w = [{ name: 'w', instances: 1, vcpus: 1, memoryGiB: 1 }];
    expect(issues({ workloads: w, licensing: { softwareAssurance: 'yes' } })).toEqual(['licensing.softwareAssurance:invalid_type']);
    expect(issues({ workloads: w, licensing: { assurance: true } })).toEqual(['licensing.assurance:unknown_key']);
    expect(issues({ workloads: w, platforms: [{ type: 'vm', windowsLicensing: 'enterprise' }] })).toEqual(['platforms[0].windowsLicensing:unknown_value']);
    expect(issues({ workloads: w, platforms: [{ type: 'containers', platformLicence: 'tanzu' }] })).toEqual(['platforms[0].platformLicence:unknown_value']);
    expect(issues({ workloads: [{ ...w[0], licences: [{ product: 'oracle-database-standard' }] }] })).toEqual(['workloads[0].licences[0].product:unknown_value']);
  });
});

describe('a RuntimeClass of your own on a micro-VM platform', () => {
  it('adds its overhead.podFixed to every pod, in place of the named runtime', () => {
    const w = [{ name: 'w', instances: 10, vcpus: 0.5, memoryGiB: 1 }];
    const e = run({ workloads: w, platforms: [{ type: 'microvm', podOverhead: { memoryMiB: 96, cpuMillicores: 100 }, controlPlane: 'none' }] });
    const pl = e.platforms[0]!.pools[0]!.workloads[0]!;
    expect(pl.sandbox).toBe('custom');
    // 500 m requested + 100 m overhead; memory: 1024 MiB app + 96 MiB in the hypervisor layer
    expect(pl.perInstance.cpuMillicores).toBe(600);
    expect(pl.perInstance.memoryMiB.hypervisor).toBe(96);
  });
  it('refuses podOverhead together with a named runtime, and bad figures', () => {
    const w = [{ name: 'w', instances: 1, vcpus: 1, memoryGiB: 1 }];
    expect(issues({ workloads: w, platforms: [{ type: 'microvm', runtime: 'gvisor', podOverhead: { memoryMiB: 96, cpuMillicores: 100 } }] })).toEqual(['platforms[0].podOverhead:conflict']);
    expect(issues({ workloads: w, platforms: [{ type: 'microvm', podOverhead: { memoryMiB: -1, cpuMillicores: 0.5 } }] })).toEqual([
      'platforms[0].podOverhead.memoryMiB:too_small',
      'platforms[0].podOverhead.cpuMillicores:not_integer',
    ]);
  });
});

describe('licensing decisions in the evaluation', () => {
  it('records per host group the option chosen, the one it beat with its cost, and the break-even', () => {
    const e = run({
      workloads: [{ name: 'w', os: 'windows', instances: 24, vcpus: 1, memoryGiB: 2 }],
      platforms: [{ type: 'vm', hypervisorLicence: 'none' }],
      prices: { licences: { 'windows-server-standard': 1069, 'windows-server-datacenter': 6155 } },
      policy: { ha: { spareHosts: 0 } },
    });
    const d = e.platforms[0]!.licensing.find((x) => x.products.includes('windows-server-datacenter'))!;
    expect(d.subject).toBe('Windows Server Standard or Windows Server Datacenter, VMs');
    const g = d.hostGroups[0]!;
    // 24 one-vCPU VMs on one 32-core host: Standard needs 12 licensings of 32 cores, Datacenter one
    expect(g.guests).toBe(24);
    expect(g.chosen.product).toBe('windows-server-datacenter');
    const std = g.rejected.find((r) => r.product === 'windows-server-standard' && r.option === 'per-core')!;
    expect(std.annualCost!.toString()).toBe('5131.2'); // 12 licensings x 32 cores x 1069 / 16 / 5 years
    expect(g.breakEven?.guests).toBe(11);
    const json = JSON.parse(JSON.stringify(e.platforms[0]!.licensing));
    expect(json[0].annualCost).toBe(d.annualCost.toString());
  });
});
