import { Decimal } from 'decimal.js';

/**
 * The package's own Decimal constructor. decimal.js keeps global mutable settings,
 * so we clone once with our own precision and never touch the global one.
 * 40 significant digits hold any realistic budget to far below a cent.
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Money = InstanceType<typeof Money>;

/** Anything a money amount can be made from. Floats are read through their shortest decimal string. */
export type MoneyInput = Money | string | number;

/**
 * Makes a Money value.
 * @example
 * money('0.1').plus(money('0.2')).toString() //=> '0.3'
 */
export function money(value: MoneyInput): Money {
  return value instanceof Money ? value : new Money(value);
}

export const ZERO = new Money(0);

/** Exact sum of money amounts. */
export function sumMoney(values: Iterable<Money>): Money {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Rounds for display only, to 2 decimals by default, half away from zero as on an invoice.
 * @example
 * formatMoney(money('1234.565')) //=> '1234.57'
 */
export function formatMoney(value: Money, decimals = 2): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** Groups thousands for human output: 1234567.8 -> "1,234,567.80". */
export function formatMoneyGrouped(value: Money, decimals = 2): string {
  const fixed = formatMoney(value, decimals);
  const negative = fixed.startsWith('-');
  const [int = '0', frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}
