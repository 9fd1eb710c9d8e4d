import { describe, expect, it } from 'vitest';
import { sentenceCount, tokenCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { cellKey, expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type GenerationTexts, type SeriesRow } from '../../src/simulation/series.js';
import { batchTokensAt, DEFAULT_RUN, refuseHumanShareBeyondPool, type CellSettings, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

// 200 sentences of 3..7 tokens over 60 words (as series.test.ts).
const sentences = Array.from({ length: 200 }, (_, s) => Array.from({ length: 3 + (s % 5) }, (_, i) => `w${(s * 7 + i * 13) % 60}`).join(' '));
const f = fixture(sentences);

/** One series of a cell (ratio 0, 3 generations unless `cell` and `shared` say otherwise) on the fixture `on`. */
function run(cell: Partial<CellSettings>, shared: Partial<RunSettings> = {}, on = f) {
  const sweep: Record<string, unknown> = { ...DEFAULT_RUN.sweep, humanRatio: [0] };
  for (const [key, value] of Object.entries(cell)) sweep[key] = [value];
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, ...shared, sweep: sweep as unknown as RunSettings['sweep'] };
  const prepared = prepareRun(on.corpus, on.vocabulary.size, settings);
  const rows: SeriesRow[] = [];
  const texts: GenerationTexts[] = [];
  runSeries(prepared, expandCells(settings.sweep)[0]!, 1, { emit: (row) => rows.push(row), onTexts: (t) => texts.push(t) });
  return { prepared, rows, texts };
}

const strings = (corpus: TokenCorpus): string[] => Array.from({ length: sentenceCount(corpus) }, (_, s) => f.text(corpus, s));

describe('--tokens-growth', () => {
  it('gives generation g a batch of round(N R^(g-1)) tokens', () => {
    expect([1, 2, 3].map((g) => batchTokensAt(1000, 1.5, g))).toEqual([1000, 1500, 2250]);
    expect(batchTokensAt(1001, 1, 7)).toBe(1001);
    const { texts, prepared } = run({ tokensGrowth: 2 });
    const n = prepared.batchTokens;
    texts.forEach((t, i) => {
      expect(tokenCount(t.training)).toBeGreaterThanOrEqual(n * 2 ** i);
      expect(tokenCount(t.training)).toBeLessThan(n * 2 ** i + 200);
    });
  });

  it('grows a fixed human share from one pool: each generation uses the first sentences of the next one', () => {
    const { texts, prepared } = run({ tokensGrowth: 1.5, humanRatio: 0.2, humanPool: 'fixed' });
    const shares = texts.map((t) => strings(t.human));
    expect(shares[1]!.slice(0, shares[0]!.length)).toEqual(shares[0]);
    expect(shares[2]!.slice(0, shares[1]!.length)).toEqual(shares[1]);
    expect(tokenCount(texts[2]!.human)).toBeGreaterThanOrEqual(Math.round(0.2 * batchTokensAt(prepared.batchTokens, 1.5, 3)));
  });

  it('leaves the seed key of a cell at the defaults as it was before the setting existed', () => {
    const [cell] = expandCells(DEFAULT_RUN.sweep);
    expect(cellKey(cell!.settings)).toBe('strategy=replace/human_ratio=0/human_pool=fresh/anchor=0/order=3/smoothing=mle/vocab=observed/temperature=1/top_k=0/top_p=1');
    expect(cellKey({ ...cell!.settings, tokensGrowth: 2, select: 'dedup' })).toMatch(/top_p=1\/select=dedup\/tokens_growth=2$/u);
  });
});

describe('--select in the loop', () => {
  it('records no selected share without selection', () => {
    expect(run({}).rows.map((row) => row.values.selected_share)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('says in every series, in the same words, that --select curates nothing with --human-ratio 1; not with a synthetic share', () => {
    const warnings = (humanRatio: number, replicate: number): string[] => {
      const settings: RunSettings = { ...DEFAULT_RUN, generations: 2, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [humanRatio], select: ['m0:low:0.5'] } };
      const said: string[] = [];
      runSeries(prepareRun(f.corpus, f.vocabulary.size, settings), expandCells(settings.sweep)[0]!, replicate, { emit: () => undefined, warn: (message) => said.push(message) });
      return said;
    };
    expect(warnings(1, 1)).toEqual(['cell default: select m0:low:0.5 curates nothing at human ratio 1 (every batch is human text: nothing to select, though the rule enters the seed of the cell: its draws are not those of a cell without it)']);
    // replicate 2 says it too (a shard or a resume may not run replicate 1): the CLI and the page print it once
    expect(warnings(1, 2)).toEqual(warnings(1, 1));
    expect(warnings(0.5, 1)).toEqual([]);
  });

  it('m0:low:0.5 keeps about half the candidates; the row still measures the unselected output of the share size', () => {
    const { rows, texts, prepared } = run({ select: 'm0:low:0.5', order: 2 });
    const n = prepared.batchTokens;
    texts.forEach((t, i) => {
      const row = rows[i + 1]!;
      // drawn >= 2N, kept in [N, N + one sentence): the share is about 1/2
      expect(row.values.selected_share).toBeGreaterThan(0.45);
      expect(row.values.selected_share).toBeLessThanOrEqual(0.5 + 200 / (2 * n));
      expect(tokenCount(t.training)).toBeGreaterThanOrEqual(n);
      expect(row.values.tokens).toBe(tokenCount(t.synthetic));
      expect(tokenCount(t.synthetic)).toBeGreaterThanOrEqual(n);
      expect(strings(t.training)).not.toEqual(strings(t.synthetic));
    });
  });

  it('is deterministic for a seed', () => {
    expect(run({ select: 'tail:0.5' }).rows).toEqual(run({ select: 'tail:0.5' }).rows);
  });
});

describe('counts from decimal settings, exactly (audit: computed on doubles, one token off at halves and wholes)', () => {
  // One token a sentence: a text's token count is then exactly what was asked for, no sentence overshoots.
  const single = fixture(Array.from({ length: 300 }, (_, s) => `w${s % 40}`));
  const runSingle = (cell: Partial<CellSettings>, shared: Partial<RunSettings>) => run({ order: 2, ...cell }, { holdout: 0, ...shared }, single);

  it('--select draws ceil(T / Q) candidate tokens: 42 / 0.7 is 60 (the double 60.00000000000001 drew 61)', () => {
    const { rows } = runSingle({ select: 'm0:low:0.7' }, { tokens: 42, generations: 2 });
    // kept 42 of 60 candidates: 0.7 (42/61 = 0.6885 before)
    expect(rows.slice(1).map((row) => row.values.selected_share)).toEqual([0.7, 0.7]);
    expect(runSingle({ select: 'tail:0.7' }, { tokens: 21, generations: 1 }).rows[1]!.values.selected_share).toBe(0.7); // 21 of 30
  });

  it('--tokens-growth gives round(N R^(g-1)) with halves up: 45 x 0.7 = 31.5 is 32 (the double 31.499999999999996 gave 31)', () => {
    const { texts } = runSingle({ tokensGrowth: 0.7 }, { tokens: 45, generations: 3 });
    // 45, 45 x 0.7 = 31.5 -> 32, 45 x 0.49 = 22.05 -> 22
    expect(texts.map((t) => tokenCount(t.training))).toEqual([45, 32, 22]);
  });

  it('the human share is round(alpha N) with halves up: 0.7 x 85 = 59.5 asks for 60 human tokens (the double said 59)', () => {
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 1, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.7] } };
    expect(() => refuseHumanShareBeyondPool(settings, 59, 85)).toThrow(/asks for 60 human tokens in a batch of 85 tokens, and the human pool H holds 59/u);
    expect(() => refuseHumanShareBeyondPool(settings, 60, 85)).not.toThrow();
    const { texts } = runSingle({ humanRatio: 0.7 }, { tokens: 85, generations: 1 });
    expect(tokenCount(texts[0]!.human)).toBe(60);
  });
});

