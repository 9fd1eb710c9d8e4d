/**
 * Sparkline: a series of numbers as one line of block characters ▁▂▃▄▅▆▇█.
 *
 * Contract: `sparkline(values, range)` maps each value linearly from [range.min, range.max] (default: the
 * values' own min and max) onto the eight blocks, the lowest value to ▁ and the highest to █ (values
 * outside the range are clamped); an undefined or non-finite value becomes a space. When min equals
 * max every defined value is drawn ▄. Runs in O(n). `evenlySpaced(items, most)` keeps at most `most`
 * of them (most >= 2): all when there are no more, else the first, the last and ones evenly spaced
 * between (a run of 3,000 generations drew a line of 3,001 characters across dozens of terminal rows:
 * audit of the figures).
 *
 * @example sparkline([1, 0.75, 0.5, 0.25]) // "█▆▃▁"
 */

import { largest, smallest } from '../../stats/extremes.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export interface SparklineRange {
  readonly min: number;
  readonly max: number;
}

export function sparkline(values: readonly (number | undefined)[], range?: SparklineRange): string {
  const defined = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  const min = range?.min ?? smallest(defined);
  const max = range?.max ?? largest(defined);
  return values
    .map((value) => {
      if (value === undefined || !Number.isFinite(value)) return ' ';
      if (!(max > min)) return BLOCKS[3];
      const share = Math.min(1, Math.max(0, (value - min) / (max - min)));
      return BLOCKS[Math.round(share * (BLOCKS.length - 1))];
    })
    .join('');
}

export function evenlySpaced<T>(items: readonly T[], most: number): T[] {
  if (items.length <= most) return [...items];
  return Array.from({ length: most }, (_, i) => items[Math.round((i * (items.length - 1)) / (most - 1))]!);
}
