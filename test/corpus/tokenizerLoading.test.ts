/**
 * tokenizerFor in a fresh process (the built library, as a program that imports it runs): a tokenizer
 * whose code loads on first use (`word`, `treebank`, the published encodings) is refused with a
 * UsageError saying to await prepareTokenizer, which the package exports; after it, the tokenizer
 * works; a name that is no string is a UsageError too. Needs `npm run build` (npm test builds first).
 */

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIBRARY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

const PROGRAM = `
const { tokenizerFor, prepareTokenizer, UsageError } = await import(${JSON.stringify(LIBRARY)});
const lines = [];
const attempt = (what, call) => {
  try { lines.push(what + ': ' + JSON.stringify(call())); }
  catch (error) { lines.push(what + ': ' + (error instanceof UsageError ? 'UsageError: ' + error.message + ' (' + error.hint + ')' : 'other: ' + error)); }
};
attempt('word before', () => tokenizerFor('word')('Hello world'));
attempt('gpt2 before', () => tokenizerFor('gpt2')('Hello'));
attempt('a number', () => tokenizerFor(5));
await prepareTokenizer('word');
await prepareTokenizer('gpt2');
attempt('word after', () => tokenizerFor('word')('Hello world'));
attempt('gpt2 after', () => tokenizerFor('gpt2')('Hello world').length);
attempt('wordpunct', () => tokenizerFor('wordpunct')('Hi, you'));
console.log(lines.join('\\n'));
`;

describe('tokenizerFor in a fresh process', () => {
  it('says to await prepareTokenizer for a tokenizer not loaded yet, and works after it', () => {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', PROGRAM], { encoding: 'utf8' });
    expect(output.trim().split('\n')).toEqual([
      "word before: UsageError: tokenizer 'word' is not loaded yet (await prepareTokenizer('word') first (loadCorpus and readCorpusText load it))",
      "gpt2 before: UsageError: tokenizer 'gpt2' is not loaded yet (await prepareTokenizer('gpt2') first (loadCorpus and readCorpusText load it))",
      "a number: UsageError: tokenizer must be a name, got '5' (use one of: word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K)",
      'word after: ["Hello","world"]',
      'gpt2 after: 2',
      'wordpunct: ["Hi",",","you"]',
    ]);
  });
});
