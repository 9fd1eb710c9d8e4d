/**
 * readCorpusText, the loader's fs-free core: NFC normalization, formats, sentence modes, counts.
 */

import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../src/corpus/readText.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { InputError } from '../../src/errors.js';
import type { Vocabulary } from '../../src/vocabulary/vocabulary.js';

function sentences(corpus: TokenCorpus, vocabulary: Vocabulary): string[] {
  const found: string[] = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    found.push(Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)).join(' '));
  }
  return found;
}

const COMPOSED = '\u00E9t\u00E9';
const DECOMPOSED = 'e\u0301te\u0301';

describe('readCorpusText', () => {
  it('normalizes to NFC: a composed and a decomposed "été" are one word type, and 3 graphemes', async () => {
    const words = await readCorpusText(`${COMPOSED} ${DECOMPOSED}`, { tokenizer: 'whitespace' });
    // 2 boundary markers + 1 type.
    expect(words.vocabulary.size).toBe(3);
    const chars = await readCorpusText(DECOMPOSED, { tokenizer: 'char' });
    expect(chars.corpus.ids.length).toBe(3);
  });

  it('keeps the text as it is with normalize none: two spellings, two types', async () => {
    const words = await readCorpusText(`${COMPOSED} ${DECOMPOSED}`, { tokenizer: 'whitespace', normalize: 'none' });
    expect(words.vocabulary.size).toBe(4);
  });

  it('reads byte pieces cut anywhere, as a file would be', async () => {
    const bytes = new TextEncoder().encode('It was first.\nThe dog ran.\n');
    async function* pieces(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    const { corpus, vocabulary } = await readCorpusText(pieces(), { tokenizer: 'whitespace' });
    expect(sentences(corpus, vocabulary)).toEqual(['it was first.', 'the dog ran.']);
  });

  it('reads JSON Lines, each record a source of its own', async () => {
    const text = '{"text": "Headline\\nIt rained. It stopped."}\n{"body": "x", "text": "One more"}\n';
    const { corpus, vocabulary, lineBreakEnds } = await readCorpusText(text, { format: 'jsonl', tokenizer: 'whitespace', lowercase: false });
    expect(sentences(corpus, vocabulary)).toEqual(['Headline', 'It rained.', 'It stopped.', 'One more']);
    // "Headline" had no final mark and its line break ended it.
    expect(lineBreakEnds).toBe(1);
    await expect(readCorpusText('{"text": 1}\n', { format: 'jsonl', name: 'x.jsonl' })).rejects.toThrow(/x\.jsonl line 1 has no string field 'text'/u);
  });

  it('line mode makes every non-blank line a sentence', async () => {
    const { corpus, vocabulary } = await readCorpusText('a b. c d\n\n e \n', { sentences: 'line', tokenizer: 'whitespace' });
    expect(sentences(corpus, vocabulary)).toEqual(['a b. c d', 'e']);
  });

  it('refuses a text without tokens', async () => {
    await expect(readCorpusText(' \n\n', { name: 'empty.txt' })).rejects.toBeInstanceOf(InputError);
  });
});

describe('NFC fast path', () => {
  it('text below U+0300 is NFC already, so skipping normalize for it changes nothing', () => {
    for (let code = 0; code < 0x300; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(text.normalize('NFC')).toBe(text);
    }
  });
});
