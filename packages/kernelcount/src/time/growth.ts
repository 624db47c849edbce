/**
 * Workload growth year by year: a compound yearly rate applied to a workload's instances, worked
 * out in exact decimals and rounded up to whole instances only at the end of each year's sum.
 */
import { money, type Money } from '../money.js';

/**
 * The growth factor after `year - 1` years at `percentPerYear`: (1 + g/100)^(year - 1), exact to the
 * 40 digits Money keeps (exact outright for rates of a few decimals over the horizons allowed).
 *
 * @example
 * growthFactor(10, 3).toString() //=> '1.21'
 */
export function growthFactor(percentPerYear: number, year: number): Money {
  return money(1).plus(money(percentPerYear).div(100)).pow(year - 1);
}

/**
 * Instances of a workload in `year` (1 = today's count): instances x (1 + g/100)^(year - 1) in
 * decimals, rounded up to a whole instance. Year 1 is always the count given; a shrinking workload
 * never reaches 0 (the rate is above -100%), and 0 instances stay 0.
 *
 * @example
 * [1, 2, 3, 4].map((y) => grownInstances(10, 10, y).toNumber()) //=> [10, 11, 13, 14] (10, 11, 12.1, 13.31 rounded up)
 */
export function grownInstances(instances: number, percentPerYear: number, year: number): Money {
  if (year <= 1 || percentPerYear === 0) return money(instances);
  return money(instances).times(growthFactor(percentPerYear, year)).ceil();
}
