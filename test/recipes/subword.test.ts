/**
 * Recipe `subword`: its checks computed from hand-made rows (each check shown holding and failing),
 * and the recipe run end to end on a small Brown slice through runRecipe.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/metrics/columns.js';
import type { RecipeData } from '../../src/recipes/recipe.js';
import { runRecipe } from '../../src/cli/runRecipe.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { humanSentenceMask, splitHoldout } from '../../src/simulation/holdoutSplit.js';
import { subword, subwordFindings } from '../../src/recipes/subword.js';
import type { Cell } from '../../src/simulation/cells.js';
import type { SeriesRow } from '../../src/simulation/series.js';

type Curves = Record<string, Array<[MetricValues, MetricValues]>>; // cell -> generation -> two replicates

/** Rows for generations 0..G of each cell, two replicates each. */
function data(curves: Curves): RecipeData {
  const rows: SeriesRow[] = [];
  for (const [id, generations] of Object.entries(curves)) {
    const cell = { id } as Cell;
    generations.forEach((replicates, generation) => replicates.forEach((values, r) => rows.push({ cell, replicate: r + 1, generation, values })));
  }
  return { rows } as unknown as RecipeData;
}

const word = (rare: number, spread = 0.01): [MetricValues, MetricValues] => [{ rare_survival: rare - spread }, { rare_survival: rare + spread }];
const sub = (rare: number, novel: number, spread = 0.01): [MetricValues, MetricValues] => [
  { word_rare_survival: rare - spread, novel_word_rate: novel },
  { word_rare_survival: rare + spread, novel_word_rate: novel },
];

/**
 * A world where everything the recipe asks holds: subword models keep fewer rare words than the word
 * model, invent words, and the loop keeps another share of them from generation 1 to 2 (each
 * replicate's last over its first: words 0.39 / 0.59 = 0.661 and 0.41 / 0.61 = 0.672; gpt2 0.592 and
 * 0.608; bpe:500 0.5 and 0.5; bpe:4000 0.828 and 0.839).
 */
const HOLDING: Curves = {
  'tokenizer=wordpunct': [word(1, 0), word(0.6), word(0.4)],
  'tokenizer=gpt2': [sub(1, 0, 0), sub(0.5, 0.02), sub(0.3, 0.03)],
  'tokenizer=bpe:500': [sub(1, 0, 0), sub(0.2, 0.4), sub(0.1, 0.4, 0.005)],
  'tokenizer=bpe:4000': [sub(1, 0, 0), sub(0.3, 0.1), sub(0.25, 0.12)],
};
const verdicts = (curves: Curves): Record<string, boolean> => Object.fromEntries(subwordFindings(data(curves)).map((f) => [f.name, f.holds]));

describe('subword findings from rows', () => {
  it('every check holds when the rows say so', () => {
    expect(Object.values(verdicts(HOLDING))).toEqual([true, true, true, true, true]);
  });

  it('"the loop keeps a different share" reads each replicate\'s last over its first, not the level: a model that spells rare words worse from the start but loses them at the word rate fails it', () => {
    const kept = (curves: Curves) => subwordFindings(data(curves)).find((one) => one.name === 'the loop keeps a different share of rare words under subword models')!;
    // gpt2 at half the word model's level in both generations (0.3 against 0.6, 0.2 against 0.4): its level
    // differs (check 4), its kept shares, 0.195 / 0.295 = 0.661 and 0.205 / 0.305 = 0.672, are the word model's
    const sameRate: Curves = { ...HOLDING, 'tokenizer=gpt2': [sub(1, 0, 0), sub(0.3, 0.02, 0.005), sub(0.2, 0.03, 0.005)] };
    expect(kept(sameRate).numbers['kept_gpt2']).toBeCloseTo(0.6665, 3);
    expect(kept(sameRate).numbers['kept_difference_gpt2']).toBeCloseTo(0, 2);
    expect(kept(sameRate).holds).toBe(false);
    expect(verdicts(sameRate)['word and subword models differ in rare-word survival']).toBe(true);
    expect(kept(HOLDING).observed).toBe(
      "share of generation 1's rare-word survival kept at generation 2: word model 0.6666; gpt2 0.5998 (keeps fewer, difference -0.06673 +- 0.04723); bpe:500 0.5 (keeps fewer, difference -0.1666 +- 0.07061); bpe:4000 0.8331 (keeps more, difference 0.1666 +- 0.03383)",
    );
  });

  it('"invent words" fails when one subword model invents none', () => {
    const curves = { ...HOLDING, 'tokenizer=gpt2': [sub(1, 0, 0), sub(0.5, 0), sub(0.3, 0)] };
    expect(verdicts(curves)['subword models invent words']).toBe(false);
  });

  it('without subword cells, no check about subword models holds', () => {
    expect(verdicts({ 'tokenizer=wordpunct': HOLDING['tokenizer=wordpunct']! })).toEqual({
      'subword models invent words': false,
      'smaller subword vocabularies invent more words': false,
      'rare words die under subword models too': false,
      'word and subword models differ in rare-word survival': false,
      'the loop keeps a different share of rare words under subword models': false,
    });
  });

  it('"smaller vocabularies invent more" needs strictly more: bpe:500 level with bpe:4000 fails', () => {
    const curves = { ...HOLDING, 'tokenizer=bpe:500': [sub(1, 0, 0), sub(0.2, 0.1), sub(0.1, 0.12)] };
    expect(verdicts(curves)['smaller subword vocabularies invent more words']).toBe(false);
  });

  it('"smaller vocabularies invent more" fails when bpe:500 invents fewer than bpe:4000', () => {
    const curves = { ...HOLDING, 'tokenizer=bpe:500': [sub(1, 0, 0), sub(0.2, 0.05), sub(0.1, 0.05)] };
    expect(verdicts(curves)['smaller subword vocabularies invent more words']).toBe(false);
  });

  it('"smaller vocabularies invent more" is undecided where bpe:500 and bpe:4000 spell H alike (no pair left before 500 merges: one tokenizer twice; it read "does not hold": audit)', () => {
    // generation 0 is H: 87 tokens under both, the same merges; 90 against 87, bpe:4000 learned more
    const withH = (small: number, large: number): Curves => ({
      ...HOLDING,
      'tokenizer=bpe:500': [[{ tokens: small }, { tokens: small }], sub(0.2, 0), sub(0.1, 0)],
      'tokenizer=bpe:4000': [[{ tokens: large }, { tokens: large }], sub(0.3, 0), sub(0.2, 0)],
    });
    const finding = (curves: Curves) => subwordFindings(data(curves)).find((one) => one.name === 'smaller subword vocabularies invent more words')!;
    const alike = finding(withH(87, 87));
    expect([alike.holds, alike.undecided]).toEqual([false, 'bpe:500 and bpe:4000 spell H alike (87 tokens each): the corpus ran out of pairs to merge before 500 merges, so both learned the same (a larger corpus tells them apart, unless its pre-tokenizer cut its words into single letters: a warning says so)']);
    expect(alike.observed).toBe(`invented words: bpe:500 0 vs bpe:4000 0; ${alike.undecided}`);
    const apart = finding(withH(90, 87));
    expect([apart.holds, apart.undecided]).toEqual([false, undefined]);
  });

  it('"rare words die" fails when one model\'s rare survival does not fall', () => {
    const curves = { ...HOLDING, 'tokenizer=bpe:4000': [sub(1, 0, 0), sub(0.3, 0.1), sub(0.3, 0.12)] };
    expect(verdicts(curves)['rare words die under subword models too']).toBe(false);
  });

  it('"rare words die" is undecided, not failed, where a model has no rare survival (H without rare words: it read "does not hold": audit)', () => {
    const finding = (curves: Curves) => subwordFindings(data(curves)).find((one) => one.name === 'rare words die under subword models too')!;
    const none: [MetricValues, MetricValues] = [{ novel_word_rate: 0.1 }, { novel_word_rate: 0.1 }];
    // every model without values
    const all = finding({ ...HOLDING, 'tokenizer=gpt2': [none, none, none], 'tokenizer=bpe:500': [none, none, none], 'tokenizer=bpe:4000': [none, none, none] });
    expect([all.holds, all.undecided]).toEqual([false, 'no word-level rare survival under gpt2, bpe:500, bpe:4000 (H has no rare words, or no replicate has a value)']);
    // one without values, the others falling: undecided on that one
    const one = finding({ ...HOLDING, 'tokenizer=gpt2': [none, none, none] });
    expect([one.holds, one.undecided]).toEqual([false, 'no word-level rare survival under gpt2 (H has no rare words, or no replicate has a value)']);
    // one without values and another not falling: it does not hold, whatever the first would show
    const fails = finding({ ...HOLDING, 'tokenizer=gpt2': [none, none, none], 'tokenizer=bpe:4000': [sub(1, 0, 0), sub(0.3, 0.1), sub(0.3, 0.12)] });
    expect([fails.holds, fails.undecided]).toEqual([false, undefined]);
    expect(finding(HOLDING).undecided).toBeUndefined();
  });

  it('"word and subword differ" fails when a difference is within its 95% Welch interval', () => {
    // gpt2 0.41 vs word 0.40 at the last generation, replicates spread +-0.05 each: SE of the difference
    // = sqrt(0.005/2 + 0.005/2) = 0.0707, Welch df = 0.005^2 / (2 x 0.0025^2 / 1) = 2, t(0.975, 2) = 4.3027: margin 0.3042 > 0.01.
    const curves = { ...HOLDING, 'tokenizer=wordpunct': [word(1, 0), word(0.6, 0.05), word(0.4, 0.05)], 'tokenizer=gpt2': [sub(1, 0, 0), sub(0.5, 0.02, 0.05), sub(0.41, 0.03, 0.05)] };
    const finding = subwordFindings(data(curves)).find((f) => f.name === 'word and subword models differ in rare-word survival')!;
    expect(finding.holds).toBe(false);
    expect(finding.observed).toContain('gpt2 0.41 (keeps more, difference 0.01 +- 0.3042)');
  });
});

describe('subword findings with one replicate', () => {
  /** Replicate 1 of each cell only. */
  const firstReplicate = (curves: Curves): RecipeData => {
    const all = data(curves);
    return { ...all, rows: all.rows.filter((row) => row.replicate === 1) } as RecipeData;
  };

  it('"word and subword differ" does not hold: no variance, so no difference is told from noise', () => {
    // gpt2 0.29 vs word 0.39 at the last generation: a difference of -0.1 with an error of 0 would have "held"
    const finding = subwordFindings(firstReplicate(HOLDING)).find((f) => f.name === 'word and subword models differ in rare-word survival')!;
    expect(finding.holds).toBe(false);
    // no interval: the rows cannot tell (it read "does not hold": audit)
    expect(finding.undecided).toBe('a comparison without two replicates with a value on each side has no interval');
    expect(finding.observed).toContain('gpt2 0.29 (keeps fewer, difference -0.1 +- n/a: one replicate with a value, no error to tell it from noise)');
  });

  it('says a comparison is missing, not "keeps as many" for "one replicate", where H has no rare words (2 replicates: audit)', () => {
    // no rare_survival / word_rare_survival at all: every side undefined
    const none = (novel: number): [MetricValues, MetricValues] => [{ novel_word_rate: novel }, { novel_word_rate: novel }];
    const curves = { 'tokenizer=wordpunct': [none(0), none(0), none(0)], 'tokenizer=gpt2': [none(0), none(0.1), none(0.1)] };
    const finding = subwordFindings(data(curves)).find((f) => f.name === 'word and subword models differ in rare-word survival')!;
    expect(finding.observed).toBe('rare-word survival at generation 2: word model n/a; gpt2 n/a (not compared: no rare-word survival on one side (H has no rare words, or no replicate has a value))');
    expect(finding.holds).toBe(false);
    // a side with a value in one replicate of two: no margin, for want of a second value
    const oneValue: Curves = { ...HOLDING, 'tokenizer=gpt2': [sub(1, 0, 0), sub(0.5, 0.02), [{ word_rare_survival: 0.29, novel_word_rate: 0.03 }, { novel_word_rate: 0.03 }]] };
    const partial = subwordFindings(data(oneValue)).find((f) => f.name === 'word and subword models differ in rare-word survival')!;
    // word 0.4 (mean of 0.39 and 0.41) against gpt2's one value 0.29
    expect(partial.observed).toContain('gpt2 0.29 (keeps fewer, difference -0.11 +- n/a: one replicate with a value, no error to tell it from noise)');
  });

  it('says "keeps as many" for a difference of exactly 0', () => {
    const curves = { ...HOLDING, 'tokenizer=gpt2': [sub(1, 0, 0), sub(0.5, 0.02), sub(0.4, 0.03)] };
    const finding = subwordFindings(data(curves)).find((f) => f.name === 'word and subword models differ in rare-word survival')!;
    // replicates 0.39 and 0.41 on both sides: SE = sqrt(0.0002 / 2 + 0.0002 / 2) = 0.014142, df 2: margin 4.3027 x 0.014142 = 0.06085
    expect(finding.observed).toContain('gpt2 0.4 (keeps as many, difference 0 +- 0.06085)');
    expect(finding.holds).toBe(false);
    expect(finding.undecided).toBeUndefined(); // within its interval: decided
    // the numbers hold the margin the verdict reads, not only the difference (audit)
    expect([finding.numbers.difference_gpt2, finding.numbers.margin_gpt2]).toEqual([0, 0.06085]);
  });
});

describe('subword findings: the band of "word and subword differ"', () => {
  // word 0.40 and gpt2 at the last generation, replicates spread +-0.01 each: SE of the difference
  // sqrt(0.0002 / 2 + 0.0002 / 2) = 0.014142, Welch df 2, margin t(0.975, 2) x SE = 4.3027 x 0.014142 = 0.06085
  const differ = (gpt2Last: number) => {
    const curves = { ...HOLDING, 'tokenizer=wordpunct': [word(1, 0), word(0.6), word(0.4)], 'tokenizer=gpt2': [sub(1, 0, 0), sub(0.7, 0.02), sub(gpt2Last, 0.03)] };
    return verdicts(curves)['word and subword models differ in rare-word survival'];
  };

  it('holds just outside the margin (0.40 + 0.065) and fails just inside it (0.40 + 0.055), and 2.5 standard errors apart (0.40 + 0.0354, which twice the standard error called different)', () => {
    expect(differ(0.465)).toBe(true);
    expect(differ(0.455)).toBe(false);
    expect(differ(0.4354)).toBe(false);
  });
});

describe('recipe subword on Brown editorial', () => {
  it('runs every tokenizer, names cells by tokenizer and fills the word columns of the subword cells', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ngc-subword-recipe-'));
    const outcome = await runRecipe(subword, { out, cwd: process.cwd(), corpus: ['brown:editorial'], generations: 2, replicates: 1 });
    expect(outcome.data.cells.map((cell) => cell.id)).toEqual(['tokenizer=wordpunct', 'tokenizer=gpt2', 'tokenizer=bpe:500', 'tokenizer=bpe:4000']);
    for (const row of outcome.data.rows) {
      const isWord = row.cell.id === 'tokenizer=wordpunct';
      expect(row.values.word_types === undefined).toBe(isWord);
    }
    expect(outcome.findings.map((finding) => finding.name)).toHaveLength(5);
    // bpe:500's merges learned on H alone, as run learns them: generation 0 measures H in its pieces
    // (with learning on every sentence the recipe passed this test: review)
    const split = subword.runs({ generations: 2, replicates: 1, seed: 42 })[0]!;
    const humanPieces = async (learnOnHuman: boolean): Promise<[number, number]> => {
      const training = learnOnHuman ? { subwordTraining: (n: number) => humanSentenceMask(n, split.holdout, split.seed) } : {};
      const { corpus } = await loadCorpus(['brown:editorial'], { tokenizer: 'bpe:500', ...training });
      const { ids } = splitHoldout(corpus, split.holdout, split.seed).human;
      return [ids.length, new Set(ids).size];
    };
    const row0 = outcome.data.rows.find((row) => row.cell.id === 'tokenizer=bpe:500' && row.generation === 0)!;
    expect([row0.values.tokens, row0.values.types]).toEqual(await humanPieces(true));
    expect((await humanPieces(false))[0]).not.toBe(row0.values.tokens);
  }, 120_000);
});

describe('recipe subword and --max-tokens', () => {
  it('reads every tokenizer\'s corpus before any series runs: one past the guard is refused before the first is simulated (the word and gpt2 series ran first)', async () => {
    // lighthouse.txt: 1,118 tokens in words, 1,175 in gpt2 pieces, 1,627 in bpe:500 pieces: a guard of 1,500 refuses bpe:500 alone
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    let series = 0;
    const out = mkdtempSync(join(tmpdir(), 'ngc-subword-guard-'));
    const outcome = runRecipe(subword, { out, cwd: process.cwd(), corpus: [lighthouse], generations: 2, replicates: 1, load: { maxTokens: 1500 }, onProgress: () => void series++ });
    await expect(outcome).rejects.toThrow(/1500/u);
    expect(series).toBe(0);
  });
});
