/**
 * The Decisions section of the results: a closed <details> that loads the panel (its own chunk,
 * with its worker) the first time it is opened, so the calculator's first load carries none of it.
 * Once the panel has been opened, printing opens it, so the report includes what it computed.
 */
import type { Evaluation } from 'kernelcount';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Draft } from '../../lib/calculatorModel';

const Decisions = lazy(() => import('./Decisions'));

export function DecisionsSection({ e, draft, today }: { e: Evaluation; draft: Draft; today: string }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [printing, setPrinting] = useState(false);
  const printingRef = useRef(false);
  useEffect(() => {
    const before = () => {
      printingRef.current = true;
      flushSync(() => setPrinting(true));
    };
    const after = () => {
      printingRef.current = false;
      setPrinting(false);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    const mq = window.matchMedia?.('print');
    const onChange = (ev: MediaQueryListEvent) => (ev.matches ? before() : after());
    mq?.addEventListener?.('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      mq?.removeEventListener?.('change', onChange);
    };
  }, []);
  const shown = open || (printing && opened);
  return (
    <section aria-labelledby="decisions-h" className={opened ? 'decisions-section' : 'decisions-section no-print'}>
      <h2 id="decisions-h">Decisions</h2>
      <p className="muted no-print">At what value the cheaper platform changes, and which input matters most, for two platforms you pick.</p>
      <details
        className="decisions-details"
        open={shown}
        data-testid="decisions-panel"
        onToggle={(ev) => {
          if (printingRef.current) return;
          const isOpen = (ev.currentTarget as HTMLDetailsElement).open;
          setOpen(isOpen);
          if (isOpen) setOpened(true);
        }}
      >
        <summary>Break-even and sensitivity</summary>
        {opened && (
          <Suspense fallback={<p className="muted">Loading the decision tools…</p>}>
            <Decisions e={e} draft={draft} today={today} open={open} />
          </Suspense>
        )}
      </details>
    </section>
  );
}
