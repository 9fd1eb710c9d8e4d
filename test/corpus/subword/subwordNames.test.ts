/**
 * Subword tokenizer names: the published encodings by name, `bpe:K` with K a whole number from 1 to
 * MAX_MERGES written in digits only, without a leading zero; anything else starting with `bpe:` is
 * refused with the rule.
 */

import { describe, expect, it } from 'vitest';
import { isSubwordTokenizer, MAX_MERGES, parseSubword } from '../../../src/corpus/subword/subwordNames.js';
import { UsageError, describeError } from '../../../src/errors.js';
import { thrown } from '../../helpers/thrown.js';

function refusal(name: string): string {
  const error = thrown(() => parseSubword(name));
  expect(error, name).toBeInstanceOf(UsageError);
  return describeError(error);
}

describe('parseSubword', () => {
  it('reads the published encodings and bpe:K from 1 to MAX_MERGES', () => {
    expect(parseSubword('cl100k')).toEqual({ kind: 'published', encoding: 'cl100k' });
    expect(parseSubword('bpe:1')).toEqual({ kind: 'learned', merges: 1 });
    expect(MAX_MERGES).toBe(1_000_000);
    expect(parseSubword('bpe:1000000')).toEqual({ kind: 'learned', merges: 1_000_000 });
    expect(parseSubword('wordpunct')).toBeUndefined();
    expect(parseSubword('BPE:5')).toBeUndefined();
  });

  it('refuses a K of 0, past MAX_MERGES, or not in digits only, with the rule and an example', () => {
    for (const name of ['bpe:0', 'bpe:1000001', 'bpe:', 'bpe:12x', 'bpe:x12', 'bpe: 12', 'bpe:1e3', 'bpe:-5', 'bpe:1.0', 'bpe:99999999999999999999']) {
      expect(refusal(name), name).toBe(`tokenizer '${name}' needs a whole number of merges from 1 to 1000000 (write it as bpe:K, e.g. bpe:2000)`);
    }
  });

  it('refuses K written with a leading zero, naming the one spelling (bpe:05 ran as bpe:5 under a name of its own, another run fingerprint: audit)', () => {
    for (const [name, one] of [['bpe:007', 'bpe:7'], ['bpe:05', 'bpe:5'], ['bpe:0001000000', 'bpe:1000000']]) {
      expect(refusal(name!), name).toBe(`tokenizer '${name!}' writes its number of merges with a leading zero (write it as ${one!})`);
    }
  });

  it('isSubwordTokenizer: published encodings and bpe:K only', () => {
    expect(['gpt2', 'o200k', 'bpe:50'].map(isSubwordTokenizer)).toEqual([true, true, true]);
    expect(['word', 'char', ''].map(isSubwordTokenizer)).toEqual([false, false, false]);
  });
});
