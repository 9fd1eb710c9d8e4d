import { describe, expect, it } from 'vitest';
import { FlooredLog2 } from '../../src/metrics/flooredLog2.js';

describe('FlooredLog2', () => {
  it('gives log2(keep * count / total + floor), by hand', () => {
    // keep 1, floor 0: log2(3 / 12) = -2; keep 0.5, floor 0.25: log2(0.5 * 1 / 2 + 0.25) = log2(0.5) = -1
    expect(new FlooredLog2({ keep: 1, floor: 0 }).score(3, 12)).toBe(-2);
    expect(new FlooredLog2({ keep: 0.5, floor: 0.25 }).score(1, 2)).toBe(-1);
  });

  it('gives the expression\'s value to the last bit for every count and total, remembered or not, asked once or twice', () => {
    // counts and totals across the remembered block's edges (32 and 512), each pair asked twice, in
    // an order that fills the table before the pairs that would share a slot with them are asked
    const floor = { keep: 0.9993, floor: 2.5e-7 };
    const scores = new FlooredLog2(floor);
    const direct = (count: number, total: number): number => Math.log2(floor.keep * (count / total) + floor.floor);
    const wrong: string[] = [];
    for (const round of [0, 1]) {
      for (let total = 600; total >= 1; total -= total > 40 && total < 500 ? 7 : 1) {
        for (let count = Math.min(total, 40); count >= 1; count--) {
          if (scores.score(count, total) !== direct(count, total)) wrong.push(`${count}/${total} (round ${round})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
