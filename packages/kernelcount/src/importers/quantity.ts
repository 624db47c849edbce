/**
 * Kubernetes resource quantities (`500m`, `1Gi`, `1.5Gi`, `128974848`, `129e6`, `123Mi`), read
 * exactly, the way the Kubernetes API reads them.
 *
 * The format, from the Kubernetes apimachinery `resource.Quantity` documentation
 * (k8s.io/apimachinery/pkg/api/resource/quantity.go, "The serialization format is"):
 *
 *   quantity        = signedNumber suffix
 *   signedNumber    = number | sign number          sign = "+" | "-"
 *   number          = digits | digits "." digits | digits "." | "." digits
 *   suffix          = binarySI | decimalExponent | decimalSI
 *   binarySI        = Ki | Mi | Gi | Ti | Pi | Ei               (powers of 1024)
 *   decimalSI       = m | "" | k | M | G | T | P | E            (powers of 1000; m is 1/1000)
 *   decimalExponent = "e" signedNumber | "E" signedNumber       (a power of ten; whole exponent)
 *
 * The API server's parser also accepts `n` (10^-9) and `u` (10^-6) as decimal suffixes, so they
 * are read here too. Case matters: `1M` is 10^6 bytes, `1m` is one thousandth, `1Mi` is 2^20. A bare
 * `E` is exa (10^18); `E` followed by digits is an exponent (`1E3` = 1000). Kubernetes keeps at most
 * nine decimal places and rounds anything finer up (0.1n becomes 1n); so does this reader.
 */
import { Decimal } from 'decimal.js';
import { KernelcountError, describeValue } from '../errors.js';

/** Our own Decimal constructor (never the global one): 80 digits hold 2^70 bytes to nine decimals. */
export const QuantityDecimal = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpPos: 80, toExpNeg: -80 });
export type QuantityDecimal = InstanceType<typeof QuantityDecimal>;

const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Largest exponent magnitude accepted in `1e<exp>`: far beyond any real request, small enough to stay exact. */
const MAX_EXPONENT = 30;

/** A parsed quantity: its exact value in the base unit (cores, or bytes) and how it was written. */
export interface Quantity {
  /** Exact value in the base unit: cores for CPU, bytes for memory and storage. */
  value: QuantityDecimal;
  /** The suffix as written (`Mi`, `m`, `e6`, or `` for none). */
  suffix: string;
  /** `binarySI` (Ki..Ei), `decimalSI` (n..E) or `decimalExponent` (e/E and a number). */
  format: 'binarySI' | 'decimalSI' | 'decimalExponent';
}

const NUMBER_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(.*)$/;

/**
 * Reads a Kubernetes quantity exactly. Throws a `KernelcountError` naming `path` when the text is
 * not a quantity; callers decide whether a negative or zero value makes sense.
 *
 * @example
 * parseQuantity('1.5Gi').value.toString() //=> '1610612736'
 * parseQuantity('500m').value.toString()  //=> '0.5'
 * parseQuantity('129e6').value.toString() //=> '129000000'
 */
export function parseQuantity(text: unknown, path = 'quantity'): Quantity {
  // kubectl prints quantities as strings; a hand-written file may hold a plain JSON number.
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) throw bad(path, `must be a Kubernetes quantity, got ${describeValue(text)}`);
    return { value: new QuantityDecimal(text), suffix: '', format: 'decimalSI' };
  }
  if (typeof text !== 'string') throw bad(path, `must be a Kubernetes quantity such as "500m" or "1Gi", got ${describeValue(text)}`);
  const s = text;
  const m = NUMBER_RE.exec(s);
  if (s.length === 0 || s.length > 64 || !m) {
    throw bad(path, `must be a Kubernetes quantity such as "500m", "1Gi" or "129e6", got ${describeValue(text)}`);
  }
  const [, sign, digits, suffix] = m as unknown as [string, string, string, string];
  let value = new QuantityDecimal(digits.endsWith('.') ? digits.slice(0, -1) : digits);
  let format: Quantity['format'];
  if (suffix in BINARY_SUFFIXES) {
    format = 'binarySI';
    value = value.times(new QuantityDecimal(2).pow(BINARY_SUFFIXES[suffix]!));
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'decimalSI';
    value = value.times(new QuantityDecimal(10).pow(DECIMAL_SUFFIXES[suffix]!));
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'decimalExponent';
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) > MAX_EXPONENT) {
      throw bad(path, `exponent out of range (at most e${MAX_EXPONENT}), got ${describeValue(text)}`);
    }
    value = value.times(new QuantityDecimal(10).pow(exponent));
  } else {
    throw bad(
      path,
      `unknown suffix ${JSON.stringify(suffix)} in ${describeValue(text)}; use Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), ` +
        `n, u, m, k, M, G, T, P, E (powers of 1000) or an exponent such as e6 (case matters: m is 1/1000, M is 10^6)`,
    );
  }
  // Kubernetes keeps nine decimal places and rounds a finer non-zero value up (away from zero).
  value = value.toDecimalPlaces(9, Decimal.ROUND_UP);
  if (sign === '-') value = value.negated();
  return { value, suffix, format };
}

/**
 * A CPU quantity as whole millicores, rounded up as Kubernetes' `MilliValue()` does.
 *
 * @example
 * cpuMillicores('500m') //=> 500
 * cpuMillicores('1.5')  //=> 1500
 * cpuMillicores('0.1m') //=> 1
 */
export function cpuMillicores(text: unknown, path = 'cpu'): number {
  const q = nonNegative(parseQuantity(text, path), text, path);
  return toSafeInteger(q.value.times(1000).ceil(), text, path, 'millicores');
}

/**
 * A memory or storage quantity as whole MiB (2^20 bytes), rounded up.
 *
 * @example
 * memoryMiB('1Gi')       //=> 1024
 * memoryMiB('128974848') //=> 123
 * memoryMiB('129e6')     //=> 124
 */
export function memoryMiB(text: unknown, path = 'memory'): number {
  const q = nonNegative(parseQuantity(text, path), text, path);
  return toSafeInteger(q.value.div(2 ** 20).ceil(), text, path, 'MiB');
}

/**
 * A memory or storage quantity as whole MiB rounded down: for capacities, of which a fraction of a
 * MiB cannot be used.
 *
 * @example
 * memoryMiBFloor('32780112Ki') //=> 32011
 */
export function memoryMiBFloor(text: unknown, path = 'memory'): number {
  const q = nonNegative(parseQuantity(text, path), text, path);
  return toSafeInteger(q.value.div(2 ** 20).floor(), text, path, 'MiB');
}

function nonNegative(q: Quantity, text: unknown, path: string): Quantity {
  if (q.value.isNegative()) throw new KernelcountError([{ code: 'too_small', path, message: `must not be negative, got ${describeValue(text)}` }]);
  return q;
}

function toSafeInteger(d: QuantityDecimal, text: unknown, path: string, unit: string): number {
  if (d.gt(Number.MAX_SAFE_INTEGER)) {
    throw new KernelcountError([{ code: 'too_big', path, message: `is too large (more than ${Number.MAX_SAFE_INTEGER} ${unit}), got ${describeValue(text)}` }]);
  }
  return d.toNumber();
}

function bad(path: string, message: string): KernelcountError {
  return new KernelcountError([{ code: 'invalid_type', path, message }]);
}
