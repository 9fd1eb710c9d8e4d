/**
 * RunRecord: the sidecar `<out>.run.json` written next to a curves CSV before its first row. It holds
 * what the rows depend on (the run's identity: resolved settings, loader options and a digest of the
 * tokenized corpus, the program version; not the corpus paths, which may differ between machines) and
 * the shard, so that `--resume` can refuse to continue
 * a file with other settings and `merge` can check that shards belong together and restore canonical
 * order; and, for readers, the run's provenance (command line, split sizes, N, held-out overlap),
 * which the report shows at its top.
 *
 * Contract: `fingerprint` = SHA-256 of the canonical JSON (keys sorted) of the identity; two runs with
 * equal fingerprints write the same rows. `describeDifferences` names the identity fields that differ.
 * `writeRunRecord(csvPath, record)` writes the sidecar whole; `prepareRunRecord` writes it beside its
 * place and returns the rename (a fresh run empties its old curves in between); `readUnplacedRunRecord`
 * reads one left beside its place, for --resume.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { checkCorpusShape, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError, UsageError } from '../errors.js';
import { parseShard } from '../simulation/shard.js';
import { checkValue, shownValue, TEXT_RULE } from '../validation/valueRule.js';
import { flagName } from '../validation/flagName.js';
import { checkCorpusNames, checkIdentity, checkRunRecord } from './runRecordShape.js';
import type { RunSettings } from '../simulation/settings.js';
import { dirname } from 'node:path';
import { makeFolder } from './makeFolder.js';
import { isSpecialFile, partialPath, prepareWholeFileSync, type PreparedFile } from './wholeFile.js';
import { shellWord } from './shellWord.js';

export interface RunIdentity {
  readonly version: string;
  /** Loader options (tokenizer, lowercase, ...), as resolved. */
  readonly load: Readonly<Record<string, unknown>>;
  readonly corpusDigest: string;
  readonly settings: RunSettings;
  /** Whether per-token extinction rows are written alongside (resume must continue them too). */
  readonly extinctions: boolean;
}

/**
 * Where a run came from, for readers of its results (the report shows it; information only, not part
 * of the fingerprint): the command line, the split's sizes, N and the measured size, and how much of
 * the held-out set H already holds verbatim.
 */
export interface RunProvenance {
  /** The command as typed (arguments quoted where the shell needs it). */
  readonly command: string;
  readonly human: { readonly sentences: number; readonly tokens: number; readonly types: number };
  readonly heldout: { readonly sentences: number; readonly tokens: number };
  /** N: tokens per batch. */
  readonly batchTokens: number;
  /** Tokens of the text each row of generation >= 1 measures. */
  readonly measureTokens: number;
  /** Share of held-out sentences that occur verbatim in H; null without a held-out set. */
  readonly heldout_overlap: number | null;
}

export interface RunRecord {
  readonly tool: 'ngram-collapse';
  readonly fingerprint: string;
  /** "i/n" */
  readonly shard: string;
  /** The corpus as given on the command line (information only). */
  readonly corpus?: readonly string[];
  /**
   * H's seed-count histogram (count in H -> number of seed types), so `merge --summary` can add the
   * survival law's rows without the corpus (information only: a function of the identity).
   */
  readonly seedCounts?: Readonly<Record<string, number>>;
  readonly identity: RunIdentity;
  readonly provenance?: RunProvenance;
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function fingerprint(identity: RunIdentity): string {
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/**
 * SHA-256 of the token strings and the corpus's ids and sentence offsets. O(corpus). UsageError for a
 * corpus that is no TokenCorpus (plain arrays hashed as nothing: two corpora had one digest: review)
 * or tokens that are no list of strings.
 */
export function corpusDigest(corpus: TokenCorpus, tokens: readonly string[]): string {
  checkCorpusShape('corpus', corpus);
  if (!Array.isArray(tokens) || Array.from(tokens).some((token) => typeof token !== 'string')) {
    throw new UsageError(`tokens must be a list of token strings, got ${shownValue(tokens)}`, 'pass vocabulary.toArray()', 'tokens');
  }
  const hash = createHash('sha256');
  hash.update(tokens.join('\n'));
  hash.update(new Uint8Array(corpus.ids.buffer, corpus.ids.byteOffset, corpus.ids.byteLength));
  hash.update(new Uint8Array(corpus.offsets.buffer, corpus.offsets.byteOffset, corpus.offsets.byteLength));
  return hash.digest('hex');
}

export function runRecordPath(csvPath: string): string {
  return `${csvPath}.run.json`;
}

/**
 * The run record written beside a curves CSV (`<csv>.run.json`): what the run was, for --resume and
 * merge to check. UsageError for an identity without its fields of their kinds, a shard not `i/n`, a
 * corpus that is no list of names (they were Node's TypeErrors, or a record no reader takes: library probe).
 */
export function makeRunRecord(
  identity: RunIdentity,
  shard: string,
  corpus?: readonly string[],
  provenance?: RunProvenance,
  seedCounts?: Readonly<Record<string, number>>,
): RunRecord {
  checkIdentity(identity);
  parseShard(shard, 'shard');
  checkCorpusNames(corpus);
  return {
    tool: 'ngram-collapse',
    fingerprint: fingerprint(identity),
    shard,
    ...(corpus === undefined ? {} : { corpus }),
    ...(seedCounts === undefined ? {} : { seedCounts }),
    identity,
    ...(provenance === undefined ? {} : { provenance }),
  };
}

/** A command line as one string: arguments with characters the shell treats specially are single-quoted. */
export function commandLine(program: string, args: readonly string[]): string {
  return [program, ...args].map(shellWord).join(' ');
}

export function writeRunRecord(csvPath: string, record: RunRecord): void {
  prepareRunRecord(csvPath, record)();
}

/**
 * The run record written beside `csvPath` as `<record>.partial` now (a failure thrown before anything
 * else is done), and a function that puts it in place: a fresh run empties its old curves between the
 * two, so a record that cannot be written leaves them as they were.
 */
export function prepareRunRecord(csvPath: string, record: RunRecord): PreparedFile {
  if (isSpecialFile(csvPath)) return Object.assign(() => undefined, { discard: () => undefined }); // curves to a device (/dev/null): no run to resume or merge, no file beside it
  const path = runRecordPath(csvPath);
  makeFolder(dirname(path));
  return prepareWholeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
}

/** The sidecar of `csvPath`, or undefined if there is none; InputError if it is unreadable. */
export function readRunRecord(csvPath: string): RunRecord | undefined {
  // (undefined looked for ./undefined.run.json: review)
  checkValue('csvPath', csvPath, TEXT_RULE);
  const path = runRecordPath(csvPath);
  if (!existsSync(path)) return undefined;
  try {
    return recordAt(path);
  } catch (error) {
    throw new InputError(`${path} is not a run record of ngram-collapse (${(error as Error).message})`, 'delete it, or restore the file written with the CSV');
  }
}

/**
 * The run record written beside its place and never put there (`<record>.partial`: a run killed
 * between writing its record and renaming it, the old curves emptied in between), or undefined where
 * there is none or it is no whole record (a write cut short). Only --resume reads it, to tell a run
 * that began from none (a requeue that always adds --resume was refused there: probe).
 */
export function readUnplacedRunRecord(csvPath: string): RunRecord | undefined {
  checkValue('csvPath', csvPath, TEXT_RULE);
  const path = partialPath(runRecordPath(csvPath));
  if (!existsSync(path)) return undefined;
  try {
    return recordAt(path);
  } catch {
    return undefined;
  }
}

/** The record in the file at `path`, checked whole; throws an Error saying what is wrong. */
function recordAt(path: string): RunRecord {
  const record = JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
  if (record.tool !== 'ngram-collapse' || typeof record.fingerprint !== 'string' || typeof record.shard !== 'string') throw new Error('not a run record');
  // (the fields makeRunRecord takes and the report shows, so that merge's record of the shards is made
  // and plot falls back to the curves alone: an edited record was refused there, naming no file: review)
  checkRunRecord(record);
  return record;
}

/**
 * The identity fields whose values differ, as a user names them: a setting by its flag
 * (`settings.sweep.humanRatio`: `--human-ratio`), the corpus digest as the corpus's tokens, N as the
 * batch size, which is `--tokens` or H's size (it was named `settings.tokens`, which no user typed:
 * audit); a field of no known kind by its dotted path. `name` names them otherwise: settingName, the
 * library's names (`humanRatio`), for the library's own refusals (mergeCurves; the CLI prints the flags:
 * cliTerms.ts); fieldName, the flags, for the CLI's (resumeRun).
 */
export function describeDifferences(a: unknown, b: unknown, name: (path: string) => string = fieldName): string[] {
  return differingPaths(a, b).map(name);
}

/** The name of one identity field in a message, as a command line names it: a setting by its flag (settingName's name as flagName spells it). */
export function fieldName(path: string): string {
  const named = FIELD_NAMES[path];
  if (named !== undefined) return named;
  const setting = SETTING_PATH.exec(path);
  return setting === null ? path : flagName(setting[1]!);
}

/**
 * The name of one identity field in a library's message: a setting by its name in RunSettings or
 * LoadOptions (`settings.sweep.humanRatio`: `humanRatio`), `extinctions` and `shard` as themselves,
 * the rest as fieldName says them (the corpus's tokens, the batch size N, a dotted path).
 */
export function settingName(path: string): string {
  if (path === 'extinctions' || path === 'shard') return path;
  const named = FIELD_NAMES[path];
  if (named !== undefined) return named;
  return SETTING_PATH.exec(path)?.[1] ?? path;
}

const SETTING_PATH = /^(?:settings\.(?:sweep\.)?|load\.)([a-zA-Z]+)$/u;

const FIELD_NAMES: Readonly<Record<string, string>> = Object.freeze({
  corpusDigest: "the corpus's tokens",
  version: 'the program version',
  extinctions: '--extinctions',
  shard: '--shard',
  'settings.tokens': 'the batch size N',
});

/** Dotted paths of the identity fields whose values differ, e.g. ['settings.sweep.humanRatio']. */
function differingPaths(a: unknown, b: unknown, prefix = ''): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differingPaths(a[key], b[key], prefix === '' ? key : `${prefix}.${key}`));
  }
  return canonicalJson(a) === canonicalJson(b) ? [] : [prefix];
}
