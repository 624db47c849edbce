/** Stable machine-readable codes for everything a user can get wrong. */
export type IssueCode =
  | 'parse_error'
  | 'invalid_type'
  | 'required'
  | 'unknown_key'
  | 'unknown_value'
  | 'not_finite'
  | 'not_integer'
  | 'too_small'
  | 'too_big'
  | 'conflict'
  | 'duplicate'
  | 'does_not_fit'
  | 'too_large_input'
  | 'unreadable';

/** One problem found in the input, with where it is. */
export interface Issue {
  code: IssueCode;
  /** Dotted path with indexes, e.g. `workloads[2].memoryGiB`; empty for the whole document. */
  path: string;
  message: string;
}

/**
 * The package's one error type for bad input: it carries every issue found, each with a path,
 * a stable code and a plain message. Its `message` lists them one per line as `path: message`.
 */
/**
 * Marks the package's errors across copies of the package: a program that loads both the ES module
 * and the CommonJS build has two `KernelcountError` classes, and `instanceof` sees only its own.
 */
const BRAND = Symbol.for('kernelcount.KernelcountError');

export class KernelcountError extends Error {
  override readonly name = 'KernelcountError';
  readonly issues: readonly Issue[];
  readonly [BRAND] = true;
  constructor(issues: readonly Issue[]) {
    super(
      issues.length === 0
        ? 'invalid input'
        : issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'),
    );
    this.issues = issues;
  }
}

/** True for an error of this package, thrown by this copy of it or by another (its ES module or CommonJS build). */
export function isKernelcountError(e: unknown): e is KernelcountError {
  return e instanceof KernelcountError || (typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true);
}

/** Joins path segments the way messages show them: `a.b[2].c`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (!/^[A-Za-z_$]/.test(safe)) return `${base}[${safe}]`;
  return base ? `${base}.${safe}` : safe;
}

/** Shows a user value in a message without dumping huge or hostile content. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return String(value);
  }
  if (typeof value === 'string') {
    const s = value.length > 40 ? value.slice(0, 40) + '…' : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
