/**
 * The body of a run config (`--config FILE`, the playground's `#config=` address): one parsed JSON
 * object -> the run options it gives, each value checked for its JSON shape and parsed once, by its
 * row of the option table (./options.ts RUN_OPTIONS). No node: imports: the browser playground
 * validates its address with this very code and gets the CLI's messages.
 *
 * Keys are written in camelCase (`humanRatio`) or as the flag's name (`human-ratio`); see runConfig.ts
 * for the file format. Every problem is a UsageError naming `where`, the key and the value.
 * `runSettingsFrom(values)` assembles the library's RunSettings from parsed run options (defaults
 * from DEFAULT_RUN), in DEFAULT_RUN's key order (the run record's fingerprint is JSON of it).
 */

import { UsageError } from '../errors.js';
import { DEFAULT_RUN, type RunSettings, type SharedSettings, type SweepSettings } from '../simulation/settings.js';
import { attributeName, type AnyOption, type ValueOption } from './optionRow.js';
import { COMMAND_LINE_ONLY, RUN_OPTIONS, SHARED_ROWS, SWEEP_ROWS } from './options.js';
import { nonBlankPath } from './parseValues.js';

/** The rows a config file may set: every run option but those about the command line itself. */
const FILE_ROWS: Readonly<Record<string, AnyOption>> = Object.fromEntries(
  Object.entries(RUN_OPTIONS).filter(([key]) => !(COMMAND_LINE_ONLY as readonly string[]).includes(key)),
);

/** Every key a config file may hold (camelCase). */
export const CONFIG_KEYS: readonly string[] = Object.keys(FILE_ROWS);

/** A config object's options: as written (`raw`: text as a flag would take it, string lists, booleans) and parsed. */
export interface ConfigEntries {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The refusal of a key only the command line takes (`config`, `printConfig`, `resume`) in a config file. */
function commandLineOnlyInFile(where: string, name: string, flag: string): UsageError {
  return new UsageError(`${where}: "${name}" cannot be set in a config file`, `pass ${flag} on the command line`);
}

/**
 * Validates one parsed config object. `where` starts every message, about the whole object (`--config
 * f.json must hold one JSON object`) or one key (`--config f.json: "order" must be ...`).
 * `commandLineOnly` words the refusal of a key only the command line takes, for where the object came
 * from (a page's link has no command line to pass it on).
 */
export function configEntries(parsed: unknown, where: string, commandLineOnly = commandLineOnlyInFile): ConfigEntries {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${where} must hold one JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`, 'write {"humanRatio": [0, 0.1], ...}');
  }
  const raw: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  // the name each key was first given under (`human-ratio` or `humanRatio`)
  const spelled = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const key = attributeName(name);
    const row = Object.hasOwn(FILE_ROWS, key) ? FILE_ROWS[key] : undefined;
    if (row === undefined && (COMMAND_LINE_ONLY as readonly string[]).includes(key)) {
      throw commandLineOnly(where, name, RUN_OPTIONS[key as (typeof COMMAND_LINE_ONLY)[number]].flag);
    }
    if (row === undefined) throw new UsageError(`${where}: unknown key "${name}"`, `known keys: ${CONFIG_KEYS.join(', ')}`);
    if (spelled.has(key)) throw new UsageError(`${where}: "${spelled.get(key)!}" and "${name}" are one setting, given twice`, 'keep one of them');
    spelled.set(key, name);
    const label = `${where}: "${name}"`;
    raw[key] = fileValue(row, value, label);
    values[key] = parseValue(row, raw[key], label);
  }
  return { raw, values };
}

/** The parsed values of a config object (configEntries(...).values). */
export function configValues(parsed: unknown, where: string): Record<string, unknown> {
  return { ...configEntries(parsed, where).values };
}

function parseValue(row: AnyOption, raw: unknown, label: string): unknown {
  if (row.value === undefined) return raw;
  const item = (text: string): unknown => row.parse(row.file === true ? nonBlankPath(text, label) : text, label);
  return row.many === true ? (raw as string[]).map(item) : item(raw as string);
}

/** One value of the file, checked for its JSON shape: a JSON array is the list a flag writes with commas. */
function fileValue(row: AnyOption, value: unknown, label: string): unknown {
  const kind = row.value === undefined ? 'boolean' : row.many === true ? 'strings' : row.value === '<list>' ? 'list' : 'scalar';
  const wrong = (expected: string): never => {
    throw new UsageError(`${label} must be ${expected}, got ${JSON.stringify(value)}`, `write ${expected}`);
  };
  // (a path is a string: `{"out": 5}` wrote a file named 5, and `{"out": true}` was told to write a number: audit)
  if (kind === 'scalar' && (row as ValueOption<unknown>).file === true) return typeof value === 'string' ? value : wrong('a file or folder name in quotes');
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
    default:
      return scalar(value);
  }
}

/** Parsed run options (absent = undefined) -> RunSettings, defaults from DEFAULT_RUN. */
export function runSettingsFrom(values: Readonly<Record<string, unknown>>): RunSettings {
  const sweep: Record<string, unknown> = { ...DEFAULT_RUN.sweep };
  for (const key of Object.keys(SWEEP_ROWS)) if (values[key] !== undefined) sweep[key] = values[key];
  const shared: Record<string, unknown> = { ...DEFAULT_RUN };
  for (const key of Object.keys(SHARED_ROWS)) if (values[key] !== undefined) shared[key] = values[key];
  return { ...(shared as unknown as SharedSettings), sweep: sweep as unknown as SweepSettings };
}
