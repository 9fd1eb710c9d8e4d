/**
 * Subword tokenizers through the CLI: `run` fills the word_* columns (empty for word-level
 * tokenizers), keeps case by default, learns bpe:K on H only; `metrics` adds the word columns.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { learnCorpusBpe } from '../../src/corpus/subword/learnedBpe.js';
import { readCsvLines } from '../../src/export/csvLines.js';
import { humanSentenceMask, splitHoldout } from '../../src/simulation/holdoutSplit.js';
import { cli, tempDir } from '../helpers/cli.js';

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
const BASE = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--quiet'];
const WORD_COLUMNS = ['word_types', 'word_vocab_retention', 'word_rare_survival', 'novel_word_rate'];

let dir: string;
const table = (name: string): Array<Record<string, string>> => {
  const [header, ...rows] = readCsvLines(readFileSync(join(dir, name))).lines.map((line) => line.fields);
  return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]!])));
};

beforeAll(() => {
  dir = tempDir('ngc-subword-');
});

describe('run with a subword tokenizer', () => {
  it.each(['gpt2', 'bpe:40'])('%s fills the word columns; generation 0 keeps every word of H', async (tokenizer) => {
    const result = await cli([...BASE, '--tokenizer', tokenizer, '--out', 'sub.csv'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = table('sub.csv');
    for (const row of rows) for (const column of WORD_COLUMNS) expect(row[column]).not.toBe('');
    const first = rows.find((row) => row['generation'] === '0')!;
    expect(first['word_vocab_retention']).toBe('1');
    expect(first['novel_word_rate']).toBe('0');
  });

  it('writes the same bytes with --workers 2 (the word view travels to the workers)', async () => {
    await cli([...BASE.filter((arg) => arg !== '--workers' && arg !== '1'), '--workers', '1', '--tokenizer', 'bpe:40', '--replicates', '2', '--out', 'w1.csv'], { cwd: dir });
    await cli([...BASE.filter((arg) => arg !== '--workers' && arg !== '1'), '--workers', '2', '--tokenizer', 'bpe:40', '--replicates', '2', '--out', 'w2.csv'], { cwd: dir });
    const one = readFileSync(join(dir, 'w1.csv'), 'utf8');
    expect(readFileSync(join(dir, 'w2.csv'), 'utf8')).toBe(one);
    expect(table('w2.csv').every((row) => row['word_types'] !== '')).toBe(true);
  });

  it('a word-level tokenizer leaves the word columns empty', async () => {
    await cli([...BASE, '--out', 'word.csv'], { cwd: dir });
    for (const row of table('word.csv')) for (const column of WORD_COLUMNS) expect(row[column]).toBe('');
  });

  it('subword tokenizers keep case unless --lowercase is given', async () => {
    writeFileSync(join(dir, 'case.txt'), 'The Cat sat.\nThe Dog ran.\nA Cat ran.\nThe end.\n');
    const tokens = async (extra: string[]): Promise<string> => {
      await cli(['run', '--corpus', 'case.txt', '--sentences', 'line', '--tokenizer', 'gpt2', '--holdout', '0', '--generations', '1', '--extinctions', 'ext.csv', '--quiet', '--out', 'c.csv', ...extra], { cwd: dir });
      return readFileSync(join(dir, 'ext.csv'), 'utf8');
    };
    expect(await tokens([])).toContain('▁Cat');
    expect(await tokens(['--lowercase'])).not.toContain('▁Cat');
  });

  it('an invalid bpe:K is one clear line and exit code 2', async () => {
    const result = await cli([...BASE, '--tokenizer', 'bpe:0', '--out', 'bad.csv'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ngram-collapse: --tokenizer: tokenizer 'bpe:0' needs a whole number of merges from 1 to 1000000 (write it as bpe:K, e.g. bpe:2000)\n");
  });
});

describe('bpe:K learns on the human pool only', () => {
  it('the merges come from H\'s words, not from the held-out sentences', async () => {
    const words = await loadCorpus([FIXTURE], { sentences: 'line', lowercase: false });
    const mask = humanSentenceMask(words.corpus.offsets.length - 1, 0.3, 7);
    const pieces = await loadCorpus([FIXTURE], { sentences: 'line', lowercase: false, tokenizer: 'bpe:60', subwordTraining: (n) => humanSentenceMask(n, 0.3, 7) });
    expect(pieces.merges).toEqual(learnCorpusBpe(words.vocabulary, words.corpus, 60, mask).merges);
    expect(pieces.merges).not.toEqual(learnCorpusBpe(words.vocabulary, words.corpus, 60).merges);
  });

  it('the library writes run\'s rows when bpe:K learns on H through subwordTraining and humanSentenceMask, both from the package entry (without them it learned on the held-out set too: audit)', async () => {
    await cli([...BASE, '--tokenizer', 'bpe:40', '--out', 'lib.csv'], { cwd: dir });
    const api = await import('../../src/index.js');
    const settings = { ...api.DEFAULT_RUN, generations: 2, sweep: { ...api.DEFAULT_RUN.sweep, order: [2] } };
    const rowsOf = async (subwordTraining?: (sentences: number) => Uint8Array): Promise<string> => {
      const { vocabulary, corpus } = await api.loadCorpus([FIXTURE], { sentences: 'line', tokenizer: 'bpe:40', ...(subwordTraining === undefined ? {} : { subwordTraining }) });
      const lines = [api.CURVE_COLUMNS.join(',')];
      api.simulate(corpus, vocabulary.size, settings, { emit: (row) => lines.push(api.curveRecord(row, settings.seed).join(',')) }, { tokenizer: 'bpe:40', tokens: vocabulary.toArray() });
      return `${lines.join('\n')}\n`;
    };
    const written = readFileSync(join(dir, 'lib.csv'), 'utf8');
    expect(await rowsOf((sentences) => api.humanSentenceMask(sentences, settings.holdout, settings.seed))).toBe(written);
    expect(await rowsOf()).not.toBe(written);
    expect(() => api.humanSentenceMask(-1, 0.1, 42)).toThrow('sentences must be a whole number from 0 to 2147483647');
    // past 2^31 - 1 the shuffle's Int32Array indexes wrapped to negative ones (nothing held out past them: audit)
    expect(() => api.humanSentenceMask(2 ** 31, 0.1, 42)).toThrow("sentences must be a whole number from 0 to 2147483647, got '2147483648'");
  });

  it('humanSentenceMask marks exactly the sentences splitHoldout puts in H', async () => {
    const { corpus } = await loadCorpus([FIXTURE], { sentences: 'line' });
    const mask = humanSentenceMask(corpus.offsets.length - 1, 0.25, 3);
    const { human } = splitHoldout(corpus, 0.25, 3);
    expect(mask.reduce((sum, bit) => sum + bit, 0)).toBe(human.offsets.length - 1);
    let h = 0;
    for (let s = 0; s < mask.length; s++) {
      if (mask[s] !== 1) continue;
      expect(human.ids.subarray(human.offsets[h], human.offsets[h + 1])).toEqual(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]));
      h++;
    }
  });
});

describe('metrics with a subword tokenizer', () => {
  it('adds the word columns against the reference, with the reference\'s merges', async () => {
    const result = await cli(['metrics', FIXTURE, '--sentences', 'line', '--tokenizer', 'bpe:30'], { cwd: dir });
    expect(result.code).toBe(0);
    const [header, row] = result.stdout.trim().split('\n').map((line) => line.split(','));
    expect(header!.slice(-4)).toEqual(WORD_COLUMNS);
    expect(row!.slice(-4)).toEqual([expect.any(String), '1', '1', '0']);
  });
});

describe('generate with a subword tokenizer', () => {
  it('prints the words the pieces spell, not the pieces', async () => {
    const result = await cli(['generate', '--corpus', FIXTURE, '--sentences', 'line', '--tokenizer', 'bpe:30', '-n', '5', '--order', '2'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('</w>');
    expect(result.stdout.trim().split('\n')).toHaveLength(5);
  });
});

describe('tokenize with a subword tokenizer', () => {
  it('shows the boundary marks, and with --pieces words with their pieces joined by ·', async () => {
    writeFileSync(join(dir, 'words.txt'), 'The lowest newest\n');
    const plain = await cli(['tokenize', 'words.txt', '--tokenizer', 'bpe:3', '--quiet'], { cwd: dir });
    // bpe:3 on "The lowest newest": (e,s)=2 ... the words end in </w>.
    expect(plain.stdout.trim().split(' ').filter((token) => token.endsWith('</w>'))).toHaveLength(3);
    const pieces = await cli(['tokenize', 'words.txt', '--tokenizer', 'gpt2', '--pieces', '--quiet'], { cwd: dir });
    expect(pieces.stdout).toBe('The lowest newest\n');
    const bpe = await cli(['tokenize', 'words.txt', '--tokenizer', 'bpe:3', '--pieces', '--quiet'], { cwd: dir });
    expect(bpe.stdout.trim().split(' ').map((word) => word.replaceAll('\u00b7', ''))).toEqual(['The', 'lowest', 'newest']);
    expect(bpe.stdout).toContain('\u00b7');
  });

  it('refuses --pieces with a tokenizer that makes no subword pieces, before reading the corpus', async () => {
    const result = await cli(['tokenize', FIXTURE, '--pieces'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ngram-collapse: --pieces shows the pieces of subword tokens, but --tokenizer wordpunct is no subword tokenizer/u);
    // char too (no word-level tokenizer); and a corpus that is no file is not read first: the --pieces refusal comes first
    const char = await cli(['tokenize', 'no-such-file.txt', '--tokenizer', 'char', '--pieces'], { cwd: dir });
    expect([char.stderr, char.code]).toEqual(['ngram-collapse: --pieces shows the pieces of subword tokens, but --tokenizer char is no subword tokenizer (pass --tokenizer gpt2, cl100k, o200k or bpe:K, or leave out --pieces)\n', 2]);
  });
});
