/**
 * A field's range in the editor: a small "range" toggle next to the label of each number the
 * package can sample, and, when on, the low / likely / high inputs under the field (their own
 * chunk, UncertaintyRangeInputs.tsx, loaded when the first range appears). The likely value is the
 * field's own; low and high are stored in the scenario's `uncertainty:` section under the
 * package's path for the field, so they travel with the link, the autosave and the exported file.
 */
import { lazy, Suspense, useState } from 'react';
import { pathKey, type Path } from '../../lib/calculatorModel';
import { hasRanges, rangesOf } from '../../lib/uncertainty';
import type { FieldRule } from '../../lib/uncertaintyInput';
import type { FieldContext, Hint } from './fields';
import './uncertainty.css';

export interface RangeProps {
  ctx: FieldContext;
  path: Path;
  label: string;
  rangeKey: string | undefined;
  rule: FieldRule & { unit?: string | undefined };
  hint?: Hint | undefined;
}

const load = () => import('./UncertaintyRangeInputs');
const Inputs = lazy(() => load().then((m) => ({ default: m.RangeInputs })));

export function RangeToggle(props: RangeProps) {
  const { ctx, path, label, rangeKey } = props;
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
        // Focus stays where it is on a pointer press: moving it would show or hide a field's default
        // note, shifting the grid under the pointer before the click lands. Keyboard focus is unchanged.
        onMouseDown={(ev) => ev.preventDefault()}
        onClick={() => {
          setMessage(null);
          if (on) {
            const { [rangeKey]: _, ...rest } = rangesOf(ctx.draft);
            ctx.set(['uncertainty'], Object.keys(rest).length ? rest : undefined);
          } else
            void load()
              .then((m) => setMessage(m.addRange(props)))
              .catch(() => setMessage(`${label}: the range inputs could not be loaded; check the connection and try again.`));
        }}
      >
        <span aria-hidden="true">±</span>
        <span className="visually-hidden">range for {label}</span>
      </button>
      {message && (
        <span className="field-error range-message" role="alert">
          {message}
        </span>
      )}
    </>
  );
}

const Others = lazy(() => load().then((m) => ({ default: m.OtherRanges })));

/** Ranges the editor has no field for (from a scenario file), listed to be removed. */
export function OtherRanges({ ctx }: { ctx: FieldContext }) {
  return hasRanges(ctx.draft) ? (
    <Suspense fallback={null}>
      <Others ctx={ctx} />
    </Suspense>
  ) : null;
}

/** The low / likely / high inputs of a field that has a range. */
export function RangeInputs(props: RangeProps & { rangeKey: string }) {
  return (
    <Suspense fallback={null}>
      <Inputs {...props} />
    </Suspense>
  );
}
