/**
 * The problems of a draft's `uncertainty:` ranges that `evaluate` leaves alone: a path that names
 * no input, the same input twice, a fraction for a whole-number input, an end outside the field's
 * limits. `evaluate` checks only the ranges' shape, so that the page's up-front bundle does not carry
 * the path resolver; this module loads with the first range (see Calculator.tsx).
 */
import { isKernelcountError, resolveRanges, type Issue } from 'kernelcount';

/** The issues at `uncertainty...` of a draft; the scenario's own issues are evaluate's to report. */
export function rangeIssues(draft: unknown, today: string): Issue[] {
  try {
    resolveRanges(draft, { today });
    return [];
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    return e.issues.filter((i) => i.path === 'uncertainty' || i.path.startsWith('uncertainty.') || i.path.startsWith('uncertainty['));
  }
}
