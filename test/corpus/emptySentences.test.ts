import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { sentenceCount, tokenCount } from '../../src/corpus/tokenCorpus.js';

const load = (text: string, options: { emptySentences?: boolean; sentences?: 'line' | 'auto' } = {}) =>
  loadCorpus(['-'], { sentences: 'line', ...options, stdin: Readable.from([Buffer.from(text)]) });

describe('emptySentences: with --sentences line a blank line is an empty sentence', () => {
  it('keeps blank and white-space-only lines as empty sentences, in place', async () => {
    // "a b" | "" | "  " | "c" | "" -> 5 sentences of 2, 0, 0, 1, 0 tokens
    const { corpus } = await load('a b\n\n  \nc\n\n', { emptySentences: true });
    expect(Array.from(corpus.offsets)).toEqual([0, 2, 2, 2, 3, 3]);
  });

  it('reads CRLF line ends the same way, and a last line without a line end', async () => {
    const { corpus } = await load('a\r\n\r\nb', { emptySentences: true });
    expect(Array.from(corpus.offsets)).toEqual([0, 1, 1, 2]);
  });

  it('drops blank lines without the option, and refuses the option in auto mode (where it would change nothing)', async () => {
    const plain = await load('a b\n\nc\n\n');
    expect(sentenceCount(plain.corpus)).toBe(2);
    await expect(load('A b.\n\nC d.\n', { sentences: 'auto', emptySentences: true })).rejects.toThrow("emptySentences needs sentences 'line', got sentences 'auto'");
    const auto = await load('A b.\n\nC d.\n', { sentences: 'auto' });
    expect(sentenceCount(auto.corpus)).toBe(2);
    expect(tokenCount(auto.corpus)).toBe(6);
  });

  it('keeps a JSONL record\'s blank lines, and an empty record, as empty sentences; without the option, none', async () => {
    const { readCorpusText } = await import('../../src/corpus/readText.js');
    // records "a b" | "" | "c\n\nd": lines "a b", "", "c", "", "d" -> 5 sentences of 2, 0, 1, 0, 1 tokens
    const jsonl = '{"text":"a b"}\n{"text":""}\n{"text":"c\\n\\nd"}\n';
    const kept = await readCorpusText(jsonl, { format: 'jsonl', tokenizer: 'whitespace', sentences: 'line', emptySentences: true });
    expect(Array.from(kept.corpus.offsets)).toEqual([0, 2, 2, 3, 3, 4]);
    const dropped = await readCorpusText(jsonl, { format: 'jsonl', tokenizer: 'whitespace', sentences: 'line' });
    expect(Array.from(dropped.corpus.offsets)).toEqual([0, 2, 3, 4]);
  });

  it("reads a record's final line break as a text file's: it ends the line and starts none (a record gained an empty sentence: audit)", async () => {
    const { readCorpusText } = await import('../../src/corpus/readText.js');
    // records "c\n" | "\n" | "a\n\nb\n": lines "c"; ""; "a", "", "b" -> 5 sentences, as the file "c\n\na\n\nb\n" gives
    const jsonl = '{"text":"c\\n"}\n{"text":"\\n"}\n{"text":"a\\n\\nb\\n"}\n';
    const options = { tokenizer: 'whitespace', sentences: 'line', emptySentences: true } as const;
    const records = await readCorpusText(jsonl, { ...options, format: 'jsonl' });
    const file = await readCorpusText('c\n\na\n\nb\n', { ...options, format: 'text' });
    expect(Array.from(records.corpus.offsets)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(Array.from(records.corpus.offsets)).toEqual(Array.from(file.corpus.offsets));
  });

  it('never turns Brown\'s blank lines into sentences', async () => {
    const without = await loadCorpus(['brown:news'], { sentences: 'line' });
    const withOption = await loadCorpus(['brown:news'], { sentences: 'line', emptySentences: true });
    expect(Array.from(withOption.corpus.offsets)).toEqual(Array.from(without.corpus.offsets));
  });
});
