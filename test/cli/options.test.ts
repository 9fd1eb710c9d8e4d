/**
 * The CLI's option parsing as a function: argv -> what the command will do (parseArgv runs nothing),
 * as tables of argv and settings, and of bad argv and the exact error line it gives.
 */

import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { GENERATE_SPEC } from '../../src/cli/commands/generate.js';
import { MERGE_SPEC } from '../../src/cli/commands/merge.js';
import { METRICS_SPEC } from '../../src/cli/commands/metrics.js';
import { PLOT_SPEC } from '../../src/cli/commands/plot.js';
import { RECIPE_SPEC } from '../../src/cli/commands/recipe.js';
import { TRAIN_SPEC } from '../../src/cli/commands/train.js';
import { fallbackText, parseArgv, type CommandSpec, type ResolveContext } from '../../src/cli/optionTable.js';
import { CELL_ROWS, GENERATE_OPTIONS, RUN_OPTIONS, SWEEP_ROWS } from '../../src/cli/options.js';
import { CONFIG_KEYS, RUN_SPEC } from '../../src/cli/runConfig.js';
import { describeError, UsageError } from '../../src/errors.js';
import { DEFAULT_SAMPLING } from '../../src/model/languageModel.js';
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

/** The one line the CLI would print for argv. */
function errorLine(spec: CommandSpec<unknown>, argv: readonly string[], files?: Record<string, string>): string {
  try {
    parse(spec, argv, files);
  } catch (error) {
    if (error instanceof CommanderError) return error.message;
    return describeError(error);
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('run: argv -> RunConfig', () => {
  it('no flags: every default is the library\'s (DEFAULT_RUN), brown, curves.csv, one shard', () => {
    const config = parse(RUN_SPEC, []);
    expect(config.settings).toEqual(DEFAULT_RUN);
    expect(config.corpus).toEqual(['brown']);
    expect(config.out).toBe('curves.csv');
    expect(config.shard).toEqual({ index: 1, count: 1 });
    expect(config.load).toEqual({ tokenizer: 'wordpunct', lowercase: true, sentences: 'auto', maxTokens: 200_000_000 });
    expect([config.quiet, config.resume, config.printConfig, config.workers]).toEqual([false, false, false, undefined]);
  });

  it.each([
    [['--human-ratio', '0,0.5,1'], { humanRatio: [0, 0.5, 1] }],
    [['--strategy', 'accumulate,replace'], { strategy: ['accumulate', 'replace'] }],
    [['--top-p', '0.9'], { topP: [0.9] }],
    [['--top-k', '5,0'], { topK: [5, 0] }],
    [['--temperature', '0.5, 2'], { temperature: [0.5, 2] }],
    [['--order', '1,2', '--smoothing', 'kneser-ney', '--vocab', 'seed'], { order: [1, 2], smoothing: ['kneser-ney'], vocab: ['seed'] }],
    [['--anchor', '3', '--human-pool', 'fixed'], { anchor: [3], humanPool: ['fixed'] }],
  ])('%j sets the sweep %j, the rest stays default', (argv, sweep) => {
    expect(parse(RUN_SPEC, argv).settings.sweep).toEqual({ ...DEFAULT_RUN.sweep, ...sweep });
  });

  it.each([
    [['--generations', '3'], { generations: 3 }],
    [['--tokens', '500'], { tokens: 500 }],
    [['--k', '0.5', '--holdout', '0'], { k: 0.5, holdout: 0 }],
    [['--rare-threshold', '2', '--max-sentence-length', '9', '--replicates', '4', '--seed', '0'], { rareThreshold: 2, maxSentenceLength: 9, replicates: 4, seed: 0 }],
  ])('%j sets the shared settings %j', (argv, shared) => {
    const { sweep: _, ...settings } = parse(RUN_SPEC, argv).settings;
    const { sweep: __, ...defaults } = DEFAULT_RUN;
    expect(settings).toEqual({ ...defaults, ...shared });
  });

  it('loader, outputs and switches', () => {
    const config = parse(RUN_SPEC, ['--corpus', 'a.txt', 'b.txt', '--no-lowercase', '--tokenizer', 'char', '--sentences', 'line', '--jsonl-field', 'body', '--max-tokens', '10',
      '--out', '-', '--summary', 's.csv', '--extinctions', 'e.csv', '--save-corpora', 'dir', '--report', 'r.html', '--sentence-perplexities', 'p.csv',
      '--workers', '2', '--shard', '2/3', '--resume', '--quiet', '--print-config']);
    expect(config).toMatchObject({
      corpus: ['a.txt', 'b.txt'],
      load: { tokenizer: 'char', lowercase: false, sentences: 'line', jsonlField: 'body', maxTokens: 10 },
      out: '-', summary: 's.csv', extinctions: 'e.csv', saveCorpora: 'dir', report: 'r.html', sentencePerplexities: 'p.csv',
      workers: 2, shard: { index: 2, count: 3 }, resume: true, quiet: true, printConfig: true,
    });
  });

  it('--config: the file over the defaults, a flag over the file; values parsed by the same rows', () => {
    const files = { '/w/c.json': JSON.stringify({ 'human-ratio': [0, 0.2], order: '2', generations: 4, corpus: 'x.txt', lowercase: false, seed: 7 }) };
    const config = parse(RUN_SPEC, ['--config', 'c.json', '--seed', '9'], files);
    expect(config.settings.sweep.humanRatio).toEqual([0, 0.2]);
    expect(config.settings.sweep.order).toEqual([2]);
    expect(config.settings.generations).toBe(4);
    expect(config.settings.seed).toBe(9);
    expect(config.corpus).toEqual(['x.txt']);
    expect(config.load.lowercase).toBe(false);
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
    [['--human-ratio', '0,,1'], "--human-ratio has an empty item in '0,,1' (separate values with single commas, e.g. 0,0.1,0.5)"],
    [['--order', '2,2'], "--order lists a value twice in '2,2' (list each value once)"],
    [['--order', '11'], "--order must be a whole number from 1 to 10, got '11' (pass a whole number from 1 to 10)"],
    [['--smoothing', 'good-turing'], "unknown --smoothing value 'good-turing' (use one of: mle, add-k, witten-bell, kneser-ney)"],
    [['--strategy', 'keep'], "unknown --strategy value 'keep' (use one of: replace, accumulate, accumulate-subsample)"],
    [['--holdout', '1'], "--holdout must be a number >= 0 and < 1, got '1' (pass a number >= 0 and < 1)"],
    [['--generations', '0'], "--generations must be a whole number from 1 to 100000, got '0' (pass a whole number from 1 to 100000)"],
    [['--workers', '0'], "--workers must be a whole number from 1 to 1024, got '0' (pass a whole number from 1 to 1024)"],
    [['--tokenizer', 'bpe'], "unknown --tokenizer value 'bpe' (use one of: word, wordpunct, treebank, whitespace, char)"],
    [['--max-tokens', '1e3.5'], "--max-tokens must be a number, got '1e3.5' (pass a whole number >= 1)"],
    [['--out', ''], "--out must be a path, got '' (pass a file or folder name)"],
    [['--bogus'], "error: unknown option '--bogus'"],
  ])('%j is refused: %s', (argv, message) => {
    expect(errorLine(RUN_SPEC, argv)).toBe(message);
  });

  it.each([
    [{ humanRatio: 2 }, 'c.json: "humanRatio" must be a number >= 0 and <= 1, got \'2\' (pass a number >= 0 and <= 1)'],
    [{ humanRatio: [] }, 'c.json: "humanRatio" must be a non-empty list, got [] (write a non-empty list)'],
    [{ humanRatio: [0, 0] }, 'c.json: "humanRatio" lists a value twice in \'0,0\' (list each value once)'],
    [{ order: [true] }, 'c.json: "order" must be a list of numbers or names, got [true] (write a list of numbers or names)'],
    [{ quiet: 'yes' }, 'c.json: "quiet" must be true or false, got "yes" (write true or false)'],
    [{ corpus: [] }, 'c.json: "corpus" must be a string or a non-empty array of strings, got [] (write a string or a non-empty array of strings)'],
    [{ seed: { n: 1 } }, 'c.json: "seed" must be a number or a string, got {"n":1} (write a number or a string)'],
    [{ humanRatio: [0], 'human-ratio': [0] }, '--config c.json: key "human-ratio" is given twice (as humanRatio) (keep one of them)'],
  ])('config %j is refused: %s', (content, message) => {
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': JSON.stringify(content) })).toBe(message);
  });

  it('a config key that is not a run option names the known keys', () => {
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '{"resume": true}' })).toBe(`--config c.json: unknown key "resume" (known keys: ${CONFIG_KEYS.join(', ')})`);
    expect(errorLine(RUN_SPEC, ['--config', 'c.json'], { '/w/c.json': '[1]' })).toBe('--config c.json must hold one JSON object, got an array (write {"humanRatio": [0, 0.1], ...})');
    expect(errorLine(RUN_SPEC, ['--config', 'gone.json'])).toBe('--config gone.json cannot be read (ENOENT) (pass the path of a JSON file)');
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
      load: { tokenizer: 'wordpunct', lowercase: true, sentences: 'auto', maxTokens: 200_000_000 },
    });
  });

  it('generate flags', () => {
    const settings = parse(GENERATE_SPEC, ['-n', '3', '--smoothing', 'kneser-ney', '--temperature', '0.5', '--top-k', '4', '--top-p', '0.8', '--seed', '1']);
    expect(settings).toMatchObject({ count: 3, model: { smoothing: 'kneser-ney' }, sampling: { temperature: 0.5, topK: 4, topP: 0.8 }, seed: 1 });
  });

  it.each([
    [['--temperature', '-1'], "--temperature must be a number > 0, got '-1' (pass a number > 0)"],
    [['--top-p', '0'], "--top-p must be a number > 0 and <= 1, got '0' (pass a number > 0 and <= 1)"],
    [['--top-p', '0.5,0.9'], "--top-p must be a number, got '0.5,0.9' (pass a number > 0 and <= 1)"],
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

describe('metrics, recipe, plot, merge', () => {
  it('metrics: texts, reference, rare threshold, out', () => {
    expect(parse(METRICS_SPEC, ['a.txt', 'b.txt'])).toMatchObject({ texts: ['a.txt', 'b.txt'], rareThreshold: 1, out: '-' });
    expect(parse(METRICS_SPEC, ['a.txt', '--reference', 'h.txt', '--rare-threshold', '3'])).toMatchObject({ reference: 'h.txt', rareThreshold: 3 });
    expect(errorLine(METRICS_SPEC, [])).toBe("error: missing required argument 'text'");
    expect(errorLine(METRICS_SPEC, ['a.txt', '--rare-threshold', '0'])).toBe("--rare-threshold must be a whole number >= 1, got '0' (pass a whole number >= 1)");
  });

  it('recipe: the scale is the recipe\'s unless given; the seed defaults to 42', () => {
    const settings = parse(RECIPE_SPEC, ['drift']);
    expect(settings).toMatchObject({ name: 'drift', seed: 42, quiet: false });
    expect(settings).not.toHaveProperty('generations');
    expect(settings).not.toHaveProperty('corpus');
    expect(parse(RECIPE_SPEC, ['drift', '--generations', '2', '--replicates', '3', '--corpus', 'x.txt', '--out', 'o'])).toMatchObject({ generations: 2, replicates: 3, corpus: ['x.txt'], out: 'o' });
    expect(errorLine(RECIPE_SPEC, ['drift', '--replicates', '0'])).toBe("--replicates must be a whole number from 1 to 100000, got '0' (pass a whole number from 1 to 100000)");
  });

  it('plot and merge', () => {
    expect(parse(PLOT_SPEC, ['c.csv', '--out', 'r.html', '--metrics', 'a, b'])).toMatchObject({ curves: '/w/c.csv', out: '/w/r.html', metrics: ['a', 'b'] });
    expect(errorLine(PLOT_SPEC, ['c.csv'])).toBe('plot has nothing to write (give --out report.html and/or --svg DIR)');
    expect(parse(MERGE_SPEC, ['a.csv', 'b.csv'])).toEqual({ files: ['a.csv', 'b.csv'], out: 'merged.csv', quiet: false });
  });

  it('parsing runs nothing: a bad value is a UsageError before any file is read', () => {
    expect(() => parse(RUN_SPEC, ['--corpus', 'does-not-exist.txt', '--top-k', 'x'])).toThrow(UsageError);
    expect(() => parse(RUN_SPEC, ['--corpus', 'does-not-exist.txt'])).not.toThrow();
  });
});
