/**
 * The options of `ngram-collapse run` as a declarative table, typed against the library's settings:
 * a sweepable setting without a row here is a compile error (the `satisfies` clauses below).
 *
 * `resolveRunSettings(values)` turns the raw strings commander collected into RunSettings; it runs
 * nothing and throws UsageError on the first bad value (tests pin the messages).
 */

import { SMOOTHING_NAMES, VOCAB_MODES } from '../model/languageModel.js';
import {
  DEFAULT_RUN,
  HUMAN_POOLS,
  STRATEGIES,
  type RunSettings,
  type SharedSettings,
  type SweepSettings,
} from '../simulation/settings.js';
import { checkTemperature, checkTopK, checkTopP, TEMPERATURE_RANGE, TOP_K_RANGE, TOP_P_RANGE } from '../sampler/sampling.js';
import { checkedNumber, integerIn, listOf, numberIn, oneOf, type Parse } from './parseValues.js';

export interface OptionRow<Key extends string, Value> {
  /** The key in the settings, also commander's attribute name. */
  readonly key: Key;
  readonly flags: string;
  readonly description: string;
  readonly parse: Parse<Value>;
}

type SweepRows = { readonly [K in keyof SweepSettings]: OptionRow<K, SweepSettings[K]> };
type SharedRows = { readonly [K in Exclude<keyof SharedSettings, 'tokens'>]: OptionRow<K, SharedSettings[K]> } & {
  readonly tokens: OptionRow<'tokens', number>;
};

const ratio = numberIn(0, 1);

export const SWEEP_OPTIONS = {
  humanRatio: { key: 'humanRatio', flags: '--human-ratio <list>', description: 'share of human tokens in each batch, 0..1 (list)', parse: listOf(ratio) },
  strategy: { key: 'strategy', flags: '--strategy <list>', description: `training data: ${STRATEGIES.join(' | ')} (list)`, parse: listOf(oneOf(STRATEGIES)) },
  humanPool: { key: 'humanPool', flags: '--human-pool <list>', description: 'fixed: the same human sentences each generation; fresh: a new sample (list)', parse: listOf(oneOf(HUMAN_POOLS)) },
  anchor: { key: 'anchor', flags: '--anchor <list>', description: 'fixed human sentences added to every training set (list)', parse: listOf(integerIn(0)) },
  order: { key: 'order', flags: '--order <list>', description: 'n-gram order n >= 1 (list)', parse: listOf(integerIn(1, 10)) },
  smoothing: { key: 'smoothing', flags: '--smoothing <list>', description: `${SMOOTHING_NAMES.join(' | ')} (list)`, parse: listOf(oneOf(SMOOTHING_NAMES)) },
  vocab: { key: 'vocab', flags: '--vocab <list>', description: 'observed: only what the training data holds; seed: the seed vocabulary (list)', parse: listOf(oneOf(VOCAB_MODES)) },
  temperature: { key: 'temperature', flags: '--temperature <list>', description: 'sampling temperature > 0 (list)', parse: listOf(checkedNumber(checkTemperature, TEMPERATURE_RANGE)) },
  topK: { key: 'topK', flags: '--top-k <list>', description: 'keep the k most probable next tokens; 0 = off (list)', parse: listOf(checkedNumber(checkTopK, TOP_K_RANGE)) },
  topP: { key: 'topP', flags: '--top-p <list>', description: 'nucleus sampling mass, 0 < p <= 1; 1 = off (list)', parse: listOf(checkedNumber(checkTopP, TOP_P_RANGE)) },
} as const satisfies SweepRows;

export const SHARED_OPTIONS = {
  generations: { key: 'generations', flags: '--generations <n>', description: 'generations after the seed', parse: integerIn(1, 100_000) },
  tokens: { key: 'tokens', flags: '--tokens <n>', description: 'tokens per generation (default: tokens of the human pool)', parse: integerIn(1) },
  k: { key: 'k', flags: '--k <k>', description: 'add-k constant, > 0', parse: numberIn(0, Number.POSITIVE_INFINITY, true) },
  holdout: { key: 'holdout', flags: '--holdout <share>', description: 'held-out share of sentences, 0 <= h < 1 (0 disables held-out metrics)', parse: numberIn(0, 1, false, true) },
  rareThreshold: { key: 'rareThreshold', flags: '--rare-threshold <n>', description: 'a seed type is rare if its count in H is <= n', parse: integerIn(1) },
  maxSentenceLength: { key: 'maxSentenceLength', flags: '--max-sentence-length <n>', description: 'cap on a sampled sentence, in tokens', parse: integerIn(1, 1_000_000) },
  replicates: { key: 'replicates', flags: '--replicates <n>', description: 'replicates per cell', parse: integerIn(1, 100_000) },
  seed: { key: 'seed', flags: '--seed <n>', description: 'seed of every random draw', parse: integerIn(0) },
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
