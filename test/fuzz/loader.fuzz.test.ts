/**
 * Property-based tests of the corpus loader and the tokenizers over random bytes and random Unicode:
 * they never throw anything but InputError, every token is a non-empty string without white space
 * (and never a boundary marker), and ids round-trip (tokens -> ids -> tokens).
 */

import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type LoadOptions } from '../../src/corpus/loadCorpus.js';
import { SENTENCE_MODES } from '../../src/corpus/sentenceSplitter.js';
import { prepareTokenizer, WORD_TOKENIZER_NAMES, tokenizerFor, type TokenizerName } from '../../src/corpus/tokenizers.js';

/** Every kind of tokenizer: the word-level ones, the published encodings and a learned BPE. */
const TOKENIZER_NAMES: readonly TokenizerName[] = [...WORD_TOKENIZER_NAMES, 'gpt2', 'cl100k', 'o200k', 'bpe:20'];
import { InputError } from '../../src/errors.js';
import { BOS_TOKEN, EOS_TOKEN, FIRST_TOKEN_ID, Vocabulary } from '../../src/vocabulary/vocabulary.js';

const RUNS = { numRuns: 60, seed: 20261124 };

/** Bytes that look like text often enough to reach the tokenizers: ASCII, UTF-8, junk and NULs. */
const textishBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 120 }).map((text) => Buffer.from(text, 'utf8')),
  fc
    .array(fc.constantFrom('the', 'Cat', 'sat.', '\n', '\r\n', ' ', '\n\n', '"', '<s>', '</s>', 'é', '😀', '\uFFFD', 'Mr.', '?', '{"text":"a b"}'), { maxLength: 60 })
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
);

const loadOptions = fc.record({
  tokenizer: fc.constantFrom(...TOKENIZER_NAMES),
  sentences: fc.constantFrom(...SENTENCE_MODES),
  lowercase: fc.boolean(),
  jsonl: fc.boolean(),
});

async function loadBytes(bytes: Uint8Array, options: Partial<LoadOptions>): Promise<Awaited<ReturnType<typeof loadCorpus>> | InputError> {
  try {
    // Pieces of 7 bytes: characters and line ends are split across pieces.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => Buffer.from(bytes.subarray(i * 7, i * 7 + 7)));
    return await loadCorpus(['-'], { ...options, stdin: Readable.from(pieces), onWarning: () => undefined });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

describe('the loader on random bytes', () => {
  it('returns a well-formed corpus or throws InputError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(textishBytes, loadOptions, async (bytes, { jsonl, ...options }) => {
        const loaded = await loadBytes(bytes, { ...options, ...(jsonl ? { jsonlField: 'text' } : {}) });
        if (loaded instanceof InputError) {
          expect(loaded.message.length).toBeGreaterThan(0);
          expect(loaded.hint.length).toBeGreaterThan(0);
          return;
        }
        const { corpus, vocabulary } = loaded;
        expect(corpus.offsets[0]).toBe(0);
        expect(corpus.offsets[corpus.offsets.length - 1]).toBe(corpus.ids.length);
        for (let s = 0; s + 1 < corpus.offsets.length; s++) expect(corpus.offsets[s + 1]!).toBeGreaterThan(corpus.offsets[s]!);
        // ids -> tokens -> ids
        const fresh = new Vocabulary();
        for (const id of corpus.ids) {
          expect(id).toBeGreaterThanOrEqual(FIRST_TOKEN_ID);
          const token = vocabulary.token(id);
          expect(token.length).toBeGreaterThan(0);
          expect(token).not.toMatch(/\s/u);
          expect([BOS_TOKEN, EOS_TOKEN]).not.toContain(token);
          expect(vocabulary.lookup(token)).toBe(id);
          fresh.intern(token);
        }
        expect(fresh.size).toBe(vocabulary.size);
      }),
      RUNS,
    );
  });

  it('line mode with the whitespace tokenizer keeps exactly the words of each line', async () => {
    const line = fc.array(fc.string({ unit: fc.constantFrom('a', 'B', 'é', '😀', '.', '\uFFFD'), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), async (lines, end) => {
        const text = lines.map((words) => words.join(' ')).join(end);
        const loaded = await loadBytes(Buffer.from(text, 'utf8'), { tokenizer: 'whitespace', sentences: 'line', lowercase: false });
        if (loaded instanceof InputError) throw loaded;
        const { corpus, vocabulary } = loaded;
        const back = Array.from({ length: corpus.offsets.length - 1 }, (_, s) =>
          Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)),
        );
        expect(back).toEqual(lines);
      }),
      RUNS,
    );
  });
});

describe('the tokenizers on random Unicode', () => {
  beforeAll(async () => {
    for (const name of TOKENIZER_NAMES) await prepareTokenizer(name);
  });

  it('never throw and yield non-empty tokens without white space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...TOKENIZER_NAMES), (text, name) => {
        const tokens = tokenizerFor(name)(text);
        for (const token of tokens) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).not.toMatch(/\s/u);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('an unknown tokenizer name is a UsageError listing the valid names', () => {
    expect(() => tokenizerFor('bpe')).toThrow(expect.objectContaining({ message: "unknown tokenizer 'bpe'", hint: 'use one of: word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K' }));
  });
});
