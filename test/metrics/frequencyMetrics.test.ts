import { describe, expect, it } from 'vitest';
import { frequencyMetrics, zipfSlope } from '../../src/metrics/frequencyMetrics.js';
import { countUnigrams } from '../../src/metrics/unigramCounts.js';
import { randomFor } from '../../src/random/random.js';
import { fixture } from '../helpers/corpus.js';

describe('frequency metrics', () => {
  // "a a b" + "a c": N = 5 tokens; counts a:3, b:1, c:1 -> types 3, hapax 2 (b, c).
  const f = fixture(['a a b', 'a c']);
  // measured inside each test (mutation testing: code run at collection is covered by no test)
  const measured = () => frequencyMetrics(countUnigrams(f.corpus, f.vocabulary.size));

  it('counts types, the type-token ratio and hapax legomena', () => {
    const values = measured();
    expect(values.types).toBe(3);
    expect(values.ttr).toBeCloseTo(3 / 5, 15);
    expect(values.hapax).toBe(2);
  });

  it('estimates the missing mass as hapax / tokens (Good-Turing)', () => {
    const values = measured();
    expect(values.missing_mass).toBeCloseTo(2 / 5, 15);
  });

  it('computes the Shannon entropy in bits', () => {
    const values = measured();
    // H = -(0.6 log2 0.6 + 2 * 0.2 log2 0.2) = 0.442179 + 0.928771 = 1.370951
    expect(values.entropy_bits).toBeCloseTo(-(0.6 * Math.log2(0.6) + 2 * 0.2 * Math.log2(0.2)), 12);
    expect(values.entropy_bits).toBeCloseTo(1.370951, 5);
  });

  it("computes Yule's K = 10^4 (sum i^2 V_i - N) / N^2", () => {
    const values = measured();
    // V_1 = 2, V_3 = 1: sum i^2 V_i = 2 + 9 = 11; K = 10^4 (11 - 5) / 25 = 2400
    expect(values.yules_k).toBeCloseTo(2400, 9);
  });

  it('fits the Zipf slope by least squares on log rank', () => {
    // frequencies 4, 2, 1 at ranks 1, 2, 3 fall exactly as rank^-1 only for 4,2,1.33; check a perfect law:
    // counts 6, 3, 2 = 6/r -> slope exactly -1.
    const g = fixture(['x x x x x x y y y z z']);
    const counts = countUnigrams(g.corpus, g.vocabulary.size);
    expect(zipfSlope(counts.counts, counts.types)).toBeCloseTo(-1, 12);
  });

  it('fits a slope through two types, and none through one', () => {
    // counts 4, 2 at ranks 1, 2: slope (ln 2 - ln 4) / (ln 2 - ln 1) = -1
    const two = fixture(['x x x x y y']);
    const counts = countUnigrams(two.corpus, two.vocabulary.size);
    expect(zipfSlope(counts.counts, counts.types)).toBeCloseTo(-1, 12);
    const one = fixture(['x x']);
    const single = countUnigrams(one.corpus, one.vocabulary.size);
    expect(zipfSlope(single.counts, single.types)).toBeUndefined();
    expect(frequencyMetrics(single).entropy_bits).toBe(0);
  });

  it('gives exactly 0 for types all equally frequent (the uncentred sums left -4.8e-16 for 3 types x 3: audit)', () => {
    for (const [types, copies] of [[3, 3], [3, 7], [5, 2], [7, 5000], [2, 1]] as const) {
      const words = Array.from({ length: types }, (_, t) => `w${t}`);
      const flat = fixture(Array.from({ length: copies }, () => words.join(' ')));
      const counts = countUnigrams(flat.corpus, flat.vocabulary.size);
      expect(zipfSlope(counts.counts, counts.types), `${types} x ${copies}`).toBe(0);
    }
  });

  it('fits the slope of a full sort, to the last bit, whatever the frequencies (counting sort and large ones sorted)', () => {
    // The definition: frequencies sorted descending, x = ln(rank), y = ln(frequency), least squares in rank order.
    const bySort = (counts: Int32Array, types: Int32Array): number | undefined => {
      const f = Array.from(types, (id) => counts[id]!).sort((a, b) => b - a);
      let [sx, sy, sxy, sxx] = [0, 0, 0, 0];
      f.forEach((c, r) => {
        const x = Math.log(r + 1);
        const y = Math.log(c);
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
      });
      const n = f.length;
      const below = n * sxx - sx * sx;
      return below === 0 ? undefined : (n * sxy - sx * sy) / below;
    };
    const random = randomFor(['zipf-slope', 7]);
    const next = (m: number): number => Math.floor(random() * m);
    // sizes past the rank-log cache's first growth; counts around the sorted/counted boundary (4096)
    for (const [types, top] of [[2, 3], [50, 10], [3000, 5000], [20000, 100000], [5, 4097]] as const) {
      const counts = new Int32Array(types + 3);
      const ids = new Int32Array(types);
      for (let t = 0; t < types; t++) {
        ids[t] = t + 2;
        counts[t + 2] = 1 + (next(4) === 0 ? next(top) : next(8));
      }
      counts[2] = 4096;
      if (types > 2) counts[3] = 4097;
      // hapaxes (the last bucket counted) in every fixture, frequencies of both kinds in all but the first
      counts[types + 1] = 1;
      expect(zipfSlope(counts, ids)).toBe(bySort(counts, ids));
    }
  });

  it('leaves undefined what an empty text cannot define', () => {
    const empty = fixture([]);
    const none = frequencyMetrics(countUnigrams(empty.corpus, empty.vocabulary.size));
    expect(none.types).toBe(0);
    expect(none.ttr).toBeUndefined();
    expect(none.entropy_bits).toBeUndefined();
    expect(none.yules_k).toBeUndefined();
    expect(none.zipf_slope).toBeUndefined();
  });
});
