/**
 * Recipe test helpers: a small slice of the Brown news category (the first sentences, in corpus
 * order), loaded once per test file, and a shortcut that runs a recipe on it and returns its findings
 * by name.
 */

import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { gatherSentences, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { collectRecipe } from '../../src/recipes/collectRecipe.js';
import type { Finding, Recipe, RecipeData } from '../../src/recipes/recipe.js';

export interface SmallCorpus {
  readonly corpus: TokenCorpus;
  readonly idSpace: number;
}

export async function brownNewsSlice(sentences: number): Promise<SmallCorpus> {
  const { vocabulary, corpus } = await loadCorpus(['brown:news']);
  const picks = Array.from({ length: sentences }, (_, s) => [0, s] as const);
  return { corpus: gatherSentences([corpus], picks), idSpace: vocabulary.size };
}

export function runSmall(
  recipe: Recipe,
  small: SmallCorpus,
  scale: { generations: number; replicates: number; seed?: number },
): { data: RecipeData; findings: Map<string, Finding> } {
  const data = collectRecipe(recipe, small.corpus, small.idSpace, { seed: 42, ...scale });
  return { data, findings: new Map(recipe.findings(data).map((finding) => [finding.name, finding])) };
}

/**
 * The data of a world where nothing happens after generation `from`: every row repeats its series'
 * row of that generation, every seed type stays in every text (firstAbsent 0, lastSeen G, no
 * returns), and every generation's sentence perplexities repeat generation max(from, 1)'s. A recipe's
 * findings about change (collapse, growth, forgetting, a shift) must not hold on it.
 */
export function frozen(data: RecipeData, from = 0): RecipeData {
  const key = (cell: string, replicate: number) => `${cell}#${replicate}`;
  const start = new Map(data.rows.filter((row) => row.generation === from).map((row) => [key(row.cell.id, row.replicate), row.values]));
  const texts = Math.max(from, 1);
  const firstTexts = new Map(data.sentencePerplexities.filter((one) => one.generation === texts).map((one) => [key(one.cell, one.replicate), one.values]));
  return {
    ...data,
    rows: data.rows.map((row) => ({ ...row, values: row.generation < from ? row.values : start.get(key(row.cell.id, row.replicate))! })),
    survival: data.survival.map((series) => ({
      ...series,
      firstAbsent: new Int32Array(series.firstAbsent.length),
      lastSeen: new Int32Array(series.lastSeen.length).fill(series.generations),
      comebacks: new Int32Array(series.comebacks.length),
    })),
    sentencePerplexities: data.sentencePerplexities.map((one) => (one.generation < texts ? one : { ...one, values: firstTexts.get(key(one.cell, one.replicate))! })),
  };
}

/** The verdicts by finding name. */
export function verdicts(recipe: Recipe, data: RecipeData): Record<string, boolean> {
  return Object.fromEntries(recipe.findings(data).map((finding) => [finding.name, finding.holds]));
}
