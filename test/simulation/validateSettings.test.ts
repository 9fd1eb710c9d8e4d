/**
 * The settings tables and their checks, one field at a time (fast unit tests: no simulation runs). The
 * allowed values and bounds are those the README's library section documents.
 */

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { batchTokensAt, DEFAULT_RUN, HUMAN_POOLS, STRATEGIES, type RunSettings } from '../../src/simulation/settings.js';
import { checkHooks, TASK_HANDLERS, validateCellSettings, validateRunSettings, validateSeriesArguments, validateTaskOptions, WORKERS_RULE } from '../../src/simulation/validateSettings.js';
import { Generation0Keeper } from '../../src/simulation/generationZero.js';
import { SELECT_FORMS } from '../../src/simulation/curation.js';
import { validateLoadOptions } from '../../src/corpus/loadOptions.js';
import { resolveTrainOptions } from '../../src/model/trainOptions.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { checkReportArguments } from '../../src/export/report/reportCharts.js';
import { writeReport } from '../../src/export/report/writeReport.js';

/** The UsageError `action` throws (message and hint). */
function refusal(action: () => unknown): { message: string; hint: string | undefined } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return { message: (error as UsageError).message, hint: (error as UsageError).hint };
  }
  throw new Error('no error was thrown');
}

const withSweep = (field: string, values: unknown[]): unknown => ({ ...DEFAULT_RUN, sweep: { ...DEFAULT_RUN.sweep, [field]: values } });
const withShared = (field: string, value: unknown): unknown => ({ ...DEFAULT_RUN, [field]: value });
const cellOf = (settings: RunSettings) => Object.fromEntries(Object.entries(settings.sweep).map(([name, values]) => [name, (values as unknown[])[0]]));

describe('a refusal names its setting as a field (UsageError.setting)', () => {
  /** The setting the UsageError `action` throws names, or null for one that names none. */
  const settingOf = (action: () => unknown): string | undefined | null => {
    try {
      action();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as UsageError).setting ?? null;
    }
    throw new Error('no error was thrown');
  };

  it('names the field each check refused, as its message does: a shared value, a sweep list, one of its values, a repeat, a hole, too many digits, an object', () => {
    expect(settingOf(() => validateRunSettings(withShared('generations', 0)))).toBe('generations');
    expect(settingOf(() => validateRunSettings(withShared('k', undefined)))).toBe('k');
    expect(settingOf(() => validateRunSettings(withSweep('order', [])))).toBe('sweep.order');
    expect(settingOf(() => validateRunSettings(withSweep('humanRatio', [0, 1.5])))).toBe('sweep.humanRatio');
    expect(settingOf(() => validateRunSettings(withSweep('smoothing', ['mle', 'nope'])))).toBe('sweep.smoothing');
    expect(settingOf(() => validateRunSettings(withSweep('humanRatio', [0.1, 0.1])))).toBe('sweep.humanRatio');
    // eslint-disable-next-line no-sparse-arrays
    expect(settingOf(() => validateRunSettings(withSweep('humanRatio', [0, , 0.1])))).toBe('sweep.humanRatio');
    expect(settingOf(() => validateRunSettings(withSweep('humanRatio', [0.1234567])))).toBe('sweep.humanRatio');
    expect(settingOf(() => validateRunSettings({ ...DEFAULT_RUN, sweep: 7 }))).toBe('sweep');
    // a refusal of no one setting names none: an unknown key
    expect(settingOf(() => validateRunSettings({ ...DEFAULT_RUN, humanratio: 0 }))).toBeNull();
  });

  it('names it also where a setting is missing, a hook or handler is no function, or a loading option breaks a rule of its own (the message names each)', () => {
    const { strategy: _, ...noStrategy } = DEFAULT_RUN.sweep;
    expect(settingOf(() => validateRunSettings({ ...DEFAULT_RUN, sweep: noStrategy }))).toBe('sweep.strategy');
    expect(settingOf(() => checkHooks({}))).toBe('hooks.emit');
    expect(settingOf(() => checkHooks({ emit: () => {}, warn: 3 }))).toBe('hooks.warn');
    expect(settingOf(() => validateTaskOptions({ signal: 3 }, { onRow: () => {} }))).toBe('options.signal');
    const corpus = corpusFromSentences([[2, 3]]);
    expect(settingOf(() => resolveTrainOptions(corpus, { smoothing: 'mle' } as never))).toBe('order');
    expect(settingOf(() => resolveTrainOptions(corpus, { order: 3, smoothing: 'mle', vocab: 'seed' }))).toBe('seedTypes');
    expect(settingOf(() => resolveTrainOptions(corpus, { order: 3, smoothing: 'mle', seedTypes: [2] as never }))).toBe('seedTypes');
    expect(settingOf(() => validateLoadOptions(['a.txt'], { emptySentences: true }))).toBe('emptySentences');
    expect(settingOf(() => validateLoadOptions(['a.txt'], { bpeMerges: 5 as never }))).toBe('bpeMerges');
    expect(settingOf(() => validateLoadOptions(['-'], { stdin: 5 as never }))).toBe('stdin');
  });

  it('names it for the word view, generation 0\'s sharing, the worker script and the report\'s options too (the last audit found them without)', async () => {
    const corpus = corpusFromSentences([[2, 3], [3, 2]]);
    const run = { ...DEFAULT_RUN, holdout: 0 };
    expect(settingOf(() => prepareRun(corpus, 4, run, 7 as never))).toBe('words');
    expect(settingOf(() => prepareRun(corpus, 4, run, { tokenizer: 'gpt2', tokens: ['a'] }))).toBe('words.tokens');
    expect(settingOf(() => prepareRun(corpus, 4, run, { tokenizer: 'gpt2', tokens: ['a', 'b', 3, 'd'] as never }))).toBe('words.tokens');
    expect(settingOf(() => prepareRun(corpus, 4, run, { tokenizer: 'GPT2', tokens: ['a', 'b', 'c', 'd'] }))).toBe('words.tokenizer');
    // (validateSeriesArguments reads a PreparedRun's `reference`, `human` and `settings`: a stand-in)
    const series = (generation0: unknown) => () => validateSeriesArguments({ reference: {}, human: {}, settings: DEFAULT_RUN }, { key: 'k', id: 'default', settings: cellOf(DEFAULT_RUN) }, 1, { emit: () => {}, generation0 });
    expect(settingOf(series({ keeper: 3, keep: true }))).toBe('hooks.generation0.keeper');
    expect(settingOf(series({ keeper: new Generation0Keeper(), keep: 'yes' }))).toBe('hooks.generation0.keep');
    expect(settingOf(() => validateTaskOptions({ workerScript: 3 }, { onRow: () => {} }))).toBe('options.workerScript');
    expect(settingOf(() => checkReportArguments([], { columns: 5 }))).toBe('columns');
    expect(settingOf(() => checkReportArguments([], { columns: ['a', 5] }))).toBe('columns');
    expect(settingOf(() => checkReportArguments([], { theory: 5 }))).toBe('theory');
    await expect(writeReport([], { out: '-' })).rejects.toMatchObject({ setting: 'out' });
  });
});

describe('the run settings', () => {
  it('DEFAULT_RUN holds the documented defaults (README, the `run` options table), and they are valid', () => {
    expect(validateRunSettings(DEFAULT_RUN)).toBe(DEFAULT_RUN);
    const { sweep, ...shared } = DEFAULT_RUN;
    expect(shared).toEqual({ generations: 10, k: 0.01, holdout: 0.1, rareThreshold: 1, maxSentenceLength: 200, replicates: 1, seed: 42 });
    expect(sweep).toEqual({
      strategy: ['replace'], humanRatio: [0, 0.1], humanPool: ['fresh'], anchor: [0], order: [3], smoothing: ['mle'], vocab: ['observed'],
      temperature: [1], topK: [0], topP: [1], select: ['none'], tokensGrowth: [1],
    });
  });

  it('accept every documented name', () => {
    expect(STRATEGIES).toEqual(['replace', 'accumulate', 'accumulate-subsample']);
    expect(HUMAN_POOLS).toEqual(['fixed', 'fresh']);
    for (const [field, values] of [
      ['strategy', ['replace', 'accumulate', 'accumulate-subsample']],
      ['humanPool', ['fixed', 'fresh']],
      ['smoothing', ['mle', 'add-k', 'witten-bell', 'kneser-ney']],
      ['vocab', ['observed', 'seed']],
      ['select', ['none', 'dedup', 'm0:low:0.5', 'self:high:1', 'tail:0.2']],
    ] as const) {
      expect(() => validateRunSettings(withSweep(field, [...values]))).not.toThrow();
    }
    expect(refusal(() => validateRunSettings(withSweep('strategy', ['keep']))).message).toBe("unknown sweep.strategy value 'keep'");
  });

  it('take a --select rule in its own spelling only, as the CLI writes it, so one rule cannot make two cells', () => {
    // the CLI turns tail:0.10 into tail:0.1; the library took both, two cells that curate alike
    const error = refusal(() => validateRunSettings(withSweep('select', ['tail:0.1', 'tail:0.10'])));
    expect(`${error.message} (${error.hint})`).toBe(`sweep.select must be one of ${SELECT_FORMS}, got 'tail:0.10' (pass 'tail:0.1', the rule's own spelling)`);
    expect(refusal(() => validateRunSettings(withSweep('select', ['m0:low:.5']))).message).toBe(`sweep.select must be one of ${SELECT_FORMS}, got 'm0:low:.5'`);
    expect(refusal(() => validateRunSettings(withSweep('select', ['tail:x']))).hint).toBe(`pass one of ${SELECT_FORMS}`);
    expect(() => validateRunSettings(withSweep('select', ['tail:0.1', 'm0:low:0.5', 'self:high:1']))).not.toThrow();
  });

  it('refuse a sweep number with more digits than the CSV writes (two cells it could not tell apart, or one it names as another)', () => {
    expect(refusal(() => validateRunSettings(withSweep('temperature', [0.8, 0.8000001]))).message).toBe(
      'sweep.temperature 0.8000001 has more digits than the CSV and the cell names write (0.8: 6 significant digits)',
    );
    expect(refusal(() => validateRunSettings(withSweep('tokensGrowth', [1.0000001]))).message).toContain('(1: 6 significant digits)');
    expect(() => validateRunSettings(withSweep('temperature', [0.8, 0.80001]))).not.toThrow();
    // a --select rule's Q too, and its spelling is the CSV's (tail:0.0000001, not tail:1e-7)
    expect(refusal(() => validateRunSettings(withSweep('select', ['tail:0.1234567']))).message).toBe(
      `sweep.select must be one of ${SELECT_FORMS}, got 'tail:0.1234567'`,
    );
    expect(refusal(() => validateRunSettings(withSweep('select', ['tail:1e-7']))).hint).toBe("pass 'tail:0.0000001', the rule's own spelling");
    expect(() => validateRunSettings(withSweep('select', ['tail:0.0000001']))).not.toThrow();
  });

  it('accept the bounds of every range and refuse just past them', () => {
    const accepted: Array<[string, unknown[]]> = [
      ['humanRatio', [0, 1]], ['anchor', [0]], ['order', [1, 10]], ['temperature', [1e-9]], ['topK', [0]], ['topP', [1e-9, 1]], ['tokensGrowth', [1e-9, 10]],
    ];
    for (const [field, values] of accepted) expect(() => validateRunSettings(withSweep(field, values))).not.toThrow();
    for (const [field, value] of [['humanRatio', 1.01], ['order', 0], ['order', 11], ['tokensGrowth', 0], ['tokensGrowth', 10.5], ['temperature', 0], ['topP', 0]] as const) {
      expect(refusal(() => validateRunSettings(withSweep(field, [value]))).message).toMatch(new RegExp(`^sweep\\.${field} must be`, 'u'));
    }
    expect(refusal(() => validateRunSettings(withSweep('tokensGrowth', [0]))).message).toBe("sweep.tokensGrowth must be a number > 0 and <= 10, got '0'");
    expect(refusal(() => validateRunSettings(withSweep('select', ['m0:low:2']))).message).toBe(
      "sweep.select must be one of none, dedup, m0:low:Q, m0:high:Q, self:low:Q, self:high:Q, tail:Q (0 < Q <= 1), got 'm0:low:2'",
    );
    expect(refusal(() => validateRunSettings(withSweep('select', [3]))).message).toMatch(/^sweep\.select must be one of/u);
    // a String object is not a string, even one that reads as a rule
    expect(refusal(() => validateRunSettings(withSweep('select', [new String('tail:0.5')]))).message).toMatch(/^sweep\.select must be one of/u);

    for (const [field, value] of [['generations', 1], ['generations', 100_000], ['tokens', 1], ['measureTokens', 1], ['k', 1e-9], ['holdout', 0], ['rareThreshold', 1], ['maxSentenceLength', 1_000_000], ['replicates', 100_000], ['seed', 0]] as const) {
      expect(() => validateRunSettings(withShared(field, value))).not.toThrow();
    }
    for (const [field, value, message] of [
      ['k', 0, "k must be a number > 0, got '0'"],
      ['holdout', 1, "holdout must be a number >= 0 and < 1, got '1'"],
      ['holdout', -0.1, "holdout must be a number >= 0 and < 1, got '-0.1'"],
      ['generations', 100_001, "generations must be a whole number from 1 to 100000, got '100001'"],
      ['tokens', 0, "tokens must be a whole number >= 1, got '0'"],
      ['measureTokens', 0.5, "measureTokens must be a whole number >= 1, got '0.5'"],
      ['maxSentenceLength', 1_000_001, "maxSentenceLength must be a whole number from 1 to 1000000, got '1000001'"],
      ['replicates', 0, "replicates must be a whole number from 1 to 100000, got '0'"],
      ['seed', -1, "seed must be a whole number >= 0, got '-1'"],
      ['rareThreshold', 0, "rareThreshold must be a whole number >= 1, got '0'"],
    ] as const) {
      expect(refusal(() => validateRunSettings(withShared(field, value))).message).toBe(message);
    }
  });

  it('tokens and measureTokens may be left out; any other field is required, and named', () => {
    expect(() => validateRunSettings({ ...DEFAULT_RUN, tokens: undefined, measureTokens: undefined })).not.toThrow();
    const { seed: _seed, ...noSeed } = DEFAULT_RUN;
    expect(refusal(() => validateRunSettings(noSeed))).toEqual({ message: 'seed is required', hint: 'pass a whole number >= 0' });
    const { order: _order, ...sweep } = DEFAULT_RUN.sweep;
    expect(refusal(() => validateRunSettings({ ...DEFAULT_RUN, sweep }))).toEqual({
      message: 'sweep.order is required',
      hint: 'pass a non-empty list of values, each a whole number from 1 to 10',
    });
    expect(refusal(() => validateRunSettings({ ...DEFAULT_RUN, sweep: undefined })).message).toBe('sweep must be an object, got undefined');
    expect(refusal(() => validateRunSettings(null)).message).toBe('settings must be an object, got null');
    expect(refusal(() => validateRunSettings(withSweep('order', []))).message).toBe('sweep.order must be a non-empty list, got []');
  });

  it('refuse an unknown field, saying which are known', () => {
    expect(refusal(() => validateRunSettings({ ...DEFAULT_RUN, seeds: 1 }))).toEqual({
      message: "unknown setting 'seeds'",
      hint: 'known: generations, tokens, measureTokens, k, holdout, rareThreshold, maxSentenceLength, replicates, seed, sweep',
    });
    expect(refusal(() => validateRunSettings(withSweep('orders', [3]))).message).toBe("unknown sweep setting 'orders'");
    expect(refusal(() => validateRunSettings(withSweep('orders', [3]))).hint).toBe(
      'known: strategy, humanRatio, humanPool, anchor, order, smoothing, vocab, temperature, topK, topP, select, tokensGrowth',
    );
  });

  it('batchTokensAt: round(N R^(g-1))', () => {
    expect(batchTokensAt(100, 1.5, 1)).toBe(100); // R^0
    expect(batchTokensAt(100, 1.5, 3)).toBe(225); // 100 x 2.25
    expect(batchTokensAt(10, 1.25, 2)).toBe(13); // 12.5 rounds up
    expect(batchTokensAt(10, 0.5, 2)).toBe(5);
  });
});

describe('a cell', () => {
  it('is checked field by field under cell.settings (or the field given), unknown fields refused', () => {
    const cell = cellOf(DEFAULT_RUN);
    expect(validateCellSettings(cell)).toBe(cell);
    expect(refusal(() => validateCellSettings({ ...cell, order: 0 })).message).toBe("cell.settings.order must be a whole number from 1 to 10, got '0'");
    expect(refusal(() => validateCellSettings({ ...cell, order: 0 }, 'mine')).message).toMatch(/^mine\.order must be/u);
    expect(refusal(() => validateCellSettings({ ...cell, extra: 1 })).message).toBe("unknown cell setting 'extra'");
    expect(refusal(() => validateCellSettings(null)).message).toBe('cell.settings must be an object, got null');
  });
});

describe('the arguments of a series', () => {
  /** A stand-in for a PreparedRun: validateSeriesArguments looks at `reference`, `human` and `settings`. */
  const run = (): object => ({ reference: {}, human: {}, settings: DEFAULT_RUN });
  const cell = () => ({ key: 'k', id: 'default', settings: cellOf(DEFAULT_RUN) });
  const hooks = { emit: () => undefined };

  it('accepts a prepared run, a cell, a replicate >= 1 and hooks with emit', () => {
    expect(() => validateSeriesArguments(run(), cell(), 1, hooks)).not.toThrow();
  });

  it('refuses what is not a PreparedRun, naming what it got', () => {
    expect(refusal(() => validateSeriesArguments({ human: {}, settings: DEFAULT_RUN }, cell(), 1, hooks))).toEqual({
      message: 'run must be a PreparedRun, got human, settings',
      hint: 'build it with prepareRun(corpus, idSpace, settings)',
    });
    expect(refusal(() => validateSeriesArguments({ reference: {} }, cell(), 1, hooks)).message).toBe('run must be a PreparedRun, got reference');
    expect(refusal(() => validateSeriesArguments({}, cell(), 1, hooks)).message).toBe('run must be a PreparedRun, got an empty object');
    expect(refusal(() => validateSeriesArguments(null, cell(), 1, hooks)).message).toBe('run must be an object, got null');
    expect(refusal(() => validateSeriesArguments({ ...run(), settings: { ...DEFAULT_RUN, seed: -1 } }, cell(), 1, hooks)).message).toMatch(/^seed must be/u);
  });

  it('refuses a bad cell, key, id or replicate, naming it', () => {
    expect(refusal(() => validateSeriesArguments(run(), { ...cell(), settings: { ...cell().settings, topK: -1 } }, 1, hooks)).message).toMatch(/^cell\.settings\.topK must be/u);
    expect(refusal(() => validateSeriesArguments(run(), 'default', 1, hooks)).message).toBe("cell must be an object, got 'default'");
    expect(refusal(() => validateSeriesArguments(run(), { ...cell(), key: '' }, 1, hooks)).message).toBe("cell.key must be a string that is not blank, got ''");
    expect(refusal(() => validateSeriesArguments(run(), { ...cell(), id: 7 }, 1, hooks)).message).toBe("cell.id must be a string that is not blank, got the number '7'");
    expect(refusal(() => validateSeriesArguments(run(), cell(), 0, hooks)).message).toBe("replicate must be a whole number >= 1, got '0'");
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, {})).message).toBe('hooks.emit is required');
  });

  it('hooks.generation0 is left out or { keeper: a Generation0Keeper, keep: true or false }; every other hook a function', () => {
    const keeper = new Generation0Keeper();
    expect(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper, keep: false } })).not.toThrow();
    expect(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: undefined })).not.toThrow();
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: 'shared' }))).toEqual({ message: "hooks.generation0 must be an object, got 'shared'", hint: expect.any(String) });
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper: {}, keep: true } }))).toEqual({
      message: 'hooks.generation0.keeper must be a Generation0Keeper, got {}',
      hint: 'pass new Generation0Keeper() or leave hooks.generation0 out',
    });
    // (a keeper is known by its three methods)
    const partial = { take: () => undefined, keep: () => undefined, clear: 'no' };
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper: partial, keep: true } })).message).toMatch(/^hooks\.generation0\.keeper must be a Generation0Keeper/u);
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper: null, keep: true } })).message).toBe('hooks.generation0.keeper must be a Generation0Keeper, got null');
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keep: true } })).message).toBe('hooks.generation0.keeper must be a Generation0Keeper, got undefined');
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, 'emit')).message).toBe("hooks must be an object, got 'emit'");
    expect(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper: { ...partial, clear: () => undefined }, keep: true } })).not.toThrow();
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper, keep: 'yes' } }))).toEqual({
      message: "hooks.generation0.keep must be true or false, got the string 'yes'",
      hint: 'pass whether a later task shares this generation 0',
    });
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, warn: 'loud', generation0: { keeper, keep: true } })).message).toBe("hooks.warn must be a function, got 'loud'");
    // an unknown hook is told every hook a series takes, generation0 too; generation0 takes only its two keys (audit)
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, onRow: () => undefined }))).toEqual({ message: "unknown hook 'onRow'", hint: 'known: emit, warn, onTexts, onModel0, onProgress, generation0' });
    expect(refusal(() => validateSeriesArguments(run(), cell(), 1, { ...hooks, generation0: { keeper, keep: true, foo: 1 } }))).toEqual({ message: "unknown hooks.generation0 key 'foo'", hint: 'known: keeper, keep' });
  });
});

describe('hooks and task options', () => {
  it('every given hook must be a function; the required one must be given', () => {
    expect(() => checkHooks({ emit: () => undefined, warn: undefined })).not.toThrow();
    expect(refusal(() => checkHooks({ emit: () => undefined, warn: 'loud' }))).toEqual({
      message: "hooks.warn must be a function, got 'loud'",
      hint: 'pass a function or leave it out',
    });
    expect(refusal(() => checkHooks({}))).toEqual({ message: 'hooks.emit is required', hint: 'pass hooks.emit as a function that receives each row' });
    expect(refusal(() => checkHooks({ onRow: 1 }, 'onRow', 'handlers', TASK_HANDLERS)).message).toBe("handlers.onRow must be a function, got '1'");
    // a misspelt hook would never be called
    expect(refusal(() => checkHooks({ emit: () => undefined, onprogress: () => undefined }))).toEqual({ message: "unknown hook 'onprogress'", hint: 'known: emit, warn, onTexts, onModel0, onProgress' });
    expect(refusal(() => checkHooks({ onrow: () => undefined }, null, 'handlers', TASK_HANDLERS)).message).toBe("unknown handler 'onrow'");
    expect(refusal(() => checkHooks({ emit: 1 }, null)).message).toBe("hooks.emit must be a function, got '1'");
    expect(() => checkHooks({}, null)).not.toThrow();
  });

  it('options.signal, warn, extras and workerScript are of their kinds', () => {
    expect(refusal(() => validateTaskOptions({ signal: 'x' }, {})).message).toBe("options.signal must be an AbortSignal, got 'x'");
    expect(refusal(() => validateTaskOptions({ warn: 5 }, {})).message).toBe("options.warn must be a function, got '5'");
    expect(refusal(() => validateTaskOptions({ extras: 5 }, {})).message).toBe("options.extras must be an object, got '5'");
    expect(refusal(() => validateTaskOptions({ workerScript: 5 }, {})).message).toBe("options.workerScript must be a URL or a path, got '5'");
    expect(() => validateTaskOptions({ signal: new AbortController().signal, warn: () => undefined, extras: {}, workerScript: new URL('file:///w.js') }, {})).not.toThrow();
  });

  it('refuses an onTexts handler without extras.texts, which would never call it (library probe)', () => {
    const onTexts = (): void => undefined;
    const refused = 'handlers.onTexts is called only when options.extras.texts is true, and it is not';
    expect(refusal(() => validateTaskOptions({}, { onTexts })).message).toBe(refused);
    expect(refusal(() => validateTaskOptions({ extras: { extinctions: true } }, { onTexts })).message).toBe(refused);
    expect(refusal(() => validateTaskOptions({ extras: { texts: false } }, { onTexts })).message).toBe(refused);
    expect(refusal(() => validateTaskOptions({}, { onTexts })).hint).toBe("pass extras: { texts: true } for each generation's text, or leave onTexts out");
    expect(() => validateTaskOptions({ extras: { texts: true } }, { onTexts })).not.toThrow();
    // texts asked for without onTexts: still measured for nothing but refused nowhere (a handler may be added per run)
    expect(() => validateTaskOptions({ extras: { texts: true } }, {})).not.toThrow();
  });

  it('workers is a whole number from 1 to 1024, optional; handlers are optional functions', () => {
    expect(WORKERS_RULE.allowed).toBe('a whole number from 1 to 1024');
    expect(() => validateTaskOptions({}, {})).not.toThrow();
    expect(() => validateTaskOptions({ workers: 1024 }, { onRow: () => undefined })).not.toThrow();
    expect(refusal(() => validateTaskOptions({ workers: 1025 }, {})).message).toBe("options.workers must be a whole number from 1 to 1024, got '1025'");
    expect(() => validateTaskOptions({ workers: 2, inThisThread: false }, {})).not.toThrow();
    expect(refusal(() => validateTaskOptions({ inThisThread: 'no' }, {})).message).toBe("options.inThisThread must be true or false, got the string 'no'");
    expect(refusal(() => validateTaskOptions({}, { onEnd: 'x' })).message).toBe("handlers.onEnd must be a function, got 'x'");
    expect(refusal(() => validateTaskOptions(null, {})).message).toBe('options must be an object, got null');
  });
});
