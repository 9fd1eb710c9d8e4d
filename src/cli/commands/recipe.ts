/**
 * `ngram-collapse recipe list` and `ngram-collapse recipe NAME [--corpus SPEC...] [--out DIR]
 * [--replicates R] [--generations G] [--seed S] [--quiet]`: the literature's findings, each reproduced
 * by one command (src/recipes computes, ../runRecipe.ts writes).
 *
 * Contract: `list` prints one line per recipe (name, title, default corpus and scale) to io.stdout.
 * `NAME` checks the options (UsageError), the recipe name (UsageError listing the valid names) and that
 * --out (default `recipe-NAME`) can be written (InputError), all before any work; then runs the recipe,
 * writes its outputs, and prints each finding with its verdict and the folder written to io.stdout
 * (progress to io.stderr unless --quiet). A finding that does not hold is a result, not an error: the
 * exit code is 0. Relative paths resolve against io.cwd.
 */

import { Command } from 'commander';
import { resolve } from 'node:path';
import { checkWritableFolder } from '../../export/outputPaths.js';
import { findRecipe, RECIPES } from '../../recipes/registry.js';
import { recipeCommandLine, runRecipe } from '../runRecipe.js';
import { addLoadOptions, resolveLoadOptions } from '../corpusOptions.js';
import type { CliIO } from '../io.js';
import { SHARED_RULES } from '../../simulation/validateSettings.js';
import { fromRule } from '../parseValues.js';

export function recipeCommand(io: CliIO): Command {
  const command = new Command('recipe')
    .description('reproduce a published model-collapse finding: `recipe list` names them, `recipe NAME` runs one')
    .argument('<name>', '`list`, or the name of a recipe')
    .option('--corpus <spec...>', "a file, a folder, a glob, - for stdin, or brown / brown:<category> (default: the recipe's)")
    .option('--out <dir>', 'folder for the outputs (default: recipe-NAME)')
    .option('--generations <n>', "generations after the seed (default: the recipe's)")
    .option('--replicates <n>', "replicates per cell (default: the recipe's)")
    .option('--seed <n>', 'seed of every random draw (default: 42)')
    .option('--quiet', 'print nothing but errors');
  addLoadOptions(command);
  command.action(async (name: string, values: Record<string, unknown>) => {
    if (name === 'list') {
      io.stdout.write(recipeList());
      return;
    }
    await recipeAction(name, values, io);
  });
  return command;
}

export function recipeList(): string {
  const width = Math.max(...RECIPES.map((recipe) => recipe.name.length));
  return RECIPES.map(
    (recipe) =>
      `${recipe.name.padEnd(width)}  ${recipe.title} (${recipe.defaultCorpus.join(', ')}, ${recipe.defaults.generations} generations, ${recipe.defaults.replicates} replicates)\n`,
  ).join('');
}

async function recipeAction(name: string, values: Record<string, unknown>, io: CliIO): Promise<void> {
  const optional = (key: 'generations' | 'replicates' | 'seed', flag: string): number | undefined =>
    values[key] === undefined ? undefined : fromRule(SHARED_RULES[key])(String(values[key]), flag);
  const generations = optional('generations', '--generations');
  const replicates = optional('replicates', '--replicates');
  const seed = optional('seed', '--seed');
  const recipe = findRecipe(name);
  const quiet = values['quiet'] === true;
  const warn = (message: string): void => {
    if (!quiet) io.stderr.write(`ngram-collapse: warning: ${message}\n`);
  };
  const load = resolveLoadOptions(values, io, warn);
  const outText = values['out'] === undefined ? `recipe-${recipe.name}` : String(values['out']);
  const out = resolve(io.cwd, outText);
  checkWritableFolder(out, io.cwd, '--out');
  const corpus = (values['corpus'] as string[] | undefined) ?? [...recipe.defaultCorpus];
  const scale = {
    generations: generations ?? recipe.defaults.generations,
    replicates: replicates ?? recipe.defaults.replicates,
    seed: seed ?? 42,
  };
  const started = Date.now();
  const outcome = await runRecipe(recipe, {
    out,
    cwd: io.cwd,
    corpus,
    ...scale,
    load,
    command: `${recipeCommandLine(recipe, corpus, scale)}${values['out'] === undefined ? '' : ` --out ${outText}`}`,
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
