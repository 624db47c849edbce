/**
 * The low / likely / high inputs of a field's range (loaded when the first range appears), and
 * adding a range. The likely value is the field's value: editing either edits both, and an emptied
 * field gives the range its default. What is typed stays in the inputs with its message until it
 * is a valid range; only valid ranges are written to the scenario.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { getAt, parseNumberField, pathKey } from '../../lib/calculatorModel';
import { newRangeKey, rangesOf, readRange, type Range } from '../../lib/uncertainty';
import { checkRange, fieldDefault, shownInEditor, suggestRange } from '../../lib/uncertaintyInput';
import type { FieldContext } from './fields';
import type { RangeProps } from './UncertaintyRange';

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/** Adds a range around the field's value (or its default); a message when the field has neither. */
export function addRange({ ctx, path, label, rule, hint }: RangeProps): string | null {
  const key = newRangeKey(ctx.draft, path);
  const value = asNumber(getAt(ctx.draft, path)) ?? fieldDefault(ctx.draft, hint);
  if (key === null) return null;
  if (value === undefined) return `${label}: give the field a value first; a range's likely value is the field's value.`;
  ctx.set(['uncertainty', key], suggestRange(value, rule));
  return null;
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function RangeInputs({ ctx, path, label, rangeKey, rule, hint }: RangeProps & { rangeKey: string }) {
  const id = useId();
  const stored = readRange(rangesOf(ctx.draft)[rangeKey]);
  const [low, setLow] = useState(text(stored?.low));
  const [high, setHigh] = useState(text(stored?.high));
  const [likely, setLikely] = useState(text(stored?.likely));
  const [likelyError, setLikelyError] = useState<string | null>(null);
  const focused = useRef(false);
  const likelyValue = stored?.likely;
  const fieldValue = getAt(ctx.draft, path);

  // The field emptied (not as loaded: a file may give a range on a field it leaves out): the field
  // takes its default, and so does the range's likely value.
  const lastField = useRef(fieldValue);
  useEffect(() => {
    const was = lastField.current;
    lastField.current = fieldValue;
    if (was === undefined || fieldValue !== undefined) return;
    const fallback = fieldDefault(ctx.draft, hint);
    if (fallback !== undefined && stored && stored.likely !== fallback) ctx.set(['uncertainty', rangeKey, 'likely'], fallback);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fieldValue]);

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

/**
 * Ranges of the scenario that no field of the editor shows (a catalog figure, a licence's own price,
 * a name no item has any more, as a scenario file may give them): listed with their problem, if any,
 * so they can be removed.
 */
export function OtherRanges({ ctx }: { ctx: FieldContext }) {
  const ranges = rangesOf(ctx.draft);
  const keys = Object.keys(ranges).filter((k) => !shownInEditor(ctx.draft, k));
  if (keys.length === 0) return null;
  const issues = (key: string) => {
    const prefix = pathKey(['uncertainty', key]);
    return [...ctx.issues.entries()].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).flatMap(([k, v]) => v.map((m) => `${k.slice(prefix.length + 1) || 'range'}: ${m}`));
  };
  return (
    <fieldset className="group other-ranges" data-testid="other-ranges">
      <legend>Other ranges</legend>
      <p className="help">Ranges from the scenario file on inputs this form has no field for; edit them in the file, or remove them here.</p>
      <ul>
        {keys.map((key) => {
          const r = readRange(ranges[key]);
          const problems = issues(key);
          return (
            <li key={key}>
              <code>{key}</code>: {r ? `low ${r.low}, likely ${r.likely}, high ${r.high}` : 'not a range of three numbers'}{' '}
              <button type="button" onClick={() => ctx.set(['uncertainty'], Object.keys(ranges).length > 1 ? Object.fromEntries(Object.entries(ranges).filter(([k]) => k !== key)) : undefined)}>
                Remove<span className="visually-hidden"> the range of {key}</span>
              </button>
              {problems.length > 0 && (
                <span className="field-error" role="alert">
                  {problems.join('; ')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
