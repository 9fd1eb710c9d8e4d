/**
 * `ngram-collapse recipe list` and `ngram-collapse recipe NAME [--corpus SPEC...] [--out DIR]
 * [--replicates R] [--generations G] [--seed S] [--quiet]`: the literature's findings, each reproduced
 * by one command (src/recipes).
 *
 * Contract: `list` prints one line per recipe (name, title, default corpus and scale) to io.stdout.
 * `NAME` checks the options (UsageError), the recipe name (UsageError listing the valid names) and that
 * --out (default `recipe-NAME`) can be written (InputError), all before any work; then runs the recipe,
 * writes its outputs, and prints each finding with its verdict and the folder written to io.stdout
 * (progress to io.stderr unless --quiet). A finding that does not hold is a result, not an error: the
 * exit code is 0. Relative paths resolve against io.cwd.
 */

import type { Command } from 'commander';
import { resolve } from 'node:path';
import { checkWritableFolder } from '../../export/outputPaths.js';
import { findRecipe, RECIPES } from '../../recipes/registry.js';
import { recipeCommandLine, runRecipe } from '../../recipes/runRecipe.js';
import { loadFlags, loadOptionsFor, warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, parseOptions, type CommandSpec } from '../optionTable.js';
import { RECIPE_OPTIONS, type LoadFlags } from '../options.js';

export interface RecipeSettings {
  /** `list`, or a recipe's name (checked by the action: findRecipe names the valid ones). */
  readonly name: string;
  readonly corpus?: readonly string[];
  readonly out?: string;
  readonly generations?: number;
  readonly replicates?: number;
  readonly seed: number;
  readonly quiet: boolean;
  readonly load: LoadFlags;
}

export const RECIPE_SPEC: CommandSpec<RecipeSettings> = {
  name: 'recipe',
  description: 'reproduce a published model-collapse finding: `recipe list` names them, `recipe NAME` runs one',
  arguments: [['<name>', '`list`, or the name of a recipe']],
  options: RECIPE_OPTIONS,
  resolve: ([name], raw) => {
    const values = parseOptions(RECIPE_OPTIONS, raw);
    return {
      name: name!,
      ...(values.corpus === undefined ? {} : { corpus: values.corpus }),
      ...(values.out === undefined ? {} : { out: values.out }),
      ...(values.generations === undefined ? {} : { generations: values.generations }),
      ...(values.replicates === undefined ? {} : { replicates: values.replicates }),
      seed: values.seed,
      quiet: values.quiet === true,
      load: loadFlags(values),
    };
  },
};

export function recipeCommand(io: CliIO): Command {
  return commandFor(RECIPE_SPEC, () => resolveContext(io), async (settings) => {
    if (settings.name === 'list') {
      io.stdout.write(recipeList());
      return;
    }
    await recipeAction(settings, io);
  });
}

export function recipeList(): string {
  const width = Math.max(...RECIPES.map((recipe) => recipe.name.length));
  return RECIPES.map(
    (recipe) =>
      `${recipe.name.padEnd(width)}  ${recipe.title} (${recipe.defaultCorpus.join(', ')}, ${recipe.defaults.generations} generations, ${recipe.defaults.replicates} replicates)\n`,
  ).join('');
}

async function recipeAction(settings: RecipeSettings, io: CliIO): Promise<void> {
  const recipe = findRecipe(settings.name);
  const quiet = settings.quiet;
  const warn = warnTo(io, quiet);
  const load = loadOptionsFor(settings.load, io, warn);
  const outText = settings.out ?? `recipe-${recipe.name}`;
  const out = resolve(io.cwd, outText);
  checkWritableFolder(out, io.cwd, '--out');
  const corpus = settings.corpus ?? [...recipe.defaultCorpus];
  const scale = {
    generations: settings.generations ?? recipe.defaults.generations,
    replicates: settings.replicates ?? recipe.defaults.replicates,
    seed: settings.seed,
  };
  const started = Date.now();
  const outcome = await runRecipe(recipe, {
    out,
    corpus,
    ...scale,
    load,
    command: `${recipeCommandLine(recipe, corpus, scale)}${settings.out === undefined ? '' : ` --out ${outText}`}`,
    warn,
    onProgress: (done, total, cell) => {
      if (!quiet) io.stderr.write(`recipe ${recipe.name}: ${done}/${total} series done (${cell})\n`);
    },
  });
  if (quiet) return;
  const holding = outcome.findings.filter((finding) => finding.holds).length;
  io.stdout.write(`${recipe.name}: ${recipe.title}\n`);
  for (const finding of outcome.findings) {
    io.stdout.write(`  ${finding.holds ? 'holds        ' : 'does not hold'}  ${finding.name}\n      ${finding.observed}\n`);
  }
  io.stdout.write(`${holding} of ${outcome.findings.length} findings hold; ${((Date.now() - started) / 1000).toFixed(1)} s; outputs in ${outText}\n`);
}
