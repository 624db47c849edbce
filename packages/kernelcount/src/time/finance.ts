/**
 * Money over time: the level yearly payment of a lease and the present value of a year's cash.
 * Exact decimals throughout (the package's Money); rates are given in percent.
 */
import { money, type Money, type MoneyInput } from '../money.js';

/**
 * The level yearly payment, due at the start of each year, that pays off `price` over `years` years
 * at `ratePercent` a year: price x r x (1 + r)^(n-1) / ((1 + r)^n - 1), the annuity-due payment (the
 * ordinary end-of-year annuity divided by 1 + r). Payments at the start of the year match how the
 * projection books every year's cash, so discounted at the lease rate the payments are worth the
 * price exactly. At 0% it is price / n.
 *
 * @example
 * levelPayment(1000, 0, 4).toString()                   //=> '250'
 * levelPayment(1000, 10, 2).toDecimalPlaces(6).toString() //=> '523.809524' (1000 x 0.1 x 1.1 / 0.21)
 */
export function levelPayment(price: MoneyInput, ratePercent: number, years: number): Money {
  const p = money(price);
  const r = money(ratePercent).div(100);
  // At a rate below 1e-20 the payment is price / years to far below a cent (the formula's limit as
  // the rate goes to 0); the formula itself would divide by 0 once 1 + r rounds to 1 at 40 digits
  // (found by fuzzing: a lease rate of 1e-96 % gave Infinity).
  if (r.lt('1e-20')) return p.div(years);
  const growth = money(1).plus(r).pow(years);
  return p.times(r).times(growth).div(money(1).plus(r)).div(growth.minus(1));
}

/**
 * What one unit of money paid at the start of `year` weighs today: (1 + d)^(year - 1), the divisor of
 * that year's cash (year 1 is paid now, undiscounted).
 *
 * @example
 * discountDivisor(10, 3).toString() //=> '1.21'
 */
export function discountDivisor(ratePercent: number, year: number): Money {
  return money(1).plus(money(ratePercent).div(100)).pow(year - 1);
}

/**
 * The present value of `cash` paid at the start of `year`: cash / (1 + d)^(year - 1).
 *
 * @example
 * presentValue(1100, 10, 2).toString() //=> '1000'
 */
export function presentValue(cash: MoneyInput, ratePercent: number, year: number): Money {
  const c = money(cash);
  return ratePercent === 0 || year <= 1 ? c : c.div(discountDivisor(ratePercent, year));
}
