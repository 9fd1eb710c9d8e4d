/**
 * cellPalette: the colours of a chart's cells, one distinct colour per cell however many there are,
 * each at least 3:1 against the white page (WCAG 2.1's 1.4.11 for the parts of a graphic).
 *
 * Contract: `cellColourScale(count)` is the colour part of a Vega-Lite scale for `count` cells in
 * legend order, `{ range }` of `count` colours no two alike, each with a contrast ratio of 3 or more
 * against white. Up to 10 cells, CELL_COLOURS: ten colours picked (6 December 2026, by a search over
 * colours of that contrast) so that every pair stays apart also as people with deuteranopia,
 * protanopia or tritanopia see them (CIE76 distance of at least 17 in CIELAB after the simulation of
 * Machado, Oliveira & Fernandes 2009, at full severity; Tableau's 10, the schemes before, came down to
 * 1.7, and four of its colours were under 3:1, its yellow 1.6:1: audit), in the order that keeps the
 * first few the furthest apart. Above 10, hues spread evenly around the circle at three levels of
 * contrast against white, 7, 4.6 and 3.1 (dark, middle, light, taken in turn, each level's hues offset
 * from the others'), so that neighbours in the legend differ in lightness as well as in hue, whatever
 * the hue. Colours are `#rrggbb` (CELL_COLOURS) or `hsl(...)` strings. Pure. (Past
 * 10 or so cells colours alone cannot keep every pair apart for every reader: the legend's highlight,
 * a click on a cell, is what picks one out.)
 */

/**
 * Ten colours for up to 10 cells, in legend order: blue, rust, olive, violet, teal, plum, green, brown,
 * wine, grey (last); contrast against white 3.2:1 (olive) to 11.4:1 (wine). The survival law's lines are
 * black and dashed (survivalChart.ts), apart from all ten as these are from each other.
 */
export const CELL_COLOURS: readonly string[] = Object.freeze(['#3e669f', '#a72b13', '#9b9219', '#7233af', '#2798b5', '#7e0f6e', '#5f9943', '#8a5a42', '#731325', '#525252']);

/** The contrast a colour keeps against the white page: WCAG's minimum for graphical objects. */
const MIN_CONTRAST = 3;

/**
 * The three levels above 10 cells, as contrast ratios against white: dark, middle, light (the last
 * above MIN_CONTRAST, with room for the lightness's rounding). A level is a luminance, the same for
 * every hue, so neighbours in the legend differ in lightness as seen whatever their hues (as HSL
 * lightnesses, greens darkened to hold 3:1 bunched into one mid-green: round 2). Saturation is the same for all.
 */
const LEVELS = [7, 4.6, MIN_CONTRAST + 0.1] as const;
const SATURATION = 62;

export type CellColourScale = { readonly range: readonly string[] };

export function cellColourScale(count: number): CellColourScale {
  if (count <= CELL_COLOURS.length) return { range: CELL_COLOURS.slice(0, Math.max(1, count)) };
  return { range: distinctColours(count) };
}

/** `count` colours: cell i at level i mod 3, its hue the (i div 3)-th of that level's evenly spread hues. */
function distinctColours(count: number): string[] {
  const hues = Math.ceil(count / LEVELS.length);
  const step = 360 / hues;
  const colours: string[] = [];
  for (let i = 0; i < count; i++) {
    const level = i % LEVELS.length;
    // each level's hues sit a third of a step from the level before's, so no two levels share a hue
    const hue = Number(((Math.floor(i / LEVELS.length) * step + (level * step) / LEVELS.length) % 360).toFixed(1));
    colours.push(`hsl(${hue.toFixed(1)}, ${SATURATION}%, ${lightnessFor(hue, LEVELS[level]!)}%)`);
  }
  return colours;
}

/** The HSL lightness (%, one decimal, rounded darker) at which `hue` has `contrast` against white (bisection: contrast falls as lightness rises). */
function lightnessFor(hue: number, contrast: number): number {
  let [dark, light] = [0, 100];
  for (let round = 0; round < 30; round++) {
    const middle = (dark + light) / 2;
    if (contrastWithWhite(hslToRgb(hue, SATURATION, middle)) >= contrast) dark = middle;
    else light = middle;
  }
  return Math.floor(dark * 10) / 10;
}

/** An HSL colour (hue in degrees, saturation and lightness in %) as sRGB channels 0..1 (CSS Color 4's hslToRgb). */
function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const s = saturation / 100;
  const l = lightness / 100;
  const channel = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [channel(0), channel(8), channel(4)];
}

/** WCAG 2.1 contrast ratio of an sRGB colour (channels 0..1) against white: 1.05 / (L + 0.05), L its relative luminance. */
function contrastWithWhite([r, g, b]: readonly [number, number, number]): number {
  const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return 1.05 / (luminance + 0.05);
}
