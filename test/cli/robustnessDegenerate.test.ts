/**
 * Degenerate runs keep going and say what happened: tiny corpora that collapse at once to one
 * sentence or one token, batches without synthetic tokens, every rare type extinct. The CSV keeps
 * one row per generation, and metrics with a zero denominator are empty cells, never NaN/Infinity.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshFolder, runIn } from './robustnessHelpers.js';

async function runOn(corpus: string, extra: readonly string[]): Promise<{ code: number; stderr: string; rows: Array<Record<string, string>> }> {
  const cwd = freshFolder();
  writeFileSync(join(cwd, 'c.txt'), corpus);
  // (3 generations unless `extra` gives its own: a flag given twice is refused)
  const generations = extra.includes('--generations') ? [] : ['--generations', '3'];
  const result = await runIn(cwd, ['run', '--corpus', 'c.txt', '--sentences', 'line', '--holdout', '0', ...generations, '--out', 'o.csv', ...extra]);
  const [header, ...lines] = readFileSync(join(cwd, 'o.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i]!, value])));
  return { code: result.code, stderr: result.stderr, rows };
}

function expectFiniteOrEmpty(rows: Array<Record<string, string>>): void {
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (['cell', 'strategy', 'human_pool', 'smoothing', 'vocab', 'select'].includes(column) || value === '') continue;
      expect(Number.isFinite(Number(value)), `${column}=${value}`).toBe(true);
    }
  }
}

describe('degenerate runs', () => {
  it('sentences the model drew cut at --max-sentence-length are said, once per series, in the flag\'s name (text without sentence ends was cut without a word: audit)', async () => {
    // 30 lines of 12 distinct-enough words, no mark: order 1 ends a sentence with probability 1/13 a token, so most run past 4
    const lines = Array.from({ length: 30 }, (_, i) => Array.from({ length: 12 }, (_, j) => `w${(i * 7 + j * 3) % 17}`).join(' ')).join('\n');
    const { code, stderr } = await runOn(`${lines}\n`, ['--human-ratio', '0', '--order', '1', '--max-sentence-length', '4']);
    expect(code).toBe(0);
    const notices = stderr.split('\n').filter((line) => line.includes('were cut at'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^ngram-collapse: warning: cell default replicate 1 generation 1: \d+ of the \d+ sentences the model drew were cut at --max-sentence-length 4 tokens \(the model did not end them sooner: the corpus's sentences run longer, or it has few sentence ends\); raise it, or split the text into sentences \(said once per series\)$/u);
  });

  it('a corpus of one repeated sentence: collapsed to a single sentence, said once per series', async () => {
    const { code, stderr, rows } = await runOn('a b c .\n'.repeat(20), ['--human-ratio', '0']);
    expect(code).toBe(0);
    expect(rows).toHaveLength(4);
    expectFiniteOrEmpty(rows);
    const notices = stderr.split('\n').filter((line) => line.includes('single sentence'));
    expect(notices).toEqual(['ngram-collapse: warning: cell default replicate 1 generation 1: the model has collapsed to a single sentence (repeated 20 times); the run goes on']);
    // No seed type is rare (each occurs 20 times): rare_survival and survival_1 have no denominator.
    expect(rows.map((row) => row['rare_survival'])).toEqual(['', '', '', '']);
    expect(rows.map((row) => row['survival_1'])).toEqual(['', '', '', '']);
  });

  it('a corpus with one token: collapsed to a single token; n-gram metrics without n-grams are empty', async () => {
    const { code, stderr, rows } = await runOn('x\n'.repeat(10), ['--human-ratio', '0']);
    expect(code).toBe(0);
    expectFiniteOrEmpty(rows);
    expect(stderr).toMatch(/generation 1: the model has collapsed to a single token type/u);
    // One-token sentences have no bigrams or trigrams; one type has no Zipf slope.
    for (const row of rows) {
      expect(row['distinct_2']).toBe('');
      expect(row['distinct_3']).toBe('');
      expect(row['novel_3gram_rate']).toBe('');
      expect(row['zipf_slope']).toBe('');
      expect(row['types']).toBe('1');
    }
  });

  it('human ratio 1: no synthetic share, so each row measures N tokens sampled from the model (the top-up)', async () => {
    const { code, stderr, rows } = await runOn('a b c .\nd e f .\ng h i .\n', ['--human-ratio', '1']);
    expect(code).toBe(0);
    expect(rows).toHaveLength(4);
    expectFiniteOrEmpty(rows);
    expect(stderr).not.toMatch(/holds no tokens/u);
    const n = Number(rows[0]!['tokens']); // H's tokens = N
    for (const row of rows.slice(1)) {
      expect(Number(row['tokens'])).toBeGreaterThanOrEqual(n);
      expect(row['ttr']).not.toBe('');
      expect(row['gen0_perplexity']).not.toBe('');
    }
  });

  it('an order-1 model that ends every sentence at once: the measured text is empty, said once', async () => {
    // Every sentence of H is one token long and then ends: P(</s>) = 1/2 at order 1, so a model
    // trained on a batch of empty sentences ends every sentence at once from then on.
    const { code, stderr, rows } = await runOn('a\n'.repeat(3), ['--human-ratio', '0', '--order', '1', '--generations', '12', '--seed', '1']);
    expect(code).toBe(0);
    expectFiniteOrEmpty(rows);
    const empty = rows.findIndex((row) => row['tokens'] === '0');
    expect(empty).toBeGreaterThan(0);
    expect(stderr).toMatch(new RegExp(`generation ${empty}: the measured text holds no tokens`, 'u'));
    expect(stderr.match(/holds no tokens/gu)).toHaveLength(1);
  });

  it('every rare type extinct: said once, and rare_survival is 0 from then on', async () => {
    // "rare" occurs once; an order-1 model over 200 frequent tokens loses it quickly.
    const corpus = 'a b a b a b a b a b\n'.repeat(20) + 'rare\n';
    const { code, stderr, rows } = await runOn(corpus, ['--human-ratio', '0', '--order', '1', '--generations', '6', '--seed', '3']);
    expect(code).toBe(0);
    expectFiniteOrEmpty(rows);
    const extinct = rows.findIndex((row, g) => g > 0 && row['rare_survival'] === '0');
    expect(extinct).toBeGreaterThan(0);
    expect(stderr).toContain(`generation ${extinct}: every one of the 1 seed-rare types is extinct (rare_survival 0)`);
    expect(stderr.split('seed-rare').length - 1).toBe(1);
    for (const row of rows.slice(extinct)) expect(row['rare_survival']).toBe('0');
  });

  it('--quiet silences the notices', async () => {
    const { code, stderr } = await runOn('a b c .\n'.repeat(5), ['--quiet']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
