import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { buildSeedReference } from '../../src/metrics/seedReference.js';
import { DegenerateNotices } from '../../src/simulation/degenerateNotices.js';

/**
 * H: [2 2 3], [2 4]: counts 2 -> 3, 3 -> 1, 4 -> 1; with --rare-threshold 1 the seed-rare types are 3
 * and 4 (2 of them). `withRare = false`: H [2 2 3], [3 4 4] (counts 2, 2, 2), no seed-rare type.
 */
function notices(withRare = true): { notices: DegenerateNotices; messages: string[] } {
  const human = corpusFromSentences(withRare ? [[2, 2, 3], [2, 4]] : [[2, 2, 3], [3, 4, 4]]);
  const messages: string[] = [];
  return { notices: new DegenerateNotices('cell default replicate 1', buildSeedReference(human, 6, 1), (m) => messages.push(m)), messages };
}

const text = (...sentences: number[][]) => corpusFromSentences(sentences);

describe('DegenerateNotices', () => {
  it('says nothing about a healthy text (several types and sentences, a rare type last)', () => {
    const { notices: n, messages } = notices();
    expect(n.observe(1, text([2, 5], [5, 2, 2], [2, 4]))).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('reports an empty text once, and nothing else about it', () => {
    const { notices: n, messages } = notices();
    expect(n.observe(2, text([], []))).toEqual(['empty']);
    expect(messages).toEqual([
      'cell default replicate 1 generation 2: the measured text holds no tokens (the model ends every sentence at once), so its text metrics are empty cells; the run goes on',
    ]);
    expect(n.observe(3, text([]))).toEqual([]);
    expect(messages).toHaveLength(1);
  });

  it('reports a text of one token type, then, once that is said, one repeated sentence', () => {
    const { notices: n, messages } = notices();
    // [5 5] [5 5] is both: one token type is reported first (no rare type left either)
    expect(n.observe(1, text([5, 5], [5, 5]))).toEqual(['one-token', 'rare-extinct']);
    expect(n.observe(2, text([5, 5], [5, 5], [5, 5]))).toEqual(['one-sentence']);
    expect(n.observe(3, text([5, 5], [5, 5]))).toEqual([]);
    expect(messages).toEqual([
      'cell default replicate 1 generation 1: the model has collapsed to a single token type (4 tokens, all the same); the run goes on',
      'cell default replicate 1 generation 1: every one of the 2 seed-rare types is extinct (rare_survival 0); the run goes on',
      'cell default replicate 1 generation 2: the model has collapsed to a single sentence (repeated 3 times); the run goes on',
    ]);
  });

  it('a single token counts as one type; different tokens anywhere do not', () => {
    expect(notices(false).notices.observe(1, text([5]))).toEqual(['one-token']);
    expect(notices(false).notices.observe(1, text([5, 5, 5, 6]))).toEqual([]);
    expect(notices(false).notices.observe(1, text([5, 5], [6, 5]))).toEqual([]);
  });

  it('one sentence needs two or more copies of the same sentence, every one of them', () => {
    const found = (...sentences: number[][]) => notices(false).notices.observe(1, text(...sentences));
    expect(found([2, 3])).toEqual([]); // a single sentence
    expect(found([2, 3], [2, 3])).toEqual(['one-sentence']);
    expect(found([2, 3], [2, 4])).toEqual([]); // same length, differs at the second token
    expect(found([2, 3], [3, 3])).toEqual([]); // differs at the first token
    expect(found([2, 3], [2, 3, 4])).toEqual([]); // a longer copy
    expect(found([2, 3], [2, 3], [2, 3], [2, 4])).toEqual([]); // the last one differs
    expect(found([2, 3, 4], [2, 3, 4], [2, 3])).toEqual([]); // the last one is a shorter copy
  });

  it('reports the extinction of every seed-rare type once, and never when H has no rare type', () => {
    const { notices: n, messages } = notices();
    expect(n.observe(1, text([2, 5], [5, 2]))).toEqual(['rare-extinct']);
    expect(messages).toEqual(['cell default replicate 1 generation 1: every one of the 2 seed-rare types is extinct (rare_survival 0); the run goes on']);
    expect(n.observe(2, text([5, 2]))).toEqual([]);
    expect(notices(false).notices.observe(1, text([2, 5], [5, 2]))).toEqual([]);
  });

  it('works without a warn hook', () => {
    const human = corpusFromSentences([[2, 3]]);
    expect(new DegenerateNotices('x', buildSeedReference(human, 4, 1), undefined).observe(1, text([]))).toEqual(['empty']);
  });
});

describe('DegenerateNotices.cutSentences', () => {
  // `cut` sentences of 3 tokens (the cap) and `whole` of 2
  const share = (cut: number, whole: number) => corpusFromSentences([...Array.from({ length: cut }, () => [2, 3, 4]), ...Array.from({ length: whole }, () => [2, 3])]);

  it('reports, once per series, more than 10% of the sentences (10 or more) stopped at the cap: 10 of 99 and 11 of 11 do, 9 of 9 and 10 of 100 do not', () => {
    const said = (cut: number, whole: number): string[] => {
      const { notices: n, messages } = notices();
      n.cutSentences(1, share(cut, whole), 3);
      return messages;
    };
    expect(said(10, 89)).toEqual([
      'cell default replicate 1 generation 1: 10 of the 99 sentences the model drew were cut at maxSentenceLength, --max-sentence-length on the command line, 3 tokens (the model did not end them sooner: the corpus\'s sentences run longer, or it has few sentence ends); raise it, or split the text into sentences (said once per series)',
    ]);
    expect(said(11, 0)).toHaveLength(1);
    expect(said(9, 0)).toEqual([]);
    expect(said(10, 90)).toEqual([]);
    const { notices: n, messages } = notices();
    n.cutSentences(1, share(20, 0), 3);
    n.cutSentences(2, share(20, 0), 3);
    expect(messages).toHaveLength(1);
  });
});
