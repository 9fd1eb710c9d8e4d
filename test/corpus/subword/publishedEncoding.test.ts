/**
 * The published encodings: our word-by-word cached encoding gives exactly the package's own ids, and
 * tokens are written as the README says (spaces as ▁, parts of characters as <bytes:ID>).
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/loadCorpus.js';
import { readCorpusText } from '../../../src/corpus/readText.js';
import { asciiEncoder } from '../../../src/corpus/subword/asciiByteMerge.js';
import { loadPublishedEncoding, publishedEncoding, publishedIds, publishedText, publishedTokenizer } from '../../../src/corpus/subword/publishedEncoding.js';
import { PUBLISHED_ENCODINGS } from '../../../src/corpus/subword/subwordNames.js';

/** Text a pre-tokenizer could trip on: contractions, numbers, punctuation runs, scripts, emoji, specials. */
const AWKWARD = [
  "It's 3.5 o'clock, isn't it?! ... (yes)",
  'Numbers 1234567 and 12,345.67; $1.20 -- "quoted" `ticks`',
  'café naïve coöperate 日本語です。これはテストです。 हिन्दी ؟',
  '👍🏽 👨‍👩‍👧 family <|endoftext|> <|im_start|> tokens',
  '  leading and   inner   spaces\tand\ttabs  ',
  "I'LL WE'VE they'd He'S",
];

describe('the published encodings', () => {
  beforeAll(async () => {
    for (const name of PUBLISHED_ENCODINGS) await loadPublishedEncoding(name);
  });

  it.each(PUBLISHED_ENCODINGS)('%s: word-by-word cached ids equal the package encoding on Brown news and awkward text', async (name) => {
    const encoding = publishedEncoding(name);
    const ours = publishedIds(encoding);
    const { vocabulary, corpus } = await loadCorpus(['brown:news'], { lowercase: false });
    const sentences: string[] = [...AWKWARD];
    for (let s = 0; s + 1 < corpus.offsets.length && s < 1500; s++) {
      sentences.push(Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)).join(' '));
    }
    for (const sentence of sentences) {
      const collapsed = sentence.trim().replace(/\s+/gu, ' ');
      expect(ours(sentence)).toEqual(encoding.encode(collapsed, { disallowedSpecial: new Set() }));
    }
  });

  it.each(PUBLISHED_ENCODINGS)('%s: the loader\'s id writer gives every line the pieces publishedTokenizer gives it', async (name) => {
    const lines = [...AWKWARD.map((line) => line.trim().replace(/\s+/gu, ' ')), 'the the the', 'The cat sat on the mat .', 'cat'];
    const { vocabulary, corpus } = await readCorpusText(lines.join('\n'), { tokenizer: name, sentences: 'line', lowercase: false });
    const tokenize = publishedTokenizer(name);
    lines.forEach((line, s) => {
      expect(Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id))).toEqual(tokenize(line));
    });
  });

  it.each(PUBLISHED_ENCODINGS)('%s: our ASCII byte-pair merge gives the package\'s ids on an eighth of Brown\'s word types', async (name) => {
    const encoding = publishedEncoding(name);
    const ascii = asciiEncoder(encoding)!;
    expect(ascii).toBeDefined();
    const { vocabulary } = await loadCorpus(['brown'], { lowercase: false });
    let compared = 0;
    for (let id = 2; id < vocabulary.size; id += 8) {
      const word = vocabulary.token(id);
      for (const text of [word, ` ${word}`]) {
        const ours = ascii(text);
        if (ours === undefined) continue;
        compared++;
        expect(ours).toEqual(encoding.encode(text, { disallowedSpecial: new Set() }));
      }
    }
    expect(compared).toBeGreaterThan(12000);
    // Anything but ASCII is left to the package.
    expect(ascii('café')).toBeUndefined();
  }, 30_000);

  it('writes a leading space as ▁ and splits nothing else', () => {
    // "Hello world" is two tokens in every published encoding: "Hello" and " world".
    for (const name of PUBLISHED_ENCODINGS) expect(publishedTokenizer(name)('Hello world')).toEqual(['Hello', '▁world']);
  });

  it('writes parts of a character as <bytes:HEX>, whatever was decoded before, and decodes them back together', () => {
    // GPT-2 spells 👍🏽 (F0 9F 91 8D F0 9F 8F BD) as F0 9F 91 | 8D | F0 9F | 8F | BD: five pieces, none
    // a character on its own (the package's own decode([8D]) says "👍" right after decode([F0 9F 91])).
    const tokens = publishedTokenizer('gpt2')('👍🏽');
    expect(tokens).toEqual(['<bytes:f09f91>', '<bytes:8d>', '<bytes:f09f>', '<bytes:8f>', '<bytes:bd>']);
    expect(publishedText(tokens)).toBe('👍🏽');
    expect(publishedText(['ok', '▁go', '<bytes:f09f91>', '<bytes:8d>'])).toBe('ok go👍');
  });

  it('decodes bytes that make no character (possible in sampled text) as U+FFFD', () => {
    expect(publishedText(['a', '<bytes:8d>', 'b'])).toBe('a\uFFFDb');
  });

  it('treats special-token text as ordinary characters', () => {
    const tokens = publishedTokenizer('cl100k')('a <|endoftext|> b');
    expect(publishedText(tokens)).toBe('a <|endoftext|> b');
    expect(tokens.length).toBeGreaterThan(3);
  });
});
