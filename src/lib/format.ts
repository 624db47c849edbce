/**
 * Display formatting for the site. Money arrives as exact decimals from the package and is
 * rounded here, for display only, with Intl in the scenario's currency.
 */
import type { Money } from 'kernelcount';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a money amount in a currency (no conversion), e.g. `$41,230`, `€1,234.50` or `¥1,235`:
 * `decimals` places, never more than the currency has.
 */
export function formatCurrency(value: Money | number | string, currency: string, decimals = 0): string {
  const key = `${currency}:${decimals}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      const own = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits!;
      const dp = Math.min(decimals, own);
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: dp, maximumFractionDigits: dp });
    } catch {
      f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }
    moneyFormats.set(key, f);
  }
  const n = typeof value === 'object' ? value.toDecimalPlaces(f.resolvedOptions().maximumFractionDigits!).toNumber() : Number(value);
  return f.format(n);
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
