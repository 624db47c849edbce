/**
 * Form fields bound to a path of the scenario. Each shows its unit, the catalog default (with its
 * source and date) when it is left empty, and the error at the field: its own parse error while
 * typing, or the package's issue for that path after evaluation.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { getAt, parseNumberField, pathKey, type Draft, type Path } from '../../lib/calculatorModel';
import type { FieldHint } from '../../lib/uncertaintyInput';
import { RangeSlot, rangeable } from './UncertaintyRange';

export interface FieldContext {
  draft: Draft;
  set: (path: Path, value: unknown) => void;
  /** Package issues by path key. */
  issues: Map<string, string[]>;
}

export interface Hint {
  /** The default shown when the field is empty. */
  value: string;
  /** Where the default comes from, with its date and trust. */
  source: string;
  /** Anchor on the assumptions page. */
  id?: string;
  /** The key of the catalog value the default is, when that value is an object. */
  key?: string;
  /** The catalog entry the default comes from (with its versions), for a range's likely value when the field is empty. */
  entry?: FieldHint['entry'];
}

interface Common {
  ctx: FieldContext;
  path: Path;
  label: string;
  unit?: string;
  hint?: Hint | undefined;
  /** Visually hide the label (tables with column headers); it stays for screen readers. */
  hideLabel?: boolean;
}

function Described({ id, errors, hint, unit }: { id: string; errors: string[]; hint?: Hint | undefined; unit?: string | undefined }) {
  return (
    <>
      {errors.length > 0 && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {errors.join('; ')}
        </span>
      )}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          default {hint.value}
          {unit ? ` ${unit}` : ''}: {hint.source}
          {hint.id && (
            <>
              {' '}
              <a href={`/assumptions/#${encodeURIComponent(hint.id)}`} tabIndex={-1}>
                (source)
              </a>
            </>
          )}
        </span>
      )}
    </>
  );
}

function describedBy(id: string, errors: string[], hint?: Hint) {
  const ids = [errors.length ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function NumberField(props: Common & { required?: boolean; integer?: boolean; min?: number; max?: number; step?: number | 'any' }) {
  const { ctx, path, label, unit, hint, required, integer, min, max, step = 'any', hideLabel } = props;
  const id = useId();
  const key = pathKey(path);
  const value = getAt(ctx.draft, path);
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [local, setLocal] = useState<string | null>(null);
  const focused = useRef(false);
  // Follow the scenario when it changes from outside (preset, import, reset) and the field is idle.
  useEffect(() => {
    if (!focused.current) {
      setText(shown);
      setLocal(null);
    }
  }, [shown]);
  const errors = local ? [local] : (ctx.issues.get(key) ?? []);
  const opts: Parameters<typeof parseNumberField>[1] = {};
  if (integer) opts.integer = true;
  if (min !== undefined) opts.min = min;
  if (max !== undefined) opts.max = max;
  if (unit) opts.unit = unit;
  // A range (low / likely / high) for the Monte Carlo, where the package takes one on this field.
  const range = !hideLabel && rangeable(path) ? { ctx, path, fieldKey: key, label, hint, rule: { integer, min, max }, parse: (t: string) => parseNumberField(t, { ...opts, required: true }) } : null;
  return (
    <div className={`field${hideLabel ? ' field-compact' : ''}`}>
      <span className="field-top">
        <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
          {label}
          {unit && !hideLabel ? <span className="unit"> ({unit})</span> : null}
        </label>
        {range && <RangeSlot {...range} part="toggle" />}
      </span>
      <span className="field-input">
        <input
          id={id}
          inputMode="decimal"
          type="text"
          value={text}
          placeholder={hint?.value ?? ''}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={describedBy(id, errors, hint)}
          title={hint ? `Default ${hint.value}${unit ? ' ' + unit : ''}: ${hint.source}` : undefined}
          data-path={key}
          onFocus={() => (focused.current = true)}
          onBlur={() => {
            focused.current = false;
            if (!local) setText(shown);
          }}
          onChange={(ev) => {
            const t = ev.target.value;
            setText(t);
            const parsed = parseNumberField(t, required ? { ...opts, required } : opts);
            if (!parsed.ok) setLocal(parsed.message);
            else {
              setLocal(null);
              ctx.set(path, parsed.value);
            }
          }}
          step={step}
        />
        {unit && hideLabel ? <span className="unit-suffix" aria-hidden="true">{unit}</span> : null}
      </span>
      <Described id={id} errors={errors} hint={hint} unit={unit} />
      {range && <RangeSlot {...range} part="inputs" />}
    </div>
  );
}

/** Label, control and messages of a text or select field; the control is the child. */
function FieldShell({ id, label, hideLabel, errors, hint, children }: { id: string; label: string; hideLabel?: boolean | undefined; errors: string[]; hint?: Hint | undefined; children: ReactNode }) {
  return (
    <label className={`field${hideLabel ? ' field-compact' : ''}`} htmlFor={id}>
      <span className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</span>
      {children}
      <Described id={id} errors={errors} hint={hint} />
    </label>
  );
}

export function TextField(props: Common & { required?: boolean; maxLength?: number }) {
  const { ctx, path, label, hint, required, maxLength = 200, hideLabel } = props;
  const id = useId();
  const key = pathKey(path);
  const value = getAt(ctx.draft, path);
  const errors = ctx.issues.get(key) ?? [];
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} errors={errors} hint={hint}>
      <input
        id={id}
        type="text"
        value={typeof value === 'string' ? value : ''}
        maxLength={maxLength}
        required={required}
        placeholder={hint?.value ?? ''}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        data-path={key}
        onChange={(ev) => ctx.set(path, ev.target.value === '' && !required ? undefined : ev.target.value)}
      />
    </FieldShell>
  );
}

export function SelectField(props: Common & { options: ReadonlyArray<{ value: string; label: string }>; allowDefault?: string }) {
  const { ctx, path, label, hint, options, allowDefault, hideLabel } = props;
  const id = useId();
  const key = pathKey(path);
  const value = getAt(ctx.draft, path);
  const errors = ctx.issues.get(key) ?? [];
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} errors={errors} hint={hint}>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        data-path={key}
        onChange={(ev) => ctx.set(path, ev.target.value === '' ? undefined : ev.target.value)}
      >
        {allowDefault !== undefined && <option value="">{allowDefault}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckField(props: Common) {
  const { ctx, path, label } = props;
  const id = useId();
  const key = pathKey(path);
  const errors = ctx.issues.get(key) ?? [];
  return (
    <label className="field field-check" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={getAt(ctx.draft, path) === true}
        data-path={key}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={(ev) => ctx.set(path, ev.target.checked ? true : undefined)}
      />
      <span>{label}</span>
      <Described id={id} errors={errors} />
    </label>
  );
}

export function Fieldset({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={className ?? 'group'}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
