/**
 * The "Costs over time" section of the results: a heading and, until asked, a button. It shows
 * by itself while the scenario sets growth or finance; its content (the projection, its worker, tables
 * and chart) is a chunk of its own, fetched only then, so the calculator's first load carries none
 * of it. Also the cards' energy and carbon rows and the grid line, in a small chunk fetched with
 * the first results (placeholders of the same height until then, so nothing moves).
 */
import { lazy, Suspense, useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import { hasOverTime } from '../../lib/overTimeFields';
import type { EnergyRows, GridLine } from './OverTimeEnergy';

const OverTime = lazy(() => import('./OverTime'));
const energy = () => import('./OverTimeEnergy');
const Rows = lazy(() => energy().then((m) => ({ default: m.EnergyRows })));
const Grid = lazy(() => energy().then((m) => ({ default: m.GridLine })));

/** A lazily loaded part, rendered only in the browser once hydrated (`fallback` until it has loaded). */
function Later({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}

export const CardEnergy = (props: ComponentProps<typeof EnergyRows>) => (
  <Later
    fallback={['Electricity', 'CO2e'].map((dt) => (
      <div key={dt}>
        <dt>{dt}</dt>
        <dd>…</dd>
      </div>
    ))}
  >
    <Rows {...props} />
  </Later>
);

export const GridCarbonLine = (props: ComponentProps<typeof GridLine>) => (
  <Later fallback={<p className="muted small">…</p>}>
    <Grid {...props} />
  </Later>
);

export function OverTimeSection({ draft, today }: { draft: Draft; today: string }) {
  const [asked, setAsked] = useState(false);
  const shown = asked || hasOverTime(draft);
  return (
    <section aria-labelledby="over-time-h" className={shown ? '' : 'no-print'} data-testid="over-time">
      <h2 id="over-time-h">Costs over time</h2>
      {shown ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <OverTime draft={draft} today={today} />
        </Suspense>
      ) : (
        <p className="muted">
          Hosts, cash, present value and CO2e year by year, with growth and discounting (under “Over time” in the editor).{' '}
          <button type="button" onClick={() => setAsked(true)}>
            Show costs over time
          </button>
        </p>
      )}
    </section>
  );
}
