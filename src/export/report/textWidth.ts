/**
 * How wide a chart's text is drawn, for charts rendered to SVG in Node, where Vega has no canvas to
 * measure with.
 *
 * Without a canvas Vega estimates every character at 0.8 em (vega-scenegraph's `estimateWidth`), about
 * 1.4 times the width of ordinary text, and lays the chart out by that: an SVG of `plot --svg` or of a
 * recipe was wider than what it drew, by a blank strip at its right (160 px in the drift recipe's
 * 720 px figure, where a subtitle was the widest part). Vega lets a program give its own measure in
 * place of the estimate (`textMetrics.width`, as Vega's own converter vl-convert does).
 *
 * Contract: `textWidth(item, text)` is the width in pixels of `text` (or of `item.text`) in the font size
 * and weight of the Vega text item, at most `item.limit` when the item has one (Vega then cuts the text
 * to fit); `useTextWidth(textMetrics)` installs it unless a canvas measures text already (node-canvas
 * installed) or Vega has no such object. Widths are DejaVu Sans's advance widths, normal and bold, for
 * the printable ASCII characters, measured with Chromium's canvas `measureText` at 1000 px on the project's machine
 * (Debian's DejaVu Sans; 6 December 2026). Other characters: a combining mark or a format character
 * (U+0301, U+200B) none; CJK and the scripts from U+2E80 on 1 em, as their fonts draw them; emoji and
 * the symbols from U+1F000 on 1.3 em; the per mille and per ten thousand signs as measured (‰ 1.342 em,
 * 1.44 bold; ‱ 1.735, 1.887 bold) and the symbols of U+2600-U+27BF at their widest, 1.25 em (☏; 3
 * of their 448 are wider than 1.1 em: they ran past an image's edge); every other character 1.1 em,
 * 1.25 em bold. These are more than every letter and sign of DejaVu Sans's Latin, Greek and Cyrillic
 * measures there (an accented Latin letter about 0.6 em, Щ 1.09 em and 1.33 em bold, the em dash
 * 1 em): 0.7 em for all of them let a Cyrillic or dashed cell name run past the image's edge (round 2);
 * now an image is as wide as its text or wider (measured 7 December 2026). DejaVu Sans is what a Linux
 * viewer draws for the charts' font list ('Helvetica, Arial, sans-serif') where neither is installed,
 * and it is wider than both, so under Helvetica or Arial a few pixels stay blank.
 */

/** DejaVu Sans advance widths in thousandths of an em, for U+0020 (space) to U+007E (~). */
const NORMAL = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
  1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
  500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
/** DejaVu Sans Bold, the same characters. */
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
  1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
  500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
const OTHER = 1100;
const OTHER_BOLD = 1250;
const WIDE = 1000;
const WIDE_FROM = 0x2e80;
const EMOJI = 1300;
const EMOJI_FROM = 0x1f000;
/** The characters below WIDE_FROM that DejaVu Sans draws wider than OTHER: [normal, bold]. */
const WIDER = new Map<number, readonly [number, number]>([
  [0x2030, [1342, 1440]], // ‰
  [0x2031, [1735, 1887]], // ‱
]);
/** The miscellaneous symbols and dingbats, U+2600-U+27BF, at the widest of them (☏, 1.25 em both weights). */
const SYMBOLS_FROM = 0x2600;
const SYMBOLS_TO = 0x27bf;
const SYMBOL = 1250;
/** Drawn over the character before, or not drawn: combining marks, format characters (zero-width space, joiners). */
const NO_WIDTH = /^[\p{M}\p{Cf}]$/u;

/** The fields of a Vega text item that its width depends on. */
export interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number | string | null;
  readonly fontWeight?: number | string | null;
  readonly limit?: number | null;
}

/** The part of vega's `textMetrics` this module reads and sets. */
export interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
  readonly estimateWidth: unknown;
}

export function textWidth(item: TextItem, text?: unknown): number {
  const shown = String(text ?? item.text ?? '').trim();
  // Vega's own default size (vega-scenegraph's fontSize): 11 px when the item sets none
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const bold = isBold(item.fontWeight);
  const widths = bold ? BOLD : NORMAL;
  let thousandths = 0;
  for (const character of shown) thousandths += characterWidth(character, widths, bold);
  const width = (thousandths * size) / 1000;
  return item.limit != null && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** One character's width in thousandths of an em (see the header). */
function characterWidth(character: string, widths: readonly number[], bold: boolean): number {
  const code = character.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return widths[code - 0x20]!;
  if (NO_WIDTH.test(character)) return 0;
  if (code >= EMOJI_FROM) return EMOJI;
  if (code >= WIDE_FROM) return WIDE;
  const wider = WIDER.get(code);
  if (wider !== undefined) return wider[bold ? 1 : 0];
  if (code >= SYMBOLS_FROM && code <= SYMBOLS_TO) return SYMBOL;
  return bold ? OTHER_BOLD : OTHER;
}

/** Installs textWidth as Vega's measure of text, where Vega would otherwise estimate (no canvas). */
export function useTextWidth(metrics: TextMetrics | undefined): void {
  if (metrics !== undefined && metrics.width === metrics.estimateWidth) metrics.width = textWidth;
}

/** CSS's bold: the keywords bold and bolder, or a weight of 600 or more. */
function isBold(weight: TextItem['fontWeight']): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}
