/**
 * Article 9 (licensing beyond Windows): what one two-socket host costs a year in subscriptions,
 * product by product, as its cores per socket and the RHEL VMs on it change. RHEL Server stacks per
 * two VMs; RHEL for Virtual Datacenters covers any number per socket-pair; the VMware editions
 * bill per core with a per-CPU minimum and an order minimum; OpenShift on bare metal counts
 * core-pairs or socket-pairs. Every count, price, minimum and break-even is the package's
 * (`quoteLicences` with the catalog's list prices).
 */
import { LICENCE_PRODUCTS, quoteLicences } from 'kernelcount';
import type { LicenceQuote, QuoteLine } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, numericTable } from './common';
import { usd } from './common';

export interface SubscriptionsPerHostParams {
  [key: string]: number | string;
  coresPerSocket: number;
  vms: number;
}

export const SOCKETS = 2;

interface Bar {
  id: string;
  label: string;
  quote: LicenceQuote;
}

function host(p: SubscriptionsPerHostParams, bareMetal = false) {
  return { count: 1, sockets: SOCKETS, coresPerSocket: p.coresPerSocket, oses: bareMetal ? 0 : p.vms, bareMetal };
}

/** Units in the quote's lines of one kind, with their unit: `72 cores`. */
function units(lines: readonly QuoteLine[], kinds: QuoteLine['kind'][]): number {
  return lines.filter((l) => kinds.includes(l.kind)).reduce((a, l) => a + l.quantity.toNumber(), 0);
}

function unitWord(q: LicenceQuote): string {
  const u = q.lines[0]?.unit.replace(/-year$/, '') ?? 'unit';
  return u;
}

export function subscriptionsPerHostModel(p: SubscriptionsPerHostParams) {
  const bars: Bar[] = [
    { id: 'rhel', label: 'RHEL Server (2 VMs each, stacked)', quote: quoteLicences(['rhel'], { hosts: [host(p)] }) },
    { id: 'rhel-vdc', label: 'RHEL for Virtual Datacenters', quote: quoteLicences(['rhel-vdc'], { hosts: [host(p)] }) },
    { id: 'vsphere-standard', label: 'vSphere Standard', quote: quoteLicences(['vsphere-standard'], { hosts: [host(p)] }) },
    { id: 'vsphere-enterprise-plus', label: 'vSphere Enterprise Plus', quote: quoteLicences(['vsphere-enterprise-plus'], { hosts: [host(p)] }) },
    { id: 'vvf', label: 'VMware vSphere Foundation (VVF)', quote: quoteLicences(['vvf'], { hosts: [host(p)] }) },
    { id: 'vcf', label: 'VMware Cloud Foundation (VCF)', quote: quoteLicences(['vcf'], { hosts: [host(p)] }) },
    { id: 'openshift-core-pair', label: 'OpenShift on bare metal, per core-pair', quote: quoteLicences(['openshift'], { hosts: [host(p, true)] }, { allow: ['openshift/core-pair'] }) },
    { id: 'openshift-socket-pair', label: 'OpenShift on bare metal, per socket-pair', quote: quoteLicences(['openshift'], { hosts: [host(p, true)] }, { allow: ['openshift/bare-metal'] }) },
  ];
  const rhelChoice = quoteLicences(['rhel', 'rhel-vdc'], { hosts: [host(p)] }).hostGroups[0]!;
  const by = (id: string) => bars.find((b) => b.id === id)!;
  const vvf = by('vvf').quote;
  return {
    bars,
    by,
    rhelBreakEven: rhelChoice.breakEven,
    rhelCheaper: rhelChoice.chosen.product,
    cores: SOCKETS * p.coresPerSocket,
    vvfCounted: units(vvf.lines, ['licence']),
    vvfBilled: units(vvf.lines, ['licence', 'minimum']),
  };
}

export const subscriptionsPerHost: LearnChartDef<SubscriptionsPerHostParams> = {
  id: 'subscriptions-per-host',
  defaults: { coresPerSocket: 32, vms: 10 },
  controls: [
    { kind: 'range', key: 'coresPerSocket', label: 'Cores per socket (2 sockets)', min: 8, max: 64, step: 4, unit: 'cores' },
    { kind: 'range', key: 'vms', label: 'RHEL VMs on the host', min: 1, max: 40, step: 1, unit: 'VMs' },
  ],
  compute(p) {
    const m = subscriptionsPerHostModel(p);
    const rhel = m.by('rhel').quote;
    const vdc = m.by('rhel-vdc').quote;
    const vdcCheaper = m.rhelCheaper === 'rhel-vdc';
    const be = m.rhelBreakEven?.cheaperFrom === 'rhel-vdc/subscription' ? m.rhelBreakEven.guests : null;
    const rhelPart =
      `With ${p.vms} RHEL VM${p.vms === 1 ? '' : 's'} on a host of ${SOCKETS} x ${p.coresPerSocket} cores, ` +
      (vdcCheaper ? `RHEL for Virtual Datacenters (${usd(vdc.annualCost)} a year) beats stacking RHEL Server (${usd(rhel.annualCost)})` : `stacking RHEL Server (${usd(rhel.annualCost)} a year) beats RHEL for Virtual Datacenters (${usd(vdc.annualCost)})`) +
      (be !== null ? `; Virtual Datacenters wins from ${be} VMs.` : '.');
    const minimumPart =
      m.vvfBilled > m.vvfCounted
        ? ` VMware bills this host's ${int(m.cores)} cores as ${int(m.vvfBilled)}, the order minimum (VVF: ${usd(m.by('vvf').quote.annualCost)} a year).`
        : ` VMware bills all ${int(m.vvfBilled)} licensed cores (VVF: ${usd(m.by('vvf').quote.annualCost)} a year).`;
    const os = (id: string) => m.by(id).quote.annualCost;
    const osPart = ` OpenShift on bare metal costs ${usd(os('openshift-socket-pair'))} by socket-pair against ${usd(os('openshift-core-pair'))} by core-pairs.`;
    // OpenShift by core-pairs stays in the table: its bar would dwarf the others.
    const charted = m.bars.filter((b) => b.id !== 'openshift-core-pair');
    const minimum = (b: Bar) => b.quote.lines.filter((l) => l.kind === 'minimum').reduce((a, l) => a + l.annualCost.toNumber(), 0);
    return {
      id: 'subscriptions-per-host',
      title: 'Subscriptions for one two-socket host, cost per year',
      summary: rhelPart + minimumPart + osPart,
      kind: 'stacked-bar',
      horizontal: true,
      labels: charted.map((b) => b.label),
      series: [
        { label: 'Counted units', key: 'licences', stack: 's', data: charted.map((b) => Math.round(b.quote.annualCost.toNumber() - minimum(b))) },
        { label: 'Order-minimum top-up', key: 'minimum', stack: 's', data: charted.map((b) => Math.round(minimum(b))) },
      ],
      x: 'USD per year',
      y: '',
      table: numericTable(
        `Yearly subscriptions for one host of ${SOCKETS} x ${p.coresPerSocket} cores with ${p.vms} RHEL VMs, at the catalog's list prices, most of them weak reseller figures (OpenShift by core-pairs is left off the chart: its bar would dwarf the others)`,
        ['Product', 'What is counted', 'Units billed', 'Per year'],
        m.bars.map((b) => {
          const lines = b.quote.lines;
          const counted = lines.find((l) => l.kind === 'licence')!;
          const n = units(lines, ['licence', 'minimum']);
          return [b.label, counted.formula.replace(/; x .*$/, ''), `${int(n)} ${unitWord(b.quote)}${n === 1 ? '' : 's'}`, usd(b.quote.annualCost)];
        }),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function subscriptionsPerHostFigures() {
  const p = subscriptionsPerHost.defaults;
  const m = subscriptionsPerHostModel(p);
  const cost = (id: string) => usd(m.by(id).quote.annualCost);
  const vmware = LICENCE_PRODUCTS['vvf']!;
  const vmMetric = vmware.options[0]!.metric as { minPerProcessor: number };
  const osMetric = LICENCE_PRODUCTS['openshift']!.options[0]!.metric as { physicalCoresPerUnit: number; vcpusPerUnit: number };
  const osBare = LICENCE_PRODUCTS['openshift']!.options[1]!.metric as { maxCoresPerUnit: number };
  const rhelMetric = LICENCE_PRODUCTS['rhel']!.options[0]!.metric as { guestsPerUnit: number };
  // A small site: two hosts of 2 x 8 cores, below every VMware minimum.
  const small = quoteLicences(['vvf'], { hosts: [{ count: 2, sockets: 2, coresPerSocket: 8, oses: 10 }] });
  const smallCounted = small.lines.filter((l) => l.kind === 'licence').reduce((a, l) => a + l.quantity.toNumber(), 0);
  const smallBilled = small.lines.filter((l) => l.kind !== 'assurance').reduce((a, l) => a + l.quantity.toNumber(), 0);
  // Three hosts of the default shape: the order minimum no longer matters.
  const three = quoteLicences(['vvf'], { hosts: [{ count: 3, sockets: SOCKETS, coresPerSocket: p.coresPerSocket, oses: p.vms }] });
  // Managed Kubernetes control planes: one cluster, and three, for a year.
  const cp = (id: string, clusters = 1) => usd(quoteLicences([id], { hosts: [], clusters }).annualCost);
  // Docker Desktop for 50 developers in a company above the free threshold.
  const docker = quoteLicences(['docker-personal', 'docker-team'], { hosts: [], users: 50, organisation: { employees: 1000, annualRevenue: 100_000_000 } });
  // Docker Desktop's free threshold, read from the package's rule text (fails the build if the rule is reworded).
  const dockerRule = LICENCE_PRODUCTS['docker-personal']!.rule;
  const threshold = /(\d+) or more employees or (\$[\d.,]+M) or more yearly revenue/.exec(dockerRule);
  if (!threshold) throw new Error(`Docker's rule changed; update the article's figures: ${dockerRule}`);
  return {
    vms: `${p.vms}`,
    host: `${SOCKETS} sockets of ${p.coresPerSocket} cores`,
    cores: `${int(m.cores)} cores`,
    rhelGuestsPerSub: `${rhelMetric.guestsPerUnit}`,
    rhel: cost('rhel'),
    rhelVdc: cost('rhel-vdc'),
    rhelBreakEven: `${m.rhelBreakEven!.guests}`,
    rhelSubs: `${int(m.by('rhel').quote.lines[0]!.quantity.toNumber())}`,
    vmwareMinPerCpu: `${vmMetric.minPerProcessor} cores`,
    vmwareOrderMin: `${vmware.orderMinimumUnits} cores`,
    vvfBilled: `${int(m.vvfBilled)} cores`,
    vsphereStandard: cost('vsphere-standard'),
    vspherePlus: cost('vsphere-enterprise-plus'),
    vvf: cost('vvf'),
    vcf: cost('vcf'),
    vcfEntitles: LICENCE_PRODUCTS['vcf']!.entitlements!,
    smallCounted: `${int(smallCounted)} cores`,
    smallBilled: `${int(smallBilled)} cores`,
    smallVvf: usd(small.annualCost),
    threeVvf: usd(three.annualCost),
    threeCores: `${int(three.lines.filter((l) => l.kind === 'licence').reduce((a, l) => a + l.quantity.toNumber(), 0))} cores`,
    osCorePairCores: `${osMetric.physicalCoresPerUnit} physical cores`,
    osCorePairVcpus: `${osMetric.vcpusPerUnit} vCPUs`,
    osSocketPairMaxCores: `${osBare.maxCoresPerUnit} cores`,
    osCorePair: cost('openshift-core-pair'),
    osSocketPair: cost('openshift-socket-pair'),
    eks: cp('eks'),
    eksExtended: cp('eks-extended'),
    gke: cp('gke'),
    gke3: cp('gke', 3),
    gkeRegional: cp('gke-regional'),
    aksFree: cp('aks-free'),
    aks: cp('aks'),
    aksPremium: cp('aks-premium'),
    eks3: cp('eks', 3),
    eksExtended3: cp('eks-extended', 3),
    gkeRegional3: cp('gke-regional', 3),
    aksFree3: cp('aks-free', 3),
    aks3: cp('aks', 3),
    aksPremium3: cp('aks-premium', 3),
    dockerEmployees: threshold[1]!,
    dockerRevenue: threshold[2]!,
    docker50: usd(docker.annualCost),
    dockerUsers: '50',
  };
}
