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
