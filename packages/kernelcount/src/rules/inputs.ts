/**
 * Input checks shared by the rules when they are called on their own (from code or the CLI): a bad
 * figure raises the package's KernelcountError with the field as the path, never a NaN result.
 */
import { KernelcountError, describeValue, type Issue } from '../errors.js';

export interface Bound {
  min: number;
  max: number;
  integer?: boolean;
  /** Unit named in the message, e.g. `MiB`. */
  unit?: string;
  /** Why the maximum exists, added to the message. */
  why?: string;
}

/** Collects issues for each field against its bounds; throws one KernelcountError listing them all. */
export function checkInputs(fields: Record<string, [value: unknown, bound: Bound]>): void {
  const issues: Issue[] = [];
  for (const [path, [v, b]] of Object.entries(fields)) {
    const unit = b.unit ? ` ${b.unit}` : '';
    if (typeof v !== 'number' || Number.isNaN(v)) issues.push({ code: 'invalid_type', path, message: `must be a number${unit}, got ${describeValue(v)}` });
    else if (!Number.isFinite(v)) issues.push({ code: 'not_finite', path, message: `must be a finite number${unit}, got ${v}` });
    else if (b.integer && !Number.isInteger(v)) issues.push({ code: 'not_integer', path, message: `must be a whole number${unit}, got ${v}` });
    else if (v < b.min) issues.push({ code: 'too_small', path, message: `must be at least ${b.min}${unit}, got ${v}` });
    else if (v > b.max) issues.push({ code: 'too_big', path, message: `must be at most ${b.max}${unit}${b.why ? ` (${b.why})` : ''}, got ${v}` });
  }
  if (issues.length) throw new KernelcountError(issues);
}

/** Largest node or VM the rules accept: 64 TiB of memory, 4,096 CPUs. */
export const RULE_LIMITS = { memoryMiB: 64 * 1024 * 1024, cpuMillicores: 4_096_000, vcpus: 4096 } as const;
