/**
 * Ranges and uncertainty, the part loaded with the page (a few hundred bytes): the "±" toggle
 * beside each number the package can sample, plain until the scenario has a range, and one slot
 * for everything the range chunk (UncertaintyRangeInputs.tsx, with Uncertainty.tsx and
 * src/lib/uncertainty*.ts) draws once it does: the pressed toggles, the low / likely / high inputs
 * under a field, the ranges the form has no field for, and the results' uncertainty section. A
 * first press of a plain toggle loads the chunk, which adds the range.
 */
import type { Evaluation } from 'kernelcount';
import { lazy, Suspense, useState } from 'react';
import type { Draft, ParsedNumber, Path } from '../../lib/calculatorModel';
import type { FieldRule } from '../../lib/uncertaintyInput';
import type { FieldContext, Hint } from './fields';
import './uncertainty.css';

export interface RangeProps {
  ctx: FieldContext;
  path: Path;
  /** The field's path as the package writes it (`workloads[0].instances`). */
  fieldKey: string;
  label: string;
  /** Whole numbers and limits, for a first range around the value. */
  rule: FieldRule;
  /** Reads a number typed into one end of the range as the field reads its own (required). */
  parse: (text: string) => ParsedNumber;
  hint?: Hint | undefined;
}

export type SlotProps =
  | ({ part: 'toggle' | 'inputs' } & RangeProps)
  | { part: 'others'; ctx: FieldContext }
  | { part: 'results'; e: Evaluation; draft: Draft; today: string };

/** True when the scenario gives at least one range. */
export const hasRanges = (d: Draft): boolean => {
  const u = d['uncertainty'];
  return !!u && typeof u === 'object' && Object.keys(u).length > 0;
};

/**
 * Fields under these take a range (the horizon and text fields do not), except a workload's own
 * growth: it changes only the projection over time, which Monte Carlo does not sample.
 */
export const rangeable = (path: Path): boolean => /^(hosts|workloads|platforms|policy|prices)$/.test(String(path[0])) && path.at(-1) !== 'growthPercentPerYear';

const load = () => import('./UncertaintyRangeInputs');
const Lazy = lazy(load);

/**
 * Draws its part once the scenario has a range (or this toggle was pressed, `add`: the chunk then
 * adds the range); before that, a plain toggle or nothing.
 */
export function RangeSlot(props: SlotProps) {
  const [add, setAdd] = useState(false);
  const plain =
    props.part === 'toggle' ? (
      <button
        type="button"
        className="range-toggle"
        aria-pressed="false"
        data-range-toggle={props.fieldKey}
        title={`Range (low, likely, high) for ${props.label}`}
        // Focus stays put on a pointer press: moving it would show or hide a field's default note
        // and shift the grid under the pointer before the click lands.
        onMouseDown={(ev) => ev.preventDefault()}
        onClick={() => setAdd(true)}
      >
        <span aria-hidden="true">±</span>
      </button>
    ) : null;
  return add || hasRanges(props.part === 'results' ? props.draft : props.ctx.draft) ? (
    <Suspense fallback={plain}>
      <Lazy {...props} add={add} />
    </Suspense>
  ) : (
    plain
  );
}

/** Keeps a scenario's ranges in step with an edit from `before` to `after` (loads that code the first time; `redo` follows up then). */
let follow: ((before: Draft, after: Draft) => Draft) | undefined;
export function followEdit(before: Draft, after: Draft, redo: (f: (d: Draft) => Draft) => void): Draft {
  if (before['uncertainty'] === undefined) return after;
  if (follow) return follow(before, after);
  void load().then((m) => redo((current) => (follow = m.followRanges)(before, current)));
  return after;
}
