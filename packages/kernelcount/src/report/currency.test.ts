// Money in its currency through Intl: symbols and decimals by the currency's own rules (ISO 4217
// minor units as CLDR has them), exact decimal text in, rounding half away from zero done before
// Intl sees the amount, and bad codes, locales and options refused with a path.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { isKernelcountError, KernelcountError } from '../errors.js';
import { money, Money } from '../money.js';
import { run } from '../cli/run.js';
import { baseScenario, memoryIo, TODAY } from '../../test/helpers.js';
import { currencyDecimals, currencyFormatter, currencyProblem, formatCurrency, localeProblem } from './currency.js';
import { formatEvaluation } from './format.js';

const NBSP = '\u00a0';

function issueOf(fn: () => unknown): { path: string; code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isKernelcountError(e)) return e.issues[0]!;
    throw e;
  }
  throw new Error('did not throw');
}

describe('formatCurrency', () => {
  it('shows EUR, USD and JPY with their symbols and their own decimals', () => {
    expect(formatCurrency(money('1234.5'), 'EUR')).toBe('€1,234.50');
    expect(formatCurrency(money('1234.5'), 'USD')).toBe('$1,234.50');
    // The yen has no minor unit: 0 decimals when none are asked for; 1234.5 rounds away from zero.
    expect(formatCurrency(money('1234.5'), 'JPY')).toBe('¥1,235');
    expect(formatCurrency(money('1234.4'), 'JPY')).toBe('¥1,234');
    expect(formatCurrency(money('-1234.5'), 'JPY')).toBe('-¥1,235');
    // A code without a symbol in the locale is written out.
    expect(formatCurrency(money('5'), 'CHF')).toBe(`CHF${NBSP}5.00`);
  });

  it('lays the amount out for the locale', () => {
    expect(formatCurrency(money('1234.5'), 'EUR', { locale: 'de-DE' })).toBe(`1.234,50${NBSP}€`);
    // Indian grouping: lakhs and crores.
    expect(formatCurrency(money('1234567.5'), 'INR', { locale: 'en-IN' })).toBe('₹12,34,567.50');
    expect(formatCurrency(money('1234.5'), 'JPY', { locale: 'ja-JP' })).toBe('￥1,235');
  });

  it('knows each currency’s decimals', () => {
    expect(currencyDecimals('USD')).toBe(2);
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    // The Kuwaiti and Bahraini dinars have 3 (fils).
    expect(currencyDecimals('KWD')).toBe(3);
    expect(formatCurrency(money('1.2345'), 'KWD')).toBe(`KWD${NBSP}1.235`);
  });

  it('rounds half away from zero to the decimals asked for, and never shows -0', () => {
    expect(formatCurrency(money('0.005'), 'USD')).toBe('$0.01');
    expect(formatCurrency(money('-0.005'), 'USD')).toBe('-$0.01');
    expect(formatCurrency(money('2.5'), 'USD', { decimals: 0 })).toBe('$3');
    expect(formatCurrency(money('-0.004'), 'USD')).toBe('$0.00');
    expect(formatCurrency(money('0.12'), 'JPY', { decimals: 4 })).toBe('¥0.1200');
    expect(formatCurrency('19.999', 'EUR', { decimals: 2 })).toBe('€20.00');
  });

  it('signs differences with exceptZero', () => {
    const signed = currencyFormatter('USD', { signDisplay: 'exceptZero' });
    expect(signed(money('6044.4'))).toBe('+$6,044.40');
    expect(signed(money('-12'))).toBe('-$12.00');
    expect(signed(money('-0.001'))).toBe('$0.00');
  });

  it('formats a 20-digit amount exactly, not through a float', () => {
    const big = money('12345678901234567890.125');
    expect(formatCurrency(big, 'USD')).toBe('$12,345,678,901,234,567,890.13');
    // Through a JavaScript number the same amount loses its last digits: the test can tell.
    expect(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(big.toNumber())).not.toBe('$12,345,678,901,234,567,890.13');
    expect(formatCurrency(money('123456789012345678901234567890.5'), 'EUR', { decimals: 0 })).toBe('€123,456,789,012,345,678,901,234,567,891');
    expect(formatCurrency(new Money('1e21'), 'USD', { decimals: 0 })).toBe('$1,000,000,000,000,000,000,000');
  });

  it('refuses a code Intl does not know, with the path currency', () => {
    expect(currencyProblem('EUR')).toBeNull();
    expect(issueOf(() => formatCurrency(money(1), 'ABC'))).toEqual({
      code: 'unknown_value',
      path: 'currency',
      message: 'must be an ISO 4217 currency code Intl knows, such as USD, EUR or JPY, got "ABC"',
    });
    expect(issueOf(() => formatCurrency(money(1), 'usd'))).toEqual({ code: 'invalid_type', path: 'currency', message: 'must be a 3-letter ISO 4217 code like USD or EUR, got "usd"' });
    expect(issueOf(() => formatCurrency(money(1), 'EURO')).path).toBe('currency');
    expect(issueOf(() => formatCurrency(money(1), 42 as unknown as string)).message).toBe('must be a 3-letter ISO 4217 code like USD or EUR, got 42');
  });

  it('refuses a malformed locale, bad decimals and an amount that is not finite', () => {
    expect(localeProblem('de-DE')).toBeNull();
    expect(issueOf(() => formatCurrency(money(1), 'EUR', { locale: 'en_US' }))).toEqual({
      code: 'invalid_type',
      path: 'locale',
      message: 'must be a BCP 47 locale such as en-US or de-DE, got "en_US"',
    });
    expect(issueOf(() => formatCurrency(money(1), 'EUR', { decimals: 21 }))).toMatchObject({ path: 'decimals', code: 'too_big' });
    expect(issueOf(() => formatCurrency(money(1), 'EUR', { decimals: -1 }))).toMatchObject({ path: 'decimals', code: 'too_small' });
    expect(issueOf(() => formatCurrency(money(1), 'EUR', { decimals: 1.5 }))).toMatchObject({ path: 'decimals', code: 'not_integer' });
    expect(issueOf(() => formatCurrency(new Money(NaN), 'EUR'))).toMatchObject({ path: 'amount', code: 'not_finite' });
    expect(issueOf(() => formatCurrency(new Money(Infinity), 'EUR'))).toMatchObject({ path: 'amount', code: 'not_finite' });
    expect(issueOf(() => formatCurrency('twelve', 'EUR'))).toMatchObject({ path: 'amount' });
    expect(() => formatCurrency(money(1), 'ABC')).toThrow(KernelcountError);
  });
});

describe('scenario currency', () => {
  it('must be a code Intl knows', () => {
    const bad = (currency: unknown) => issueOf(() => evaluate({ ...baseScenario(), currency }, { today: TODAY }));
    expect(bad('ABC')).toEqual({ code: 'unknown_value', path: 'currency', message: 'must be an ISO 4217 currency code Intl knows, such as USD, EUR or JPY, got "ABC"' });
    expect(bad('eur')).toMatchObject({ code: 'invalid_type', path: 'currency' });
    expect(evaluate({ ...baseScenario(), currency: 'JPY' }, { today: TODAY }).scenario.currency).toBe('JPY');
  });
});

describe('reports in the scenario currency', () => {
  const eur = evaluate({ ...baseScenario(), currency: 'EUR' }, { today: TODAY });

  it('table and md show the symbol on every amount; CSV and JSON keep plain numbers and the code', () => {
    const vm = eur.platforms[0]!;
    const whole = formatCurrency(vm.tco, 'EUR', { decimals: 0 });
    expect(whole.startsWith('€')).toBe(true);
    expect(formatEvaluation(eur, 'table')).toContain(whole);
    expect(formatEvaluation(eur, 'md')).toContain(`| ${formatCurrency(vm.tco, 'EUR')} |`);
    const csv = formatEvaluation(eur, 'csv');
    expect(csv).not.toContain('€');
    expect(csv.split('\n')[1]).toMatch(/,EUR,/);
    const json = JSON.parse(formatEvaluation(eur, 'json'));
    expect(json.scenario.currency).toBe('EUR');
    expect(json.platforms[0].tco).toBe(vm.tco.toString());
  });

  it('takes a locale', () => {
    const t = formatEvaluation(eur, 'table', { locale: 'de-DE' });
    expect(t).toContain(formatCurrency(eur.platforms[0]!.tco, 'EUR', { locale: 'de-DE', decimals: 0 }));
    expect(t).toMatch(/\d\u00a0€/u);
  });

  it('shows yen amounts without decimals', () => {
    const jpy = evaluate({ ...baseScenario(), currency: 'JPY' }, { today: TODAY });
    const t = formatEvaluation(jpy, 'table');
    const total = jpy.platforms[0]!.lineItems[0]!.total;
    expect(t).toContain(formatCurrency(total, 'JPY'));
    expect(formatCurrency(total, 'JPY')).not.toContain('.');
  });
});

describe('kernelcount evaluate --locale', () => {
  const yaml = JSON.stringify({ ...baseScenario(), currency: 'EUR' });

  it('formats table money for the locale', async () => {
    const r = await run(['evaluate', 's.json', '--locale', 'de-DE', '--today', TODAY], memoryIo({ 's.json': yaml }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d\u00a0€/u);
    const plain = await run(['evaluate', 's.json', '--today', TODAY], memoryIo({ 's.json': yaml }));
    expect(plain.stdout).toMatch(/€\d/);
  });

  it('exits 2 naming --locale for a malformed tag or a format without currency symbols', async () => {
    const bad = await run(['evaluate', 's.json', '--locale', 'en_US'], memoryIo({ 's.json': yaml }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--locale: must be a BCP 47 locale such as en-US or de-DE, got "en_US" [invalid_type]');
    const csv = await run(['evaluate', 's.json', '--locale', 'de-DE', '--format', 'csv'], memoryIo({ 's.json': yaml }));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--locale: applies to --format table and md only; csv keeps plain numbers [conflict]');
  });
});
