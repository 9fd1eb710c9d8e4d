/**
 * BPE merges by the textbook algorithm (Sennrich et al. 2016): a hand-countable example with the tie
 * rule, agreement with a naive re-count-everything learner on real text, and segmentation of the
 * training words equal to where learning left them.
 */

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/loadCorpus.js';
import { END_OF_WORD, learnBpe, learnMerges, mergeRanks, segmentWord, spell, wordParts, type Merge } from '../../../src/corpus/subword/bpeMerges.js';

const W = END_OF_WORD;

describe('learnMerges', () => {
  it('learns the hand-counted merges of low x5, lower x2, newest x6, widest x3', () => {
    // Spellings: l o w</w> (5); l o w e r</w> (2); n e w e s t</w> (6); w i d e s t</w> (3).
    // 1. (e,s) = 6+3 = 9 ties (s,t</w>) = 9; 'e' < 's', so (e,s).
    // 2. (es,t</w>) = 9.           3. (l,o) = 5+2 = 7.
    // 4. 6-way tie at 6: (n,e), (e,w), (w,est</w>); 'e' sorts first: (e,w).
    // 5. (n,ew) = 6 and (ew,est</w>) = 6; 'ew' < 'n': (ew,est</w>).   6. (n,ewest</w>) = 6.
    // 7. (lo,w</w>) = 5.
    const words = new Map([['low', 5], ['lower', 2], ['newest', 6], ['widest', 3]]);
    expect(learnMerges(words, 7)).toEqual([
      { left: 'e', right: 's' },
      { left: 'es', right: `t${W}` },
      { left: 'l', right: 'o' },
      { left: 'e', right: 'w' },
      { left: 'ew', right: `est${W}` },
      { left: 'n', right: `ewest${W}` },
      { left: 'lo', right: `w${W}` },
    ]);
  });

  it('stops when every word is one symbol', () => {
    // "ab" needs one merge, "a" none: a second merge does not exist.
    expect(learnMerges(new Map([['ab', 1], ['a', 4]]), 10)).toEqual([{ left: 'a', right: `b${W}` }]);
  });

  it('merges a run of equal symbols left to right without overlap', () => {
    // a a a a</w> x1: (a,a) occurs twice (positions 0-1 and 1-2), (a,a</w>) once: (a,a) is merged,
    // at position 0 only (position 1 overlaps it), so the word becomes "aa a a</w>".
    const merges = learnMerges(new Map([['aaaa', 1]]), 1);
    expect(merges).toEqual([{ left: 'a', right: 'a' }]);
    expect(segmentWord('aaaa', mergeRanks(merges))).toEqual(['aa', 'a', `a${W}`]);
  });

  it('breaks a tie on equal left symbols by the right symbol', () => {
    // a a a</w>: (a,a) = 1 and (a,a</w>) = 1; 'a' sorts before 'a</w>', so (a,a).
    expect(learnMerges(new Map([['aaa', 1]]), 1)).toEqual([{ left: 'a', right: 'a' }]);
  });

  it('segments an unseen word with the learned merges', () => {
    const merges = learnMerges(new Map([['low', 5], ['lower', 2], ['newest', 6], ['widest', 3]]), 7);
    // lowest: l o w e s t</w> -> (e,s) -> (es,t</w>) -> (l,o); no further merge applies.
    expect(segmentWord('lowest', mergeRanks(merges))).toEqual(['lo', 'w', `est${W}`]);
  });

  it('agrees with a naive learner on Brown words, and re-segments every training word as learning left it', async () => {
    const { vocabulary, corpus } = await loadCorpus(['brown:news'], { lowercase: false });
    const words = new Map<string, number>();
    for (let i = 0; i < Math.min(corpus.ids.length, 6000); i++) {
      const word = vocabulary.token(corpus.ids[i]!);
      words.set(word, (words.get(word) ?? 0) + 1);
    }
    const naive = naiveLearn(words, 150);
    expect(learnMerges(words, 150)).toEqual(naive.merges);
    const ranks = mergeRanks(naive.merges);
    for (const [word, symbols] of naive.spellings) expect(segmentWord(word, ranks)).toEqual(symbols);
  });
});

describe('segmentWord', () => {
  it('applies a merge listed twice at its first rank', () => {
    // abc = a b c</w>: (a,b) first gives ab c</w>; at rank 2 (b,c</w>) would go first and give a bc</w>
    const ranks = mergeRanks([{ left: 'a', right: 'b' }, { left: 'b', right: `c${W}` }, { left: 'a', right: 'b' }]);
    expect(segmentWord('abc', ranks)).toEqual(['ab', `c${W}`]);
  });

  it('never reads a pair with a symbol the merges do not know as a known pair', () => {
    // Symbols c=0, d=1, cd=2, a=3, ac=4: 5 known. q</w>, first seen in cdq, is numbered 5, and
    // (cd, q</w>) would share its number 2 * 5 + 5 with (a, c) = 3 * 5 + 0 if read as a known pair.
    const ranks = mergeRanks([{ left: 'c', right: 'd' }, { left: 'a', right: 'c' }]);
    expect(segmentWord('cdq', ranks)).toEqual(['cd', `q${W}`]);
  });
});

describe('learnMerges on random words of two or three letters', () => {
  it('agrees with the naive learner, and so do segmentWord and the segmentation learning hands over (400 word sets)', () => {
    // Runs of one letter (aaaa), alternations (abab) and words of one letter meet every case of the
    // incremental update: a merge next to another occurrence of itself, overlapping runs, a pair at a
    // word's start or end, a word becoming one symbol, and counts of 0 (skipped: no segmentation).
    const random = seedrandom('bpe-small-alphabet');
    let handedOver = 0;
    for (let trial = 0; trial < 400; trial++) {
      const letters = trial % 2 === 0 ? 'ab' : 'abc';
      const words = new Map<string, number>();
      const size = 1 + Math.floor(random() * 8);
      for (let k = 0; k < size; k++) {
        const length = 1 + Math.floor(random() * 9);
        const word = Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
        words.set(word, Math.floor(random() * 6) - (trial % 10 === 0 ? 1 : 0));
      }
      const counted = new Map([...words].filter(([, count]) => count > 0));
      const naive = naiveLearn(counted, 25);
      const { merges, segmentation } = learnBpe(words, 25);
      expect(merges, JSON.stringify([...words])).toEqual(naive.merges);
      const ranks = mergeRanks(merges);
      for (const [word, symbols] of naive.spellings) expect(segmentWord(word, ranks), word).toEqual(symbols);
      if (segmentation === undefined) continue;
      handedOver++;
      expect(counted.size).toBe(words.size);
      [...words.keys()].forEach((word, i) => {
        expect(Array.from(segmentation.symbolsOf(i), (id) => segmentation.symbol(id)), word).toEqual(naive.spellings.get(word));
      });
    }
    expect(handedOver).toBeGreaterThan(100);
  });
});

describe('learnMerges past its first 16,384 pairs', () => {
  it('agrees with the naive learner on 22,500 two-letter words whose most frequent pairs come last', () => {
    // letters U+4E00.. (150 of them); word xy has the one pair (x, y</w>), numbered in the order x, y;
    // count 1 + (x + y) % 7, 10 more from x = 120 on: the most frequent pairs are numbered past 16,384
    const words = new Map<string, number>();
    for (let x = 0; x < 150; x++) {
      for (let y = 0; y < 150; y++) words.set(String.fromCharCode(0x4e00 + x, 0x4e00 + y), 1 + ((x + y) % 7) + (x >= 120 ? 10 : 0));
    }
    const learned = learnMerges(words, 12);
    expect(learned).toEqual(naiveLearn(words, 12).merges);
    // x = 120 (U+4E78; 120 % 7 = 1) and the first y with (x + y) % 7 = 6: y = 5 (U+4E05)
    expect(learned[0]).toEqual({ left: '\u4e78', right: `\u4e05${W}` });
  });
});

describe('learnBpe', () => {
  it('gives no segmentation once a merge forms a symbol that already existed', () => {
    // "/</w>/" x1 is spelled / < / w > /</w> (its last character carries </w>). All pairs count 1, so
    // ties decide: (/,<) ('/' < '<', then '<' < 'w'); (/,w) ('/' < '/<'); (/<,/w); (/</w,>) ('/' < '>')
    // forms "/</w>", which is already the word's last symbol; then (/</w>,/</w>).
    const { merges, segmentation } = learnBpe(new Map([['/</w>/', 1]]), 5);
    expect(merges).toEqual([
      { left: '/', right: '<' },
      { left: '/', right: 'w' },
      { left: '/<', right: '/w' },
      { left: '/</w', right: '>' },
      { left: '/</w>', right: '/</w>' },
    ]);
    expect(segmentation).toBeUndefined();
    // Nor when a word was skipped: an empty word, or a count of 0
    expect(learnBpe(new Map([['', 1], ['ab', 1]]), 5).segmentation).toBeUndefined();
    expect(learnBpe(new Map([['ba', 0], ['ab', 1]]), 5).segmentation).toBeUndefined();
    expect(learnBpe(new Map([['ab', 1]]), 5).segmentation).toBeDefined();
    // Without such a merge it is given: low x5, lower x2, newest x6, widest x3 (merges above).
    const words = new Map([['low', 5], ['lower', 2], ['newest', 6], ['widest', 3]]);
    const learned = learnBpe(words, 7).segmentation!;
    expect(Array.from(learned.symbolsOf(2), (id) => learned.symbol(id))).toEqual([`newest${W}`]);
    expect(Array.from(learned.symbolsOf(3), (id) => learned.symbol(id))).toEqual(['w', 'i', 'd', `est${W}`]);
  });

  it('gives where learning left each word, equal to segmentWord, when no symbol was formed twice (Brown news)', async () => {
    const { vocabulary, corpus } = await loadCorpus(['brown:news'], { lowercase: false });
    const words = new Map<string, number>();
    for (let i = 0; i < Math.min(corpus.ids.length, 20000); i++) {
      const word = vocabulary.token(corpus.ids[i]!);
      words.set(word, (words.get(word) ?? 0) + 1);
    }
    const { merges, segmentation } = learnBpe(words, 400);
    expect(merges).toEqual(learnMerges(words, 400));
    expect(segmentation).toBeDefined();
    const ranks = mergeRanks(merges);
    [...words.keys()].forEach((word, i) => {
      expect(Array.from(segmentation!.symbolsOf(i), (id) => segmentation!.symbol(id))).toEqual(segmentWord(word, ranks));
    });
  });
});

/** Algorithm 1 of the paper as written: re-count every pair after every merge. */
function naiveLearn(words: Map<string, number>, count: number): { merges: Merge[]; spellings: Map<string, string[]> } {
  const spellings = new Map([...words.keys()].map((word) => [word, spell(word)]));
  const merges: Merge[] = [];
  for (let m = 0; m < count; m++) {
    const pairs = new Map<string, { merge: Merge; count: number }>();
    for (const [word, symbols] of spellings) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = `${symbols[i]}\u0000${symbols[i + 1]}`;
        const entry = pairs.get(key) ?? { merge: { left: symbols[i]!, right: symbols[i + 1]! }, count: 0 };
        entry.count += words.get(word)!;
        pairs.set(key, entry);
      }
    }
    let best: { merge: Merge; count: number } | undefined;
    for (const entry of pairs.values()) {
      const wins = best === undefined || entry.count > best.count
        || (entry.count === best.count && (entry.merge.left < best.merge.left || (entry.merge.left === best.merge.left && entry.merge.right < best.merge.right)));
      if (wins) best = entry;
    }
    if (best === undefined) break;
    merges.push(best.merge);
    for (const [word, symbols] of spellings) {
      const merged: string[] = [];
      for (let i = 0; i < symbols.length; i++) {
        if (i + 1 < symbols.length && symbols[i] === best.merge.left && symbols[i + 1] === best.merge.right) {
          merged.push(symbols[i]! + symbols[i + 1]!);
          i++;
        } else merged.push(symbols[i]!);
      }
      spellings.set(word, merged);
    }
  }
  return { merges, spellings };
}

describe('wordParts', () => {
  it('leaves a word of up to 256 code points whole, and cuts a longer one at every 256th, marking all parts but the last', () => {
    const letters = (n: number) => 'x'.repeat(n);
    expect(wordParts(letters(256))).toEqual([letters(256)]);
    expect(wordParts(letters(257))).toEqual([`${letters(256)}\u0000`, 'x']);
    expect(wordParts(letters(512))).toEqual([`${letters(256)}\u0000`, letters(256)]);
    expect(wordParts(letters(513))).toEqual([`${letters(256)}\u0000`, `${letters(256)}\u0000`, 'x']);
    // code points, not code units: 200 letters beyond U+FFFF (400 code units) are one part; 300 are two
    expect(wordParts('𝔸'.repeat(200))).toEqual(['𝔸'.repeat(200)]);
    expect(wordParts('𝔸'.repeat(300))).toEqual([`${'𝔸'.repeat(256)}\u0000`, '𝔸'.repeat(44)]);
    // a marked part is spelled without </w>, the last with it
    expect(spell('ab\u0000')).toEqual(['a', 'b']);
    expect(spell('ab')).toEqual(['a', 'b</w>']);
    expect(spell('')).toEqual([]);
  });
});
