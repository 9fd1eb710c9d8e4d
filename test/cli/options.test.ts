/**
 * The CLI's option parsing as a function: argv -> what the command will do (parseArgv runs nothing),
 * as tables of argv and settings, and of bad argv and the exact error line it gives.
 */

import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { thrown } from '../helpers/thrown.js';
import { GENERATE_SPEC } from '../../src/cli/commands/generate.js';
import { MERGE_SPEC } from '../../src/cli/commands/merge.js';
import { METRICS_SPEC } from '../../src/cli/commands/metrics.js';
import { PLAYGROUND_SPEC } from '../../src/cli/commands/playground.js';
import { PLOT_SPEC } from '../../src/cli/commands/plot.js';
import { RECIPE_SPEC } from '../../src/cli/commands/recipe.js';
import { TOKENIZE_SPEC } from '../../src/cli/commands/tokenize.js';
import { TRAIN_SPEC } from '../../src/cli/commands/train.js';
import { loadOptionsFor } from '../../src/cli/corpusOptions.js';
import type { CliIO } from '../../src/cli/io.js';
import { fallbackText } from '../../src/cli/optionRow.js';
import { parseArgv, type CommandSpec, type ResolveContext } from '../../src/cli/optionTable.js';
import { CELL_ROWS, GENERATE_OPTIONS, RUN_OPTIONS, SWEEP_ROWS } from '../../src/cli/options.js';
import { CONFIG_KEYS, printableConfig, RUN_SPEC } from '../../src/cli/runConfig.js';
import { TOKENIZER_NAMES } from '../../src/corpus/tokenizers.js';
import { describeError, UsageError } from '../../src/errors.js';
import { DEFAULT_SAMPLING } from '../../src/sampler/sampling.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';

/** A context whose "files" are this map (so --config needs no disk). */
function context(files: Record<string, string> = {}): ResolveContext {
  return {
    cwd: '/w',
    readText: (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return content;
    },
  };
}

const parse = <T>(spec: CommandSpec<T>, argv: readonly string[], files?: Record<string, string>): T => parseArgv(spec, argv, context(files));

/** The one line the CLI would print for argv (without the program's name). */
function errorLine(spec: CommandSpec<unknown>, argv: readonly string[], files?: Record<string, string>): string {
  try {
    parse(spec, argv, files);
  } catch (error) {
    if (error instanceof CommanderError) return error.message;
    return describeError(error);
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

const io = { cwd: '/w' } as unknown as CliIO;
const UNSET_LOAD = { lowercase: undefined, emptySentences: undefined, jsonlField: undefined, normalize: undefined };
const DEFAULT_LOAD = { tokenizer: 'wordpunct', sentences: 'auto', maxTokens: 200_000_000, ...UNSET_LOAD };

describe('run: argv -> RunConfig', () => {
  it("no flags: every default is the library's (DEFAULT_RUN), brown, curves.csv, one shard", () => {
    const config = parse(RUN_SPEC, []);
    expect(config.settings).toEqual(DEFAULT_RUN);
    expect(JSON.stringify(config.settings)).toBe(JSON.stringify(DEFAULT_RUN)); // key order too: the run record's fingerprint
    expect(config.corpus).toEqual(['brown']);
    expect(config.out).toBe('curves.csv');
    expect(config.shard).toEqual({ index: 1, count: 1 });
    expect(config.load).toEqual(DEFAULT_LOAD);
    expect([config.quiet, config.resume, config.printConfig, config.workers]).toEqual([false, false, false, undefined]);
  });

  it.each([
    [['--human-ratio', '0,0.5,1'], { humanRatio: [0, 0.5, 1] }],
    [['--strategy', 'accumulate,replace'], { strategy: ['accumulate', 'replace'] }],
    [['--top-p', '0.9'], { topP: [0.9] }],
    [['--top-k', '5,0'], { topK: [5, 0] }],
    [['--temperature', '0.5, 2'], { temperature: [0.5, 2] }],
    // decimal numbers in every form people write: a leading point, a trailing point, a sign, an exponent
    [['--human-ratio', '.5,+0.25,1.,1e-1'], { humanRatio: [0.5, 0.25, 1, 0.1] }],
    [['--order', '1,2', '--smoothing', 'kneser-ney', '--vocab', 'seed'], { order: [1, 2], smoothing: ['kneser-ney'], vocab: ['seed'] }],
    [['--anchor', '3', '--human-pool', 'fixed'], { anchor: [3], humanPool: ['fixed'] }],
    [['--select', 'none,m0:low:0.80,dedup'], { select: ['none', 'm0:low:0.8', 'dedup'] }],
    [['--tokens-growth', '1,1.5'], { tokensGrowth: [1, 1.5] }],
  ])('%j sets the sweep %j, the rest stays default', (argv, sweep) => {
    expect(parse(RUN_SPEC, argv).settings.sweep).toEqual({ ...DEFAULT_RUN.sweep, ...sweep });
  });

  it.each([
    [['--generations', '3'], { generations: 3 }],
    [['--tokens', '500'], { tokens: 500 }],
    [['--tokens', '500', '--measure-tokens', '2000'], { tokens: 500, measureTokens: 2000 }],
    [['--k', '0.5', '--holdout', '0'], { k: 0.5, holdout: 0 }],
    [['--rare-threshold', '2', '--max-sentence-length', '9', '--replicates', '4', '--seed', '0'], { rareThreshold: 2, maxSentenceLength: 9, replicates: 4, seed: 0 }],
  ])('%j sets the shared settings %j', (argv, shared) => {
    const { sweep: _, ...settings } = parse(RUN_SPEC, argv).settings;
    const { sweep: __, ...defaults } = DEFAULT_RUN;
    expect(settings).toEqual({ ...defaults, ...shared });
  });

  it('loader, outputs and switches', () => {
    const config = parse(RUN_SPEC, [
      '--corpus', 'a.txt', 'b.txt', '--no-lowercase', '--tokenizer', 'char', '--sentences', 'line', '--empty-sentences', '--jsonl-field', 'body', '--no-normalize', '--max-tokens', '10',
      '--out', '-', '--summary', 's.csv', '--extinctions', 'e.csv', '--survival', 'km.csv', '--save-corpora', 'dir', '--report', 'r.html', '--sentence-perplexities', 'p.csv',
      '--workers', '2', '--shard', '2/3', '--resume', '--quiet', '--print-config',
    ]);
    expect(config).toMatchObject({
      corpus: ['a.txt', 'b.txt'],
      load: { tokenizer: 'char', lowercase: false, sentences: 'line', emptySentences: true, jsonlField: 'body', normalize: false, maxTokens: 10 },
      out: '-', summary: 's.csv', extinctions: 'e.csv', survival: 'km.csv', saveCorpora: 'dir', report: 'r.html', sentencePerplexities: 'p.csv',
      workers: 2, shard: { index: 2, count: 3 }, resume: true, quiet: true, printConfig: true,
    });
  });

  it('the lowercase default follows the tokenizer: word-level lowercases, subword keeps the case', () => {
    const load = (argv: string[]) => loadOptionsFor(parse(RUN_SPEC, argv).load, io, () => undefined);
    expect(load([]).lowercase).toBe(true);
    expect(load(['--tokenizer', 'gpt2']).lowercase).toBe(false);
    expect(load(['--tokenizer', 'bpe:500']).lowercase).toBe(false);
    expect(load(['--tokenizer', 'bpe:500', '--lowercase']).lowercase).toBe(true);
    expect(load(['--no-lowercase']).lowercase).toBe(false);
    expect([load([]).normalize, load(['--no-normalize']).normalize, load(['--normalize']).normalize]).toEqual(['NFC', 'none', 'NFC']);
    expect(printableConfig(parse(RUN_SPEC, ['--tokenizer', 'gpt2']))).toMatchObject({ tokenizer: 'gpt2', lowercase: false });
  });

  it('--empty-sentences needs --sentences line (checked when the loader options are made, from any source)', () => {
    const config = parse(RUN_SPEC, ['--empty-sentences']);
    expect(() => loadOptionsFor(config.load, io, () => undefined)).toThrow(
      new UsageError('--empty-sentences needs --sentences line, got --sentences auto', 'add --sentences line: one sentence per line, a blank line an empty sentence'),
    );
    const fromFile = parse(RUN_SPEC, ['--config', 'c.json', '--sentences', 'line'], { '/w/c.json': '{"emptySentences": true}' });
    expect(loadOptionsFor(fromFile.load, io, () => undefined)).toMatchObject({ sentences: 'line', emptySentences: true });
  });

  it('--empty-sentences without --sentences line, either of them from a --config file: the message says where each came from', () => {
    const hint = 'read one sentence per line: "sentences": "line" in the file, or --sentences line';
    const refused = (args: string[], file: object, message: string): void => {
      expect(() => parse(RUN_SPEC, ['--config', 'c.json', ...args], { '/w/c.json': JSON.stringify(file) })).toThrow(new UsageError(message, hint));
    };
    refused([], { emptySentences: true }, '"emptySentences": true in --config c.json needs sentences line, got --sentences auto (the default)');
    // (a --sentences flag wins over the file: the hint names the flag alone)
    const flagWins = thrown(() => parse(RUN_SPEC, ['--config', 'c.json', '--sentences', 'auto'], { '/w/c.json': JSON.stringify({ emptySentences: true }) })) as UsageError;
    expect([flagWins.message, flagWins.hint]).toEqual(['"emptySentences": true in --config c.json needs sentences line, got --sentences auto', 'read one sentence per line: --sentences line']);
    const fromTheFile = thrown(() => parse(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': JSON.stringify({ emptySentences: true }) })) as UsageError;
    expect(fromTheFile.hint).toBe(hint);
    refused(['--empty-sentences'], { sentences: 'auto' }, '--empty-sentences needs sentences line, got "sentences": "auto" in --config c.json');
    refused([], { 'empty-sentences': true, sentences: 'auto' }, '"emptySentences": true in --config c.json needs sentences line, got "sentences": "auto" in --config c.json');
    // a flag over the file: --sentences line makes the file's emptySentences valid
    expect(parse(RUN_SPEC, ['--config', 'c.json', '--sentences', 'line'], { '/w/c.json': '{"emptySentences": true, "sentences": "auto"}' }).load).toMatchObject({ sentences: 'line', emptySentences: true });
  });

  it('--config: the file over the defaults, a flag over the file; values parsed by the same rows', () => {
    const files = { '/w/c.json': JSON.stringify({ 'human-ratio': [0, 0.2], order: '2', generations: 4, corpus: 'x.txt', lowercase: false, seed: 7, select: ['m0:low:0.80'], tokenizer: 'bpe:300' }) };
    const config = parse(RUN_SPEC, ['--config', 'c.json', '--seed', '9'], files);
    expect(config.settings.sweep.humanRatio).toEqual([0, 0.2]);
    expect(config.settings.sweep.order).toEqual([2]);
    expect(config.settings.sweep.select).toEqual(['m0:low:0.8']);
    expect(config.settings.generations).toBe(4);
    expect(config.settings.seed).toBe(9);
    expect(config.corpus).toEqual(['x.txt']);
    expect(config.load).toMatchObject({ lowercase: false, tokenizer: 'bpe:300' });
  });

  it('--no-quiet and --no-empty-sentences turn off what a --config file turned on (there was no way to: probe)', () => {
    const files = { '/w/c.json': JSON.stringify({ quiet: true, emptySentences: true, sentences: 'line' }) };
    const fromFile = parse(RUN_SPEC, ['--config', 'c.json'], files);
    expect([fromFile.quiet, fromFile.load.emptySentences]).toEqual([true, true]);
    const undone = parse(RUN_SPEC, ['--config', 'c.json', '--no-quiet', '--no-empty-sentences'], files);
    expect([undone.quiet, undone.load.emptySentences]).toEqual([false, false]);
    // with its own switch, a negation is refused as both given
    expect(errorLine(RUN_SPEC, ['--quiet', '--no-quiet'])).toBe('--quiet and --no-quiet are both given (give one of them)');
    // commands without --config have no negation to offer
    expect(errorLine(GENERATE_SPEC, ['--no-quiet'])).toMatch(/unknown option '--no-quiet'/u);
  });

  it("reads a name with spaces around it as a list's item is read, on the command line and in a config file (' line' was refused where ' mle' ran: audit)", () => {
    const spaced = parse(RUN_SPEC, ['--sentences', ' line ', '--tokenizer', ' whitespace', '--smoothing', ' mle']);
    expect([spaced.load.sentences, spaced.load.tokenizer, spaced.settings.sweep.smoothing]).toEqual(['line', 'whitespace', ['mle']]);
    expect(parse(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"sentences": "line ", "tokenizer": " bpe:300"}' }).load).toMatchObject({ sentences: 'line', tokenizer: 'bpe:300' });
    // a blank one is still no name, quoted as given
    expect(errorLine(RUN_SPEC, ['--sentences', ' '])).toBe("unknown --sentences value ' ' (use one of: auto, line)");
  });

  it('--print-config reads back as the same configuration', () => {
    const config = parse(RUN_SPEC, ['--human-ratio', '0,0.3', '--tokens', '900', '--tokenizer', 'gpt2', '--no-normalize', '--sentences', 'line', '--empty-sentences', '--survival', 'km.csv', '--shard', '1/2', '--workers', '3']);
    const again = parse(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': JSON.stringify(printableConfig(config)) });
    expect(printableConfig(again)).toEqual(printableConfig(config));
    // every setting, the loader's and the shard's too; the file names itself, and writes gpt2's default
    // of no lowercasing out
    expect(again).toEqual({ ...config, config: 'c.json', load: { ...config.load, lowercase: false } });
    expect(again.load).toMatchObject({ normalize: false, sentences: 'line', emptySentences: true });
    expect(again.shard).toEqual({ index: 1, count: 2 });
  });

  it('a config file may set every run option but config, print-config and resume', () => {
    expect(CONFIG_KEYS).toEqual(Object.keys(RUN_OPTIONS).filter((key) => !['config', 'printConfig', 'resume'].includes(key)));
  });

  it.each([
    [['--top-p', '0'], "--top-p must be a number > 0 and <= 1, got '0' (pass a number > 0 and <= 1)"],
    [['--top-p', '1.5'], "--top-p must be a number > 0 and <= 1, got '1.5' (pass a number > 0 and <= 1)"],
    [['--top-k', '-3'], "--top-k must be a whole number >= 0, got '-3' (pass a whole number >= 0)"],
    [['--temperature', '0'], "--temperature must be a number > 0, got '0' (pass a number > 0)"],
    [['--temperature', 'NaN'], "--temperature must be a number, got 'NaN' (pass a number > 0)"],
    [['--human-ratio', '1.5,-0.5'], "--human-ratio must be a number >= 0 and <= 1, got '1.5' (pass a number >= 0 and <= 1)"],
    // (too small for a double: read as 0, it ran as human_ratio=0 and turned --holdout off without a word: audit; 0e5 and 0.000 are 0)
    [['--human-ratio', '1e-400'], "--human-ratio 1e-400 is too small to be held as a number (nonzero and below 2.2e-308, it would be read as 0 or lose digits) (pass a number >= 0 and <= 1)"],
    [['--holdout', '0.5E-999'], "--holdout 0.5E-999 is too small to be held as a number (nonzero and below 2.2e-308, it would be read as 0 or lose digits) (pass a number >= 0 and < 1)"],
    [['--human-ratio', '0,1e-400'], "--human-ratio 1e-400 is too small to be held as a number (nonzero and below 2.2e-308, it would be read as 0 or lose digits) (pass a number >= 0 and <= 1)"],
    // (a subnormal keeps fewer digits than written: the CSV wrote 1.23456e-320 as another number: round 2)
    [['--temperature', '1e400'], "--temperature 1e400 is too large to be held as a number (above 1.8e308) (pass a number > 0)"],
    [['--temperature', 'Infinity'], "--temperature must be a number, got 'Infinity' (pass a number > 0)"],
    [['--human-ratio', '1.23456e-320'], "--human-ratio 1.23456e-320 is too small to be held as a number (nonzero and below 2.2e-308, it would be read as 0 or lose digits) (pass a number >= 0 and <= 1)"],
    [['--human-ratio', '0,,1'], "--human-ratio has an empty item in '0,,1' (separate values with single commas, e.g. 0,0.1,0.5)"],
    [['--order', '11'], "--order must be a whole number from 1 to 10, got '11' (pass a whole number from 1 to 10)"],
    [['--smoothing', 'good-turing'], "unknown --smoothing value 'good-turing' (use one of: mle, add-k, witten-bell, kneser-ney)"],
    [['--strategy', 'keep'], "unknown --strategy value 'keep' (use one of: replace, accumulate, accumulate-subsample)"],
    [['--select', 'm0:low:2'], "--select must be one of none, dedup, m0:low:Q, m0:high:Q, self:low:Q, self:high:Q, tail:Q (0 < Q <= 1), got 'm0:low:2' (e.g. --select none,m0:low:0.8)"],
    [['--holdout', '1'], "--holdout must be a number >= 0 and < 1, got '1' (pass a number >= 0 and < 1)"],
    [['--generations', '0'], "--generations must be a whole number from 1 to 100000, got '0' (pass a whole number from 1 to 100000)"],
    [['--workers', '0'], "--workers must be a whole number from 1 to 1024, got '0' (pass a whole number from 1 to 1024)"],
    [['--tokenizer', 'bpe'], `unknown --tokenizer value 'bpe' (use one of: ${TOKENIZER_NAMES.join(', ')})`],
    [['--tokenizer', 'bpe:0'], "--tokenizer: tokenizer 'bpe:0' needs a whole number of merges from 1 to 1000000 (write it as bpe:K, e.g. bpe:2000)"],
    [['--sentences', 'para'], "unknown --sentences value 'para' (use one of: auto, line)"],
    [['--max-tokens', '1e3.5'], "--max-tokens must be a number, got '1e3.5' (pass a whole number >= 1)"],
    // Number() reads these as 16, 3 and 15: a decimal number is what the flags take
    [['--generations', '0x10'], "--generations must be a number, got '0x10' (pass a whole number from 1 to 100000)"],
    [['--generations', '0b11'], "--generations must be a number, got '0b11' (pass a whole number from 1 to 100000)"],
    [['--human-ratio', '0o17'], "--human-ratio must be a number, got '0o17' (pass a number >= 0 and <= 1)"],
    [['--shard', '3/2'], "--shard must be i/n with 1 <= i <= n, got '3/2' (pass e.g. --shard 2/4 for the second of four shares)"],
    // digits no double holds: read as another number, which the rule then took (audit)
    [['--seed', '9007199254740990.5'], '--seed 9007199254740990.5 has more digits than a number holds: it would be read as 9007199254740990 (pass 9007199254740990, or a number with fewer digits)'],
    [['--generations', '2.0000000000000001'], '--generations 2.0000000000000001 has more digits than a number holds: it would be read as 2 (pass 2, or a number with fewer digits)'],
    [['--human-ratio', '0,0.10000000000000001'], '--human-ratio 0.10000000000000001 has more digits than a number holds: it would be read as 0.1 (pass 0.1, or a number with fewer digits)'],
    // a whole number past 2^53 - 1 is refused by its range first, quoted as typed and as read; so is a number read as one out of range (round 2)
    [['--seed', '9007199254740993'], "--seed must be a whole number >= 0 and at most 9007199254740991 (2^53 - 1), got '9007199254740993', which is read as 9007199254740992 (pass a whole number from 0 to 9007199254740991: a larger whole number is not held exactly)"],
    [['--max-sentence-length', '1e20'], "--max-sentence-length must be a whole number from 1 to 1000000, got '1e20' (pass a whole number from 1 to 1000000)"],
    [['--tokens', '1e20'], "--tokens must be a whole number >= 1 and at most 9007199254740991 (2^53 - 1), got '1e20' (pass a whole number from 1 to 9007199254740991: a larger whole number is not held exactly)"],
    [['--holdout', '0.99999999999999999'], "--holdout must be a number >= 0 and < 1, got '0.99999999999999999', which is read as 1 (pass a number >= 0 and < 1)"],
    [['--holdout', '1'], "--holdout must be a number >= 0 and < 1, got '1' (pass a number >= 0 and < 1)"],
    [['--bogus'], "error: unknown option '--bogus'"],
  ])('%j is refused: %s', (argv, message) => {
    expect(errorLine(RUN_SPEC, argv)).toBe(message);
  });

  it.each([
    [{ humanRatio: 2 }, '--config c.json: "humanRatio" must be a number >= 0 and <= 1, got \'2\' (pass a number >= 0 and <= 1)'],
    [{ humanRatio: [] }, '--config c.json: "humanRatio" must be a non-empty list, got [] (write a non-empty list)'],
    [{ order: [true] }, '--config c.json: "order" must be a list of numbers or names, got [true] (write a list of numbers or names)'],
    [{ quiet: 'yes' }, '--config c.json: "quiet" must be true or false, got "yes" (write true or false)'],
    [{ corpus: [] }, '--config c.json: "corpus" must be a string or a non-empty array of strings, got [] (write a string or a non-empty array of strings)'],
    [{ out: ' ' }, '--config c.json: "out" must be a path, got \' \' (pass a file or folder name)'],
    [{ corpus: ['a.txt', ''] }, '--config c.json: "corpus" must be a path, got \'\' (pass a file or folder name)'],
    [{ seed: { n: 1 } }, '--config c.json: "seed" must be a number or a string, got {"n":1} (write a number or a string)'],
    [{ humanRatio: [0], 'human-ratio': [0] }, '--config c.json: "humanRatio" and "human-ratio" are one setting, given twice (keep one of them)'],
    // a name the option does not know: the file's place first (it read `unknown --config c.json: "strategy" value`: audit)
    [{ strategy: ['acc'] }, '--config c.json: unknown "strategy" value \'acc\' (use one of: replace, accumulate, accumulate-subsample)'],
    [{ smoothing: 'good-turing' }, '--config c.json: unknown "smoothing" value \'good-turing\' (use one of: mle, add-k, witten-bell, kneser-ney)'],
    // a path is a string (`{"out": 5}` wrote a file named 5: audit)
    [{ out: 5 }, '--config c.json: "out" must be a file or folder name in quotes, got 5 (write a file or folder name in quotes)'],
    [{ summary: false }, '--config c.json: "summary" must be a file or folder name in quotes, got false (write a file or folder name in quotes)'],
  ])('config %j is refused: %s', (content, message) => {
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': JSON.stringify(content) })).toBe(message);
  });

  it('a config file\'s number too small to be held is refused, as on the command line (JSON read 1e-400 as 0: round 2)', () => {
    const refused = (text: string) => errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': text });
    const why = 'is too small to be held as a number (nonzero and below 2.2e-308, it would be read as 0 or lose digits) (write 0, or a number the setting takes)';
    // named by its key (it said `--config c.json: 1e-400 ...` of a file of many settings: audit)
    expect(refused('{"humanRatio": 1e-400, "holdout": 0.1}')).toBe(`--config c.json: "humanRatio" 1e-400 ${why}`);
    expect(refused('{"humanRatio": [0, 0.1], "holdout": 5E-324}')).toBe(`--config c.json: "holdout" 5E-324 ${why}`);
    expect(refused('{"generations": 1e-400}')).toBe(`--config c.json: "generations" 1e-400 ${why}`);
    // 0 written any way, and the same digits in a string (a path), are no such number
    expect(() => parse(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"humanRatio": [0e-400, 0.1], "out": "1e-400.csv"}' })).not.toThrow();
  });

  it("a config file's number past the largest double is refused as too large, named by its key, as on the command line (it said \"must be a number, got 'Infinity'\": audit)", () => {
    const refused = (text: string) => errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': text });
    expect(refused('{"temperature": [1e400]}')).toBe('--config c.json: "temperature" 1e400 is too large to be held as a number (above 1.8e308) (write a number the setting takes)');
    expect(errorLine(RUN_SPEC, ['--temperature', '1e400'], {})).toMatch(/^--temperature 1e400 is too large to be held as a number \(above 1\.8e308\)/u);
    // past the largest double below 0: said so (it read "above 1.8e308": audit)
    expect(refused('{"temperature": [-1e400]}')).toBe('--config c.json: "temperature" -1e400 is too large to be held as a number (below -1.8e308) (write a number the setting takes)');
    expect(errorLine(RUN_SPEC, ['--temperature', '-1e400'], {})).toMatch(/^--temperature -1e400 is too large to be held as a number \(below -1\.8e308\)/u);
  });

  it("a config file's number with more digits than a double holds is refused, quoted as written (9007199254740993 was quoted as 9007199254740992, and 9007199254740990.5 ran as 9007199254740990: audit)", () => {
    const refused = (text: string) => errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': text });
    const hint = '(write it with the digits a double holds (17 significant digits at most; whole numbers up to 9007199254740991))';
    expect(refused('{"seed": 9007199254740993}')).toBe(`--config c.json: "seed" 9007199254740993 has more digits than a number holds: it would be read as 9007199254740992 ${hint}`);
    expect(refused('{"seed": 9007199254740990.5}')).toBe(`--config c.json: "seed" 9007199254740990.5 has more digits than a number holds: it would be read as 9007199254740990 ${hint}`);
    // in a list, named by its key
    expect(refused('{"order": [2, 3], "humanRatio": [0, 0.10000000000000001]}')).toBe(`--config c.json: "humanRatio" 0.10000000000000001 has more digits than a number holds: it would be read as 0.1 ${hint}`);
    // in a string, the text goes through the flag's parser: the same refusal, naming the key
    expect(refused('{"seed": "9007199254740991.4"}')).toBe('--config c.json: "seed" 9007199254740991.4 has more digits than a number holds: it would be read as 9007199254740991 (pass 9007199254740991, or a number with fewer digits)');
    expect(() => parse(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"humanRatio": [0.100, 1e0], "k": 1.0e-2}' })).not.toThrow();
  });

  it('a config key that is not a run option names the known keys; one of the command line says so', () => {
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"resumed": true}' })).toBe(`--config c.json: unknown key "resumed" (known keys: ${CONFIG_KEYS.join(', ')})`);
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"resume": true}' })).toBe('--config c.json: "resume" cannot be set in a config file (pass --resume on the command line)');
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"print-config": true}' })).toBe('--config c.json: "print-config" cannot be set in a config file (pass --print-config on the command line)');
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '[1]' })).toBe('--config c.json must hold one JSON object, got an array (write {"humanRatio": [0, 0.1], ...})');
    for (const json of ['null', '5', '"order"', 'true']) {
      expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': json })).toBe(`--config c.json must hold one JSON object, got ${json} (write {"humanRatio": [0, 0.1], ...})`);
    }
    expect(errorLine(RUN_SPEC, ['--config', 'gone.json'])).toBe('--config gone.json cannot be read: it does not exist (pass the path of a JSON file)');
  });

  it('a config key written twice is refused, by any spelling of its text (JSON.parse kept the last: audit)', () => {
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"generations": 2, "order": [2], "generations": 5}' })).toBe('--config c.json: "generations" is given twice (keep one of them)');
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"seed": 1,\n "s\\u0065ed" : 2}' })).toBe('--config c.json: "seed" is given twice (keep one of them)');
  });
});

describe('generate and train: one value per setting, the same rows and defaults as run', () => {
  it('generate with no flags samples with DEFAULT_SAMPLING from the default model', () => {
    expect(parse(GENERATE_SPEC, [])).toEqual({
      corpus: ['brown'],
      count: 10,
      model: { order: 3, smoothing: 'mle', k: 0.01, vocab: 'observed' },
      sampling: DEFAULT_SAMPLING,
      maxSentenceLength: 200,
      seed: 42,
      quiet: false,
      load: DEFAULT_LOAD,
    });
    expect(parse(GENERATE_SPEC, ['--quiet'])).toMatchObject({ quiet: true });
  });

  it('generate flags', () => {
    const settings = parse(GENERATE_SPEC, ['-n', '3', '--smoothing', 'kneser-ney', '--temperature', '0.5', '--top-k', '4', '--top-p', '0.8', '--seed', '1', '--tokenizer', 'o200k']);
    expect(settings).toMatchObject({ count: 3, model: { smoothing: 'kneser-ney' }, sampling: { temperature: 0.5, topK: 4, topP: 0.8 }, seed: 1, load: { tokenizer: 'o200k' } });
  });

  it.each([
    [['--temperature', '-1'], "--temperature must be a number > 0, got '-1' (pass a number > 0)"],
    [['--top-p', '0'], "--top-p must be a number > 0 and <= 1, got '0' (pass a number > 0 and <= 1)"],
    [['--top-p', '0.5,0.9'], "--top-p must be a number, got '0.5,0.9' (pass a number > 0 and <= 1: --top-p takes one value, written without separators, not a list)"],
    [['-n', '0'], "--count must be a whole number from 1 to 1000000, got '0' (pass a whole number from 1 to 1000000)"],
  ])('generate %j is refused: %s', (argv, message) => {
    expect(errorLine(GENERATE_SPEC, argv)).toBe(message);
  });

  it('one default per setting: the single-valued rows and the sweep rows agree', () => {
    for (const key of ['order', 'smoothing', 'vocab', 'temperature', 'topK', 'topP'] as const) {
      expect([CELL_ROWS[key].fallback]).toEqual(SWEEP_ROWS[key].fallback);
      expect(fallbackText(GENERATE_OPTIONS[key])).toBe(fallbackText(RUN_OPTIONS[key]));
    }
  });

  it('train', () => {
    expect(parse(TRAIN_SPEC, ['--smoothing', 'witten-bell', '--arpa', 'm.arpa', '--eval', 'a.txt', 'b.txt', '--json'])).toMatchObject({
      model: { order: 3, smoothing: 'witten-bell', k: 0.01, vocab: 'observed' },
      arpa: 'm.arpa',
      eval: ['a.txt', 'b.txt'],
      json: true,
    });
    expect(errorLine(TRAIN_SPEC, ['--smoothing', 'add-k', '--arpa', 'm.arpa'])).toBe('add-k is not a back-off model, so it has no exact ARPA form (use --smoothing kneser-ney or witten-bell (or mle) with --arpa)');
    expect(errorLine(TRAIN_SPEC, ['--k', '0'])).toBe("--k must be a number > 0, got '0' (pass a number > 0)");
  });
});

describe('metrics, recipe, tokenize, plot, merge, playground', () => {
  it('metrics: texts, reference, rare threshold, out', () => {
    expect(parse(METRICS_SPEC, ['a.txt', 'b.txt'])).toEqual({ texts: ['a.txt', 'b.txt'], rareThreshold: 1, out: '-', quiet: false, load: DEFAULT_LOAD });
    expect(parse(METRICS_SPEC, ['a.txt', '--quiet'])).toMatchObject({ quiet: true });
    expect(parse(METRICS_SPEC, ['a.txt', '--reference', 'h.txt', '--rare-threshold', '3'])).toMatchObject({ reference: 'h.txt', rareThreshold: 3 });
    expect(errorLine(METRICS_SPEC, [])).toBe("error: missing required argument 'text'");
    expect(errorLine(METRICS_SPEC, ['a.txt', '--rare-threshold', '0'])).toBe("--rare-threshold must be a whole number >= 1, got '0' (pass a whole number >= 1)");
  });

  it("recipe: the scale is the recipe's unless given; the seed defaults to 42", () => {
    const { args, options } = parse(RECIPE_SPEC, ['drift']);
    expect(args).toEqual(['drift']);
    expect(options).toMatchObject({ seed: 42, generations: undefined, replicates: undefined, corpus: undefined, out: undefined });
    expect(parse(RECIPE_SPEC, ['drift', '--generations', '2', '--replicates', '3', '--corpus', 'x.txt', '--out', 'o']).options).toMatchObject({ generations: 2, replicates: 3, corpus: ['x.txt'], out: 'o' });
    expect(errorLine(RECIPE_SPEC, ['drift', '--replicates', '0'])).toBe("--replicates must be a whole number from 1 to 100000, got '0' (pass a whole number from 1 to 100000)");
  });

  it('tokenize: texts and --corpus, --pieces, --out', () => {
    expect(parse(TOKENIZE_SPEC, ['a.txt', '--pieces', '--tokenizer', 'bpe:50'])).toEqual({
      args: ['a.txt'],
      options: { corpus: undefined, out: '-', pieces: true, quiet: undefined, ...DEFAULT_LOAD, tokenizer: 'bpe:50' },
    });
    expect(errorLine(TOKENIZE_SPEC, ['--tokenizer', 'bpe:0'])).toBe("--tokenizer: tokenizer 'bpe:0' needs a whole number of merges from 1 to 1000000 (write it as bpe:K, e.g. bpe:2000)");
  });

  it('plot, merge and playground', () => {
    expect(parse(PLOT_SPEC, ['c.csv', '--out', 'r.html', '--metrics', 'a, b'])).toMatchObject({ curves: '/w/c.csv', out: '/w/r.html', metrics: ['a', 'b'] });
    expect(errorLine(PLOT_SPEC, ['c.csv'])).toBe('plot has nothing to write (give --out report.html and/or --svg DIR)');
    expect(parse(MERGE_SPEC, ['a.csv', 'b.csv'])).toEqual({ args: ['a.csv', 'b.csv'], options: { out: 'merged.csv', summary: undefined, quiet: undefined } });
    expect(parse(PLAYGROUND_SPEC, [])).toEqual({ args: [], options: { out: 'playground.html', corpus: undefined } });
  });

  it('parsing runs nothing: a bad value is a UsageError before any file is read', () => {
    expect(() => parse(RUN_SPEC, ['--corpus', 'does-not-exist.txt', '--top-k', 'x'])).toThrow(UsageError);
    expect(() => parse(RUN_SPEC, ['--corpus', 'does-not-exist.txt'])).not.toThrow();
  });

  it('a flag of one value given twice is refused, whatever its values (the first went unchecked and the last was run: audit); one of many collects', () => {
    const twice = (spec: CommandSpec<unknown>, argv: readonly string[]): string => describeError(thrown(() => parse(spec, argv)), '');
    expect(twice(RUN_SPEC, ['--order', '0', '--order', '3'])).toBe("--order is given twice ('0', then '3') (give it once; for both values, one list: --order 0,3)");
    expect(twice(RUN_SPEC, ['--human-ratio', '0', '--human-ratio=0.5'])).toBe("--human-ratio is given twice ('0', then '0.5') (give it once; for both values, one list: --human-ratio 0,0.5)");
    expect(twice(RUN_SPEC, ['--seed', '3', '--quiet', '--seed', '3'])).toBe("--seed is given twice ('3', then '3') (give it once)");
    expect(twice(RUN_SPEC, ['--order=', '--order=3'])).toBe("--order is given twice ('', then '3') (give it once)");
    expect(twice(RUN_SPEC, ['--order', '2', '--order', '2'])).toBe("--order is given twice ('2', then '2') (give it once)");
    expect(twice(RUN_SPEC, ['--config', 'a.json', '--config', 'b.json'])).toBe("--config is given twice ('a.json', then 'b.json') (give it once)");
    expect(twice(GENERATE_SPEC as CommandSpec<unknown>, ['-n', '0', '--count', '1'])).toBe("--count is given twice ('0', then '1') (give it once)");
    expect(twice(TRAIN_SPEC as CommandSpec<unknown>, ['--arpa', '', '--arpa', 'a.arpa'])).toBe("--arpa is given twice ('', then 'a.arpa') (give it once)");
    expect(twice(PLOT_SPEC as CommandSpec<unknown>, ['a.csv', '--out', 'p.html', '--out', 'q.html'])).toBe("--out is given twice ('p.html', then 'q.html') (give it once)");
    // a switch and its negation together (the last won without a word: round 2 audit)
    expect(twice(RUN_SPEC, ['--lowercase', '--no-lowercase'])).toBe('--lowercase and --no-lowercase are both given (give one of them)');
    expect(twice(TOKENIZE_SPEC as CommandSpec<unknown>, ['--no-normalize', '--corpus', 'a.txt', '--normalize'])).toBe('--normalize and --no-normalize are both given (give one of them)');
    expect(parse(RUN_SPEC, ['--no-lowercase', '--no-lowercase']).corpus).toEqual(['brown']);
    // --help still wins, before or after the repeat (it was refused as a repeat: round 2 audit)
    for (const argv of [['--help', '--order', '2', '--order', '3'], ['--order', '2', '--order', '3', '-h']]) {
      expect((thrown(() => parse(RUN_SPEC, argv)) as CommanderError).code, argv.join(' ')).toBe('commander.helpDisplayed');
    }
    // --corpus takes many, from one flag or several; a switch given twice is still on
    expect(parse(RUN_SPEC, ['--corpus', 'a.txt', '--corpus', 'b.txt', 'c.txt', '--quiet', '--quiet']).corpus).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it("a flag's value that is another flag of the command is refused (commander gives a flag the next word: `--corpus $EMPTY --eval e.txt` read a corpus '--eval': probe)", () => {
    const twice = (spec: CommandSpec<unknown>, argv: readonly string[]): string => describeError(thrown(() => parse(spec, argv)), '');
    const line = (flag: string, value: string) => `${flag} took '${value}' as its value, which is a flag (give ${flag} its value before the next flag: an empty shell variable gives none)`;
    // a flag of many values (the first word after it is taken whatever it is), of one, with = and short
    expect(twice(TRAIN_SPEC as CommandSpec<unknown>, ['--corpus', '--eval', 'e.txt'])).toBe(line('--corpus', '--eval'));
    expect(twice(RUN_SPEC, ['--out', '--no-lowercase'])).toBe(line('--out', '--no-lowercase'));
    expect(twice(RUN_SPEC, ['--out=--quiet'])).toBe(line('--out', '--quiet'));
    expect(twice(RUN_SPEC, ['--out', '--order=3'])).toBe(line('--out', '--order=3'));
    expect(twice(GENERATE_SPEC as CommandSpec<unknown>, ['--seed', '-n'])).toBe(line('--seed', '-n'));
    // refused as it is read, before commander counts the arguments (the corpus's value left over said
    // "too many arguments for 'run'": review)
    expect(twice(RUN_SPEC, ['--out', '--corpus', 'a.txt'])).toBe(line('--out', '--corpus'));
    expect(twice(PLOT_SPEC as CommandSpec<unknown>, ['--out', '--svg', 'x', 'g.csv'])).toBe(line('--out', '--svg'));
    // --help given as a value is a flag too (it was read as a corpus named --help)
    expect(twice(TRAIN_SPEC as CommandSpec<unknown>, ['--corpus', '--help'])).toBe(line('--corpus', '--help'));
    // values that only look like flags are values: `-` (stdin), a negative number, a flag of no command here, ./--eval
    expect(parse(TRAIN_SPEC, ['--corpus', '-', './--eval', '--eval', '-x']).corpus).toEqual(['-', './--eval']);
    expect(parse(RUN_SPEC, ['--out', '--outx']).out).toBe('--outx');
    expect(thrown(() => parse(RUN_SPEC, ['--temperature', '-1']))).toBeInstanceOf(UsageError);
    expect(String(thrown(() => parse(RUN_SPEC, ['--temperature', '-1'])))).not.toContain('as its value');
  });
});
