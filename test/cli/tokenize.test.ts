/**
 * `ngram-collapse tokenize`: one sentence per line, tokens separated by spaces, the summary on
 * stderr, the corpus options of `run`, and errors before any work.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { formatLoadProgress, startLoadProgress } from '../../src/cli/loadProgress.js';
import { cli, tempDir } from '../helpers/cli.js';
import { captureIO } from './captureIO.js';

describe('ngram-collapse tokenize', () => {
  it('prints sentences as the tool sees them and a summary line', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.txt'), 'It was first.\nThe dog ran.\n\nBREAKING NEWS\nMr. Smith left at 5 p.m. today.\n');
    const result = await cli(['tokenize', 'a.txt', '--tokenizer', 'whitespace'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('it was first.\nthe dog ran.\nbreaking news\nmr. smith left at 5 p.m. today.\n');
    // 4 sentences; 3 + 3 + 2 + 7 = 15 tokens; types: it was first. the dog ran. breaking news mr. smith
    // left at 5 p.m. today. = 15, all distinct; "BREAKING NEWS" ended at a line break without a mark.
    expect(result.stderr).toBe('sentences: 4, tokens: 15, types: 15, line breaks taken as sentence ends: 1\n');
  });

  it("prints the loader's warnings in the CLI's words: --jsonl-field, not the library's jsonlField (audit of other languages)", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'notes.ndjson'), '{"text": "One line here."}\n{"text": "Another one."}\n');
    const result = await cli(['tokenize', 'notes.ndjson', '--tokenizer', 'whitespace'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("ngram-collapse: warning: notes.ndjson looks like JSON Lines (its first line is a JSON object) but is read as plain text, its keys, quotes and braces as words (pass a field's name as --jsonl-field: it reads that field of each line as the text; a file named .jsonl is read so)\n");
    expect(result.stderr).not.toContain('jsonlField');
  });

  it('says --jsonl-field alone in the hint of a line that is no JSON, in a file read as JSON Lines by it', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'b.txt'), '{"body": "One."}\nnot json\n');
    const result = await cli(['tokenize', 'b.txt', '--jsonl-field', 'body'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/; --jsonl-field: it reads every file as JSON Lines, b\.txt too\)\n$/u);
    expect(result.stderr).not.toContain('jsonlField');
  });

  it('takes --corpus, the tokenizer, case and sentence options, and writes --out', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'b.txt'), 'Hello, World. Bye!\nAgain here');
    const result = await cli(['tokenize', '--corpus', 'b.txt', '--no-lowercase', '--sentences', 'line', '--out', 'out.txt'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toBe('Hello , World . Bye !\nAgain here\n');
    // line mode: no line-break count in the summary.
    expect(result.stderr).toBe('sentences: 2, tokens: 8, types: 8\n');
  });

  it('a file it cannot write (a full disk, /dev/full): one line and exit 1, not success', async () => {
    // brown:news is many blocks of 4096 sentences: the failure is seen at the next block, not only at the end
    for (const corpus of ['a.txt', 'brown:news']) {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'a.txt'), 'One line.\n');
      const result = await cli(['tokenize', corpus, '--out', '/dev/full', '--quiet'], { cwd });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('ngram-collapse: cannot write /dev/full: ENOSPC: no space left on device, write (free some space, or write to another disk)\n');
    }
  });

  it('a standard output that fails: the error, one line and exit 1', async () => {
    const failing = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' })) });
    const errors: string[] = [];
    const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => void (errors.push(chunk.toString()), done()) });
    const stdin = new PassThrough();
    stdin.end();
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.txt'), 'One line.\n');
    const code = await runCli(['tokenize', 'a.txt', '--quiet'], { stdout: failing, stderr, stdin, isTTY: false, cwd });
    expect(code).toBe(1);
    expect(errors.join('')).toBe('ngram-collapse: EIO: i/o error, write (rerun with --debug for details)\n');
  });

  it('normalizes to NFC unless --no-normalize, and char tokens are graphemes', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'c.txt'), '\u00E9t\u00E9 e\u0301te\u0301 👍🏽\n');
    const nfc = await cli(['tokenize', 'c.txt', '--tokenizer', 'char', '--quiet'], { cwd });
    expect(nfc.stdout).toBe('\u00E9 t \u00E9 \u00E9 t \u00E9 👍🏽\n');
    expect(nfc.stderr).toBe('');
    const raw = await cli(['tokenize', 'c.txt', '--tokenizer', 'whitespace', '--no-normalize'], { cwd });
    expect(raw.stderr).toMatch(/types: 3,/u);
  });

  it('reads standard input and JSONL with --jsonl-field', async () => {
    const result = await cli(['tokenize', '-', '--jsonl-field', 'body', '--tokenizer', 'whitespace', '--quiet'], {
      stdin: '{"body": "One. Two."}\n{"body": "Three"}\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('one.\ntwo.\nthree\n');
  });

  it('refuses a missing corpus and a bad option with exit code 2, printing nothing else', async () => {
    const none = await cli(['tokenize']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^ngram-collapse: tokenize needs a corpus \(pass files, or --corpus SPEC/u);
    const missing = await cli(['tokenize', 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    const bad = await cli(['tokenize', 'brown:news', '--sentences', 'words']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sentences/u);
  });

  it('refuses a text with no token, and prints one of empty sentences alone kept by --empty-sentences (as README says)', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'blank.txt'), '  \n\n');
    const refused = await cli(['tokenize', 'blank.txt'], { cwd });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, '', 'ngram-collapse: the corpus blank.txt holds no tokens (pass a non-empty text corpus)\n']);
    const kept = await cli(['tokenize', 'blank.txt', '--sentences', 'line', '--empty-sentences'], { cwd });
    expect([kept.code, kept.stdout, kept.stderr]).toEqual([0, '\n\n', 'sentences: 2, tokens: 0, types: 0\n']);
  });
});

describe('loading progress', () => {
  it('formats bytes read against the total, or alone when the total is unknown', () => {
    expect(formatLoadProgress(120_500_000, 286_000_000)).toBe('reading corpus  42% (120.5 of 286.0 MB)');
    expect(formatLoadProgress(3_000_000, undefined)).toBe('reading corpus 3.0 MB');
    expect(formatLoadProgress(3_000_000, 0)).toBe('reading corpus 3.0 MB'); // a size of 0 (a pipe, a special file): no percentage
  });

  it('draws only on a terminal, after a second, and clears its line', () => {
    let time = 0;
    const tty = captureIO(tempDir(), true);
    const progress = startLoadProgress(tty.io, true, () => time);
    progress.onProgress!(1, 10);
    expect(tty.stderr()).toBe('');
    time = 1500;
    progress.onProgress!(5, 10);
    progress.done();
    expect(tty.stderr()).toBe('\rreading corpus  50% (0.0 of 0.0 MB)\u001B[K\r\u001B[K');
    progress.done(); // nothing drawn since: nothing to clear
    expect(tty.stderr()).toBe('\rreading corpus  50% (0.0 of 0.0 MB)\u001B[K\r\u001B[K');
    expect(startLoadProgress(captureIO(tempDir(), false).io, true).onProgress).toBeUndefined();
    expect(startLoadProgress(tty.io, false).onProgress).toBeUndefined();
  });

  it('draws from 1 s on, at most every 200 ms, and clears only a line it drew', () => {
    const tty = captureIO(tempDir(), true);
    let time = 10_000;
    const progress = startLoadProgress(tty.io, true, () => time);
    const at = (ms: number, bytes: number): void => {
      time = 10_000 + ms;
      progress.onProgress!(bytes * 1e6, 100e6);
    };
    progress.done(); // nothing drawn yet: nothing to clear
    at(999, 1); // before the first second: silent
    at(1000, 2); // drawn
    at(1199, 3); // 199 ms after the last line: silent
    at(1200, 4); // drawn
    at(1399, 5);
    at(1400, 6); // drawn
    progress.done();
    expect(tty.stderr()).toBe(
      ['\rreading corpus   2% (2.0 of 100.0 MB)\u001B[K', '\rreading corpus   4% (4.0 of 100.0 MB)\u001B[K', '\rreading corpus   6% (6.0 of 100.0 MB)\u001B[K', '\r\u001B[K'].join(''),
    );
  });
});
