// `kernelcount license`. Every expected figure below is worked out by hand from the vendor's rule
// (cited above each block) and a list price pinned with --price; where an alternative's price cannot
// be pinned from the command line, the test reads it from the catalog and says so.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/catalog.js';
import type { LicenseReport } from '../src/cli/license.js';
import { runCli } from './helpers.js';
import { LICENCE_PRODUCT_IDS } from '../src/licensing/products.js';
import { LICENCE_PRODUCTS } from '../src/licensing/productText.js';
import { money } from '../src/money.js';

const cli = runCli;
type LicenseJson = LicenseReport;

async function license(...args: string[]): Promise<LicenseJson & { stderr: string }> {
  const r = await cli('license', ...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as LicenseJson), stderr: r.stderr };
}

/** Catalog list prices the tests rely on for alternatives, which --price cannot pin. */
function catalogPrice(id: keyof typeof CATALOG, version?: string): string {
  const e = CATALOG[id] as { value: unknown; versions?: Record<string, { value: unknown }> };
  return String(version ? e.versions![version]!.value : e.value);
}

const windows = ['windows-server-standard', '--sockets', '2', '--cores-per-socket', '8'];

// Windows Server 2022 licensing guide: license every physical core, at least 8 per processor and 16
// per server, in 2-core packs; Standard covers 2 OSEs per full licensing (stack for more), Datacenter
// unlimited. A 16-core licence at 1069 over 5 years = 1069/16/5 = 13.3625 per core-year.
describe('Windows Server Standard: stacking, Datacenter as the alternative, break-even 11 VMs', () => {
  it('the alternative is priced from the catalog: Datacenter 6155 per 16 cores (2022 list)', () => {
    expect(catalogPrice('licence.windows-server-datacenter')).toBe('6155');
  });

  it('2 x 8 cores, 10 VMs: 5 licensings x 16 = 80 cores, 1069 a year; Standard stays cheaper', async () => {
    const j = await license(...windows, '--vms', '10', '--price', '1069');
    expect(j.chosen).toMatchObject({ option: 'per-core', unitsPerHost: 80, units: 80, billedUnits: 80, unit: 'core', coreLicenses: 80, licensingsPerHost: 5 });
    // 80 x 13.3625 = 1069; 5 years: 5345
    expect(j.chosen.lines).toHaveLength(1);
    expect(j.chosen.lines[0]).toMatchObject({ kind: 'licence', quantity: 80, unit: 'core-year', unitPrice: '13.3625', annualCost: '1069' });
    expect(j.chosen.lines[0]!.formula).toBe('max(max(8, 8) x 2 sockets, 16) = 16 cores; 10 guests / 2 per licensing = 5 x 16 = 80 cores; x 1069 per 16 cores / 5 years');
    expect(j.cost).toEqual({ perYear: '1069', years: 5, total: '5345' });
    // Datacenter: 16 cores x 6155/16/5 = 1231 a year, 162 more
    expect(j.alternatives).toEqual([
      {
        product: 'windows-server-datacenter',
        name: 'Windows Server Datacenter',
        compliant: true,
        option: 'per-core',
        label: 'per physical core',
        reason: null,
        annualCost: '1231',
        differencePerYear: '162',
        cheaper: false,
      },
    ]);
    // 5 x 1069 = 5345 < 6155 < 6 x 1069 = 6414: from 11 VMs (6 licensings) Datacenter wins.
    expect(j.breakEven).toMatchObject({ cheaperBelow: 'windows-server-standard/per-core', cheaperFrom: 'windows-server-datacenter/per-core', guestsPerHost: 11 });
  });

  it.each(['11', '12'])('%s VMs: 6 licensings x 16 = 96 cores, 6414 over 5 years; Datacenter is cheaper', async (vms) => {
    const j = await license(...windows, '--vms', vms, '--price', '1069');
    expect(j.chosen).toMatchObject({ option: 'per-core', coreLicenses: 96, licensingsPerHost: 6 });
    // 96 x 13.3625 = 1282.8 a year; 6 x 1069 = 6414 over 5 years
    expect(j.cost).toEqual({ perYear: '1282.8', years: 5, total: '6414' });
    expect(j.alternatives[0]).toMatchObject({ product: 'windows-server-datacenter', annualCost: '1231', differencePerYear: '-51.8', cheaper: true });
    expect(j.breakEven?.guestsPerHost).toBe(11);
    const table = await cli('license', ...windows, '--vms', vms, '--price', '1069');
    // Long lines wrap at 100 columns.
    const flat = table.stdout.replace(/\n +/g, ' ');
    expect(flat).toMatch(/windows-server-datacenter +Windows Server Datacenter, per-core \(per physical core\): 1,231\.00 a year, 51\.80 less than the chosen option/);
    expect(flat).toMatch(/Break-even: windows-server-datacenter\/per-core costs less than windows-server-standard\/per-core from 11 VMs per host/);
    expect(j.breakEven?.text).toBe(
      'Windows Server Datacenter, per physical core (windows-server-datacenter/per-core) costs less from 11 VMs per host; below that, Windows Server Standard, per physical core (windows-server-standard/per-core)',
    );
  });

  it('reports its own other options with their whole-order cost', async () => {
    const j = await license(...windows, '--vms', '12', '--price', '1069');
    // per VM: 12 VMs x 8 cores = 96 x (13.3625 + 25% SA of 1069/16 = 16.703125) = 2886.3
    expect(j.rejected.find((r) => r.option === 'per-vm')).toEqual({
      option: 'per-vm',
      label: 'per VM, per virtual core (with Software Assurance)',
      compliant: true,
      reason: null,
      annualCost: '2886.3',
    });
    expect(j.rejected.map((r) => r.option)).toEqual(['per-vm', 'payg', 'payg-host']);
  });

  it('--per-vm: each VM licenses its virtual cores, at least 8, with Software Assurance (25% a year) required', async () => {
    const j = await license(...windows, '--vms', '3', '--vcpus-per-vm', '10', '--per-vm', '--price', '1069');
    expect(j.allowed).toEqual(['per-vm']);
    expect(j.chosen.option).toBe('per-vm');
    // 3 VMs x 10 vCPUs = 30 cores; 30 x 13.3625 = 400.875 and 30 x 16.703125 = 501.09375
    expect(j.chosen.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.annualCost])).toEqual([
      ['licence', 30, '13.3625', '400.875'],
      ['assurance', 30, '16.703125', '501.09375'],
    ]);
    expect(j.chosen.lines[1]!.name).toMatch(/Software Assurance \(25% of the price a year, required by this option\)/);
    expect(j.cost.perYear).toBe('901.96875');
    expect(j.rejected.every((r) => r.reason === 'not in the allowed options')).toBe(true);
    // 2-vCPU VMs still count 8 cores each: 3 x 8 = 24
    expect((await license(...windows, '--vms', '3', '--vcpus-per-vm', '2', '--per-vm', '--price', '1069')).chosen.units).toBe(24);
  });

  it('--price-version 2025: Standard 1176 and Datacenter 6771, break-even still 11 VMs', async () => {
    expect(catalogPrice('licence.windows-server-datacenter', '2025')).toBe('6771');
    const j = await license(...windows, '--vms', '10', '--price-version', '2025');
    expect(j.price).toEqual({ id: 'licence.windows-server-standard', value: '1176', version: '2025', from: '--price-version' });
    // 80 cores x 1176/16/5 = 80 x 14.7 = 1176 a year; Datacenter 6771/5 = 1354.2
    expect(j.chosen.lines[0]).toMatchObject({ unitPrice: '14.7', annualCost: '1176' });
    expect(j.cost.total).toBe('5880');
    expect(j.alternatives[0]).toMatchObject({ annualCost: '1354.2', differencePerYear: '178.2', cheaper: false });
    // 5 x 1176 = 5880 < 6771 < 6 x 1176 = 7056
    expect(j.breakEven?.guestsPerHost).toBe(11);
    expect(j.notes).toContain('--price-version 2025 also applies to licence.windows-server-datacenter');
    expect(j.catalog.find((c) => c.id === 'licence.windows-server-standard')).toMatchObject({ value: '1176', version: '2025', overridden: false });
  });

  it('--software-assurance adds 25% of the price a year to a perpetual licence; --hosts multiplies', async () => {
    const j = await license('windows-server-datacenter', '--sockets', '2', '--cores-per-socket', '8', '--vms', '30', '--software-assurance', '--price', '6155', '--hosts', '4');
    // per host 16 cores: 1231 + 16 x 6155/16 x 25% = 1231 + 1538.75 = 2769.75; 4 hosts: 11079
    expect(j.chosen).toMatchObject({ unitsPerHost: 16, units: 64, coreLicenses: 64 });
    expect(j.chosen.lines.map((l) => [l.kind, l.quantity, l.annualCost])).toEqual([
      ['licence', 64, '4924'],
      ['assurance', 64, '6155'],
    ]);
    expect(j.cost.perYear).toBe('11079');
  });

  it('--years spreads perpetual licences and sets the years the total covers', async () => {
    const j = await license(...windows, '--vms', '2', '--price', '1200', '--years', '3');
    // 16 cores x 1200/16/3 = 400 a year; 3 years: 1200
    expect(j.cost).toEqual({ perYear: '400', years: 3, total: '1200' });
  });

  it('--bare-metal with --vms: Windows on the host, the guests Hyper-V isolated containers (OSEs)', async () => {
    const j = await license(...windows, '--bare-metal', '--vms', '5', '--price', '1069', '--allow', 'per-core');
    // 5 OSEs: 3 licensings x 16 = 48 cores
    expect(j.chosen.coreLicenses).toBe(48);
    expect(j.notes.join('\n')).toMatch(/Hyper-V isolated containers \(each an OSE\)/);
  });
});

// SQL Server 2022 licensing guide: per core in 2-core packs; per VM at least 4 cores, and licensing by
// VM needs Software Assurance or a subscription; Enterprise with Software Assurance on every physical
// core of a host licenses unlimited VMs. 15123 per 2 cores over 5 years = 1512.3 per core-year; SA 25%
// = 1890.375 per core-year.
describe('SQL Server Enterprise: per VM against unlimited virtualization', () => {
  it.each([
    // 8 VMs x 4 cores x (1512.3 + 1890.375) = 108885.6 = 32 x (1512.3 + 1890.375): a tie keeps per-vm
    ['8', 'per-vm', '108885.6', 32],
    // 9 x 4 x 3402.675 = 122496.3 > 108885.6
    ['9', 'unlimited-virtualization', '108885.6', 32],
  ])('%s four-vCPU VMs on 2 x 16 cores -> %s at %s a year', async (vms, option, perYear, cores) => {
    const j = await license('sql-server-enterprise', '--sockets', '2', '--cores-per-socket', '16', '--vms', vms, '--vcpus-per-vm', '4', '--price', '15123');
    expect(j.chosen.option).toBe(option);
    expect(j.chosen.coreLicenses).toBe(cores);
    expect(j.cost.perYear).toBe(perYear);
    expect(j.optionBreakEven).toMatchObject({ cheaperBelow: 'sql-server-enterprise/per-vm', cheaperFrom: 'sql-server-enterprise/unlimited-virtualization', guestsPerHost: 9 });
    expect(j.rejected.find((r) => r.option === 'per-core')).toMatchObject({ compliant: false, reason: 'covers the physical host only, not VMs' });
  });

  it('SQL Server Standard per VM is the cheaper alternative until unlimited Enterprise wins at 31 VMs', async () => {
    expect(catalogPrice('licence.sql-server-standard')).toBe('3945');
    const j = await license('sql-server-enterprise', '--sockets', '2', '--cores-per-socket', '16', '--vms', '19', '--vcpus-per-vm', '4', '--price', '15123');
    // Standard per VM: 4 cores x (3945/2/5 = 394.5 + 25% of 1972.5 = 493.125) = 3550.5 a VM; 19 VMs = 67459.5
    expect(j.alternatives[0]).toMatchObject({ product: 'sql-server-standard', option: 'per-vm', annualCost: '67459.5', cheaper: true });
    // 108885.6 / 3550.5 = 30.67, so from 31 VMs
    expect(j.breakEven).toMatchObject({ cheaperBelow: 'sql-server-standard/per-vm', cheaperFrom: 'sql-server-enterprise/unlimited-virtualization', guestsPerHost: 31 });
  });

  it('a fractional vCPU still licenses the 4-core minimum, and the note says whole cores count', async () => {
    const j = await license('sql-server-standard', '--sockets', '2', '--cores-per-socket', '16', '--vms', '3', '--vcpus-per-vm', '0.5', '--per-vm', '--price', '3945');
    expect(j.chosen.units).toBe(12);
    expect(j.usage.vcpusPerVm).toBe(0.5);
    expect(j.notes.join('\n')).toMatch(/--vcpus-per-vm 0\.5: per-core licences count whole virtual cores, 1 per VM/);
  });
});

// Red Hat subscription guide: RHEL Server covers a socket-pair or 2 VMs (stacking); RHEL for Virtual
// Datacenters covers unlimited guests per socket-pair of the hypervisor host.
describe('RHEL Server against RHEL for Virtual Datacenters', () => {
  it('VDC is priced from the catalog: 2655 a year per socket-pair', () => {
    expect(catalogPrice('licence.rhel-vdc')).toBe('2655');
  });
  it('6 VMs: 3 subscriptions x 799 = 2397, VDC not cheaper; break-even 7 VMs', async () => {
    const j = await license('rhel', '--sockets', '2', '--cores-per-socket', '16', '--vms', '6', '--price', '799');
    expect(j.chosen).toMatchObject({ option: 'subscription', units: 3, unit: 'subscription', coreLicenses: null, licensingsPerHost: null });
    expect(j.cost.perYear).toBe('2397');
    expect(j.alternatives[0]).toMatchObject({ product: 'rhel-vdc', annualCost: '2655', differencePerYear: '258', cheaper: false });
    // 3 x 799 = 2397 < 2655 < 4 x 799 = 3196
    expect(j.breakEven).toMatchObject({ cheaperFrom: 'rhel-vdc/subscription', guestsPerHost: 7 });
  });
  it('7 VMs: 4 subscriptions = 3196, VDC 541 a year cheaper', async () => {
    const j = await license('rhel', '--sockets', '2', '--cores-per-socket', '16', '--vms', '7', '--price', '799');
    expect(j.cost.perYear).toBe('3196');
    expect(j.alternatives[0]).toMatchObject({ differencePerYear: '-541', cheaper: true });
  });
  it('a 4-socket bare-metal host needs 2 socket-pair subscriptions; VDC cannot cover it', async () => {
    const j = await license('rhel', '--sockets', '4', '--cores-per-socket', '16', '--bare-metal', '--price', '799');
    expect(j.chosen).toMatchObject({ units: 2, unit: 'socket-pair' });
    expect(j.cost.perYear).toBe('1598');
    expect(j.alternatives[0]).toMatchObject({ product: 'rhel-vdc', compliant: false, annualCost: null, cheaper: false });
    expect(j.alternatives[0]!.reason).toMatch(/covers virtual guests/);
    expect(j.breakEven).toBeNull();
  });
  it('nothing on the host runs RHEL: 0 subscriptions, and a note says what to give', async () => {
    const j = await license('rhel', '--sockets', '2', '--cores-per-socket', '8', '--price', '799');
    expect(j.cost.perYear).toBe('0');
    expect(j.notes.join('\n')).toMatch(/nothing to license: no guests \(--vms 0\) and not --bare-metal/);
  });
});

// Broadcom KB 313548: per core, at least 16 cores per CPU; from 2025-04-10 an order below 72 cores
// is billed as 72.
describe('VMware by Broadcom: 16 cores per CPU and the 72-core order minimum', () => {
  it('1 x 8 cores: 16 counted, 56 topped up, 72 x 135 = 9720 a year', async () => {
    const j = await license('vvf', '--sockets', '1', '--cores-per-socket', '8', '--price', '135');
    expect(j.chosen).toMatchObject({ units: 16, billedUnits: 72, coreLicenses: 72, unit: 'core' });
    expect(j.chosen.lines.map((l) => [l.kind, l.quantity, l.annualCost])).toEqual([
      ['licence', 16, '2160'],
      ['minimum', 56, '7560'],
    ]);
    expect(j.chosen.lines[1]!.formula).toBe('72 minimum - 16 counted = 56');
    expect(j.cost).toEqual({ perYear: '9720', years: 5, total: '48600' });
    expect(j.notes).toContain('VMware vSphere Foundation: 16 cores counted, billed as the 72 order minimum');
    const table = await cli('license', 'vvf', '--sockets', '1', '--cores-per-socket', '8', '--price', '135');
    expect(table.stdout).toMatch(/Chosen: per-core \(subscription per physical core\): 16 cores, billed 72/);
  });
  it('3 hosts of 2 x 16 cores: 96 cores, no top-up; VCF notes its vSAN entitlement', async () => {
    const j = await license('vvf', '--sockets', '2', '--cores-per-socket', '16', '--hosts', '3', '--price', '135');
    expect(j.chosen).toMatchObject({ unitsPerHost: 32, units: 96, billedUnits: 96 });
    expect(j.cost.perYear).toBe('12960');
    const vcf = await license('vcf', '--sockets', '2', '--cores-per-socket', '16', '--hosts', '3', '--price', '350');
    expect(vcf.notes.join('\n')).toMatch(/1 TiB of vSAN capacity per licensed core/);
  });
});

// Red Hat OpenShift subscription guide: a core-pair is 2 physical cores or 4 vCPUs; a bare-metal node
// may instead take socket-pair subscriptions covering 1-2 sockets and up to 128 cores.
describe('OpenShift: core-pairs, or socket-pairs on bare metal', () => {
  it.each([
    ['32', 1, '20000'], // 64 cores in one socket-pair
    ['64', 1, '20000'], // 128 cores: still one
    ['65', 2, '40000'], // 130 cores exceed 128
  ])('bare metal 2 x %s cores: %s socket-pair subscription(s)', async (cores, units, perYear) => {
    const j = await license('openshift', '--sockets', '2', '--cores-per-socket', cores, '--bare-metal', '--allow', 'bare-metal', '--price', '20000');
    expect(j.price).toMatchObject({ id: 'licence.openshift-bare-metal', value: '20000', from: '--price' });
    expect(j.chosen).toMatchObject({ option: 'bare-metal', units, unit: 'socket-pair' });
    expect(j.cost.perYear).toBe(perYear);
  });
  it('3 node VMs of 6 vCPUs: ceil(18 / 4) = 5 core-pairs x 2500', async () => {
    const j = await license('openshift', '--sockets', '2', '--cores-per-socket', '32', '--vms', '3', '--vcpus-per-vm', '6', '--price', '2500');
    expect(j.chosen).toMatchObject({ option: 'core-pair', units: 5, unit: 'core-pair' });
    expect(j.cost.perYear).toBe('12500');
    expect(j.rejected[0]).toMatchObject({ option: 'bare-metal', compliant: false, reason: 'covers the physical host only, not VMs' });
  });
  it('--price sets the first allowed option\'s price; a note says when the chosen option is priced elsewhere', async () => {
    const j = await license('openshift', '--sockets', '2', '--cores-per-socket', '32', '--bare-metal', '--price', '2500');
    // core-pair: 64 / 2 = 32 x 2500 = 80000 against one socket-pair at the catalog price
    expect(j.chosen.option).toBe('bare-metal');
    expect(j.rejected[0]).toMatchObject({ option: 'core-pair', compliant: true, annualCost: '80000' });
    expect(j.notes.join('\n')).toMatch(/--price applies to licence\.openshift \(option core-pair\); the chosen option bare-metal is priced from licence\.openshift-bare-metal/);
    expect(j.stderr).toMatch(/warning: weak default used: licence\.openshift-bare-metal/);
  });
});

// EKS pricing: $0.10 per cluster-hour (standard support); GKE: $0.10 per cluster-hour less a $74.40
// monthly credit per billing account.
describe('managed control planes: per cluster-hour', () => {
  it('eks, 2 clusters all year: 17520 cluster-hours x 0.10 = 1752', async () => {
    const j = await license('eks', '--clusters', '2', '--price', '0.10');
    expect(j.usage).toMatchObject({ scope: 'cluster', clusters: 2, hoursPerYear: 8760, sockets: null });
    expect(j.chosen).toMatchObject({ option: 'per-cluster-hour', units: 17520, unit: 'cluster-hour', unitsPerHost: null, coreLicenses: null });
    expect(j.cost).toEqual({ perYear: '1752', years: 5, total: '8760' });
    expect(j.breakEven).toBeNull();
    expect(j.alternatives).toEqual([]); // extended support is the price of an old version, not an alternative
  });
  it('eks, one cluster for 730 hours: 73', async () => {
    expect((await license('eks', '--hours', '730', '--price', '0.10')).cost.perYear).toBe('73');
  });
  it('gke: the 892.80 yearly credit covers one cluster (876) and takes 892.80 off two (1752)', async () => {
    const one = await license('gke', '--price', '0.10');
    expect(one.cost.perYear).toBe('0');
    const two = await license('gke', '--clusters', '2', '--price', '0.10');
    expect(two.chosen.lines.map((l) => [l.kind, l.quantity, l.annualCost])).toEqual([
      ['licence', 17520, '1752'],
      ['credit', 1, '-892.8'],
    ]);
    expect(two.cost.perYear).toBe('859.2');
  });
});

// Docker pricing: Team $15 per user per month billed yearly; Docker Desktop is free (Personal) only
// under 250 employees and under $10M yearly revenue.
describe('Docker: per user', () => {
  it('docker-team, 10 users: 120 user-months x 15 = 1800 a year', async () => {
    const j = await license('docker-team', '--users', '10', '--price', '15');
    expect(j.chosen).toMatchObject({ units: 120, unit: 'user-month' });
    expect(j.cost.perYear).toBe('1800');
    expect(j.notes.join('\n')).toMatch(/give --employees and --revenue to check eligibility/);
  });
  it('an organisation of 400 employees cannot use Personal', async () => {
    const j = await license('docker-team', '--users', '10', '--price', '15', '--employees', '400', '--revenue', '50000000');
    expect(j.usage).toMatchObject({ users: 10, employees: 400, annualRevenue: '50000000' });
    const personal = j.alternatives.find((a) => a.product === 'docker-personal')!;
    expect(personal).toMatchObject({ compliant: false, cheaper: false });
    expect(personal.reason).toMatch(/not allowed for commercial use at 400 employees/);
    expect(j.notes.join('\n')).not.toMatch(/check eligibility/);
  });
});

// Oracle Processor Core Factor Table: Intel/AMD 0.5, rounded up; soft partitioning (VMware, Hyper-V,
// KVM) means every core of every host the VM may run on.
describe('Oracle Database Enterprise: processors = cores x 0.5, soft partitioning warned', () => {
  it('2 x 16 cores in a VM: 16 processors x 47500 / 5 = 152000 a year, with the warning', async () => {
    const j = await license('oracle-database-enterprise', '--sockets', '2', '--cores-per-socket', '16', '--vms', '1', '--price', '47500');
    expect(j.chosen).toMatchObject({ units: 16, unit: 'processor', coreLicenses: null });
    expect(j.cost.perYear).toBe('152000');
    expect(j.warnings[0]).toMatch(/soft partitioning/);
    const table = await cli('license', 'oracle-database-enterprise', '--sockets', '2', '--cores-per-socket', '16', '--vms', '1', '--price', '47500');
    expect(table.stdout).toMatch(/WARNINGS:\n {2}! Oracle Database in VMs or containers on a shared host is soft partitioning/);
  });
  it('bare metal 1 x 3 cores: 1.5 rounds up to 2 processors, no warning; support 22% with --software-assurance', async () => {
    const j = await license('oracle-database-enterprise', '--sockets', '1', '--cores-per-socket', '3', '--bare-metal', '--price', '47500', '--software-assurance');
    // 2 x 47500 / 5 = 19000; support 2 x 47500 x 22% = 20900
    expect(j.chosen.lines.map((l) => [l.kind, l.annualCost])).toEqual([
      ['licence', '19000'],
      ['assurance', '20900'],
    ]);
    expect(j.warnings).toEqual([]);
  });
});

describe('output', () => {
  it('prints JSON with stable keys: quantities as numbers, money as exact decimal strings', async () => {
    const j = await license(...windows, '--vms', '12', '--price', '1069');
    const { stderr: _, ...json } = j;
    expect(Object.keys(json)).toEqual([
      'product', 'name', 'vendor', 'usage', 'allowed', 'softwareAssurance', 'price', 'chosen', 'rejected', 'alternatives',
      'breakEven', 'optionBreakEven', 'cost', 'rule', 'source', 'asOf', 'catalog', 'warnings', 'notes',
    ]);
    expect(Object.keys(j.usage)).toEqual([
      'scope', 'hosts', 'sockets', 'coresPerSocket', 'vmsPerHost', 'vcpusPerVm', 'bareMetal', 'clusters', 'hoursPerYear', 'users', 'employees', 'annualRevenue',
    ]);
    expect(Object.keys(j.chosen)).toEqual(['option', 'label', 'unitsPerHost', 'units', 'billedUnits', 'unit', 'coreLicenses', 'licensingsPerHost', 'lines']);
    expect(Object.keys(j.chosen.lines[0]!)).toEqual(['kind', 'name', 'quantity', 'unit', 'unitPrice', 'annualCost', 'formula', 'sources']);
    expect(Object.keys(j.rejected[0]!)).toEqual(['option', 'label', 'compliant', 'reason', 'annualCost']);
    expect(Object.keys(j.alternatives[0]!)).toEqual(['product', 'name', 'compliant', 'option', 'label', 'reason', 'annualCost', 'differencePerYear', 'cheaper']);
    expect(Object.keys(j.breakEven!)).toEqual(['cheaperBelow', 'cheaperFrom', 'guestsPerHost', 'text']);
    expect(Object.keys(j.cost)).toEqual(['perYear', 'years', 'total']);
    const decimal = /^-?\d+(\.\d+)?$/;
    for (const l of j.chosen.lines) {
      expect(typeof l.quantity).toBe('number');
      expect(l.unitPrice).toMatch(decimal);
      expect(l.annualCost).toMatch(decimal);
    }
    for (const v of [j.cost.perYear, j.cost.total, j.price!.value, ...j.rejected.map((r) => r.annualCost!), j.alternatives[0]!.annualCost!]) expect(v).toMatch(decimal);
    for (const k of ['units', 'billedUnits', 'coreLicenses', 'unitsPerHost', 'licensingsPerHost'] as const) expect(typeof j.chosen[k]).toBe('number');
    expect(j.price).toEqual({ id: 'licence.windows-server-standard', value: '1069', version: null, from: '--price' });
    expect(j.catalog.find((c) => c.id === 'licence.windows-server-standard')).toMatchObject({ overridden: true, version: null });
  });

  it('keeps money exact where it does not divide evenly: 1000 over 3 years', async () => {
    const j = await license('windows-server-datacenter', '--sockets', '1', '--cores-per-socket', '16', '--price', '1000', '--years', '3', '--bare-metal');
    // 16 cores x 1000/16/3 = 333.33...; the string carries every digit and the total is exact
    expect(money(j.cost.perYear).times(3).toDecimalPlaces(20).toString()).toBe('1000');
    expect(j.cost.perYear).toMatch(/^333\.3{30,}/);
    const table = await cli('license', 'windows-server-datacenter', '--sockets', '1', '--cores-per-socket', '16', '--price', '1000', '--years', '3', '--bare-metal');
    expect(table.stdout).toMatch(/total per year +333\.33\n/);
    expect(table.stdout).toMatch(/total over 3 years +1,000\.00\n/);
  });

  it('prints a readable table: usage in one line, lines with formulas, totals, then what lost and why', async () => {
    const r = await cli('license', ...windows, '--vms', '12', '--price', '1069');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const head = r.stdout.split('\nOther options:')[0];
    expect(head).toMatchInlineSnapshot(`
      "Licence quote: Windows Server Standard (windows-server-standard), 1 host of 2 sockets x 8 cores, 12 VMs per host of 1 vCPU; 5 years
      Price: licence.windows-server-standard = 1069 (--price)

      Chosen: per-core (per physical core): 96 cores, 6 full licensings per host

        line                                        quantity  unit       unit price/year  per year
        Windows Server Standard, per physical core        96  core-year          13.3625  1,282.80
            = max(max(8, 8) x 2 sockets, 16) = 16 cores; 12 guests / 2 per licensing = 6 x 16 = 96 cores;
              x 1069 per 16 cores / 5 years
        total per year                                                                    1,282.80
        total over 5 years                                                                6,414.00
      "
    `);
    expect(r.stdout).toMatch(/Other options:\n {2}per-vm +per VM, per virtual core \(with Software Assurance\): 2,886\.30 a year\n/);
    expect(r.stdout).toMatch(/Break-even:\n {2}windows-server-datacenter\/per-core costs less than windows-server-standard\/per-core from 11 VMs\n {4}per host\n/);
    // Text wraps at 100 columns; the first line keeps the product and usage together.
    for (const line of r.stdout.split('\n').slice(1)) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/Rule: License every physical core, at least 8 per processor/);
  });
});

describe('license: mistakes exit 2 with the flag as the path', () => {
  const rhel = ['rhel', '--sockets', '2', '--cores-per-socket', '8'];
  const cases: Array<[string[], RegExp]> = [
    [['license', 'windows-server-ultimate', '--sockets', '2', '--cores-per-socket', '8'], new RegExp(`product: unknown product "windows-server-ultimate"; products: ${LICENCE_PRODUCT_IDS.join(', ')} \\[unknown_value\\]`)],
    [['license'], /product: give a product: windows-server-standard, /],
    [['license', 'rhel', 'rhel-vdc', '--sockets', '2', '--cores-per-socket', '8'], /product: give one product, got also "rhel-vdc" \[conflict\]/],
    [['license', 'rhel', '--sockets', '2', '--cores-per-socket', '0'], /--cores-per-socket: must be >= 1, got "0" \[too_small\]/],
    [['license', 'rhel', '--sockets', '1.5', '--cores-per-socket', '8'], /--sockets: must be a whole number of sockets, got "1\.5" \[not_integer\]/],
    [['license', 'rhel', '--cores-per-socket', '8'], /--sockets: is required for rhel, which is licensed per host \(a whole number of sockets\) \[required\]/],
    [['license', 'rhel', '--sockets', '2'], /--cores-per-socket: is required for rhel/],
    [['license', 'rhel', '--sockets', '65', '--cores-per-socket', '8'], /--sockets: must be at most 64, got "65" \[too_big\]/],
    [['license', ...rhel, '--hosts', '0'], /--hosts: must be >= 1, got "0" \[too_small\]/],
    [['license', ...rhel, '--vms', '-1'], /--vms: must be >= 0, got "-1" \[too_small\]/],
    [['license', ...rhel, '--vms', 'two'], /--vms: must be a whole number of VMs per host, got "two" \[invalid_type\]/],
    [['license', ...rhel, '--vms', '2', '--vcpus-per-vm', '0'], /--vcpus-per-vm: must be > 0, got "0" \[too_small\]/],
    [['license', ...rhel, '--vms', '2', '--vcpus-per-vm', 'NaN'], /--vcpus-per-vm: must be vCPUs per VM: a decimal number > 0 .*got "NaN" \[invalid_type\]/],
    [['license', ...rhel, '--per-vm'], /--per-vm: rhel has no per-vm option; its options: subscription \[conflict\]/],
    [['license', 'windows-server-datacenter', '--sockets', '2', '--cores-per-socket', '8', '--per-vm'], /--per-vm: windows-server-datacenter has no per-vm option; its options: per-core, payg-host \[conflict\]/],
    [['license', ...windows, '--per-vm'], /--per-vm: no allowed option of windows-server-standard can license this: per-vm: no guests to license per VM \[conflict\]/],
    [['license', ...windows, '--vms', '2', '--per-vm', '--allow', 'per-vm'], /--per-vm: --per-vm is the same as --allow per-vm; give one of them \[conflict\]/],
    [['license', ...windows, '--allow', 'bogus'], /--allow: unknown option "bogus" of windows-server-standard; its options: per-core, per-vm, payg, payg-host \[unknown_value\]/],
    [['license', ...windows, '--allow', 'per-core,'], /--allow: unknown option "" of windows-server-standard/],
    [['license', ...rhel, '--price', '-1'], /--price: must be >= 0, got "-1" \[too_small\]/],
    [['license', ...rhel, '--price', '1e3'], /--price: must be a price \(catalog licence\.rhel, currency\/year\): a decimal number >= 0 .*got "1e3" \[invalid_type\]/],
    [['license', ...rhel, '--price', 'free'], /--price: must be a price/],
    [['license', ...windows, '--price', '1000', '--price-version', '2025'], /--price-version: give either --price \(your price\) or --price-version \(a catalog version\), not both \[conflict\]/],
    [['license', ...windows, '--price-version', '2019'], /--price-version: unknown version "2019" of licence\.windows-server-standard; versions: 2022, 2025 \[unknown_value\]/],
    [['license', ...rhel, '--price-version', '2025'], /--price-version: licence\.rhel has no named versions \[unknown_value\]/],
    [['license', 'aks-free', '--price', '1'], /--price: aks-free is free: it has no price to set \[conflict\]/],
    [['license', ...rhel, '--software-assurance'], /--software-assurance: applies to perpetual licences \(Windows Server, SQL Server, Oracle\); rhel is a subscription \[conflict\]/],
    [['license', ...rhel, '--years', '0'], /--years: must be >= 1, got "0" \[too_small\]/],
    [['license', ...rhel, '--years', '2.5'], /--years: must be a whole number of years, got "2\.5" \[not_integer\]/],
    [['license', 'rhel-vdc', '--sockets', '2', '--cores-per-socket', '8', '--bare-metal'], /--bare-metal: no allowed option of rhel-vdc can license this: subscription: covers virtual guests; the physical host needs RHEL Server \[conflict\]/],
    [['license', 'docker-team'], /--users: is required for docker-team, which is billed per user \(a whole number of users\) \[required\]/],
    [['license', 'docker-team', '--users', '2.5'], /--users: must be a whole number of users, got "2\.5" \[not_integer\]/],
    [['license', 'docker-team', '--users', '5', '--revenue', '1000'], /--employees: is required with --revenue \(both decide Docker Personal eligibility\) \[required\]/],
    [['license', 'docker-team', '--users', '5', '--employees', '10'], /--revenue: is required with --employees/],
    [['license', 'docker-personal', '--users', '5', '--employees', '300', '--revenue', '1'], /--employees: no allowed option of docker-personal can license this: free: not allowed for commercial use at 300 employees/],
    [['license', 'eks', '--sockets', '2'], /--sockets: applies to products licensed per host only; eks is billed per cluster-hour \[conflict\]/],
    [['license', 'eks', '--users', '2'], /--users: applies to products billed per user \(Docker\) only; eks is billed per cluster-hour \[conflict\]/],
    [['license', 'docker-team', '--users', '2', '--clusters', '2'], /--clusters: applies to products billed per cluster-hour only; docker-team is billed per user \[conflict\]/],
    [['license', ...rhel, '--clusters', '2'], /--clusters: applies to products billed per cluster-hour only; rhel is licensed per host/],
    [['license', 'eks', '--hours', '9000'], /--hours: must be at most 8784, got "9000" \[too_big\]/],
    [['license', 'eks', '--clusters', '-1'], /--clusters: must be >= 0, got "-1" \[too_small\]/],
    [['license', ...rhel, '--format', 'csv'], /--format: must be one of table, json/],
    [['license', ...rhel, '--memory', '8GiB'], /unknown option --memory/],
  ];
  it.each(cases)('%j', async (args, pattern) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every problem at once', async () => {
    const r = await cli('license', 'rhel', '--sockets', '1.5', '--cores-per-socket', '0', '--price', '-1', '--per-vm');
    expect(r.stderr.split('\n').filter((l) => /\[\w+\]$/.test(l))).toHaveLength(4);
  });

  it('has --help listing every product with its options, and the main help lists the verb', async () => {
    const r = await cli('license', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kernelcount license <product> /);
    for (const id of LICENCE_PRODUCT_IDS) {
      const options = LICENCE_PRODUCTS[id]!.options.map((o) => o.id).join(', ');
      expect(r.stdout).toContain(`  ${id.padEnd(28)}${LICENCE_PRODUCTS[id]!.name}; options: ${options}\n`);
    }
    for (const flag of ['--sockets', '--cores-per-socket', '--hosts', '--vms', '--vcpus-per-vm', '--per-vm', '--bare-metal', '--software-assurance', '--allow', '--price', '--price-version', '--years', '--clusters', '--hours', '--users', '--employees', '--revenue', '--format']) {
      expect(r.stdout).toContain(flag);
    }
    const main = await cli('--help');
    expect(main.stdout).toMatch(/kernelcount license </);
  });
});
