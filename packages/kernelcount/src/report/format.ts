import type { Evaluation, PlatformResult } from '../evaluate.js';
import { assumptionText, describeAssumption } from '../catalog/describe.js';
import type { DescribedAssumption, Source } from '../catalog/types.js';
import { formatMoney, formatMoneyGrouped, type Money } from '../money.js';
import { LAYER_LABELS } from '../platforms/footprint.js';
import { csvRows, mdCell, mdTable, pad } from './cells.js';
import { reportMoney, type ReportMoney, type ReportOptions } from './currency.js';

export type { ReportOptions } from './currency.js';

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

function overviewRows(e: Evaluation, f: ReportMoney): string[][] {
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
      f.whole(p.tco),
      f.amount(p.costPerInstanceMonth),
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

function lineItemRows(p: PlatformResult, f: ReportMoney): string[][] {
  return [
    ['line item', 'quantity', 'unit', 'unit price', 'per year', 'total'],
    ...p.lineItems.map((li) => [li.name, li.quantity.toDecimalPlaces(2).toString(), li.unit, f.unitPrice(li.unitPrice), f.amount(li.annualCost), f.amount(li.total)]),
    ['total', '', '', '', f.amount(p.yearlyCost[0] ?? p.tco.times(0)), f.amount(p.tco)],
  ];
}

/** Tonnes from kg to two decimals, grouped; with `signed`, a `+` on an increase (no sign on 0.00). */
function tonnes(kg: Money, signed = false): string {
  const text = formatMoneyGrouped(kg.div(1000), 2);
  if (/^-?0\.00$/.test(text)) return '0.00';
  return signed && kg.isPos() ? `+${text}` : text;
}

/** Each platform's electricity in kWh a year and its CO2e over the horizon, with the difference from the baseline. */
function energyRows(e: Evaluation): string[][] {
  return [
    ['platform', 'kWh/year', `tCO2e ${e.scenario.horizonYears}y`, 'vs baseline'],
    ...e.platforms.map((p) => {
      const c = e.comparisons.find((x) => x.platform === p.name);
      return [p.name, formatMoneyGrouped(p.energy.kWhPerYear, 0), tonnes(p.energy.co2eKgOverHorizon), c ? tonnes(c.co2eKgDelta, true) : 'baseline'];
    }),
  ];
}

/** Which grid intensity the carbon figures use and where it comes from; then what is not counted. */
function gridLines(e: Evaluation): [string, string] {
  const g = e.platforms[0]!.energy.grid;
  const which = g.overridden ? 'the scenario\'s own figure' : `${g.id}${g.version ? ` ${g.version}` : ''}: ${assumptionText(g).source.title}, ${g.asOf}`;
  return [`Grid ${g.gCO2ePerKWh.toString()} gCO2e/kWh (${which}).`, 'Electricity only, PUE included; not the carbon embodied in the hardware. Not part of the TCO.'];
}

/** A human-readable plain-text report; money in the scenario's currency (`options.locale`, default en-US). */
export function formatTable(e: Evaluation, options: ReportOptions = {}): string {
  const f = reportMoney(e.scenario.currency, options.locale);
  const out: string[] = [];
  out.push(`kernelcount: ${e.scenario.name} (${e.scenario.currency}, ${e.scenario.horizonYears} years, baseline ${e.scenario.baseline})`);
  out.push('');
  out.push(pad(overviewRows(e, f)));
  out.push('');
  out.push(e.summary);
  out.push('');
  out.push('Energy and carbon:');
  out.push(pad(energyRows(e)).replace(/^/gm, '   '));
  for (const line of gridLines(e)) out.push(`   ${line}`);
  for (const p of e.platforms) {
    out.push('');
    out.push(`== ${p.name} (${p.type}) on ${p.host}: ${p.hosts} hosts (${p.loadHosts} + ${p.spareHosts} spare), ${p.instances} instances`);
    for (const pool of p.pools) {
      const dens = pool.workloads.map((w) => `${w.workload} ${w.maxPerHost}/host (${w.binding})`).join(', ');
      out.push(`   ${pool.os} pool: ${pool.hosts} hosts, binds on ${pool.binding}${dens ? `; alone: ${dens}` : ''}`);
    }
    out.push(pad(layerRows(p)).replace(/^/gm, '   '));
    out.push('');
    out.push(pad(lineItemRows(p, f)).replace(/^/gm, '   '));
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
    for (const a of flagged) out.push(`  - ${a.id} = ${JSON.stringify(a.value)} ${a.unit} [${a.flags.join(', ')}; ${assumptionText(a).source.title}, ${a.asOf}]`);
  }
  return out.join('\n') + '\n';
}

/** The evaluation as JSON: money as decimal strings, capacities as integers. */
export function formatJson(e: Evaluation): string {
  return JSON.stringify(describeEvaluation(e), null, 2) + '\n';
}

/**
 * The evaluation with the words of its figures put back: each assumption described (label, source,
 * note) and each platform's grid figure with its source, as the JSON report prints them.
 */
export function describeEvaluation(e: Evaluation): Omit<Evaluation, 'assumptions'> & { assumptions: DescribedAssumption[] } {
  return {
    ...e,
    platforms: e.platforms.map((p) => {
      const g = p.energy.grid;
      const { id, version, ...rest } = g;
      const grid = { id, ...(version !== undefined ? { version } : {}), source: assumptionText(g).source, ...rest };
      return { ...p, energy: { ...p.energy, grid } };
    }),
    assumptions: e.assumptions.map(describeAssumption),
  };
}

/**
 * Every line item of every platform, one row each, with a column per year, then two rows per
 * platform that are not money: its electricity in kWh a year (`energy`) and the CO2e of that
 * electricity over the horizon in kg (`carbon`), with the money columns empty. Exact decimals.
 */
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
    // Not money: the amount is in `quantity` (see `unit`) and the money columns stay empty, so a sum
    // of `total` per platform is still its TCO.
    const blank = ['', '', ...years.map(() => ''), '', ''];
    const power = p.lineItems.find((li) => li.component === 'power');
    const g = p.energy.grid;
    rows.push([p.name, 'energy', 'energy', 'Electricity use (PUE included)', p.energy.kWhPerYear.toString(), 'kWh/year', ...blank, power?.formula ?? '', 'power.pue power.averageLoad']);
    rows.push([
      p.name,
      'carbon',
      'carbon',
      `CO2e of electricity (grid ${g.gCO2ePerKWh.toString()} gCO2e/kWh${g.version ? `, ${g.version}` : ''})`,
      p.energy.co2eKgOverHorizon.toString(),
      `kg CO2e/${e.scenario.horizonYears} years`,
      ...blank,
      p.energy.formula,
      g.id,
    ]);
  }
  return csvRows(rows);
}

/** A Markdown report: overview, summary, energy and carbon, per-platform breakdown and line items, assumptions. */
export function formatMarkdown(e: Evaluation, options: ReportOptions = {}): string {
  const f = reportMoney(e.scenario.currency, options.locale);
  const out: string[] = [];
  out.push(`# ${mdCell(e.scenario.name)}`);
  out.push('');
  out.push(`Currency ${e.scenario.currency}, horizon ${e.scenario.horizonYears} years, baseline **${mdCell(e.scenario.baseline)}**.`);
  out.push('');
  out.push(mdTable(overviewRows(e, f)));
  out.push('');
  out.push(mdCell(e.summary));
  out.push('');
  out.push('## Energy and carbon');
  out.push('');
  out.push(mdTable(energyRows(e)));
  out.push('');
  out.push(mdCell(gridLines(e).join(' ')));
  for (const p of e.platforms) {
    out.push('');
    out.push(`## ${mdCell(p.name)} (${p.type})`);
    out.push('');
    out.push(`${p.hosts} hosts of ${mdCell(p.host)} (${p.loadHosts} for the load, ${p.spareHosts} spare), ${p.instances} instances, binds on ${p.binding}.`);
    out.push('');
    out.push(mdTable(layerRows(p)));
    out.push('');
    out.push(mdTable(lineItemRows(p, f)));
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
        sourceMd(assumptionText(a).source),
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
        const beaten = g.rejected.filter((r) => r.annualCost !== null).map((r) => `${r.label} ${f.amount(r.annualCost!)}`);
        const chosen = `${g.chosen.label} ${g.chosen.annualCost ? f.amount(g.chosen.annualCost) : ''}`;
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
 * Renders an evaluation in one of the report formats. `table` and `md` show money in the
 * scenario's currency for `options.locale` (default en-US); `csv` and `json` keep plain exact
 * decimals with the currency in a column or field.
 *
 * @example
 * formatEvaluation(evaluate(scenario), 'csv').split('\n')[0] //=> 'platform,category,component,name,...'
 * formatEvaluation(evaluate({ ...scenario, currency: 'EUR' }), 'table', { locale: 'de-DE' }) // amounts like 429.345 €
 */
export function formatEvaluation(e: Evaluation, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'table':
      return formatTable(e, options);
    case 'json':
      return formatJson(e);
    case 'csv':
      return formatCsv(e);
    case 'md':
      return formatMarkdown(e, options);
  }
}

export { formatMoney };

function sourceMd(s: Source): string {
  return s.url ? `[${s.title}](${s.url})` : s.title;
}
