/**
 * checkTokenCorpus: a caller's TokenCorpus is checked once at the library's entry; each broken form is
 * refused with a UsageError naming the field (hand-made corpora; ids 0 and 1 are the boundary markers).
 */

import { describe, expect, it } from 'vitest';
import { checkIdSpace, checkTokenCorpus } from '../../src/corpus/checkTokenCorpus.js';
import { UsageError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const HINT = 'build it with loadCorpus or corpusFromSentences';

/** A corpus of two sentences [2, 3] and [4] unless told otherwise. */
function corpus(ids: number[] = [2, 3, 4], offsets: number[] = [0, 2, 3]): { ids: Int32Array; offsets: Int32Array } {
  return { ids: Int32Array.from(ids), offsets: Int32Array.from(offsets) };
}

/** The refusal's line as the CLI prints it, or undefined if the corpus passes. */
function refusal(value: unknown, idSpace = 5): string | undefined {
  const error = thrown(() => checkTokenCorpus('human', value, idSpace));
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(UsageError);
  return `${(error as UsageError).message} (${(error as UsageError).hint})`;
}

describe('checkTokenCorpus', () => {
  it('returns a well-formed corpus as it is, empty sentences and the id space\'s ends included', () => {
    const good = corpus([2, 4], [0, 0, 1, 2]);
    expect(checkTokenCorpus('human', good, 5)).toBe(good);
    expect(refusal(corpus([], [0]))).toBeUndefined();
  });

  it('refuses what is not a corpus of Int32Arrays', () => {
    const notCorpus = (shown: string): string => `human must be a TokenCorpus (Int32Array ids and offsets), got ${shown} (${HINT})`;
    expect(refusal(null)).toBe(notCorpus('null'));
    expect(refusal('text')).toBe(notCorpus("'text'"));
    expect(refusal({ ids: [2], offsets: Int32Array.of(0, 1) })).toBe(notCorpus('{"ids":[2],"offsets":{"0":0,"1":1}}'));
    expect(refusal({ ids: Int32Array.of(2), offsets: [0, 1] })).toBe(notCorpus('{"ids":{"0":2},"offsets":[0,1]}'));
    expect(refusal({ ids: Int32Array.of(), offsets: Int32Array.of() })).toBe(notCorpus('{"ids":{},"offsets":{}}'));
  });

  it('refuses offsets that do not run from 0 to the number of ids, or that decrease', () => {
    expect(refusal(corpus([2, 3, 4], [1, 2, 3]))).toBe(`human.offsets must run from 0 to ids.length (3), got 1 .. 3 (${HINT})`);
    expect(refusal(corpus([2, 3, 4], [0, 2, 2]))).toBe(`human.offsets must run from 0 to ids.length (3), got 0 .. 2 (${HINT})`);
    expect(refusal(corpus([2, 3, 4], [0, 2, 1, 3]))).toBe(`human.offsets decrease at sentence 1 (${HINT})`);
  });

  it('refuses an id outside [2, idSpace): a boundary marker or one the vocabulary does not have', () => {
    const outside = (id: number): string => `human holds token id ${id}, outside the token ids 2 .. 4 (pass the vocabulary size the corpus was built with as idSpace)`;
    const marker = 'leave the markers out of ids: offsets mark where each sentence ends';
    expect(refusal(corpus([2, 1, 4]))).toBe(`human holds id 1, the </s> marker, at position 1 (${marker})`);
    expect(refusal(corpus([0, 3, 4]))).toBe(`human holds id 0, the <s> marker, at position 0 (${marker})`);
    expect(refusal(corpus([2, 3, 5]))).toBe(outside(5));
    // below 2: no idSpace mends it, so the hint is not about idSpace (library probe)
    expect(refusal(corpus([2, 3, -7]))).toBe('human holds id -7 at position 2, which is no token id (token ids run from 2; 0 and 1 are the sentence markers) (pass the ids a Vocabulary gives (Vocabulary.intern))');
  });
});

describe('checkIdSpace', () => {
  it('takes a whole number of at least 2 (the markers\' ids)', () => {
    expect(checkIdSpace('idSpace', 2)).toBe(2);
    expect(() => checkIdSpace('idSpace', 1)).toThrow("idSpace must be a whole number from 2 to 16777216, got '1'");
    // 2^24 (MAX_ID_SPACE) at most: arrays indexed by id grow with it (2^31 - 1 ran out of memory)
    expect(() => checkIdSpace('idSpace', 2 ** 24 + 1)).toThrow("idSpace must be a whole number from 2 to 16777216, got '16777217'");
    expect(() => checkIdSpace('idSpace', 2 ** 31 - 1)).toThrow(UsageError);
    expect(checkIdSpace('idSpace', 2 ** 24)).toBe(2 ** 24);
    expect(() => checkIdSpace('idSpace', 2.5)).toThrow(UsageError);
  });
});
