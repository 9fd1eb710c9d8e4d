/**
 * A small glob matcher for corpus paths (Node 20 has no fs.glob).
 *
 * Contract: `*` matches any run of characters except `/`, `?` one such character, `**` any number of
 * folders (including none), `[...]` a character class. The walk starts at the longest folder prefix
 * without wildcards; matches are files only, returned sorted. Symbolic links are followed, but a
 * folder already visited (a link loop) is not entered again. Pure apart from reading folders.
 */

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export function hasWildcard(spec: string): boolean {
  return /[*?[]/u.test(spec);
}

/** Converts a glob (with `/` separators) to an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        source += `[${glob.slice(i + 1, close).replace(/^!/u, '^')}]`;
        i = close;
      }
    } else {
      source += ch.replace(/[.+^${}()|\\]/gu, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

/** Files matching `pattern` (relative to `cwd` unless absolute), sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = resolve(cwd, pattern).split(sep).join('/');
  const parts = absolute.split('/');
  const firstWild = parts.findIndex(hasWildcard);
  const base = parts.slice(0, firstWild).join('/') || '/';
  const matcher = globToRegExp(absolute);
  const found: string[] = [];
  walk(base, new Set<string>(), (file) => {
    if (matcher.test(file.split(sep).join('/'))) found.push(file);
  });
  return found.sort();
}

function walk(folder: string, visited: Set<string>, visit: (file: string) => void): void {
  let names: string[];
  try {
    const real = realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const path = join(folder, name);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (isDirectory) walk(path, visited, visit);
    else visit(path);
  }
}
