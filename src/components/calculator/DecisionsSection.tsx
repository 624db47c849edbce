/**
 * The Decisions section of the results: a closed <details> that loads the panel (its own chunk,
 * with its worker) the first time it is opened, so the calculator's first load carries none of it.
 * Once the panel has been opened, printing opens it, so the report includes what it computed.
 */
import type { Evaluation } from 'kernelcount';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../lib/calculatorModel';

const Decisions = lazy(() => import('./Decisions'));

export function DecisionsSection({ e, draft, today }: { e: Evaluation; draft: Draft; today: string }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const openedRef = useRef(false);
  openedRef.current = opened;

  // The <details> is left to the browser (its state is read back on each toggle); printing opens
  // it when it has results, and closes it again after if it was closed.
  useEffect(() => {
    let wasOpen: boolean | null = null;
    const before = () => {
      const el = details.current;
      if (!el || !openedRef.current || wasOpen !== null) return;
      wasOpen = el.open;
      el.open = true;
    };
    const after = () => {
      const el = details.current;
      if (el && wasOpen === false) el.open = false;
      wasOpen = null;
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

  return (
    <section aria-labelledby="decisions-h" className={opened ? 'decisions-section' : 'decisions-section no-print'}>
      <h2 id="decisions-h">Decisions</h2>
      <p className="muted no-print">At what value the cheaper platform changes, and which input matters most, for two platforms you pick.</p>
      <details
        ref={details}
        className="decisions-details"
        data-testid="decisions-panel"
        onToggle={() => {
          // Read the element, not the event: toggles queued around a print may arrive late.
          const isOpen = details.current?.open ?? false;
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
