// Chart.js, tree-shaken to what the calculator draws, in its own chunk: the page loads it after
// the results are on screen, so it does not count against the up-front JavaScript.
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);

export { Chart };

/**
 * Money on a chart in the scenario's currency (Intl, no conversion): the value axis's ticks short
 * (`$1.2M`, `€350K`), tooltips in full with the currency's own decimals (`$483,934.86`, `¥1,235`).
 * Here, with Chart.js, so none of it loads with the page. `value` picks the number a tooltip shows.
 */
export function moneyAxis(currency: string, value: (c: { parsed: { x: number; y: number }; raw: unknown }) => number | [number, number]) {
  let full: Intl.NumberFormat;
  let short: Intl.NumberFormat;
  try {
    full = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    short = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 });
  } catch {
    full = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    short = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
  }
  return {
    ticks: { callback: (v: number | string) => short.format(Number(v)) },
    tooltip: {
      callbacks: {
        label: (c: { dataset: { label?: string }; parsed: { x: number; y: number }; raw: unknown }) => {
          const v = value(c);
          return `${c.dataset.label ?? ''}: ${Array.isArray(v) ? `${full.format(v[0])} to ${full.format(v[1])}` : full.format(v)}`;
        },
      },
    },
  };
}
