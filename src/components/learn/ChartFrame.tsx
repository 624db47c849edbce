/**
 * An article's live chart: the controls a reader moves, then the chart with its takeaway and data
 * table. The page is rendered with the definition's defaults at build time, so the takeaway and the
 * table are in the HTML before any JavaScript runs; hydration (when the chart scrolls into view)
 * makes the controls live.
 */
import { useId, useMemo, useState } from 'react';
import { ChartPanel } from '../charts/ChartPanel';
import { formatControlValue, type Control, type LearnChartDef, type Params } from '../../lib/learn/chart';
import './learn-chart.css';

function ControlField({ control, value, onChange }: { control: Control; value: number | string; onChange(v: number | string): void }) {
  const id = useId();
  const shown = formatControlValue(control, value);
  if (control.kind === 'select') {
    return (
      <div className="learn-control">
        <label htmlFor={id}>{control.label}</label>
        <select id={id} value={String(value)} data-control={control.key} onChange={(e) => onChange(e.currentTarget.value)}>
          {control.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="learn-control">
      <label htmlFor={id}>
        {control.label}: <output htmlFor={id}>{shown}</output>
      </label>
      <input
        id={id}
        type="range"
        min={control.min}
        max={control.max}
        step={control.step}
        value={Number(value)}
        aria-valuetext={shown}
        data-control={control.key}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </div>
  );
}

export function ChartFrame<P extends Params>({ def }: { def: LearnChartDef<P> }) {
  const [params, setParams] = useState<P>(def.defaults);
  const data = useMemo(() => def.compute(params), [def, params]);
  return (
    <div className="learn-chart" data-learn-chart={def.id}>
      <form className="learn-controls no-print" aria-label={`Controls for: ${data.title}`} onSubmit={(e) => e.preventDefault()}>
        {def.controls.map((c) => (
          <ControlField key={c.key} control={c} value={params[c.key]!} onChange={(v) => setParams((p) => ({ ...p, [c.key]: v }))} />
        ))}
      </form>
      <div aria-live="polite" className="learn-live">
        <ChartPanel data={data} />
      </div>
    </div>
  );
}
