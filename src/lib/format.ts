/**
 * Display formatting for the site. Money arrives as exact decimals from the package and is
 * rounded here, for display only, with Intl in the scenario's currency.
 */
import type { Money } from 'kernelcount';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Intl's formatter for a currency, cached: `decimals` places, never more than the currency has
 * (0 for JPY), or compact (`$1.2M`) for chart axes.
 */
function moneyFormat(currency: string, decimals: number, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${decimals}:${compact}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const o: Intl.NumberFormatOptions = compact ? { notation: 'compact', maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    try {
      const own = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
      if (!compact && decimals > own) o.minimumFractionDigits = o.maximumFractionDigits = own;
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...o });
    } catch {
      f = new Intl.NumberFormat('en-US', o);
    }
    moneyFormats.set(key, f);
  }
  return f;
}

/** Formats a money amount in a currency (no conversion), e.g. `$41,230`, `€1,234.50` or `¥1,235`. */
export function formatCurrency(value: Money | number | string, currency: string, decimals = 0): string {
  const f = moneyFormat(currency, decimals, false);
  const dp = f.resolvedOptions().maximumFractionDigits ?? decimals;
  const n = typeof value === 'object' ? value.toDecimalPlaces(dp).toNumber() : Number(value);
  return f.format(n);
}

/** A short amount for a chart's axis: `$1.2M`, `€350K`. */
export function formatCurrencyCompact(value: number, currency: string): string {
  return moneyFormat(currency, 0, true).format(value);
}

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Whole numbers with thousands separators. */
export function formatInt(n: number): string {
  return intFormat.format(n);
}

/** MiB as GiB with one decimal. */
export function formatGiB(mib: number): string {
  return `${oneDecimal.format(mib / 1024)} GiB`;
}

/** A share as a percentage with no decimals. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
