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

import { shellWord } from '../../export/shellWord.js';
import type { Command } from 'commander';
import { DEFAULT_LOAD_OPTIONS } from '../../corpus/loadOptions.js';
import { RunIncompleteError, UsageError } from '../../errors.js';
import { checkWritableFolder } from '../../export/outputPaths.js';
import { checkStandardOutputNotCorpus } from '../outputPaths.js';
import { findRecipe, RECIPES } from '../../recipes/registry.js';
import { checkRecipeScale, observedText, oneReplicateCaveat, verdictCount, verdictOf, type Finding, type Recipe } from '../../recipes/recipe.js';
import { recipeCommandLine, RecipeStoppedError, runRecipe, type RecipeOutcome } from '../runRecipe.js';
import { loadOptionsFor, loadValuesOf, warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { SIGNAL_EXIT_CODES, signalsHandled, watchSignals, type SignalWatch } from '../signals.js';
import type { ParsedOptions } from '../optionRow.js';
import { commandFor, tableSpec } from '../optionTable.js';
import { RECIPE_OPTIONS } from '../options.js';

export const RECIPE_SPEC = tableSpec(
  'recipe',
  'reproduce a published model-collapse finding: `recipe list` names them, `recipe NAME` runs one',
  RECIPE_OPTIONS,
  [['<name>', '`list`, or the name of a recipe']],
);

export function recipeCommand(io: CliIO): Command {
  return commandFor(RECIPE_SPEC, () => resolveContext(io), async ({ args, options }, command) => {
    const name = args[0]!;
    if (name === 'list') {
      // (`recipe list --out x` ran nothing and wrote nothing, and said nothing of it)
      const given = command.options.filter((option) => command.getOptionValueSource(option.attributeName()) === 'cli').map((option) => option.long ?? option.flags);
      if (given.length > 0) throw new UsageError(`recipe list takes no options, got ${given.join(', ')}`, 'give them to a recipe: ngram-collapse recipe NAME ...');
      io.stdout.write(recipeList());
      return;
    }
    await recipeAction(name, options, io);
  });
}

export function recipeList(): string {
  const width = Math.max(...RECIPES.map((recipe) => recipe.name.length));
  return RECIPES.map(
    (recipe) =>
      `${recipe.name.padEnd(width)}  ${recipe.title} (${recipe.defaultCorpus.join(', ')}, ${recipe.defaults.generations} generations, ${recipe.defaults.replicates} replicates)\n`,
  ).join('');
}

async function recipeAction(name: string, values: ParsedOptions<typeof RECIPE_OPTIONS>, io: CliIO): Promise<void> {
  const recipe = findRecipe(name);
  const quiet = values.quiet === true;
  const warn = warnTo(io, quiet);
  const loadValues = loadValuesOf(values);
  refuseOwnTokenizerFlags(recipe, values);
  const load = loadOptionsFor(loadValues, io, warn);
  const outText = values.out ?? `recipe-${recipe.name}`;
  checkWritableFolder(outText, io.cwd, '--out');
  const corpus = values.corpus === undefined ? [...recipe.defaultCorpus] : [...values.corpus];
  // (its findings go to standard output: `>> c.txt` appended them to the corpus: audit)
  if (!quiet) checkStandardOutputNotCorpus(corpus, io.cwd);
  const scale = checkRecipeScale({
    generations: values.generations ?? recipe.defaults.generations,
    replicates: values.replicates ?? recipe.defaults.replicates,
    seed: values.seed,
  }, recipe);
  const started = Date.now();
  // Watched from here: a signal stops the recipe between two generations (nothing written), or the
  // writing between two files.
  const signals: SignalWatch = watchSignals();
  const outcome = await runRecipe(recipe, {
    signal: signals.signal,
    out: outText,
    cwd: io.cwd,
    corpus,
    ...scale,
    load,
    command: `${recipeCommandLine(recipe, corpus, scale, recipe.tokenizers === undefined ? load : { ...load, tokenizer: undefined, lowercase: undefined })}${values.out === undefined ? '' : ` --out ${shellWord(outText)}`}`,
    warn,
    onProgress: (done, total, cell) => {
      if (!quiet) io.stderr.write(`recipe ${recipe.name}: ${done}/${total} series done (${cell})\n`);
    },
  })
    .catch((error: unknown) => {
      if (!(error instanceof RecipeStoppedError)) throw error;
      const name = signals.received() ?? 'SIGINT';
      throw new RunIncompleteError(`interrupted by ${name} while recipe ${recipe.name} ran: nothing written, ${outText} as it was`, 'run the recipe again', SIGNAL_EXIT_CODES[name] ?? 130);
    })
    .finally(async () => {
      // (the event loop polls once more: a signal that arrived as the last file was renamed is handled, not dropped)
      await signalsHandled();
      signals.settle();
    });
  checkAllWritten(recipe, outcome, signals.received(), outText);
  if (quiet) return;
  printFindings(io, recipe, outcome.findings, started, outText, scale.replicates);
}

/** A recipe with tokenizers of its own reads the corpus its way: --tokenizer and --lowercase / --no-lowercase are refused. */
function refuseOwnTokenizerFlags(recipe: Recipe, values: ParsedOptions<typeof RECIPE_OPTIONS>): void {
  if (recipe.tokenizers !== undefined && (values.tokenizer !== undefined && values.tokenizer !== DEFAULT_LOAD_OPTIONS.tokenizer || values.lowercase !== undefined)) {
    throw new UsageError(
      `recipe ${recipe.name} reads the corpus with its own tokenizers (${recipe.tokenizers.join(', ')}) and case: --tokenizer and --lowercase / --no-lowercase do not apply`,
      `leave them out: the recipe compares these tokenizers itself, each with case kept`,
    );
  }
}

/** RunIncompleteError when files were left unwritten or a signal (`received`) came while the last ones were written. */
function checkAllWritten(recipe: Recipe, outcome: RecipeOutcome, received: string | undefined, outText: string): void {
  if (outcome.unwritten.length === 0 && received === undefined) return;
  const name = received ?? 'SIGINT';
  // (a signal while the last step, the report and its figures, was written: every file is there, yet the exit code says the signal)
  throw outcome.unwritten.length === 0
    ? new RunIncompleteError(`interrupted by ${name} as its last files were written: recipe ${recipe.name} ran and wrote every file in ${outText}`, 'nothing is left to do', SIGNAL_EXIT_CODES[name] ?? 130)
    : new RunIncompleteError(
        `interrupted by ${name}: recipe ${recipe.name} ran; ${outText} holds this run's files and no earlier run's; not written: ${outcome.unwritten.join(', ')}`,
        'run the recipe again to write them all',
        SIGNAL_EXIT_CODES[name] ?? 130,
      );
}

/** The recipe's findings on standard output, one verdict each, then the count, the seconds since `started`, the folder and the one-replicate caveat. */
function printFindings(io: CliIO, recipe: Recipe, findings: readonly Finding[], started: number, outText: string, replicates: number): void {
  io.stdout.write(`${recipe.name}: ${recipe.title}\n`);
  for (const finding of findings) {
    io.stdout.write(`  ${verdictOf(finding).padEnd(13)}  ${finding.name}\n      ${observedText(finding)}\n`);
  }
  io.stdout.write(`${verdictCount(findings, 'findings')}; ${((Date.now() - started) / 1000).toFixed(1)} s; outputs in ${outText}\n`);
  const caveat = oneReplicateCaveat(replicates);
  if (caveat !== undefined) io.stdout.write(`${caveat}\n`);
}
