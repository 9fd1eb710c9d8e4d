/**
 * A small glob matcher for corpus paths (Node 20 has no fs.glob).
 *
 * Contract: `*` matches any run of characters except `/`, `?` one such character, `**` any number of
 * folders (including none), `[...]` one character of a class (`[!...]` or `[^...]` its complement; a `]`
 * first in the class is one of its characters; a class never matches `/`); every other character,
 * `]` and a `[` without a closing `]` included, matches itself. As in a shell, a name that begins with
 * `.` (a hidden file or folder: .git, .ipynb_checkpoints, macOS's ._ files) is matched only by a
 * segment that begins with `.` itself: no `*`, `?`, class or `**` reaches it. The walk starts at the longest folder
 * prefix without wildcards and enters only folders the pattern can reach (one level per segment; any
 * depth from a segment holding `**` on); matches are files only, returned sorted. Symbolic links are
 * followed, but a folder already visited (a link loop) is not entered again: the walk reads names in
 * sorted order, so of two paths to one folder the first in that order is listed; a link to nothing is
 * skipped. A class the regular expression cannot hold (a range such as `[z-a]`) is an InputError, and
 * so is a folder the walk enters but may not read (permission denied: else the corpus would silently
 * lack its files). globReach answers where a file not made yet would be listed, by the same walk
 * (an output check: a file made where a link inside the walk leads is listed under the link's name).
 * Pure apart from reading folders.
 */

import { accessSync, constants, type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { landingPath } from './namedFile.js';

export function hasWildcard(spec: string): boolean {
  return /[*?[]/u.test(spec);
}

/** Converts a glob (with `/` separators) to an anchored regular expression; `shown` names the pattern in an error. */
export function globToRegExp(glob: string, shown = glob): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    // a wildcard that starts a name never matches the `.` of a hidden one
    const start = i === 0 || glob[i - 1] === '/' ? NOT_HIDDEN : '';
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        // any number of folders, none hidden; without the slash, the rest of the path's names too. Inside
        // a name (`v1**`) the name itself goes on as it may (`v1.2/`): only the names after it are checked.
        if (slash) source += start === '' ? `(?:[^/]*/${VISIBLE_FOLDERS})?` : VISIBLE_FOLDERS;
        else source += `${start}[^/]*(?:/${NOT_HIDDEN}[^/]*)*`;
        i += slash ? 2 : 1;
      } else {
        source += `${start}[^/]*`;
      }
    } else if (ch === '?') {
      source += `${start}[^/]`;
    } else if (ch === '[' && classEnd(glob, i) !== -1) {
      const close = classEnd(glob, i);
      source += start + characterClass(glob, i, close);
      i = close;
    } else {
      source += escaped(ch);
    }
  }
  try {
    return new RegExp(`^${source}$`, 'u');
  } catch {
    throw new InputError(`'${shown}' is not a valid pattern`, 'write a class as [a-z], lowest character first, or quote [ as [[]');
  }
}

/** At the start of a name: not a hidden one. */
const NOT_HIDDEN = '(?!\\.)';
/** Any number of folders (none too), each with a name that is not hidden. */
const VISIBLE_FOLDERS = `(?:${NOT_HIDDEN}[^/]*/)*`;

/** The index of the `]` closing the class opened at `open`, or -1 if none closes it. */
function classEnd(glob: string, open: number): number {
  const first = isNegation(glob[open + 1]) ? open + 2 : open + 1;
  return glob.indexOf(']', first + 1);
}

function isNegation(ch: string | undefined): boolean {
  return ch === '!' || ch === '^';
}

/** The class from `open` to `close` as a regular expression: its characters taken literally, `-` a range, never `/`. */
function characterClass(glob: string, open: number, close: number): string {
  const negated = isNegation(glob[open + 1]);
  const members = glob.slice(negated ? open + 2 : open + 1, close);
  return `(?!/)[${negated ? '^' : ''}${members.replace(/[\\\]^[]/gu, '\\$&')}]`;
}

/** A literal character, escaped where a regular expression would read it as syntax. */
function escaped(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Files matching `pattern` (relative to `cwd` unless absolute), sorted. `cwd` is a folder's path, not a
 * pattern: a `[`, `*` or `?` in it stands for itself, and so in the folder the pattern's names before
 * its first wildcard lead to (`../`, `data/`).
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const { base, matcher, enters } = globWalk(pattern, cwd);
  const found: string[] = [];
  walk(base, 0, enters, new Set<string>(), {
    file: (path) => {
      if (matcher.test(slashed(path))) found.push(path);
    },
  });
  return found.sort();
}

/**
 * Where expandGlob(pattern, cwd) would list a file once it is made: a function of the file's path as
 * named and its real path (`landingPath(path)`: where a write to it would land) that gives
 * the name the walk would list it under, or undefined when the walk would not list it (or `keep`, the
 * caller's filter of listed names, would leave it out). The name is the path as named when that matches,
 * else the name of a folder the walk enters, or of a link to nothing it meets, that leads to the file:
 * `data/ext -> /srv/ext` lists a file made in /srv/ext as data/ext/..., and `data/l.txt -> ../o.txt`
 * lists o.txt as data/l.txt once it is made (outputs there were let through: audits). The folders are
 * walked once, at the first path the name alone does not settle. A folder reached by two names is
 * answered for under either, where the walk lists it under the first in its order (a refusal too many,
 * never one too few).
 */
export function globReach(pattern: string, cwd: string, keep: (name: string) => boolean = () => true): (path: string, real: string) => string | undefined {
  const { base, matcher, enters } = globWalk(pattern, cwd);
  const listed = (name: string): boolean => matcher.test(slashed(name)) && keep(name);
  let names: Map<string, string[]> | undefined;
  return (path, real) => {
    if (listed(path)) return path;
    // (a landing through a missing folder, `missing/../o.txt`, leads nowhere: no walk reads it)
    if (real.split(sep).includes('..')) return undefined;
    names ??= walkedNames(base, enters);
    for (let folder = real; ; folder = dirname(folder)) {
      for (const name of names.get(folder) ?? []) {
        const candidate = join(name, relative(folder, real));
        if (listed(candidate)) return candidate;
      }
      if (dirname(folder) === folder) return undefined;
    }
  };
}

/** The names a walk meets that stand for other paths: each folder it enters and each link to nothing, by the real path they lead to. */
function walkedNames(base: string, enters: (depth: number, name: string) => boolean): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (real: string, name: string): void => {
    const known = names.get(real);
    if (known === undefined) names.set(real, [name]);
    else known.push(name);
  };
  walk(base, 0, enters, new Set<string>(), {
    file: () => undefined,
    folder: (path, real) => add(real, path),
    dangling: (path) => add(landingPath(path), path),
  });
  return names;
}

/** What a walk for `pattern` needs: the folder it starts at, the matcher of whole paths, and which folders it enters. */
function globWalk(pattern: string, cwd: string): { base: string; matcher: RegExp; enters: (depth: number, name: string) => boolean } {
  // The names before the pattern's first wildcard are a folder's path, resolved against `cwd` and taken
  // as they are: a `[`, `*` or `?` in them, or in the folders `..` climbs to, stands for itself (a cwd
  // below `dir[1]` read `../*.txt` in `dir1`: audit).
  const given = slashed(pattern).split('/');
  const wild = given.findIndex(hasWildcard);
  const firstWild = wild < 0 ? given.length - 1 : wild;
  const literal = given.slice(0, firstWild).join('/') || (given[0] === '' && firstWild > 0 ? '/' : '.');
  const base = resolve(cwd, literal);
  const parts = given.slice(firstWild);
  const prefix = slashed(base).replace(/\/$/u, '');
  const matcher = globToRegExp(`${prefix.replace(/[*?[]/gu, '[$&]')}/${parts.join('/')}`, pattern);
  return { base, matcher, enters: folderRules(parts.slice(0, -1), parts[parts.length - 1]!.includes('**'), pattern) };
}

function slashed(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Which folders the walk enters at each depth below its base: a name pattern, or any from a `**` on,
 * also from a `**` in the file name's segment (`data/**`, `data/**.txt`: files in every folder below).
 */
function folderRules(segments: readonly string[], lastIsDeep: boolean, pattern: string): (depth: number, name: string) => boolean {
  const inFolders = segments.findIndex((segment) => segment.includes('**'));
  const unbounded = inFolders >= 0 || !lastIsDeep ? inFolders : segments.length;
  const rules = segments.map((segment) => globToRegExp(segment, pattern));
  // Below a `**`, a hidden folder is entered only if a later segment names it (`**/.cache/*.txt`): a
  // hidden link walked first would mark the folder visited under a path the pattern never matches.
  const hiddenRules = segments.slice(Math.max(0, inFolders)).filter((segment) => segment.startsWith('.')).map((segment) => globToRegExp(segment, pattern));
  const entersHidden = (name: string): boolean => hiddenRules.some((rule) => rule.test(name));
  // Stryker disable next-line EqualityOperator: equivalent, at the segment holding `**` its own rule accepts every folder the pattern can reach
  return (depth, name) => (unbounded >= 0 && depth >= unbounded && (!name.startsWith('.') || entersHidden(name))) || (rules[depth]?.test(name) ?? false);
}

/** What a walk tells its caller: each file it lists, and (if asked) each folder it enters, with its real path, and each link to nothing. */
interface WalkVisitor {
  file(path: string): void;
  folder?(path: string, real: string): void;
  dangling?(path: string): void;
}

function walk(folder: string, depth: number, enters: (depth: number, name: string) => boolean, visited: Set<string>, visitor: WalkVisitor): void {
  let entries: Dirent[];
  try {
    const real = realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    // (a file where the pattern's folder goes, `f/*.txt`: nothing to list, not "permission denied", which
    // the access test below said of a file without x: round 3)
    if (!statSync(folder).isDirectory()) throw new InputError(`cannot read the folder ${folder}: it is a file, not a folder`, 'check the pattern: the part before its first wildcard names a folder');
    // (a folder that lists its names but may not be entered, no x: its files failed to open with a raw EACCES: audit;
    // said so, where "cannot read" and "make it readable" spoke of the r it has: probe)
    accessSync(folder, constants.R_OK);
    if (!searchable(folder)) throw new InputError(`cannot search the folder ${folder}: permission denied`, 'make it searchable (chmod u+x), or leave it out of the corpus');
    entries = readdirSync(folder, { withFileTypes: true });
    visitor.folder?.(folder, real);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A folder the corpus would include but cannot be read: refused, not a silently smaller corpus.
    if (isPermissionError(error)) throw new InputError(`cannot read the folder ${folder}: permission denied`, 'make it readable, or leave it out of the corpus');
    // (nested past the system's longest path: it was left out without a word: audit)
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENAMETOOLONG') throw new InputError(`cannot read the folder ${folder}: its path is longer than the system takes`, 'move its files to a shallower folder, or leave it out of the corpus');
    return; // gone since it was listed, or a loop of links: nothing to read there
  }
  for (const entry of entries.sort(byName)) {
    const path = join(folder, entry.name);
    const isFolder = entryIsFolder(entry, path);
    if (isFolder === undefined) {
      if (entry.isSymbolicLink()) visitor.dangling?.(path);
    } else if (!isFolder) {
      visitor.file(path);
    } else if (enters(depth, entry.name)) {
      walk(path, depth + 1, enters, visited, visitor);
    }
  }
}

/** Names in the order of their UTF-16 code units (as a plain sort of the names). */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Whether an entry is a folder, as the system follows links; undefined for a link to nothing or an
 * entry gone since it was listed. The listing's own type answers for a plain file or folder; a link,
 * or a type the file system does not give, is asked of the file itself.
 */
function entryIsFolder(entry: Dirent, path: string): boolean | undefined {
  if (entry.isDirectory()) return true;
  if (entry.isFile()) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
}
/** Whether this user may look up names in `folder` (x); a refusal other than permission's passes on. */
function searchable(folder: string): boolean {
  try {
    accessSync(folder, constants.X_OK);
    return true;
  } catch (error) {
    if (isPermissionError(error)) return false;
    throw error;
  }
}

function isPermissionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EACCES' || code === 'EPERM';
}
