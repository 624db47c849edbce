/**
 * The "Costs over time" section of the results: a heading and, until asked, a button. It shows
 * by itself while the scenario sets growth or finance; its content (the projection, its worker, tables
 * and chart) is a chunk of its own, fetched only then, so the calculator's first load carries none
 * of it. Also the cards' energy and carbon rows and the grid line, in a small chunk fetched with
 * the first results (placeholders of the same height until then, so nothing moves).
 */
import type { Evaluation, PlatformResult } from 'kernelcount';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import { hasOverTime } from '../../lib/overTimeFields';

const OverTime = lazy(() => import('./OverTime'));
const Energy = lazy(() => import('./OverTimeEnergy'));

/** A lazily loaded part, rendered only in the browser once hydrated (`fallback` until it has loaded). */
function Later({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}

/** A card's energy and carbon rows. */
export const CardEnergy = (props: { e: Evaluation; p: PlatformResult }) => (
  <Later
    fallback={['Electricity', 'CO2e'].map((dt) => (
      <div key={dt}>
        <dt>{dt}</dt>
        <dd>…</dd>
      </div>
    ))}
  >
    <Energy {...props} />
  </Later>
);

/** The grid figure with its source and date, under the cards. */
export const GridCarbonLine = (props: { e: Evaluation }) => (
  <Later fallback={<p className="muted small">…</p>}>
    <Energy {...props} />
  </Later>
);

export function OverTimeSection({ draft, today }: { draft: Draft; today: string }) {
  const [asked, setAsked] = useState(false);
  const shown = asked || hasOverTime(draft);
  return (
    <section aria-labelledby="over-time-h" className={shown ? '' : 'no-print'} data-testid="over-time">
      <h2 id="over-time-h">Costs over time</h2>
      {shown ? (
        <Suspense fallback={null}>
          <OverTime draft={draft} today={today} />
        </Suspense>
      ) : (
        <button type="button" onClick={() => setAsked(true)}>
          Show costs over time
        </button>
      )}
    </section>
  );
}
