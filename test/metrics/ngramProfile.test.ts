import { describe, expect, it } from 'vitest';
import { distinctNgrams, forEachNgram } from '../helpers/distinctNgrams.js';
import { ngramProfile, PAD, scoredProfile, TrigramSet } from '../../src/metrics/ngramProfile.js';
import { BOS, EOS, FIRST_TOKEN_ID } from '../../src/vocabulary/vocabulary.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { buildTransitionTable } from '../../src/counts/transitionTable.js';
import { randomCorpus } from '../speedHelpers.js';

describe('ngramProfile', () => {
  it('counts by hand: "a b a b" and "a b" (ids 2, 3)', () => {
    // bigrams: ab ba ab | ab -> 4, distinct {ab, ba} = 2; trigrams: aba bab -> 2, distinct 2
    const corpus = corpusFromSentences([[2, 3, 2, 3], [2, 3]]);
    const reference = new TrigramSet(corpusFromSentences([[2, 3, 2]]), 4);
    expect(ngramProfile(corpus, 4, reference)).toEqual({ bigrams: 4, distinctBigrams: 2, trigrams: 2, distinctTrigrams: 2, novelTrigrams: 1 });
  });

  for (const seed of ['p1', 'p2', 'p3']) {
    it(`equals distinctNgrams and a naive novel-trigram count on a random corpus (${seed})`, () => {
      const text = randomCorpus(seed, 800, 50, 14);
      const human = randomCorpus(`${seed}-human`, 800, 50, 14);
      const idSpace = 52;
      const reference = new TrigramSet(human, idSpace);
      const profile = ngramProfile(text, idSpace, reference);
      const naiveSet = new Set<string>();
      forEachNgram(human, 3, (at) => naiveSet.add(Array.from(human.ids.subarray(at, at + 3)).join(' ')));
      expect(reference.size).toBe(naiveSet.size);
      let trigrams = 0;
      let novel = 0;
      forEachNgram(text, 3, (at) => {
        trigrams++;
        const key = Array.from(text.ids.subarray(at, at + 3));
        const known = naiveSet.has(key.join(' '));
        expect(reference.has(key[0]!, key[1]!, key[2]!)).toBe(known);
        if (!known) novel++;
      });
      expect(profile.trigrams).toBe(trigrams);
      expect(profile.novelTrigrams).toBe(novel);
      expect(profile.distinctBigrams / profile.bigrams).toBe(distinctNgrams(text, 2));
      expect(profile.distinctTrigrams / profile.trigrams).toBe(distinctNgrams(text, 3));
    });
  }

  it('an empty text has no n-grams', () => {
    expect(ngramProfile({ ids: new Int32Array(0), offsets: new Int32Array(1) }, 4)).toEqual({
      bigrams: 0,
      distinctBigrams: 0,
      trigrams: 0,
      distinctTrigrams: 0,
      novelTrigrams: 0,
    });
  });
});

/** The extended trigrams (a, b, c) of PAD <s> w1 .. wm </s> with their counts, naively (PAD as idSpace). */
function naiveEntries(corpus: TokenCorpus, idSpace: number): number[] {
  const counts = new Map<string, number>();
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    const items = [idSpace, BOS, ...corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), EOS];
    for (let i = 2; i < items.length; i++) {
      const key = `${items[i - 2]} ${items[i - 1]} ${items[i]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const keys = [...counts.keys()].map((key) => key.split(' ').map(Number) as [number, number, number]);
  keys.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  return keys.flatMap(([a, b, c]) => [b, c, counts.get(`${a} ${b} ${c}`)!]);
}

describe('TrigramSet: its table against a naive count', () => {
  // [2 3 4] [3 3 4]: the last entry of a = 2, (3, 4), equals the first of a = 3: groups must not merge
  it.each([
    ['two sentences whose groups touch', corpusFromSentences([[2, 3, 4], [3, 3, 4], [2, 3, 4], []]), 6],
    ['a random corpus', randomCorpus('t1', 300, 20, 9), 22],
  ])('holds each distinct extended trigram once, with its count (%s)', (_name, corpus, idSpace) => {
    const set = new TrigramSet(corpus, idSpace);
    expect(Array.from(set.parts.slots)).toEqual(naiveEntries(corpus, idSpace));
  });

  it('answers membership at region edges, for <s> and PAD histories, and not for ids outside the id space', () => {
    // reference [2 3] [3 4 5], id space 6: region of 2 = {(3, </s>)}, region of 3 = {(4, 5)}
    const set = new TrigramSet(corpusFromSentences([[2, 3], [3, 4, 5]]), 6);
    expect(set.has(2, 4, 5)).toBe(false); // past region 2's end lies region 3's (4, 5)
    expect(set.has(3, 4, 5)).toBe(true);
    expect(set.has(BOS, 2, 3)).toBe(true); // the first entry of the table
    expect(set.has(PAD, BOS, 2)).toBe(true);
    expect(set.has(6, BOS, 2)).toBe(false); // 6 is no id (PAD's group is stored at 6)
    expect(ngramProfile(corpusFromSentences([[2, 4, 5]]), 6, set).novelTrigrams).toBe(1);
  });

  it('counts histories (a, b) by hand, at region edges too, and bigrams (b, c) over every first item', () => {
    // reference [2 3] [3 4 5] [2 3 3], id space 6. Histories: (PAD <s>) x3, (<s> 2) x2, (2 3) x2 (then
    // </s>, 3), (3 3) x1, (<s> 3) x1, (3 4) x1, (4 5) x1. Region of 2 = {(3, </s>), (3, 3)}, region of 3 =
    // {(3, </s>), (4, 5)}, region of 4 = {(5, </s>)}.
    const set = new TrigramSet(corpusFromSentences([[2, 3], [3, 4, 5], [2, 3, 3]]), 6);
    expect(set.historyCount(PAD, BOS)).toBe(3);
    expect(set.historyCount(BOS, 2)).toBe(2);
    expect(set.historyCount(2, 3)).toBe(2);
    expect(set.historyCount(3, 4)).toBe(1);
    expect(set.historyCount(2, 4)).toBe(0); // past region 2's end lies region 3's (4, 5)
    expect(set.historyCount(3, 5)).toBe(0); // past region 3's end lies region 4's (5, </s>)
    expect(set.historyCount(6, BOS)).toBe(0); // 6 is no id
    // the same histories, as membership: every seen one, and the unseen at the region edges
    expect([[PAD, BOS], [BOS, 2], [2, 3], [3, 3], [BOS, 3], [3, 4], [4, 5]].every(([x, y]) => set.hasHistory(x!, y!))).toBe(true);
    expect([[2, 4], [3, 5], [6, BOS], [4, 6], [2, 2]].some(([x, y]) => set.hasHistory(x!, y!))).toBe(false);
    // count(b c): (3 </s>) after 2 and after 3: 2; (3 3) once; (3 4) once; (2 3) twice; (2 4) never;
    // (<s> 2) twice, (<s> 3) once; pairs may repeat.
    expect(Array.from(set.bigramCounts(Int32Array.from([3, EOS, 3, 3, 3, 4, 2, 3, 2, 4, BOS, 2, BOS, 3, 3, EOS])))).toEqual([2, 1, 1, 2, 0, 2, 1, 2]);
    expect(Array.from(set.bigramCounts(new Int32Array(0)))).toEqual([]);
  });
});

describe('ngramProfile without a reference, and scored', () => {
  it('counts by hand without a reference: [2 3 4] [3 3 4]', () => {
    // bigrams 23 34 | 33 34 -> 4, distinct 3; trigrams 234 | 334 -> 2, distinct 2; nothing novel without H
    expect(ngramProfile(corpusFromSentences([[2, 3, 4], [3, 3, 4]]), 5)).toEqual({ bigrams: 4, distinctBigrams: 3, trigrams: 2, distinctTrigrams: 2, novelTrigrams: 0 });
  });

  it('gives the same profile when scoring, and lists each unseen prediction once with its occurrences', () => {
    const reference = new TrigramSet(corpusFromSentences([[2, 3]]), 5);
    const text = corpusFromSentences([[2, 4], [2, 4], [2, 3]]);
    const { profile, score } = scoredProfile(text, 5, reference, { keep: 1, floor: 0 });
    expect(profile).toEqual(ngramProfile(text, 5, reference));
    // H = [2 3]: (PAD <s> 2), (<s> 2 3), (2 3 </s>) each P = 1. Text: 9 predictions; the three of [2 3] and
    // both (PAD <s> 2) are known (log2 1 = 0); (<s> 2 4) and (2 4 </s>) are misses, twice each.
    expect(score.predictions).toBe(9);
    expect(score.log2Sum).toBe(0);
    expect([...score.misses]).toEqual([BOS, 2, 4, 2, 2, 4, EOS, 2]);
  });
});

describe('scoredProfile read from the text\'s own transition table', () => {
  // The table's edges are the text's distinct extended trigrams with their counts: the profile and the
  // score must be the sorted pass's, bit for bit (the log sum adds each occurrence in the same order).
  it('equals the sorted pass on random texts, with cut-short sentences and trigrams H never saw', () => {
    const ID_SPACE = FIRST_TOKEN_ID + 40; // 40 types
    for (const seed of ['t1', 't2', 't3']) {
      const human = randomCorpus(`${seed}-human`, 600, 40, 12);
      const reference = new TrigramSet(human, ID_SPACE);
      // the largest id as a history's second item and as a first item too (the last buckets of both sorts)
      const random = randomCorpus(seed, 700, 40, 9);
      const last = ID_SPACE - 1;
      const text = corpusFromSentences([...Array.from({ length: 700 }, (_, s) => Array.from(random.ids.subarray(random.offsets[s]!, random.offsets[s + 1]!))), [last, last, 2, last]]);
      const floor = { keep: 1 - 1e-4, floor: 1e-4 / (ID_SPACE + 1) };
      const sorted = scoredProfile(text, ID_SPACE, reference, floor);
      const read = scoredProfile(text, ID_SPACE, reference, floor, buildTransitionTable(text, 2, ID_SPACE));
      expect(read.profile).toEqual(sorted.profile);
      expect(read.score.predictions).toBe(sorted.score.predictions);
      expect(Object.is(read.score.log2Sum, sorted.score.log2Sum)).toBe(true);
      expect(read.score.misses).toEqual(sorted.score.misses);
      expect(sorted.score.misses.length).toBeGreaterThan(0);
    }
  });

  // "a b a b" and "a b" (ids 2, 3), as in the hand count above: 4 bigrams (2 distinct), 2 trigrams (2 distinct), one novel against H = [2 3 2].
  it('counts by hand from a table', () => {
    const corpus = corpusFromSentences([[2, 3, 2, 3], [2, 3]]);
    const reference = new TrigramSet(corpusFromSentences([[2, 3, 2]]), 4);
    const { profile, score } = scoredProfile(corpus, 4, reference, { keep: 1, floor: 0 }, buildTransitionTable(corpus, 2, 4));
    expect(profile).toEqual({ bigrams: 4, distinctBigrams: 2, trigrams: 2, distinctTrigrams: 2, novelTrigrams: 1 });
    expect(score.predictions).toBe(8);
  });

  it('refuses a table of another history length', () => {
    const corpus = corpusFromSentences([[2, 3]]);
    expect(() => scoredProfile(corpus, 4, new TrigramSet(corpus, 4), { keep: 1, floor: 0 }, buildTransitionTable(corpus, 1, 4))).toThrow(RangeError);
  });
});

describe('scoredProfile read from a TrigramSet built from the text', () => {
  // The set's entries are the text's distinct extended trigrams with their counts, sorted: the profile
  // and the score must be the sorted pass's, bit for bit. The loop's generation 0 measures H against the
  // set built from H (every trigram known); a set of another text is H's measured against itself too.
  it('equals the sorted pass on random texts: H against its own set, and another text read from its own set', () => {
    const ID_SPACE = FIRST_TOKEN_ID + 40; // 40 types
    const floor = { keep: 1 - 1e-4, floor: 1e-4 / (ID_SPACE + 1) };
    for (const seed of ['s1', 's2', 's3']) {
      const human = randomCorpus(`${seed}-human`, 600, 40, 12);
      const reference = new TrigramSet(human, ID_SPACE);
      const text = randomCorpus(seed, 500, 40, 9);
      for (const [measured, against] of [[human, reference], [text, reference]] as const) {
        const sorted = scoredProfile(measured, ID_SPACE, against, floor);
        const read = scoredProfile(measured, ID_SPACE, against, floor, new TrigramSet(measured, ID_SPACE));
        expect(read.profile).toEqual(sorted.profile);
        expect(read.score.predictions).toBe(sorted.score.predictions);
        expect(Object.is(read.score.log2Sum, sorted.score.log2Sum)).toBe(true);
        expect(read.score.misses).toEqual(sorted.score.misses);
      }
      // H against itself: nothing novel, nothing missed; the other text misses some of H
      expect(scoredProfile(human, ID_SPACE, reference, floor, reference).score.misses.length).toBe(0);
      expect(scoredProfile(text, ID_SPACE, reference, floor, new TrigramSet(text, ID_SPACE)).profile.novelTrigrams).toBeGreaterThan(0);
    }
  });

  // H = "2 3 2 3" and "2 3" (ids 2, 3): 4 bigrams (2 distinct: 2 3, 3 2), 2 trigrams (2 3 2, 3 2 3), none novel
  // against itself; 8 predictions, each P = count / history count (e.g. (<s> 2 3): 2 / 2).
  it('counts by hand from a set', () => {
    const corpus = corpusFromSentences([[2, 3, 2, 3], [2, 3]]);
    const set = new TrigramSet(corpus, 4);
    const { profile, score } = scoredProfile(corpus, 4, set, { keep: 1, floor: 0 }, set);
    expect(profile).toEqual({ bigrams: 4, distinctBigrams: 2, trigrams: 2, distinctTrigrams: 2, novelTrigrams: 0 });
    expect(score.predictions).toBe(8);
  });

  it('refuses a set of another id space', () => {
    const corpus = corpusFromSentences([[2, 3]]);
    expect(() => scoredProfile(corpus, 4, new TrigramSet(corpus, 4), { keep: 1, floor: 0 }, new TrigramSet(corpus, 5))).toThrow(RangeError);
  });
});

describe('measureText with the text\'s own trigrams, through the public API', () => {
  it('gives every column of measuring H from scratch when H is read from its reference\'s set', async () => {
    const lib = await import('../../src/index.js');
    const human = randomCorpus('public-h', 300, 30, 10);
    const reference = lib.buildSeedReference(human, FIRST_TOKEN_ID + 30, 1);
    const fromSet = lib.measureText({ ...human }, reference, reference.trigrams).values;
    const sorted = lib.measureText({ ...human }, reference).values; // a new object: nothing remembered
    expect(reference.trigrams).toBeInstanceOf(lib.TrigramSet);
    for (const column of Object.keys(sorted)) expect(Object.is(fromSet[column as keyof typeof fromSet], sorted[column as keyof typeof sorted])).toBe(true);
  });
});
