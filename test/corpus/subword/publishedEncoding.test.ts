/**
 * The published encodings: our word-by-word cached encoding gives exactly the package's own ids, and
 * tokens are written as the README says (spaces as ▁, parts of characters as <bytes:ID>).
 */

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../../src/corpus/loadCorpus.js';
import { readCorpusText } from '../../../src/corpus/readText.js';
import { asciiEncoder } from '../../../src/corpus/subword/asciiByteMerge.js';
import { longPieceEncoder } from '../../../src/corpus/subword/longPieceEncoder.js';
import {
  loadPublishedEncoding,
  publishedEncoding,
  publishedIds,
  publishedText,
  publishedTokenizer,
  tokenSpelling,
  type Encoding,
} from '../../../src/corpus/subword/publishedEncoding.js';
import { PUBLISHED_ENCODINGS } from '../../../src/corpus/subword/subwordNames.js';
import { randomFor, randomIndex } from '../../../src/random/random.js';

/** Text a pre-tokenizer could trip on: contractions, numbers, punctuation runs, scripts, emoji, specials. */
const AWKWARD = [
  "It's 3.5 o'clock, isn't it?! ... (yes)",
  'Numbers 1234567 and 12,345.67; $1.20 -- "quoted" `ticks`',
  'café naïve coöperate 日本語です。これはテストです。 हिन्दी ؟',
  '👍🏽 👨‍👩‍👧 family <|endoftext|> <|im_start|> tokens',
  '  leading and   inner   spaces\tand\ttabs  ',
  "I'LL WE'VE they'd He'S",
  // white space by /\s/ (no-break, ideographic, CR, vertical tab, line separator) between words; the
  // control characters 01 and 1F are no white space: they stay inside their word
  'a\u00a0b\u3000c d\re\u000bf\u2028g h\u0001i j\u001fk\u007fl',
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

  it.each(PUBLISHED_ENCODINGS)('%s: words of thousands of characters (ASCII, Greek, Chinese, emoji, mixed) get the package\'s ids', (name) => {
    // Pieces this long are merged with a heap (rankedMerge.ts): the package's own merge is quadratic in
    // a piece's length (a word of 160,000 letters took it 14 s). At these lengths it takes milliseconds.
    const encoding = publishedEncoding(name);
    const ours = publishedIds(encoding);
    const random = randomFor(['publishedEncoding', 'long words']);
    for (const letters of ['acgt', 'ACGT0123+/=', 'αβγδεζ', '中文字词语', '👍🏽é', 'aβ1.é👍_']) {
      const characters = [...letters];
      for (const length of [300, 2500]) {
        const word = Array.from({ length }, () => characters[randomIndex(random, characters.length)]!).join('');
        for (const sentence of [word, `x ${word} y`]) expect(ours(sentence), `${letters} ${length}`).toEqual(encoding.encode(sentence, { disallowedSpecial: new Set() }));
      }
    }
  });

  it.each(PUBLISHED_ENCODINGS)('%s: longPieceEncoder alone gives the package\'s ids, on long and short pieces, tokens and not', (name) => {
    const encoding = publishedEncoding(name);
    const encode = longPieceEncoder(encoding)!;
    const random = randomFor(['longPieceEncoder', name]);
    const texts = ['the', ' the cat', 'café', '<|endoftext|>', "It's 1234567 o'clock!!"];
    for (const letters of ['αβγδεζ', 'acgt', '中文字词', 'é👍_1']) {
      const characters = [...letters];
      texts.push(Array.from({ length: 600 }, () => characters[randomIndex(random, characters.length)]!).join(''));
    }
    for (const text of texts) expect(encode(text), text.slice(0, 20)).toEqual(encoding.encode(text, { disallowedSpecial: new Set() }));
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
  });

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

  it('writes a token holding a ▁ of its own as bytes, so that it reads back as itself, not as a space (o200k: audit)', () => {
    // o200k has one token for " ▁" (U+2581 is E2 96 81 in UTF-8): written ▁▁, it read back as two spaces,
    // and the word view took "▁sign" for the word "sign"
    const tokens = publishedTokenizer('o200k')('the ▁sign');
    expect(tokens).toEqual(['the', '<bytes:20e29681>', 'sign']);
    expect(publishedText(tokens)).toBe('the ▁sign');
    for (const name of PUBLISHED_ENCODINGS) expect(publishedText(publishedTokenizer(name)('x ▁y ▁ z▁'))).toBe('x ▁y ▁ z▁');
  });

  it('decodes bytes that make no character (possible in sampled text) as U+FFFD', () => {
    expect(publishedText(['a', '<bytes:8d>', 'b'])).toBe('a\uFFFDb');
  });

  it('treats special-token text as ordinary characters', () => {
    const tokens = publishedTokenizer('cl100k')('a <|endoftext|> b');
    expect(publishedText(tokens)).toBe('a <|endoftext|> b');
    expect(tokens.length).toBeGreaterThan(3);
  });

  it('loads each encoding by its name (pinned ids of "Hello world")', () => {
    const ids = (name: (typeof PUBLISHED_ENCODINGS)[number]): number[] => publishedIds(publishedEncoding(name))('Hello world');
    expect([ids('gpt2'), ids('cl100k'), ids('o200k')]).toEqual([
      [15496, 995],
      [9906, 1917],
      [13225, 2375],
    ]);
  });

  it('encodes special-token text in a word the package encodes itself (not ASCII)', () => {
    // the package refuses <|endoftext|> unless told it is text; ASCII words never reach it
    const tokens = publishedTokenizer('cl100k')('café<|endoftext|>');
    expect(publishedText(tokens)).toBe('café<|endoftext|>');
  });

  it('reads <bytes:HEX> only as a whole token of whole bytes', () => {
    expect(publishedText(['x<bytes:41>', '<bytes:41>y', '<bytes:4>', '<bytes:41>', '<bytes:4142>'])).toBe('x<bytes:41><bytes:41>y<bytes:4>AAB');
  });
});

describe('an encoding not loaded yet', () => {
  it('is an internal error (loadCorpus loads it first)', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/corpus/subword/publishedEncoding.js');
    expect(() => fresh.publishedEncoding('gpt2')).toThrow('internal: the gpt2 encoding was not loaded (await loadPublishedEncoding first)');
  });
});

describe('tokenSpelling', () => {
  const decoding = (value: unknown): Encoding =>
    ({ bytePairEncodingCoreProcessor: { tryDecodeToken: () => value } }) as unknown as Encoding;

  it('writes spaces as ▁ and bytes as <bytes:HEX>, two hexadecimal digits each', () => {
    expect(tokenSpelling(decoding(' a b'), 1)).toBe('▁a▁b');
    expect(tokenSpelling(decoding(Uint8Array.of(0x01, 0xc3, 0xab)), 1)).toBe('<bytes:01c3ab>');
    // a ▁ of the token's own: its UTF-8 bytes, the space's 20 included
    expect(tokenSpelling(decoding(' \u2581a'), 1)).toBe('<bytes:20e2968161>');
  });

  it('refuses, as an internal error, a package that gives neither text nor bytes', () => {
    const message = 'internal: gpt-tokenizer gives no text or bytes for token 7 (the tool needs gpt-tokenizer 4.0)';
    expect(() => tokenSpelling(decoding(5), 7)).toThrow(message);
    expect(() => tokenSpelling({ bytePairEncodingCoreProcessor: {} } as unknown as Encoding, 7)).toThrow(message);
    expect(() => tokenSpelling({} as unknown as Encoding, 7)).toThrow(message);
  });
});

describe('publishedIds on an encoding without the tables the ASCII merge reads', () => {
  it('asks the encoding itself for every word, after a space or not', () => {
    const encoding = { encode: (text: string) => Array.from(text, (ch) => ch.codePointAt(0)!), decode: () => '' };
    expect(publishedIds(encoding)('  ab \t c ')).toEqual([97, 98, 32, 99]);
  });
});
