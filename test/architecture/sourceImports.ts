/**
 * Reads every TypeScript file under src/ and lists its imports, for the architecture tests.
 *
 * Imports are found in the text with comments and string contents blanked first (so an `import` in
 * a comment or a message does not count): static `import ... from '...'`, `export ... from '...'`,
 * side-effect `import '...'` and dynamic `import('...')`. Relative specifiers are resolved to a file
 * path under src/ (`.js` -> `.ts`); others (node:fs, commander) are kept as written.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

export interface SourceFile {
  /** Path relative to src/, with '/' (e.g. `model/mle.ts`). */
  readonly path: string;
  /** The text with comments removed and string contents blanked (quotes kept). */
  readonly code: string;
  /** Imported modules: src-relative paths for relative imports, else the specifier. */
  readonly imports: readonly string[];
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Blanks comments and the contents of string and template literals (kept: the quotes, and the
 * specifier strings of import/export-from clauses, which are recovered separately below).
 */
export function stripCommentsAndStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/gu, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      out += c;
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') {
          out += '  ';
          i += 2;
          continue;
        }
        out += text[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SPECIFIER = /(?:\bimport\s*(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s*)?|\bexport\s*(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*|\bimport\s*\(\s*)(['"])([^'"]+)\1/gu;

function importsOf(text: string, code: string, path: string): string[] {
  const found: string[] = [];
  // The specifiers are read from the original text at positions where the stripped code still has
  // an import/export keyword (so commented-out imports and strings that look like imports do not count).
  for (const match of text.matchAll(SPECIFIER)) {
    const at = match.index!;
    if (code.slice(at, at + 6) !== text.slice(at, at + 6)) continue;
    const specifier = match[2]!;
    if (!specifier.startsWith('.')) {
      found.push(specifier);
      continue;
    }
    const target = relative(SRC, resolve(SRC, dirname(path), specifier)).split('\\').join('/');
    found.push(target.replace(/\.js$/u, '.ts'));
  }
  return found;
}

export function sourceFiles(): SourceFile[] {
  return listFiles(SRC)
    .map((file) => {
      const path = relative(SRC, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      const code = stripCommentsAndStrings(text);
      return { path, code, imports: importsOf(text, code, path) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The cycles of the import graph (strongly connected components with more than one file, or a self-import). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components (Tarjan 1972), iterative over the sorted file list.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (start: string): void => {
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && targets.includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}
