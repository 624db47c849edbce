/**
 * "How sure is this": loaded only when the scenario gives a range. Runs the package's Monte Carlo
 * in a worker (uncertainty.worker.ts) a short pause after the last change, cancelling a run that
 * a newer scenario replaces, and shows its progress, then the P10-P90 band of each platform's
 * total over the TCO bars, the P50, and the chance that each platform costs less than the
 * baseline, in a sentence and in the chart's table. Seed 1, so a link always gives the same band.
 */
import type { Evaluation } from 'kernelcount';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Draft } from '../../lib/calculatorModel';
import { formatInt } from '../../lib/format';
import { DASHES, OKABE_ITO, PLATFORM_COLOURS } from '../../lib/palette';
import {
  DEFAULT_SAMPLES,
  SAMPLE_CHOICES,
  SEED,
  bandChart,
  probabilitySentence,
  rangesTable,
  type BandChartData,
  type UncertaintyRequest,
  type UncertaintyResponse,
  type UncertaintySummary,
} from '../../lib/uncertaintyView';
import { ChartFigure, DataTable, cssVar, loadChart, useSchemeVersion } from '../charts/ChartPanel';
import '../charts/chart.css';
import './uncertainty.css';

/** Pause after the last change before a run starts (the evaluation has already waited 150 ms). */
const DEBOUNCE_MS = 250;


declare global {
  interface Window {
    /** Each finished Monte Carlo run on the page: samples and milliseconds in the worker (read by the browser tests). */
    __kernelcountUncertainty?: Array<{ samples: number; ms: number }>;
  }
}

type AsEntered = Array<{ name: string; type: string; tco: string }>;

interface RunState {
  status: 'waiting' | 'running' | 'done' | 'error';
  done: number;
  total: number;
  summary: UncertaintySummary | null;
  asEntered: AsEntered;
  error: { message: string; inputs: string[] } | null;
  ms: number | null;
}


/** A CSS hex colour (#rgb or #rrggbb, as the minified stylesheet may give it) with an alpha, for Chart.js. */
function withAlpha(hex: string, alpha: number): string {
  const m = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `rgba(${parseInt(h.slice(0, 2), 16)}, ${parseInt(h.slice(2, 4), 16)}, ${parseInt(h.slice(4, 6), 16)}, ${alpha})`;
}

/** The TCO bars with the P10-P90 box and the P50 mark over each, with the accessible frame of the other charts. */
function BandChart({ data }: { data: BandChartData }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<{ destroy(): void } | null>(null);
  const [failed, setFailed] = useState(false);
  // Redrawn when the colour scheme changes, so the chart follows light and dark.
  const scheme = useSchemeVersion();

  useEffect(() => {
    let live = true;
    loadChart()
      .then(({ Chart, moneyAxis }) => {
        if (!live || !canvas.current) return;
        // Money on the axis and in tooltips in the scenario's currency (the box's tooltip gives P10 to P90).
        const money = moneyAxis(data.currency, (c) => (Array.isArray(c.raw) ? (c.raw as [number, number]) : c.parsed.y));
        const fg = cssVar('--fg', '#1b1d21');
        const bg = cssVar('--bg', '#ffffff');
        const grid = cssVar('--rule', '#d5d9df');
        const colours = data.types.map((t) => PLATFORM_COLOURS[t as keyof typeof PLATFORM_COLOURS] ?? OKABE_ITO.blue);
        const config = {
          type: 'bar',
          data: {
            labels: data.labels,
            datasets: [
              // Drawn last (highest order), under the others.
              { type: 'bar', label: 'total as entered', data: data.asEntered, backgroundColor: colours, hoverBackgroundColor: colours, borderWidth: 0, grouped: false, barPercentage: 0.8, order: 3 },
              // A floating bar [P10, P90]: a box in the page's colours, outlined, narrower than the bar.
              { type: 'bar', label: 'P10 to P90 (80% of samples)', data: data.band, backgroundColor: withAlpha(bg, 0.8), hoverBackgroundColor: withAlpha(bg, 0.8), borderColor: fg, borderWidth: 2, borderSkipped: false, grouped: false, barPercentage: 0.32, order: 2 },
              { type: 'line', label: 'P50 (median)', data: data.p50, showLine: false, pointStyle: 'line', pointRadius: 14, pointHoverRadius: 14, pointBorderWidth: 3, borderColor: fg, backgroundColor: fg, borderDash: DASHES[0], order: 1 },
            ],
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            plugins: {
              legend: { position: 'bottom', labels: { color: fg, boxWidth: 14, filter: (item: { datasetIndex?: number }) => item.datasetIndex !== 0, sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
              tooltip: { enabled: true, ...money.tooltip },
            },
            scales: {
              x: { ticks: { color: fg }, grid: { display: false } },
              y: { beginAtZero: true, ticks: { color: fg, ...money.ticks }, grid: { color: grid }, title: { display: true, text: data.y, color: fg } },
            },
          },
        };
        chart.current?.destroy();
        // Chart.js's option types are wide; this is a valid bar chart with a floating bar and a line dataset.
        chart.current = new Chart(canvas.current, config as never);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [data, scheme]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <ChartFigure id={data.id} className="uncertainty-chart" heading="h3" title={data.title} summary={data.summary} height={300} canvas={canvas} failed={failed} table={(id) => <DataTable table={data.table} id={id} region testId="band-table" />} />
  );
}

export default function Uncertainty({ e, draft, today }: { e: Evaluation; draft: Draft; today: string }) {
  const ids = useId();
  const [samples, setSamples] = useState<number>(DEFAULT_SAMPLES);
  const [state, setState] = useState<RunState>({ status: 'waiting', done: 0, total: 0, summary: null, asEntered: [], error: null, ms: null });
  const [workerError, setWorkerError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const current = useRef(0);
  /** The totals as entered for each run, to draw under its band (the evaluation may have moved on). */
  const entered = useRef(new Map<number, AsEntered>());

  useEffect(() => {
    let w: Worker;
    try {
      w = new Worker(new URL('./uncertainty.worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      setWorkerError(`The uncertainty run could not start in this browser (${(err as Error).message}).`);
      return;
    }
    worker.current = w;
    w.onmessage = (ev: MessageEvent<UncertaintyResponse>) => {
      const m = ev.data;
      if (m.id !== current.current) return;
      if (m.type === 'progress') setState((s) => ({ ...s, status: 'running', done: m.done, total: m.total }));
      else if (m.type === 'result') {
        (window.__kernelcountUncertainty ??= []).push({ samples: m.summary.samples, ms: m.ms });
        const asEntered = entered.current.get(m.id) ?? [];
        entered.current.clear();
        setState({ status: 'done', done: m.summary.samples, total: m.summary.samples, summary: m.summary, asEntered, error: null, ms: m.ms });
      } else setState((s) => ({ ...s, status: 'error', error: { message: m.message, inputs: m.inputs } }));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      setWorkerError(`The uncertainty run stopped: ${ev.message || 'the worker could not be loaded'}.`);
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  // A run after a pause whenever the (valid) scenario or the sample count changes; the run going is cancelled at once.
  useEffect(() => {
    const post = (m: UncertaintyRequest) => worker.current?.postMessage(m);
    const previous = current.current;
    const id = nextId.current++;
    current.current = id;
    if (previous) post({ type: 'cancel', id: previous });
    entered.current.set(
      id,
      e.platforms.map((p) => ({ name: p.name, type: p.type, tco: p.tco.toFixed() })),
    );
    setState((s) => ({ ...s, status: s.status === 'error' ? 'waiting' : s.summary ? 'running' : 'waiting', done: 0, error: null }));
    const t = setTimeout(() => post({ type: 'run', id, scenario: draft, today, samples, seed: SEED }), DEBOUNCE_MS);
    return () => clearTimeout(t);
    // The evaluation `e` always comes with its draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, today, samples]);

  const chart = useMemo(() => (state.summary ? bandChart(state.summary, state.asEntered) : null), [state.summary, state.asEntered]);
  const ranges = useMemo(() => (state.summary ? rangesTable(state.summary) : null), [state.summary]);
  const busy = state.status === 'running' || state.status === 'waiting';

  return (
    <section aria-labelledby={`${ids}-h`} className="uncertainty-section" data-testid="uncertainty" aria-busy={busy}>
      <h2 id={`${ids}-h`}>How sure is this</h2>
      <p className="muted no-print">
        The ranges you gave (± beside a field) are sampled together, each from a PERT distribution between its low and high value, most often near
        likely; every sample is priced by the package. Seed {SEED}: the same link gives the same figures.
      </p>
      <div className="controls no-print">
        <label className="field">
          <span>Samples</span>
          <select value={samples} onChange={(ev) => setSamples(Number(ev.target.value))} data-testid="uncertainty-samples">
            {SAMPLE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {formatInt(n)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {workerError && (
        <p className="notice error" role="alert">
          {workerError}
        </p>
      )}
      <div aria-live="polite">
        {busy && (
          <p className="uncertainty-progress no-print" data-testid="uncertainty-progress">
            <label>
              {state.total ? `Sampling… ${formatInt(state.done)} of ${formatInt(state.total)}` : 'Starting the samples…'}
              <progress max={state.total || 1} value={state.total ? state.done : undefined} />
            </label>
          </p>
        )}
        {state.status === 'error' && state.error && (
          <div className="notice error" data-testid="uncertainty-error">
            <p>
              The samples could not be priced{state.error.inputs.length ? ` (${state.error.inputs.join(', ')})` : ''}: {state.error.message}
            </p>
            <p className="small">
              Narrow the range named above, or change the field it makes invalid; the results above still show the scenario as entered
              {state.summary ? ', and the band below is from the last run that worked' : ''}.
            </p>
          </div>
        )}
        {state.summary && (
          <p className={`probability${busy || state.status === 'error' ? ' stale' : ''}`} data-testid="uncertainty-sentence">
            {probabilitySentence(state.summary)}
          </p>
        )}
      </div>
      {chart && (
        <div className={busy || state.status === 'error' ? 'stale' : undefined}>
          <BandChart data={chart} />
          {ranges && <DataTable table={ranges} region testId="ranges-table" className="small" />}
          {state.ms !== null && (
            <p className="muted small no-print">
              {formatInt(state.summary!.samples)} samples in {formatInt(Math.round(state.ms))} ms, in the background.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
