/**
 * The "Costs over time" section of the results: a heading and, until asked, a button. It opens by
 * itself when the scenario sets growth or finance; its content (the projection, its worker, tables
 * and chart) is a chunk of its own, fetched only then, so the calculator's first load carries none
 * of it. Also the cards' energy and carbon rows and the grid line, in a small chunk fetched with
 * the first results (placeholders of the same height until then, so nothing moves).
 */
import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import { hasOverTime } from '../../lib/overTimeFields';
import type { EnergyRows, GridLine } from './OverTimeEnergy';

const OverTime = lazy(() => import('./OverTime'));
const energy = () => import('./OverTimeEnergy');
const Rows = lazy(() => energy().then((m) => ({ default: m.EnergyRows })));
const Grid = lazy(() => energy().then((m) => ({ default: m.GridLine })));

/** False on the server and in hydration: lazy parts render only in the browser, after it. */
function useMounted(): boolean {
  const [m, setM] = useState(false);
  useEffect(() => setM(true), []);
  return m;
}

export function CardEnergy(props: ComponentProps<typeof EnergyRows>) {
  const wait = (dt: string) => (
    <div>
      <dt>{dt}</dt>
      <dd>…</dd>
    </div>
  );
  const fallback = (
    <>
      {wait('Electricity')}
      {wait('CO2e')}
    </>
  );
  return useMounted() ? (
    <Suspense fallback={fallback}>
      <Rows {...props} />
    </Suspense>
  ) : (
    fallback
  );
}

export function GridCarbonLine(props: ComponentProps<typeof GridLine>) {
  const fallback = <p className="muted small">…</p>;
  return useMounted() ? (
    <Suspense fallback={fallback}>
      <Grid {...props} />
    </Suspense>
  ) : (
    fallback
  );
}

export function OverTimeSection({ draft, today }: { draft: Draft; today: string }) {
  const auto = hasOverTime(draft);
  const [shown, setShown] = useState(auto);
  useEffect(() => {
    if (auto) setShown(true);
  }, [auto]);
  return (
    <section aria-labelledby="over-time-h" className={shown ? 'over-time-section' : 'over-time-section no-print'} data-testid="over-time">
      <h2 id="over-time-h">Costs over time</h2>
      {shown ? (
        <Suspense fallback={<p className="muted">Loading costs over time…</p>}>
          <OverTime draft={draft} today={today} />
        </Suspense>
      ) : (
        <p className="muted">
          Year by year: hosts bought for growth and at refresh, cash, present value and CO2e. Set growth or a discount rate under “Over time” in the editor, or{' '}
          <button type="button" onClick={() => setShown(true)}>
            Show costs over time
          </button>
        </p>
      )}
    </section>
  );
}
