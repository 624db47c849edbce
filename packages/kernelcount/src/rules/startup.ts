/**
 * Start-up time and scaling: how many instances must already be running, as warm spares, so that a
 * traffic spike never outruns capacity while new instances start.
 */
import { KernelcountError } from '../errors.js';
import { Money } from '../money.js';
import { checkInputs } from './inputs.js';

export interface SpikeInput {
  /** Demand before the spike, in instances' worth of work (fractions allowed). */
  baselineInstances: number;
  /** Demand at the top of the spike, in instances' worth of work; at least the baseline. */
  peakInstances: number;
  /** Seconds the demand takes to rise from baseline to peak; 0 is an instant step. */
  rampSeconds: number;
  /**
   * Seconds from asking for a new instance to its serving traffic: boot or start time, plus the
   * autoscaler's detection delay and the app's own start if you want them counted.
   */
  startSeconds: number;
}

/** Largest instance count and time span the rule accepts. */
const MAX_INSTANCES = 10_000_000;
const MAX_SECONDS = 31_536_000; // one year

/**
 * Warm spare instances needed for a traffic spike, as a whole number.
 *
 * Model: demand rises linearly from `baselineInstances` at time 0 to `peakInstances` at
 * `rampSeconds`, then stays there. The autoscaler asks for a new instance the moment demand grows by
 * an instance's worth (an ideal, instant autoscaler), and each new instance serves `startSeconds`
 * later. Capacity at any time is therefore what demand was `startSeconds` earlier, plus the spares
 * that were already running. Demand never exceeds capacity when the spares cover the largest rise in
 * demand over any window of `startSeconds`, which on a linear ramp is
 *
 *   spare = ceil((peak - baseline) x min(start, ramp) / ramp)
 *
 * and, for an instant step (ramp 0), the whole rise `ceil(peak - baseline)` unless start is 0 too.
 * Edges: start 0 needs no spare; start >= ramp needs the whole rise (nothing new arrives in time).
 * Computed in decimal, so 3 x 0.1 / 0.3 is exactly 1.
 *
 * @example
 * warmSpareForSpike({ baselineInstances: 100, peakInstances: 300, rampSeconds: 60, startSeconds: 30 }) //=> 100
 */
export function warmSpareForSpike(input: SpikeInput): number {
  const { baselineInstances, peakInstances, rampSeconds, startSeconds } = input;
  checkInputs({
    baselineInstances: [baselineInstances, { min: 0, max: MAX_INSTANCES, unit: 'instances' }],
    peakInstances: [peakInstances, { min: 0, max: MAX_INSTANCES, unit: 'instances' }],
    rampSeconds: [rampSeconds, { min: 0, max: MAX_SECONDS, unit: 'seconds' }],
    startSeconds: [startSeconds, { min: 0, max: MAX_SECONDS, unit: 'seconds' }],
  });
  if (peakInstances < baselineInstances) {
    throw new KernelcountError([
      { code: 'too_small', path: 'peakInstances', message: `must be at least baselineInstances (${baselineInstances}): the rule models a rise in demand, got ${peakInstances}` },
    ]);
  }
  const rise = new Money(peakInstances).minus(baselineInstances);
  if (rise.isZero() || startSeconds === 0) return 0;
  if (rampSeconds === 0 || startSeconds >= rampSeconds) return rise.ceil().toNumber();
  return rise.times(startSeconds).div(rampSeconds).ceil().toNumber();
}
