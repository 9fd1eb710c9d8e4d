/**
 * The loader's core, readText.ts, and everything it imports run without Node: no `node:` module, no
 * `process`, no `Buffer` (the browser playground bundles it). Read from the sources, transitively.
 */

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** The project files readText.ts imports, transitively, with their text. */
function closure(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const [, spec] of text.matchAll(/^import[^'"]*from '([^']+)';/gmu)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!.replace(/\.js$/u, '.ts')));
    }
  };
  visit(entry);
  return seen;
}

describe('the fs-free corpus core', () => {
  it('readText.ts and its imports use no Node module, process or Buffer', () => {
    const files = closure(join(SRC, 'corpus/readText.ts'));
    expect(files.size).toBeGreaterThan(5);
    for (const [file, text] of files) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
      expect({ file, node: /from 'node:|require\(/u.test(code), process: /\bprocess\./u.test(code), buffer: /\bBuffer\./u.test(code) }).toEqual({
        file,
        node: false,
        process: false,
        buffer: false,
      });
    }
  });
});
