/**
 * runRecipe (the library side of `ngram-collapse recipe`): a relative `out` resolves against
 * `options.cwd`, where it is checked, not against the process's working folder; an `out` no folder can
 * be made for is refused before the recipe runs (it once ran the whole recipe, then looped in mkdir).
 */

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { InputError, OutputWriteError } from '../../src/errors.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecipeStoppedError, runRecipe } from '../../src/cli/runRecipe.js';
import { findRecipe } from '../../src/recipes/registry.js';

describe('runRecipe with a relative out', () => {
  it("writes its files under options.cwd and returns their paths there", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-out-'));
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    const outcome = await runRecipe(findRecipe('accumulate'), { out: 'results', cwd, corpus: [lighthouse], generations: 2, replicates: 1 });
    expect(outcome.written).toContain(join(cwd, 'results', 'curves.csv'));
    for (const file of outcome.written) expect(existsSync(file), file).toBe(true);
    expect(existsSync(join(process.cwd(), 'results'))).toBe(false);
  });
});

describe('runRecipe with an out no folder can be made for', () => {
  it.runIf(existsSync('/proc/self') && process.getuid?.() === 0)('refuses it before any cell runs (/proc, as root)', async () => {
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    let cells = 0;
    const outcome = runRecipe(findRecipe('accumulate'), { out: '/proc/ngram-collapse-x', cwd: '/', corpus: [lighthouse], generations: 2, replicates: 1, onProgress: () => { cells++; } });
    await expect(outcome).rejects.toThrow(InputError);
    expect(cells).toBe(0);
  });
});

describe('runRecipe with its corpus among the files it writes', () => {
  it('refuses it before any cell runs, the corpus kept (`--corpus rq/findings.md --out rq` replaced the corpus: audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-corpus-'));
    mkdirSync(join(cwd, 'rq'));
    const text = readFileSync(new URL('../../corpora/lighthouse.txt', import.meta.url), 'utf8');
    writeFileSync(join(cwd, 'rq', 'findings.md'), text);
    let cells = 0;
    const outcome = runRecipe(findRecipe('accumulate'), { out: 'rq', cwd, corpus: ['rq/findings.md'], generations: 2, replicates: 1, onProgress: () => { cells++; } });
    await expect(outcome).rejects.toThrow(new InputError(`--out ${join('rq', 'findings.md')} is also a corpus input, and writing it would destroy the corpus`, 'choose another output path'));
    expect([cells, readFileSync(join(cwd, 'rq', 'findings.md'), 'utf8') === text]).toEqual([0, true]);
  });
});

describe('runRecipe with an out whose entries are in the way', () => {
  const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
  const options = (cwd: string) => ({ out: 'results', cwd, corpus: [lighthouse], generations: 2, replicates: 1 });

  it('refuses, before any cell runs, a folder where a file it always writes goes, or a file where figures/ goes', async () => {
    for (const [entry, message] of [
      ['report.html/', "--out results: report.html is a folder, where the command writes a file"],
      ['figures', "--out results: figures is a file, where the command writes a folder"],
    ] as const) {
      const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-way-'));
      if (entry.endsWith('/')) mkdirSync(join(cwd, 'results', entry), { recursive: true });
      else {
        mkdirSync(join(cwd, 'results'));
        writeFileSync(join(cwd, 'results', entry), 'x');
      }
      let cells = 0;
      await expect(runRecipe(findRecipe('drift'), { ...options(cwd), onProgress: () => void cells++ })).rejects.toThrow(message);
      expect(cells).toBe(0);
    }
  });

  it("refuses, after the run and before writing anything, a folder where a table or a figure goes (it wrote half its files, then failed)", async () => {
    for (const entry of ['forgetting-by-seed-count.csv', 'figures/vocab_retention.svg']) {
      const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-way-'));
      mkdirSync(join(cwd, 'results', entry), { recursive: true });
      const before = readdirSync(join(cwd, 'results')).sort();
      await expect(runRecipe(findRecipe('drift'), options(cwd))).rejects.toThrow(`--out results: ${entry} is a folder, where the command writes a file`);
      expect(readdirSync(join(cwd, 'results')).sort()).toEqual(before);
    }
  });
});

describe('a recipe over tokenizers reading standard input', () => {
  // (it read standard input once per tokenizer: the second read found it empty and called the corpus empty)
  it('reads it once and writes what it writes for the same text as a file', async () => {
    const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-stdin-'));
    const scale = { generations: 2, replicates: 1 };
    await runRecipe(findRecipe('subword'), { out: 'file', cwd, corpus: [lighthouse], ...scale, command: 'same' });
    await runRecipe(findRecipe('subword'), { out: 'piped', cwd, corpus: ['-'], ...scale, command: 'same', load: { stdin: Readable.from([readFileSync(lighthouse)]) } });
    expect(readFileSync(join(cwd, 'piped', 'curves.csv'), 'utf8')).toBe(readFileSync(join(cwd, 'file', 'curves.csv'), 'utf8'));
  });

  it('stops reading it at --max-tokens, as the loader does (keeping all of it first read an endless input for ever)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-stdin-'));
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) yield Buffer.from('the cat sat on the mat .\n'.repeat(1000));
    }
    const refused = runRecipe(findRecipe('subword'), { out: 'capped', cwd, corpus: ['-'], generations: 2, replicates: 1, load: { stdin: Readable.from(endless()), maxTokens: 1000 } });
    await expect(refused).rejects.toThrow('the corpus has more than 1000 tokens');
  });
});

describe('a recipe over tokenizers on text its word tokenizer cuts', () => {
  // (it advised --tokenizer whitespace, which the recipe refuses, and warned once more per merge budget of bpe:K: audit)
  it("warns once, with what it means for the recipe's models", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-cut-'));
    // Polish: wordpunct cuts ż, ł and ć out of zażółć (3 of its 5 tokens za ż ó ł ć), so every sentence is 60% cut letters
    writeFileSync(join(cwd, 'pl.txt'), Array.from({ length: 60 }, (_, i) => `zażółć ${i % 7} zażółć ${i % 5} .`).join('\n'));
    const said: string[] = [];
    await runRecipe(findRecipe('subword'), { out: 'results', cwd, corpus: [join(cwd, 'pl.txt')], generations: 2, replicates: 1, load: { onWarning: (message) => said.push(message) } });
    // (and the merge budgets this text cannot fill, each said once: its words, cut by wordpunct, are za, ż, ó,
    // ł, ć, digits and '.', so z + a</w> is the only pair to merge)
    expect(said.filter((message) => message.startsWith('bpe:'))).toEqual([
      'bpe:500 learned 1 merge, not 500: no pair of pieces was left to merge (each word it learned on is one piece), so it spells the text as bpe:1 does',
      'bpe:4000 learned 1 merge, not 4000: no pair of pieces was left to merge (each word it learned on is one piece), so it spells the text as bpe:1 does',
    ]);
    said.splice(0, said.length, ...said.filter((message) => !message.startsWith('bpe:')));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^the wordpunct tokenizer cut 360 letters out of words, each now a token \(/u);
    expect(said[0]).toMatch(
      /; recipe subword reads the corpus with its own tokenizers: on this text its wordpunct, bpe:500 and bpe:4000 models see these words cut \(its gpt2 model keeps the letters of every script in words; the loop on the whole words: run --tokenizer whitespace\)$/u,
    );
  });
});

describe('runRecipe into a folder an earlier run wrote, and stopped while it writes', () => {
  const lighthouse = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;
  const options = (cwd: string) => ({ out: 'results', cwd, corpus: [lighthouse], generations: 2, replicates: 1 });
  const files = (cwd: string): string[] => [
    ...readdirSync(join(cwd, 'results')).filter((name) => name !== 'figures'),
    ...readdirSync(join(cwd, 'results', 'figures')).map((name) => `figures/${name}`),
  ].sort();

  it("removes the earlier run's files it listed in findings.json (another recipe's tables and figures stayed beside this one's)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-again-'));
    const first = await runRecipe(findRecipe('perplexity-shift'), options(cwd));
    expect(files(cwd)).toContain('sentence-perplexities.csv');
    const listed = (JSON.parse(readFileSync(join(cwd, 'results', 'findings.json'), 'utf8')) as { files: string[] }).files;
    expect(listed.map((file) => join(cwd, 'results', file)).sort()).toEqual([...first.written].sort()); // every file it wrote, and only those
    writeFileSync(join(cwd, 'results', 'notes.txt'), 'mine'); // not the recipe's: kept
    const second = await runRecipe(findRecipe('drift'), options(cwd));
    expect(files(cwd)).toEqual([...second.written.map((path) => path.slice(join(cwd, 'results').length + 1)), 'notes.txt'].sort());
    expect(files(cwd)).not.toContain('sentence-perplexities.csv');
  }, 120_000);

  it('never removes a file outside the folder: a listed path through a linked folder, .., or absolute is left (a link inside the folder led a rerun to delete a file elsewhere: audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-outside-'));
    await runRecipe(findRecipe('drift'), options(cwd));
    mkdirSync(join(cwd, 'precious'));
    for (const name of ['thesis.tex', 'b.txt', 'c.txt']) writeFileSync(join(cwd, 'precious', name), 'mine');
    symlinkSync('../precious', join(cwd, 'results', 'shared'));
    const record = join(cwd, 'results', 'findings.json');
    const findings = JSON.parse(readFileSync(record, 'utf8')) as { files: string[] };
    writeFileSync(record, JSON.stringify({ ...findings, files: [...findings.files, 'shared/thesis.tex', '../precious/b.txt', join(cwd, 'precious', 'c.txt')] }));
    await runRecipe(findRecipe('drift'), options(cwd));
    expect(readdirSync(join(cwd, 'precious')).sort()).toEqual(['b.txt', 'c.txt', 'thesis.tex']);
  }, 120_000);

  it("removes only a recipe's own files: none listed by anyone else's findings.json, nor a corpus file given from the folder (both were removed: audit)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-foreign-'));
    mkdirSync(join(cwd, 'results', 'data'), { recursive: true });
    writeFileSync(join(cwd, 'results', 'findings.json'), JSON.stringify({ files: ['notes.txt', 'data/keep.csv'] }));
    writeFileSync(join(cwd, 'results', 'notes.txt'), 'precious');
    writeFileSync(join(cwd, 'results', 'data', 'keep.csv'), 'a,b');
    await runRecipe(findRecipe('drift'), options(cwd));
    expect([readFileSync(join(cwd, 'results', 'notes.txt'), 'utf8'), readFileSync(join(cwd, 'results', 'data', 'keep.csv'), 'utf8')]).toEqual(['precious', 'a,b']);
    // a recipe's own record that lists a name no recipe writes: left too
    const record = join(cwd, 'results', 'findings.json');
    const findings = JSON.parse(readFileSync(record, 'utf8')) as { files: string[] };
    writeFileSync(record, JSON.stringify({ ...findings, files: [...findings.files, 'notes.txt'] }));
    await runRecipe(findRecipe('drift'), options(cwd));
    expect(existsSync(join(cwd, 'results', 'notes.txt'))).toBe(true);
    // perplexity-shift's table, given as the corpus of the next run there: kept
    await runRecipe(findRecipe('perplexity-shift'), options(cwd));
    const table = join(cwd, 'results', 'sentence-perplexities.csv');
    writeFileSync(table, readFileSync(lighthouse));
    await runRecipe(findRecipe('drift'), { ...options(cwd), corpus: [table] });
    expect(readFileSync(table, 'utf8')).toBe(readFileSync(lighthouse, 'utf8'));
  }, 180_000);

  it('reads no earlier findings.json that is no file: a link to /dev/zero was read without end, the process aborted out of memory (exit 134: audit); the write then fails naming it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-device-'));
    mkdirSync(join(cwd, 'results'));
    symlinkSync('/dev/full', join(cwd, 'results', 'findings.json'));
    const failed = await runRecipe(findRecipe('drift'), options(cwd)).then(() => undefined, (error: unknown) => error);
    expect(failed).toBeInstanceOf(OutputWriteError);
    expect((failed as OutputWriteError).message).toBe(`cannot write ${join(cwd, 'results', 'findings.json')}: ENOSPC: no space left on device, write`);
  }, 120_000);

  it("stops between two files when the writing's signal aborts: the files not written are named, and no earlier run's file is left among this run's", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-stop-'));
    await runRecipe(findRecipe('drift'), { ...options(cwd), seed: 1 });
    // a signal that reads as aborted from its third look in the writing on (armed once every series has
    // run): findings.json and findings.md are written, then the writing stops
    let armed = false;
    let looks = 0;
    // (look 1 is the check before anything is removed or written, looks 2 and 3 the first two files)
    const signal = { get aborted() { return armed && ++looks > 3; } } as AbortSignal;
    const onProgress = (done: number, total: number): void => void (armed = done === total);
    const outcome = await runRecipe(findRecipe('drift'), { ...options(cwd), seed: 2, signal, onProgress });
    expect(outcome.unwritten).toEqual(['curves.csv', 'forgetting-by-seed-count.csv', 'report.html, figures/']);
    expect(files(cwd)).toEqual(['findings.json', 'findings.md']); // seed 1's curves, tables and figures are gone
    expect(readFileSync(join(cwd, 'results', 'findings.md'), 'utf8')).toContain('--seed 2');
  }, 120_000);

  it('stops between two generations when the signal aborts while it runs: RecipeStoppedError, nothing written, the folder as it was (the recipe ran synchronously: a signal ended the process without a line)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngc-recipe-stop-early-'));
    await runRecipe(findRecipe('drift'), { ...options(cwd), seed: 1 });
    const before = files(cwd).map((file) => [file, readFileSync(join(cwd, 'results', file), 'utf8')]);
    const controller = new AbortController();
    const seriesDone: number[] = [];
    // drift runs 2 generations x 3 replicates here: aborted as the first series ends, none other runs
    const stopped = runRecipe(findRecipe('drift'), { ...options(cwd), replicates: 3, seed: 2, signal: controller.signal, onProgress: (done) => { seriesDone.push(done); controller.abort(); } });
    await expect(stopped).rejects.toThrow(RecipeStoppedError);
    expect(seriesDone).toEqual([1]);
    expect(files(cwd).map((file) => [file, readFileSync(join(cwd, 'results', file), 'utf8')])).toEqual(before);
    // a signal as the simulation ends (its last series done), before the writing: the earlier run's
    // files stay (they were removed, and nothing written: audit)
    const late = new AbortController();
    const atEnd = runRecipe(findRecipe('drift'), { ...options(cwd), replicates: 3, seed: 3, signal: late.signal, onProgress: (done, total) => { if (done === total) late.abort(); } });
    await expect(atEnd).rejects.toThrow(RecipeStoppedError);
    expect(files(cwd).map((file) => [file, readFileSync(join(cwd, 'results', file), 'utf8')])).toEqual(before);
  }, 120_000);
});
