/**
 * formatNumber: how every number is written in our CSV files, and in the names of cells.
 *
 * A leaf (it imports nothing), so that the layers below the exporters write numbers as the CSV does:
 * the cell namer (simulation/cells.ts) and the check that refuses a list of settings holding two
 * values written alike (valueRule.ts refuseRepeats).
 *
 * Contract: plain decimal notation, never an exponent; integers below 1e21 in magnitude are written
 * exactly (they are counts); other values are rounded to 6 significant digits and trailing zeros
 * dropped (from 1e21 on, where JavaScript's own writing switches to an exponent, as the 6 digits and
 * zeros; a value so small that its digits lie past 100 decimals, as zeros and the digits: a
 * temperature of 1e-101 is not 0); undefined, NaN and infinities become the empty string (an empty cell: the metric is undefined).
 * @example formatNumber(0.000001234567) === '0.00000123457'; formatNumber(1161192) === '1161192'
 */

export function formatNumber(value: number | undefined): string {
  if (!Number.isFinite(value)) return ''; // undefined, NaN, the infinities
  const number = value as number;
  if (Math.abs(number) >= 1e21) return largeNumber(number);
  if (Number.isInteger(number)) return String(number);
  const rounded = Number(number.toPrecision(6));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.max(0, 5 - magnitude);
  // toFixed takes at most 100 decimals: below 1e-95 in magnitude the digits are written out (smallNumber)
  // Stryker disable next-line EqualityOperator: equivalent, at exactly 100 decimals both ways write the same digits
  if (decimals > 100) return smallNumber(rounded);
  const fixed = rounded.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/u, '') : fixed;
}

/** A value below 1e-95 in magnitude, to 6 significant digits: 1.5e-101 as 0.000...00015 (100 zeros after the point). */
function smallNumber(value: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(5).split('e-') as [string, string];
  const digits = mantissa.replace('.', '').replace(/0+$/u, '');
  // Stryker disable next-line EqualityOperator: equivalent, a value past 100 decimals is never 0 (0 is an integer)
  return `${value < 0 ? '-' : ''}0.${'0'.repeat(Number(exponent) - 1)}${digits}`;
}

/** A value of magnitude 1e21 or more, to 6 significant digits: 1.23457e+25 as 12345700000000000000000000. */
function largeNumber(value: number): string {
  const [mantissa, exponent] = Math.abs(value).toPrecision(6).split('e+') as [string, string];
  const digits = mantissa.replace('.', '');
  // Stryker disable next-line EqualityOperator: equivalent, a value of 1e21 or more in magnitude is never 0
  return `${value < 0 ? '-' : ''}${digits}${'0'.repeat(Number(exponent) - (digits.length - 1))}`;
}

/** From here on, formatCount writes a count as a power of ten: its digits are too many to read. */
const COUNT_DIGITS_SHOWN = 1e21;

/**
 * A count as a message writes it: formatNumber's digits below 10^21; above, to 3 significant digits
 * as a power of ten ('about 9.03 x 10^307': a guard's message wrote 308 digits, audit); 'more than
 * 10^308' past every double (a batch grown past them is finite, only too large for a double: it said
 * 'infinitely many': audit).
 */
export function formatCount(count: number): string {
  if (count === Number.POSITIVE_INFINITY) return 'more than 10^308';
  if (!Number.isFinite(count)) return String(count); // (NaN, -Infinity: no count; as written, not 'about NaN x 10^undefined': round 2)
  if (Math.abs(count) < COUNT_DIGITS_SHOWN) return formatNumber(count);
  const [mantissa, exponent] = count.toExponential(2).split('e+') as [string, string];
  return `about ${mantissa.replace(/\.?0+$/u, '')} x 10^${exponent}`;
}
