import { describeValue, joinPath, type Issue, type IssueCode } from '../errors.js';

/** Bounds of a number: `gt` / `min` / `max` limits, `integer` for whole numbers, `unit` named in messages. */
export interface NumberOptions {
  gt?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
}

/**
 * A small validating reader: each method checks one value at a path, records an issue when the
 * value is wrong and returns a usable fallback, so one pass collects every problem in the input.
 */
export class Reader {
  readonly issues: Issue[] = [];

  add(code: IssueCode, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** A plain object (not an array or null); unknown keys are reported. */
  object(value: unknown, path: string, keys: readonly string[] | null): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.add('invalid_type', path, `must be an object, got ${describeValue(value)}`);
      return undefined;
    }
    const obj = value as Record<string, unknown>;
    if (keys) {
      for (const k of Object.keys(obj)) {
        if (!keys.includes(k)) {
          this.add('unknown_key', joinPath(path, k), `unknown field; expected one of: ${keys.join(', ')}`);
        }
      }
    }
    return obj;
  }

  list(value: unknown, path: string, opts: { min?: number; max: number }): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.add('invalid_type', path, `must be a list, got ${describeValue(value)}`);
      return undefined;
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.add('too_small', path, `must have at least ${opts.min} item${opts.min === 1 ? '' : 's'}, got ${value.length}`);
    }
    if (value.length > opts.max) {
      this.add('too_big', path, `must have at most ${opts.max} items, got ${value.length}`);
      return value.slice(0, opts.max);
    }
    return value;
  }

  string(value: unknown, path: string, opts: { max?: number; nonEmpty?: boolean } = {}): string | undefined {
    if (typeof value !== 'string') {
      this.add('invalid_type', path, `must be text, got ${describeValue(value)}`);
      return undefined;
    }
    const max = opts.max ?? 200;
    if (value.length > max) {
      this.add('too_big', path, `must be at most ${max} characters, got ${value.length}`);
      return undefined;
    }
    if (opts.nonEmpty && value.trim() === '') {
      this.add('too_small', path, 'must not be empty');
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') {
      this.add('invalid_type', path, `must be true or false, got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add('unknown_value', path, `must be one of ${allowed.join(', ')}, got ${describeValue(value)}`);
      return undefined;
    }
    return value as T;
  }

  /** `obj[key]` read as one of `allowed` at `path.key`, or `fallback` when the field is absent. */
  pick<T extends string, F extends T | undefined = T>(obj: Record<string, unknown>, path: string, key: string, fallback: F, allowed: readonly T[]): T | F | undefined {
    const v = own(obj, key);
    return v === undefined ? fallback : this.oneOf(v, joinPath(path, key), allowed);
  }

  /** `obj[key]` read as a number at `path.key` (see `number`), or `fallback` when the field is absent. */
  numberOr<F>(obj: Record<string, unknown>, path: string, key: string, fallback: F, opts: NumberOptions): number | F | undefined {
    const v = own(obj, key);
    return v === undefined ? fallback : this.number(v, joinPath(path, key), opts);
  }

  /** `obj[key]` read as true or false at `path.key`, false when the field is absent. */
  flag(obj: Record<string, unknown>, path: string, key: string): boolean | undefined {
    const v = own(obj, key);
    return v === undefined ? false : this.boolean(v, joinPath(path, key));
  }

  /**
   * A finite number within bounds. `gt` / `min` / `max` are the limits; `integer` requires a whole
   * number. Numeric strings are not numbers here: units and types in a scenario must be exact.
   */
  number(
    value: unknown,
    path: string,
    opts: NumberOptions,
  ): number | undefined {
    if (typeof value !== 'number') {
      this.add('invalid_type', path, `must be a number, got ${describeValue(value)}`);
      return undefined;
    }
    if (!Number.isFinite(value)) {
      this.add('not_finite', path, `must be a finite number, got ${describeValue(value)}`);
      return undefined;
    }
    const unit = opts.unit ? ` ${opts.unit}` : '';
    if (opts.integer && !Number.isInteger(value)) {
      this.add('not_integer', path, `must be a whole number, got ${value}`);
      return undefined;
    }
    if (opts.gt !== undefined && !(value > opts.gt)) {
      this.add('too_small', path, `must be > ${opts.gt}${unit}, got ${value}`);
      return undefined;
    }
    if (opts.min !== undefined && value < opts.min) {
      this.add('too_small', path, `must be >= ${opts.min}${unit}, got ${value}`);
      return undefined;
    }
    if (opts.max !== undefined && value > opts.max) {
      this.add('too_big', path, `must be <= ${opts.max}${unit}, got ${value}`);
      return undefined;
    }
    return value;
  }

  /** A money amount: a finite number or a decimal string, >= 0, at most 1e15. */
  amount(value: unknown, path: string): string | undefined {
    let text: string;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        this.add('not_finite', path, `must be a finite amount, got ${describeValue(value)}`);
        return undefined;
      }
      text = String(value);
    } else if (typeof value === 'string') {
      text = value.trim();
      if (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/.test(text)) {
        this.add('invalid_type', path, `must be an amount like 1200 or "1200.50", got ${describeValue(value)}`);
        return undefined;
      }
    } else {
      this.add('invalid_type', path, `must be an amount (a number), got ${describeValue(value)}`);
      return undefined;
    }
    const n = Number(text);
    if (n < 0) {
      this.add('too_small', path, `must be >= 0, got ${text}`);
      return undefined;
    }
    if (n > 1e15) {
      this.add('too_big', path, `must be <= 1e15, got ${text}`);
      return undefined;
    }
    return text;
  }
}

/** Own-property read that never walks the prototype chain (so `__proto__` keys are just keys). */
export function own(obj: Record<string, unknown> | undefined, key: string): unknown {
  if (!obj) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
