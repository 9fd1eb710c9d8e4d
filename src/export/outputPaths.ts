/**
 * Output path checks, made before any work so that a run never computes for minutes and then fails to
 * write. The one implementation used by the CLI commands and by the library's report writer.
 *
 * Contract: `checkWritable(path, cwd, flag)` returns the absolute path when it can be created or
 * overwritten: its folder exists, is a folder and is writable (a new file: it takes one, tried with
 * canCreateIn, also for an existing file, since every output is written beside its path and then put
 * in place; a device or FIFO, written directly, is not; a device must open for writing), and `path` is not itself a folder (an existing
 * file must be writable, and not kept by the system: append-only or immutable); a path ending in /, /.
 * or /.. names a folder and is refused, and so is a link whose text on the way ends in /; a link to a
 * file not yet made is checked as the file it makes (its folder must exist and take it); a file
 * written whole must find no folder at `<path>.partial`, where it is written first; `-`
 * (standard output) is returned as is. `checkWritableFolder`
 * returns the absolute path when it is a folder that takes new files or can be created (its nearest
 * existing ancestor is a writable folder that takes a new folder, tried with canCreateIn; a link to
 * nothing on the way is refused; `-` is refused).
 * Both refuse a blank path, and throw an InputError naming the flag, the path and the reason, and
 * leave nothing behind; a name of standard error (`/dev/stderr`, `/dev/fd/2`), where the messages go, is
 * refused. `checkFolderEntries(folder, given, entries, flag)` checks the entries a
 * command writes inside an output folder (paths relative to it; a folder ends in `/`): none that exists
 * may be a folder where a file goes, or a file where a folder goes (an InputError naming the flag, the
 * folder as given and the entry), nor a link to nothing where a folder goes, nor a folder at a file's
 * `<file>.partial`, nor a file the system keeps (append-only or immutable, which no
 * write replaces), and an existing folder entry must take new files; missing ones are fine. An
 * append-only folder is refused with the probe folder that told it named (it stays: makeFolder.ts).
 * `checkRemovable(folder, given, files, flag, what)` checks that files a command removes before it
 * writes (an earlier run's texts) can be removed: their folders writable and taking changes, the
 * files not kept by the system nor another user's in a sticky folder (one gone meanwhile is fine).
 */

import { accessSync, closeSync, constants, existsSync, lstatSync, openSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { canCreateIn } from './makeFolder.js';
import { checkNoFolderAtPartial, isSpecialFile, partialPath } from './wholeFile.js';
import { LinkLoopError, namedFile } from '../corpus/namedFile.js';
import { isLink } from '../corpus/isLink.js';
import { checkOwnDescriptor } from '../corpus/ownDescriptor.js';

/** How an output is written: `standardOutput` may be `-` (default true); `inPlace`: opened and truncated, not written beside its path and put in place (run's streamed CSVs). */
export interface WriteMode {
  readonly standardOutput?: boolean;
  readonly inPlace?: boolean;
}

/**
 * The checks of an output file's name alone, with no look at the file system (--print-config makes
 * them, for a config that may be meant for another machine): not blank, not a folder's name.
 */
export function checkFileName(path: string, flag: string, mode: WriteMode = {}): void {
  if (path === '-') return;
  // (an output that cannot go to standard output, an HTML page, does not offer it)
  checkNamed(path, flag, mode.standardOutput !== false ? 'a file name, or - for standard output' : 'a file name', mode.inPlace === true ? 'streamed' : 'whole');
  refuseFolderName(path, flag);
  // (a folder whatever the working directory: --print-config printed `--out .`: audit)
  if (path === '.' || path === '..') throw new InputError(`${flag} ${path} is a folder`, 'pass a file path');
}

/** The checks of an output folder's name alone (see checkFileName): not blank, not `-`. */
export function checkFolderName(path: string, flag: string): void {
  // (a folder is no stream: `-` would be a folder named -)
  if (path === '-') throw new InputError(`${flag} names a folder, and cannot be standard output (-)`, 'pass a folder path');
  checkNamed(path, flag, 'a folder path');
}

export function checkWritable(path: string, cwd: string, flag: string, mode: WriteMode = {}): string {
  const standardOutput = mode.standardOutput !== false;
  checkFileName(path, flag, mode);
  if (path === '-') return path;
  const absolute = resolve(cwd, path);
  checkPathLength(absolute, `${flag} ${path}`, mode.inPlace === true ? 0 : Buffer.byteLength(partialPath('')));
  const folder = dirname(absolute);
  if (!existsSync(folder)) {
    const { what, hint } = unreachable(folder);
    throw new InputError(`${flag} ${path}: ${what}`, hint);
  }
  if (!statSync(folder).isDirectory()) throw new InputError(`${flag} ${path}: ${folder} is not a folder`, 'choose a path inside a folder');
  if (existsSync(absolute) && statSync(absolute).isDirectory()) {
    throw new InputError(`${flag} ${path} is a folder`, 'pass a file path');
  }
  // (one of Node's own descriptors, `--out /dev/fd/6` where the shell opened none: its pipes took the
  // text silently, or crashed Node, exit 139; its epoll a raw ENXIO after the work: audit)
  checkOwnDescriptor(absolute, 'write', `${flag} ${path}`, 'FILE');
  // (standard error by name: `--out /dev/stderr` wrote its CSV among the messages and its run record
  // into /dev, where /dev/fd/2 was refused for its record: audit)
  if (namesStandardError(absolute)) {
    throw new InputError(`${flag} ${path} names standard error, where the command's messages go`, standardOutput ? 'pass a file path, or - for standard output' : 'pass a file path');
  }
  // The file a write makes: a link to a file not yet made is followed into the link's own folder.
  const target = followedName(absolute, path, flag);
  const targetFolder = checkTargetFolder(target, `${flag} ${path}`, 'create that folder, or choose another path');
  // (a device or FIFO, written directly, never replaced: the target is no folder here)
  const special = isSpecialFile(target);
  // (a socket, such as standard output of some programs named /dev/stdout: no open() reaches it by name, ENXIO after the work: audit)
  if (statSync(target, { throwIfNoEntry: false })?.isSocket() === true) {
    throw new InputError(`${flag} ${path} is a socket, which cannot be opened by name`, standardOutput ? 'pass - to write to standard output' : 'choose a file path');
  }
  // (a device no open() reaches, as /dev/tty in a process without a terminal: ENXIO after the work: audit)
  if (special && statSync(target, { throwIfNoEntry: false })?.isCharacterDevice() === true) checkDeviceOpens(target, `${flag} ${path}`, standardOutput);
  // (kept by the system first: access() calls an immutable file not writable, an append-only one writable)
  if (!canReplace(target)) throw new InputError(`${flag} ${path} ${KEPT}`, 'choose another path, or lift that with chattr');
  if (!canWrite(special || existsSync(target) ? target : targetFolder)) {
    const hint = existsSync(target) ? 'choose another path, or make the file writable' : 'choose a path in a folder you can write to';
    throw new InputError(`${flag} ${path} is not writable`, hint);
  }
  // A file is written beside its path, then put in place (wholeFile.ts), also over one that exists: its
  // folder must take a new file (root passes the permission test everywhere, yet /proc and /sys take
  // none, nor does an immutable folder: audit); one written in place needs that only to be made. A
  // device or FIFO is written directly.
  const exists = existsSync(target);
  if (!special && (!exists || mode.inPlace !== true) && !takesNewNames(targetFolder, `${flag} ${path}`)) {
    // (an existing file too, when it is replaced whole: say why a new one is needed)
    const why = exists ? `: it is written beside its path and then put in place, and no file can be made in ${targetFolder}` : `: no file can be made in ${targetFolder}`;
    throw new InputError(`${flag} ${path}${why}`, 'choose a path in a folder you can write to');
  }
  if (!special && exists && mode.inPlace !== true && othersInStickyFolder(target)) {
    throw new InputError(`${flag} ${path} ${OTHERS}`, 'choose another path');
  }
  // (another user's stale <path>.partial in a sticky folder: the write cannot remove it, a raw error after the work: audit)
  if (!special && mode.inPlace !== true && existsSync(partialPath(target)) && othersInStickyFolder(partialPath(target))) {
    throw new InputError(`${flag} ${path}: ${partialPath(target)}, where it is written first, ${OTHERS.replace('cannot be replaced', 'cannot be removed')}`, 'choose another path');
  }
  if (!special && mode.inPlace !== true) asOutput(`${flag} ${path}`, () => checkNoFolderAtPartial(target));
  return absolute;
}

/**
 * Whether `path` is one of the names of this process's standard error (descriptor 2), itself or
 * through links (`err -> /dev/stderr` wrote there too: round 2); each link is read, not followed to
 * the file standard error goes to (`--out x.csv 2> x.csv` replaces x.csv whole and is fine).
 */
function namesStandardError(path: string): boolean {
  // (this process's descriptor 2 under /proc by any of its names, a thread's included: /proc/thread-self
  // read as /proc/<pid>/task/<tid>: round 3)
  const own = new RegExp(`^/proc/(?:self|thread-self|${process.pid})(?:/task/\\d+)?/fd/2$`, 'u');
  const names = (name: string): boolean => name === '/dev/stderr' || name === '/dev/fd/2' || own.test(name);
  let at = path;
  // (a bound on the hops: a loop of links is refused elsewhere)
  for (let hop = 0; hop < 40; hop++) {
    if (names(at)) return true;
    try {
      // its folder by its real path (`d/fd/2` with d -> /dev: /proc/<pid>/fd/2), then its own link read
      at = join(realpathSync(dirname(at)), basename(at));
      if (names(at)) return true;
      at = resolve(dirname(at), readlinkSync(at));
    } catch {
      return false; // not a link, or nothing there
    }
  }
  return false;
}

/**
 * A descriptor of `device` open for writing, opened without becoming this process's terminal and
 * without waiting (a probe: the caller closes it); the system's error if it does not open.
 */
export function openDeviceProbe(device: string): number {
  return openSync(device, constants.O_WRONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
}

/** Refuses a character device that cannot be opened for writing: opened (openDeviceProbe) and closed at once. */
function checkDeviceOpens(device: string, named: string, standardOutput: boolean): void {
  let descriptor: number | undefined;
  try {
    descriptor = openDeviceProbe(device);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === 'ENXIO' && device === '/dev/tty' ? 'this process has no terminal' : (DEVICE_ERRORS[code] ?? code);
    throw new InputError(`${named} cannot be opened for writing: ${why}`, standardOutput ? 'pass - to write to standard output, or choose a file path' : 'choose a file path');
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

const DEVICE_ERRORS: Readonly<Record<string, string>> = {
  ENXIO: 'no device answers there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

const OTHERS = "cannot be replaced: it is another user's, in a folder where only a file's owner may replace it (sticky, as /tmp)";

/**
 * True for a file another user owns, in a sticky folder (mode +t, as /tmp) another user owns, when this
 * process is not root: the system lets no rename replace it nor unlink remove it (a raw EPERM after
 * the work: audit), though access() calls it writable.
 */
function othersInStickyFolder(file: string): boolean {
  const me = process.geteuid?.();
  if (me === undefined || me === 0) return false;
  // (a file or folder gone meanwhile, another shard clearing its own, is no one's: a raw ENOENT, audit)
  const folder = statSync(dirname(file), { throwIfNoEntry: false });
  // Stryker disable next-line ArithmeticOperator: S_ISVTX, the sticky bit
  if (folder === undefined || (folder.mode & 0o1000) === 0) return false;
  const owner = statSync(file, { throwIfNoEntry: false })?.uid;
  return owner !== undefined && owner !== me && folder.uid !== me;
}

/**
 * A path that names a folder, not a file: it ends in / or its last step is . or .. (`new/.` wrote
 * the file `new`, as `new/` did, or failed with EISDIR after the work: audits). Exported for a
 * command that resolves its paths before it checks them (plot).
 */
export function refuseFolderName(path: string, flag: string): void {
  const steps = path.split(sep);
  const last = steps.at(-1);
  // (`.` or `..` alone is an existing folder, which the caller's check names as one)
  if (steps.length > 1 && (last === '' || last === '.' || last === '..')) throw new InputError(`${flag} ${path} ends in ${last === '' ? sep : `${sep}${last}`}, which names a folder`, 'pass a file path');
}

const KEPT = 'cannot be replaced: the system keeps it (an append-only or immutable file, see lsattr)';

/** canCreateIn, its refusal of an append-only folder said as the output's (`shown`). */
function takesNewNames(folder: string, shown: string): boolean {
  try {
    return canCreateIn(folder);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${shown}: ${error.message}`, error.hint);
    throw error;
  }
}

/**
 * The file a write to `absolute` makes, links followed (namedFile); a loop of links, which no write
 * gets through, is refused, and so is a link to a name ending in / that is not there (a folder's
 * name: the write failed with a raw EISDIR after the work, audit).
 */
function followedName(absolute: string, path: string, flag: string): string {
  let target: string;
  try {
    target = namedFile(absolute);
  } catch (error) {
    if (error instanceof LinkLoopError) throw new InputError(`${flag} ${path} is a loop of links`, error.hint);
    // (a folder on the way the user may not look into: named, after the output)
    if (error instanceof InputError) throw new InputError(`${flag} ${path}: ${error.message}`, error.hint);
    throw error;
  }
  if (target.endsWith(sep)) throw new InputError(`${flag} ${path} is a link to ${target}, which names a folder`, 'point the link at a file, or choose another path');
  return target;
}

export function checkWritableFolder(path: string, cwd: string, flag: string): string {
  checkFolderName(path, flag);
  const absolute = resolve(cwd, path);
  checkPathLength(absolute, `${flag} ${path}`, FOLDER_ROOM);
  // (the folder as given when it is the one meant: plot passes absolute paths, named once, not twice)
  const named = (folder: string): string => (folder === path ? `${flag} ${path}` : `${flag} ${path}: ${folder}`);
  for (let folder = absolute; ; folder = dirname(folder)) {
    // (a link to nothing, or a loop of links, is a name no folder can be made at)
    if (!existsSync(folder) && isLink(folder)) throw new InputError(`${named(folder)} ${danglingLink(folder)}`, 'choose a folder path, or make the folder the link points to');
    if (existsSync(folder)) {
      if (!statSync(folder).isDirectory()) throw new InputError(`${flag} ${path}: ${folder} is a file, not a folder`, 'choose a folder path');
      if (!canWrite(folder)) throw new InputError(`${flag} ${path}: the folder ${folder} is not writable`, 'choose a folder you can write to');
      // (the folder itself takes the files, a parent the folder: root passes the permission test everywhere)
      if (!takesNewNames(folder, `${flag} ${path}`)) {
        const what = folder === absolute ? 'no file can be made in' : 'no folder can be made in';
        throw new InputError(`${flag} ${path}: ${what} ${folder}`, 'choose a folder you can write to');
      }
      return absolute;
    }
    if (dirname(folder) === folder) return absolute;
  }
}

/** `tags`: the entries written through `<file>.<tag>.partial` (a shard's human.txt), by entry. */
export function checkFolderEntries(folder: string, given: string, entries: readonly string[], flag: string, tags: Readonly<Record<string, string>> = {}): void {
  for (const entry of entries) {
    const wantsFolder = entry.endsWith('/');
    const name = wantsFolder ? entry.slice(0, -1) : entry;
    let stats;
    try {
      stats = statSync(join(folder, name), { throwIfNoEntry: false });
    } catch {
      // (ENOTDIR: a file stands where one of its folders goes, which that folder's own entry reports; or
      // the entry is a link to a name below a file: a raw ENOTDIR mid-run, audit)
      if (!wantsFolder) checkLinkedEntry(join(folder, name), given, name, flag);
      continue;
    }
    if (stats === undefined && !wantsFolder) checkLinkedEntry(join(folder, name), given, name, flag);
    // (a folder where a file is written first: found only when the file was written, halfway through the work: audit)
    if (!wantsFolder) asOutput(`${flag} ${given}`, () => checkNoFolderAtPartial(join(folder, name), Object.hasOwn(tags, name) ? tags[name] : undefined));
    // (a link to nothing where a folder goes: no folder can be made there, EEXIST halfway through the run: audit)
    if (stats === undefined && wantsFolder && isLink(join(folder, name))) {
      throw new InputError(`${flag} ${given}: ${name} ${danglingLink(join(folder, name))}`, 'remove the link, or make the folder it points to');
    }
    if (stats !== undefined && !wantsFolder && !canReplace(join(folder, name))) {
      throw new InputError(`${flag} ${given}: ${name} ${KEPT}`, 'choose another folder, or lift that with chattr');
    }
    if (stats?.isFile() === true && !wantsFolder && othersInStickyFolder(join(folder, name))) {
      throw new InputError(`${flag} ${given}: ${name} ${OTHERS}`, 'choose another folder');
    }
    if (stats === undefined) continue;
    if (stats.isDirectory() !== wantsFolder) {
      throw new InputError(
        `${flag} ${given}: ${name} is ${wantsFolder ? 'a file, where the command writes a folder' : 'a folder, where the command writes a file'}`,
        `move it away, or choose another folder`,
      );
    }
    // (a folder the command writes files into must take them: an immutable one failed mid-run, half
    // the figures written: audit)
    // (one another process removed meanwhile, a shard clearing its own, is made again by the run: CI)
    // (and one removed and made again by two others between the probe and the look: probed again)
    const refuses = (): boolean => !takesNewNames(join(folder, name), `${flag} ${given}: ${name}`) && existsSync(join(folder, name));
    if (wantsFolder && refuses() && refuses()) {
      throw new InputError(`${flag} ${given}: no file can be made in ${name}`, 'choose another folder, or lift that with chattr');
    }
  }
}

/**
 * The files a command removes before it writes (`files`, absolute: an earlier run's texts in a
 * --save-corpora folder) must be removable: the folder each is in writable and taking changes (not
 * immutable nor append-only), the file not kept by the system, nor another user's in a sticky folder.
 * One that was not failed the run after its curves were emptied, with a raw EACCES or EPERM (audit).
 * A file gone meanwhile (another shard cleared it) needs no removal. `what` says what the files are.
 */
export function checkRemovable(folder: string, given: string, files: readonly string[], flag: string, what: string): void {
  const probed = new Set<string>();
  const inside = (path: string): string => relative(folder, path) || given;
  for (const file of files) {
    const parent = dirname(file);
    const refuse = (why: string, hint: string): void => {
      if (lstatSync(file, { throwIfNoEntry: false }) !== undefined) throw new InputError(`${flag} ${given}: ${inside(file)}, ${what}, cannot be removed: ${why}`, hint);
    };
    if (!canWrite(parent)) {
      // (root may write everywhere the system lets anyone: a folder it may not is immutable, or on a read-only file system: audit)
      if (process.geteuid?.() === 0) refuse(`the folder ${inside(parent)} takes no change (immutable, see lsattr -d, or on a read-only file system)`, 'choose another folder, or lift that with chattr -i');
      else refuse(`the folder ${inside(parent)} is not writable`, 'choose another folder, or remove it as a user who may');
      continue;
    }
    if (!probed.has(parent) && !takesNewNames(parent, `${flag} ${given}`)) refuse(`the folder ${inside(parent)} takes no change`, 'choose another folder');
    probed.add(parent);
    if (!canReplace(file)) refuse('the system keeps it (an append-only or immutable file, see lsattr)', 'choose another folder, or lift that with chattr');
    if (othersInStickyFolder(file)) refuse("it is another user's, in a folder where only a file's owner may remove it (sticky, as /tmp)", 'choose another folder');
  }
}

/**
 * An entry that is a link to a file not yet made: its folder must exist and be one (a write through a
 * link into no folder failed after the work with a raw ENOENT: audit); a loop of links is refused.
 */
function checkLinkedEntry(path: string, given: string, name: string, flag: string): void {
  let link: boolean;
  try {
    link = lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return; // (ENOTDIR: a file stands where one of the entry's folders goes, which that folder's entry reports)
  }
  if (!link) return;
  checkTargetFolder(followedName(path, `${given}: ${name}`, flag), `${flag} ${given}: ${name}`, 'remove the link, or create that folder');
}

/** What a link that leads to no file or folder is: a link to a name that is not there (named), or a loop of links. */
function danglingLink(link: string): string {
  try {
    const target = namedFile(link);
    // (a link to f/ with f a file: f is there, and is no folder: audit)
    if (target.endsWith(sep) && existsSync(target.slice(0, -1))) return `is a link to ${target}, and ${target.slice(0, -1)} is a file, not a folder`;
    return `is a link to ${target}, which does not exist`;
  } catch (error) {
    if (error instanceof LinkLoopError) return 'is a loop of links';
    throw error;
  }
}

/** The folder the file `target` (a name links were followed to) goes in: it must exist and be a folder; `shown` names the output. */
function checkTargetFolder(target: string, shown: string, hint: string): string {
  const folder = dirname(target);
  if (!existsSync(folder)) throw new InputError(`${shown} is a link to ${target}, whose folder does not exist`, hint);
  if (!statSync(folder).isDirectory()) throw new InputError(`${shown} is a link to ${target}, and ${folder} is not a folder`, 'point the link at a file in a folder, or choose another path');
  return folder;
}

/** `check()`'s value, its InputError said as the output's (`shown`: the flag and the path as given). */
export function asOutput<T>(shown: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${shown}: ${error.message}`, error.hint);
    throw error;
  }
}

/** A blank path would resolve to the working directory itself. */
function checkNamed(path: string, flag: string, what: string, file?: 'whole' | 'streamed'): void {
  if (path.trim() === '') throw new InputError(`${flag} must be a path, got '${path}'`, `pass ${what}`);
  // (a raw ENAMETOOLONG, exit 1, from the first look at it, or after the work from the temporary
  // `<name>.partial` a whole file is written under; a streamed one, written in place, has none: audits)
  const names = path.split(sep);
  const fileName = file === 'whole' ? names.pop()! : undefined;
  if (names.some((name) => Buffer.byteLength(name) > MAX_NAME_BYTES)) throw new InputError(`${flag} ${path}: a name in it is longer than the system takes (${MAX_NAME_BYTES} bytes)`, 'choose a shorter name');
  const longest = MAX_NAME_BYTES - Buffer.byteLength(partialPath(''));
  if (fileName !== undefined && Buffer.byteLength(fileName) > longest) throw new InputError(`${flag} ${path}: the file name is longer than the system takes with the .partial it is written under first (${longest} bytes)`, 'choose a shorter name');
}

/**
 * Why an output's folder cannot be found: it does not exist, a folder on the way may not be looked into,
 * or it is a loop of links (both were said not to exist: audit).
 */
function unreachable(folder: string): { what: string; hint: string } {
  let code: unknown;
  try {
    statSync(folder);
  } catch (error) {
    code = (error as NodeJS.ErrnoException).code;
  }
  if (code === 'EACCES' || code === 'EPERM') return { what: `the folder ${folder} cannot be reached: a folder on the way may not be looked into (permission denied)`, hint: 'make the folders on the way searchable (chmod u+x), or choose another path' };
  if (code === 'ELOOP') return { what: `the folder ${folder} is a loop of links`, hint: 'point the link at a folder, or choose another path' };
  return { what: `the folder ${folder} does not exist`, hint: 'create the folder first, or choose another path' };
}

/**
 * Throws InputError if the output's whole path (`absolute`), with `room` bytes for what is written under
 * it (a whole file's `.partial`; a folder's files), passes the longest path the system takes: a raw
 * ENAMETOOLONG, exit 1, sometimes after the work (audit).
 */
function checkPathLength(absolute: string, shown: string, room: number): void {
  if (Buffer.byteLength(absolute) + room <= MAX_PATH_BYTES) return;
  throw new InputError(`${shown}: the path is longer than the system takes with what is written in it (${MAX_PATH_BYTES} bytes, ${room} of them for that)`, 'choose a shorter path');
}

/** The longest path Linux takes (PATH_MAX, with its final NUL). */
const MAX_PATH_BYTES = 4095;
/** Room an output folder leaves for the names written inside it (cell-<c>/replicate-<r>/generation-<g>.txt.partial, figures/<chart>.svg.partial). */
const FOLDER_ROOM = 100;

/** The longest name of a file or folder Linux's file systems take (NAME_MAX). */
const MAX_NAME_BYTES = 255;

/**
 * False for a file the system keeps although its permissions allow writing: append-only or immutable
 * (chattr +a, +i; root too), which refuses an open for writing without O_APPEND, as a rename over it
 * and a truncation are refused (EPERM after the work, the old curves emptied: audit). Tried by
 * opening it for writing (without truncating), which changes nothing; true for a name not there and for no
 * regular file (a device or FIFO is written directly, as it is).
 */
function canReplace(file: string): boolean {
  if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) return true;
  try {
    // (write-only: 'r+' needed read permission too, and refused a file mode 200: audit)
    closeSync(openSync(file, constants.O_WRONLY));
    return true;
  } catch (error) {
    // (EACCES is the permissions', said as "not writable" before; ETXTBSY a running program's, which a rename replaces)
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
