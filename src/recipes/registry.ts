/**
 * The recipes, in the order `recipe list` shows them.
 *
 * Contract: `RECIPES` lists every recipe once; `findRecipe(name)` returns the recipe of that name or
 * throws a UsageError that lists the valid names.
 */

import { UsageError } from '../errors.js';
import { accumulate } from './accumulate.js';
import { anchor } from './anchor.js';
import { drift } from './drift.js';
import { growth } from './growth.js';
import { humanRatio } from './humanRatio.js';
import { perplexityShift } from './perplexityShift.js';
import { subword } from './subword.js';
import { truncation } from './truncation.js';
import { verification } from './verification.js';
import type { Recipe } from './recipe.js';

export const RECIPES: readonly Recipe[] = [drift, humanRatio, accumulate, anchor, truncation, perplexityShift, verification, growth, subword];

export function findRecipe(name: string): Recipe {
  const recipe = RECIPES.find((candidate) => candidate.name === name);
  if (recipe === undefined) {
    throw new UsageError(`unknown recipe '${name}'`, `choose one of: ${RECIPES.map((r) => r.name).join(', ')}; see ngram-collapse recipe list`);
  }
  return recipe;
}
