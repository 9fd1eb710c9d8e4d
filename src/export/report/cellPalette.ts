/**
 * cellPalette: the colours of a chart's cells, one distinct colour per cell however many there are.
 *
 * Contract: `cellColourScale(count)` is the colour part of a Vega-Lite scale for `count` cells in
 * legend order: Tableau's 10 colours up to 10 cells, its 20 up to 20 (the categorical schemes a reader
 * knows), and above 20, where a scheme would start again at its first colour (cell 21 drawn as cell
 * 1), an explicit range of `count` colours no two alike: hues spread evenly around the circle at three
 * lightnesses (dark, middle, light, taken in turn, each level's hues offset from the others'), so
 * neighbours in the legend differ in lightness as well as in hue. Colours are `hsl(...)` strings.
 * Pure. (Past 60 or so cells colours alone cannot keep every pair apart: the legend's highlight, a
 * click on a cell, is what picks one out.)
 */

/** The largest number of cells a Tableau scheme colours without repeating one. */
const SCHEME_COLOURS = 20;

/** Lightness (HSL %) of the three levels; saturation is the same for all. */
const LEVELS = [36, 52, 68] as const;
const SATURATION = 62;

export type CellColourScale = { readonly scheme: 'tableau10' | 'tableau20' } | { readonly range: readonly string[] };

export function cellColourScale(count: number): CellColourScale {
  if (count <= 10) return { scheme: 'tableau10' };
  if (count <= SCHEME_COLOURS) return { scheme: 'tableau20' };
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
    const hue = (Math.floor(i / LEVELS.length) * step + (level * step) / LEVELS.length) % 360;
    colours.push(`hsl(${hue.toFixed(1)}, ${SATURATION}%, ${LEVELS[level]}%)`);
  }
  return colours;
}
