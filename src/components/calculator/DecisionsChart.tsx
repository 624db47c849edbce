/**
 * The Decisions panel's two charts, with the same accessible frame as the other charts (title,
 * one-sentence summary, canvas hidden from screen readers, data-table toggle, table in print):
 * both platforms' cost across an input's range on a value axis, with the break-even and the current
 * value marked; and a tornado of floating bars around the difference as entered. Chart.js is the
 * calculator's on-demand chunk.
 */
import { useEffect, useRef, useState } from 'react';
import type { TableData } from '../../lib/calculatorModel';
import type { Marker, TornadoChartData, XYChartData } from '../../lib/decisions';
import { DASHES, OKABE_ITO } from '../../lib/palette';
import { ChartFigure, DataTable, cssVar, loadChart, useSchemeVersion } from '../charts/ChartPanel';
import '../charts/chart.css';



const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

const MARKER_COLOURS: Record<Marker['kind'], string> = {
  'break-even': OKABE_ITO.vermillion,
  current: OKABE_ITO.grey,
  base: OKABE_ITO.vermillion,
  zero: OKABE_ITO.grey,
};
/** Height of one marker label row above the plot. */
const LABEL_ROW = 15;
const MARKER_DASH: Record<Marker['kind'], number[]> = { 'break-even': [], current: [5, 4], base: [], zero: [2, 3] };

interface ChartLike {
  ctx: CanvasRenderingContext2D;
  chartArea: { left: number; right: number; top: number; bottom: number };
  scales: Record<string, { getPixelForValue(v: number): number }>;
}

/** Draws vertical lines at the markers' values on the x axis, each with its label. */
function markerPlugin(markers: () => readonly Marker[], fg: () => string) {
  return {
    id: 'kcMarkers',
    afterDatasetsDraw(chart: ChartLike) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales['x'];
      if (!x) return;
      markers().forEach((m, i) => {
        const px = x.getPixelForValue(m.x);
        if (!Number.isFinite(px) || px < area.left - 0.5 || px > area.right + 0.5) return;
        ctx.save();
        ctx.strokeStyle = MARKER_COLOURS[m.kind];
        ctx.lineWidth = m.kind === 'zero' ? 1.5 : 2;
        ctx.setLineDash(MARKER_DASH[m.kind]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        // Labels sit in the padding above the plot, one row each, so they never cover a bar or a line.
        ctx.fillStyle = fg();
        ctx.font = '12px system-ui, sans-serif';
        const right = px > (area.left + area.right) / 2;
        ctx.textAlign = right ? 'right' : 'left';
        ctx.fillText(m.label, px + (right ? 3 : -3), area.top - 5 - (markers().length - 1 - i) * LABEL_ROW);
        ctx.restore();
      });
    },
  };
}

/**
 * A table that may be wider than the screen: it scrolls sideways in a region the keyboard can
 * focus (and so scroll), named by the table's caption.
 */
export function ScrollTable({ table, id }: { table: TableData; id?: string }) {
  return (
    <div className="decisions-scroll" tabIndex={0} role="region" aria-label={table.caption}>
      <DataTable table={table} id={id} />
    </div>
  );
}

type Props = { data: XYChartData; colours: Record<string, string> } | { data: TornadoChartData; colours?: undefined };

function isXY(d: XYChartData | TornadoChartData): d is XYChartData {
  return 'series' in d;
}

export function DecisionsChart(props: Props) {
  const { data } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<{ destroy(): void } | null>(null);
  const markers = useRef<readonly Marker[]>(data.markers);
  const [failed, setFailed] = useState(false);
  markers.current = data.markers;
  // Redrawn when the colour scheme changes, so the chart follows light and dark.
  const scheme = useSchemeVersion();

  useEffect(() => {
    let live = true;
    loadChart()
      .then(({ Chart, moneyAxis }) => {
        if (!live || !canvas.current) return;
        const fg = cssVar('--fg', '#1b1d21');
        const grid = cssVar('--rule', '#d5d9df');
        const plugin = markerPlugin(() => markers.current, () => fg);
        const tick = { color: fg };
        const layout = { padding: { top: data.markers.length * LABEL_ROW + 4 } };
        const legend = { position: 'bottom', labels: { color: fg, boxWidth: 14 } };
        // Money on the value axis and in tooltips, in the scenario's currency.
        const money = moneyAxis(data.currency, (c) => (isXY(data) ? c.parsed.y : (c.raw as [number, number])));
        let config: unknown;
        if (isXY(data)) {
          const colours = props.colours ?? {};
          const xs = (data.series[0]?.points ?? []).map((p) => p.x);
          config = {
            type: 'line',
            data: {
              datasets: data.series.map((s, i) => ({
                label: s.label,
                data: s.points,
                borderColor: colours[s.label] ?? OKABE_ITO.blue,
                backgroundColor: colours[s.label] ?? OKABE_ITO.blue,
                borderWidth: 2.5,
                borderDash: DASHES[i % DASHES.length],
                pointRadius: s.points.length > 40 ? 0 : 2.5,
              })),
            },
            options: {
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              interaction: { mode: 'nearest', axis: 'x', intersect: false },
              layout,
              plugins: { legend, tooltip: money.tooltip },
              scales: {
                // The axis spans the range searched, not a rounder one past it.
                x: { type: 'linear', min: xs[0], max: xs.at(-1), ticks: { ...tick, callback: (v: number) => plain.format(v) }, grid: { color: grid }, title: { display: true, text: data.x, color: fg } },
                y: { ticks: { ...tick, ...money.ticks }, grid: { color: grid }, title: { display: true, text: data.y, color: fg } },
              },
            },
            plugins: [plugin],
          };
        } else {
          config = {
            type: 'bar',
            data: {
              labels: data.labels,
              datasets: [
                // The thinner low bar is drawn over the high one, so both show when they point the same way.
                { label: data.lowLabel, data: data.low, backgroundColor: OKABE_ITO.blue, grouped: false, barPercentage: 0.5, order: 1 },
                { label: data.highLabel, data: data.high, backgroundColor: OKABE_ITO.orange, grouped: false, barPercentage: 0.9, order: 2 },
              ],
            },
            options: {
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              indexAxis: 'y',
              layout,
              plugins: { legend, tooltip: money.tooltip },
              scales: {
                x: { ticks: { ...tick, ...money.ticks }, grid: { color: grid }, title: { display: true, text: data.x, color: fg } },
                y: { ticks: { ...tick, autoSkip: false }, grid: { display: false } },
              },
            },
            plugins: [plugin],
          };
        }
        chart.current?.destroy();
        // Chart.js's option types are wide; the configurations above are valid line / bar ones.
        chart.current = new Chart(canvas.current, config as never);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
    // The colours follow the platforms, which the data names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, scheme]);

  useEffect(() => () => chart.current?.destroy(), []);

  const height = (isXY(data) ? 300 : Math.max(200, 80 + data.labels.length * 36)) + data.markers.length * LABEL_ROW;
  return (
    <ChartFigure id={data.id} className="decisions-chart" heading="h4" title={data.title} summary={data.summary} height={height} canvas={canvas} failed={failed} table={(id) => <ScrollTable table={data.table} id={id} />} />
  );
}
