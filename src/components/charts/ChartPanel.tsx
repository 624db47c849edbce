/**
 * One chart with its accessible equivalents: a title, a sentence that states what it shows with
 * its numbers, the canvas (hidden from screen readers, which get the table), and a data-table
 * toggle. Chart.js loads on first use, in its own chunk.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ChartData, TableData } from '../../lib/calculatorModel';
import './chart.css';
import { CATEGORY_COLOURS, DASHES, LAYER_COLOURS, OKABE_ITO, PLATFORM_COLOURS } from '../../lib/palette';

type ChartModule = typeof import('./chartjs');
let chartModule: Promise<ChartModule> | null = null;
/** Chart.js and the parts registered with it, fetched once, on first use, in its own chunk. */
export function loadChart(): Promise<ChartModule> {
  chartModule ??= import('./chartjs');
  return chartModule;
}

const SERIES_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.vermillion, OKABE_ITO.skyBlue, OKABE_ITO.yellow, OKABE_ITO.grey];
const FIXED: Record<string, string> = {
  ...PLATFORM_COLOURS,
  ...LAYER_COLOURS,
  ...CATEGORY_COLOURS,
  load: OKABE_ITO.blue,
  spare: OKABE_ITO.skyBlue,
  chosen: OKABE_ITO.bluishGreen,
  'per-instance': OKABE_ITO.blue,
};

function colour(key: string, i: number): string {
  return FIXED[key] ?? SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

/** A CSS custom property of the page (a theme colour), or `fallback` outside a browser. */
export function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * A data table with row headers and right-aligned numbers. `region` makes its scroll box a
 * keyboard-focusable region named by the caption (for tables that may scroll sideways).
 */
export function DataTable({ table, id, className, testId, region }: { table: TableData; id?: string; className?: string; testId?: string; region?: boolean }) {
  return (
    <div className="table-scroll" {...(region ? { tabIndex: 0, role: 'region', 'aria-label': table.caption } : {})}>
      <table id={id} className={className} data-testid={testId}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={table.numeric[i] ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j} className={table.numeric[j] ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a chart's construction depends on; data alone can change in place. */
function shapeOf(d: ChartData): string {
  return `${d.kind}|${d.horizontal ? 'h' : 'v'}|${d.x}|${d.y}|${d.money?.currency}|${d.series.map((s) => `${s.key}:${s.type ?? ''}:${s.stack ?? ''}`).join(',')}`;
}

/** A number that changes when the page's colour scheme does: charts that read theme colours redraw on it. */
export function useSchemeVersion(): number {
  const [scheme, setScheme] = useState(0);
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    const bump = () => setScheme((n) => n + 1);
    mq?.addEventListener?.('change', bump);
    return () => mq?.removeEventListener?.('change', bump);
  }, []);
  return scheme;
}

/**
 * The frame every chart shares: title and summary sentence, the canvas (named by both, for screen
 * readers, which also get the table), a notice when Chart.js could not draw, and the data-table
 * toggle; the table is always printed.
 */
export function ChartFigure(props: {
  id: string;
  className?: string;
  heading?: 'h3' | 'h4';
  title: string;
  summary: string;
  height: number;
  canvas: RefObject<HTMLCanvasElement | null>;
  failed: boolean;
  figure?: RefObject<HTMLElement | null>;
  table: (id: string) => ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const Heading = props.heading ?? 'h3';
  return (
    <figure className={props.className ? `chart ${props.className}` : 'chart'} data-chart={props.id} ref={props.figure}>
      <figcaption>
        <Heading>{props.title}</Heading>
        <p className="chart-summary" data-testid={`summary-${props.id}`}>
          {props.summary}
        </p>
      </figcaption>
      <div className="chart-canvas" style={{ height: props.height }}>
        <canvas ref={props.canvas} role="img" aria-label={`${props.title}. ${props.summary} The data table below has every value.`} />
      </div>
      {props.failed && <p className="notice warn">The chart could not be drawn here; the table has the same figures.</p>}
      <button type="button" className="table-toggle no-print" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
        {showTable ? 'Hide' : 'Show'} the data table
      </button>
      <div className={showTable ? 'chart-table' : 'chart-table print-only'} hidden={!showTable ? true : undefined} data-print-table="">
        {props.table(tableId)}
      </div>
    </figure>
  );
}

export function ChartPanel({ data }: { data: ChartData }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<{ destroy(): void } | null>(null);
  const shape = useRef<string>('');
  const [failed, setFailed] = useState(false);
  const figure = useRef<HTMLElement>(null);
  // Chart.js is fetched when the first chart comes near the screen (or the page is printed), not
  // with the page: the summary and cards above the charts need none of it.
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = figure.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '300px' });
    io.observe(el);
    const print = () => setVisible(true);
    window.addEventListener('beforeprint', print);
    return () => {
      io.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, []);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    loadChart()
      .then(({ Chart, moneyAxis }) => {
        if (!live || !canvas.current) return;
        const fg = cssVar('--fg', '#1b1d21');
        const grid = cssVar('--rule', '#d5d9df');
        const stacked = data.kind === 'stacked-bar';
        const datasets = data.series.map((s, i) => {
          const c = colour(s.key, i);
          const line = data.kind === 'line' || s.type === 'line';
          return {
            type: line ? ('line' as const) : ('bar' as const),
            label: s.label,
            data: s.data,
            backgroundColor: c,
            borderColor: c,
            borderWidth: line ? 2.5 : 0,
            borderDash: line ? DASHES[i % DASHES.length] : [],
            pointRadius: line ? 3 : 0,
            ...(s.stack ? { stack: s.stack } : {}),
          };
        });
        // Same shape as before: update in place, which is far cheaper than a new chart.
        const existing = chart.current as unknown as { data: { labels: string[]; datasets: unknown[] }; update(mode: string): void } | null;
        if (existing && shape.current === shapeOf(data)) {
          existing.data.labels = data.labels;
          existing.data.datasets = datasets;
          existing.update('none');
          return;
        }
        // Money axes and tooltips in the scenario's currency.
        const h = data.horizontal;
        const m = data.money && moneyAxis(data.money.currency, (c) => (h ? c.parsed.x : c.parsed.y));
        const config = {
          type: data.kind === 'line' ? ('line' as const) : ('bar' as const),
          data: { labels: data.labels, datasets },
          options: {
            animation: false as const,
            responsive: true,
            maintainAspectRatio: false,
            indexAxis: data.horizontal ? ('y' as const) : ('x' as const),
            plugins: { legend: { labels: { color: fg, boxWidth: 14 } }, tooltip: { enabled: true, ...m?.tooltip } },
            scales: {
              x: { stacked, ticks: { color: fg, ...(h && m?.ticks) }, grid: { color: grid }, title: { display: Boolean(data.x), text: data.x, color: fg } },
              y: { stacked, ticks: { color: fg, ...(!h && m?.ticks) }, grid: { color: grid }, beginAtZero: true, title: { display: Boolean(data.y), text: data.y, color: fg } },
            },
          },
        };
        if (chart.current) chart.current.destroy();
        // Chart.js's option types are wide; the config above is a valid bar/line configuration.
        chart.current = new Chart(canvas.current, config as never);
        shape.current = shapeOf(data);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [data, visible]);

  useEffect(() => () => chart.current?.destroy(), []);

  const height = data.horizontal ? Math.max(180, 60 + data.labels.length * 46) : 280;
  return (
    <ChartFigure id={data.id} title={data.title} summary={data.summary} height={height} canvas={canvas} failed={failed} figure={figure} table={(id) => <DataTable table={data.table} id={id} region />} />
  );
}
