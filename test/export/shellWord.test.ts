/**
 * shellWord: a command line's word as a POSIX shell reads it back (checked by running sh on it).
 */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { optionWords, shellWord } from '../../src/export/shellWord.js';

describe('shellWord', () => {
  it('keeps a plain word, and quotes one a shell would split, expand or glob so that sh reads it back', () => {
    expect(shellWord('brown:news')).toBe('brown:news');
    expect(shellWord('a/b-c_d.csv')).toBe('a/b-c_d.csv');
    expect(shellWord('my file.txt')).toBe("'my file.txt'");
    for (const word of ['my file.txt', 'd $1', "it's", '`date`', '*.txt', 'a"b', '', 'tab\there', '\\back']) {
      const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellWord(word)}`], { encoding: 'utf8' });
      expect(echoed, word).toBe(word);
    }
  });
});

describe('optionWords', () => {
  it("joins a value that starts with '-' to its flag (the CLI would read it as a flag); '-' alone and other values stay apart", () => {
    expect(optionWords('--corpus', '-notes.txt')).toEqual(['--corpus=-notes.txt']);
    expect(optionWords('--corpus', "-it's.txt")).toEqual(["'--corpus=-it'\\''s.txt'"]);
    expect(optionWords('--corpus', '-')).toEqual(['--corpus', '-']);
    expect(optionWords('--out', 'a b.csv')).toEqual(['--out', "'a b.csv'"]);
  });
});
