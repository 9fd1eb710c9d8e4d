/**
 * readCorpusText, the loader's fs-free core: NFC normalization, formats, sentence modes, counts.
 */

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpusSources, readCorpusText } from '../../src/corpus/readText.js';
import { tokenizerFor } from '../../src/corpus/tokenizers.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { InputError, UsageError } from '../../src/errors.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';

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

  it('drops <s> and </s> standing as words under every tokenizer, counting them, before a tokenizer can split them', async () => {
    // 2 lines, 4 markers, 8 other tokens under wordpunct (the `.` is one); wordpunct would have made `<`, `s`, `>` of each.
    const text = '<s> the cat sat . </s>\n<s> a dog ran . </s>\n';
    for (const tokenizer of ['wordpunct', 'whitespace', 'treebank', 'word', 'char', 'gpt2', 'bpe:5'] as const) {
      const warnings: string[] = [];
      const { corpus, vocabulary } = await readCorpusText(text, { tokenizer, sentences: 'line', onWarning: (w) => warnings.push(w) });
      expect(warnings.filter((w) => w.includes("4 '<s>' / '</s>' token(s)")), tokenizer).toHaveLength(1);
      expect(corpus.offsets.length - 1, tokenizer).toBe(2);
      // (ids 0 and 1 are the markers themselves; bpe:K ends a word's last piece with </w>)
      expect(vocabulary.toArray().slice(2).some((token) => /[<>]/u.test(token.replace('</w>', ''))), tokenizer).toBe(false);
    }
    const { corpus, vocabulary } = await readCorpusText(text, { tokenizer: 'wordpunct' });
    expect(sentences(corpus, vocabulary)).toEqual(['the cat sat .', 'a dog ran .']);
    // inside a word too, where it parts the word (it was kept, as 'a<s>b'); `<S>` becomes a marker once lowercased
    const inWords = await readCorpusText('a<s>b <S> c', { tokenizer: 'whitespace' });
    expect(sentences(inWords.corpus, inWords.vocabulary)).toEqual(['a b c']);
    // with the case kept, <S> is text
    const cased = await readCorpusText('a<s>b <S> c', { tokenizer: 'whitespace', lowercase: false });
    expect(sentences(cased.corpus, cased.vocabulary)).toEqual(['a b <S> c']);
  });

  it('reads a lone surrogate in a JSONL field (half an emoji, cut) as U+FFFD, as invalid UTF-8 in a text file: one type, not one per surrogate that prints alike (audit)', async () => {
    // three different lone surrogates and a whole emoji: 'a', U+FFFD, 'b', 'c', U+FFFD, 'd', 'e', U+FFFD, 'f', the emoji
    const jsonl = `${JSON.stringify({ text: 'a \ud800 b c \udbff d' })}\n{"text":"e \\udc00 f \\ud83d\\ude00"}\n`;
    const { corpus, vocabulary } = await readCorpusText(jsonl, { format: 'jsonl', tokenizer: 'whitespace', sentences: 'line' });
    expect(sentences(corpus, vocabulary)).toEqual(['a \ufffd b c \ufffd d', 'e \ufffd f \u{1F600}']);
    // 2 markers, then a, U+FFFD, b, c, d, e, f and the emoji
    expect(vocabulary.size).toBe(10);
  });

  it('drops a byte-order mark at the start of a later JSONL line, where two files were joined (it was "line 2 is not valid JSON")', async () => {
    const { corpus, vocabulary } = await readCorpusText('\ufeff{"text":"a b"}\n\ufeff{"text":"c d"}\n', { format: 'jsonl', tokenizer: 'whitespace' });
    expect(sentences(corpus, vocabulary)).toEqual(['a b', 'c d']);
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
    // A NUL escaped in JSON is refused as a NUL byte in a text file is (not made a token).
    await expect(readCorpusText('{"text": "a b"}\n{"text": "a\\u0000b"}\n', { format: 'jsonl', name: 'x.jsonl' })).rejects.toThrow(
      /^x\.jsonl line 2 has a NUL character \(\\u0000\) in its field 'text'$/u,
    );
  });

  it('line mode makes every non-blank line a sentence', async () => {
    const { corpus, vocabulary } = await readCorpusText('a b. c d\n\n e \n', { sentences: 'line', tokenizer: 'whitespace' });
    expect(sentences(corpus, vocabulary)).toEqual(['a b. c d', 'e']);
  });

  it('refuses a text without tokens', async () => {
    await expect(readCorpusText(' \n\n', { name: 'empty.txt' })).rejects.toBeInstanceOf(InputError);
  });
});

describe('readCorpusText: formats and options', () => {
  /** The text's sentences (space-joined tokens) and the warnings it gave. */
  async function read(text: string | AsyncIterable<Uint8Array | string>, options: Parameters<typeof readCorpusText>[1] = {}): Promise<{ found: string[]; warnings: string[] }> {
    const warnings: string[] = [];
    const { corpus, vocabulary } = await readCorpusText(text, { tokenizer: 'whitespace', ...options, onWarning: (message) => warnings.push(message) });
    return { found: sentences(corpus, vocabulary), warnings };
  }

  it('reads JSON Lines when given a field, whatever the format says, and takes that field', async () => {
    expect((await read('{"text": "no", "body": "Yes it is."}\n', { jsonlField: 'body' })).found).toEqual(['yes it is.']);
  });

  it('warns once when a text read as plain text looks like JSON Lines (standard input, a .ndjson file: its syntax became words: audit)', async () => {
    const lines = '\n{"text": "The cat sat."}\n{"text": "It left."}\n';
    const { found, warnings } = await read(lines, { name: 'notes.ndjson' });
    expect(found[0]).toBe('{"text": "the cat sat."}');
    expect(warnings).toEqual([
      "notes.ndjson looks like JSON Lines (its first line is a JSON object) but is read as plain text, its keys, quotes and braces as words (pass a field's name as jsonlField, --jsonl-field on the command line: it reads that field of each line as the text; a file named .jsonl is read so)",
    ]);
    // prose with braces, a JSON list, a broken object: no warning; read as JSON Lines: none either
    for (const text of ['{"a" said she}\nok.\n', '["a", "b"]\n', '{"text": "x"\n', 'The cat.\n{"text": "x"}\n']) expect((await read(text)).warnings, text).toEqual([]);
    expect((await read(lines, { jsonlField: 'text' })).warnings).toEqual([]);
  });

  it("refuses a record that is not an object, even where a string's characters would answer the field", async () => {
    // "abc"["0"] is "a" in JavaScript; a JSON string is no record with a field 0.
    await expect(readCorpusText('"abc"\n', { jsonlField: '0', name: 'r.jsonl' })).rejects.toThrow(/^r\.jsonl line 1 has no string field '0'$/u);
  });

  it('gives each refusal its hint', async () => {
    const hint = async (text: string, options: Parameters<typeof readCorpusText>[1]): Promise<string> =>
      readCorpusText(text, options).then(
        () => 'no refusal',
        (error: InputError) => error.hint,
      );
    expect(await hint('{"text": ', { format: 'jsonl' })).toBe('fix or remove that line; JSONL needs one JSON object per line');
    expect(await hint('{"body": "x"}', { format: 'jsonl' })).toBe('choose the field with jsonlField, --jsonl-field on the command line');
    expect(await hint('  ', {})).toBe('pass a non-empty text corpus');
  });

  it("names an unnamed text 'the text' in its refusals", async () => {
    await expect(readCorpusText('  ')).rejects.toThrow(/^the text holds no tokens$/u);
    await expect(readCorpusText('{"body": "x"}', { format: 'jsonl' })).rejects.toThrow(/^the text line 1 has no string field 'text'$/u);
    await expect(readCorpusSources([{ text: ' ', format: 'text', name: 'a.txt' }])).rejects.toThrow(/^the text holds no tokens$/u);
  });

  it('refuses a JSONL line that is not JSON, or whose record has no string field, naming the line', async () => {
    const bad = [
      ['{"text": "ok"}\n{"text": "cut', /^notes\.jsonl line 2 is not valid JSON$/u],
      ['{"text": "ok"}\n\n[1, 2]\n', /^notes\.jsonl line 3 has no string field 'text'$/u],
      ['null\n', /line 1 has no string field 'text'/u],
      ['"text"\n', /line 1 has no string field 'text'/u],
      ['{"text": ["a"]}\n', /line 1 has no string field 'text'/u],
    ] as const;
    for (const [text, message] of bad) {
      const refusal = readCorpusText(text, { format: 'jsonl', name: 'notes.jsonl' });
      await expect(refusal).rejects.toBeInstanceOf(InputError);
      await expect(readCorpusText(text, { format: 'jsonl', name: 'notes.jsonl' })).rejects.toThrow(message);
    }
  });

  it('normalizes a JSONL record to NFC and splits its text at every kind of line end', async () => {
    const record = JSON.stringify({ text: `${DECOMPOSED}\r\nsecond line\rthird line\nfourth` });
    const { found } = await read(`${record}\n`, { format: 'jsonl', sentences: 'line' });
    expect(found).toEqual([COMPOSED, 'second line', 'third line', 'fourth']);
  });

  it('sums the line breaks taken as sentence ends over the records', async () => {
    const records = ['{"text": "Headline one\\nIt rained."}', '{"text": "Headline two\\nIt rained."}'].join('\n');
    expect((await readCorpusText(records, { format: 'jsonl', tokenizer: 'whitespace' })).lineBreakEnds).toBe(2);
  });

  it('reads Brown lines: tags stripped, lowercased unless asked not to, blank lines no sentence', async () => {
    const text = 'The/at Fulton/np-tl County/nn-tl ./.\n\nIt/pps rained/vbd ./.\nIt/pps stopped/vbd ./.\n';
    expect((await read(text, { format: 'brown' })).found).toEqual(['the fulton county .', 'it rained .', 'it stopped .']);
    const cased = await read(text, { format: 'brown', lowercase: false, emptySentences: true, sentences: 'line' });
    expect(cased.found).toEqual(['The Fulton County .', 'It rained .', 'It stopped .']);
    // and says the options it does not read do nothing there, as loadCorpus says it of `brown` (the
    // playground, which reads Brown through here, said nothing: audit); a text beside it reads them
    expect(cased.warnings).toEqual(["sentences 'line' and emptySentences do nothing on Brown: its sentences and tokens are its own, read from its tagged text"]);
    expect((await read(text, { format: 'brown' })).warnings).toEqual([]);
    const mixed: string[] = [];
    await readCorpusSources([{ format: 'brown', name: 'b', text }, { format: 'text', name: 't', text: 'One line\n' }], { tokenizer: 'whitespace', sentences: 'line', onWarning: (message) => mixed.push(message) });
    expect(mixed).toEqual([]);
  });

  it('lowercases by default and keeps the case with lowercase false', async () => {
    expect((await read('The Dog RAN.')).found).toEqual(['the dog ran.']);
    expect((await read('The Dog RAN.', { lowercase: false })).found).toEqual(['The Dog RAN.']);
    expect((await read('The Dog RAN.', { lowercase: false, tokenizer: 'treebank' })).found).toEqual(['The Dog RAN .']);
  });

  it('keeps the case by default with a subword tokenizer, as the CLI does (the library lowercased: audit)', async () => {
    const pieces = async (options: object): Promise<string[]> => {
      const { corpus, vocabulary } = await readCorpusText('Hello World.', { tokenizer: 'gpt2', ...options });
      return Array.from(corpus.ids, (id) => vocabulary.token(id));
    };
    expect(await pieces({})).toEqual(['Hello', '▁World', '.']);
    expect(await pieces({ lowercase: undefined })).toEqual(['Hello', '▁World', '.']);
    expect(await pieces({ lowercase: true })).toEqual(['hello', '▁world', '.']);
    const dir = mkdtempSync(join(tmpdir(), 'case-'));
    writeFileSync(join(dir, 'c.txt'), 'Hello World.\n');
    const loaded = await loadCorpus(['c.txt'], { cwd: dir, tokenizer: 'bpe:2' });
    expect(loaded.vocabulary.toArray().filter((token) => /^[A-Z]/u.test(token)).length).toBeGreaterThan(0);
  });

  it('with emptySentences in line mode a blank line is an empty sentence; in auto mode emptySentences is refused', async () => {
    const text = 'a b\n\n  \nc\n';
    const empties = await readCorpusText(text, { tokenizer: 'whitespace', sentences: 'line', emptySentences: true });
    // Sentences: "a b", "", "", "c": offsets 0, 2, 2, 2, 3.
    expect(Array.from(empties.corpus.offsets)).toEqual([0, 2, 2, 2, 3]);
    const treebank = await readCorpusText(text, { tokenizer: 'treebank', sentences: 'line', emptySentences: true });
    expect(Array.from(treebank.corpus.offsets)).toEqual([0, 2, 2, 2, 3]);
    // (it was taken silently and did nothing: the CLI refused the same options)
    await expect(readCorpusText(text, { tokenizer: 'whitespace', sentences: 'auto', emptySentences: true })).rejects.toThrow(
      new UsageError("emptySentences needs sentences 'line', got sentences 'auto'", "pass sentences: 'line' (one sentence per line, a blank line an empty sentence), or leave emptySentences out", 'emptySentences'),
    );
    await expect(readCorpusText(text, { emptySentences: true })).rejects.toThrow("emptySentences needs sentences 'line', got sentences 'auto'");
    await expect(loadCorpus(['brown:news'], { emptySentences: true })).rejects.toThrow("emptySentences needs sentences 'line', got sentences 'auto'");
    const auto = await readCorpusText(text, { tokenizer: 'whitespace', sentences: 'auto', emptySentences: false });
    expect(Array.from(auto.corpus.offsets)).toEqual([0, 2, 3]);
  });

  it('keeps an empty sentence only with emptySentences in line mode: a line of markers is no sentence otherwise', async () => {
    const offsets = async (options: Parameters<typeof readCorpusText>[1]): Promise<number[]> =>
      Array.from((await readCorpusText('a b\n</s>\nc\n', { tokenizer: 'whitespace', ...options })).corpus.offsets);
    // "a b", then a line whose one token is a marker (dropped), then "c".
    expect(await offsets({ sentences: 'line' })).toEqual([0, 2, 3]);
    expect(await offsets({ sentences: 'line', emptySentences: true })).toEqual([0, 2, 2, 3]);
    expect(await offsets({ sentences: 'auto' })).toEqual([0, 2, 3]);
    // In auto mode two sentences on one line stay two (emptySentences is refused there).
    const { corpus } = await readCorpusText('A b. C d.\n', { tokenizer: 'whitespace', sentences: 'auto', emptySentences: false });
    expect(Array.from(corpus.offsets)).toEqual([0, 2, 4]);
  });

  it("encodes a line into subword pieces without its surrounding white space, also with emptySentences", async () => {
    const pieces = async (text: string): Promise<string[]> => {
      const { corpus, vocabulary } = await readCorpusText(text, { tokenizer: 'gpt2', lowercase: false, sentences: 'line', emptySentences: true });
      return Array.from(corpus.ids, (id) => vocabulary.token(id));
    };
    // A published encoding gives a word after a space a piece of its own ("▁world"); a line's leading
    // space gives its first word none.
    expect(await pieces('Hello world\n')).toEqual(['Hello', '\u2581world']);
    expect(await pieces('  Hello world  \n')).toEqual(['Hello', '\u2581world']);
  });

  it('reads without a warning listener: invalid UTF-8 and markers are then not reported', async () => {
    async function* pieces(): AsyncGenerator<Uint8Array> {
      yield Uint8Array.from([0x61, 0xff, 0x20, 0x62]);
    }
    const bad = await readCorpusText(pieces(), { tokenizer: 'whitespace' });
    expect(bad.corpus.ids.length).toBe(2);
    const marked = await readCorpusText('<s> a </s>', { tokenizer: 'whitespace' });
    expect(marked.corpus.ids.length).toBe(1);
  });

  it('warns once about the boundary markers it dropped, with their count', async () => {
    const { found, warnings } = await read('<s> a b </s>\n<s> c </s>', { sentences: 'line' });
    expect(found).toEqual(['a b', 'c']);
    expect(warnings).toEqual([
      "the corpus contains 4 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped",
    ]);
    expect((await read('a b')).warnings).toEqual([]);
  });

  it('drops markers attached to words too, a marker between two words still parting them', async () => {
    // (whitespace tokens) '<s>The cat sat.</s>' was the words '<s>the', 'cat', 'sat.</s>'
    const { found, warnings } = await read('<s>The cat sat.</s>\n<s>a</s><s>b</s>', { sentences: 'line' });
    expect(found).toEqual(['the cat sat.', 'a b']);
    expect(warnings).toEqual(["the corpus contains 6 '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped"]);
    // under whitespace, '<s>The' was one word
    const spaced = await readCorpusText('<s>The cat</s>', { tokenizer: 'whitespace', lowercase: false });
    expect(spaced.vocabulary.toArray().slice(2)).toEqual(['The', 'cat']);
    // several marked sentences on a line: a </s> after a period ends the sentence, as the unmarked text does
    const auto = await read('<s>The cat sat.</s><s>The dog ran.</s>\nThe cat sat. The dog ran.', { sentences: 'auto' });
    expect(auto.found).toEqual(['the cat sat.', 'the dog ran.', 'the cat sat.', 'the dog ran.']);
    // <S> is a marker once lowercased; the long s (U+017F), which lowercasing keeps, is not
    expect((await read('<S>a</S> <\u017f>b', { sentences: 'line' })).found).toEqual(['a <\u017f>b']);
    // a text that only looks like one ('<ss>', '<s >', 's>') keeps it
    expect((await read('x<ss>y s> </ s>', { sentences: 'line' })).warnings).toEqual([]);
  });

  it('warns about invalid UTF-8 with the source and its line, and reads on', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('one\ntwo '), 0xff, ...new TextEncoder().encode(' three\n')]);
    async function* pieces(): AsyncGenerator<Uint8Array> {
      yield bytes;
    }
    const { found, warnings } = await read(pieces(), { sentences: 'line', name: 'bad.txt' });
    expect(found).toEqual(['one', 'two \uFFFD three']);
    expect(warnings).toEqual(['bad.txt is not valid UTF-8 (1 invalid byte sequence, on line 2); it was replaced by U+FFFD (a Latin-1 or Windows-1252 file has one at each accented letter: if many words read so, convert it first, e.g. iconv -f latin1 -t utf-8)']);
  });

  it('counts the invalid sequences of a Latin-1 text in its warning, a real U+FFFD not among them', async () => {
    // 'Größe \uFFFD' / 'Grüße' / 'für' in Latin-1 (F6, DF, FC, DF, FC: 5 bytes, each a sequence of its own),
    // with one U+FFFD written in UTF-8 (EF BF BD): 5 invalid sequences, the first on line 1
    const latin1 = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));
    const bytes = Uint8Array.from([...latin1('Gr\u00f6\u00dfe '), 0xef, 0xbf, 0xbd, 0x0a, ...latin1('Gr\u00fc\u00dfe\nf\u00fcr\n')]);
    async function* pieces(): AsyncGenerator<Uint8Array> {
      yield bytes;
    }
    const { found, warnings } = await read(pieces(), { sentences: 'line', name: 'latin.txt' });
    expect(found).toEqual(['gr\uFFFD\uFFFDe \uFFFD', 'gr\uFFFD\uFFFDe', 'f\uFFFDr']);
    expect(warnings).toEqual([expect.stringMatching(/^latin\.txt is not valid UTF-8 \(5 invalid byte sequences, the first on line 1\); each was replaced by U\+FFFD \(a Latin-1/u)]);
  });

  it('tokenizes a sentence of 65,536 characters or more in pieces, into the tokens of the whole', async () => {
    // 20,000 words of 2-6 characters, every 7th with a comma, on one line: about 100,000 characters.
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i % 977}${'x'.repeat(i % 3)}${i % 7 === 0 ? ',' : ''}`);
    const line = `${words.join(' ')}.`;
    expect(line.length).toBeGreaterThan(65_536);
    for (const tokenizer of ['treebank', 'word', 'wordpunct'] as const) {
      const { found } = await read(line, { tokenizer, sentences: 'line' });
      expect(found).toEqual([tokenizerFor(tokenizer)(line.toLowerCase()).join(' ')]);
    }
  });

  it('refuses more than maxTokens tokens', async () => {
    await expect(readCorpusText('a b c', { tokenizer: 'whitespace', maxTokens: 2 })).rejects.toThrow(/more than 2 tokens/u);
    expect((await read('a b', { maxTokens: 2 })).found).toEqual(['a b']);
  });
});

describe('readCorpusSources', () => {
  it('reads several sources, in order, into one corpus and one vocabulary, each told its bytes', async () => {
    const sizes: number[] = [];
    const vocabulary = new Vocabulary();
    const { corpus } = await readCorpusSources(
      [
        { text: 'It rained.\nIt stopped.', format: 'text', name: 'a.txt', onBytes: (bytes) => sizes.push(bytes) },
        { text: '{"text": "Rain again."}', format: 'jsonl', name: 'b.jsonl' },
      ],
      { tokenizer: 'whitespace' },
      'the corpora',
      vocabulary,
    );
    expect(sentences(corpus, vocabulary)).toEqual(['it rained.', 'it stopped.', 'rain again.']);
    // "It rained.\nIt stopped." is 22 characters, all ASCII: 22 bytes.
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(22);
  });

  it('names the whole corpus by its label when it holds no tokens', async () => {
    const sources = [{ text: ' ', format: 'text' as const, name: 'a.txt' }];
    await expect(readCorpusSources(sources, {}, 'notes.txt')).rejects.toThrow(/^the corpus notes\.txt holds no tokens$/u);
    // a file whose name starts with "the " is still named as a corpus
    await expect(readCorpusSources(sources, {}, 'the end.txt')).rejects.toThrow(/^the corpus the end\.txt holds no tokens$/u);
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

describe('a file named as a table, read as text', () => {
  const warned = async (name: string, format: 'text' | 'jsonl' = 'text'): Promise<string[]> => {
    const warnings: string[] = [];
    const text = format === 'text' ? 'id,text\n1,The cat sat.\n' : '{"text": "The cat sat."}\n';
    await readCorpusSources([{ format, name, text }], { tokenizer: 'whitespace', sentences: 'line', ...(format === 'jsonl' ? { jsonlField: 'text' } : {}), onWarning: (message) => warnings.push(message) });
    return warnings;
  };

  it('is said once, naming its separators (a CSV corpus was read as prose without a word: audit)', async () => {
    expect(await warned('reviews.csv')).toEqual([
      'reviews.csv is read as plain text, its commas and header line too (for a table of texts, take the text column out first, or write the rows as JSON Lines and name the field with jsonlField, --jsonl-field on the command line)',
    ]);
    expect(await warned('R.TSV')).toEqual([expect.stringMatching(/^R\.TSV is read as plain text, its tabs and header line too/u)]);
    expect(await warned('notes.txt')).toEqual([]);
    expect(await warned('rows.csv', 'jsonl')).toEqual([]);
  });
});

describe('line breaks taken as sentence ends, warned of', () => {
  // `n` verse lines with no sentence-final mark (each a sentence under `auto`) and `m` sentences ending in "."
  const text = (n: number, m: number): string => [...Array.from({ length: n }, (_, i) => `the wind goes over line ${i}`), ...Array.from({ length: m }, (_, i) => `A whole sentence number ${i} ends here.`)].join('\n');
  const warned = async (n: number, m: number, sentences: 'auto' | 'line' = 'auto'): Promise<string[]> => {
    const warnings: string[] = [];
    await readCorpusSources([{ format: 'text', name: 'v.txt', text: text(n, m) }], { tokenizer: 'whitespace', sentences, onWarning: (message) => warnings.push(message) });
    return warnings.filter((message) => message.includes('line break'));
  };

  it('when more than 10% of the sentences (and 10 or more) end at one: 11 of 12 (the last line ends the text, not at a break), and 10 of 99 (10.1%), but not 8 of 9 nor 10 of 100 (10%)', async () => {
    expect(await warned(12, 0)).toEqual(['11 of the 12 sentences end at a line break with no sentence-final mark (headlines, verse, list items, or hard-wrapped prose the reader did not take for wrapped: see them with `ngram-collapse tokenize`); pass sentences \'line\' if each line is a sentence, or join the wrapped lines of a paragraph']);
    expect(await warned(10, 89)).toHaveLength(1);
    expect(await warned(9, 0)).toEqual([]);
    expect(await warned(10, 90)).toEqual([]);
    // with --sentences line a line is a sentence by choice: nothing to warn of
    expect(await warned(12, 0, 'line')).toEqual([]);
  });

  it('also from loadCorpus (run, recipe, tokenize), once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'breaks-'));
    const file = join(folder, 'v.txt');
    writeFileSync(file, text(12, 0));
    const warnings: string[] = [];
    await loadCorpus([file], { tokenizer: 'whitespace', onWarning: (message) => warnings.push(message) });
    expect(warnings.filter((message) => message.startsWith('11 of the 12 sentences end at a line break'))).toHaveLength(1);
  });
});
