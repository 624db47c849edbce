/**
 * Money shown in its currency: `Intl.NumberFormat` with style `currency` lays out the symbol or
 * code, grouping and decimal mark of a locale, and is given the amount as exact decimal text, so an
 * amount no JavaScript number can hold keeps every digit. Rounding is done before, with decimal.js
 * (half away from zero, as `formatMoney`), so every runtime rounds the same way. No exchange rate is
 * ever applied: the currency only names what the amounts already are.
 */
import { Decimal } from 'decimal.js';
import { KernelcountError, describeValue } from '../errors.js';
import { money, type Money, type MoneyInput } from '../money.js';

export interface CurrencyFormatOptions {
  /** BCP 47 locale for the symbol's place, grouping and decimal mark (`de-DE`, `ja-JP`). Default `en-US`. */
  locale?: string;
  /** Decimals to show, 0 to 20. Default the currency's own: 2 for USD and EUR, 0 for JPY. */
  decimals?: number;
  /** `exceptZero` marks a positive amount with `+` (for differences); default `auto`. */
  signDisplay?: 'auto' | 'exceptZero';
}

export const DEFAULT_LOCALE = 'en-US';

/** The ISO 4217 codes this runtime's Intl knows, or null where it cannot list them (then any well-formed code passes). */
const KNOWN: ReadonlySet<string> | null = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/**
 * What is wrong with a currency code, or null when it is one Intl formats: three capital letters
 * (ISO 4217) and, where the runtime can list them, one of `Intl.supportedValuesOf('currency')`.
 *
 * @example
 * currencyProblem('EUR') //=> null
 * currencyProblem('ABC') //=> 'must be an ISO 4217 currency code Intl knows, such as USD, EUR or JPY, got "ABC"'
 */
export function currencyProblem(code: unknown): string | null {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return `must be a 3-letter ISO 4217 code like USD or EUR, got ${describeValue(code)}`;
  if (KNOWN && !KNOWN.has(code)) return `must be an ISO 4217 currency code Intl knows, such as USD, EUR or JPY, got ${JSON.stringify(code)}`;
  return null;
}

/**
 * What is wrong with a locale for money formatting, or null when Intl takes it. A well-formed tag
 * Intl has no data for (`zz`) falls back to its default locale, as Intl does everywhere.
 *
 * @example
 * localeProblem('de-DE') //=> null
 * localeProblem('en_US') //=> 'must be a BCP 47 locale such as en-US or de-DE, got "en_US"'
 */
export function localeProblem(locale: unknown): string | null {
  const message = `must be a BCP 47 locale such as en-US or de-DE, got ${describeValue(locale)}`;
  if (typeof locale !== 'string' || locale.length === 0 || locale.length > 100) return message;
  try {
    Intl.NumberFormat.supportedLocalesOf(locale);
    return null;
  } catch {
    return message;
  }
}

function fail(path: string, message: string, code: 'invalid_type' | 'unknown_value' | 'not_finite' | 'not_integer' | 'too_big' | 'too_small' = 'invalid_type'): never {
  throw new KernelcountError([{ code, path, message }]);
}

function checkCurrency(currency: unknown): string {
  const problem = currencyProblem(currency);
  if (problem) fail('currency', problem, typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? 'unknown_value' : 'invalid_type');
  return currency as string;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch (e) {
    if (e instanceof RangeError) fail('locale', `must be a BCP 47 locale such as en-US or de-DE, got ${describeValue(locale)}`);
    throw e;
  }
}

/**
 * The decimals a currency is shown with by default (ISO 4217 minor units, as Intl has them).
 *
 * @example
 * currencyDecimals('USD') //=> 2
 * currencyDecimals('JPY') //=> 0
 */
export function currencyDecimals(currency: string): number {
  return numberFormat(DEFAULT_LOCALE, { style: 'currency', currency: checkCurrency(currency) }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A formatter for many amounts of one currency (building an `Intl.NumberFormat` is the slow part,
 * so a report builds one per column). Throws a KernelcountError for a code Intl does not know
 * (path `currency`), a malformed locale (`locale`) or decimals outside 0..20 (`decimals`); the
 * formatter throws for an amount that is not finite (`amount`).
 *
 * @example
 * const eur = currencyFormatter('EUR', { decimals: 0 });
 * eur(money('1234.5')) //=> '€1,235'
 */
export function currencyFormatter(currency: string, options: CurrencyFormatOptions = {}): (amount: MoneyInput) => string {
  const code = checkCurrency(currency);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const badLocale = localeProblem(locale);
  if (badLocale) fail('locale', badLocale);
  let decimals = options.decimals;
  if (decimals !== undefined) {
    if (typeof decimals !== 'number' || !Number.isInteger(decimals)) fail('decimals', `must be a whole number from 0 to 20, got ${describeValue(decimals)}`, 'not_integer');
    if (decimals < 0 || decimals > 20) fail('decimals', `must be a whole number from 0 to 20, got ${decimals}`, decimals < 0 ? 'too_small' : 'too_big');
  }
  const signDisplay = options.signDisplay ?? 'auto';
  if (signDisplay !== 'auto' && signDisplay !== 'exceptZero') fail('signDisplay', `must be auto or exceptZero, got ${describeValue(signDisplay)}`, 'unknown_value');
  decimals ??= numberFormat(locale, { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  const nf = numberFormat(locale, { style: 'currency', currency: code, minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay });
  // Intl formats a decimal string exactly (Intl.NumberFormat v3: Node >= 19, current browsers); the
  // ES2022 typings only know numbers.
  const format = nf.format as unknown as (value: string) => string;
  const places = decimals;
  return (amount: MoneyInput): string => {
    let m: Money;
    try {
      m = money(amount);
    } catch {
      return fail('amount', `must be a decimal amount, got ${describeValue(amount)}`);
    }
    if (!m.isFinite()) fail('amount', `must be a finite amount, got ${m.toString()}`, 'not_finite');
    let rounded = m.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (rounded.isZero()) rounded = rounded.abs(); // no "-$0.00"
    return format(rounded.toFixed(places));
  };
}

/**
 * One amount in its currency, with Intl's symbol or code, grouping and decimals for the locale.
 * The amount is rounded half away from zero to `decimals` (default: the currency's own) with
 * decimal.js and handed to Intl as exact text, so a 20-digit amount keeps every digit.
 *
 * @example
 * formatCurrency(money('1234.5'), 'EUR') //=> '€1,234.50'
 * formatCurrency(money('1234.5'), 'EUR', { locale: 'de-DE' }) //=> '1.234,50 €'
 * formatCurrency(money('1234.5'), 'JPY') //=> '¥1,235'
 * formatCurrency(money('12345678901234567890.125'), 'USD') //=> '$12,345,678,901,234,567,890.13'
 */
export function formatCurrency(amount: MoneyInput, currency: string, options: CurrencyFormatOptions = {}): string {
  return currencyFormatter(currency, options)(amount);
}

/** The money formatters a human report needs, built once per report. */
export interface ReportMoney {
  /** Whole units, for totals in overview tables: `$429,345`. */
  whole: (amount: Money) => string;
  /** The currency's own decimals: `$1,813.32`, `¥1,813`. */
  amount: (amount: Money) => string;
  /** Four decimals, for unit prices such as a price per kWh: `$0.1200`. */
  unitPrice: (amount: Money) => string;
  /** The currency's own decimals with a sign on differences: `+$6,044.40`, `-$12.00`, `$0.00`. */
  signed: (amount: Money) => string;
  /** Whole units with a sign. */
  signedWhole: (amount: Money) => string;
}

/**
 * The formatters of one report in `currency` for `locale` (default en-US).
 *
 * @example
 * reportMoney('EUR').whole(money('1234.5')) //=> '€1,235'
 */
export function reportMoney(currency: string, locale: string = DEFAULT_LOCALE): ReportMoney {
  return {
    whole: currencyFormatter(currency, { locale, decimals: 0 }),
    amount: currencyFormatter(currency, { locale }),
    unitPrice: currencyFormatter(currency, { locale, decimals: 4 }),
    signed: currencyFormatter(currency, { locale, signDisplay: 'exceptZero' }),
    signedWhole: currencyFormatter(currency, { locale, decimals: 0, signDisplay: 'exceptZero' }),
  };
}

/** Options of the human report formats (`table`, `md`). */
export interface ReportOptions {
  /** Locale for money (symbol, grouping, decimal mark); default en-US. CSV and JSON are not affected. */
  locale?: string;
}
