import { describe, expect, it } from 'vitest';
import { forgettingAgainstLaw } from '../../src/recipes/forgettingLaw.js';
import type { SeriesSurvival } from '../../src/recipes/tokenSurvival.js';

/** One series of `firstAbsent.length` types of seed count `count`, observed for `generations` generations. */
function series(count: number, generations: number, firstAbsent: number[]): SeriesSurvival {
  return { cell: 'base', replicate: 1, generations, types: Int32Array.from(firstAbsent, (_, t) => t + 10), seedCounts: new Int32Array(firstAbsent.length).fill(count), firstAbsent: Int32Array.from(firstAbsent) } as unknown as SeriesSurvival;
}

const repeat = (times: number, value: number): number[] => new Array<number>(times).fill(value);

describe('forgettingAgainstLaw', () => {
  // exponents g_1 = 1, g_2 = 0.5: a hapax is forgotten by generation 1 with probability e^-1 = 0.367879,
  // by 2 with e^-0.5 = 0.606531 (the law's median for seed count 1: generation 2); seed count 2: e^-2
  // = 0.135335 and e^-1, never half: no median within the two generations.
  const exponents = [1, 0.5];

  it("pools at each generation only the series observed that far: a series that stopped at 1 says nothing of 2", () => {
    // A (2 generations): 40 forgotten at 1, 20 at 2, 40 never; B (1 generation): 30 at 1, 70 never.
    // k = 1: 70 of 200 = 0.35, z = (0.35 - 0.367879) / sqrt(0.367879 x 0.632121 / 200) = -0.524
    // k = 2: A alone, 60 of 100 = 0.6, z = (0.6 - 0.606531) / sqrt(0.606531 x 0.393469 / 100) = -0.134
    // (with B pooled at 2 as well: 90 of 200 = 0.45, z = -4.53)
    const a = series(1, 2, [...repeat(40, 1), ...repeat(20, 2), ...repeat(40, -1)]);
    const b = series(1, 1, [...repeat(30, 1), ...repeat(70, -1)]);
    const [one] = forgettingAgainstLaw([a, b], exponents, [1]);
    expect(one!.types).toBe(200);
    expect(one!.lawMedian).toBe(2);
    expect(one!.compared).toBe(2);
    expect(one!.worst!.generation).toBe(1);
    expect(one!.worst!.measured).toBe(0.35);
    expect(one!.worst!.z).toBeCloseTo(-0.5243, 3);
  });

  it('counts only the seed count asked for, gives no median where half are never expected gone, and compares no generation the normal approximation does not fit', () => {
    // seed count 2: 50 types, 5 forgotten at 1: 50 x 0.135335 = 6.8 expected, under 10: not compared;
    // at 2, 50 x 0.367879 = 18.4 and 31.6: compared, 12 of 50 = 0.24, z = (0.24 - 0.367879) / 0.068202 = -1.875
    const mixed = { ...series(2, 2, [...repeat(5, 1), ...repeat(7, 2), ...repeat(38, -1), 1, 1]), seedCounts: Int32Array.from([...repeat(50, 2), 3, 3]) } as SeriesSurvival;
    const [two] = forgettingAgainstLaw([mixed], exponents, [2]);
    expect(two!.types).toBe(50);
    expect(two!.lawMedian).toBeUndefined();
    expect(two!.compared).toBe(1);
    expect(two!.worst!.generation).toBe(2);
    expect(two!.worst!.z).toBeCloseTo(-1.875, 3);
    // a seed count no type has: nothing compared
    expect(forgettingAgainstLaw([mixed], exponents, [7])[0]).toEqual({ count: 7, types: 0, lawMedian: undefined, compared: 0, worst: undefined });
  });
});
