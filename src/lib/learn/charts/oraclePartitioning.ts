/**
 * Article 9 (licensing beyond Windows), the Oracle trap: one Oracle Database VM in a VMware-style
 * cluster. Under Oracle's partitioning policy a hypervisor is soft partitioning, so every physical
 * core of every host the VM could run on is licensed, not the VM's vCPUs. The chart sets that
 * against the one host the VM runs on, and against the hypervisor subscription for the whole
 * cluster. Counts, prices, support and the package's warning all come from `quoteLicences`.
 */
import { quoteLicences, sumMoney } from 'kernelcount';
import type { LicenceQuote, Money, QuoteLine } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, numericTable } from './common';
import { usd } from './common';

export interface OraclePartitioningParams {
  [key: string]: number | string;
  hosts: number;
  coresPerSocket: number;
}

const SOCKETS = 2;
const ORACLE = 'oracle-database-enterprise';

function oracle(hosts: number, p: OraclePartitioningParams): LicenceQuote {
  // Support is bought with the licence in practice; the quote includes it (assurance: true).
  return quoteLicences([ORACLE], { hosts: [{ count: hosts, sockets: SOCKETS, coresPerSocket: p.coresPerSocket, oses: 1 }] }, { assurance: true });
}

/** The yearly cost of a quote's lines of the given kinds. */
const part = (q: LicenceQuote, kinds: QuoteLine['kind'][]): Money => sumMoney(q.lines.filter((l) => kinds.includes(l.kind)).map((l) => l.annualCost));
const LICENCE: QuoteLine['kind'][] = ['licence', 'minimum'];
const processors = (q: LicenceQuote) => q.lines.filter((l) => l.kind === 'licence').reduce((a, l) => a + l.quantity.toNumber(), 0);

export function oraclePartitioningModel(p: OraclePartitioningParams) {
  const one = oracle(1, p);
  const cluster = oracle(p.hosts, p);
  const vvf = quoteLicences(['vvf'], { hosts: [{ count: p.hosts, sockets: SOCKETS, coresPerSocket: p.coresPerSocket, oses: 1 }] });
  return { one, cluster, vvf };
}

export const oraclePartitioning: LearnChartDef<OraclePartitioningParams> = {
  id: 'oracle-partitioning',
  defaults: { hosts: 4, coresPerSocket: 32 },
  controls: [
    { kind: 'range', key: 'hosts', label: 'Hosts in the cluster', min: 1, max: 16, step: 1, unit: 'hosts' },
    { kind: 'range', key: 'coresPerSocket', label: 'Cores per socket (2 sockets)', min: 8, max: 64, step: 4, unit: 'cores' },
  ],
  compute(p) {
    const { one, cluster, vvf } = oraclePartitioningModel(p);
    const rows = [
      { label: 'Oracle: the one host the VM runs on', q: one },
      { label: `Oracle: all ${p.hosts} host${p.hosts === 1 ? '' : 's'} it could run on`, q: cluster },
      { label: `VVF for the whole cluster`, q: vvf },
    ];
    const summary =
      `One Oracle Database VM in a cluster of ${p.hosts} host${p.hosts === 1 ? '' : 's'} with ${SOCKETS} x ${p.coresPerSocket} cores must be licensed for ${int(processors(cluster))} processors: ` +
      `${usd(cluster.annualCost)} a year with support, against ${usd(one.annualCost)} if only its own host counted` +
      ` and ${usd(vvf.annualCost)} for the VMware subscription of the whole cluster.`;
    return {
      id: 'oracle-partitioning',
      title: 'One Oracle Database VM, licence cost per year',
      summary,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((r) => r.label),
      series: [
        { label: 'Licence (spread over the amortization years) or subscription', key: 'licences', stack: 'o', data: rows.map((r) => Math.round(part(r.q, LICENCE).toNumber())) },
        { label: 'Support', key: 'support', stack: 'o', data: rows.map((r) => Math.round(part(r.q, ['assurance']).toNumber())) },
      ],
      x: 'USD per year',
      y: '',
      table: numericTable(
        `One Oracle Database Enterprise VM on hosts of ${SOCKETS} x ${p.coresPerSocket} cores, in a cluster of ${p.hosts}, per year at the catalog's list prices`,
        ['What is licensed', 'Counted', 'Licence per year', 'Support per year', 'Total per year'],
        rows.map((r) => {
          const unit = r.q.lines[0]!.unit.replace(/-year$/, '');
          const billed = r.q.lines.filter((x) => LICENCE.includes(x.kind)).reduce((a, x) => a + x.quantity.toNumber(), 0);
          return [r.label, `${int(billed)} ${unit}s`, usd(part(r.q, LICENCE)), usd(part(r.q, ['assurance'])), usd(r.q.annualCost)];
        }),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function oraclePartitioningFigures() {
  const p = oraclePartitioning.defaults;
  const { one, cluster, vvf } = oraclePartitioningModel(p);
  return {
    hosts: `${p.hosts}`,
    host: `${SOCKETS} sockets of ${p.coresPerSocket} cores`,
    oneProcessors: `${int(processors(one))}`,
    clusterProcessors: `${int(processors(cluster))}`,
    one: usd(one.annualCost),
    cluster: usd(cluster.annualCost),
    vvf: usd(vvf.annualCost),
    warning: cluster.warnings[0]!,
  };
}
