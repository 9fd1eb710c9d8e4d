/**
 * CorpusFiles: the `--save-corpora DIR` exporter. The text each row of generation g >= 1 measured is
 * written as `DIR/cell-<c>/replicate-<r>/generation-<g>.txt`, one sentence per line (an empty
 * sentence is an empty line), tokens joined by single spaces (the ids are turned back into their
 * token strings; the tokenizer's splits are not undone), and `DIR/manifest.json` says which cell
 * each folder holds, with what settings, and how many of each file's first lines were drawn for the
 * batch's synthetic share (`shareSentences`: with --select the first candidates in draw order, up to
 * the row's size, before selection; the
 * lines after them are the measuring top-up). `DIR/human.txt`
 * holds the human pool H in the same format (row 0's text, and the reference of the survival columns).
 *
 * Contract: `c` is the cell's 1-based index in canonical order. A file is written to a temporary name
 * and renamed, so it is either complete or absent, never torn. The manifest is written before the
 * first text and again, with the share counts, when the run ends (or stops); re-running (`--resume`)
 * rewrites the files of the series it redoes with the same bytes, and redoes a complete series whose
 * counts the manifest lacks (a run killed outright, SIGKILL, leaves the manifest written before its first
 * text); `readManifest` gives `--resume` the counts and the fingerprint of the manifest there. Re-read with `metrics --sentences
 * line --empty-sentences --tokenizer whitespace --no-lowercase --reference DIR/human.txt`, a file
 * gives exactly its row's text metrics (`--no-lowercase`: the run's tokens as written).
 */

import { existsSync, lstatSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { makeFolder } from './makeFolder.js';
import { writeWholeFileSync } from './wholeFile.js';
import { basename, join } from 'node:path';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { Cell } from '../simulation/cells.js';
import { inShard, type Shard } from '../simulation/shard.js';
import { InputError, UsageError } from '../errors.js';
import { checkObject, checkValue, integerRule, shownValue } from '../validation/valueRule.js';

/**
 * Where `--save-corpora DIR` writes the text of `cell`'s replicate (from 1) at `generation` (from 1);
 * UsageError for a `dir` that is no string, a `cell` without a whole `index` >= 0, or a replicate or
 * generation that is no whole number >= 1 (they were Node's TypeErrors, or a path of `undefined`: library probe).
 */
export function corpusFilePath(dir: string, cell: Cell, replicate: number, generation: number): string {
  if (typeof dir !== 'string') throw new UsageError(`dir must be a folder's path, got ${shownValue(dir)}`, "pass the folder the texts are saved in, or '' for the path inside it", 'dir');
  checkValue('cell.index', checkObject('cell', cell)['index'], integerRule(0));
  checkValue('replicate', replicate, integerRule(1));
  checkValue('generation', generation, integerRule(1));
  return join(dir, seriesFolder(cell, replicate), `generation-${generation}.txt`);
}

/** A cell's folder inside DIR: `cell-<c>` (c counts the sweep's cells from 1). */
export function cellFolder(cell: Cell): string {
  return `cell-${cell.index + 1}`;
}

/** A series' folder inside DIR: `cell-<c>/replicate-<r>`. */
export function seriesFolder(cell: Cell, replicate: number): string {
  return `${cellFolder(cell)}/replicate-${replicate}`;
}

/**
 * Whether `name`, an entry directly inside DIR, is one the exporter writes: `human.txt`,
 * `manifest.json` or a shard's `manifest-shard-<p>-of-<n>.json` (each also as its temporary file
 * while written, see `shardTag`), or a `cell-<c>` folder.
 */
export function isCorpusFolderEntry(name: string): boolean {
  return /^(?:(?:human\.txt|manifest(?:-shard-\d+-of-\d+)?\.json)(?:\.shard-\d+-of-\d+)?(?:\.partial)?|cell-\d+)$/u.test(name);
}

/** The manifest's file name: `manifest.json` for a whole run, `manifest-shard-<p>-of-<n>.json` for shard p of n. */
export function manifestName(shard: Shard): string {
  return shard.count === 1 ? 'manifest.json' : `manifest-shard-${shard.index}-of-${shard.count}.json`;
}

/**
 * The tag of the temporary file a shard writes `human.txt` through (`human.txt.shard-<p>-of-<n>.partial`):
 * shards sharing a folder write it at the same time, each through its own (undefined for a whole run).
 */
export function shardTag(shard: Shard): string | undefined {
  return shard.count === 1 ? undefined : `shard-${shard.index}-of-${shard.count}`;
}

/**
 * What a shard leaves when it clears (clearCorpusFolder's `share`): the series of the other shards of
 * its split, given the whole sweep's `tasks` (undefined for a whole run, which leaves none).
 */
export interface ShardShare {
  readonly shard: Shard;
  /** The other shards' series folders, `cell-<c>/replicate-<r>`. */
  readonly others: readonly string[];
}

export function shardShare(tasks: ReadonlyArray<{ readonly cell: Cell; readonly replicate: number; readonly position: number }>, shard: Shard): ShardShare | undefined {
  if (shard.count === 1) return undefined;
  return { shard, others: tasks.filter((task) => !inShard(task.position, shard)).map((task) => seriesFolder(task.cell, task.replicate)) };
}

/**
 * Removes the texts an earlier run wrote in `dir`: each cell-<c>/replicate-<r>/generation-<g>.txt that
 * is a regular file, and the folders that leaves empty (one the user may not remove stays: an empty
 * folder describes nothing), so that a fresh run's folder holds its own texts only, as its manifest
 * describes. A shard (`share`) leaves the other shards' series; an earlier run's series that belong to
 * no shard of this sweep (a larger sweep's) go. A manifest no longer true goes too: for a whole run
 * every shard's manifest, for shard p of n `manifest.json` and the manifests of a split into other than
 * n shards (those of its n - 1 fellow shards stay). Links are never followed nor removed, and any other
 * file is left where it is (human.txt and the run's manifest are rewritten by the run).
 */
export function clearCorpusFolder(dir: string, share?: ShardShare): void {
  const { cells, series } = earlierTexts(dir, share);
  for (const { folder, texts } of series) {
    for (const file of texts) rmSync(file, { force: true });
    removeIfEmpty(folder);
  }
  for (const cell of cells) removeIfEmpty(cell);
  clearOtherManifests(dir, share?.shard.count ?? 1);
}

/**
 * The files clearCorpusFolder removes, listed for the check before any work that each can be: an
 * InputError for a folder on the way this user may not read (the clear would fail on it).
 */
export function filesToClear(dir: string, share?: ShardShare): string[] {
  return [...earlierTexts(dir, share).series.flatMap((series) => series.texts), ...otherManifests(dir, share?.shard.count ?? 1)];
}

/**
 * An earlier run's texts in `dir`: its cell folders, and each series folder (but the other shards')
 * with the texts in it (regular files; links are not followed).
 */
function earlierTexts(dir: string, share?: ShardShare): { cells: string[]; series: Array<{ folder: string; texts: string[] }> } {
  if (!existsSync(dir)) return { cells: [], series: [] };
  const others = new Set(share?.others);
  const cells = entries(dir, /^cell-\d+$/u, 'folder');
  const series = cells.flatMap((cell) =>
    entries(cell, /^replicate-\d+$/u, 'folder')
      .filter((folder) => !others.has(`${basename(cell)}/${basename(folder)}`))
      .map((folder) => ({ folder, texts: entries(folder, /^generation-\d+\.txt(?:\.partial)?$/u, 'file') })),
  );
  return { cells, series };
}

/**
 * Removes the manifests of a split of the sweep into other than `shards` shards (manifest.json: 1):
 * the texts they describe are gone or rewritten by this run (a fresh run, or --resume, which rewrites
 * the series it redoes). Only regular files; a link is left where it is.
 */
export function clearOtherManifests(dir: string, shards: number): void {
  for (const file of otherManifests(dir, shards)) rmSync(file, { force: true });
}

/** The manifests in `dir` of a split into other than `shards` shards (regular files only): what clearOtherManifests removes. */
export function otherManifests(dir: string, shards: number): string[] {
  if (!existsSync(dir)) return [];
  return entries(dir, MANIFEST_NAME, 'file').filter((file) => Number(MANIFEST_NAME.exec(basename(file))![1] ?? 1) !== shards);
}

/** A manifest's name; group 1 the number of shards (absent for a whole run's `manifest.json`). */
const MANIFEST_NAME = /^manifest(?:-shard-\d+-of-(\d+))?\.json$/u;

/**
 * The paths of `folder`'s entries whose name matches and that are of `kind` itself (a link is neither).
 * Shards that share a folder clear it at the same time: an entry another one removed meanwhile (or
 * the folder itself) is no entry. A folder this user may not read is an InputError (a raw EACCES: audit).
 */
function entries(folder: string, names: RegExp, kind: 'folder' | 'file'): string[] {
  let listed: string[];
  try {
    listed = raceFree(() => readdirSync(folder), []);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    throw new InputError(`the folder ${folder} cannot be read (${(error as NodeJS.ErrnoException).code})`, 'choose another folder, or give yourself read permission there');
  }
  return listed
    .filter((name) => names.test(name))
    .map((name) => join(folder, name))
    .filter((path) => {
      let stats;
      try {
        stats = lstatSync(path, { throwIfNoEntry: false });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        throw new InputError(`the folder ${folder} cannot be searched (${(error as NodeJS.ErrnoException).code})`, 'choose another folder, or give yourself permission there');
      }
      return kind === 'folder' ? stats?.isDirectory() === true : stats?.isFile() === true;
    });
}

/**
 * Removes `folder` when it is empty (another shard may have removed it, or written into it, meanwhile);
 * one the user may not remove (a parent not writable, immutable or append-only, another user's in a
 * sticky folder) stays: it describes nothing (a raw EPERM after the curves were emptied: audit).
 */
function removeIfEmpty(folder: string): void {
  try {
    if (raceFree(() => readdirSync(folder).length, 1) === 0) raceFree(() => rmdirSync(folder), undefined);
  } catch (error) {
    if (!isRefusal(error)) throw error;
  }
}

/** The system's refusals of a permission: EACCES (the modes), EPERM (chattr, a sticky folder). */
function isRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}

/** `step()`, or `otherwise` when another process removed or filled what it works on (ENOENT, ENOTEMPTY). */
function raceFree<T>(step: () => T, otherwise: T): T {
  try {
    return step();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTEMPTY') return otherwise;
    throw error;
  }
}

/** The human pool H (what row 0 measures, and the reference of every survival column). */
export function humanFilePath(dir: string): string {
  return join(dir, 'human.txt');
}

/** Ids -> text: one sentence per line, tokens separated by spaces. */
export function detokenize(text: TokenCorpus, tokenOf: (id: number) => string): string {
  const lines: string[] = [];
  for (let s = 0; s + 1 < text.offsets.length; s++) {
    const words: string[] = [];
    for (let i = text.offsets[s]!; i < text.offsets[s + 1]!; i++) words.push(tokenOf(text.ids[i]!));
    lines.push(words.join(' '));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Writes `content` to `path` whole (its folder made if need be); `tag`: see writeWholeFileSync. */
export function writeCorpusFile(path: string, content: string, tag?: string): void {
  makeFolder(join(path, '..'));
  writeWholeFileSync(path, content, tag);
}

export interface CorpusManifest {
  readonly tool: 'ngram-collapse';
  readonly layout: string;
  readonly format: string;
  readonly generations: number;
  readonly replicates: number;
  readonly seed: number;
  readonly corpus: readonly string[];
  /** The run record's fingerprint (`<out>.run.json`): runs with equal fingerprints write the same texts. */
  readonly fingerprint: string;
  /** "p/n": the shard whose series the counts are (1/1 for a whole run). */
  readonly shard: string;
  readonly cells: ReadonlyArray<{ readonly folder: string; readonly cell: string; readonly settings: Cell['settings'] }>;
  /** The resolved configuration of the run (as --print-config shows it). */
  readonly config: unknown;
  /**
   * "cell-<c>/replicate-<r>" -> for generations 1..G, how many first lines of its file are the
   * batch's synthetic share (null for a file not written yet).
   */
  readonly shareSentences: Readonly<Record<string, ReadonlyArray<number | null>>>;
}

/** The share counts of every written file, keyed by "<cell folder>/replicate-<r>"|generation. */
export type ShareCounts = Map<string, number>;

export function shareKey(cell: Cell, replicate: number, generation: number): string {
  return `${seriesFolder(cell, replicate)}|${generation}`;
}

/** The manifest's `shareSentences` table, in canonical order (cells, replicates, generations). */
function shareTable(cells: readonly Cell[], replicates: number, generations: number, counts: ShareCounts): CorpusManifest['shareSentences'] {
  const table: Record<string, Array<number | null>> = {};
  for (const cell of cells) {
    for (let r = 1; r <= replicates; r++) {
      const row = Array.from({ length: generations }, (_, g) => counts.get(shareKey(cell, r, g + 1)) ?? null);
      if (row.some((count) => count !== null)) table[seriesFolder(cell, r)] = row;
    }
  }
  return table;
}

export function corpusManifest(
  cells: readonly Cell[],
  details: Pick<CorpusManifest, 'generations' | 'replicates' | 'seed' | 'corpus' | 'fingerprint' | 'shard' | 'config'>,
  counts: ShareCounts = new Map(),
): CorpusManifest {
  return {
    tool: 'ngram-collapse',
    layout: 'human.txt (the human pool H, row 0); cell-<c>/replicate-<r>/generation-<g>.txt, g = 1..generations (the text row g measured: its first shareSentences lines drawn for batch g, the synthetic share (with --select, the first candidates in draw order, up to the size of the row, before selection; with --tokens-growth, the first sentences of a larger share), then the top-up)',
    format: 'UTF-8, one sentence per line (an empty line is an empty sentence: read with --sentences line --empty-sentences), tokens separated by single spaces',
    ...details,
    cells: cells.map((cell) => ({ folder: cellFolder(cell), cell: cell.id, settings: cell.settings })),
    shareSentences: shareTable(cells, details.replicates, details.generations, counts),
  };
}

/** What --resume reads of an earlier manifest: its share counts, and the fingerprint of the run that wrote it. */
export interface ManifestCounts {
  readonly counts: ShareCounts;
  /** Undefined when there is no manifest, or it is unreadable or names none. */
  readonly fingerprint: string | undefined;
}

/**
 * The share counts and fingerprint of shard `shard`'s earlier manifest in `dir` (for --resume); none
 * if there is none, it is unreadable, or it names no fingerprint (an older version's, or edited: whose
 * run wrote its texts is not known, so its series are redone).
 */
export function readManifest(dir: string, shard: Shard): ManifestCounts {
  const counts: ShareCounts = new Map();
  const path = join(dir, manifestName(shard));
  if (!existsSync(path)) return { counts, fingerprint: undefined };
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<CorpusManifest>;
    // counts of a manifest that names no run are not this run's to keep: its series are redone
    if (typeof manifest.fingerprint !== 'string') return { counts, fingerprint: undefined };
    for (const [series, row] of Object.entries(manifest.shareSentences ?? {})) {
      row.forEach((count, g) => {
        if (typeof count === 'number') counts.set(`${series}|${g + 1}`, count);
      });
    }
    return { counts, fingerprint: manifest.fingerprint };
  } catch {
    // an unreadable manifest is rewritten whole; only the counts of redone series are known then
    return { counts: new Map(), fingerprint: undefined };
  }
}

export function writeManifest(dir: string, shard: Shard, manifest: CorpusManifest): void {
  makeFolder(dir);
  writeCorpusFile(join(dir, manifestName(shard)), `${JSON.stringify(manifest, null, 2)}\n`);
}
