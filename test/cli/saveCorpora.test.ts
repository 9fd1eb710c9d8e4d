/**
 * Runs you can read back: the texts `--save-corpora` writes, re-read with `metrics --sentences line
 * --empty-sentences --tokenizer whitespace --reference DIR/human.txt`, give exactly the row's text
 * metrics (every column `metrics` writes), for orders 1 to 3, MLE and Kneser-Ney, with a human share
 * (so the files hold a top-up) and with the empty sentences an order-1 model samples.
 */

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { clearCorpusFolder } from '../../src/export/corpusFiles.js';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_METRIC_COLUMNS } from '../../src/cli/commands/metrics.js';
import { runCli } from '../../src/cli/program.js';
import { readCsvLines } from '../../src/export/csvLines.js';
import { cli } from '../helpers/cli.js';
import { captureIO } from './captureIO.js';

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
const GENERATIONS = 3;

let dir: string;
async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO(dir);
  const code = await runCli(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
const table = (text: string | Buffer): Array<Record<string, string>> => {
  const [header, ...rows] = readCsvLines(Buffer.from(text)).lines.map((line) => line.fields);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
};

let curves: Array<Record<string, string>>;
let manifest: { cells: Array<{ folder: string; cell: string }>; shareSentences: Record<string, number[]> };

const RUN = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '1,2,3', '--smoothing', 'mle,kneser-ney', '--human-ratio', '0.3', '--generations', String(GENERATIONS), '--seed', '5', '--workers', '1', '--out', 'c.csv', '--extinctions', 'ext.csv', '--quiet'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-readback-'));
  const result = await run([...RUN, '--save-corpora', 'texts']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  curves = table(readFileSync(join(dir, 'c.csv')));
  manifest = JSON.parse(readFileSync(join(dir, 'texts/manifest.json'), 'utf8')) as typeof manifest;
});

describe('--save-corpora texts read back', () => {
  it('give every text column of their rows exactly, generation 0 (human.txt) included', async () => {
    expect(manifest.cells).toHaveLength(6);
    for (const { folder, cell } of manifest.cells) {
      const files = ['texts/human.txt', ...Array.from({ length: GENERATIONS }, (_, g) => `texts/${folder}/replicate-1/generation-${g + 1}.txt`)];
      const measured = await run(['metrics', '--reference', 'texts/human.txt', '--sentences', 'line', '--empty-sentences', '--tokenizer', 'whitespace', ...files]);
      expect(measured.stderr).toBe('');
      const rows = curves.filter((row) => row['cell'] === cell);
      expect(rows).toHaveLength(GENERATIONS + 1);
      table(measured.stdout).forEach((values, g) => {
        for (const column of TEXT_METRIC_COLUMNS) expect({ cell, g, column, value: values[column] }).toEqual({ cell, g, column, value: rows[g]![column] });
      });
    }
  });

  it('read back to the rows of a --no-normalize run with the README\'s command, which keeps the text as written (audit: NFC and NFD spellings merged on reading back, 444 types against 441)', async () => {
    // "café" composed (U+00E9) and decomposed (e + U+0301): two types in a run with --no-normalize
    const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
    const mixed = lines.map((line, i) => (i % 4 === 0 ? `${line} caf\u00e9` : i % 4 === 1 ? `${line} cafe\u0301` : line));
    writeFileSync(join(dir, 'mixed.txt'), `${mixed.join('\n')}\n`);
    const ran = await run(['run', '--corpus', 'mixed.txt', '--sentences', 'line', '--tokenizer', 'whitespace', '--no-normalize', '--human-ratio', '0', '--generations', '2', '--seed', '3', '--workers', '1', '--out', 'mixed.csv', '--save-corpora', 'mixed', '--quiet']);
    expect(ran.code).toBe(0);
    const rows = table(readFileSync(join(dir, 'mixed.csv')));
    const files = ['mixed/human.txt', 'mixed/cell-1/replicate-1/generation-1.txt', 'mixed/cell-1/replicate-1/generation-2.txt'];
    const readBack = ['metrics', '--sentences', 'line', '--empty-sentences', '--tokenizer', 'whitespace', '--no-lowercase', '--no-normalize', '--reference', 'mixed/human.txt', ...files];
    const measured = await run(readBack);
    expect(measured.stderr).toBe('');
    table(measured.stdout).forEach((values, g) => {
      for (const column of TEXT_METRIC_COLUMNS) expect({ g, column, value: values[column] }).toEqual({ g, column, value: rows[g]![column] });
    });
    // normalizing on reading back would merge the two spellings: one type fewer at generation 0
    const normalized = table((await run(readBack.filter((arg) => arg !== '--no-normalize'))).stdout);
    expect(Number(normalized[0]!['types'])).toBe(Number(rows[0]!['types']) - 1);
  });

  it('keep the empty sentences an order-1 model samples as empty lines', () => {
    const cell = manifest.cells.find((entry) => entry.cell === 'order=1/smoothing=mle')!;
    const text = readFileSync(join(dir, 'texts', cell.folder, 'replicate-1', 'generation-1.txt'), 'utf8');
    const lines = text.split('\n').slice(0, -1);
    expect(lines.filter((line) => line === '').length).toBeGreaterThan(0);
    const row = curves.find((entry) => entry['cell'] === cell.cell && entry['generation'] === '1')!;
    expect(lines).toHaveLength(Number(row['sentences']));
  });

  it('say in the manifest how many first lines are the batch\'s synthetic share (about 70% of N), the rest the top-up', () => {
    for (const { folder, cell } of manifest.cells) {
      const shares = manifest.shareSentences[`${folder}/replicate-1`]!;
      expect(shares).toHaveLength(GENERATIONS);
      shares.forEach((share, g) => {
        const lines = readFileSync(join(dir, 'texts', folder, 'replicate-1', `generation-${g + 1}.txt`), 'utf8').split('\n').slice(0, -1);
        const shareTokens = lines.slice(0, share).join(' ').split(' ').filter(Boolean).length;
        const row = curves.find((entry) => entry['cell'] === cell && entry['generation'] === String(g + 1))!;
        const n = Number(curves.find((entry) => entry['cell'] === cell && entry['generation'] === '0')!['tokens']);
        expect(shareTokens).toBeGreaterThanOrEqual(n - Math.round(0.3 * n) - 12); // the human share overshoots by < one sentence
        expect(shareTokens).toBeLessThan(0.75 * n);
        expect(Number(row['tokens'])).toBeGreaterThanOrEqual(n);
      });
    }
  });
});

describe('--extinctions follows the measured text', () => {
  it('counts as alive at the last generation exactly the seed types of that row\'s text', () => {
    const extinctions = table(readFileSync(join(dir, 'ext.csv')));
    for (const { cell } of manifest.cells) {
      const types = extinctions.filter((row) => row['cell'] === cell);
      const alive = types.filter((row) => row['last_seen'] === String(GENERATIONS)).length;
      const last = curves.find((row) => row['cell'] === cell && row['generation'] === String(GENERATIONS))!;
      // vocab_retention = alive / seed types, written to 6 significant digits
      expect(Number((alive / types.length).toPrecision(6))).toBe(Number(last['vocab_retention']));
    }
  });
});

describe('--empty-sentences', () => {
  it('reads a blank line as an empty sentence with --sentences line, and is refused without it', async () => {
    const stdin = 'a b\n\nc\n\n';
    // lines "a b", "", "c", "": 4 sentences, 3 tokens; without the flag the blank lines are nothing.
    const kept = await cli(['metrics', '--sentences', 'line', '--empty-sentences', '-'], { stdin });
    expect(kept.code).toBe(0);
    expect(table(kept.stdout)[0]).toMatchObject({ tokens: '3', sentences: '4' });
    const dropped = await cli(['metrics', '--sentences', 'line', '-'], { stdin });
    expect(table(dropped.stdout)[0]).toMatchObject({ tokens: '3', sentences: '2' });
    const refused = await cli(['metrics', '--empty-sentences', '-'], { stdin });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('ngram-collapse: --empty-sentences needs --sentences line, got --sentences auto (add --sentences line: one sentence per line, a blank line an empty sentence)\n');
  });

  it('reads back a generation of empty sentences alone (a collapsed order-1 model) to its row; a reference of no tokens is refused', async () => {
    // H: 3 tokens and 300 empty sentences, so M0 ends 300 of 303 sentences at once: generation 1's three
    // sentences (N = 3 tokens, at most N sentences) are empty, and M1, trained on them, writes nothing else.
    writeFileSync(join(dir, 'sparse.txt'), `a b c\n${'\n'.repeat(300)}`);
    const collapsed = await run(['run', '--corpus', 'sparse.txt', '--sentences', 'line', '--empty-sentences', '--order', '1', '--human-ratio', '0', '--holdout', '0', '--generations', '2', '--seed', '1', '--workers', '1', '--out', 'sparse.csv', '--save-corpora', 'sparse', '--quiet']);
    expect(collapsed.code).toBe(0);
    const rows = table(readFileSync(join(dir, 'sparse.csv')));
    expect(rows.map((row) => row['tokens'])).toEqual(['3', '0', '0']);
    const files = ['sparse/human.txt', 'sparse/cell-1/replicate-1/generation-1.txt', 'sparse/cell-1/replicate-1/generation-2.txt'];
    const measured = await run(['metrics', '--reference', 'sparse/human.txt', '--sentences', 'line', '--empty-sentences', '--tokenizer', 'whitespace', ...files]);
    expect(measured.stderr).toBe('');
    table(measured.stdout).forEach((values, g) => {
      for (const column of TEXT_METRIC_COLUMNS) expect({ g, column, value: values[column] }).toEqual({ g, column, value: rows[g]![column] });
    });
    const noReference = await run(['metrics', '--reference', files[1]!, '--sentences', 'line', '--empty-sentences', files[0]!]);
    expect(noReference.code).toBe(2);
    expect(noReference.stderr).toBe(`ngram-collapse: the reference ${files[1]} holds no tokens, only 3 empty sentence(s) (pass a reference with text)\n`);
  });

  it('refuses a run, train or generate on empty sentences alone, naming them, whatever the holdout', async () => {
    writeFileSync(join(dir, 'blank.txt'), '\n\n  \n');
    const E = ['--sentences', 'line', '--empty-sentences'];
    for (const holdout of ['0', '0.1']) {
      const refused = await run(['run', '--corpus', 'blank.txt', ...E, '--holdout', holdout, '--out', 'blank.csv']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe('ngram-collapse: the corpus blank.txt holds no tokens, only 3 empty sentence(s) (pass a corpus with text)\n');
    }
    expect(existsSync(join(dir, 'blank.csv'))).toBe(false);
    for (const command of ['train', 'generate']) {
      const refused = await run([command, '--corpus', 'blank.txt', ...E]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe('ngram-collapse: the corpus blank.txt holds no tokens, only 3 empty sentence(s) (pass a corpus with text)\n');
    }
  });

  it('says when the holdout split leaves H without tokens (the corpus has text), and what to change', async () => {
    // one word and 19 empty sentences: a holdout of 0.9 holds out 18 sentences, with seed 1 the word's among them
    writeFileSync(join(dir, 'oneword.txt'), `word\n${'\n'.repeat(19)}`);
    const refused = await run(['run', '--corpus', 'oneword.txt', '--sentences', 'line', '--empty-sentences', '--holdout', '0.9', '--seed', '1', '--out', 'one.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("ngram-collapse: the holdout split left the human pool without tokens: its 2 sentence(s) are empty, the corpus's 1 token(s) all held out (use a smaller holdout share or another seed)\n");
  });

  it('train --eval on a text of empty sentences alone gives no OOV rate (no tokens), not NaN', async () => {
    writeFileSync(join(dir, 'words.txt'), 'a b\nb c\n');
    writeFileSync(join(dir, 'blank-eval.txt'), '\n\n\n');
    const trained = await run(['train', '--corpus', 'words.txt', '--sentences', 'line', '--empty-sentences', '--eval', 'blank-eval.txt']);
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain('OOV rate n/a (0 of 0 tokens), 3 sentences, 3 predictions scored');
    expect(trained.stdout).not.toContain('NaN');
  });
});

describe('--resume with --save-corpora', () => {
  it('is refused when the folder lacks the texts of series already complete (a folder added or changed on --resume), before any file changes', async () => {
    const before = readFileSync(join(dir, 'c.csv'));
    const refused = await run([...RUN, '--save-corpora', 'other', '--resume']);
    expect(refused.stderr).toBe(
      `ngram-collapse: --resume: the --save-corpora folder ${join(dir, 'other')} lacks the texts of series already complete in ${join(dir, 'c.csv')} (${join('cell-1', 'replicate-1', 'generation-1.txt')} is missing) (resume with the --save-corpora folder of the interrupted run, or start afresh without --resume to save every text)\n`,
    );
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'c.csv')).equals(before)).toBe(true);
    const resumed = await run([...RUN, '--save-corpora', 'texts', '--resume']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(readFileSync(join(dir, 'c.csv')).equals(before)).toBe(true);
  });

  it("is refused when the folder holds another run's texts of the same names (its manifest's fingerprint differs), before any file changes", async () => {
    // the same sweep with another seed: every file name is the same, no text is
    const other = await run([...RUN.map((arg) => ({ '5': '6', 'c.csv': 'c6.csv', 'ext.csv': 'ext6.csv' })[arg] ?? arg), '--save-corpora', 'seed6']);
    expect(other.code).toBe(0);
    const before = readFileSync(join(dir, 'c.csv'));
    const texts = readFileSync(join(dir, 'seed6', 'cell-1', 'replicate-1', 'generation-1.txt'));
    const refused = await run([...RUN, '--save-corpora', 'seed6', '--resume']);
    expect(refused.stderr).toBe(
      `ngram-collapse: --resume: the --save-corpora folder ${join(dir, 'seed6')} holds the texts of another run (its manifest was written with other settings or another corpus than ${join(dir, 'c.csv')}) (resume with the --save-corpora folder of the interrupted run, or start afresh without --resume)\n`,
    );
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'c.csv')).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'seed6', 'cell-1', 'replicate-1', 'generation-1.txt')).equals(texts)).toBe(true);
    // the manifest names the fingerprint of the run record next to the CSV
    const fingerprintOf = (file: string): string => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { fingerprint: string }).fingerprint;
    expect(fingerprintOf('seed6/manifest.json')).toBe(fingerprintOf('c6.csv.run.json'));
    expect(fingerprintOf('texts/manifest.json')).toBe(fingerprintOf('c.csv.run.json'));
    // a manifest that names no fingerprint (an older version's, or edited) keeps no counts: every
    // series is redone, and the folder ends with this run's texts
    const manifest = JSON.parse(readFileSync(join(dir, 'seed6', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest['fingerprint'];
    writeFileSync(join(dir, 'seed6', 'manifest.json'), JSON.stringify(manifest));
    const redone = await run([...RUN, '--save-corpora', 'seed6', '--resume']);
    expect([redone.stderr, redone.code]).toEqual(['', 0]);
    expect(readFileSync(join(dir, 'c.csv')).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'seed6', 'cell-6', 'replicate-1', 'generation-3.txt')).equals(readFileSync(join(dir, 'texts', 'cell-6', 'replicate-1', 'generation-3.txt')))).toBe(true);
    const counts = (folder: string): unknown => (JSON.parse(readFileSync(join(dir, folder, 'manifest.json'), 'utf8')) as { shareSentences: unknown }).shareSentences;
    expect(counts('seed6')).toEqual(counts('texts'));
    expect(fingerprintOf('seed6/manifest.json')).toBe(fingerprintOf('c.csv.run.json'));
  });
});

describe('--resume with --save-corpora after a run killed outright', () => {
  it('redoes a complete series whose share counts the manifest lacks, and ends with the files of an uninterrupted run', async () => {
    // A SIGKILL leaves the CSV's complete series and the manifest written before the run, without
    // their counts. Made by hand from a whole run (6 cells, 1 replicate each): the CSV cut after cell 3,
    // the manifest without the counts of cells 3 to 6 (the earlier cells' kept: a manifest an earlier
    // --resume wrote when a signal stopped it).
    const whole = readFileSync(join(dir, 'c.csv'));
    const manifestWhole = readFileSync(join(dir, 'texts/manifest.json'), 'utf8');
    const lines = whole.toString('utf8').split('\n');
    writeFileSync(join(dir, 'c.csv'), `${lines.slice(0, 1 + 3 * (GENERATIONS + 1)).join('\n')}\n`);
    writeFileSync(join(dir, 'ext.csv'), readFileSync(join(dir, 'ext.csv'), 'utf8').split('\n').filter((line) => !/^[^,]*(order=[23]\/smoothing=kneser-ney|order=3\/smoothing=mle),/u.test(line)).join('\n'));
    const manifest = JSON.parse(manifestWhole) as { shareSentences: Record<string, Array<number | null>> };
    for (const series of ['cell-3/replicate-1', 'cell-4/replicate-1', 'cell-5/replicate-1', 'cell-6/replicate-1']) manifest.shareSentences[series] = manifest.shareSentences[series]!.map(() => null);
    writeFileSync(join(dir, 'texts/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const resumed = await run([...RUN, '--save-corpora', 'texts', '--resume']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(readFileSync(join(dir, 'texts/manifest.json'), 'utf8')).toBe(manifestWhole);
    expect(readFileSync(join(dir, 'c.csv')).equals(whole)).toBe(true);
  });
});

describe('--save-corpora into a folder an earlier run wrote', () => {
  it("holds the new run's texts only: the earlier run's texts go, files of its own are kept", async () => {
    const first = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.3', '--generations', '3', '--replicates', '2', '--workers', '1', '--out', 'first.csv', '--save-corpora', 'again', '--quiet']);
    expect(first.code).toBe(0);
    writeFileSync(join(dir, 'again', 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'again', 'cell-2', 'mine.txt'), 'mine too');
    const second = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0', '--generations', '2', '--workers', '1', '--out', 'second.csv', '--save-corpora', 'again', '--quiet']);
    expect(second.code).toBe(0);
    const files = (readdirSync(join(dir, 'again'), { recursive: true }) as string[]).map((name) => name.split(sep).join('/')).sort();
    expect(files).toEqual(['cell-1', 'cell-1/replicate-1', 'cell-1/replicate-1/generation-1.txt', 'cell-1/replicate-1/generation-2.txt', 'cell-2', 'cell-2/mine.txt', 'human.txt', 'manifest.json', 'notes.txt']);
  });
});

describe('a --save-corpora folder whose entries are in the way', () => {
  // (each failed the run at its first text or mid-way, exit 1, the curves CSV and its record left behind)
  it.each([
    ['human.txt', 'human.txt'],
    ['manifest.json', 'manifest.json'],
    ['cell-1/replicate-1/generation-2.txt', 'cell-1/replicate-1/generation-2.txt'],
  ])('refuses a folder where %s goes, before any work and writing nothing', async (entry, named) => {
    const folder = `way-${entry.replace(/\W/gu, '-')}`;
    mkdirSync(join(dir, folder, entry), { recursive: true });
    const refused = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--out', `${folder}.csv`, '--save-corpora', folder, '--quiet']);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --save-corpora ${folder}: ${named} is a folder, where the command writes a file (move it away, or choose another folder)\n`, 2]);
    expect(existsSync(join(dir, `${folder}.csv`))).toBe(false);
    expect(existsSync(join(dir, `${folder}.csv.run.json`))).toBe(false);
  });

  it('refuses a folder whose parent is not there, in the words of every output (it said "folder ... does not exist (create it first)": audit)', async () => {
    const refused = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--generations', '1', '--out', 'orphan.csv', '--save-corpora', 'missing/texts', '--quiet']);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --save-corpora missing/texts: the folder ${join(dir, 'missing')} does not exist (create the folder first, or choose another path)\n`, 2]);
    expect(existsSync(join(dir, 'orphan.csv'))).toBe(false);
  });

  it.each(['human.txt', 'cell-1/replicate-1/generation-2.txt'])('refuses %s as a link into a folder that is not there, before any work (audit: a raw ENOENT mid-run, exit 1, the curves left behind)', async (entry) => {
    const folder = `linked-${entry.replace(/\W/gu, '-')}`;
    mkdirSync(join(dir, folder, entry, '..'), { recursive: true });
    symlinkSync('/nonexistent-folder/g.txt', join(dir, folder, entry));
    const refused = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--out', `${folder}.csv`, '--save-corpora', folder, '--quiet']);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --save-corpora ${folder}: ${entry} is a link to /nonexistent-folder/g.txt, whose folder does not exist (remove the link, or create that folder)\n`, 2]);
    expect(existsSync(join(dir, `${folder}.csv`))).toBe(false);
    // and a link to a name below a file (a raw ENOTDIR mid-run, exit 1: audit)
    rmSync(join(dir, folder, entry));
    writeFileSync(join(dir, `${folder}-file`), 'x');
    symlinkSync(join(dir, `${folder}-file`, 'g.txt'), join(dir, folder, entry));
    const below = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--out', `${folder}.csv`, '--save-corpora', folder, '--quiet']);
    expect([below.stderr, below.code]).toEqual([`ngram-collapse: --save-corpora ${folder}: ${entry} is a link to ${join(dir, `${folder}-file`, 'g.txt')}, and ${join(dir, `${folder}-file`)} is not a folder (point the link at a file in a folder, or choose another path)\n`, 2]);
    expect(existsSync(join(dir, `${folder}.csv`))).toBe(false);
  });

  /** A run of the fixture into `folder` (2 generations), with `extra` flags. */
  const runInto = (folder: string, ...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--out', `${folder}.csv`, '--save-corpora', folder, '--quiet', ...extra]);

  it('refuses an entry that links to a corpus file or to another output, before any work (the run wrote through it: H over the corpus, the curves into human.txt: audit)', async () => {
    const corpus = join(dir, 'linked-corpus.txt');
    writeFileSync(corpus, readFileSync(FIXTURE));
    mkdirSync(join(dir, 'to-corpus'));
    symlinkSync(corpus, join(dir, 'to-corpus', 'human.txt'));
    const refused = await run(['run', '--corpus', corpus, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--out', 'to-corpus.csv', '--save-corpora', 'to-corpus', '--quiet']);
    expect([refused.stderr, refused.code]).toEqual(['ngram-collapse: --save-corpora to-corpus: human.txt (a link to linked-corpus.txt) is also a corpus input (the corpus file ' + corpus + '), and writing it would destroy the corpus (choose another output path)\n', 2]);
    expect(readFileSync(corpus, 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
    mkdirSync(join(dir, 'to-out'));
    symlinkSync(join(dir, 'to-out.csv'), join(dir, 'to-out', 'manifest.json'));
    const twice = await runInto('to-out');
    expect([twice.stderr, twice.code]).toEqual(['ngram-collapse: --save-corpora to-out: manifest.json (a link to to-out.csv) and --out to-out.csv are the same file (give each output a file of its own)\n', 2]);
    expect(existsSync(join(dir, 'to-out.csv'))).toBe(false);
  });

  it('refuses a series folder that links to the corpus folder, or to nothing, before any work (texts went into the corpus; EEXIST halfway: audit)', async () => {
    mkdirSync(join(dir, 'corpus-folder'));
    writeFileSync(join(dir, 'corpus-folder', 'c.txt'), readFileSync(FIXTURE));
    mkdirSync(join(dir, 'to-folder'));
    symlinkSync(join(dir, 'corpus-folder'), join(dir, 'to-folder', 'cell-1'));
    const into = await run(['run', '--corpus', 'corpus-folder', '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--out', 'to-folder.csv', '--save-corpora', 'to-folder', '--quiet']);
    expect([into.stderr, into.code]).toEqual(['ngram-collapse: --save-corpora to-folder: the texts the run writes there would be read as part of the corpus (corpus-folder, as corpus-folder/replicate-1/generation-1.txt), as human text by a later run (choose an output folder outside the corpus)\n', 2]);
    expect(readdirSync(join(dir, 'corpus-folder'))).toEqual(['c.txt']);
    mkdirSync(join(dir, 'to-nothing'));
    symlinkSync('/nonexistent-folder/dir', join(dir, 'to-nothing', 'cell-1'));
    const nothing = await runInto('to-nothing');
    expect([nothing.stderr, nothing.code]).toEqual(['ngram-collapse: --save-corpora to-nothing: cell-1 is a link to /nonexistent-folder/dir, which does not exist (remove the link, or make the folder it points to)\n', 2]);
    expect(existsSync(join(dir, 'to-nothing.csv'))).toBe(false);
  });

  it.each(['human.txt', 'cell-1/replicate-1/generation-2.txt'])('refuses a folder at %s.partial, where the text is written first, before any work (exit 2 halfway, the curves emptied: audit)', async (entry) => {
    const folder = `partial-${entry.replace(/\W/gu, '-')}`;
    mkdirSync(join(dir, folder, `${entry}.partial`), { recursive: true });
    const refused = await runInto(folder);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --save-corpora ${folder}: ${join(dir, folder, `${entry}.partial`)} is a folder, in the way of writing ${join(dir, folder, entry)} (it is written there first) (remove or rename that folder)\n`, 2]);
    expect(existsSync(join(dir, `${folder}.csv`))).toBe(false);
  });

  it('refuses a text linked to another file the run writes there, and a series folder linked to another (one text was written over another: audit)', async () => {
    mkdirSync(join(dir, 'to-self', 'cell-1', 'replicate-1'), { recursive: true });
    symlinkSync('../../human.txt', join(dir, 'to-self', 'cell-1', 'replicate-1', 'generation-1.txt'));
    const text = await runInto('to-self');
    expect([text.stderr, text.code]).toEqual(['ngram-collapse: --save-corpora to-self: cell-1/replicate-1/generation-1.txt (a link to to-self/human.txt) and --save-corpora to-self: human.txt are the same file (give each output a file of its own)\n', 2]);
    mkdirSync(join(dir, 'to-series', 'cell-1'), { recursive: true });
    symlinkSync('cell-1', join(dir, 'to-series', 'cell-2'));
    const series = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '1,2', '--generations', '2', '--workers', '1', '--out', 'to-series.csv', '--save-corpora', 'to-series', '--quiet']);
    expect([series.stderr, series.code]).toEqual(['ngram-collapse: --save-corpora to-series: cell-2 and cell-1 are one folder, through a link: their series would write the same texts (remove the link)\n', 2]);
    expect(existsSync(join(dir, 'to-series.csv'))).toBe(false);
  });

  it("a shard is not refused for a folder at human.txt.partial, which it does not write through (it writes human.txt.<shard>.partial: audit)", async () => {
    mkdirSync(join(dir, 'shard-untagged', 'human.txt.partial'), { recursive: true });
    const ran = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '1,2', '--generations', '2', '--workers', '1', '--out', 'shard-untagged.csv', '--save-corpora', 'shard-untagged', '--quiet', '--shard', '1/2']);
    expect([ran.stderr, ran.code]).toEqual(['', 0]);
    expect(existsSync(join(dir, 'shard-untagged', 'human.txt'))).toBe(true);
  });

  it("refuses a folder at a shard's human.txt.<shard>.partial before any work", async () => {
    mkdirSync(join(dir, 'partial-shard', 'human.txt.shard-1-of-2.partial'), { recursive: true });
    const refused = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '1,2', '--generations', '2', '--workers', '1', '--out', 'partial-shard.csv', '--save-corpora', 'partial-shard', '--quiet', '--shard', '1/2']);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --save-corpora partial-shard: ${join(dir, 'partial-shard', 'human.txt.shard-1-of-2.partial')} is a folder, in the way of writing ${join(dir, 'partial-shard', 'human.txt')} (it is written there first) (remove or rename that folder)\n`, 2]);
  });
});

describe('clearing a --save-corpora folder', () => {
  it('follows no link and removes no file through one, keeps a cell-<c> that is a file, and keeps the other shards\' texts', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(elsewhere, 'replicate-1'), { recursive: true });
    writeFileSync(join(elsewhere, 'replicate-1', 'generation-1.txt'), 'precious');
    mkdirSync(join(dir, 'linked'));
    symlinkSync(elsewhere, join(dir, 'linked', 'cell-1'));
    writeFileSync(join(dir, 'linked', 'cell-2'), 'a file named like a cell');
    clearCorpusFolder(join(dir, 'linked'));
    expect(readFileSync(join(elsewhere, 'replicate-1', 'generation-1.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'linked', 'cell-1')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'linked', 'cell-2'), 'utf8')).toBe('a file named like a cell');
    // a run into that folder is refused before any work: its cell-2 would be a folder of texts
    const refused = await run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.3', '--generations', '1', '--workers', '1', '--out', 'refused.csv', '--save-corpora', 'linked', '--quiet']);
    expect([refused.stderr, refused.code]).toEqual(['ngram-collapse: --save-corpora linked: cell-2 is a file, where the command writes a folder (move it away, or choose another folder)\n', 2]);
    expect(existsSync(join(dir, 'refused.csv'))).toBe(false);
    // two shards of a sweep of 2 cells: shard 2/2 keeps shard 1/2's texts
    const shard = (part: string) => run(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.3', '--generations', '2', '--workers', '1', '--shard', part, '--out', `s${part[0]}.csv`, '--save-corpora', 'shared', '--quiet']);
    expect((await shard('1/2')).code).toBe(0);
    expect((await shard('2/2')).code).toBe(0);
    for (const cell of ['cell-1', 'cell-2']) expect(existsSync(join(dir, 'shared', cell, 'replicate-1', 'generation-2.txt')), cell).toBe(true);
    // run again, shard 1/2 clears its own texts only (and writes them again)
    writeFileSync(join(dir, 'shared', 'cell-1', 'replicate-1', 'generation-3.txt'), 'stale');
    expect((await shard('1/2')).code).toBe(0);
    expect(existsSync(join(dir, 'shared', 'cell-1', 'replicate-1', 'generation-3.txt'))).toBe(false);
    expect(existsSync(join(dir, 'shared', 'cell-2', 'replicate-1', 'generation-2.txt'))).toBe(true);
  });
});

describe('an earlier text the run cannot remove', () => {
  /** Whether this file system takes chattr's immutable flag here (ext4 as root does; tmpfs or overlay may not). */
  const immutableWorks = ((): boolean => {
    const probe = join(mkdtempSync(join(tmpdir(), 'ngram-collapse-chattr-')), 'probe');
    writeFileSync(probe, 'x');
    const set = spawnSync('chattr', ['+i', probe]).status === 0;
    if (set) spawnSync('chattr', ['-i', probe]);
    return set;
  })();

  it.runIf(immutableWorks)("is refused before any work, the old curves kept (a raw EPERM after they were emptied: audit); a shard leaves the other shards' series, and clears what is no shard's", async () => {
    const ARGS = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.3', '--generations', '1', '--workers', '1', '--save-corpora', 'kept', '--quiet'];
    expect((await run([...ARGS, '--out', 'kept.csv'])).code).toBe(0);
    const before = readFileSync(join(dir, 'kept.csv'));
    const immutable = async (file: string, body: () => Promise<void>): Promise<void> => {
      expect(spawnSync('chattr', ['+i', file]).status).toBe(0);
      try {
        await body();
      } finally {
        spawnSync('chattr', ['-i', file]);
      }
    };
    // an earlier, larger sweep's text in cell-9, which no fresh run of this sweep leaves: the system keeps it
    mkdirSync(join(dir, 'kept', 'cell-9', 'replicate-1'), { recursive: true });
    const stale = join(dir, 'kept', 'cell-9', 'replicate-1', 'generation-1.txt');
    writeFileSync(stale, 'old\n');
    const refusal = `ngram-collapse: --save-corpora kept: ${join('cell-9', 'replicate-1', 'generation-1.txt')}, which the run removes before it writes (an earlier run's), cannot be removed: the system keeps it (an append-only or immutable file, see lsattr) (choose another folder, or lift that with chattr)\n`;
    await immutable(stale, async () => {
      const refused = await run([...ARGS, '--out', 'kept.csv']);
      expect([refused.stderr, refused.code]).toEqual([refusal, 2]);
      expect(readFileSync(join(dir, 'kept.csv')).equals(before)).toBe(true);
      // cell-9 is no shard's of this sweep: each shard clears it (it stayed, with no manifest to describe it: audit)
      const shard = await run([...ARGS, '--shard', '1/2', '--out', 'kept-1.csv']);
      expect([shard.stderr, shard.code]).toEqual([refusal, 2]);
    });
    rmSync(join(dir, 'kept', 'cell-9'), { recursive: true });
    // a text of shard 2/2's series (cell-2/replicate-1) that cannot be removed: shard 1/2 leaves it, and runs
    await immutable(join(dir, 'kept', 'cell-2', 'replicate-1', 'generation-1.txt'), async () => {
      expect(await run([...ARGS, '--shard', '1/2', '--out', 'kept-1.csv'])).toMatchObject({ code: 0, stderr: '' });
      expect((await run([...ARGS, '--shard', '2/2', '--out', 'kept-2.csv'])).code).toBe(2);
    });
  });
});

describe('shards sharing one --save-corpora folder', () => {
  const SWEEP = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.3', '--generations', '2', '--replicates', '2', '--workers', '1', '--quiet'];
  const shard = (part: string, folder: string, ...more: string[]) => run([...SWEEP, '--shard', part, '--out', `shard${part[0]}.csv`, '--save-corpora', folder, ...more]);
  type Manifest = { fingerprint: string; shard: string; shareSentences: Record<string, Array<number | null>> };
  const manifestIn = (path: string): Manifest => JSON.parse(readFileSync(join(dir, path), 'utf8')) as Manifest;

  it("each write a manifest of their own, whose counts together are a whole run's; --resume of a shard keeps its complete series", async () => {
    expect((await run([...SWEEP, '--out', 'whole.csv', '--save-corpora', 'whole'])).code).toBe(0);
    const whole = manifestIn('whole/manifest.json');
    expect((await shard('1/2', 'halves')).code).toBe(0);
    expect((await shard('2/2', 'halves')).code).toBe(0);
    // 4 series in canonical order (cell-1 r1, cell-1 r2, cell-2 r1, cell-2 r2): shard 1 takes positions 0 and 2
    const first = manifestIn('halves/manifest-shard-1-of-2.json');
    const second = manifestIn('halves/manifest-shard-2-of-2.json');
    expect(Object.keys(first.shareSentences)).toEqual(['cell-1/replicate-1', 'cell-2/replicate-1']);
    expect(Object.keys(second.shareSentences)).toEqual(['cell-1/replicate-2', 'cell-2/replicate-2']);
    expect({ ...first.shareSentences, ...second.shareSentences }).toEqual(whole.shareSentences);
    expect([first.shard, second.shard, first.fingerprint, second.fingerprint]).toEqual(['1/2', '2/2', whole.fingerprint, whole.fingerprint]);
    expect(existsSync(join(dir, 'halves', 'manifest.json'))).toBe(false);
    expect(readFileSync(join(dir, 'halves', 'human.txt')).equals(readFileSync(join(dir, 'whole', 'human.txt')))).toBe(true);
    // shard 1's series are complete and their counts known: --resume keeps them (their texts untouched)
    const kept = join(dir, 'halves', 'cell-2', 'replicate-1', 'generation-2.txt');
    utimesSync(kept, 0, 0);
    const resumed = await shard('1/2', 'halves', '--resume');
    expect([resumed.stderr, resumed.code]).toEqual(['', 0]);
    expect(statSync(kept).mtimeMs).toBe(0);
  });

  it("each check only the folders of their own series: another shard's that cannot take its texts refuses that shard alone (CI: shards started together failed on a folder another one removed)", async () => {
    // shard 1/2 writes cell-1/replicate-1 and cell-2/replicate-1; cell-1/replicate-2 is shard 2/2's
    mkdirSync(join(dir, 'theirs', 'cell-1'), { recursive: true });
    writeFileSync(join(dir, 'theirs', 'cell-1', 'replicate-2'), 'not a folder');
    expect(await shard('1/2', 'theirs')).toMatchObject({ code: 0, stderr: '' });
    const refused = await shard('2/2', 'theirs');
    expect([refused.stderr, refused.code]).toEqual(['ngram-collapse: --save-corpora theirs: cell-1/replicate-2 is a file, where the command writes a folder (move it away, or choose another folder)\n', 2]);
  });

  it('clear the manifests of another split: a whole run the shards\', a shard the whole run\'s', async () => {
    expect((await shard('1/2', 'split')).code).toBe(0);
    expect((await shard('1/3', 'split')).code).toBe(0);
    expect(readdirSync(join(dir, 'split')).filter((name) => name.startsWith('manifest')).sort()).toEqual(['manifest-shard-1-of-3.json']);
    expect((await run([...SWEEP, '--out', 'split.csv', '--save-corpora', 'split'])).code).toBe(0);
    expect(readdirSync(join(dir, 'split')).filter((name) => name.startsWith('manifest')).sort()).toEqual(['manifest.json']);
    expect((await shard('2/2', 'split')).code).toBe(0);
    expect(readdirSync(join(dir, 'split')).filter((name) => name.startsWith('manifest')).sort()).toEqual(['manifest-shard-2-of-2.json']);
    // --resume clears them too (it rewrites the series it redoes): a whole run's manifest.json put back goes
    writeFileSync(join(dir, 'split', 'manifest.json'), '{}\n');
    expect((await shard('2/2', 'split', '--resume')).code).toBe(0);
    expect(readdirSync(join(dir, 'split')).filter((name) => name.startsWith('manifest')).sort()).toEqual(['manifest-shard-2-of-2.json']);
    // so is one that names a file of the folder through a link to the folder, either way round
    mkdirSync(join(dir, 'aliased'));
    symlinkSync(join(dir, 'aliased'), join(dir, 'alias-link'));
    for (const [out, folder] of [[join('alias-link', 'manifest.json'), 'aliased'], [join('aliased', 'manifest-shard-1-of-2.json'), 'alias-link']] as const) {
      const aliased = await run([...SWEEP, '--out', out, '--save-corpora', folder]);
      expect([aliased.stderr, aliased.code]).toEqual([`ngram-collapse: --out ${out} is a file --save-corpora ${folder} writes (give the output another name, or the texts another folder)\n`, 2]);
    }
    expect(readdirSync(join(dir, 'aliased'))).toEqual([]);
    // an output named as a shard's manifest in the folder is refused before any work
    const refused = await run([...SWEEP, '--out', join('split', 'manifest-shard-1-of-2.json'), '--save-corpora', 'split']);
    expect([refused.stderr, refused.code]).toEqual([`ngram-collapse: --out ${join('split', 'manifest-shard-1-of-2.json')} is a file --save-corpora split writes (give the output another name, or the texts another folder)\n`, 2]);
  });
});

describe('shards started together into one folder an earlier run filled', () => {
  // Each clears its own series' texts while the others clear theirs: a folder another shard emptied and
  // removed meanwhile (readdir, lstat, rmdir ENOENT; rmdir ENOTEMPTY) failed one shard in 5 of 12
  // trials of 4 shards (exit 1, its manifest and texts missing). Processes of the built CLI, as users start them.
  const main = new URL('../../dist/cli/main.js', import.meta.url).pathname;
  const ARGS = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '1,2', '--human-ratio', '0,0.25,0.5', '--strategy', 'replace,accumulate', '--generations', '1', '--replicates', '2', '--quiet'];
  const start = (args: readonly string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [main, ...args], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('each clears and writes its own series, all of them exit 0 (three trials of four shards)', async () => {
    expect((await start([...ARGS, '--out', 'filled.csv', '--save-corpora', 'filled'])).code).toBe(0);
    for (let trial = 0; trial < 3; trial++) {
      rmSync(join(dir, 'together'), { recursive: true, force: true });
      cpSync(join(dir, 'filled'), join(dir, 'together'), { recursive: true });
      const results = await Promise.all([1, 2, 3, 4].map((p) => start([...ARGS, '--shard', `${p}/4`, '--out', `together-${p}.csv`, '--save-corpora', 'together'])));
      expect(results, `trial ${trial}`).toEqual([1, 2, 3, 4].map(() => ({ code: 0, stderr: '' })));
      expect(readdirSync(join(dir, 'together')).filter((name) => name.startsWith('manifest')).sort()).toEqual([1, 2, 3, 4].map((p) => `manifest-shard-${p}-of-4.json`));
      expect(readFileSync(join(dir, 'together', 'cell-12', 'replicate-2', 'generation-1.txt')).equals(readFileSync(join(dir, 'filled', 'cell-12', 'replicate-2', 'generation-1.txt')))).toBe(true);
    }
  });
});

