import { describe, expect, it } from 'vitest';
import { money } from '../money.js';
import { discountDivisor, levelPayment, presentValue } from './finance.js';

describe('levelPayment', () => {
  it('spreads the price evenly at 0%', () => {
    expect(levelPayment(38000, 0, 5).toString()).toBe('7600');
    expect(levelPayment('1000', 0, 3).times(3).toDecimalPlaces(30).toString()).toBe('1000');
  });

  it('is the annuity-due payment (paid at the start of each year), worked by hand', () => {
    // 1000 over 2 years at 10%: 1000 x 0.1 x 1.1 / 0.21 = 110 / 0.21 = 523.809523...
    const p = levelPayment(1000, 10, 2);
    expect(p.toDecimalPlaces(10).toString()).toBe('523.8095238095');
    // The payments pay the loan off: the first is paid at once, (1000 - p) x 1.1 is owed a year
    // later, and the second payment clears it.
    const owed = money(1000).minus(p).times('1.1').minus(p);
    expect(owed.abs().lt('1e-30')).toBe(true);
    // 10000 over 5 years at 5%: 10000 x 0.05 x 1.05^4 / (1.05^5 - 1) = 2199.7599821...
    expect(levelPayment(10000, 5, 5).toDecimalPlaces(4).toString()).toBe('2199.76');
  });

  it('is worth the price exactly when discounted at its own rate as paid at the start of each year', () => {
    const p = levelPayment(38000, 6, 5);
    const pv = [1, 2, 3, 4, 5].reduce((sum, y) => sum.plus(presentValue(p, 6, y)), money(0));
    expect(pv.toDecimalPlaces(20).toString()).toBe('38000');
  });

  it('costs more than the price in all at a positive rate', () => {
    expect(levelPayment(10000, 6, 5).times(5).gt(10000)).toBe(true);
  });
});

describe('present value', () => {
  it('discounts as paid at the start of each year', () => {
    expect(discountDivisor(10, 1).toString()).toBe('1');
    expect(discountDivisor(10, 2).toString()).toBe('1.1');
    expect(discountDivisor(8, 3).toString()).toBe('1.1664');
    expect(presentValue(1100, 10, 2).toString()).toBe('1000');
    expect(presentValue(1210, 10, 3).toString()).toBe('1000');
    expect(presentValue(500, 10, 1).toString()).toBe('500');
    expect(presentValue(500, 0, 9).toString()).toBe('500');
  });
});
