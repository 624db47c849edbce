/**
 * A field's range in the editor: a small "range" toggle next to the label of each number the
 * package can sample, and, when on, the low / likely / high inputs under the field. The likely
 * value is the field's own (editing either edits both); low and high are stored in the scenario's
 * `uncertainty:` section under the package's path for the field, so they travel with the link,
 * the autosave and the exported file. What is typed stays in the inputs with its message until it
 * is a valid range; only valid ranges are written.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { getAt, parseNumberField, pathKey, type Path } from '../../lib/calculatorModel';
import { checkRange, fieldDefault, newRangeKey, rangesOf, readRange, suggestRange, type FieldRule, type Range } from '../../lib/uncertainty';
import type { FieldContext, Hint } from './fields';
import './uncertainty.css';

interface Props {
  ctx: FieldContext;
  path: Path;
  label: string;
  rangeKey: string | undefined;
  rule: FieldRule & { unit?: string | undefined };
  hint?: Hint | undefined;
}

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function RangeToggle({ ctx, path, label, rangeKey, rule, hint }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const on = rangeKey !== undefined;
  return (
    <>
      <button
        type="button"
        className="range-toggle"
        aria-pressed={on}
        data-range-toggle={pathKey(path)}
        title={on ? `Remove the range of ${label}` : `Give ${label} a range (low, likely, high) to see how sure the totals are`}
        onClick={() => {
          setMessage(null);
          if (on) {
            const { [rangeKey]: _, ...rest } = rangesOf(ctx.draft);
            ctx.set(['uncertainty'], Object.keys(rest).length ? rest : undefined);
            return;
          }
          const key = newRangeKey(ctx.draft, path);
          const value = asNumber(getAt(ctx.draft, path)) ?? fieldDefault(ctx.draft, hint);
          if (key === null) return;
          if (value === undefined) {
            setMessage(`${label}: give the field a value first; a range's likely value is the field's value.`);
            return;
          }
          ctx.set(['uncertainty', key], suggestRange(value, rule));
        }}
      >
        ± range<span className="visually-hidden"> for {label}</span>
      </button>
      {message && (
        <span className="field-error range-message" role="alert">
          {message}
        </span>
      )}
    </>
  );
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function RangeInputs({ ctx, path, label, rangeKey, rule }: Props & { rangeKey: string }) {
  const id = useId();
  const stored = readRange(rangesOf(ctx.draft)[rangeKey]);
  const [low, setLow] = useState(text(stored?.low));
  const [high, setHigh] = useState(text(stored?.high));
  const [likely, setLikely] = useState(text(stored?.likely));
  const [likelyError, setLikelyError] = useState<string | null>(null);
  const focused = useRef(false);
  const likelyValue = stored?.likely;

  // Follow the scenario when it changes from outside (a link, an import) and nothing is being typed.
  useEffect(() => {
    if (focused.current) return;
    setLow(text(stored?.low));
    setHigh(text(stored?.high));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored?.low, stored?.high]);
  useEffect(() => {
    if (!focused.current) {
      setLikely(text(likelyValue));
      setLikelyError(null);
    }
  }, [likelyValue]);

  const write = (r: Range) => ctx.set(['uncertainty', rangeKey], { low: r.low, likely: r.likely, high: r.high });
  const check = likelyValue === undefined ? null : checkRange(label, low, likelyValue, high, rule);
  // A range typed out of order becomes valid when the field (its likely value) moves to it.
  useEffect(() => {
    if (check?.ok && stored && (check.range.low !== stored.low || check.range.high !== stored.high)) write(check.range);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [likelyValue]);

  const onEnd = (end: 'low' | 'high', t: string) => {
    const l = end === 'low' ? t : low;
    const h = end === 'high' ? t : high;
    if (end === 'low') setLow(t);
    else setHigh(t);
    if (likelyValue === undefined) return;
    const c = checkRange(label, l, likelyValue, h, rule);
    if (c.ok) write(c.range);
  };

  const prefix = pathKey(['uncertainty', rangeKey]);
  const packageErrors = [...ctx.issues.entries()].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).flatMap(([k, v]) => v.map((m) => `${label}, ${k.slice(prefix.length + 1) || 'range'}: ${m}`));
  const errors = likelyError ? [likelyError] : check && !check.ok ? [check.message] : likelyValue === undefined ? [`${label}: this range has no likely value`] : packageErrors;
  const bad = (end: 'low' | 'likely' | 'high') => (likelyError ? end === 'likely' : check && !check.ok ? check.end === end : packageErrors.length > 0 && packageErrors.some((m) => m.startsWith(`${label}, ${end}`))) || undefined;
  const described = errors.length ? `${id}-err` : undefined;
  const focus = { onFocus: () => (focused.current = true), onBlur: () => (focused.current = false) };

  return (
    <div className="range-inputs" data-range={rangeKey}>
      <div className="range-row" role="group" aria-label={`Range of ${label}`}>
        <label htmlFor={`${id}-low`}>
          <span className="visually-hidden">{label}, </span>low
        </label>
        <input id={`${id}-low`} inputMode="decimal" value={low} aria-invalid={bad('low')} aria-describedby={described} data-range-end="low" {...focus} onChange={(ev) => onEnd('low', ev.target.value)} />
        <label htmlFor={`${id}-likely`}>
          <span className="visually-hidden">{label}, </span>likely
        </label>
        <input
          id={`${id}-likely`}
          inputMode="decimal"
          value={likely}
          aria-invalid={bad('likely')}
          aria-describedby={described}
          title="The field's value: editing one edits the other"
          data-range-end="likely"
          {...focus}
          onChange={(ev) => {
            const t = ev.target.value;
            setLikely(t);
            const opts: Parameters<typeof parseNumberField>[1] = { required: true };
            if (rule.integer) opts.integer = true;
            if (rule.min !== undefined) opts.min = rule.min;
            if (rule.max !== undefined) opts.max = rule.max;
            if (rule.unit) opts.unit = rule.unit;
            const p = parseNumberField(t, opts);
            if (!p.ok) setLikelyError(`${label}, likely value: ${p.message}`);
            else {
              setLikelyError(null);
              ctx.set(path, p.value);
            }
          }}
        />
        <label htmlFor={`${id}-high`}>
          <span className="visually-hidden">{label}, </span>high
        </label>
        <input id={`${id}-high`} inputMode="decimal" value={high} aria-invalid={bad('high')} aria-describedby={described} data-range-end="high" {...focus} onChange={(ev) => onEnd('high', ev.target.value)} />
      </div>
      {errors.length > 0 && (
        <span className="field-error" id={`${id}-err`} role="alert" data-testid="range-error">
          {errors.join('; ')}
        </span>
      )}
    </div>
  );
}
