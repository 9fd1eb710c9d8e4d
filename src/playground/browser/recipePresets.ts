/**
 * The recipes as one-click presets (`#preset-list`): the scale boxes (generations, replicates; blank:
 * the recipe's own), then per recipe its title, claim, notes, sources and a "Run recipe NAME" button.
 * `runRecipe` checks the scale as `ngram-collapse recipe` does, moves to the recipe's corpus (a
 * user's own corpus stays), loads it and starts the recipe in the worker; a recipe that starts
 * nothing moves back to the corpus it moved from.
 */

import { describeError } from '../../errors.js';
import { RECIPE_OPTIONS } from '../../cli/options.js';
import { checkRecipeScale, type RecipeScale } from '../../recipes/recipe.js';
import { recipeCommandLine } from '../../recipes/recipeCommand.js';
import { RECIPES } from '../../recipes/registry.js';
import type { PageSettings, ResolvedPage } from '../pageConfig.js';
import { corpora, splitFor } from './corpusLoad.js';
import { $, labelFor, plainTyping, showMessage } from './elements.js';
import { page, rowsKeyNow } from './pageState.js';
import { keepClearOfRunBar } from './runBarClearance.js';
import { beginRun } from './runLifecycle.js';
import { loadForStart, showRefusal } from './runStart.js';
import { validate } from './settingsCheck.js';
import { fillControls } from './settingsControls.js';
import { setState } from './settingsState.js';
import { RECIPE_SCALE_REFUSED, RUN_REFUSED, SETTING_REFUSED } from './statusLines.js';
import { send } from './workerLink.js';

type Recipe = (typeof RECIPES)[number];

export function buildPresets(): void {
  const host = $('preset-list');
  const error = document.createElement('p');
  error.className = 'error';
  error.id = 'preset-error';
  error.setAttribute('aria-live', 'polite');
  host.append(scaleInputs(), error);
  // A recipe that compares tokenizers reads the corpus once per tokenizer, published encodings
  // included, which the page does not carry: it stays a CLI recipe (`ngram-collapse recipe subword`).
  for (const recipe of RECIPES.filter((candidate) => candidate.tokenizers === undefined)) host.append(presetArticle(recipe));
}

function scaleInputs(): HTMLDivElement {
  const scale = document.createElement('div');
  scale.className = 'controls';
  for (const [id, label] of [['preset-generations', 'Generations (empty: the recipe\'s)'], ['preset-replicates', 'Replicates (empty: the recipe\'s)']] as const) {
    const wrapper = document.createElement('div');
    const labelElement = labelFor(id, label);
    const input = document.createElement('input');
    input.type = 'text';
    input.id = id;
    plainTyping(input);
    input.addEventListener('input', clearScaleMessages);
    wrapper.append(labelElement, input);
    scale.append(wrapper);
  }
  return scale;
}

function presetArticle(recipe: Recipe): HTMLElement {
  const article = document.createElement('article');
  article.className = 'preset';
  const title = document.createElement('h3');
  title.textContent = recipe.title;
  const claim = document.createElement('p');
  claim.textContent = `Claim: ${recipe.claim}`;
  // the recipe's notes beside the literature's claim (human-ratio's "minor", beside a ✓, read as the tool's verdict: audit)
  const notes = (recipe.notes ?? []).map((text) => {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = `Note: ${text}`;
    return note;
  });
  const source = document.createElement('cite');
  source.textContent = recipe.sources.join('; ');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `Run recipe ${recipe.name}`;
  button.addEventListener('click', () => void runRecipe(recipe.name));
  article.append(title, claim, ...notes, source, document.createElement('br'), button);
  return article;
}

/**
 * What was said about the scale before (a changed scale box, or a recipe pressed): the scale's refusal
 * and its status, and a recipe's run the worker refused, said under the settings until a setting
 * changed: the scale, which refused it, is not a setting, so it stood beside another scale's refusal
 * (probe). The last run's warnings come back in its place while the settings are still theirs.
 */
function clearScaleMessages(): void {
  showMessage('preset-error', '');
  if ($('run-status').textContent === RECIPE_SCALE_REFUSED) $('run-status').textContent = '';
  if (page.refusedRecipe === undefined || page.running) return;
  if (($('run-status').textContent ?? '').startsWith(RUN_REFUSED)) $('run-status').textContent = '';
  showMessage('settings-error', page.rowsKey === rowsKeyNow() ? page.rowsMessages : '');
  page.refusedRecipe = undefined;
  page.refusedConfig = undefined;
}

/** The recipe's --generations or --replicates as typed (blank: the recipe's own), parsed by the CLI's row; undefined (said under the presets) when refused. */
function scaleValue(id: string, row: 'generations' | 'replicates', fallback: number): number | undefined {
  const raw = $<HTMLInputElement>(id).value.trim();
  if (raw === '') return fallback;
  try {
    // (the recipe's own rows: --generations is 2..100000 there; the run's 1..100000 said otherwise: audit)
    return RECIPE_OPTIONS[row].parse(raw, RECIPE_OPTIONS[row].flag);
  } catch (error) {
    showMessage('preset-error', `ngram-collapse: ${describeError(error)}`);
    return undefined;
  }
}

/** The recipe's scale as the CLI checks it (a recipe compares generations: at least 2, or its own fewest), or undefined (said under the presets). */
function recipeScale(recipe: Recipe): RecipeScale | undefined {
  // (in the CLI's order: --generations is refused first)
  const generations = scaleValue('preset-generations', 'generations', recipe.defaults.generations);
  if (generations === undefined) return undefined;
  const replicates = scaleValue('preset-replicates', 'replicates', recipe.defaults.replicates);
  if (replicates === undefined) return undefined;
  try {
    return checkRecipeScale({ generations, replicates, seed: Number(page.state.values.seed) }, recipe);
  } catch (error) {
    showMessage('preset-error', `ngram-collapse: ${describeError(error)}`);
    return undefined;
  }
}

/**
 * The corpus a recipe runs on: a user's own corpus (dropped or pasted) is the one they mean, as
 * `recipe --corpus` runs it; else the recipe's own corpus when the page holds it (recipes never ran on
 * a user's corpus: audit).
 */
function recipeCorpus(recipe: Recipe): string {
  const { state } = page;
  return page.userCorpora.has(state.corpus) ? state.corpus : (recipe.defaultCorpus.find((spec) => corpora.has(spec)) ?? state.corpus);
}

/**
 * A recipe that starts nothing moves back to the corpus it moved from (unless the corpus was chosen
 * since), reading it again (it stayed on its own corpus beside the other's statistics: audit).
 */
function moveBack(corpus: string, stateBefore: PageSettings): void {
  if (corpus !== stateBefore.corpus && page.state.corpus === corpus) {
    setState({ ...page.state, corpus: stateBefore.corpus });
    fillControls();
  }
}

async function runRecipe(name: string): Promise<void> {
  const recipe = RECIPES.find((candidate) => candidate.name === name)!;
  const stateBefore = page.recipeWaitingFrom ?? page.state;
  clearScaleMessages();
  const scale = recipeScale(recipe);
  if (scale === undefined) {
    // (said nowhere in view: the message stood at the top of the recipe list, off screen: round 2)
    $('run-status').textContent = RECIPE_SCALE_REFUSED;
    keepClearOfRunBar();
    $('preset-error').scrollIntoView({ block: 'nearest' });
    return;
  }
  if (page.running) return;
  const corpus = recipeCorpus(recipe);
  if (corpus !== page.state.corpus) {
    // (through setState, so that the address and the share link name the corpus the recipe runs on: audit)
    setState({ ...page.state, corpus }, false);
    fillControls();
  }
  const resolved = validate();
  if (resolved === undefined) {
    // (the status said the last run's "Stopped ..." beside a recipe that never began: audit)
    $('run-status').textContent = SETTING_REFUSED;
    moveBack(corpus, stateBefore);
    return showRefusal();
  }
  const seed = Number(page.state.values.seed);
  // bpe:K learns on the recipe's H, as `ngram-collapse recipe` does (the recipe's first run's split).
  const first = recipe.runs({ generations: scale.generations, replicates: scale.replicates, seed })[0]!;
  page.recipeWaitingFrom = stateBefore;
  const verdict = await loadForStart(resolved, splitFor(resolved, first.holdout, first.seed));
  // (a recipe replaced by a later press leaves the corpus, and the way back, to it)
  if (verdict === 'replaced') return;
  page.recipeWaitingFrom = undefined;
  if (verdict === 'not started') return moveBack(corpus, stateBefore);
  startRecipe(recipe, scale, corpus, seed, resolved, stateBefore);
}

/** Begins the recipe's run in the worker, its command line shown under Export. */
function startRecipe(recipe: Recipe, scale: RecipeScale, corpus: string, seed: number, resolved: ResolvedPage, stateBefore: PageSettings): void {
  if (!beginRun(recipe.name, stateBefore)) return;
  const { generations, replicates } = scale;
  $('run-status').textContent = `Running recipe ${recipe.name}…`;
  page.lastCommand = recipeCommandLine(recipe, [corpus], { generations, replicates, seed }, resolved.load);
  page.rowsCommand = page.lastCommand;
  $<HTMLTextAreaElement>('command-line').value = page.lastCommand;
  send({ type: 'recipe', recipe: recipe.name, generations, replicates, seed });
}
