/**
 * The shape of an article chart: the controls a reader can move, their starting values, and a pure
 * function from those values to the chart's data, data table and one-sentence takeaway.
 *
 * Every number a chart shows comes out of `compute`, which calls the kernelcount package (the same
 * code and catalog as the calculator). Articles quote the same numbers in their prose through the
 * `figures` a chart module exports, computed by the same function at build time, so the prose and the
 * chart can never disagree.
 */
import type { ChartData, TableData, Series } from '../calculatorModel';

export type { ChartData, TableData, Series };

export interface RangeControl {
  kind: 'range';
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
  /** Shown after the value: `GiB`, `VMs`. */
  unit?: string;
  /** How the current value reads next to the slider; defaults to the number and unit. */
  format?: (value: number) => string;
}

export interface SelectControl {
  kind: 'select';
  key: string;
  label: string;
  options: readonly { value: string; label: string }[];
}

export type Control = RangeControl | SelectControl;

export type Params = Record<string, number | string>;

export interface LearnChartDef<P extends Params = Params> {
  /** Stable id, used in test ids and the chart's `data-chart` attribute. */
  id: string;
  controls: readonly Control[];
  defaults: P;
  /** Pure: the same parameters always give the same chart. */
  compute(params: P): ChartData;
}

/** Checks a definition against its own controls: every control has a default inside its bounds. */
export function checkDefinition(def: LearnChartDef): string[] {
  const problems: string[] = [];
  const keys = new Set(def.controls.map((c) => c.key));
  for (const key of Object.keys(def.defaults)) if (!keys.has(key)) problems.push(`default "${key}" has no control`);
  for (const c of def.controls) {
    const v = def.defaults[c.key];
    if (v === undefined) problems.push(`control "${c.key}" has no default`);
    else if (c.kind === 'range') {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`control "${c.key}": default must be a finite number`);
      else if (v < c.min || v > c.max) problems.push(`control "${c.key}": default ${v} is outside ${c.min}-${c.max}`);
      if (!(c.step > 0)) problems.push(`control "${c.key}": step must be positive`);
    } else if (!c.options.some((o) => o.value === v)) problems.push(`control "${c.key}": default "${String(v)}" is not one of its options`);
  }
  return problems;
}

/** The values a range control can take, in order (used by tests to sweep a control). */
export function rangeValues(c: RangeControl): number[] {
  const out: number[] = [];
  const n = Math.round((c.max - c.min) / c.step);
  for (let i = 0; i <= n; i++) out.push(Number((c.min + i * c.step).toFixed(6)));
  return out;
}

/** Reads a control's value as it is shown next to it. */
export function formatControlValue(c: Control, value: number | string): string {
  if (c.kind === 'select') return c.options.find((o) => o.value === value)?.label ?? String(value);
  if (c.format) return c.format(Number(value));
  const n = Number(value).toLocaleString('en-US', { maximumFractionDigits: 3 });
  return c.unit ? `${n} ${c.unit}` : n;
}
