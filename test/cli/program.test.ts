import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';
import { cli, tempDir } from '../helpers/cli.js';

const demo = join(import.meta.dirname, '../../corpora/lighthouse.txt');
const small = ['--corpus', demo, '--generations', '2'];

describe('ngram-collapse (in-process)', () => {
  it('prints its version and help', async () => {
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
    const help = await cli(['run', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--corpus', '--human-ratio', '--strategy', '--order', '--generations', '--out', '--seed']) {
      expect(help.stdout).toContain(flag);
    }
  });

  it('an error is one line whatever the value it quotes: a line break or another control character in it is shown escaped (two lines on stderr: audit)', async () => {
    const cases: Array<[string[], string]> = [
      [['metrics', 'miss\ning.txt'], "ngram-collapse: text 'miss\\ning.txt' not found"],
      [['generate', '--corpus', demo, '--smoothing', 'foo\r\nbar'], "ngram-collapse: unknown --smoothing value 'foo\\r\\nbar'"],
      [['run', '--o\nx'], "ngram-collapse: unknown option '--o\\nx' (see ngram-collapse run --help)"],
      [['run', '--corpus', 'a\u001bb\u2028c\td.txt'], "ngram-collapse: corpus 'a\\u001bb\\u2028c\td.txt' not found"],
    ];
    for (const [argv, start] of cases) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.startsWith(start), result.stderr).toBe(true);
      expect(result.stderr.indexOf('\n'), result.stderr).toBe(result.stderr.length - 1); // one line
    }
  });

  it('an output that fails while it is written says which file, and what to do: one line, exit 1 (it said only "ENOSPC: no space left on device, write": audit)', async () => {
    const cwd = tempDir();
    expect((await cli(['run', ...small, '--out', 'r.csv', '--quiet'], { cwd })).code).toBe(0);
    const full = 'ngram-collapse: cannot write /dev/full: ENOSPC: no space left on device, write (free some space, or write to another disk)\n';
    for (const argv of [
      ['run', ...small, '--out', '/dev/full', '--quiet'],
      ['run', ...small, '--out', 'o.csv', '--summary', '/dev/full', '--quiet'],
      ['run', ...small, '--out', 'o.csv', '--report', '/dev/full', '--quiet'],
      ['run', ...small, '--out', 'o.csv', '--extinctions', '/dev/full', '--quiet'],
      ['merge', 'r.csv', '--out', '/dev/full', '--quiet'],
      ['metrics', demo, '--out', '/dev/full'],
      ['plot', 'r.csv', '--out', '/dev/full'],
      ['tokenize', demo, '--out', '/dev/full', '--quiet'],
      ['train', '--corpus', demo, '--arpa', '/dev/full'],
    ]) {
      const result = await cli(argv, { cwd });
      expect([result.stderr, result.code], argv.join(' ')).toEqual([full, 1]);
    }
  });

  it("a usage error points to the command's own help, or the program's when no command is named", async () => {
    const inRun = await cli(['run', '--bogus']);
    expect(inRun.code).toBe(2);
    expect(inRun.stderr).toBe("ngram-collapse: unknown option '--bogus' (see ngram-collapse run --help)\n");
    expect((await cli(['plot', 'a.csv', '--nope'])).stderr).toBe("ngram-collapse: unknown option '--nope' (see ngram-collapse plot --help)\n");
    expect((await cli(['--bogus'])).stderr).toBe("ngram-collapse: unknown option '--bogus' (see ngram-collapse --help)\n");
    expect((await cli(['frobnicate'])).stderr).toMatch(/^ngram-collapse: unknown command 'frobnicate' \(see ngram-collapse --help\)\n$/u);
    // no command at all (the first thing a newcomer types): one line naming the commands, not commander's '(outputHelp)'
    for (const argv of [[], ['--debug']]) {
      const none = await cli(argv);
      expect([none.stderr, none.stdout, none.code]).toEqual(['ngram-collapse: no command given (use one of: run, metrics, generate, train, plot, merge, recipe, tokenize, playground; see ngram-collapse --help)\n', '', 2]);
    }
    // a corpus given without its flag: the commands that read corpora with --corpus say so; plot, whose argument is a file, does not
    const bare = await cli(['run', 'notes.txt']);
    expect([bare.stderr, bare.code]).toEqual(["ngram-collapse: too many arguments for 'run'. Expected 0 arguments but got 1 (\"notes.txt\"): give a corpus with --corpus SPEC (see ngram-collapse run --help)\n", 2]);
    // a list typed with a space after its comma is two words: the stray one named, and the list as one (it was told to give a corpus: probe)
    // the word where it follows the comma, not an earlier option's value; a list given as --flag=0, 0.1 alike (review)
    expect((await cli(['run', '--generations', '5', '--human-ratio', '0,', '5'])).stderr).toContain("got 1 (\"5\"): a list is one word: --human-ratio 0,5, or quoted: '0, 5' (");
    expect((await cli(['run', '--quiet', '--human-ratio=0,', '0.1'])).stderr).toContain("got 1 (\"0.1\"): a list is one word: --human-ratio 0,0.1, or quoted: '0, 0.1' (");
    expect((await cli(['run', '--human-ratio', '0,', '0.1', '--corpus', 'c.txt'])).stderr).toBe("ngram-collapse: too many arguments for 'run'. Expected 0 arguments but got 1 (\"0.1\"): a list is one word: --human-ratio 0,0.1, or quoted: '0, 0.1' (see ngram-collapse run --help)\n");
    // recipe NAME with a word too many may be a corpus; recipe list runs nothing (it was told to give a corpus: audit)
    expect((await cli(['recipe', 'drift', 'notes.txt'])).stderr).toBe("ngram-collapse: too many arguments for 'recipe'. Expected 1 argument but got 2 (\"notes.txt\"): give a corpus with --corpus SPEC (see ngram-collapse recipe --help)\n");
    expect((await cli(['recipe', 'list', 'extra'])).stderr).toBe("ngram-collapse: too many arguments for 'recipe'. Expected 1 argument but got 2 (\"extra\") (see ngram-collapse recipe --help)\n");
    expect((await cli(['plot', 'a.csv', 'b.csv', '--out', 'r.html'])).stderr).toBe("ngram-collapse: too many arguments for 'plot'. Expected 1 argument but got 2 (\"b.csv\") (see ngram-collapse plot --help)\n");
    // help about a name that is no command says so, not 'no command given'
    const bogus = await cli(['help', 'bogus']);
    expect([bogus.stderr, bogus.code]).toEqual(["ngram-collapse: help knows no command 'bogus' (use one of: run, metrics, generate, train, plot, merge, recipe, tokenize, playground; see ngram-collapse --help)\n", 2]);
  });

  it('plot refuses a metric listed twice', async () => {
    const result = await cli(['plot', 'a.csv', '--out', 'r.html', '--metrics', 'ttr, ttr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ngram-collapse: --metrics lists 'ttr' twice in 'ttr, ttr' (list each value once)\n");
  });

  it("help shows each row's flags, value, default and negation as the option table gives them", async () => {
    const help = (await cli(['generate', '--help'])).stdout.replace(/\s+/gu, ' ');
    expect(help).toContain(' -n, --count <n> sentences to print, 1..1000000 (default: 10) ');
    // a list default is shown joined; a row's own text replaces String(default); a switch has no value
    expect(help).toContain(' --corpus <spec...> a file, a folder, a glob, - for stdin, or brown / brown:<category> (repeatable) (default: brown) ');
    expect(help).toContain('(default: wordpunct; brown keeps its own tokens, which char and subword tokenizers cut) ');
    expect(help).toContain(' --lowercase lowercase the text (default for word-level tokenizers) --no-lowercase keep the case of the text ');
    expect(help).toContain(' --empty-sentences with --sentences line: a blank line is an empty sentence (as in --save-corpora files) --jsonl-field <name> ');
    expect((await cli(['run', '--help'])).stdout.replace(/\s+/gu, ' ')).toContain(' --human-ratio <list> share of human tokens in each batch, 0..1 (list) (default: 0,0.1) ');
    // --vocab: in generate and train the training text is the seed, so the two modes give one model
    expect(help).toContain(' --vocab <mode> observed or seed: the same model here, where the training text is the seed (they differ in run) (default: observed) ');
    expect((await cli(['run', '--help'])).stdout.replace(/\s+/gu, ' ')).toContain(' --vocab <list> observed: only what the training data holds; seed: the seed vocabulary ');
  });

  it('run writes the curves CSV with the README\'s header and prints the last generation', async () => {
    const cwd = tempDir();
    const result = await cli(['run', ...small], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = readFileSync(join(cwd, 'curves.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(CURVE_COLUMNS.join(','));
    // default human ratios 0 and 0.1: 2 cells x 3 generations (0, 1, 2)
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[1]!.startsWith('human_ratio=0,replace,0,fresh,0,3,mle,observed,1,0,1,1,42,0,')).toBe(true);
    // the final table: one line per cell with its last generation and a sparkline of vocab_retention
    const table = result.stdout.split('\n');
    expect(table[0]).toMatch(/^cell\s+gen\s+reps\s+vocab_retention\s+rare_survival\s+model_vocab_retention\s+model_rare_survival\s+entropy_bits\s+heldout_perplexity/u);
    expect(table[1]).toMatch(/^human_ratio=0\s+2\s+1\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[▁-█]{3}$/u);
    expect(table[2]).toMatch(/^human_ratio=0\.1\s+2\s+1\s/u);
  });

  it('run --report writes the HTML report of the curves when the run ends', async () => {
    const cwd = tempDir();
    const result = await cli(['run', ...small, '--report', 'report.html', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    const html = readFileSync(join(cwd, 'report.html'), 'utf8');
    expect(html).toContain('<select');
    expect(html).toContain('vocab_retention');
    expect(html).not.toMatch(/<script[^>]+src=/u);
  });

  it('run --sentence-perplexities writes one row per sentence of every row\'s text, H at generation 0', async () => {
    const cwd = tempDir();
    const result = await cli(['run', ...small, '--sentence-perplexities', 'sentences.csv', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    const curves = readFileSync(join(cwd, 'curves.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const lines = readFileSync(join(cwd, 'sentences.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('cell,replicate,generation,sentence,perplexity');
    const rows = lines.slice(1).map((line) => line.split(','));
    for (const row of curves) {
      const [cell, replicate, generation] = [row[0], row[CURVE_COLUMNS.indexOf('replicate')], row[CURVE_COLUMNS.indexOf('generation')]];
      const mine = rows.filter((r) => r[0] === cell && r[1] === replicate && r[2] === generation);
      expect(mine).toHaveLength(Number(row[CURVE_COLUMNS.indexOf('sentences')]));
      expect(mine.map((r) => Number(r[3]))).toEqual(mine.map((_, i) => i + 1));
      for (const r of mine) expect(Number(r[4])).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(['--out', '--summary', '--extinctions', '--sentence-perplexities', '--survival'])('with %s on standard output, prints the final table on stderr: stdout holds the CSV alone', async (flag) => {
    const files = flag === '--out' ? [] : ['--out', 'table-test.csv'];
    const result = await cli(['run', ...small, ...files, flag, '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^cell\s+gen\s+reps/mu);
    expect(result.stdout.split('\n')[0]).toMatch(/^cell,/u);
    expect(result.stderr).toMatch(/^cell\s+gen\s+reps/mu);
  });

  it('gives byte-identical CSV for one seed and different CSV for another', async () => {
    const read = async (seed: string): Promise<string> => {
      const result = await cli(['run', ...small, '--seed', seed, '--out', '-', '--quiet']);
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const first = await read('5');
    expect(await read('5')).toBe(first);
    expect(await read('6')).not.toBe(first);
  });

  it('sweeps the cross product of --human-ratio and --strategy', async () => {
    const result = await cli(['run', ...small, '--human-ratio', '0,0.5', '--strategy', 'replace,accumulate', '--out', '-', '--quiet']);
    const cells = new Set(result.stdout.trim().split('\n').slice(1).map((line) => line.split(',')[0]));
    expect([...cells]).toEqual([
      'strategy=replace/human_ratio=0',
      'strategy=replace/human_ratio=0.5',
      'strategy=accumulate/human_ratio=0',
      'strategy=accumulate/human_ratio=0.5',
    ]);
  });

  it('reads stdin with --corpus - and one sentence per line', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `line ${i % 7} says word${i % 11} and more`).join('\n');
    const result = await cli(['run', '--corpus', '-', '--sentences', 'line', '--tokenizer', 'whitespace', '--generations', '1', '--out', '-', '--quiet'], { stdin: text });
    expect(result.code).toBe(0);
    const gen0 = result.stdout.split('\n')[1]!.split(',');
    const tokens = Number(gen0[CURVE_COLUMNS.indexOf('tokens')]);
    const sentences = Number(gen0[CURVE_COLUMNS.indexOf('sentences')]);
    expect(sentences).toBe(36); // 40 lines, 10% held out
    expect(tokens).toBe(36 * 6);
  });

  it('metrics measures each text, with survival against the first', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.txt'), 'the cat sat on the mat.\n');
    writeFileSync(join(cwd, 'b.txt'), 'the cat sat.\n');
    const result = await cli(['metrics', 'a.txt', 'b.txt', '--tokenizer', 'whitespace'], { cwd });
    expect(result.code).toBe(0);
    const [header, a, b] = result.stdout.trim().split('\n').map((line) => line.split(','));
    const column = (row: string[], name: string): string => row[header!.indexOf(name)]!;
    expect(column(a!, 'tokens')).toBe('6');
    expect(column(a!, 'types')).toBe('5');
    expect(column(b!, 'tokens')).toBe('3');
    // b holds the, cat, sat. of a's 5 types (the, cat, sat, on, mat.) -> "sat." differs from "sat": the cat = 2/5
    expect(column(b!, 'vocab_retention')).toBe('0.4');
  });

  it('generate prints N sentences, deterministic under --seed', async () => {
    const args = ['generate', '--corpus', demo, '-n', '5', '--seed', '3'];
    const first = await cli(args);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(5);
    expect((await cli(args)).stdout).toBe(first.stdout);
  });

  it.each([
    [['run', '--order', '0'], /--order must be a whole number from 1 to 10, got '0'/u],
    [['run', '--human-ratio', '1.5'], /--human-ratio must be a number >= 0 and <= 1, got '1.5'/u],
    [['run', '--strategy', 'keep'], /unknown --strategy value 'keep' \(use one of: replace, accumulate, accumulate-subsample\)/u],
    [['run', '--bogus'], /unknown option '--bogus'/u],
    [['run', '--corpus', demo, '--strategy', 'accumulate', '--generations', '100000', '--max-tokens', '1000000'], /--strategy accumulate would train on \d+ tokens by generation 100000 \(H and every batch\), above the --max-tokens guard \(1000000\)/u],
    [['run', '--corpus', demo, '--strategy', 'accumulate-subsample', '--generations', '100000', '--max-tokens', '1000000'], /--strategy accumulate-subsample would draw from \d+ tokens by generation 100000 \(H and every batch\), above the --max-tokens guard \(1000000\)/u],
    [['run', '--tokens', '1000000000000'], /--tokens 1000000000000 is above the --max-tokens guard \(200000000\)/u],
    // 1000 * 2^(20-1) = 524288000 > 200000000, refused before the corpus is read
    [['run', '--tokens', '1000', '--tokens-growth', '1,2', '--generations', '20'], /--tokens-growth 2 makes generation 20's batch 524288000 tokens, above the --max-tokens guard \(200000000\)/u],
    // past every double: said in words, not 'Infinity'
    [['run', '--tokens', '1000', '--tokens-growth', '10', '--generations', '400'], /--tokens-growth 10 makes generation 400's batch more than 10\^308 tokens, above the --max-tokens guard \(200000000\)/u],
    [['run', '--select', 'none,m0:low:1.5'], /--select must be one of none, dedup, .* got 'm0:low:1.5'/u],
    [['run', '--select', 'judge:low:0.5'], /--select must be one of .* got 'judge:low:0.5'/u],
    [['run', '--tokens-growth', '0'], /--tokens-growth must be a number > 0 and <= 10, got '0'/u],
    [['run', '--human-ratio', '0.1,0.1000001'], /--human-ratio 0.1000001 has more digits than the CSV and the cell names write \(0.1: 6 significant digits\) \(write it in 6 significant digits or fewer\)/u],
    // a list where one value goes says so (it said only that '0.01,0.1' is no number: audit)
    [['run', '--k', '0.01,0.1'], /--k must be a number, got '0.01,0.1' \(pass a number > 0: --k takes one value, written without separators, not a list\)/u],
    [['run', '--k', 'x'], /--k must be a number, got 'x' \(pass a number > 0\)$/mu],
    [['run', '--tokens-growth', '1.0000001'], /--tokens-growth 1.0000001 has more digits than the CSV and the cell names write \(1: 6 significant digits\)/u],
    [['run', '--select', 'tail:0.1234567'], /--select tail:0.1234567 has more digits than the CSV and the cell names write \(0.123457: 6 significant digits\)/u],
    [['run', '--corpus', 'missing.txt'], /corpus 'missing.txt' not found/u],
    [['run', '--out', 'no/such/folder/x.csv'], /--out no\/such\/folder\/x.csv: the folder .* does not exist/u],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    const cwd = tempDir();
    const result = await cli(argv as string[], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.startsWith('ngram-collapse: ')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(cwd, 'curves.csv'))).toBe(false);
  });
});
