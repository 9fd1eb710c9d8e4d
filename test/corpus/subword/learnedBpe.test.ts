/**
 * Re-spelling words as BPE pieces: taking the pieces of the words learning saw from where learning left
 * them gives exactly the corpus that segmenting every word with the merges gives (same ids, same
 * vocabulary order), also when learning saw only part of the sentences.
 */

import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/loadCorpus.js';
import { learnCorpusBpe, respell } from '../../../src/corpus/subword/learnedBpe.js';
import { Vocabulary } from '../../../src/vocabulary/vocabulary.js';

describe('respell', () => {
  it('gives the same pieces with the learned segmentation as by segmenting every word', async () => {
    const { vocabulary, corpus } = await loadCorpus(['brown:news'], { lowercase: false });
    const sentences = corpus.offsets.length - 1;
    // Learn on every third sentence only: the other sentences hold words learning never saw.
    const learnOn = Uint8Array.from({ length: sentences }, (_, s) => (s % 3 === 0 ? 1 : 0));
    const learned = learnCorpusBpe(vocabulary, corpus, 500, learnOn);
    expect(learned.segmentation).toBeDefined();
    const unseen = Array.from(corpus.ids).filter((id) => learned.segmentation!.indexOf[id] === -1).length;
    expect(unseen).toBeGreaterThan(1000);
    const fromLearning = new Vocabulary();
    const segmented = new Vocabulary();
    const a = respell(vocabulary, corpus, learned.merges, fromLearning, Number.POSITIVE_INFINITY, learned.segmentation);
    const b = respell(vocabulary, corpus, learned.merges, segmented);
    expect(a.offsets).toEqual(b.offsets);
    expect(a.ids).toEqual(b.ids);
    expect(Array.from({ length: fromLearning.size }, (_, id) => fromLearning.token(id))).toEqual(Array.from({ length: segmented.size }, (_, id) => segmented.token(id)));
  });
});
