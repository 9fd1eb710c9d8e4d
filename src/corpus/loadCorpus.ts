/**
 * loadCorpus: corpus specifications -> one Vocabulary and one TokenCorpus.
 *
 * Contract: `specs` are read in the order given; each is a built-in (`brown`, `brown:<category>`),
 * `-` (standard input), a file, a folder (its `.txt` and `.jsonl` files, in any case, sorted,
 * recursively) or a glob. Files ending in `.jsonl` in any case (or any file when `jsonlField` is set)
 * are JSON Lines: every line an object whose `jsonlField` (default `text`) is a string. Each file is read by readTextInto (readText.ts: NFC,
 * sentences, lowercase, tokens, ids), the one implementation the browser uses too; Brown keeps its own
 * sentences and tokens. With `sentences: 'line'` and `emptySentences`, a blank line is an empty sentence
 * (as in the texts `--save-corpora` writes). `onProgress(bytesRead, totalBytes)` follows the reading (totalBytes is the sum
 * of the files' sizes, undefined when standard input is read).
 * Every problem (missing path, a file named twice, nothing to read, unreadable or binary data, UTF-16, broken JSONL with
 * its line number, a terminal as standard input, an empty result) is an InputError raised before any
 * simulation starts. Invalid UTF-8 is not an error: the bad bytes become U+FFFD and `onWarning` is
 * told the file and line. `<s>` / `</s>` in the text are dropped (they are the boundary markers),
 * with a warning. Files are streamed: memory is bounded by the corpus's ids and the longest line or
 * unfinished sentence, never the file size. Of the library, the corpus loader (this module and the corpus/ files it
 * reads with) and the exporters are the only parts that touch the file system (the CLI reads its own
 * inputs: a --config file, merge's CSVs).
 * Options are checked first (validateLoadOptions: UsageError naming the option, the value and what is
 * allowed); an option left out or undefined takes its default from DEFAULT_LOAD_OPTIONS, but `lowercase`
 * follows the tokenizer (readText.ts withTextDefaults).
 */

import { readFailureReason } from './readFailure.js';
import { accessSync, closeSync, constants, createReadStream, existsSync, lstatSync, openSync, realpathSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { checkValue, TEXT_RULE } from '../validation/valueRule.js';
import { Vocabulary } from '../vocabulary/vocabulary.js';
import { brownFiles, readBrownFile } from './brown.js';
import { isBrownSpec, STANDARD_INPUT_SPEC } from './corpusSpec.js';
import { BrownReplay, cachedSize, readBrownCache } from './brownCache.js';
import { CorpusBuilder } from './corpusBuilder.js';
import { expandGlob, hasWildcard } from './glob.js';
import { brownEncoder, checkVocabulary, finishCorpus, readTextInto, STDIN_NAME, warnBrownTextOptions, warnLineBreakEnds, withTextDefaults } from './readText.js';
import { CutLetterCount } from './cutLetters.js';
import { validateLoadOptions, type LoadOptions } from './loadOptions.js';
import { checkOwnDescriptor } from './ownDescriptor.js';
import type { Merge } from './subword/bpeMerges.js';
import { readWithSubwords } from './subword/learnedBpe.js';
import { prepareTokenizer } from './tokenizers.js';
import type { TokenCorpus } from './tokenCorpus.js';
import { isLink } from './isLink.js';
import { namesStandardInput, standardInputIsStream } from './standardInput.js';
import { identityOf } from './fileIdentity.js';

/** The files a folder spec reads: `.txt` and `.jsonl`, in any case. */
const TEXT_FILE = /\.(?:txt|jsonl)$/iu;

/** Whether a folder spec reads a file of this name (`.txt` or `.jsonl`, in any case; hidden names aside, which the walk leaves out). */
export function isFolderTextName(name: string): boolean {
  return TEXT_FILE.test(name);
}

/** Bytes read from a file at a time (see readSource). */
const PIECE_BYTES = 1 << 16;

export { DEFAULT_LOAD_OPTIONS, type LoadOptions } from './loadOptions.js';

export interface LoadedCorpus {
  readonly vocabulary: Vocabulary;
  readonly corpus: TokenCorpus;
  /** Line breaks taken as sentence ends although the line had no sentence-final mark (`auto`). */
  readonly lineBreakEnds: number;
  /** `bpe:K` only: the merges the pieces were spelled with (learned, or the ones given). */
  readonly merges?: readonly Merge[];
}

type Source =
  | { readonly kind: 'brown'; readonly path: string }
  | { readonly kind: 'text' | 'jsonl'; readonly path: string }
  | { readonly kind: 'stdin' };

/**
 * Loads and tokenizes every spec into `vocabulary` (a fresh one by default). `role` names the specs in
 * messages ("corpus 'x' not found"; a command reading a text for another purpose names that, e.g.
 * '--eval text').
 */
export async function loadCorpus(
  specs: readonly string[],
  options: Partial<LoadOptions> = {},
  vocabulary: Vocabulary = new Vocabulary(),
  role = 'corpus',
): Promise<LoadedCorpus> {
  validateLoadOptions(specs, options);
  // (before any spec is looked up: a raw TypeError once the first file was read: audit)
  checkVocabulary(vocabulary);
  // (a number, 3, began every message: "3 'nope.txt' not found": audit)
  checkValue('role', role, TEXT_RULE);
  const settings: LoadOptions = withTextDefaults(options);
  if (specs.length === 0) throw new InputError('no corpus given', "pass specs naming a file, a folder, a glob, - (standard input) or brown, e.g. ['brown:news']");
  if (specs.filter((spec) => spec === STANDARD_INPUT_SPEC).length > 1) {
    throw new InputError('standard input (-) is given twice as a corpus', 'pass - once');
  }
  // Resolve every spec first, so that a missing file is reported before any reading.
  const named = specs.flatMap((spec) => resolveSpec(spec, settings, role).map((source) => ({ ...source, spec })));
  refuseFileTwice(named, role);
  if (named.length > 0 && named.every((source) => source.kind === 'brown')) warnBrownTextOptions(settings);
  // (only where `-` is this process's standard input: a library caller may give another stream: audit)
  const ownStandardInput = settings.stdin === undefined || settings.stdin === process.stdin;
  if (ownStandardInput) refuseStandardInputByName(named, role);
  // (a pipe named as standard input, /dev/stdin, is read from it: a FIFO opened by name once its writer
  // had gone waited for ever: audit)
  const sources = ownStandardInput && standardInputIsStream()
    ? named.map((source) => (source.kind !== 'brown' && source.kind !== 'stdin' && namesStandardInput(source.path) ? { kind: 'stdin' as const, spec: source.spec } : source))
    : named;
  await prepareTokenizer(settings.tokenizer);
  const loaded = await readWithSubwords(settings, vocabulary, async (wordSettings, target) => {
    const subject = role === 'corpus' ? 'the corpus' : `the ${role} ${specs.join(', ')}`;
    const builder = new CorpusBuilder(target, wordSettings.maxTokens, keepsEmptySentences(wordSettings), subject);
    const cutLetters = new CutLetterCount(wordSettings.tokenizer, settings.tokenizer);
    const progress = progressCounter(sources, wordSettings.onProgress);
    const brown = brownReplayFor(sources, wordSettings, builder);
    let lineBreakEnds = 0;
    const silent: string[] = [];
    for (const source of sources) {
      const [tokens, sentences] = [builder.tokenCount, builder.sentenceCount];
      lineBreakEnds += await readSource(source, wordSettings, builder, progress, brown, cutLetters);
      if (builder.tokenCount === tokens && builder.sentenceCount === sentences) silent.push(sourceName(source, wordSettings));
    }
    // (one file of several that gave nothing passed unnoticed: the union was checked, not each: audit)
    if (silent.length > 0 && silent.length < sources.length) wordSettings.onWarning?.(noTokenWarning(silent, role));
    const names = specs.map((spec) => (spec === STANDARD_INPUT_SPEC ? STDIN_NAME : spec)).join(', ');
    return { vocabulary: target, corpus: finishCorpus(builder, names, wordSettings, cutLetters, role), lineBreakEnds };
  });
  warnLineBreakEnds(loaded, settings);
  return loaded;
}

/**
 * Refuses a file named twice (the same spec twice, a file inside a folder also given, two globs that
 * overlap, a link or a hard link to a file also given): read twice, its counts would silently double.
 */
function refuseFileTwice(sources: ReadonlyArray<Source & { readonly spec: string }>, role: string): void {
  const seen = new Map<string, { readonly spec: string; readonly path: string; readonly file: string }>();
  for (const source of sources) {
    if (source.kind === 'stdin') continue;
    const file = realpathSync(source.path);
    // (by device and inode: a hard link is the same file under another real path)
    // (stat of the name, not of the real path: a pipe's, /dev/stdin, is no name to stat: CI)
    const key = identityOf(statSync(source.path)) ?? file;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const first = earlier.spec;
      // one folder or pattern that reaches a file twice, through a link inside it: the user named it once
      if (first === source.spec && earlier.path !== source.path) {
        throw new InputError(`${role} '${first}' reaches the file ${file} twice, as ${earlier.path} and ${source.path} (a link)`, 'remove the link, or name the files to read: a file read twice would count twice');
      }
      const by = first === source.spec ? `'${first}' twice` : `'${first}' and '${source.spec}'`;
      const named = file === source.path ? source.path : `${source.path} (the file ${file})`;
      const shown = source.kind === 'brown' ? `Brown's text ${basename(source.path)}` : earlier.file === file ? named : `${named}, a hard link to ${earlier.file},`;
      throw new InputError(`the ${role} file ${shown} is named twice (by ${by})`, 'name each file once: a file read twice would count twice');
    }
    seen.set(key, { spec: source.spec, path: source.path, file });
  }
}

/**
 * Refuses `-` and a name of standard input among `specs`, as loadCorpus does where `-` is this
 * process's standard input; for a caller that passes a stream read from it instead (a recipe's
 * readings after the first: a redirected file was counted twice there, audit).
 */
export function refuseStandardInputNamedTwice(specs: readonly string[], options: Partial<LoadOptions> = {}, role = 'corpus'): void {
  const settings: LoadOptions = withTextDefaults(options);
  refuseStandardInputByName(specs.flatMap((spec) => resolveSpec(spec, settings, role).map((source) => ({ ...source, spec }))), role);
}

/** Refuses `-` besides a file that names standard input (`/dev/stdin`, the file it is redirected from): see standardInput.ts. */
function refuseStandardInputByName(sources: ReadonlyArray<Source & { readonly spec: string }>, role: string): void {
  if (!sources.some((source) => source.kind === 'stdin')) return;
  const named = sources.find((source) => source.kind !== 'stdin' && source.kind !== 'brown' && namesStandardInput(source.path));
  if (named === undefined) return;
  throw new InputError(`standard input is given twice as a ${role}: as - and as '${named.spec}', which names it`, 'pass - once');
}

/** A blank line is an empty sentence only in line mode with emptySentences. */
export function keepsEmptySentences(settings: Pick<LoadOptions, 'emptySentences' | 'sentences'>): boolean {
  return settings.emptySentences === true && settings.sentences === 'line';
}

/** Counts bytes read against the sources' total size, for onProgress. */
function progressCounter(sources: readonly Source[], onProgress: LoadOptions['onProgress']): ((bytes: number) => void) | undefined {
  if (onProgress === undefined) return undefined;
  let total: number | undefined = 0;
  for (const source of sources) total = source.kind === 'stdin' || total === undefined ? undefined : total + statSync(source.path).size;
  let read = 0;
  return (bytes) => {
    read += bytes;
    onProgress(read, total);
  };
}

/**
 * The refusal of a pattern that matches no file, saying when it matches folders with text files in them (a
 * pattern of folders, `c/man?`, was only told that no file matched: audit).
 */
function noFileMatches(spec: string, cwd: string, role: string): InputError {
  const what = `no file matches ${role === 'corpus' ? '' : `the ${role} `}'${spec}'`;
  const below = `${spec.replace(/[/\\]+$/u, '')}/**`;
  if (expandGlob(below, cwd).some((path) => TEXT_FILE.test(path))) {
    return new InputError(`${what}, only folders with text files in them`, `name a folder to read its .txt and .jsonl files, or a pattern of files such as '${below.slice(0, -3)}/*.txt'`);
  }
  return new InputError(what, BRACES.test(spec) ? BRACES_HINT : 'check the pattern, or quote it so the shell does not expand it');
}

/** A shell's brace alternatives, {a,b}: no wildcard here (the shell expands them unquoted; quoted, they are read as written). */
const BRACES = /\{[^{}]*,[^{}]*\}/u;
const BRACES_HINT = "braces {a,b} are no wildcard here: leave them unquoted for the shell to expand, or give each file or pattern as a name of its own (['a.txt', 'b.txt'], --corpus a.txt b.txt on the command line)";

/**
 * Turns one spec into the sources it names, checking that they exist; `role` names the spec in the
 * messages ("corpus 'x' not found"; a command reading a text for another purpose names that).
 */
export function resolveSpec(spec: string, settings: LoadOptions, role = 'corpus'): Source[] {
  const cwd = settings.cwd ?? process.cwd();
  if (spec.trim() === '') throw new InputError(`an empty ${role} name was given`, 'pass a file, a folder, a glob, - or brown');
  if (spec === STANDARD_INPUT_SPEC) return [{ kind: 'stdin' }];
  if (isBrownSpec(spec) && !existsSync(resolve(cwd, spec))) {
    return brownFiles(spec).map((path) => ({ kind: 'brown' as const, path }));
  }
  const kindOf = (path: string): 'text' | 'jsonl' =>
    settings.jsonlField !== undefined || path.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'text';
  if (hasWildcard(spec) && !existsSync(resolve(cwd, spec))) {
    const files = expandGlob(spec, cwd);
    if (files.length === 0) throw noFileMatches(spec, cwd, role);
    refuseSpecialFiles(files, spec, role, 'pattern');
    refuseUnnamedFiles(files, spec, role, 'pattern');
    return files.map((path) => ({ kind: kindOf(path), path }));
  }
  const path = resolve(cwd, spec);
  if (!existsSync(path)) {
    // (a link that leads nowhere exists as a name: say what it is)
    if (isLink(path)) {
      throw new InputError(`${role} '${spec}' is a link to nothing, or a loop of links`, 'pass the file or folder the link should point to');
    }
    // (a file in a folder the user may not search was said not found: probe)
    const barred = unsearchableFolder(path);
    if (barred !== undefined) throw new InputError(`${role} '${spec}' cannot be reached: the folder ${barred} may not be searched (permission denied)`, 'make it searchable (chmod u+x), or pass a file elsewhere');
    // (a name of bytes that are no UTF-8 comes to Node with U+FFFD in their place, and names no file: probe)
    if (spec.includes(REPLACEMENT)) throw new InputError(`${role} '${spec}' not found: its name holds \u{FFFD}, which stands in for bytes that are not UTF-8 where Node was given such a name (Node cannot pass them on)`, notUtf8Hint('give a copy of it with such a name'));
    // (a quoted 'nest/{a,b}.txt' was said not found, as if braces were a wildcard that matched nothing: audit)
    throw new InputError(`${role} '${spec}' not found`, BRACES.test(spec) ? BRACES_HINT : 'pass an existing file, folder or glob, - for stdin, or brown');
  }
  if (statSync(path).isDirectory()) {
    const files = expandGlob('**/*', path).filter((file) => TEXT_FILE.test(file));
    if (files.length === 0) {
      // (hidden ones are left out: say so, where there are some, or the message is false as worded)
      const hidden = [...expandGlob('**/.*', path), ...expandGlob('**/.*/**/*', path)].some((file) => TEXT_FILE.test(file));
      const what = hidden ? 'holds no .txt or .jsonl files but hidden ones (names beginning with .), which a folder leaves out' : 'holds no .txt or .jsonl files';
      throw new InputError(`${role === 'corpus' ? '' : `${role}: `}folder '${spec}' ${what}`, hidden ? `name them, or a pattern such as '${spec}/.*.txt'` : 'pass a folder of text files');
    }
    refuseSpecialFiles(files, spec, role, 'folder');
    refuseUnnamedFiles(files, spec, role, 'folder');
    return files.map((file) => ({ kind: kindOf(file), path: file }));
  }
  // (a terminal named, /dev/stdin or /dev/tty, was read until the user typed an end: it waited for ever, where `-` is refused: audit)
  if (isTerminal(path)) throw new InputError(`${role} '${spec}' is a terminal, not a text`, TERMINAL_HINT);
  // (a descriptor the shell did not open, one of Node's own, or a FIFO opened read-write: waited on for ever, or a raw ENOENT: audits)
  checkOwnDescriptor(path, 'read', `${role} '${spec}'`, 'corpus.txt');
  return [{ kind: kindOf(path), path }];
}

const TERMINAL_HINT = 'pipe or redirect a text into it: put < corpus.txt after the command, or cat corpus.txt | before it';

/** Whether `path` is a terminal (a character device a tty answers for: /dev/null is none), opened without waiting or becoming its controller. */
function isTerminal(path: string): boolean {
  if (statSync(path).isCharacterDevice() !== true) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    return isatty(fd);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A folder or a pattern reads regular files: a FIFO among them would wait for a writer for ever (a
 * socket or a device cannot be read as text either). One named on its own is read as it is (a FIFO
 * fed by another program, /dev/stdin).
 */
function refuseSpecialFiles(files: readonly string[], spec: string, role: string, source: 'folder' | 'pattern'): void {
  const special = files.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === false);
  if (special !== undefined) {
    const verb = source === 'folder' ? 'holds' : 'matches';
    throw new InputError(`${role} '${spec}' ${verb} ${special}, which is not a regular file (a FIFO, a socket or a device)`, `${source === 'folder' ? 'move it out of the folder' : 'leave it out of the pattern'}, or name the files to read`);
  }
}

/** U+FFFD, the character Node puts in place of bytes of a name that are no UTF-8. */
const REPLACEMENT = '\u{FFFD}';
/** What to do about a name that is no UTF-8: rename it, or `otherwise`. */
const notUtf8Hint = (otherwise: string): string => `rename it in UTF-8 (e.g. convmv -f latin1 -t utf8 --notest NAME), or ${otherwise}`;

/**
 * A file a folder or pattern lists whose name is no UTF-8: Node lists it with U+FFFD in place of its
 * bytes, a name that opens nothing (a raw ENOENT, exit 1: probe).
 */
function refuseUnnamedFiles(files: readonly string[], spec: string, role: string, source: 'folder' | 'pattern'): void {
  const unnamed = files.find((file) => file.includes(REPLACEMENT) && lstatSync(file, { throwIfNoEntry: false }) === undefined);
  if (unnamed !== undefined) {
    throw new InputError(`${role} '${spec}' ${source === 'folder' ? 'holds' : 'matches'} ${unnamed}, whose name is not UTF-8 (its bytes shown as \u{FFFD}): Node cannot open it by name`, notUtf8Hint(source === 'folder' ? 'move it out of the folder' : 'leave it out of the pattern'));
  }
}

/**
 * The first folder on the way to `path` that this user may not search (no x: what is in it cannot be
 * looked up), where that is why `path` cannot be looked up; undefined where the way is open.
 */
function unsearchableFolder(path: string): string | undefined {
  try {
    statSync(path);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') return undefined;
  }
  const folders: string[] = [];
  for (let folder = dirname(path); !folders.includes(folder); folder = dirname(folder)) folders.unshift(folder);
  return folders.find((folder) => {
    try {
      accessSync(folder, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
}

/** The Brown cache's replay into `builder`, when a source is Brown, its words are Brown's own (no subword encoding), the build wrote a cache and `brownCache` is not false. */
// Stryker disable all: equivalent in output, the cache replays exactly what reading Brown's text gives (brownCache.test.ts); time only
function brownReplayFor(sources: readonly Source[], settings: LoadOptions, builder: CorpusBuilder): BrownReplay | undefined {
  if (settings.brownCache === false || !sources.some((source) => source.kind === 'brown') || brownEncoder(settings.tokenizer) !== undefined) return undefined;
  const cache = readBrownCache();
  if (cache === undefined) return undefined;
  const { tokens, sentences } = cachedSize(cache, sources.flatMap((source) => (source.kind === 'brown' ? [source.path] : [])));
  builder.expect(tokens, sentences);
  return new BrownReplay(cache, builder, settings.lowercase);
}
// Stryker restore all

/**
 * How messages about a file's text name it (`x.jsonl line 7 ...`): as the spec gave it when the spec
 * names it; a file of a folder or a glob given by a relative spec relative to `cwd` (`../notes/a.txt`
 * too); under an absolute spec, absolutely (they named every file by its absolute path: audit).
 */
export function shownName(path: string, spec: string, cwd: string): string {
  if (resolve(cwd, spec) === path) return spec;
  if (isAbsolute(spec)) return path;
  const shown = relative(cwd, path);
  return shown === '' ? path : shown;
}

/** How messages name a source: standard input, or the file as shownName gives it. */
function sourceName(source: Source & { readonly spec: string }, settings: Pick<LoadOptions, 'cwd'>): string {
  return source.kind === 'stdin' ? STDIN_NAME : shownName(source.path, source.spec, settings.cwd ?? process.cwd());
}

/** Names shown in full in noTokenWarning; more are counted. */
const SILENT_NAMES_SHOWN = 3;

/**
 * The warning for `silent`, the sources that gave no sentence (an empty file, blank lines, JSON Lines
 * of empty texts, or nothing the tokenizer keeps): the corpus is read from the rest. (Not "of the N
 * files": Brown's 500 files counted among them, which the user named as one: round 2.)
 */
function noTokenWarning(silent: readonly string[], role: string): string {
  const shown = silent.slice(0, SILENT_NAMES_SHOWN).join(', ');
  const more = silent.length > SILENT_NAMES_SHOWN ? ` and ${silent.length - SILENT_NAMES_SHOWN} more` : '';
  const which = silent.length === 1 ? `${shown} gives` : `${silent.length} files (${shown}${more}) give`;
  return `${which} no token (empty, blank lines, or nothing the tokenizer keeps); the ${role} is read from the rest`;
}

async function readSource(
  source: Source & { readonly spec: string },
  settings: LoadOptions,
  builder: CorpusBuilder,
  onBytes: ((bytes: number) => void) | undefined,
  brown: BrownReplay | undefined,
  cutLetters: CutLetterCount,
): Promise<number> {
  const name = sourceName(source, settings);
  try {
    if (source.kind === 'brown') {
      const bytes = brown?.add(source.path) ?? readBrownFile(source.path, builder, settings.lowercase, brownEncoder(settings.tokenizer));
      onBytes?.(bytes);
      return 0;
    }
    // Pieces of 64 KiB (Node's default for a file): each piece's buffer and decoded text are small enough
    // to be served from memory already in use; 1 MiB pieces took fresh memory for every one (docs/performance.md, "Loading").
    const text = source.kind === 'stdin' ? requireStdin(settings) : createReadStream(source.path, { highWaterMark: PIECE_BYTES });
    const format = source.kind === 'jsonl' || (source.kind === 'stdin' && settings.jsonlField !== undefined) ? 'jsonl' : 'text';
    return await readTextInto({ text, format, name, ...(onBytes === undefined ? {} : { onBytes }) }, settings, builder, cutLetters);
  } catch (error) {
    throw asInputError(error, name);
  }
}

/** File-system failures (permission denied, a folder, ...) are input errors: the user can fix them; anything else (an InputError already, a bug) passes on. */
export function asInputError(error: unknown, name: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return new InputError(`cannot read ${name}: ${readFailureReason(error)}`, 'check the path and its permissions');
  return error;
}

function requireStdin(settings: LoadOptions): Readable {
  const stdin = settings.stdin ?? process.stdin;
  if ((stdin as { isTTY?: boolean }).isTTY === true) {
    // (`-` is --corpus's for run and train, a text's for tokenize and metrics: the message names neither)
    throw new InputError('standard input (-) is a terminal, not a text', TERMINAL_HINT);
  }
  return stdin;
}
