/**
 * The body of a run config (`--config FILE`, the playground's `#config=` address): one parsed JSON
 * object -> raw option values as commander would hold them (strings, the corpus as a string array,
 * booleans), keyed by camelCase name, each value checked by its option's parser. No node: imports:
 * the browser playground validates its address with this very code and gets the CLI's messages.
 *
 * Keys are written in camelCase (`humanRatio`) or as the flag's name (`human-ratio`); see runConfig.ts
 * for the file format. Every problem is a UsageError naming `where`, the key and the value.
 */

import { SENTENCE_MODES } from '../corpus/sentenceSplitter.js';
import { UsageError } from '../errors.js';
import { parseShard } from '../simulation/shard.js';
import { fromRule, integerIn, oneOf, tokenizerValue, type Parse } from './parseValues.js';
import { WORKERS_RULE } from '../simulation/validateSettings.js';
import { SHARED_OPTIONS, SWEEP_OPTIONS } from './runOptions.js';

type Kind = 'list' | 'scalar' | 'boolean' | 'strings';

const path: Parse<string> = (raw, flag) => {
  if (raw.trim() === '') throw new UsageError(`${flag} must be a path, got '${raw}'`, 'pass a file or folder name');
  return raw;
};

/** Every key a config file may hold, its kind, and the check of its value (sweep and shared rows check themselves). */
export const FILE_KEYS: Readonly<Record<string, { kind: Kind; parse: Parse<unknown> }>> = {
  corpus: { kind: 'strings', parse: path },
  ...Object.fromEntries(Object.values(SWEEP_OPTIONS).map((row) => [row.key, { kind: 'list' as const, parse: row.parse as Parse<unknown> }])),
  ...Object.fromEntries(Object.values(SHARED_OPTIONS).map((row) => [row.key, { kind: 'scalar' as const, parse: row.parse as Parse<unknown> }])),
  tokenizer: { kind: 'scalar', parse: tokenizerValue },
  lowercase: { kind: 'boolean', parse: (raw) => raw },
  sentences: { kind: 'scalar', parse: oneOf(SENTENCE_MODES) },
  emptySentences: { kind: 'boolean', parse: (raw) => raw },
  jsonlField: { kind: 'scalar', parse: path },
  normalize: { kind: 'boolean', parse: (raw) => raw },
  maxTokens: { kind: 'scalar', parse: integerIn(1) },
  out: { kind: 'scalar', parse: path },
  summary: { kind: 'scalar', parse: path },
  extinctions: { kind: 'scalar', parse: path },
  survival: { kind: 'scalar', parse: path },
  saveCorpora: { kind: 'scalar', parse: path },
  report: { kind: 'scalar', parse: path },
  sentencePerplexities: { kind: 'scalar', parse: path },
  workers: { kind: 'scalar', parse: fromRule(WORKERS_RULE) },
  shard: { kind: 'scalar', parse: (raw, flag) => parseShard(raw, flag) },
  quiet: { kind: 'boolean', parse: (raw) => raw },
};

export const CONFIG_KEYS: readonly string[] = Object.keys(FILE_KEYS);

export const camelCase = (name: string): string => name.replace(/^--/u, '').replace(/-([a-z0-9])/gu, (_, letter: string) => letter.toUpperCase());

/**
 * Validates one parsed config object. `where` starts messages about the whole object (`--config
 * f.json`), `file` those about one key (`f.json: "order"`).
 */
export function configValues(parsed: unknown, where: string, file: string): Record<string, unknown> {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${where} must hold one JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`, 'write {"humanRatio": [0, 0.1], ...}');
  }
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const key = camelCase(name);
    const entry = Object.hasOwn(FILE_KEYS, key) ? FILE_KEYS[key] : undefined;
    if (entry === undefined) {
      throw new UsageError(`${where}: unknown key "${name}"`, `known keys: ${CONFIG_KEYS.join(', ')}`);
    }
    if (key in values) throw new UsageError(`${where}: key "${name}" is given twice (as ${key})`, 'keep one of them');
    const label = `${file}: "${name}"`;
    values[key] = fileValue(entry.kind, value, label);
    if (entry.kind !== 'boolean') {
      const items = entry.kind === 'strings' ? (values[key] as string[]) : [values[key] as string];
      for (const item of items) entry.parse(item, label);
    }
  }
  return values;
}

function fileValue(kind: Kind, value: unknown, label: string): unknown {
  const wrong = (expected: string): never => {
    throw new UsageError(`${label} must be ${expected}, got ${JSON.stringify(value)}`, `write ${expected}`);
  };
  const scalar = (item: unknown): string => (typeof item === 'number' || typeof item === 'string' ? String(item) : wrong(kind === 'list' ? 'a list of numbers or names' : 'a number or a string'));
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong('true or false');
    case 'strings':
      if (typeof value === 'string') return [value];
      return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? value : wrong('a string or a non-empty array of strings');
    case 'list':
      if (Array.isArray(value)) return value.length === 0 ? wrong('a non-empty list') : value.map(scalar).join(',');
      return scalar(value);
    case 'scalar':
      return scalar(value);
  }
}
