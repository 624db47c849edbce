/**
 * Reproducible random numbers for Monte Carlo: a small, well-studied generator (xoshiro128**,
 * Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018), one independent
 * stream per sample derived from (seed, sample index), and the PERT distribution of a three-point
 * estimate.
 *
 * Deriving each sample's stream from its index (instead of running one stream through all
 * samples) makes a sample's values independent of how the run is split into chunks, so a run done
 * 500 samples at a time, or spread over workers, gives exactly the same result as one done at once.
 */

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** One round of the splitmix32 finalizer: a bijective mix of 32 bits. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * xoshiro128**: 128 bits of state, period 2^128 - 1, passes the usual statistical test batteries.
 * Not for cryptography.
 *
 * @example
 * const g = new Xoshiro128([1, 2, 3, 4]);
 * [g.nextUint32(), g.nextUint32(), g.nextUint32()] //=> [11520, 0, 5927040]
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((x) => x >>> 0) as [number, number, number, number];
    // The all-zero state is the one state the generator never leaves.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992; // (hi x 2^26 + lo) / 2^53
  }
}

/**
 * The generator for one sample of a run: its state is mixed from the run's seed and the sample's
 * index, so every sample has its own stream.
 *
 * @example
 * sampleStream(42, 7).nextUint32() === sampleStream(42, 7).nextUint32() //=> true
 */
export function sampleStream(seed: number, index: number): Xoshiro128 {
  const a = mix32(seed >>> 0);
  const b = mix32(a ^ (index >>> 0));
  const c = mix32(b ^ 0x6a09e667);
  const d = mix32(c ^ 0xbb67ae85);
  return new Xoshiro128([mix32(b), c, d, mix32(d ^ 0x3c6ef372)]);
}

/** A standard normal variate (Marsaglia's polar method). */
function normal(g: Xoshiro128): number {
  for (;;) {
    const u = 2 * g.nextFloat() - 1;
    const v = 2 * g.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) variate for shape >= 1 (Marsaglia and Tsang, 2000). */
function gamma(g: Xoshiro128, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(g);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = g.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A value from the PERT distribution of a three-point estimate: a Beta distribution on
 * [low, high] with shape parameters 1 + 4 (likely - low) / (high - low) and
 * 1 + 4 (high - likely) / (high - low), so its mode is `likely` and its mean is
 * (low + 4 likely + high) / 6. `low === high` gives that value.
 *
 * @example
 * const g = sampleStream(1, 0);
 * const x = pert(g, 0.08, 0.12, 0.2);
 * x >= 0.08 && x <= 0.2 //=> true
 */
export function pert(g: Xoshiro128, low: number, likely: number, high: number): number {
  const width = high - low;
  if (!(width > 0)) return low;
  const alpha = 1 + (4 * (likely - low)) / width;
  const beta = 1 + (4 * (high - likely)) / width;
  const x = gamma(g, alpha);
  const y = gamma(g, beta);
  const v = low + (width * x) / (x + y);
  return v < low ? low : v > high ? high : v;
}
