/**
 * Compare two versions of a scenario: "Keep as A" takes a snapshot of the scenario on screen (kept
 * in the page and in local storage, like the autosave); after edits, the comparison lists the
 * inputs that differ and, per platform, the line items they moved and the total's change, from
 * the package's `diffScenarios`. Only this shell loads with the page: the snapshot helpers, the
 * table and the diff code load when A is kept (or was kept on an earlier visit).
 */
import { useEffect, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import type { Draft } from '../../lib/calculatorModel';
import type { Snapshot } from '../../lib/compare';
import './inventory.css';

type TableProps = { a: Draft; b: Draft; today: string };
const loadTable = () => import('./CompareTable');
const loadCompare = () => import('../../lib/compare');
/** Where A is stored (the same as `SNAPSHOT_KEY` in lib/compare.ts, read here without loading it). */
const STORAGE_KEY = 'kernelcount.calculator.compareA.v1';

/** True between beforeprint and afterprint, so the printed report has the comparison when A is kept. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

function store(s: Snapshot | null) {
  try {
    if (s) localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* private mode or full: A stays for this visit */
  }
}

export function CompareSection({ draft, today }: { draft: Draft; today: string }) {
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  const [Table, setTable] = useState<{ C: ComponentType<TableProps> } | { error: string } | null>(null);
  const printing = usePrinting();

  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(STORAGE_KEY);
    } catch {
      /* storage unavailable: A lives in the page only */
    }
    if (raw) void loadCompare().then((m) => setSnap((s) => s ?? m.parseSnapshot(raw)));
  }, []);
  // With A kept, fetch the table's code ahead, so that opening it (or printing) has it at once.
  useEffect(() => {
    if (!snap || Table !== null) return;
    loadTable().then(
      (m) => setTable({ C: m.default }),
      (err: unknown) => setTable({ error: `The comparison could not be loaded (${err instanceof Error ? err.message : String(err)}). Check the connection and reload the page.` }),
    );
  }, [snap, Table]);

  const keep = async () => {
    let makeSnapshot: Awaited<ReturnType<typeof loadCompare>>['makeSnapshot'];
    try {
      ({ makeSnapshot } = await loadCompare());
    } catch {
      setSaid('A could not be kept: the page could not load what it needs. Check the connection and try again.');
      return;
    }
    const s = makeSnapshot(draft);
    setSnap(s);
    setSaid(`Kept “${s.name}” as A. Change the scenario, then compare.`);
    store(s);
  };
  const forget = () => {
    setSnap(null);
    setOpen(false);
    setSaid('Forgot A.');
    store(null);
  };
  const shown = snap !== null && (open || printing);

  return (
    <section aria-labelledby="compare-h" className={`compare${shown ? '' : ' no-print'}`} data-testid="compare">
      <h2 id="compare-h">Compare two versions</h2>
      {snap ? (
        <p>
          A is “{snap.name}”, kept {snap.keptAt ? new Date(snap.keptAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : 'earlier'}; B is the
          scenario on screen.
        </p>
      ) : (
        <p className="muted">Keep this scenario as A, change what you want to try, then compare: the inputs that differ, and per platform the line items they moved and the change in the total.</p>
      )}
      <div className="compare-actions no-print">
        <button type="button" onClick={() => void keep()}>
          {snap ? 'Keep this as A instead' : 'Keep as A'}
        </button>
        {snap && (
          <button type="button" aria-expanded={open} aria-controls="compare-view" onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide the comparison' : 'Compare A with B'}
          </button>
        )}
        {snap && (
          <button type="button" onClick={forget}>
            Forget A
          </button>
        )}
      </div>
      <p role="status" className="small muted no-print">
        {said}
      </p>
      <div id="compare-view" className="compare-view">
        {shown &&
          (Table === null ? (
            <p className="muted">Loading the comparison…</p>
          ) : 'error' in Table ? (
            <p className="notice error" role="alert">
              {Table.error}
            </p>
          ) : (
            <Table.C a={snap.draft} b={draft} today={today} />
          ))}
      </div>
    </section>
  );
}
