/**
 * Parsers for the quantities the command line takes: memory sizes, CPU amounts and whole counts.
 * Each returns the value in the model's units (whole MiB, whole millicores, integers) with a note
 * when it had to convert or round, or an `Issue` naming the flag and what it expects.
 *
 * How units are read:
 * - binary units (KiB, MiB, GiB, TiB and the Kubernetes forms Ki, Mi, Gi, Ti) are powers of 1024;
 * - decimal units (KB, MB, GB, TB) are powers of 1000, as in SI and in Kubernetes quantities:
 *   8GB = 8 x 10^9 bytes = 7629.39 MiB, rounded up to 7630 MiB. Vendor tables that write "MB" where
 *   they mean MiB (VMware, AKS) are read as MiB inside the rules, never here;
 * - a bare number is MiB;
 * - units match in any case (`8gib`, `8GB`), with or without a space before them;
 * - one-letter suffixes (`8G`, `512M`, `512m`) are refused: in Kubernetes `M` is 10^6 but `m` is
 *   one thousandth, so a case-insensitive reading would be a trap;
 * - exponents (`1e3`), signs and anything else are refused.
 * Fractions of a MiB or a millicore are rounded up, and the note says so.
 */
import { Decimal } from 'decimal.js';
import type { Issue } from '../errors.js';
import { describeValue } from '../errors.js';
import { LIMITS } from '../scenario/validate.js';

/** Bounds of a node, VM or pod on the command line: as a scenario's host (64 TiB of memory; 64 sockets x 1024 cores x 8 threads). */
export const NODE_LIMITS = {
  memoryMiB: LIMITS.hostMemoryMiB,
  cpuMillicores: LIMITS.sockets * LIMITS.coresPerSocket * 8 * 1000,
  maxPods: 10_000,
  enis: 1_000,
  ipv4PerEni: 10_000,
} as const;

/** Our own Decimal constructor: exact enough for any size we accept, never touching global settings. */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });

const BYTES_PER_MIB = new D(1024 * 1024);

/** Every unit a SIZE may carry (lower-cased), with its size in bytes and whether it is decimal. */
const SIZE_UNITS: Readonly<Record<string, { bytes: Decimal; decimal: boolean }>> = {
  kib: { bytes: new D(1024), decimal: false },
  ki: { bytes: new D(1024), decimal: false },
  mib: { bytes: new D(1024).pow(2), decimal: false },
  mi: { bytes: new D(1024).pow(2), decimal: false },
  gib: { bytes: new D(1024).pow(3), decimal: false },
  gi: { bytes: new D(1024).pow(3), decimal: false },
  tib: { bytes: new D(1024).pow(4), decimal: false },
  ti: { bytes: new D(1024).pow(4), decimal: false },
  kb: { bytes: new D(10).pow(3), decimal: true },
  mb: { bytes: new D(10).pow(6), decimal: true },
  gb: { bytes: new D(10).pow(9), decimal: true },
  tb: { bytes: new D(10).pow(12), decimal: true },
};

/** The units a SIZE accepts, as shown in messages and help. */
export const SIZE_UNIT_NAMES = ['MiB', 'GiB', 'TiB', 'KiB', 'Mi', 'Gi', 'Ti', 'Ki', 'MB', 'GB', 'TB', 'KB'] as const;

const SIZE_HINT = `a size such as 512MiB, 8GiB, 1.5GiB, 8Gi or 8GB (a bare number is MiB); units: ${SIZE_UNIT_NAMES.join(', ')}, any case`;

/**
 * True when a stray word is a size unit, as when `--memory 8 GiB` is typed unquoted and the shell
 * splits it: the command can then say how to write the size instead of blaming a positional.
 */
export function isSizeUnit(word: string): boolean {
  return Object.hasOwn(SIZE_UNITS, word.toLowerCase());
}

/** The issue for a stray positional word, with a hint when it is a size unit split from its number. */
export function strayWordIssue(path: string, words: readonly string[], what: string): Issue {
  const unit = words.find(isSizeUnit);
  if (unit !== undefined) {
    return { code: 'conflict', path, message: `unexpected ${describeValue(unit)}: write a size without a space (8${unit}) or quote it ("8 ${unit}")` };
  }
  return { code: 'conflict', path, message: `give one ${what}, got also ${words.map((w) => describeValue(w)).join(', ')}` };
}

/** A plain non-negative decimal number: digits with an optional fraction; no sign, no exponent. */
const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const SIZE_RE = new RegExp(String.raw`^${NUMBER}\s*([a-z]*)$`, 'i');
const CPU_RE = new RegExp(String.raw`^${NUMBER}\s*(m?)$`);

/** A quantity in the model's whole units, with a note when the text had to be converted or rounded. */
export interface Quantity {
  value: number;
  note?: string;
}

export interface SizeOptions {
  /** Accept 0 (a reservation may be nothing); sizes must be > 0 otherwise. */
  allowZero?: boolean;
  /** Upper bound in MiB. */
  maxMiB: number;
}

function looksNegative(text: string, re: RegExp): boolean {
  return text.startsWith('-') && re.test(text.slice(1).trim());
}

function trimmedText(flag: string, raw: string | true | undefined, what: string): string | Issue {
  if (raw === undefined) return { code: 'required', path: flag, message: `is required (${what})` };
  if (raw === true) return { code: 'invalid_type', path: flag, message: `needs a value (${what})` };
  return raw.trim();
}

function fmt(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

/**
 * Reads a memory SIZE into whole MiB, rounding any fraction up (see the module comment for units).
 *
 * @example
 * parseSizeMiB('--memory', '8GiB', { maxMiB: 1 << 26 })   //=> { value: 8192 }
 * parseSizeMiB('--memory', '8GB', { maxMiB: 1 << 26 }).value //=> 7630 (7629.39 MiB rounded up, with a note)
 */
export function parseSizeMiB(flag: string, raw: string | true | undefined, opts: SizeOptions): Quantity | Issue {
  const text = trimmedText(flag, raw, SIZE_HINT);
  if (typeof text !== 'string') return text;
  const m = SIZE_RE.exec(text);
  const unitKey = m?.[2]?.toLowerCase() ?? '';
  if (!m || (unitKey !== '' && !(unitKey in SIZE_UNITS))) {
    if (looksNegative(text, SIZE_RE)) {
      return { code: 'too_small', path: flag, message: `must be ${opts.allowZero ? '>= 0' : '> 0'}, got ${describeValue(text)}` };
    }
    return { code: 'invalid_type', path: flag, message: `must be ${SIZE_HINT}; got ${describeValue(text)}` };
  }
  const amount = new D(m[1]!);
  const unit = unitKey === '' ? undefined : SIZE_UNITS[unitKey]!;
  const exactMiB = unit ? amount.times(unit.bytes).div(BYTES_PER_MIB) : amount;
  if (exactMiB.isZero() && !opts.allowZero) return { code: 'too_small', path: flag, message: `must be > 0, got ${describeValue(text)}` };
  const mib = exactMiB.ceil();
  if (mib.greaterThan(opts.maxMiB)) {
    return { code: 'too_big', path: flag, message: `must be at most ${opts.maxMiB} MiB, got ${describeValue(text)}` };
  }
  const value = mib.toNumber();
  if (unit?.decimal) {
    const rounded = mib.equals(exactMiB) ? '' : `, rounded up to ${value} MiB`;
    return { value, note: `${flag} ${text}: decimal unit (1 ${m[2]} = ${unit.bytes.toString()} bytes) = ${fmt(exactMiB)} MiB${rounded}; use GiB or Gi for binary sizes` };
  }
  if (!mib.equals(exactMiB)) return { value, note: `${flag} ${text} = ${fmt(exactMiB)} MiB, rounded up to ${value} MiB` };
  return { value };
}

export interface CpuOptions {
  /** Accept 0 (a reservation may be nothing); amounts must be > 0 otherwise. */
  allowZero?: boolean;
  /** Upper bound in millicores. */
  maxMillicores: number;
}

const CPU_HINT = 'a CPU amount in cores (8, 0.5) or millicores (500m)';

/**
 * Reads a CPU amount, in cores (fractions allowed) or millicores with an `m` suffix, into whole
 * millicores, rounding any fraction up.
 *
 * @example
 * parseCpuMillicores('--vcpus', '0.5', { maxMillicores: 1e6 })   //=> { value: 500 }
 * parseCpuMillicores('--vcpus', '100m', { maxMillicores: 1e6 })  //=> { value: 100 }
 */
export function parseCpuMillicores(flag: string, raw: string | true | undefined, opts: CpuOptions): Quantity | Issue {
  const text = trimmedText(flag, raw, CPU_HINT);
  if (typeof text !== 'string') return text;
  const m = CPU_RE.exec(text);
  if (!m) {
    if (looksNegative(text, CPU_RE)) {
      return { code: 'too_small', path: flag, message: `must be ${opts.allowZero ? '>= 0' : '> 0'}, got ${describeValue(text)}` };
    }
    return { code: 'invalid_type', path: flag, message: `must be ${CPU_HINT}; got ${describeValue(text)}` };
  }
  const amount = new D(m[1]!);
  const exact = m[2] === 'm' ? amount : amount.times(1000);
  if (exact.isZero() && !opts.allowZero) return { code: 'too_small', path: flag, message: `must be > 0, got ${describeValue(text)}` };
  const millicores = exact.ceil();
  if (millicores.greaterThan(opts.maxMillicores)) {
    return { code: 'too_big', path: flag, message: `must be at most ${opts.maxMillicores / 1000} cores, got ${describeValue(text)}` };
  }
  const value = millicores.toNumber();
  if (!millicores.equals(exact)) return { value, note: `${flag} ${text} = ${exact.toString()} m, rounded up to ${value} m (whole millicores)` };
  return { value };
}

export interface IntegerOptions {
  min: number;
  max: number;
  /** What the number counts, for messages: "pods", "ENIs". */
  what: string;
}

/**
 * Reads a whole number within bounds; `2.5` is refused, not rounded.
 *
 * @example
 * parseInteger('--max-pods', '58', { min: 1, max: 10000, what: 'pods' }) //=> { value: 58 }
 */
export function parseInteger(flag: string, raw: string | true | undefined, opts: IntegerOptions): Quantity | Issue {
  const text = trimmedText(flag, raw, `a whole number of ${opts.what}`);
  if (typeof text !== 'string') return text;
  if (/^-?\d+\.\d+$/.test(text)) return { code: 'not_integer', path: flag, message: `must be a whole number of ${opts.what}, got ${describeValue(text)}` };
  if (!/^-?\d+$/.test(text)) return { code: 'invalid_type', path: flag, message: `must be a whole number of ${opts.what}, got ${describeValue(text)}` };
  const n = new D(text);
  if (n.lessThan(opts.min)) return { code: 'too_small', path: flag, message: `must be >= ${opts.min}, got ${describeValue(text)}` };
  if (n.greaterThan(opts.max)) return { code: 'too_big', path: flag, message: `must be at most ${opts.max}, got ${describeValue(text)}` };
  return { value: n.toNumber() };
}
