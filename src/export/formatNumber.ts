/**
 * formatNumber: how every number is written in our CSV files.
 *
 * Contract: plain decimal notation, never an exponent; integers are written exactly (they are counts);
 * other values are rounded to 6 significant digits and trailing zeros dropped; undefined, NaN and
 * infinities become the empty string (an empty cell: the metric is undefined).
 * @example formatNumber(0.000001234567) === '0.00000123457'; formatNumber(1161192) === '1161192'
 */

export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const rounded = Number(value.toPrecision(6));
  if (rounded === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.max(0, 5 - magnitude);
  const fixed = rounded.toFixed(Math.min(100, decimals));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/u, '') : fixed;
}
