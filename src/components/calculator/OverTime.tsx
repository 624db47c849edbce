/**
 * Costs over time (loaded on demand by OverTimeSection): the package's `project` run in a Web
 * Worker after each change of the scenario, shown as a chart of money per year per platform (with
 * its table and sentence), totals, and each platform's years. A toggle switches the money between
 * cash as paid (with its present value) and the amortized (accounting) view.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import type { MoneyView, OverTimeRequest, OverTimeResponse, OverTimeResult } from '../../lib/overTime';
import { ChartPanel, DataTable } from '../charts/ChartPanel';
import './overtime.css';

declare global {
  interface Window {
    /** Milliseconds each projection took in the worker (read by the browser tests). */
    __kernelcountOverTime?: number[];
  }
}

const DEBOUNCE_MS = 200;

/** Runs projections in a module Web Worker; the newest request wins. */
function useProjection(draft: Draft, today: string): { result: OverTimeResult | null; busy: boolean; failed: string | null } {
  const [result, setResult] = useState<OverTimeResult | null>(null);
  const [busy, setBusy] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    let w: Worker;
    try {
      w = new Worker(new URL('./overTime.worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      setFailed(`The costs over time could not start in this browser (${(err as Error).message}).`);
      return;
    }
    w.onmessage = (ev: MessageEvent<OverTimeResponse>) => {
      const m = ev.data;
      if (m.id !== latest.current) return;
      (window.__kernelcountOverTime ??= []).push(m.ms);
      setResult(m);
      setBusy(false);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      setFailed(`The costs over time stopped: ${ev.message || 'the worker could not be loaded'}. Reload the page to try again.`);
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const id = ++latest.current;
    setBusy(true);
    const req: OverTimeRequest = { id, scenario: draft, today };
    const t = setTimeout(() => worker.current?.postMessage(req), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [draft, today]);

  return { result, busy, failed };
}

/** Opens every year table for printing, and closes again the ones that were closed. */
function usePrintOpen(root: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    let closed: HTMLDetailsElement[] = [];
    const before = () => {
      closed = [...(root.current?.querySelectorAll('details') ?? [])].filter((d) => !d.open);
      for (const d of closed) d.open = true;
    };
    const after = () => {
      for (const d of closed) d.open = false;
      closed = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}

export default function OverTime({ draft, today }: { draft: Draft; today: string }) {
  const { result, busy, failed } = useProjection(draft, today);
  const [view, setView] = useState<MoneyView>('cash');
  const name = useId();
  const root = useRef<HTMLDivElement>(null);
  usePrintOpen(root);

  return (
    <div className="over-time" ref={root} data-busy={busy ? 'true' : 'false'}>
      <p className="visually-hidden" role="status">
        {busy ? 'Working out the costs over time…' : ''}
      </p>
      {failed && (
        <p className="notice error" role="alert">
          {failed}
        </p>
      )}
      {!result && !failed && <p className="muted">Working out the costs year by year…</p>}
      {result && !result.ok && (
        <div className="notice error" role="alert" data-testid="over-time-errors">
          <p>The costs over time cannot be worked out for this scenario:</p>
          <ul>
            {result.issues.map((i, k) => (
              <li key={k}>
                <code>{i.path || 'scenario'}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && (
        <>
          <p className="muted small" data-testid="over-time-inputs">
            {result.view.inputs}. Change them under “Over time” in the editor.
          </p>
          <fieldset className="over-time-view no-print">
            <legend>Money shown</legend>
            <label>
              <input type="radio" name={name} value="cash" checked={view === 'cash'} onChange={() => setView('cash')} /> cash as paid, with its present value
            </label>
            <label>
              <input type="radio" name={name} value="amortized" checked={view === 'amortized'} onChange={() => setView('amortized')} /> amortized (hardware spread over its life)
            </label>
          </fieldset>
          <ChartPanel data={result.view.chart[view]} />
          <DataTable table={result.view.totals[view]} testId="over-time-totals" region />
          {result.view.platforms.map((p, i) => (
            <details key={p.name} className="over-time-years" open={i === 0} data-platform={p.name}>
              <summary>{p.name}: year by year</summary>
              <DataTable table={p.years[view]} testId={`over-time-years-${p.name}`} region />
              {[...p.warnings, ...p.notes].length > 0 && (
                <ul className="small">
                  {p.warnings.map((w, k) => (
                    <li key={`w${k}`}>
                      <strong>Check:</strong> {w}
                    </li>
                  ))}
                  {p.notes.map((n, k) => (
                    <li key={`n${k}`}>{n}</li>
                  ))}
                </ul>
              )}
            </details>
          ))}
          {result.view.notes.length + result.view.warnings.length > 0 && (
            <ul className="small muted">
              {[...result.view.warnings, ...result.view.notes].map((n, k) => (
                <li key={k}>{n}</li>
              ))}
            </ul>
          )}
          <p className="muted small">
            Cash books each year&apos;s payments at its start (a host&apos;s price the year it is bought, or a level lease payment each year of its life); present value discounts each year&apos;s cash to today. No resale value, inflation or
            taxes. The <a href="/docs/#api-project">package documentation</a> explains every figure.
          </p>
        </>
      )}
    </div>
  );
}
