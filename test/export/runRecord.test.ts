/**
 * describeDifferences: the identity fields of two run records that differ, named as a user names them
 * (a setting by its flag, the corpus digest and N by what they are), in the identity's sorted order.
 */

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDigest, describeDifferences, fieldName, makeRunRecord, readRunRecord, settingName } from '../../src/export/runRecord.js';
import { InputError } from '../../src/errors.js';
import { corpusFilePath } from '../../src/export/corpusFiles.js';
import { expandCells } from '../../src/simulation/cells.js';
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

  it("names each differing field by the library's name with settingName (mergeCurves: the CLI prints the flags, cliTerms.ts)", () => {
    expect(describeDifferences(identity(), identity({ corpusDigest: 'e' }, { tokens: 2000 }), settingName)).toEqual(["the corpus's tokens", 'the batch size N']);
    expect(describeDifferences(identity(), identity({}, { sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.5], topK: [3] }, maxSentenceLength: 9 }), settingName)).toEqual(['maxSentenceLength', 'humanRatio', 'topK']);
    expect(describeDifferences(identity(), identity({ load: { tokenizer: 'gpt2', lowercase: false, sentences: 'auto', jsonlField: 'body' }, version: '2' }), settingName)).toEqual(['jsonlField', 'lowercase', 'tokenizer', 'the program version']);
    expect([settingName('shard'), settingName('extinctions'), settingName('provenance.command')]).toEqual(['shard', 'extinctions', 'provenance.command']);
  });

  it('keeps the dotted path of a field of no known kind', () => {
    expect(fieldName('settings.sweep.tokensGrowth')).toBe('--tokens-growth');
    expect(fieldName('shard')).toBe('--shard');
    expect(fieldName('provenance.command')).toBe('provenance.command');
  });
});

describe('makeRunRecord and corpusFilePath refuse what is not theirs with a typed error (Node\'s TypeErrors: library probe)', () => {
  it('makeRunRecord: an identity without its fields of their kinds, a shard not i/n, a corpus not a list of names', () => {
    expect(makeRunRecord(identity(), '2/3', ['brown:news']).shard).toBe('2/3');
    expect(() => makeRunRecord(undefined as never, '1/1')).toThrow('identity must be an object, got undefined');
    expect(() => makeRunRecord(identity({ corpusDigest: 5 }) as never, '1/1')).toThrow("identity.corpusDigest must be a string that is not blank, got the number '5'");
    expect(() => makeRunRecord(identity({ settings: null }) as never, '1/1')).toThrow('identity.settings must be an object, got null');
    expect(() => makeRunRecord(identity({ extinctions: 'no' }) as never, '1/1')).toThrow("identity.extinctions must be true or false, got the string 'no'");
    expect(() => makeRunRecord(identity() as never, '3/2')).toThrow("shard must be i/n with 1 <= i <= n, got '3/2'");
    expect(() => makeRunRecord(identity() as never, '1/1', 'brown' as never)).toThrow("corpus must be a list of corpus names, got 'brown'");
  });

  it('corpusFilePath: a dir that is no string, a cell without its index, a replicate or generation below 1', () => {
    const [cell] = expandCells(DEFAULT_RUN.sweep);
    expect(corpusFilePath('out', cell!, 2, 3)).toBe('out/cell-1/replicate-2/generation-3.txt');
    expect(corpusFilePath('', cell!, 1, 1)).toBe('cell-1/replicate-1/generation-1.txt');
    expect(() => corpusFilePath(undefined as never, cell!, 1, 1)).toThrow("dir must be a folder's path, got undefined");
    expect(() => corpusFilePath('out', undefined as never, 1, 1)).toThrow('cell must be an object, got undefined');
    expect(() => corpusFilePath('out', {} as never, 1, 1)).toThrow('cell.index is required');
    expect(() => corpusFilePath('out', cell!, 0, 1)).toThrow("replicate must be a whole number >= 1, got '0'");
    expect(() => corpusFilePath('out', cell!, 1, 0)).toThrow("generation must be a whole number >= 1, got '0'");
  });
});

describe('corpusDigest', () => {
  it('refuses a corpus that is no TokenCorpus and tokens that are no strings (plain arrays hashed as nothing, so two corpora had one digest: review)', () => {
    const tokens = ['<s>', '</s>', 'a', 'b'];
    expect(() => corpusDigest({ ids: [2, 3, 2], offsets: [0, 2, 3] } as never, tokens)).toThrow(/^corpus must be a TokenCorpus \(Int32Array ids and offsets\)/u);
    expect(() => corpusDigest(undefined as never, tokens)).toThrow('corpus must be a TokenCorpus (Int32Array ids and offsets), got undefined');
    const corpus = { ids: Int32Array.of(2, 3, 2), offsets: Int32Array.of(0, 2, 3) };
    expect(() => corpusDigest(corpus, 'ab' as never)).toThrow("tokens must be a list of token strings, got 'ab'");
    expect(() => corpusDigest(corpus, [1, 2] as never)).toThrow('tokens must be a list of token strings, got [1,2]');
    // typed arrays: other ids, another digest
    expect(corpusDigest(corpus, tokens)).not.toBe(corpusDigest({ ids: Int32Array.of(3), offsets: Int32Array.of(0, 1) }, tokens));
  });
});

describe('readRunRecord', () => {
  it('refuses, naming the file, a record without the fields makeRunRecord takes (merge refused an edited one in the library\'s words, naming no file: review)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-record-'));
    const read = (record: unknown): unknown => {
      const csv = join(dir, 'c.csv');
      writeFileSync(`${csv}.run.json`, typeof record === 'string' ? record : JSON.stringify(record));
      try {
        return readRunRecord(csv);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).message.replace(dir, 'DIR');
      }
    };
    const good = makeRunRecord(identity(), '1/2', ['brown:news']);
    expect(read(good)).toEqual(good);
    const said = (why: string): string => `DIR/c.csv.run.json is not a run record of ngram-collapse (${why})`;
    expect(read({ ...good, corpus: 'brown:news' })).toBe(said("corpus must be a list of corpus names, got 'brown:news'"));
    const { version: _version, ...noVersion } = good.identity;
    expect(read({ ...good, identity: noVersion })).toBe(said('record.identity.version is required'));
    expect(read({ ...good, identity: { ...good.identity, extinctions: 1 } })).toBe(said("record.identity.extinctions must be true or false, got the number '1'"));
    expect(read({ ...good, identity: { ...good.identity, settings: {} } })).toBe(said('record.identity.settings.sweep must be an object, got undefined'));
    // the provenance the report shows (plot stopped at an edited one, naming no file: review)
    expect(read({ ...good, provenance: { command: 'run', human: {}, heldout: null, batchTokens: 1, measureTokens: 1 } })).toBe(said('record.provenance.heldout must be an object, got null'));
    expect(read({ ...good, tool: 'other' })).toBe(said('not a run record'));
    expect(() => readRunRecord(undefined as never)).toThrow('csvPath is required');
    expect(read('{')).toMatch(/^DIR\/c\.csv\.run\.json is not a run record of ngram-collapse \(.*JSON/u);
  });
});
