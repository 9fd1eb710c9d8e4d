/**
 * Size-matched measurement changes what a row of human ratio > 0 measures, and nothing else.
 *
 * The fixture `golden/village-before-size-matching.csv` was written by the code before the change
 * (commit f645f36) with the command below. Against it:
 * - rows of human ratio 0 are unchanged in every column the old file has (their measured text is
 *   the synthetic batch itself), except `discount_fallback`, now empty where it does not apply (MLE);
 * - rows of human ratio 0.3 keep every model-level figure (held-out perplexity and OOV rate, the KN
 *   discount fallback): the top-up draws from its own stream, so every batch and every model is
 *   today's; only the measured text grows to N tokens.
 */

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { readCsvLines } from '../../src/export/csvLines.js';
import { captureIO } from '../cli/captureIO.js';

const CORPUS = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
const GOLDEN = new URL('../fixtures/golden/village-before-size-matching.csv', import.meta.url).pathname;
const ARGS = ['run', '--corpus', CORPUS, '--sentences', 'line', '--order', '1,2,3', '--smoothing', 'mle,kneser-ney', '--human-ratio', '0,0.3', '--strategy', 'replace,accumulate', '--generations', '3', '--replicates', '2', '--seed', '7', '--workers', '1', '--quiet'];

type Table = { header: string[]; rows: string[][] };
const table = (bytes: Buffer): Table => {
  const [header, ...rows] = readCsvLines(bytes).lines.map((line) => line.fields);
  return { header: header!, rows };
};

let before: Table;
let after: Table;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-golden-'));
  const captured = captureIO(dir);
  const code = await runCli([...ARGS, '--out', 'after.csv'], captured.io);
  expect(captured.stderr()).toBe('');
  expect(code).toBe(0);
  before = table(readFileSync(GOLDEN));
  after = table(readFileSync(join(dir, 'after.csv')));
});

/** The value of `column` in row r of a table. */
const cell = (t: Table, r: number, column: string): string => t.rows[r]![t.header.indexOf(column)]!;

describe('size-matched measurement against the output before the change', () => {
  it('writes the same rows in the same order, the old columns first', () => {
    expect(after.header.slice(0, before.header.length)).toEqual(before.header);
    expect(after.rows.map((row) => row.slice(0, 14))).toEqual(before.rows.map((row) => row.slice(0, 14)));
  });

  it('leaves rows of human ratio 0 unchanged in every old column (discount_fallback: empty for MLE)', () => {
    let compared = 0;
    before.rows.forEach((row, r) => {
      if (cell(before, r, 'human_ratio') !== '0') return;
      const mle = cell(before, r, 'smoothing') === 'mle';
      const expected = before.header.map((column, c) => (column === 'discount_fallback' && mle ? '' : row[c]));
      expect(after.rows[r]!.slice(0, before.header.length)).toEqual(expected);
      compared++;
    });
    expect(compared).toBe(96); // 12 cells of ratio 0 x 2 replicates x generations 0..3
  });

  it('keeps every model of human ratio 0.3 as it was: held-out figures and discount fallback unchanged', () => {
    let compared = 0;
    before.rows.forEach((_row, r) => {
      if (cell(before, r, 'human_ratio') !== '0.3') return;
      for (const column of ['heldout_perplexity', 'heldout_oov_rate']) expect(cell(after, r, column)).toBe(cell(before, r, column));
      if (cell(before, r, 'smoothing') === 'kneser-ney') expect(cell(after, r, 'discount_fallback')).toBe(cell(before, r, 'discount_fallback'));
      compared++;
    });
    expect(compared).toBe(96);
  });
});
