/**
 * The `ngram-collapse recipe` command line that reproduces a recipe run, every scale setting spelled
 * out (for findings.md and the playground's presets). No file access.
 */

import type { Recipe, RecipeScale } from './recipe.js';

/** The command that reproduces a run, every scale setting spelled out. */
export function recipeCommandLine(recipe: Recipe, corpus: readonly string[], scale: RecipeScale): string {
  const corpora = corpus.map((spec) => `--corpus ${/^[\w:./-]+$/u.test(spec) ? spec : JSON.stringify(spec)}`).join(' ');
  return `ngram-collapse recipe ${recipe.name} ${corpora} --generations ${scale.generations} --replicates ${scale.replicates} --seed ${scale.seed}`;
}
