/**
 * The results: a plain-language summary, one card per platform, the charts with their tables, and
 * every figure expandable to its line items (formula, inputs, sources). Nothing is computed here
 * that the package did not compute; this only arranges it.
 */
import { assumptionText, safeEvaluate, type Evaluation, type PlatformResult } from 'kernelcount';
import { memo, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  DENSITY_SIZES,
  costChart,
  cumulativeChart,
  densityChart,
  densityScenario,
  efficiency,
  efficiencyChart,
  hostsChart,
  layersChart,
  licensingChart,
  lineItemsByCategory,
  perInstanceChart,
  type DensityPoint,
  type Draft,
} from '../../lib/calculatorModel';
import { formatCurrency, formatGiB, formatInt, formatPercent } from '../../lib/format';
import { PLATFORM_COLOURS } from '../../lib/palette';
import { ChartPanel } from '../charts/ChartPanel';
import { CompareSection } from './CompareSection';
import { DecisionsSection } from './DecisionsSection';
import { CardEnergy, GridCarbonLine, OverTimeSection } from './OverTimeSection';
import { RangeSlot } from './UncertaintyRange';

const BINDING_WORDS: Record<string, string> = {
  cpu: 'CPU',
  memory: 'memory',
  disk: 'disk',
  pods: 'the pod limit',
  'cluster-size': 'control-plane minimum',
};

/** The first sentence of the package's summary (the baseline), and the flagged-defaults sentence. */
function summaryLead(e: Evaluation): string {
  const base = e.platforms.find((p) => p.name === e.scenario.baseline) ?? e.platforms[0];
  if (!base) return e.summary;
  const first = `${base.name} (the baseline) needs ${base.hosts} host${base.hosts === 1 ? '' : 's'}, bound by ${BINDING_WORDS[base.binding] ?? base.binding}.`;
  const flagged = e.assumptions.filter((a) => a.flags.length > 0).length;
  return flagged ? `${first} ${flagged} of the ${e.assumptions.length} defaults used are weak or older than 18 months: check them against your own figures.` : first;
}

/**
 * A <details> whose content is rendered only while open, so long tables cost nothing until
 * asked for. Printing opens them all (see `usePrinting`).
 */
export function LazyDetails({ summary, className, children, ...rest }: { summary: React.ReactNode; className?: string; children: () => React.ReactNode } & Record<`data-${string}`, string>) {
  const printing = usePrinting();
  const [open, setOpen] = useState(false);
  const shown = open || printing;
  return (
    <details className={className} open={shown} onToggle={(ev) => setOpen((ev.target as HTMLDetailsElement).open)} {...rest}>
      <summary>{summary}</summary>
      {shown ? children() : null}
    </details>
  );
}

/** True between beforeprint and afterprint, rendered synchronously so the print has every section. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    const mq = window.matchMedia?.('print');
    const onChange = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    mq?.addEventListener?.('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      mq?.removeEventListener?.('change', onChange);
    };
  }, []);
  return printing;
}

function PlatformCard({ p, e }: { p: PlatformResult; e: Evaluation }) {
  const cur = e.scenario.currency;
  const eff = efficiency(p);
  const cmp = e.comparisons.find((c) => c.platform === p.name);
  return (
    <article className="card" style={{ borderTopColor: PLATFORM_COLOURS[p.type] }} data-platform={p.name}>
      <h3>{p.name}</h3>
      <dl>
        <div>
          <dt>Hosts</dt>
          <dd data-testid={`hosts-${p.name}`}>
            {formatInt(p.hosts)}
            {p.spareHosts > 0 && <span className="muted"> ({p.spareHosts} spare)</span>}
            {p.addedHosts > 0 && <span className="muted"> ({p.addedHosts} added for licences)</span>}
          </dd>
        </div>
        <div>
          <dt>Bound by</dt>
          <dd>{BINDING_WORDS[p.binding] ?? p.binding}</dd>
        </div>
        <div>
          <dt>{e.scenario.horizonYears}-year cost</dt>
          <dd data-testid={`tco-${p.name}`}>{formatCurrency(p.tco, cur)}</dd>
        </div>
        <div>
          <dt>Per instance-month</dt>
          <dd>{formatCurrency(p.costPerInstanceMonth, cur, 2)}</dd>
        </div>
        <div>
          <dt>Instances per host</dt>
          <dd>{p.instancesPerHost}</dd>
        </div>
        <CardEnergy p={p} e={e} />
      </dl>
      <p className="efficiency" title="Share of all host memory, including spare hosts">
        Host memory: <strong>{formatPercent(eff.app)}</strong> workloads, {formatPercent(eff.overhead)} overhead, {formatPercent(eff.idle)} idle
      </p>
      {cmp && <p className="muted small">{cmp.tcoDeltaPercent ? `${cmp.tcoDelta.isNeg() ? '' : '+'}${cmp.tcoDeltaPercent.toDecimalPlaces(1).toString()}% vs ${cmp.baseline}` : ''}</p>}
    </article>
  );
}

function LineItems({ p, e }: { p: PlatformResult; e: Evaluation }) {
  const cur = e.scenario.currency;
  return (
    <LazyDetails
      className="line-items"
      data-line-items={p.name}
      summary={
        <>
          {p.name}: {formatCurrency(p.tco, cur)} over {e.scenario.horizonYears} years, {p.lineItems.length} line items
        </>
      }
    >
      {() => (
      <div className="table-scroll">
        <table>
          <caption>Line items of {p.name} (sums to the total exactly)</caption>
          <thead>
            <tr>
              <th scope="col">item</th>
              <th scope="col" className="num">
                quantity
              </th>
              <th scope="col">unit</th>
              <th scope="col" className="num">
                unit price
              </th>
              <th scope="col" className="num">
                per year
              </th>
              <th scope="col" className="num">
                total
              </th>
            </tr>
          </thead>
          {lineItemsByCategory(p).map((g) => (
            <tbody key={g.category}>
              <tr className="category-row">
                <th colSpan={6} scope="rowgroup">
                  {g.category}
                </th>
              </tr>
              {g.items.map((li, i) => (
                <tr key={i}>
                  <th scope="row">
                    {li.name}
                    <div className="formula">
                      <code>{li.formula}</code>
                    </div>
                    {li.sources.length > 0 && (
                      <div className="sources">
                        sources:{' '}
                        {li.sources.map((s, j) => (
                          <span key={s}>
                            {j > 0 && ', '}
                            <a href={`/assumptions/#${encodeURIComponent(s)}`}>{s}</a>
                          </span>
                        ))}
                      </div>
                    )}
                  </th>
                  <td className="num">{li.quantity.toDecimalPlaces(2).toString()}</td>
                  <td>{li.unit}</td>
                  <td className="num">{formatCurrency(li.unitPrice, cur, 2)}</td>
                  <td className="num">{formatCurrency(li.annualCost, cur, 2)}</td>
                  <td className="num">{formatCurrency(li.total, cur, 2)}</td>
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">total</th>
              <td colSpan={4} />
              <td className="num">{formatCurrency(p.tco, cur, 2)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      )}
    </LazyDetails>
  );
}

export function Assumptions({ e }: { e: Evaluation }) {
  return (
    <div className="table-scroll">
      <table className="assumptions-table">
        <caption>Defaults this evaluation used ({e.assumptions.length}), with source, date and trust</caption>
        <thead>
          <tr>
            <th scope="col">default</th>
            <th scope="col">value</th>
            <th scope="col">source</th>
            <th scope="col">as of</th>
            <th scope="col">trust</th>
          </tr>
        </thead>
        <tbody>
          {e.assumptions.map((a) => [a, assumptionText(a)] as const).map(([a, t]) => (
            <tr key={`${a.id}@${a.version ?? ''}`} className={a.flags.length ? 'flagged' : undefined}>
              <th scope="row">
                <a href={`/assumptions/#${encodeURIComponent(a.id)}`}>{t.label}</a>
                {a.version && <span className="muted"> (version {a.version})</span>}
              </th>
              <td>
                <code>{typeof a.value === 'object' ? JSON.stringify(a.value) : String(a.value)}</code> {a.unit}
              </td>
              <td>{t.source.url ? <a href={t.source.url}>{t.source.title}</a> : t.source.title}</td>
              <td>{a.asOf}</td>
              <td>
                {a.trust}
                {a.flags.length > 0 && <strong className="flag"> {a.flags.join(', ')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Instances per host at each instance size, evaluated in idle time after the main results. */
function useDensity(draft: Draft, e: Evaluation, today: string): DensityPoint[] | null {
  const [points, setPoints] = useState<DensityPoint[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    const out: DensityPoint[] = [];
    let i = 0;
    const idle = (cb: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 500 }) : setTimeout(cb, 30));
    const step = () => {
      if (cancelled) return;
      const size = DENSITY_SIZES[i];
      if (size === undefined) {
        setPoints(out);
        return;
      }
      const r = safeEvaluate(densityScenario(draft, size), { today });
      const perHost: Record<string, number> = {};
      // No spares in the probe scenario, so the package's instances per host is the density.
      if (r.ok) for (const p of r.value.platforms) perHost[p.name] = p.instancesPerHost;
      out.push({ memoryGiB: size, perHost });
      i++;
      idle(step);
    };
    idle(step);
    return () => {
      cancelled = true;
    };
  }, [draft, e, today]);
  return points;
}

function ResultsView({ e, draft, today }: { e: Evaluation; draft: Draft; today: string }) {
  const charts = useMemo(() => {
    const list = [hostsChart(e), costChart(e), cumulativeChart(e), perInstanceChart(e), layersChart(e, 'memoryMiB'), layersChart(e, 'diskMiB'), efficiencyChart(e)];
    const lic = licensingChart(e);
    if (lic) list.push(lic);
    return list;
  }, [e]);
  const density = useDensity(draft, e, today);
  const densityData = useMemo(() => (density ? densityChart(density, e.platforms) : null), [density, e]);
  const flagged = e.assumptions.filter((a) => a.flags.length > 0).length;
  return (
    <div className="results">
      <section aria-labelledby="summary-h" className="summary">
        <h2 id="summary-h">What it takes</h2>
        <div className="headline" data-testid="summary" aria-live="polite">
          <p>{summaryLead(e)}</p>
          {e.comparisons.length > 0 && (
            <ul>
              {e.comparisons.map((c) => (
                <li key={c.platform}>{c.summary}</li>
              ))}
            </ul>
          )}
        </div>
        {e.warnings.length > 0 && (
          <div className="notice warn" role="note">
            <strong>Check before you rely on this:</strong>
            <ul>
              {e.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="cards">
          {e.platforms.map((p) => (
            <PlatformCard key={p.name} p={p} e={e} />
          ))}
        </div>
        <GridCarbonLine e={e} />
      </section>

      {/* How sure is this: the Monte Carlo panel and its worker, loaded only for a scenario that gives a range. */}
      <RangeSlot part="results" e={e} draft={draft} today={today} />

      <CompareSection draft={draft} today={today} />

      <section aria-labelledby="charts-h">
        <h2 id="charts-h">Charts</h2>
        <div className="charts">
          {charts.map((c) => (
            <ChartPanel key={c.id} data={c} />
          ))}
          {densityData ? <ChartPanel data={densityData} /> : <p className="muted">Working out density by instance size…</p>}
        </div>
      </section>

      <OverTimeSection draft={draft} today={today} />

      <DecisionsSection e={e} draft={draft} today={today} />

      <section aria-labelledby="items-h">
        <h2 id="items-h">Line items</h2>
        <p className="muted">Every cost is quantity x unit price per year, with the formula and the defaults it used. Open a platform to see them.</p>
        {e.platforms.map((p) => (
          <LineItems key={p.name} p={p} e={e} />
        ))}
      </section>

      <section aria-labelledby="sizing-h">
        <h2 id="sizing-h">How each platform was sized</h2>
        {e.platforms.map((p) => (
          <LazyDetails
            key={p.name}
            className="sizing"
            summary={
              <>
                {p.name}: {formatInt(p.hosts)} hosts, {formatInt(p.instances)} instances
                {p.vms > 0 ? `, ${formatInt(p.vms)} VMs` : ''}
              </>
            }
          >
            {() => p.pools.map((pool, i) => (
              <div key={i} className="pool">
                <h4>
                  {pool.os} cluster: {pool.hosts} hosts ({pool.spareHosts} spare{pool.addedHosts > 0 ? `, ${pool.addedHosts} added for licences` : ''}), bound by {BINDING_WORDS[pool.binding] ?? pool.binding}
                </h4>
                <p>
                  Usable per host: {formatInt(pool.usablePerHost.cpuMillicores)} millicores, {formatGiB(pool.usablePerHost.memoryMiB)}, {formatGiB(pool.usablePerHost.diskMiB)} disk
                  {pool.usablePerHost.pods > 0 ? `, ${pool.usablePerHost.pods} pods` : ''}.
                </p>
                <ul className="formulas">
                  {pool.formulas.map((f, j) => (
                    <li key={j}>
                      <code>{f}</code>
                    </li>
                  ))}
                </ul>
                <div className="table-scroll">
                  <table>
                    <caption>Per instance, by workload</caption>
                    <thead>
                      <tr>
                        <th scope="col">workload</th>
                        <th scope="col" className="num">instances</th>
                        <th scope="col" className="num">CPU (m)</th>
                        <th scope="col" className="num">memory with overhead (MiB)</th>
                        <th scope="col" className="num">alone, per host</th>
                        <th scope="col">runtime</th>
                      </tr>
                    </thead>
                    <tbody>
                      {pool.workloads.map((w) => (
                        <tr key={w.workload}>
                          <th scope="row">{w.workload}</th>
                          <td className="num">{formatInt(w.instances)}</td>
                          <td className="num">{formatInt(w.perInstance.cpuMillicores)}</td>
                          <td className="num">{formatInt(Object.values(w.perInstance.memoryMiB).reduce((a, b) => a + b, 0))}</td>
                          <td className="num">{formatInt(w.maxPerHost)}</td>
                          <td>{w.sandbox ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ))}
          </LazyDetails>
        ))}
      </section>

      <section aria-labelledby="assumptions-h">
        <h2 id="assumptions-h">Assumptions</h2>
        <p>
          {flagged > 0 ? `${flagged} of ${e.assumptions.length} defaults used are weak or older than 18 months; replace them with your own figures where you can.` : 'Every default used is recent and from a vendor or good secondary source.'}{' '}
          All defaults, with sources, are on the <a href="/assumptions/">assumptions page</a>.
        </p>
        <LazyDetails className="assumptions-details" summary="Defaults used by this evaluation">
          {() => <Assumptions e={e} />}
        </LazyDetails>
        {e.notes.length > 0 && (
          <LazyDetails summary={`Notes (${e.notes.length})`}>
            {() => (
              <ul>
                {e.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            )}
          </LazyDetails>
        )}
      </section>
    </div>
  );
}

export const Results = memo(ResultsView);
