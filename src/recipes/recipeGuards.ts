/**
 * The --max-tokens guards of `run` applied to a recipe's own runs (simulation/tokenGuards.ts), worded
 * as the recipe's: the flags a refusal names are the recipe's own settings, not the user's (`recipe
 * growth's own --tokens-growth 2 makes ...`), with the remedies a recipe has (run's hint names --tokens
 * and --tokens-growth, which a recipe fixes itself). The CLI's `recipe` and the playground's recipe
 * presets apply them alike: `checkRecipeTokens` before the corpus is read, `checkRecipeCorpus` once it
 * is, before any run is simulated. Each throws a UsageError (an InputError for a corpus no run can
 * train on) and does nothing when maxTokens is undefined.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { checkCorpusGuards, checkTokenGuards } from '../simulation/tokenGuards.js';
import { MIN_RECIPE_GENERATIONS, type Recipe, type RecipeScale } from './recipe.js';

/** The guards known before the corpus is read (--tokens, --measure-tokens, growth with --tokens), for each of the recipe's runs. */
export function checkRecipeTokens(recipe: Recipe, scale: RecipeScale, maxTokens: number | undefined): void {
  for (const settings of recipe.runs(scale)) asRecipeGuard(recipe, scale, () => checkTokenGuards(settings, maxTokens));
}

/** The guards that need the corpus (the largest batch of --tokens-growth, accumulate's pool), for each run. */
export function checkRecipeCorpus(recipe: Recipe, scale: RecipeScale, corpus: TokenCorpus, maxTokens: number | undefined): void {
  for (const settings of recipe.runs(scale)) asRecipeGuard(recipe, scale, () => checkCorpusGuards(settings, corpus, maxTokens));
}

function asRecipeGuard(recipe: Recipe, scale: RecipeScale, check: () => void): void {
  try {
    check();
  } catch (error) {
    // (a batch's or a pool's size follows H's and the generations; a --select draw's, H's alone: fewer
    // --generations was advised for it, which cannot help: audit. checkCandidateDraw's refusal starts so.)
    if (!(error instanceof UsageError)) throw error;
    // (nor where the recipe runs its fewest generations already: growth at 3 was told to use fewer: audit)
    const fewest = recipe.fewestGenerations?.generations ?? MIN_RECIPE_GENERATIONS;
    const remedy = error.message.startsWith('--select ') || scale.generations <= fewest ? 'use a smaller corpus' : 'use fewer --generations or a smaller corpus';
    throw new UsageError(`recipe ${recipe.name}'s own ${error.message}`, `${remedy}, or raise --max-tokens if the machine has the memory`);
  }
}
