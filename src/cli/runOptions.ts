/**
 * The options of `ngram-collapse run` as a declarative table, typed against the library's settings:
 * a sweepable setting without a row here is a compile error (the `satisfies` clauses below).
 *
 * The ranges are the library's (CELL_RULES / SHARED_RULES in src/simulation/validateSettings.ts), so a
 * bad flag reads as the library's check words it, with the flag's name.
 * `resolveRunSettings(values)` turns the raw strings commander collected into RunSettings; it runs
 * nothing and throws UsageError on the first bad value (tests pin the messages).
 */

import { SMOOTHING_NAMES } from '../model/languageModel.js';
import {
  DEFAULT_RUN,
  STRATEGIES,
  type RunSettings,
  type SharedSettings,
  type SweepSettings,
} from '../simulation/settings.js';
import { formatSelectRule, parseSelectRule, SELECT_FORMS } from '../simulation/curation.js';
import { CELL_RULES, SHARED_RULES } from '../simulation/validateSettings.js';
import { fromRule, listOf, type Parse } from './parseValues.js';

export interface OptionRow<Key extends string, Value> {
  /** The key in the settings, also commander's attribute name. */
  readonly key: Key;
  readonly flags: string;
  readonly description: string;
  readonly parse: Parse<Value>;
}

type SweepRows = { readonly [K in keyof SweepSettings]: OptionRow<K, SweepSettings[K]> };
type Optional = 'tokens' | 'measureTokens';
type SharedRows = { readonly [K in Exclude<keyof SharedSettings, Optional>]: OptionRow<K, SharedSettings[K]> } & {
  readonly [K in Optional]: OptionRow<K, number>;
};

/** A --select rule, written back in its canonical form (m0:low:0.80 -> m0:low:0.8). */
const selectRule: Parse<string> = (raw, flag) => formatSelectRule(parseSelectRule(raw, flag));

export const SWEEP_OPTIONS = {
  humanRatio: { key: 'humanRatio', flags: '--human-ratio <list>', description: 'share of human tokens in each batch, 0..1 (list)', parse: listOf(fromRule(CELL_RULES.humanRatio)) },
  strategy: { key: 'strategy', flags: '--strategy <list>', description: `training data: ${STRATEGIES.join(' | ')} (list)`, parse: listOf(fromRule(CELL_RULES.strategy)) },
  humanPool: { key: 'humanPool', flags: '--human-pool <list>', description: 'fixed: the same human sentences each generation; fresh: a new sample (list)', parse: listOf(fromRule(CELL_RULES.humanPool)) },
  anchor: { key: 'anchor', flags: '--anchor <list>', description: 'fixed human sentences added to every training set (list)', parse: listOf(fromRule(CELL_RULES.anchor)) },
  order: { key: 'order', flags: '--order <list>', description: 'n-gram order n >= 1 (list)', parse: listOf(fromRule(CELL_RULES.order)) },
  smoothing: { key: 'smoothing', flags: '--smoothing <list>', description: `${SMOOTHING_NAMES.join(' | ')} (list)`, parse: listOf(fromRule(CELL_RULES.smoothing)) },
  vocab: { key: 'vocab', flags: '--vocab <list>', description: 'observed: only what the training data holds; seed: the seed vocabulary (list)', parse: listOf(fromRule(CELL_RULES.vocab)) },
  temperature: { key: 'temperature', flags: '--temperature <list>', description: 'sampling temperature > 0 (list)', parse: listOf(fromRule(CELL_RULES.temperature)) },
  topK: { key: 'topK', flags: '--top-k <list>', description: 'keep the k most probable next tokens; 0 = off (list)', parse: listOf(fromRule(CELL_RULES.topK)) },
  topP: { key: 'topP', flags: '--top-p <list>', description: 'nucleus sampling mass, 0 < p <= 1; 1 = off (list)', parse: listOf(fromRule(CELL_RULES.topP)) },
  select: { key: 'select', flags: '--select <list>', description: `curate the synthetic share before training: ${SELECT_FORMS} (list)`, parse: listOf(selectRule) },
  tokensGrowth: { key: 'tokensGrowth', flags: '--tokens-growth <list>', description: "generation g's batch holds round(N * R^(g-1)) tokens, 0 < R <= 10 (list)", parse: listOf(fromRule(CELL_RULES.tokensGrowth)) },
} as const satisfies SweepRows;

export const SHARED_OPTIONS = {
  generations: { key: 'generations', flags: '--generations <n>', description: 'generations after the seed', parse: fromRule(SHARED_RULES.generations) },
  tokens: { key: 'tokens', flags: '--tokens <n>', description: 'tokens per generation (default: tokens of the human pool)', parse: fromRule(SHARED_RULES.tokens) },
  measureTokens: { key: 'measureTokens', flags: '--measure-tokens <n>', description: 'tokens of the text each row measures: the synthetic share topped up from the same model (default: --tokens)', parse: fromRule(SHARED_RULES.measureTokens) },
  k: { key: 'k', flags: '--k <k>', description: 'add-k constant, > 0', parse: fromRule(SHARED_RULES.k) },
  holdout: { key: 'holdout', flags: '--holdout <share>', description: 'held-out share of sentences, 0 <= h < 1 (0 disables held-out metrics)', parse: fromRule(SHARED_RULES.holdout) },
  rareThreshold: { key: 'rareThreshold', flags: '--rare-threshold <n>', description: 'a seed type is rare if its count in H is <= n', parse: fromRule(SHARED_RULES.rareThreshold) },
  maxSentenceLength: { key: 'maxSentenceLength', flags: '--max-sentence-length <n>', description: 'cap on a sampled sentence, in tokens', parse: fromRule(SHARED_RULES.maxSentenceLength) },
  replicates: { key: 'replicates', flags: '--replicates <n>', description: 'replicates per cell', parse: fromRule(SHARED_RULES.replicates) },
  seed: { key: 'seed', flags: '--seed <n>', description: 'seed of every random draw', parse: fromRule(SHARED_RULES.seed) },
} as const satisfies SharedRows;

/** Default value of every run option, as the string a user would type. */
export function defaultText(key: keyof SweepSettings | keyof SharedSettings): string | undefined {
  if (key in DEFAULT_RUN.sweep) return (DEFAULT_RUN.sweep[key as keyof SweepSettings] as readonly unknown[]).join(',');
  const value = DEFAULT_RUN[key as keyof SharedSettings];
  return value === undefined ? undefined : String(value);
}

/** Raw option values (strings as typed, or undefined when absent) -> RunSettings. */
export function resolveRunSettings(values: Readonly<Record<string, unknown>>): RunSettings {
  const sweep: Record<string, unknown> = { ...DEFAULT_RUN.sweep };
  for (const row of Object.values(SWEEP_OPTIONS)) {
    const raw = values[row.key];
    if (raw !== undefined) sweep[row.key] = row.parse(String(raw), flagName(row.flags));
  }
  const shared: Record<string, unknown> = { ...DEFAULT_RUN };
  for (const row of Object.values(SHARED_OPTIONS)) {
    const raw = values[row.key];
    if (raw !== undefined) shared[row.key] = row.parse(String(raw), flagName(row.flags));
  }
  return { ...(shared as unknown as SharedSettings), sweep: sweep as unknown as SweepSettings };
}

export function flagName(flags: string): string {
  return flags.split(/[ ,]/u)[0]!;
}
