/**
 * validateRunSettings / validateCellSettings: the checks behind every public entry of the simulation
 * (simulate, simulateAsync and prepareRun through prepareRun; runSeries and seriesSteps per series);
 * validateSweep, the sweep's part, also behind expandCells.
 *
 * Contract: one ValueRule per setting (CELL_RULES for the sweep's, SHARED_RULES for the rest), typed so that a setting without a rule is a compile
 * error; the CLI parses its flags with the same rules (src/cli/options.ts), so a bad value reads the
 * same from the library (`sweep.humanRatio must be a number >= 0 and <= 1, got '1.5'`) and from the CLI
 * (`--human-ratio must be ...`). Every field of RunSettings is required except `tokens` (default: the
 * tokens of H) and `measureTokens` (default: the batch size N); DEFAULT_RUN holds the documented defaults to spread from. A missing field is named, an
 * unknown one refused (a typo would otherwise be ignored). Throws UsageError; returns the settings.
 */

import { RARE_THRESHOLD_RULE } from '../metrics/seedReference.js';
import { SMOOTHING_NAMES, VOCAB_MODES } from '../model/languageModel.js';
import { UsageError } from '../errors.js';
import { BOOLEAN_RULE, checkOptionalFunction, checkList, checkObject, checkValue, integerRule, nameRule, numberRule, refuseUnknownKeys, shownValue, TEXT_RULE, typedValue, type ValueRule } from '../validation/valueRule.js';
import { SAMPLING_RULES } from '../sampler/sampling.js';
import { formatSelectRule, parseSelectRule, SELECT_FORMS } from './curation.js';
import { HUMAN_POOLS, ownSettings, STRATEGIES, type CellSettings, type RunSettings, type SharedSettings, type SweepSettings } from './settings.js';

/**
 * A --select rule (curation.ts): none, dedup, m0:low:Q, ..., in its canonical spelling (`tail:0.1`, not
 * `tail:0.10`), as the CLI writes what it parses: two spellings of one rule would be two cells, named and
 * seeded apart, that curate alike.
 */
const SELECT_RULE: ValueRule<string> = Object.freeze<ValueRule<string>>({
  // Stryker disable next-line StringLiteral: equivalent, a rule's kind is only ever compared with 'number' and 'name'
  kind: 'text',
  allowed: `one of ${SELECT_FORMS}`,
  accepts: (value): value is string => typeof value === 'string' && canonicalSelectRule(value) === value,
  hintFor: (value) => {
    const canonical = typeof value === 'string' ? canonicalSelectRule(value) : undefined;
    return canonical === undefined ? undefined : `'${canonical}', the rule's own spelling`;
  },
});

/** The canonical text of a --select rule, or undefined when `text` is no rule. */
function canonicalSelectRule(text: string): string | undefined {
  try {
    return formatSelectRule(parseSelectRule(text));
  } catch {
    return undefined;
  }
}

/** The rule of every cell (sweepable) setting. */
export const CELL_RULES: { readonly [K in keyof CellSettings]-?: ValueRule<CellSettings[K]> } = Object.freeze({
  strategy: nameRule(STRATEGIES),
  humanRatio: numberRule(0, 1),
  humanPool: nameRule(HUMAN_POOLS),
  anchor: integerRule(0),
  order: integerRule(1, 10),
  smoothing: nameRule(SMOOTHING_NAMES),
  vocab: nameRule(VOCAB_MODES),
  temperature: SAMPLING_RULES.temperature,
  topK: SAMPLING_RULES.topK,
  topP: SAMPLING_RULES.topP,
  select: SELECT_RULE,
  tokensGrowth: numberRule(0, 10, true),
});

/** The most generations a run may have. */
export const MAX_GENERATIONS = 100_000;

/** The rule of every shared setting. */
export const SHARED_RULES: { readonly [K in keyof SharedSettings]-?: ValueRule<NonNullable<SharedSettings[K]>> } = Object.freeze({
  generations: integerRule(1, MAX_GENERATIONS),
  tokens: integerRule(1),
  measureTokens: integerRule(1),
  k: numberRule(0, Number.POSITIVE_INFINITY, true),
  holdout: numberRule(0, 1, false, true),
  rareThreshold: RARE_THRESHOLD_RULE,
  maxSentenceLength: integerRule(1, 1_000_000),
  replicates: integerRule(1, 100_000),
  seed: integerRule(0),
});

/** Shared settings that may be left out. */
const OPTIONAL_SHARED: ReadonlySet<string> = new Set<keyof SharedSettings>(['tokens', 'measureTokens']);


/**
 * The settings a run reads: `given` checked, then its frozen copy (ownSettings), checked too: the copy
 * holds own fields only (settings whose fields are getters on a prototype lost them in it, and a
 * missing generations looped for ever: audit). prepareRun and simulateAsync take this, never `given`.
 */
export function ownValidSettings(given: unknown): RunSettings {
  return validateRunSettings(ownSettings(validateRunSettings(given)));
}

/** Checks a whole RunSettings (shared fields, then every sweep list). */
export function validateRunSettings(settings: unknown): RunSettings {
  const object = checkObject('settings', settings);
  refuseUnknownKeys(object, [...Object.keys(SHARED_RULES), 'sweep'], 'setting');
  for (const [key, rule] of Object.entries(SHARED_RULES) as Array<[string, ValueRule<unknown>]>) {
    if (object[key] === undefined && OPTIONAL_SHARED.has(key)) continue;
    checkValue(key, object[key], rule);
  }
  validateSweep(object['sweep']);
  return settings as RunSettings;
}

/** Checks a sweep (RunSettings' `sweep`, also as expandCells takes it): every cell setting a valid list. */
export function validateSweep(given: unknown): SweepSettings {
  const sweep = checkObject('sweep', given);
  refuseUnknownKeys(sweep, Object.keys(CELL_RULES), 'sweep setting');
  for (const [key, rule] of Object.entries(CELL_RULES) as Array<[string, ValueRule<unknown>]>) {
    if (sweep[key] === undefined) throw new UsageError(`sweep.${key} is required`, `pass a non-empty list of values, each ${rule.allowed}`, `sweep.${key}`);
    checkList(`sweep.${key}`, sweep[key], rule);
  }
  checkCellCount(sweep);
  return given as SweepSettings;
}

/** The most cells a sweep may have, as generations and replicates have their most. */
export const MAX_CELLS = 100_000;

/** The product of the sweep lists' lengths at most MAX_CELLS (10^6 cells took 12 s to list and 10^9 ran out of memory: audit). */
function checkCellCount(sweep: Readonly<Record<string, unknown>>): void {
  const lengths = Object.keys(CELL_RULES).map((key) => (sweep[key] as readonly unknown[]).length);
  const cells = lengths.reduce((product, length) => product * length, 1);
  if (cells <= MAX_CELLS) return;
  const factors = Object.keys(CELL_RULES).flatMap((key, i) => (lengths[i]! > 1 ? [`${lengths[i]!} ${key}`] : []));
  throw new UsageError(`the sweep has ${cells} cells (${factors.join(' x ')}), more than ${MAX_CELLS}`, 'sweep fewer values at once, in several runs', 'sweep');
}

/** Checks one cell's settings (a hand-built cell passed to runSeries). */
export function validateCellSettings(settings: unknown, field = 'cell.settings'): CellSettings {
  const object = checkObject(field, settings);
  refuseUnknownKeys(object, Object.keys(CELL_RULES), 'cell setting');
  for (const [key, rule] of Object.entries(CELL_RULES) as Array<[string, ValueRule<unknown>]>) checkValue(`${field}.${key}`, object[key], rule);
  return settings as CellSettings;
}

/** Checks the arguments of runSeries / seriesSteps: a prepared run, a cell, a replicate >= 1, hooks with `emit`. */
export function validateSeriesArguments(run: unknown, cell: unknown, replicate: unknown, hooks: unknown): void {
  checkPreparedRun(run);
  const cellObject = checkObject('cell', cell);
  validateCellSettings(cellObject['settings']);
  checkValue('cell.key', cellObject['key'], TEXT_RULE);
  checkValue('cell.id', cellObject['id'], TEXT_RULE);
  checkValue('replicate', replicate, integerRule(1));
  // Every hook is a function, but for the generation-0 sharing (an object), which the refusal of an
  // unknown hook names too (it was left out of the known ones: audit).
  const object = checkObject('hooks', hooks);
  refuseUnknownKeys(object, [...SERIES_HOOKS, 'generation0'], 'hook');
  const { generation0, ...functions } = object;
  checkHooks(functions, 'emit', 'hooks', SERIES_HOOKS);
  if (generation0 !== undefined) checkGeneration0Sharing(generation0);
}

/** A PreparedRun by its fields, and its settings (prepareRun's result, or one rebuilt from its parts). */
export function checkPreparedRun(run: unknown): void {
  const prepared = checkObject('run', run);
  if (!('reference' in prepared) || !('human' in prepared)) throw new UsageError(`run must be a PreparedRun, got ${Object.keys(prepared).join(', ') || 'an empty object'}`, 'build it with prepareRun(corpus, idSpace, settings)');
  validateRunSettings(prepared['settings']);
}

/** runTasks's tasks: a list of SeriesTask (a raw TypeError before: `tasks.slice is not a function`, audit). */
export function checkTaskList(tasks: unknown): void {
  const hint = 'pass seriesTasks(settings), or a slice of it';
  if (!Array.isArray(tasks)) throw new UsageError(`tasks must be a list of SeriesTask, got ${shownValue(tasks)}`, hint);
  for (const [i, task] of tasks.entries()) {
    const object = typeof task === 'object' && task !== null ? (task as Record<string, unknown>) : {};
    const cell = object['cell'] as Record<string, unknown> | null | undefined;
    const whole = Number.isInteger(object['position']) && Number.isInteger(object['replicate']) && typeof cell === 'object' && cell !== null && typeof cell['settings'] === 'object';
    if (!whole) throw new UsageError(`tasks[${i}] must be a SeriesTask (position, cell, replicate), got ${shownValue(task)}`, hint);
  }
}

/** hooks.generation0: `{ keeper: a Generation0Keeper, keep: true or false }`. */
function checkGeneration0Sharing(value: unknown): void {
  const sharing = checkObject('hooks.generation0', value);
  refuseUnknownKeys(sharing, ['keeper', 'keep'], 'hooks.generation0 key');
  // (A Generation0Keeper by its methods: generationZero.ts sits above this file, which it must not import.)
  const keeper = sharing['keeper'] as Record<string, unknown> | null | undefined;
  if (typeof keeper !== 'object' || keeper === null || !['take', 'keep', 'clear'].every((method) => typeof keeper[method] === 'function')) throw new UsageError(`hooks.generation0.keeper must be a Generation0Keeper, got ${shownValue(sharing['keeper'])}`, 'pass new Generation0Keeper() or leave hooks.generation0 out', 'hooks.generation0.keeper');
  if (typeof sharing['keep'] !== 'boolean') throw new UsageError(`hooks.generation0.keep must be true or false, got ${typedValue(sharing['keep'], 'boolean')}`, 'pass whether a later task shares this generation 0', 'hooks.generation0.keep');
}

/** The hooks of a series (besides `generation0`, an object) and the handlers of runTasks / simulateAsync. */
export const SERIES_HOOKS: readonly string[] = ['emit', 'warn', 'onTexts', 'onModel0', 'onProgress'];
export const TASK_HANDLERS: readonly string[] = ['onRow', 'onEnd', 'onTexts', 'onProgress'];

/**
 * Every given member of `field` must be a function, and one of `known` (a misspelt hook would never be
 * called); `required` (e.g. `emit`) must be given.
 */
export function checkHooks(hooks: unknown, required: string | null = 'emit', field = 'hooks', known: readonly string[] = SERIES_HOOKS): void {
  const object = checkObject(field, hooks);
  refuseUnknownKeys(object, known, field === 'hooks' ? 'hook' : 'handler');
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined && typeof value !== 'function') {
      throw new UsageError(`${field}.${key} must be a function, got ${shownValue(value)}`, key === required ? 'pass a function that receives each row' : 'pass a function or leave it out', `${field}.${key}`);
    }
  }
  if (required !== null && typeof object[required] !== 'function') throw new UsageError(`${field}.${required} is required`, `pass ${field}.${required} as a function that receives each row`, `${field}.${required}`);
}

/** Worker threads: a whole number from 1 to 1024 (the CLI's --workers too). */
export const WORKERS_RULE: ValueRule<number> = integerRule(1, 1024);

/** The options and handlers of runTasks / simulateAsync: `workers` 1..1024, handlers functions. Returns the options object. */
/**
 * TaskExtras's keys (seriesTask.ts, which imports this module: the test of validateTaskOptions checks
 * the list against the type), each a boolean (a misspelt one, `extinction`, did nothing: audit).
 */
export const EXTRAS_KEYS: readonly string[] = Object.freeze(['extinctions', 'texts', 'sentencePerplexities']);

function checkExtras(extras: Readonly<Record<string, unknown>>): void {
  refuseUnknownKeys(extras, EXTRAS_KEYS, 'options.extras key');
  for (const key of EXTRAS_KEYS) if (extras[key] !== undefined) checkValue(`options.extras.${key}`, extras[key], BOOLEAN_RULE);
}

export function validateTaskOptions(options: unknown, handlers: unknown, known?: readonly string[]): Readonly<Record<string, unknown>> {
  const object = checkObject('options', options);
  // (`known`: the caller's option keys, runTasks's TASK_OPTIONS and simulateAsync's own; other keys are refused)
  if (known !== undefined) refuseUnknownKeys(object, known, 'option');
  if (object['workers'] !== undefined) checkValue('options.workers', object['workers'], WORKERS_RULE);
  if (object['inThisThread'] !== undefined) checkValue('options.inThisThread', object['inThisThread'], BOOLEAN_RULE);
  if (object['signal'] !== undefined && !(object['signal'] instanceof AbortSignal)) throw new UsageError(`options.signal must be an AbortSignal, got ${shownValue(object['signal'])}`, 'pass an AbortController\'s signal, or leave it out', 'options.signal');
  checkOptionalFunction('options.warn', object['warn']);
  if (object['extras'] !== undefined) checkExtras(checkObject('options.extras', object['extras']));
  const script = object['workerScript'];
  if (script !== undefined && !(script instanceof URL) && (typeof script !== 'string' || script === '' || (script.startsWith('file:') && !URL.canParse(script)))) throw new UsageError(`options.workerScript must be a URL or a path, got ${shownValue(script)}`, 'leave it out: the package finds its worker', 'options.workerScript');
  checkHooks(handlers, null, 'handlers', TASK_HANDLERS);
  // (an onTexts without texts asked for was never called, without a word: library probe)
  const extras = object['extras'] as { texts?: unknown } | undefined;
  if (typeof (handlers as { onTexts?: unknown } | null)?.onTexts === 'function' && extras?.texts !== true) {
    throw new UsageError('handlers.onTexts is called only when options.extras.texts is true, and it is not', 'pass extras: { texts: true } for each generation\'s text, or leave onTexts out', 'handlers.onTexts');
  }
  return object;
}
