/**
 * Warnings held until the command goes on (src/cli/heldWarnings.ts): a refusal of the input after
 * warnings of it prints its one line alone (a review found two or more: a folder's first file warned
 * of, its second refused as binary; `--max-tokens` passed; `--anchor` larger than the corpus read),
 * while a command that goes on still says every warning, before its other output.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HeldWarnings } from '../../src/cli/heldWarnings.js';
import { runCli } from '../../src/cli/program.js';
import { freshFolder, runIn } from './robustnessHelpers.js';

/** Both streams into one text, in the order written. */
function sharedCapture(): { io: ConstructorParameters<typeof HeldWarnings>[0]; text: () => string } {
  let text = '';
  const sink = (): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
  return { io: { stdout: sink(), stderr: sink(), stdin: new PassThrough(), isTTY: false, cwd: '/' }, text: () => text };
}

const WARN = 'ngram-collapse: warning: ';

describe('HeldWarnings', () => {
  it('holds warning lines until anything else is written, then writes them first, in order; later ones go straight through', () => {
    const { io, text } = sharedCapture();
    const held = new HeldWarnings(io);
    held.io.stderr.write(`${WARN}one\n`);
    held.io.stderr.write(`${WARN}two\n`);
    expect(text()).toBe('');
    held.io.stdout.write('output\n');
    expect(text()).toBe(`${WARN}one\n${WARN}two\noutput\n`);
    held.io.stderr.write(`${WARN}three\n`);
    expect(text()).toBe(`${WARN}one\n${WARN}two\noutput\n${WARN}three\n`);
  });

  it('releases on a line to standard error that is no warning, on end, and when asked', () => {
    for (const go of [(held: HeldWarnings) => held.io.stderr.write('progress\n'), (held: HeldWarnings) => held.io.stdout.end(), (held: HeldWarnings) => held.release()]) {
      const { io, text } = sharedCapture();
      const held = new HeldWarnings(io);
      held.io.stderr.write(`${WARN}one\n`);
      go(held);
      expect(text().startsWith(`${WARN}one\n`)).toBe(true);
    }
  });

  it('releases when the command says its input is checked; later warnings go straight through', () => {
    const { io, text } = sharedCapture();
    const held = new HeldWarnings(io);
    held.io.stderr.write(`${WARN}one\n`);
    held.io.inputChecked!();
    expect(text()).toBe(`${WARN}one\n`);
    held.io.stderr.write(`${WARN}two\n`);
    expect(text()).toBe(`${WARN}one\n${WARN}two\n`);
  });

  it('tells a writer to go on when it holds a line (no backpressure), and holds nothing written to standard output, a text that reads like a warning too', () => {
    const { io, text } = sharedCapture();
    const held = new HeldWarnings(io);
    expect(held.io.stderr.write(`${WARN}one\n`)).toBe(true);
    expect(text()).toBe('');
    held.io.stdout.write(`${WARN}is a sentence of the text tokenize prints\n`);
    expect(text()).toBe(`${WARN}one\n${WARN}is a sentence of the text tokenize prints\n`);
  });

  it("calls a stream's own methods on the stream, so that its private fields are reached", () => {
    class Counting extends Writable {
      #writes = 0;
      counted(): number {
        return ++this.#writes;
      }
    }
    const stream = new Counting({ write: (_chunk, _encoding, done) => done() });
    const held = new HeldWarnings({ stdout: stream, stderr: stream, stdin: new PassThrough(), isTTY: false, cwd: '/' });
    expect((held.io.stdout as Counting).counted()).toBe(1);
  });

  it('drops what it holds when asked, and writes a refusal alone', () => {
    const { io, text } = sharedCapture();
    const held = new HeldWarnings(io);
    held.io.stderr.write(`${WARN}one\n`);
    held.discard();
    held.io.stderr.write('ngram-collapse: refused (do this)\n');
    expect(text()).toBe('ngram-collapse: refused (do this)\n');
  });

  it('keeps every other property of the streams (a stream read through it is the stream)', () => {
    const { io } = sharedCapture();
    const held = new HeldWarnings(io);
    expect(held.io.stdout.writable).toBe(true);
    expect(held.io.stdin).toBe(io.stdin);
    expect(held.io.cwd).toBe('/');
  });
});

describe('the CLI: a refusal after warnings of the input', () => {
  const latin1 = Buffer.from(Array.from({ length: 30 }, (_, i) => `caf\u00e9 au lait ${i} .\n`).join(''), 'latin1');

  it('prints the refusal alone: a folder whose second file is binary, --max-tokens passed, --anchor past the corpus', async () => {
    const cwd = freshFolder();
    mkdirSync(join(cwd, 'f'));
    writeFileSync(join(cwd, 'f', 'a.txt'), Buffer.from([0x6f, 0x6e, 0x65, 0x20, 0xff, 0x20, 0x2e, 0x0a]));
    writeFileSync(join(cwd, 'f', 'b.txt'), Buffer.from([0x78, 0x00, 0x79, 0x0a]));
    writeFileSync(join(cwd, 'lat.txt'), latin1);
    const refusals = [
      [['tokenize', 'f'], /^ngram-collapse: f\/b\.txt looks binary /u],
      [['tokenize', 'lat.txt', '--max-tokens', '3'], /^ngram-collapse: the corpus has more than 3 tokens /u],
      [['run', '--corpus', 'lat.txt', '--anchor', '100000', '--generations', '1', '--workers', '1', '--out', 'o.csv'], /^ngram-collapse: --anchor 100000 needs that many human sentences/u],
    ] as const;
    for (const [argv, line] of refusals) {
      const result = await runIn(cwd, argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.split('\n').filter(Boolean), argv.join(' ')).toEqual([expect.stringMatching(line)]);
    }
  });

  it('says the warnings of the input before a run starts its series, not at its end (a run whose standard error is no terminal writes nothing else till then: review)', async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'lat.txt'), latin1);
    // at the warning's write, the curves file holds no row yet (it is made at the start of the series,
    // or not at all): read on standard error as the line arrives
    const rowsAtWarning: number[] = [];
    const stderr = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (chunk.toString().startsWith(WARN)) rowsAtWarning.push(existsSync(join(cwd, 'o.csv')) ? readFileSync(join(cwd, 'o.csv'), 'utf8').split('\n').length - 2 : 0);
        done();
      },
    });
    const stdout = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await runCli(['run', '--corpus', 'lat.txt', '--generations', '3', '--workers', '1', '--out', 'o.csv'], { stdout, stderr, stdin: new PassThrough(), isTTY: false, cwd });
    expect(code).toBe(0);
    expect(rowsAtWarning).toEqual([0]);
    expect(readFileSync(join(cwd, 'o.csv'), 'utf8').split('\n').length - 2).toBe(8); // the default 2 cells x generations 0-3
  });

  it('still says each warning once where the command goes on', async () => {
    const cwd = freshFolder();
    writeFileSync(join(cwd, 'lat.txt'), latin1);
    const tokenized = await runIn(cwd, ['tokenize', 'lat.txt']);
    expect(tokenized.code).toBe(0);
    expect(tokenized.stderr.split('\n').filter((line) => line.startsWith(WARN))).toEqual([expect.stringMatching(/^ngram-collapse: warning: lat\.txt is not valid UTF-8 \(30 invalid byte sequences, the first on line 1\)/u)]);
    const ran = await runIn(cwd, ['run', '--corpus', 'lat.txt', '--generations', '1', '--workers', '1', '--out', 'o.csv']);
    expect(ran.code).toBe(0);
    expect(ran.stderr.startsWith(`${WARN}lat.txt is not valid UTF-8`)).toBe(true);
  });
});
