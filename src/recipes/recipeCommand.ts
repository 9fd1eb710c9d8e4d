/**
 * The `ngram-collapse recipe` command line that reproduces a recipe run, every scale setting spelled
 * out, and each corpus option that is not its default (for findings.md and the playground's presets).
 * `--max-tokens` is spelled out too where it is not its default: a guard, it changes no number, but a
 * recipe that needs it raised (growth's later batches) is refused without it (it was left out: audit).
 * No file access.
 */

import type { TextOptions } from '../corpus/readText.js';
import { readingChanges } from '../corpus/readingChanges.js';
import { DEFAULT_MAX_TOKENS } from '../simulation/tokenGuards.js';
import type { Recipe, RecipeScale } from './recipe.js';
import { optionWords, shellWord } from '../export/shellWord.js';

/** The corpus options a recipe command can spell (the others are not the reader's settings). */
export type RecipeLoad = Partial<Pick<TextOptions, 'tokenizer' | 'lowercase' | 'sentences' | 'emptySentences' | 'jsonlField' | 'normalize' | 'maxTokens'>>;

/** The command that reproduces a run, every scale setting spelled out, then `load`'s non-default corpus options. */
export function recipeCommandLine(recipe: Recipe, corpus: readonly string[], scale: RecipeScale, load: RecipeLoad = {}): string {
  const corpora = corpus.flatMap((spec) => optionWords('--corpus', spec)).join(' ');
  const loadFlags = corpusFlags(load).map((flag) => ` ${flag}`).join('');
  return `ngram-collapse recipe ${recipe.name} ${corpora} --generations ${scale.generations} --replicates ${scale.replicates} --seed ${scale.seed}${loadFlags}`;
}

/** The flags of the corpus options in `load` that differ from their defaults (lowercase: from the tokenizer's). */
function corpusFlags(load: RecipeLoad): string[] {
  const changes = readingChanges(load);
  const flags: string[] = [];
  if (changes.tokenizer !== undefined) flags.push(`--tokenizer ${changes.tokenizer}`);
  if (changes.lowercase !== undefined) flags.push(changes.lowercase ? '--lowercase' : '--no-lowercase');
  if (changes.sentences !== undefined) flags.push(`--sentences ${changes.sentences}`);
  if (changes.emptySentences === true) flags.push('--empty-sentences');
  if (changes.jsonlField !== undefined) flags.push(`--jsonl-field ${shellWord(changes.jsonlField)}`);
  if (changes.normalize === 'none') flags.push('--no-normalize');
  if (load.maxTokens !== undefined && load.maxTokens !== DEFAULT_MAX_TOKENS) flags.push(`--max-tokens ${load.maxTokens}`);
  return flags;
}


