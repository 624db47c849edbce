// Nothing here imports the editor or values of `kernelcount`: a chunk loaded on demand that reaches
// parts of the package splits the package's chunk that every page with an island loads (about
// 1.6 KB more on each); what it needs from them comes in its props.

/**
 * Ranges and uncertainty, the part loaded when the first range is added or a scenario with ranges
 * arrives (with the results' uncertainty section, Uncertainty.tsx): adding a range, the pressed "±" toggle (a second press removes the range), the
 * low / likely / high inputs under a field, and the ranges the form has no field for. The likely
 * value is the field's value: editing either edits both, and an emptied field gives the range its
 * default. What is typed stays in the inputs with its message until it is a valid range; only
 * valid ranges are written to the scenario's `uncertainty:` section, under the package's path for
 * the field, so they travel with the link, the autosave and the exported file.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { at as getAt, fieldKeyOf, fieldPath, newRangeKey, rangeKeyAt, rangesOf, readRange, type Range } from '../../lib/uncertainty';
import { checkRange, fieldDefault, suggestRange } from '../../lib/uncertaintyInput';
import type { FieldContext } from './fields';
import Uncertainty from './Uncertainty';
import type { RangeProps, SlotProps } from './UncertaintyRange';

/** Where the package reports a range's problems: `uncertainty["workloads[api].instances"]` (a key always has a dot or a bracket). */
const issuePrefix = (key: string) => `uncertainty[${JSON.stringify(key)}]`;

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/** Adds a range around the field's value (or its default); a message when the field has neither. */
export function addRange({ ctx, path, label, rule, hint }: RangeProps): string | null {
  const key = newRangeKey(ctx.draft, path);
  const value = asNumber(getAt(ctx.draft, path)) ?? fieldDefault(ctx.draft, hint);
  if (key === null) return `${label}: this field takes no range here (the item gives the same quantity in another unit); set the range in the scenario file.`;
  if (value === undefined) return `${label}: give the field a value first; a range's likely value is the field's value.`;
  ctx.set(['uncertainty', key], suggestRange(value, rule));
  return null;
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export { followRanges } from '../../lib/uncertainty';

/** What a slot draws once the scenario has ranges (or its toggle was pressed, `add`). */
export default function Slot(props: SlotProps & { add: boolean }) {
  if (props.part === 'results') return <Uncertainty e={props.e} draft={props.draft} today={props.today} />;
  if (props.part === 'others') return <OtherRanges ctx={props.ctx} />;
  const { part, add, ...range } = props;
  return part === 'toggle' ? <Toggle {...range} add={add} /> : <RangeInputs {...range} />;
}

/** The toggle of a scenario that has ranges: pressed when this field has one; a press adds or removes it. */
export function Toggle({ add, ...props }: RangeProps & { add: boolean }) {
  const { ctx, path, label, fieldKey } = props;
  const [message, setMessage] = useState<string | null>(null);
  const key = rangeKeyAt(ctx.draft, path);
  // Pressed before this chunk had loaded: add the range now.
  useEffect(() => {
    if (add && key === undefined) setMessage(addRange(props));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <>
      <button
        type="button"
        className="range-toggle"
        aria-pressed={key !== undefined}
        data-range-toggle={fieldKey}
        title={`Range (low, likely, high) for ${label}`}
        onMouseDown={(ev) => ev.preventDefault()}
        onClick={() => {
          if (key === undefined) return setMessage(addRange(props));
          setMessage(null);
          const { [key]: _, ...rest } = rangesOf(ctx.draft);
          ctx.set(['uncertainty'], Object.keys(rest).length ? rest : undefined);
        }}
      >
        <span aria-hidden="true">±</span>
      </button>
      {message && (
        <span className="field-error range-message" role="alert">
          {message}
        </span>
      )}
    </>
  );
}

/** The low / likely / high inputs under a field, when it has a range. */
export function RangeInputs(props: RangeProps) {
  const key = rangeKeyAt(props.ctx.draft, props.path);
  return key === undefined ? null : <Inputs {...props} rangeKey={key} key={key} />;
}

function Inputs({ ctx, path, label, rangeKey, parse, hint }: RangeProps & { rangeKey: string }) {
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
  const check = likelyValue === undefined ? null : checkRange(label, low, likelyValue, high, parse);
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
    const c = checkRange(label, l, likelyValue, h, parse);
    if (c.ok) write(c.range);
  };

  const prefix = issuePrefix(rangeKey);
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
            const p = parse(t);
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
 * so they can be removed. A range shows at its field when the form has an input for that path, so
 * the list is what is left once the form is on the page.
 */
export function OtherRanges({ ctx }: { ctx: FieldContext }) {
  const ranges = rangesOf(ctx.draft);
  const [others, setOthers] = useState<string[] | null>(null);
  useLayoutEffect(() => {
    const next = Object.keys(ranges).filter((k) => {
      const p = fieldPath(ctx.draft, k);
      return !p || !document.querySelector(`input[data-path="${CSS.escape(fieldKeyOf(p))}"]`);
    });
    setOthers((prev) => (prev && prev.join('\n') === next.join('\n') ? prev : next));
  });
  if (!others || others.length === 0) return null;
  const issues = (key: string) => {
    const prefix = issuePrefix(key);
    return [...ctx.issues.entries()].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).flatMap(([k, v]) => v.map((m) => `${k.slice(prefix.length + 1) || 'range'}: ${m}`));
  };
  return (
    <fieldset className="group other-ranges" data-testid="other-ranges">
      <legend>Other ranges</legend>
      <p className="help">Ranges from the scenario file on inputs this form has no field for; edit them in the file, or remove them here.</p>
      <ul>
        {others.map((key) => {
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
