/**
 * Article 8 (Windows licensing): what Windows Server costs a year for one host as the number of
 * Windows VMs on it grows: Standard stacked (every full licensing of the host's cores adds two
 * VMs), Datacenter (unlimited VMs), and licensing each VM by its virtual cores (with Software
 * Assurance). Every cost, rule and break-even comes from the package's licensing engine
 * (`quoteLicences`) at the catalog's list prices; perpetual licences are spread over the catalog's
 * amortization years, as the calculator does.
 */
import { CatalogView, PRODUCTS, physicalCoreLicensing, quoteLicences } from 'kernelcount';
import type { HostUsage, LicenceMetric, LicenceQuote, Money, OptionQuote } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, numericTable, usd } from './common';

export interface WindowsLicensingParams {
  [key: string]: number | string;
  /** Host shape as `<sockets>x<cores per socket>`. */
  host: string;
  /** vCPUs of each VM (per-VM and pay-as-you-go licensing count them). */
  vcpus: number;
}

export const HOST_SHAPES = ['1x8', '1x16', '2x8', '2x16', '2x24', '2x32', '2x48', '2x64'] as const;
/** The VM counts on the chart's x axis. */
export const MAX_VMS = 30;

const STD = 'windows-server-standard';
const DC = 'windows-server-datacenter';
const OPT = {
  standard: `${STD}/per-core`,
  datacenter: `${DC}/per-core`,
  perVm: `${STD}/per-vm`,
  payg: `${STD}/payg`,
} as const;
type OptKey = keyof typeof OPT;
const LABELS: Record<OptKey, string> = {
  standard: 'Standard, stacked per 2 VMs',
  datacenter: 'Datacenter, unlimited VMs',
  perVm: 'Standard per VM (with SA)',
  payg: 'Pay-as-you-go (Azure Arc)',
};

const winMetric = (i: number) => PRODUCTS[STD]!.options[i]!.metric as LicenceMetric & Record<string, number>;

/** The catalog's amortization years, over which the calculator spreads perpetual licences. */
const YEARS = new CatalogView().get('hardware.amortizationYears') as number;

/** `$1,234` from the package's money. */

export function parseHost(shape: string): { sockets: number; coresPerSocket: number } {
  const [s, c] = shape.split('x').map(Number);
  if (!s || !c) throw new Error(`Host shape "${shape}": expected <sockets>x<cores>`);
  return { sockets: s, coresPerSocket: c };
}

export function hostLabel(shape: string): string {
  const { sockets, coresPerSocket } = parseHost(shape);
  return `${sockets} socket${sockets === 1 ? '' : 's'} of ${coresPerSocket} cores`;
}

function usage(shape: string, vms: number, vcpus: number, extra: Partial<HostUsage> = {}): { hosts: HostUsage[] } {
  return { hosts: [{ count: 1, ...parseHost(shape), oses: vms, guests: vms > 0 ? [{ vcpus, count: vms }] : [], ...extra }] };
}

function optionCost(q: LicenceQuote, key: string): Money | null {
  const g = q.hostGroups[0]!;
  const o = [g.chosen, ...g.rejected].find((x: OptionQuote) => `${x.product}/${x.option}` === key);
  return o && o.compliant ? o.annualCost : null;
}

/** The yearly cost of every option at 1..MAX_VMS VMs, from one quote per VM count. */
export function windowsLicensingModel(p: WindowsLicensingParams) {
  const allow = Object.values(OPT);
  const rows = Array.from({ length: MAX_VMS }, (_, i) => {
    const vms = i + 1;
    // The break-even search is done once below, not per point.
    const q = quoteLicences([STD, DC], usage(p.host, vms, p.vcpus), { allow, breakEvenSearchLimit: 0 });
    const cost = Object.fromEntries((Object.keys(OPT) as OptKey[]).map((k) => [k, optionCost(q, OPT[k])!])) as Record<OptKey, Money>;
    const chosen = q.hostGroups[0]!.chosen;
    const cheapest = (Object.keys(OPT) as OptKey[]).find((k) => OPT[k] === `${chosen.product}/${chosen.option}`)!;
    return { vms, cost, cheapest };
  });
  // Where the package says the runner-up starts to win, for the two pairs the article discusses.
  const breakEven = (a: string, b: string) => quoteLicences([STD, DC], usage(p.host, 1, p.vcpus), { allow: [a, b] }).hostGroups[0]!.breakEven;
  const stdVsDc = breakEven(OPT.standard, OPT.datacenter);
  const perVmVsDc = breakEven(OPT.perVm, OPT.datacenter);
  const licensedCores = physicalCoreLicensing(parseHost(p.host), PRODUCTS[STD]!.options[0]!.metric as { minPerProcessor: number; minPerServer: number; packCores: number }).units;
  return { rows, stdVsDc, perVmVsDc, licensedCores };
}

export const windowsLicensing: LearnChartDef<WindowsLicensingParams> = {
  id: 'windows-licensing',
  defaults: { host: '2x32', vcpus: 4 },
  controls: [
    {
      kind: 'select',
      key: 'host',
      label: 'Host',
      options: HOST_SHAPES.map((h) => ({ value: h, label: `${hostLabel(h)} (${int(parseHost(h).sockets * parseHost(h).coresPerSocket)} cores)` })),
    },
    { kind: 'range', key: 'vcpus', label: 'vCPUs per VM', min: 2, max: 16, step: 2, unit: 'vCPUs' },
  ],
  compute(p) {
    const { rows, stdVsDc, perVmVsDc, licensedCores } = windowsLicensingModel(p);
    const at = (n: number) => rows[n - 1]!;
    const be = stdVsDc?.guests ?? null;
    const beVm = perVmVsDc?.guests ?? null;
    const first = at(1);
    const stdWins = stdVsDc?.cheaperFrom === OPT.datacenter;
    const parts = [
      `On a host with ${hostLabel(p.host)} (licensed as ${int(licensedCores)} cores), each full licensing with Standard costs ${usd(first.cost.standard)} a year and covers ${winMetric(0).osesPerLicensing} VMs; Datacenter costs ${usd(first.cost.datacenter)} a year for any number`,
      be !== null && stdWins ? `, so Datacenter is cheaper from ${be} VMs on.` : '.',
      ` Licensing each ${p.vcpus}-vCPU VM on its own (with Software Assurance) costs ${usd(first.cost.perVm)} a year per VM`,
      beVm !== null && perVmVsDc?.cheaperFrom === OPT.datacenter
        ? ` and stays cheaper than Datacenter up to ${beVm - 1} VMs.`
        : perVmVsDc?.cheaperFrom === OPT.perVm && beVm !== null
          ? `, more than Datacenter until ${beVm} VMs.`
          : '.',
    ];
    const shown: OptKey[] = ['standard', 'datacenter', 'perVm'];
    return {
      id: 'windows-licensing',
      title: 'Windows Server licences for one host, cost per year',
      summary: parts.join(''),
      kind: 'line',
      labels: rows.map((r) => String(r.vms)),
      series: shown.map((k) => ({ label: LABELS[k], key: k, data: rows.map((r) => Math.round(r.cost[k].toNumber())) })),
      x: 'Windows VMs on the host',
      y: 'USD per year',
      table: numericTable(
        `Windows Server licences per year for one host with ${hostLabel(p.host)} and ${p.vcpus}-vCPU VMs, at the catalog's 2022 list prices, perpetual licences spread over ${YEARS} years (pay-as-you-go is left off the chart: it runs far above the other lines)`,
        ['Windows VMs', ...(['standard', 'datacenter', 'perVm', 'payg'] as OptKey[]).map((k) => LABELS[k]), 'Cheapest'],
        rows.map((r) => [String(r.vms), ...(['standard', 'datacenter', 'perVm', 'payg'] as OptKey[]).map((k) => usd(r.cost[k])), LABELS[r.cheapest]]),
      ),
    };
  },
};

const sqlMetric = () => PRODUCTS['sql-server-enterprise']!.options[0]!.metric as LicenceMetric & Record<string, number>;

/** The figures the article quotes, computed with the chart's defaults. */
export function windowsLicensingFigures() {
  const p = windowsLicensing.defaults;
  const { rows, stdVsDc, perVmVsDc, licensedCores } = windowsLicensingModel(p);
  const at = (n: number) => rows[n - 1]!;
  const core = winMetric(0);
  const perVm = winMetric(1);
  // A small server: one 6-core processor still needs the per-server minimum.
  const small = physicalCoreLicensing({ sockets: 1, coresPerSocket: 6 }, core as unknown as { minPerProcessor: number; minPerServer: number; packCores: number });
  // Windows containers: process-isolated ones are not OSEs, so one licensing of the host covers them all.
  const containers = quoteLicences([STD], { hosts: [{ count: 1, ...parseHost(p.host), oses: 0, bareMetal: true }] }, { allow: [OPT.standard] });
  const hyperv = quoteLicences([STD], usage(p.host, 20, p.vcpus), { allow: [OPT.standard] });
  // Software Assurance on the host licences too: the per-core options then cost more each year.
  const dcSa = quoteLicences([DC], usage(p.host, 1, p.vcpus), { allow: [OPT.datacenter], assurance: true });
  // SQL Server: per VM (4-core minimum, Software Assurance required) vs every physical core with Enterprise + SA.
  const sqlVm = (vcpus: number) => quoteLicences(['sql-server-enterprise'], usage(p.host, 1, vcpus), { allow: ['sql-server-enterprise/per-vm'] }).annualCost;
  const sqlHost = quoteLicences(['sql-server-enterprise'], usage(p.host, 1, p.vcpus), { allow: ['sql-server-enterprise/per-vm', 'sql-server-enterprise/unlimited-virtualization'] });
  const sqlUnlimited = quoteLicences(['sql-server-enterprise'], usage(p.host, 1, p.vcpus), { allow: ['sql-server-enterprise/unlimited-virtualization'] }).annualCost;
  const sqlStdVm = quoteLicences(['sql-server-standard'], usage(p.host, 1, 2), { allow: ['sql-server-standard/per-vm'] }).annualCost;
  // The reseller prices quoted for Windows Server 2025 (weak), as named versions of the catalog figures.
  const prices2025 = new CatalogView({}, undefined, { 'licence.windows-server-standard': '2025', 'licence.windows-server-datacenter': '2025' });
  const breakEven2025 = quoteLicences([STD, DC], usage(p.host, 1, p.vcpus), { allow: [OPT.standard, OPT.datacenter], prices: prices2025 }).hostGroups[0]!.breakEven!;
  return {
    host: hostLabel(p.host),
    hostCores: `${int(licensedCores)} cores`,
    vcpus: `${p.vcpus} vCPUs`,
    minPerProcessor: `${core.minPerProcessor} cores`,
    minPerServer: `${core.minPerServer} cores`,
    packCores: `${core.packCores} cores`,
    osesPerLicensing: String(core.osesPerLicensing),
    smallServerCores: `${small.units} cores`,
    perVmMin: `${perVm.minPerInstance} cores`,
    standardPerLicensing: usd(at(1).cost.standard),
    standardAt10: usd(at(10).cost.standard),
    datacenter: usd(at(1).cost.datacenter),
    datacenterWithSa: usd(dcSa.annualCost),
    breakEven: `${stdVsDc!.guests}`,
    breakEven2025: `${breakEven2025.guests}`,
    perVmPerVm: usd(at(1).cost.perVm),
    perVmAt10: usd(at(10).cost.perVm),
    perVmBreakEven: `${perVmVsDc!.guests}`,
    perVmLastCheaper: `${perVmVsDc!.guests! - 1}`,
    paygPerVm: usd(at(1).cost.payg),
    paygAt10: usd(at(10).cost.payg),
    containersProcess: usd(containers.annualCost),
    containersHyperv20: usd(hyperv.annualCost),
    sqlMinPerVm: `${sqlMetric().minPerInstance} cores`,
    sqlEntVm4: usd(sqlVm(4)),
    sqlEntVm2: usd(sqlVm(2)),
    sqlStdVm2: usd(sqlStdVm),
    sqlUnlimited: usd(sqlUnlimited),
    sqlBreakEven: `${sqlHost.hostGroups[0]!.breakEven!.guests}`,
    amortizationYears: `${YEARS}`,
  };
}
