/**
 * Energy and carbon figures as text: tonnes of CO2e and kWh, rounded for display only (half away
 * from zero, as the package's reports round). Used by the lazily loaded energy rows and the costs
 * over time worker, never by the page up front.
 */
import type { Money } from 'kernelcount';

const fixed = [0, 1, 2].map((dp) => new Intl.NumberFormat('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp }));

/** Tonnes of CO2e from kg: one decimal, two below a tonne. */
export function tonnes(kg: Money): string {
  const t = kg.div(1000);
  const dp = t.abs().lt(1) ? 2 : 1;
  // ROUND_HALF_UP (4) rounds half away from zero.
  return fixed[dp]!.format(Number(t.toFixed(dp, 4)));
}

/** A difference in tonnes with its sign: `+12.3`, `−4.0`; `0.00` without one. */
export function signedTonnes(kg: Money): string {
  const t = tonnes(kg.abs());
  return /^[0.]+$/.test(t) ? t : `${kg.isNeg() ? '\u2212' : '+'}${t}`;
}

/** kWh as a whole number with separators. */
export function kWh(v: Money): string {
  return fixed[0]!.format(Number(v.toFixed(0, 4)));
}
