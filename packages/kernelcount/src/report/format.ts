import type { Evaluation, PlatformResult } from '../evaluate.js';
import { formatMoney, formatMoneyGrouped, type Money } from '../money.js';
import { LAYER_LABELS } from '../platforms/footprint.js';
import { csvRows, mdCell, mdTable, pad } from './cells.js';

export type ReportFormat = 'table' | 'json' | 'csv' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'csv', 'md'];

const LAYER_KEYS = ['hostReserve', 'hypervisor', 'guestOs', 'runtime', 'app', 'free'] as const;

function gib(mib: number): string {
  return (mib / 1024).toFixed(1);
}

function pct(m: Money | null): string {
  if (m === null) return 'n/a';
  const r = m.toDecimalPlaces(1);
  return (r.isPos() && !r.isZero() ? '+' : '') + r.toFixed(1) + '%';
}

function overviewRows(e: Evaluation): string[][] {
  const cur = e.scenario.currency;
  const header = ['platform', 'hosts', 'spare', 'VMs', 'inst/host', 'binds on', `TCO ${e.scenario.horizonYears}y (${cur})`, `per inst-month`, 'vs baseline'];
  const rows = e.platforms.map((p) => {
    const c = e.comparisons.find((x) => x.platform === p.name);
    return [
      p.name,
      String(p.hosts),
      String(p.spareHosts),
      String(p.vms),
      p.instancesPerHost.toFixed(1),
      p.binding,
      formatMoneyGrouped(p.tco, 0),
      formatMoneyGrouped(p.costPerInstanceMonth),
      c ? pct(c.tcoDeltaPercent) : 'baseline',
    ];
  });
  return [header, ...rows];
}

function layerRows(p: PlatformResult): string[][] {
  const header = ['per host, GiB', ...LAYER_KEYS.map((k) => LAYER_LABELS[k])];
  return [
    header,
    ['memory', ...LAYER_KEYS.map((k) => gib(p.layersPerHost.memoryMiB[k]))],
    ['disk', ...LAYER_KEYS.map((k) => gib(p.layersPerHost.diskMiB[k]))],
  ];
}

function lineItemRows(p: PlatformResult): string[][] {
  return [
    ['line item', 'quantity', 'unit', 'unit price', 'per year', 'total'],
    ...p.lineItems.map((li) => [
      li.name,
      li.quantity.toDecimalPlaces(2).toString(),
      li.unit,
      formatMoneyGrouped(li.unitPrice, 4),
      formatMoneyGrouped(li.annualCost),
      formatMoneyGrouped(li.total),
    ]),
    ['total', '', '', '', formatMoneyGrouped(p.yearlyCost[0] ?? p.tco.times(0)), formatMoneyGrouped(p.tco)],
  ];
}

/** A human-readable plain-text report. */
export function formatTable(e: Evaluation): string {
  const out: string[] = [];
  out.push(`kernelcount: ${e.scenario.name} (${e.scenario.currency}, ${e.scenario.horizonYears} years, baseline ${e.scenario.baseline})`);
  out.push('');
  out.push(pad(overviewRows(e)));
  out.push('');
  out.push(e.summary);
  for (const p of e.platforms) {
    out.push('');
    out.push(`== ${p.name} (${p.type}) on ${p.host}: ${p.hosts} hosts (${p.loadHosts} + ${p.spareHosts} spare), ${p.instances} instances`);
    for (const pool of p.pools) {
      const dens = pool.workloads.map((w) => `${w.workload} ${w.maxPerHost}/host (${w.binding})`).join(', ');
      out.push(`   ${pool.os} pool: ${pool.hosts} hosts, binds on ${pool.binding}${dens ? `; alone: ${dens}` : ''}`);
    }
    out.push(pad(layerRows(p)).replace(/^/gm, '   '));
    out.push('');
    out.push(pad(lineItemRows(p)).replace(/^/gm, '   '));
  }
  if (e.warnings.length) {
    out.push('');
    out.push('WARNINGS:');
    for (const w of e.warnings) out.push(`  ! ${w}`);
  }
  if (e.notes.length) {
    out.push('');
    out.push('Notes:');
    for (const n of e.notes) out.push(`  - ${n}`);
  }
  const flagged = e.assumptions.filter((a) => a.flags.length);
  if (flagged.length) {
    out.push('');
    out.push('Defaults to check (weak source or older than 18 months):');
    for (const a of flagged) out.push(`  - ${a.id} = ${JSON.stringify(a.value)} ${a.unit} [${a.flags.join(', ')}; ${a.source.title}, ${a.asOf}]`);
  }
  return out.join('\n') + '\n';
}

/** The evaluation as JSON: money as decimal strings, capacities as integers. */
export function formatJson(e: Evaluation): string {
  return JSON.stringify(e, null, 2) + '\n';
}

/** Every line item of every platform, one row each, with a column per year. Exact decimals. */
export function formatCsv(e: Evaluation): string {
  const years = Array.from({ length: e.scenario.horizonYears }, (_, i) => `year${i + 1}`);
  const header = ['platform', 'category', 'component', 'name', 'quantity', 'unit', 'unitPrice', 'annualCost', ...years, 'total', 'currency', 'formula', 'sources'];
  const rows = [header];
  for (const p of e.platforms) {
    for (const li of p.lineItems) {
      rows.push([
        p.name,
        li.category,
        li.component,
        li.name,
        li.quantity.toString(),
        li.unit,
        li.unitPrice.toString(),
        li.annualCost.toString(),
        ...li.yearly.map((y) => y.toString()),
        li.total.toString(),
        e.scenario.currency,
        li.formula,
        li.sources.join(' '),
      ]);
    }
  }
  return csvRows(rows);
}

/** A Markdown report: overview, summary, per-platform breakdown and line items, assumptions. */
export function formatMarkdown(e: Evaluation): string {
  const out: string[] = [];
  out.push(`# ${mdCell(e.scenario.name)}`);
  out.push('');
  out.push(`Currency ${e.scenario.currency}, horizon ${e.scenario.horizonYears} years, baseline **${mdCell(e.scenario.baseline)}**.`);
  out.push('');
  out.push(mdTable(overviewRows(e)));
  out.push('');
  out.push(mdCell(e.summary));
  for (const p of e.platforms) {
    out.push('');
    out.push(`## ${mdCell(p.name)} (${p.type})`);
    out.push('');
    out.push(`${p.hosts} hosts of ${mdCell(p.host)} (${p.loadHosts} for the load, ${p.spareHosts} spare), ${p.instances} instances, binds on ${p.binding}.`);
    out.push('');
    out.push(mdTable(layerRows(p)));
    out.push('');
    out.push(mdTable(lineItemRows(p)));
  }
  out.push('');
  out.push('## Assumptions');
  out.push('');
  out.push(
    mdTable([
      ['id', 'value', 'unit', 'source', 'as of', 'trust', 'flags'],
      ...e.assumptions.map((a) => [
        a.id,
        typeof a.value === 'object' ? JSON.stringify(a.value).slice(0, 80) : String(a.value),
        a.unit,
        a.source.url ? `[${a.source.title}](${a.source.url})` : a.source.title,
        a.asOf,
        a.trust,
        a.flags.join(', '),
      ]),
    ]),
  );
  const decisions = e.platforms.flatMap((p) => p.licensing.filter((d) => d.hostGroups.some((g) => g.rejected.some((r) => r.annualCost !== null))).map((d) => ({ p, d })));
  if (decisions.length) {
    out.push('');
    out.push('## Licensing options considered');
    out.push('');
    for (const { p, d } of decisions) {
      for (const g of d.hostGroups) {
        const beaten = g.rejected.filter((r) => r.annualCost !== null).map((r) => `${r.label} ${formatMoneyGrouped(r.annualCost!)}`);
        const chosen = `${g.chosen.label} ${g.chosen.annualCost ? formatMoneyGrouped(g.chosen.annualCost) : ''}`;
        out.push(
          `- ${mdCell(p.name)}, ${mdCell(d.subject)}: ${g.hosts} host${g.hosts === 1 ? '' : 's'} with ${g.guests} guests each take **${mdCell(chosen)}** a year per host` +
            (beaten.length ? ` over ${mdCell(beaten.join('; '))}` : '') +
            (g.breakEven ? `; ${mdCell(g.breakEven.text)}` : '') +
            '.',
        );
      }
    }
  }
  if (e.warnings.length) {
    out.push('');
    out.push('## Warnings');
    out.push('');
    for (const w of e.warnings) out.push(`- **${mdCell(w)}**`);
  }
  if (e.notes.length) {
    out.push('');
    out.push('## Notes');
    out.push('');
    for (const n of e.notes) out.push(`- ${mdCell(n)}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Renders an evaluation in one of the report formats.
 *
 * @example
 * formatEvaluation(evaluate(scenario), 'csv').split('\n')[0] //=> 'platform,category,component,name,...'
 */
export function formatEvaluation(e: Evaluation, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return formatTable(e);
    case 'json':
      return formatJson(e);
    case 'csv':
      return formatCsv(e);
    case 'md':
      return formatMarkdown(e);
  }
}

export { formatMoney };
