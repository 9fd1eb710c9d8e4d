/**
 * describeDifferences: the identity fields of two run records that differ, named as a user names them
 * (a setting by its flag, the corpus digest and N by what they are), in the identity's sorted order.
 */

import { describe, expect, it } from 'vitest';
import { describeDifferences, fieldName } from '../../src/export/runRecord.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';

const identity = (change: object = {}, settings: object = {}) => ({
  version: '1',
  load: { tokenizer: 'wordpunct', lowercase: true, sentences: 'auto', jsonlField: null },
  corpusDigest: 'd',
  settings: { ...DEFAULT_RUN, tokens: 1000, ...settings },
  extinctions: false,
  ...change,
});

describe('describeDifferences', () => {
  it('names nothing for equal identities, and each differing field by its flag or what it is', () => {
    expect(describeDifferences(identity(), identity())).toEqual([]);
    // another corpus: its digest and, without --tokens, N (the tokens of H) differ; named in the
    // identity's sorted order (corpusDigest, settings.tokens); it said "corpusDigest, settings.tokens": audit
    expect(describeDifferences(identity(), identity({ corpusDigest: 'e' }, { tokens: 2000 }))).toEqual(["the corpus's tokens", 'the batch size N']);
    expect(describeDifferences(identity(), identity({}, { sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.5], topK: [3] }, maxSentenceLength: 9 }))).toEqual(['--max-sentence-length', '--human-ratio', '--top-k']);
    expect(describeDifferences(identity(), identity({ load: { tokenizer: 'gpt2', lowercase: false, sentences: 'auto', jsonlField: 'body' }, version: '2' }))).toEqual(['--jsonl-field', '--lowercase', '--tokenizer', 'the program version']);
  });

  it('keeps the dotted path of a field of no known kind', () => {
    expect(fieldName('settings.sweep.tokensGrowth')).toBe('--tokens-growth');
    expect(fieldName('shard')).toBe('--shard');
    expect(fieldName('provenance.command')).toBe('provenance.command');
  });
});
