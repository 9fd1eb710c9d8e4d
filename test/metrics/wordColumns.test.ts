/** The word_* columns on a hand-countable fixture (bpe:K pieces, words end at </w>). */

import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { wordSplitter } from '../../src/corpus/subword/wordView.js';
import { wordColumns, wordReference } from '../../src/metrics/wordColumns.js';

// ids: 0 <s>, 1 </s>, then pieces.
const TOKENS = ['<s>', '</s>', 'the</w>', 'ca', 't</w>', 'do', 'g</w>', 'zz</w>'];
const split = wordSplitter('bpe:5')!;

describe('wordColumns', () => {
  // H: "the cat the dog" / "the zz" -> words the x3, cat x1, dog x1, zz x1: 4 types; rare (<= 1): cat, dog, zz.
  const human = corpusFromSentences([[2, 3, 4, 2, 5, 6], [2, 7]]);
  // a function, so it is built inside the tests (mutation testing: code run at collection is covered by no test)
  const reference = () => wordReference(human, TOKENS, split, 1);

  it('counts H\'s words and rare words', () => {
    expect(reference().counts).toEqual(new Map([['the', 3], ['cat', 1], ['dog', 1], ['zz', 1]]));
    expect(reference().rareTypes).toBe(3);
  });

  it('measures a text with a lost rare word and an invented one', () => {
    // Text: "the cag" / "dot the": words the x2, cag, dot. Invented: "cag" = ca + g</w>, "dot" = do + t</w>.
    const text = corpusFromSentences([[2, 3, 6], [5, 4, 2]]);
    expect(wordColumns(text, { tokens: TOKENS, split, reference: reference() })).toEqual({
      word_types: 3, // the, cag, dot
      word_vocab_retention: 1 / 4, // only "the" of H's 4 types
      word_rare_survival: 0, // none of cat, dog, zz
      novel_word_rate: 2 / 4, // cag and dot among 4 word occurrences
    });
  });

  it('gives H itself full retention and no novel words', () => {
    expect(wordColumns(human, { tokens: TOKENS, split, reference: reference() })).toEqual({
      word_types: 4, word_vocab_retention: 1, word_rare_survival: 1, novel_word_rate: 0,
    });
  });
});
