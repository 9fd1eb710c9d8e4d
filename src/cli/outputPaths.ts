/**
 * Output path checks of the CLI: writability (export/outputPaths.ts), that no output overwrites
 * a corpus input (standard output and `-` as the files they go to and come from), that what a command
 * prints does not go into a file it reads (standard output redirected onto a corpus, an --eval text, a
 * --config file, merge's or plot's inputs), and that no two outputs of one command are the same file;
 * and standard output named as a file (`/dev/stdout`, the
 * file it is redirected to), which a CSV output writes as `-` (standardOutputNamed), its run record
 * placed by recordFiles.
 */

import { closeSync, existsSync, fstatSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isSpecialFile, partialPath } from '../export/wholeFile.js';
import { openDeviceProbe } from '../export/outputPaths.js';
import { isFolder } from '../export/makeFolder.js';
import { landingPath, namedFile } from '../corpus/namedFile.js';
import { runRecordPath } from '../export/runRecord.js';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isatty } from 'node:tty';
import { DEFAULT_LOAD_OPTIONS, isFolderTextName, resolveSpec } from '../corpus/loadCorpus.js';
import { globReach, hasWildcard } from '../corpus/glob.js';
import { isBrownSpec } from '../corpus/corpusSpec.js';
import { InputError, UsageError } from '../errors.js';
import { fileIdentity, identityOf } from '../corpus/fileIdentity.js';
import { standardInputIdentity } from '../corpus/standardInput.js';

export { asOutput, checkFileName, checkFolderEntries, checkFolderName, checkRemovable, checkWritable, checkWritableFolder, refuseFolderName } from '../export/outputPaths.js';

/**
 * Throws InputError if the output `path` (absolute, as checkWritable returns it, or `-`: what standard
 * output goes to; named in the message as `given` when that is given, after `flag` unless it is empty) is one of the files the corpus specs read: a file named, or a file of a folder or glob (a second `tokenize --corpus notes
 * --out notes/tokens.txt` would read the first one's output and overwrite it). The run would read the
 * corpus and then overwrite it. Only an existing output can be read, so only one is looked for; a spec
 * that names nothing is left to the loader, which refuses it.
 */
export function checkNotCorpus(path: string, corpusSpecs: readonly string[], cwd: string, flag: string, given?: string, kind: InputKind = CORPUS_INPUT): void {
  corpusGuard(corpusSpecs, cwd, kind)(path, flag, given);
}

/** How a refusal names the inputs it guards: a corpus, or `train`'s --eval text (named a corpus file: audit). */
export interface InputKind {
  /** The input, after "is" or "is also": `a corpus input`. */
  readonly input: string;
  /** One file of it, before its name: `the corpus file`. */
  readonly file: string;
  /** What an output onto it would write into: `the corpus`. */
  readonly whole: string;
}

export const CORPUS_INPUT: InputKind = { input: 'a corpus input', file: 'the corpus file', whole: 'the corpus' };
export const EVAL_INPUT: InputKind = { input: 'an --eval text', file: 'the --eval file', whole: 'the --eval text' };
export const REFERENCE_INPUT: InputKind = { input: 'the --reference text', file: 'the --reference file', whole: 'the --reference text' };

/**
 * Throws InputError if standard output goes to one of the corpus specs' files, for a command that
 * prints there: `train --corpus c.txt >> c.txt` appended its summary to the corpus, `generate` its
 * sentences (audits). A pipe, a terminal or a socket is no file to destroy (checkNotCorpus).
 */
export function checkStandardOutputNotCorpus(corpusSpecs: readonly string[], cwd: string, kind: InputKind = CORPUS_INPUT): void {
  checkNotCorpus('-', corpusSpecs, cwd, '', 'standard output', kind);
}

/**
 * checkNotCorpus for several outputs of one command: the specs' files are listed once, when the first
 * existing output is checked, not once per output.
 */
export function corpusGuard(corpusSpecs: readonly string[], cwd: string, kind: InputKind = CORPUS_INPUT, reach: CorpusReach = corpusReach(corpusSpecs, cwd)): (path: string, flag: string, given?: string, inPlace?: boolean) => void {
  let inputs: { readonly spec: string; readonly files: ReadonlySet<string> }[] | undefined;
  const listed = (): { readonly spec: string; readonly files: ReadonlySet<string> }[] => (inputs ??= corpusSpecs.map((spec) => ({ spec, files: new Set(inputIdentities(spec, cwd)) })));
  return (path, flag, given, inPlace = false) => {
    // (an input where the output is written first, its name and .partial: read, then removed by the
    // write's rename, exit 0: `tokenize k.txt.partial --out k.txt`, `run --corpus s.csv.partial --summary s.csv`: audit)
    // (only where a file is there: the corpus's files are listed only then, as for an existing output;
    // and not for an output written in place, which has no .partial: run's --out was refused: last note's list)
    const partial = path === '-' || inPlace || !existsSync(dirname(path)) ? undefined : partialIdentity(path, true);
    const atPartial = partial === undefined ? undefined : listed().find(({ files }) => files.has(partial));
    if (atPartial !== undefined) {
      const name = given ?? relative(cwd, path);
      throw new InputError(`${flag} ${name} is written first at ${name}.partial, which is ${kind.input} (${atPartial.spec}): the write would remove it`, 'choose another output path, or rename that file');
    }
    if (path !== '-' && !existsSync(path)) {
      // (one the corpus would read once made: `tokenize --corpus data --out data/tok.txt` went into the corpus folder: audit)
      // (also an output that is a link to a file not yet made: the write goes where it leads: audit)
      const reader = reach(path);
      if (reader !== undefined) throw new InputError(`${flag} ${given ?? relative(cwd, path)} would be read as part of ${kind.whole} (${readerName(reader, path, cwd)}) once written`, `choose an output path outside ${kind.whole}`);
      return;
    }
    listed();
    // (standard output is what it goes to: `--out - >> corpus.txt` appended to the corpus: audit; and
    // only a regular file can be destroyed: one socket as standard input and output, as inetd and socat
    // start a program, was refused for `generate --corpus -`: audit)
    const target = path === '-' ? standardOutputFileIdentity() : fileIdentity(path, 'named');
    // (a device such as /dev/null: writing it destroys nothing)
    if (target === undefined) return;
    const input = listed().find(({ files }) => files.has(target));
    if (input === undefined) return;
    // the output as the user named it; the input too where it is named otherwise (a link, a folder, a glob)
    const name = path === '-' && (given ?? '-') === '-' ? '- (standard output)' : (given ?? relative(cwd, path));
    const spec = input.spec === '-'
      ? ' (standard input, -, reads the same file)'
      : statSync(resolve(cwd, input.spec), { throwIfNoEntry: false })?.isFile() === true ? (input.spec === name ? '' : ` (${kind.file} ${input.spec})`) : ` (a file of ${input.spec})`;
    // (no flag: what a command prints, which goes into the corpus file even where the shell has just made
    // it, empty: "would destroy the corpus" was not true there, and the next run would read it: audit)
    if (flag === '') throw new InputError(`${name} is ${kind.input}${spec}: what the command prints would go into ${kind.whole}`, 'redirect standard output to another file');
    throw new InputError(`${flag} ${name} is also ${kind.input}${spec}, and writing it would destroy ${kind.whole}`, 'choose another output path');
  };
}

/**
 * The identities of the files a corpus spec reads; for `-`, the file standard input comes from
 * (`--corpus - --out - < c.txt >> c.txt` appended to the corpus: audit).
 */
function inputIdentities(spec: string, cwd: string): string[] {
  if (spec !== '-') return corpusFiles(spec, cwd).flatMap((file) => fileIdentity(file, 'named') ?? []);
  const input = standardInputIdentity();
  return input === undefined ? [] : [input];
}

/**
 * Throws InputError if one of the texts a run writes into the output folder `folder` (absolute; `names`
 * relative to it) would be read as part of the corpus once written (`reach`): `--save-corpora` inside
 * the corpus folder, or where a link in it leads, and the next run would read the generated text as
 * human text (a folder inside the corpus folder was taken, and a linked series folder: audits).
 */
export function checkTextsNotRead(folder: string, names: readonly string[], reach: CorpusReach, cwd: string, flag: string): void {
  for (const name of names) {
    const path = join(folder, name);
    const reader = reach(path);
    if (reader !== undefined) {
      throw new InputError(`${flag} ${relative(cwd, folder) || '.'}: the texts the run writes there would be read as part of the corpus (${readerName(reader, path, cwd)}), as human text by a later run`, 'choose an output folder outside the corpus');
    }
  }
}

/**
 * Throws InputError if a file the corpus specs read lies inside the output folder `folder` (absolute):
 * `--save-corpora` writes its texts there, and clears an earlier run's, so the run would overwrite or
 * remove its own input.
 */
export function checkFolderHoldsNoCorpus(folder: string, corpusSpecs: readonly string[], cwd: string, flag: string): void {
  if (!existsSync(folder)) return;
  const inside = realpathSync(folder) + sep;
  for (const spec of corpusSpecs) {
    // (`-`: the file standard input comes from, `< sc/human.txt` was overwritten: audit; each named by
    // its real path, /dev/stdin was shown as ../../dev/stdin)
    const files = spec === '-' ? [redirectedFile(0)].filter((file) => file !== undefined) : corpusFiles(spec, cwd).map((path) => realpathSync(path));
    const file = files.find((path) => path.startsWith(inside));
    if (file === undefined) continue;
    throw new InputError(`${flag} ${relative(cwd, folder) || '.'} holds ${relative(cwd, file)}, a file of the corpus ${spec === '-' ? '- (standard input)' : spec}, and the run writes its texts there`, 'choose an output folder outside the corpus');
  }
}

/** Which corpus spec would read a file made at a path (absolute), and the name its walk would list it under. */
export type CorpusReach = (path: string) => { readonly spec: string; readonly name: string } | undefined;

/** A CorpusReach's name for an output made at (or below) the spec's own name: read in place of what the spec reads now. */
const IN_PLACE = '';

/**
 * The corpus specs' CorpusReach: a folder spec reads a file made below it (a `.txt` or `.jsonl` name,
 * no hidden name on the way, which the walk leaves out), a glob one its pattern matches (`data/**\/*.txt`,
 * in its own frame: relative to `cwd` unless it is absolute), each as the loader's walk would find it,
 * also where a linked folder or a link to nothing inside the walk leads (globReach), and where a path
 * that is a link to nothing leads (the write goes there, landingPath). A Brown name or a pattern also
 * reads an output made at its own name, in its place (specReach). Standard input and a spec naming a
 * file read no new file; a file the corpus already reads is checked by its identity (corpusGuard).
 * Each spec's folders are walked once, at the first path that needs it.
 */
export function corpusReach(corpusSpecs: readonly string[], cwd: string): CorpusReach {
  const reaches = corpusSpecs.flatMap((spec) => {
    const reach = specReach(spec, cwd);
    return reach === undefined ? [] : [{ spec, reach }];
  });
  const landings = new Map<string, string>();
  return (path) => {
    if (reaches.length === 0) return undefined;
    const real = landing(path, landings);
    for (const { spec, reach } of reaches) {
      const name = reach(path, real);
      if (name !== undefined) return { spec, name };
    }
    return undefined;
  };
}

/** How a refusal names the spec that would read `path`: the spec, and the name it would read it under where that is another (a link's). */
function readerName(reader: { readonly spec: string; readonly name: string }, path: string, cwd: string): string {
  if (reader.name === IN_PLACE) return `${reader.spec}: a file or folder of that name, once made, is read in its place`;
  return reader.name === path ? reader.spec : `${reader.spec}, as ${relative(cwd, reader.name)}`;
}

/**
 * What a spec's walk would read of a file not yet made (globReach), or undefined for a spec that reads
 * no new file. A Brown name or a pattern reads a file or folder of its own name in its place once one is
 * there (as resolveSpec reads them): an output made there, or below, changes what the spec reads
 * (`--corpus brown --save-corpora brown` made the next run read the generated texts: audit).
 */
function specReach(spec: string, cwd: string): ReturnType<typeof globReach> | undefined {
  // (a blank spec names nothing, which the loader refuses: resolved, it walked the working folder, which
  // on /tmp met a raw EACCES in /proc through a link, and read an --out there as part of the corpus (): probe)
  if (spec === '-' || spec.trim() === '') return undefined;
  const given = resolve(cwd, spec);
  const named = existsSync(given);
  if (isBrownSpec(spec) && !named) return inPlace(given);
  // (a glob as the loader reads one: only a spec that names no file or folder; `**/*.txt` matched
  // /tmp/x.txt, and `n[1].txt` was a pattern: audit)
  if (hasWildcard(spec) && !named) {
    const glob = globReach(spec, cwd);
    const own = inPlace(given);
    return (path, real) => own(path, real) ?? glob(path, real);
  }
  // (the walk the loader makes of a folder: every file below it, kept if it has a text's name)
  return isFolder(given) ? globReach('**/*', given, (name) => isFolderTextName(basename(name))) : undefined;
}

/** An output that lands at `name`'s landing, or below it: IN_PLACE. */
function inPlace(name: string): (path: string, real: string) => string | undefined {
  const own = landingPath(name);
  return (_path, real) => (real === own || real.startsWith(`${own}${sep}`) ? IN_PLACE : undefined);
}

/**
 * Where a write to `path` lands (landingPath), its folder's landing kept in `folders`: a run's thousands
 * of text names share a few folders, so each name costs one lstat unless it is a link itself.
 */
function landing(path: string, folders: Map<string, string>): string {
  let linked: boolean;
  try {
    linked = lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    linked = false; // (a name below a file, ENOTDIR: refused by the output's own check)
  }
  if (linked) return landingPath(path);
  const folder = dirname(path);
  let landed = folders.get(folder);
  if (landed === undefined) folders.set(folder, (landed = landingPath(folder)));
  // (joined as text: a landing through a missing folder keeps its `..`, which join would drop)
  return `${landed}${sep}${basename(path)}`;
}

/** Whether `path` is a folder (false for a name below a file, ENOTDIR: the loader names such a spec). */
/**
 * The files a corpus spec reads (none for standard input or Brown). A spec that cannot be listed is
 * left to the loader, which refuses it with its own message when it reads the corpus.
 */
function corpusFiles(spec: string, cwd: string): string[] {
  try {
    return resolveSpec(spec, { ...DEFAULT_LOAD_OPTIONS, cwd }).flatMap((source) => (source.kind === 'text' || source.kind === 'jsonl' ? [source.path] : []));
  } catch {
    return [];
  }
}

/** A file of a command: how a message names it (`--summary a.csv`, `the input b.csv`) and its absolute path. */
export interface NamedFile {
  readonly label: string;
  readonly path: string;
  /** Written where it stands, row by row (no `<path>.partial` first: ../export/wholeFile.ts). */
  readonly inPlace?: boolean;
}

/** Refuses a command line that sends two outputs to standard output (`-`): one stream would hold both. */
export function checkOneStandardOutput(paths: readonly (string | undefined)[]): void {
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('only one output can go to standard output (-)', 'give the other outputs file names');
}

/**
 * Throws UsageError if two of `outputs` (absolute paths, as checkWritable returns them, or `-`, which
 * is what standard output goes to; undefined ones are skipped) are the same file: by name, through a link, or as another name of an
 * existing file (the same device and inode); both would be written and one lost. `inputs` are files
 * the command reads (merge's CSVs): no output may be one of them either. A character device
 * (/dev/null) may be named by any number of them, but for a terminal (by its name, as /dev/tty, or as
 * standard output), where both would be written mixed.
 */
export function checkDistinctOutputs(outputs: readonly (NamedFile | undefined)[], inputs: readonly NamedFile[] = []): void {
  const seen = new Map<string, NamedFile>();
  for (const input of inputs) {
    const identity = fileIdentity(input.path, 'named');
    if (identity !== undefined) seen.set(identity, input);
  }
  for (const output of outputs) {
    if (output === undefined) continue;
    // (standard output is a file when redirected to one: --out - --summary /dev/stdout > o.txt wrote
    // the summary over the curves, exit 0: audit)
    // (a device such as /dev/null takes any number of outputs: refused as "the same file": audit; a
    // terminal does not: `--out /dev/tty --report /dev/tty | cat` wrote both onto it, mixed: audit)
    const identity = output.path === '-' ? (standardOutputIdentity() ?? standardOutputTerminal()) : (fileIdentity(output.path, 'named') ?? terminalIdentity(output.path));
    if (identity === undefined) continue;
    const other = seen.get(identity);
    if (other !== undefined) {
      const same = identity.startsWith(TERMINAL) ? 'go to the same terminal' : 'are the same file';
      throw new UsageError(`${output.label} and ${other.label} ${same}`, 'give each output a file of its own');
    }
    seen.set(identity, output);
  }
  // A whole file is written at `<path>.partial` first, then put in place: another file there is
  // overwritten, then renamed away (`merge --out m.csv.partial --summary m.csv` said it wrote m.csv.partial,
  // which was gone: audit).
  for (const output of outputs) {
    if (output === undefined || output.inPlace === true || output.path === '-' || isSpecialFile(output.path)) continue;
    const identity = partialIdentity(output.path);
    const other = identity === undefined ? undefined : seen.get(identity);
    if (other !== undefined) {
      throw new UsageError(`${other.label} is where ${output.label} is written first (its name and .partial), and would be lost`, 'give each output a file of its own');
    }
  }
}

/**
 * The identity of the file a whole output at `path` is written to first: `<file>.partial` beside the
 * file a write lands at (through a link at `path`: `--summary L.csv`, `L.csv -> T.csv`, is written at
 * T.csv.partial, which the check of L.csv.partial missed: audit); undefined when that name is a link,
 * which the write replaces rather than follows (a stale link there was refused: audit), and with
 * `existing` when no file is there.
 */
function partialIdentity(path: string, existing = false): string | undefined {
  try {
    const partial = partialPath(namedFile(path));
    const stats = lstatSync(partial, { throwIfNoEntry: false });
    if (stats?.isSymbolicLink() === true || (existing && stats === undefined)) return undefined;
    return fileIdentity(partial, 'named');
  } catch {
    // (a loop of links, refused by the output's own check; or a name too long with .partial, which no
    // file can hold: a streamed output of 248-255 bytes has none)
    return undefined;
  }
}

/**
 * `path`, or `-` when it names what standard output writes to (the file it is redirected to, a pipe or
 * a socket: `/dev/stdout`, `/proc/self/fd/1`, or the file's own name), so that a CSV output is written
 * through the shell's descriptor: written by name, `--out /dev/stdout >> log` replaced the log whole,
 * losing what it held and the table printed before it (last note's list), and the table went into the
 * same file or pipe as the CSV. A terminal or `/dev/null` stays a name (written to as it is).
 */
export function standardOutputNamed(path: string, cwd: string): string {
  if (path === '-') return path;
  const standardOutput = standardOutputIdentity();
  if (standardOutput === undefined) return path;
  try {
    return fileIdentity(resolve(cwd, path), 'named') === standardOutput ? '-' : path;
  } catch {
    return path; // (a loop of links: refused by the output's own check, with its own line)
  }
}

/**
 * True when `path` names what standard output writes to, whatever that is: `-`, a file or pipe
 * (standardOutputNamed) or a terminal (the same device, or /dev/tty), so that a command writing a whole output
 * there prints nothing else on standard output (its lines joined the page: audit). /dev/null is no
 * terminal: any number of outputs may go there.
 */
export function namesStandardOutput(path: string, cwd: string): boolean {
  if (path === '-' || standardOutputNamed(path, cwd) === '-') return true;
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || !isatty(1)) return false;
    // (/dev/tty, the process's terminal, is another inode than the one standard output shows: audit)
    if (realpathSync(resolve(cwd, path)) === '/dev/tty') return true;
    const named = statSync(resolve(cwd, path));
    return named.dev === out.dev && named.ino === out.ino;
  } catch {
    return false;
  }
}

/** The file standard output is redirected to (its real path): redirectedFile(1). */
export function standardOutputFile(): string | undefined {
  return redirectedFile(1);
}

/**
 * The file a standard stream (0 input, 1 output) is redirected from or to (its real path), or
 * undefined when it is no regular file or the system cannot name it (no /proc).
 */
function redirectedFile(fd: 0 | 1): string | undefined {
  try {
    return fstatSync(fd).isFile() ? realpathSync(`/proc/self/fd/${fd}`) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the run record of an output named as standard output's own file goes (`given`, absolute): beside
 * the name given (`--out link.csv > link.csv`, as without the redirection: it went beside the link's
 * target, and an earlier record beside the link was read by --resume: audit), or beside the file
 * standard output goes to for one of its own names (`/dev/stdout`, `/proc/self/fd/1`); not vouching
 * when that file held something already (`>> log`: a record would vouch for rows that are not this
 * run's alone: audit); undefined when standard output is no file.
 */
function standardOutputRecordPlace(given: string): RecordPlace | undefined {
  const file = standardOutputFile();
  if (file === undefined) return undefined;
  return { beside: given.startsWith('/dev/') || given.startsWith('/proc/') ? file : given, vouches: fstatSync(1).size === 0 };
}

/**
 * The curves file a run record goes `beside`, and whether one is written (`vouches`: the file was empty
 * when the command began); where not, an earlier record there no longer describes the file and goes
 * (--resume read it, and cut the rows appended after it: audit).
 */
interface RecordPlace {
  readonly beside: string;
  readonly vouches: boolean;
}

/**
 * The record the command writes beside its curves (`beside`) and an earlier one it removes (`stale`):
 * for --out as given (`given`) and as written (`out`, `-` for standard output).
 */
export function recordFiles(out: string, given: string, cwd: string): { readonly beside?: string; readonly stale?: string } {
  if (out !== '-') return isSpecialFile(out) ? {} : { beside: out };
  const place = given === '-' ? undefined : standardOutputRecordPlace(resolve(cwd, given));
  if (place === undefined) return {};
  if (place.vouches) return { beside: place.beside };
  return existsSync(runRecordPath(place.beside)) ? { stale: runRecordPath(place.beside) } : {};
}

/**
 * Throws UsageError if standard output is a regular file that one of `inputs` names, for a command that
 * prints a line there (`merge s1.csv s2.csv >> s1.csv`, `plot r.csv >> r.csv` appended it to an input:
 * audit). Inputs only: an output named as standard output (`plot --out /dev/stdout > page.html`) is the
 * output's own business.
 */
export function checkStandardOutputNotInput(inputs: readonly NamedFile[], cwd: string): void {
  const input = inputs.find(({ path }) => standardOutputIs(resolve(cwd, path)));
  if (input !== undefined) throw new UsageError(`standard output and ${input.label} are the same file`, 'redirect standard output to another file');
}

/** Whether standard output is a regular file and `path` (absolute) names it (`run --config c.json >> c.json`). */
export function standardOutputIs(path: string): boolean {
  const target = standardOutputFileIdentity();
  return target !== undefined && fileIdentity(path, 'named') === target;
}

/** standardOutputIdentity when standard output is a regular file, else undefined. */
function standardOutputFileIdentity(): string | undefined {
  try {
    return fstatSync(1).isFile() ? standardOutputIdentity() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The identity of what standard output writes to (a file, a pipe, a socket), as another name of it
 * (/dev/stdout) has; undefined for a character device (a terminal, /dev/null), which takes any number.
 * (`--out - --summary /dev/stdout | wc` sent two CSVs down one pipe: audit.)
 */
function standardOutputIdentity(): string | undefined {
  try {
    return identityOf(fstatSync(1));
  } catch {
    return undefined;
  }
}

/** What a terminal's identity starts with (terminalIdentity). */
const TERMINAL = 'terminal:';

/**
 * The identity of the terminal a character device at `path` is (`terminal:<device number>`; /dev/tty,
 * the process's own terminal, as the terminal it stands for); undefined for any other device (/dev/null
 * takes any number of outputs) or a path that names none.
 */
function terminalIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    if (!stats.isCharacterDevice()) return undefined;
    if (realpathSync(path) === '/dev/tty') return controllingTerminal();
    const descriptor = openDeviceProbe(path);
    try {
      return isatty(descriptor) ? `${TERMINAL}${stats.rdev}` : undefined;
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return undefined; // (a device that does not open: refused by the output's own check)
  }
}

/** The identity of the terminal standard output is, if it is one. */
function standardOutputTerminal(): string | undefined {
  try {
    return isatty(1) ? `${TERMINAL}${fstatSync(1).rdev}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The identity of the process's controlling terminal (/dev/tty): its device number, the 7th field of
 * /proc/self/stat (proc(5): tty_nr, encoded as a stat's device number for the usual major numbers);
 * `terminal:/dev/tty` where the system does not say.
 */
function controllingTerminal(): string {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // (the command name, in parentheses, may hold spaces: the fields after it start at its last ')')
    const terminal = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[4]);
    if (Number.isInteger(terminal) && terminal > 0) return `${TERMINAL}${terminal}`;
  } catch {
    // (no /proc)
  }
  return `${TERMINAL}/dev/tty`;
}

