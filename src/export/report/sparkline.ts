/**
 * Sparkline: a series of numbers as one line of block characters ▁▂▃▄▅▆▇█.
 *
 * Contract: `sparkline(values, range)` maps each value linearly from [range.min, range.max] (default: the
 * values' own min and max) onto the eight blocks, the lowest value to ▁ and the highest to █ (values
 * outside the range are clamped); an undefined or non-finite value becomes a space. When min equals
 * max every defined value is drawn ▄. Runs in O(n).
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
