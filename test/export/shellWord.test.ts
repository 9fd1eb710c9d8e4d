/**
 * shellWord: a command line's word as a POSIX shell reads it back (checked by running sh on it).
 */

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/export/shellWord.js';

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
