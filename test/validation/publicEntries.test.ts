/**
 * The library's public entries refuse what they would otherwise get silently wrong: a misspelt option
 * (its default would be used without a word), a corpus that is not one, a run too large for the loop's
 * typed arrays (a RangeError from deep inside before). Each refusal is a UsageError or InputError
 * naming the key or the size.
 */

import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { readCorpusText } from '../../src/corpus/readText.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { InputError, UsageError } from '../../src/errors.js';
import { trainModel } from '../../src/model/train.js';
import { evaluateModel } from '../../src/model/evaluate.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';
import { simulate, simulateAsync } from '../../src/simulation/simulate.js';
import { seriesTasks, type TaskExtras } from '../../src/simulation/seriesTask.js';
import { runTasks } from '../../src/simulation/workerPool.js';
import { EXTRAS_KEYS } from '../../src/simulation/validateSettings.js';
import { MAX_LOOP_TOKENS, prepareRun } from '../../src/simulation/preparedRun.js';
import { refuseUnknownKeys } from '../../src/validation/valueRule.js';
import { writeReport } from '../../src/export/report/writeReport.js';
import { renderReportHtml } from '../../src/export/report/reportHtml.js';
import { renderSvgCharts } from '../../src/export/report/svgCharts.js';
import { makeRunRecord } from '../../src/export/runRecord.js';
import { readCurves } from '../../src/export/report/readCurves.js';
import { formatFinalTable } from '../../src/export/report/finalTable.js';
import { seriesSteps } from '../../src/simulation/series.js';
import { expandCells } from '../../src/simulation/cells.js';
import { parseSelectRule } from '../../src/simulation/curation.js';
import { openCsv } from '../../src/export/csvFile.js';
import { describeError } from '../../src/errors.js';
import { PassThrough } from 'node:stream';

// ids 2..5: "a b c" / "b d" / "a c"
const CORPUS = corpusFromSentences([[2, 3, 4], [3, 5], [2, 4]]);
const ID_SPACE = 6;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('the public entries refuse what they would get silently wrong', () => {
  it('refuseUnknownKeys names the key and lists the known ones', () => {
    const error = thrown(() => refuseUnknownKeys({ order: 2, K: 5 }, ['order', 'k'], 'trainModel option'));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe("unknown trainModel option 'K'");
    expect((error as UsageError).hint).toBe('known: order, k');
    expect(() => refuseUnknownKeys({ order: 2, k: 1 }, ['order', 'k'], 'x')).not.toThrow();
  });

  it('corpusFromSentences: an id that is no token id is refused, not written as another (1.5 became 1, 2^32 + 5 became 5: audit)', () => {
    expect(() => corpusFromSentences([[2, 1.5]])).toThrow("sentences[0][1] must be a token id, a whole number from 2 to 16777215, got '1.5'");
    expect(() => corpusFromSentences([[2], [2 ** 32 + 5]])).toThrow("sentences[1][0] must be a token id, a whole number from 2 to 16777215, got '4294967301'");
    // a value of another type named with its type ('3' read as the 3 it is not: audit)
    expect(() => corpusFromSentences([['a' as never]])).toThrow("sentences[0][0] must be a token id, a whole number from 2 to 16777215, got the string 'a'");
    expect(() => corpusFromSentences([['3' as never]])).toThrow("sentences[0][0] must be a token id, a whole number from 2 to 16777215, got the string '3'");
    expect(() => corpusFromSentences([[true as never]])).toThrow("sentences[0][0] must be a token id, a whole number from 2 to 16777215, got the boolean 'true'");
    // eslint-disable-next-line no-new-wrappers -- the boxed number a caller may pass
    expect(() => trainModel(corpusFromSentences([[2]]), { order: new Number(2) as never, smoothing: 'mle' })).toThrow("order must be a whole number from 1 to 10, got a Number object '2'");
    // from another realm too; an object merely made from Number.prototype is no Number (its valueOf threw a raw TypeError: audit)
    expect(() => trainModel(corpusFromSentences([[2]]), { order: runInNewContext('new Number(2)') as never, smoothing: 'mle' })).toThrow("order must be a whole number from 1 to 10, got a Number object '2'");
    expect(() => trainModel(corpusFromSentences([[2]]), { order: Object.create(Number.prototype) as never, smoothing: 'mle' })).toThrow(new UsageError('order must be a whole number from 1 to 10, got {}', 'pass a whole number from 1 to 10', 'order'));
    expect(() => corpusFromSentences([[1]])).toThrow('sentences[0][0] must be a token id');
    expect(Array.from(corpusFromSentences([[2, 2 ** 24 - 1]]).ids)).toEqual([2, 2 ** 24 - 1]);
    // an id past MAX_ID_SPACE - 1 (2^24 - 1): no model could be trained on it without an id space of
    // 2^24 arrays' entries or more (a sparse numbering; 2^31 - 2 was taken, and its run ran out of memory)
    expect(() => corpusFromSentences([[2, 2 ** 24]])).toThrow("sentences[0][1] must be a token id, a whole number from 2 to 16777215, got '16777216'");
    // and the list itself (raw TypeErrors: audit); typed arrays are lists of ids too
    expect(() => corpusFromSentences(null as never)).toThrow('sentences must be a list of sentences, got null');
    expect(() => corpusFromSentences([null] as never)).toThrow('sentences[0] must be a list of token ids, got null');
    expect(() => corpusFromSentences({ length: 1, 0: [2] } as never)).toThrow('sentences must be a list of sentences');
    // a hole, which forEach skipped: its offsets went back to 0 (audit)
    expect(() => corpusFromSentences([[2], , [3]] as never)).toThrow('sentences[1] must be a list of token ids, got undefined');
    expect(Array.from(corpusFromSentences([Int32Array.of(2, 3)]).ids)).toEqual([2, 3]);
  });

  it('evaluateModel: a model that is none, a text that is none (raw TypeErrors: audit); ids past the id space are OOV', () => {
    const model = trainModel(CORPUS, { order: 2, smoothing: 'mle' });
    expect(() => evaluateModel(null as never, CORPUS)).toThrow('evaluateModel needs a model made by trainModel');
    expect(() => evaluateModel(model, null as never)).toThrow('corpus must be a TokenCorpus (Int32Array ids and offsets), got null');
    expect(evaluateModel(model, corpusFromSentences([[2, 99]])).oov).toBe(1);
  });

  it('trainModel: a misspelt option (K for k) and a corpus with a marker or negative id, or offsets past its ids', () => {
    expect(() => trainModel(CORPUS, { order: 2, smoothing: 'add-k', K: 5 } as never)).toThrow("unknown trainModel option 'K'");
    expect(() => trainModel({ ids: Int32Array.of(2, -3, 4), offsets: Int32Array.of(0, 3) }, { order: 2, smoothing: 'mle' })).toThrow('corpus holds id -3 at position 1, which is no token id');
    expect(() => trainModel({ ids: Int32Array.of(2, 1, 4), offsets: Int32Array.of(0, 3) }, { order: 2, smoothing: 'mle' })).toThrow('corpus holds id 1, the </s> marker, at position 1');
    expect(() => trainModel({ ids: Int32Array.of(2, 3, 4), offsets: Int32Array.of(0, 5) }, { order: 2, smoothing: 'mle' })).toThrow('corpus.offsets must run from 0 to ids.length (3), got 0 .. 5');
    // every key it knows is still taken
    expect(() => trainModel(CORPUS, { order: 2, smoothing: 'add-k', k: 0.5, vocab: 'seed', idSpace: ID_SPACE, seedTypes: Int32Array.of(2, 3, 4, 5) })).not.toThrow();
  });

  it('readCorpusText: a misspelt option, an unknown format, a text that is no text, a vocabulary that is none', async () => {
    await expect(readCorpusText('a b.', { lowercsae: true } as never)).rejects.toThrow("unknown readCorpusText option 'lowercsae'");
    await expect(readCorpusText('a b.', { format: 'csv' } as never)).rejects.toThrow("unknown format value 'csv'");
    await expect(readCorpusText(5 as never)).rejects.toThrow('text must be a string or an async iterable of chunks, got \'5\'');
    await expect(readCorpusText('a b.', {}, {} as never)).rejects.toThrow('vocabulary must be a Vocabulary');
    // loadCorpus too, before any spec is looked up (a raw TypeError once a file was read: audit)
    await expect(loadCorpus(['no-such-file.txt'], {}, {} as never)).rejects.toThrow('vocabulary must be a Vocabulary, got {}');
    await expect(loadCorpus(['brown:news'], {}, null as never)).rejects.toThrow('vocabulary must be a Vocabulary, got null');
    const read = await readCorpusText('A b. C d.', { tokenizer: 'whitespace', lowercase: false, sentences: 'auto', name: 'x', format: 'text' });
    expect(read.corpus.offsets.length - 1).toBe(2);
  });

  it("readCorpusText: the options' values, checked as loadCorpus checks them; the text's pieces strings or bytes", async () => {
    const refused = async (options: Record<string, unknown>): Promise<string> => {
      const error = await readCorpusText('a b.', options as never).then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(UsageError);
      return (error as UsageError).message;
    };
    expect(await refused({ lowercase: 'yes' })).toBe("lowercase must be true or false, got the string 'yes'");
    expect(await refused({ sentences: 'toString' })).toBe("unknown sentences value 'toString'");
    expect(await refused({ normalize: 'NFD' })).toBe("unknown normalize value 'NFD'");
    expect(await refused({ emptySentences: 1 })).toBe("emptySentences must be true or false, got the number '1'");
    expect(await refused({ maxTokens: Number.NaN })).toBe("maxTokens must be a whole number >= 1, got 'NaN'");
    expect(await refused({ maxTokens: -1 })).toBe("maxTokens must be a whole number >= 1, got '-1'");
    expect(await refused({ jsonlField: '' })).toMatch(/^jsonlField must be a string that is not blank/u);
    expect(await refused({ tokenizer: 5 })).toBe(`tokenizer must be one of: ${'word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K'}, got the number '5'`);
    expect(await refused({ onWarning: 5 })).toBe("onWarning must be a function, got '5'");
    expect(await refused({ name: {} })).toMatch(/^name must be a string that is not blank/u);
    expect(await refused({ tokenizer: 'bpe:5', bpeMerges: [null] })).toMatch(/^bpeMerges must be a list of merges/u);
    expect(await refused({ tokenizer: 'bpe:5', subwordTraining: 1 })).toBe("subwordTraining must be a function, got '1'");
    const pieces = (async function* () {
      yield 5;
    })();
    await expect(readCorpusText(pieces as never)).rejects.toThrow("a piece of the text must be a string or a Uint8Array of UTF-8, got '5'");
    // an option given as undefined is not given: its default stays (lowercased, NFC, wordpunct), as loadCorpus reads it
    const read = await readCorpusText('The Cafe\u0301.', { lowercase: undefined, normalize: undefined, tokenizer: undefined });
    expect(read.vocabulary.toArray().slice(2)).toEqual(['the', 'caf\u00e9', '.']);
  });

  it('samplerFor: a misspelt sampling option (top_p) is refused, not sampled untransformed', () => {
    const model = trainModel(CORPUS, { order: 2, smoothing: 'mle' });
    expect(() => samplerFor(model, { top_p: 0.5 } as never)).toThrow("unknown sampling option 'top_p'");
    expect(() => samplerFor(model, { temperature: 1, topK: 0, topP: 0.5 })).not.toThrow();
  });

  it('simulateAsync: a misspelt option (wokers) is refused; shard, skip and words are its own', async () => {
    const settings = { ...DEFAULT_RUN, generations: 1, holdout: 0 };
    await expect(simulateAsync(CORPUS, ID_SPACE, settings, { wokers: 1 } as never, {})).rejects.toThrow("unknown option 'wokers'");
    await expect(simulateAsync(CORPUS, ID_SPACE, settings, { workers: 1, skip: 0, shard: { index: 1, count: 1 } }, {})).resolves.toBeDefined();
    // a misspelt key inside extras or shard was accepted and did nothing (audit)
    await expect(simulateAsync(CORPUS, ID_SPACE, settings, { workers: 1, extras: { extinction: true } } as never, {})).rejects.toThrow("unknown options.extras key 'extinction'");
    await expect(simulateAsync(CORPUS, ID_SPACE, settings, { workers: 1, extras: { extinctions: true, texts: 'yes' } } as never, {})).rejects.toThrow("options.extras.texts must be true or false, got the string 'yes'");
    await expect(simulateAsync(CORPUS, ID_SPACE, settings, { workers: 1, shard: { index: 1, count: 2, foo: 1 } } as never, {})).rejects.toThrow("unknown options.shard key 'foo'");
    await expect(simulateAsync(CORPUS, ID_SPACE, settings, { workers: 1, extras: { extinctions: true, texts: false, sentencePerplexities: true } }, {})).resolves.toBeDefined();
    // runTasks: a run that is none, and tasks that are no list of SeriesTask (raw TypeErrors before: audit)
    const run = prepareRun(CORPUS, ID_SPACE, settings);
    await expect(runTasks({} as never, CORPUS, seriesTasks(settings), {}, {})).rejects.toThrow('run must be a PreparedRun, got an empty object');
    await expect(runTasks(run, CORPUS, 5 as never, {}, {})).rejects.toThrow("tasks must be a list of SeriesTask, got '5'");
    await expect(runTasks(run, CORPUS, [{ position: 0 }] as never, {}, {})).rejects.toThrow('tasks[0] must be a SeriesTask (position, cell, replicate)');
    // and a corpus that is none (a raw TypeError: audit), in simulateAsync too, before the pool is sized from it
    await expect(runTasks(run, null as never, seriesTasks(settings), {}, {})).rejects.toThrow('corpus must be a TokenCorpus (Int32Array ids and offsets), got null');
    await expect(simulateAsync(null as never, 20, { ...DEFAULT_RUN, generations: 1 }, { workers: 1 }, {})).rejects.toThrow('corpus must be a TokenCorpus (Int32Array ids and offsets), got null');
    await expect(runTasks(run, CORPUS, seriesTasks(settings), {}, {})).resolves.toMatchObject({ ended: 2, interrupted: false });
    // the list of keys is TaskExtras's, whole (the type cannot be imported there: a cycle)
    const every = { extinctions: true, texts: true, sentencePerplexities: true } satisfies Record<keyof TaskExtras, true>;
    expect([...EXTRAS_KEYS].sort()).toEqual(Object.keys(every).sort());
  });

  it("simulate: a words argument that is no WordViewSpec; a hook that is no function, the required emit's hint", () => {
    const settings = { ...DEFAULT_RUN, generations: 1, holdout: 0 };
    expect(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => undefined }, 5 as never)).toThrow("words must be a WordViewSpec (a tokenizer name and the string of every id), got '5'");
    expect(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => undefined }, { tokenizer: 'gpt2', tokens: ['a'] })).toThrow(`words.tokens must hold the string of every id below idSpace ${ID_SPACE}, got 1`);
    // one entry that is no string is named by its place, not by quoting the whole list (113,420 characters: audit)
    const many = Array.from({ length: ID_SPACE + 5000 }, (_, id) => `t${id}`) as unknown[];
    many[7] = 7;
    expect(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => undefined }, { tokenizer: 'gpt2', tokens: many as string[] })).toThrow(/^words\.tokens\[7\] must be the string of id 7, got '7'$/u);
    // a name that is no tokenizer, and a misspelt key, left the word_* columns out silently (audit)
    const tokens = ['<s>', '</s>', 'a', 'b', 'c', 'd'];
    for (const tokenizer of ['GPT2', 'gpt-2', 'bpe']) {
      expect(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => undefined }, { tokenizer, tokens })).toThrow(`words.tokenizer must be a tokenizer name (word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K), got '${tokenizer}'`);
    }
    expect(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => undefined }, { tokenizer: 'gpt2', tokens, tokenzier: 'x' } as never)).toThrow("unknown words key 'tokenzier'");
    const rows: Array<Record<string, number>> = [];
    simulate(CORPUS, ID_SPACE, settings, { emit: (row) => rows.push(row.values as Record<string, number>) }, { tokenizer: 'gpt2', tokens });
    expect(rows[0]).toHaveProperty('word_types');
    const emit = thrown(() => simulate(CORPUS, ID_SPACE, settings, { emit: 3 } as never));
    expect((emit as UsageError).message).toBe("hooks.emit must be a function, got '3'");
    expect((emit as UsageError).hint).toBe('pass a function that receives each row');
    const optional = thrown(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => undefined, warn: 3 } as never));
    expect((optional as UsageError).hint).toBe('pass a function or leave it out');
  });

  it(`simulate: a generation or accumulated training set over ${MAX_LOOP_TOKENS} tokens is refused before any work`, () => {
    const settings = { ...DEFAULT_RUN, generations: 2, holdout: 0 };
    const error = thrown(() => simulate(CORPUS, ID_SPACE, { ...settings, tokens: 1e12 }, { emit: () => undefined }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe("the run would hold 1000000000000 tokens in one text (a generation's batch, its select candidates, or the pool an accumulating strategy keeps: H and every batch), more than 1000000000");
    // --select: a share of 2,000 tokens kept at Q = 1e-6 draws ceil(2000 / 1e-6) = 2e9 candidate tokens
    const selected = { ...settings, tokens: 2000, sweep: { ...settings.sweep, humanRatio: [0], select: ['m0:low:0.000001'] } };
    expect(() => simulate(CORPUS, ID_SPACE, selected, { emit: () => undefined })).toThrow('the run would hold 2000000000 tokens');
    // growth: 1e6 tokens doubled for 11 generations is 1.024e9 at generation 11
    const grown = { ...settings, generations: 11, tokens: 1_000_000, sweep: { ...settings.sweep, tokensGrowth: [2] } };
    expect(() => simulate(CORPUS, ID_SPACE, grown, { emit: () => undefined })).toThrow('the run would hold 1024000000 tokens');
    // accumulate: H (7 tokens) and 3 generations of 4e8 tokens, 1,200,000,007 by the last
    const accumulated = { ...settings, generations: 3, tokens: 400_000_000, sweep: { ...settings.sweep, strategy: ['accumulate' as const] } };
    expect(() => simulate(CORPUS, ID_SPACE, accumulated, { emit: () => undefined })).toThrow('the run would hold 1200000007 tokens');
    // the pool counts H too: CORPUS's H (7 tokens) plus one batch of 1e9 - 1 tokens passes 1e9 (accumulate-subsample keeps it all as well)
    for (const strategy of ['accumulate', 'accumulate-subsample'] as const) {
      const pooled = { ...settings, generations: 1, tokens: MAX_LOOP_TOKENS - 1, sweep: { ...settings.sweep, strategy: [strategy] } };
      expect(() => prepareRun(CORPUS, ID_SPACE, pooled), strategy).toThrow(`the run would hold 1000000006 tokens in one text`);
    }
    // (human ratio 0: a human share of 10% of it is more than H holds, refused on its own)
    expect(() => prepareRun(CORPUS, ID_SPACE, { ...settings, generations: 1, tokens: MAX_LOOP_TOKENS - 1, sweep: { ...settings.sweep, humanRatio: [0] } })).not.toThrow();
    // past the doubles' exact integers, and past every double: written as the CSV writes numbers, never an exponent
    const huge = (generations: number) => ({ ...settings, generations, tokens: 1000, sweep: { ...settings.sweep, tokensGrowth: [10] } });
    expect(() => prepareRun(CORPUS, ID_SPACE, huge(30))).toThrow('the run would hold about 1 x 10^32 tokens in one text');
    expect(() => prepareRun(CORPUS, ID_SPACE, huge(400))).toThrow('the run would hold more than 10^308 tokens in one text');
  });

  it("simulate: add-k's k is checked against |V| as trainModel counts it (the word types and </s>, not the id space's two markers)", () => {
    // CORPUS's ids are 2..ID_SPACE - 1: |V| = ID_SPACE - 2 word types + </s> = ID_SPACE - 1.
    const types = ID_SPACE - 1;
    const passes = 0.999 * (Number.MAX_VALUE / types);
    const settings = { ...DEFAULT_RUN, generations: 1, holdout: 0, sweep: { ...DEFAULT_RUN.sweep, smoothing: ['add-k' as const], humanRatio: [0] } };
    expect(() => simulate(CORPUS, ID_SPACE, { ...settings, k: passes }, { emit: () => undefined })).not.toThrow();
    expect(() => trainModel(CORPUS, { order: 2, smoothing: 'add-k', k: passes })).not.toThrow();
    expect(() => simulate(CORPUS, ID_SPACE, { ...settings, k: 1.001 * (Number.MAX_VALUE / types) }, { emit: () => undefined })).toThrow(`over |V| = ${types} (the types and </s>)`);
  });

  it('simulate: a --tokens-growth below 1 that shrinks a batch to 0 tokens is refused before any work', () => {
    // 100 tokens x 0.1^(g-1): 100, 10, 1, then round(0.1) = 0 at generation 4; the cell of growth 1 does not save it.
    const settings = { ...DEFAULT_RUN, generations: 5, holdout: 0, tokens: 100, sweep: { ...DEFAULT_RUN.sweep, tokensGrowth: [1, 0.1] } };
    const error = thrown(() => simulate(CORPUS, ID_SPACE, settings, { emit: () => expect.unreachable('no row') }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('tokens growth 0.1 shrinks the batch of 100 tokens to 0 by generation 4: a model trained on nothing');
    // Three generations (100, 10, 1 tokens) still train on something (at human ratio 0: CORPUS's H holds
    // 7 tokens, fewer than a human share of 10% of 100).
    const rows: unknown[] = [];
    simulate(CORPUS, ID_SPACE, { ...settings, generations: 3, sweep: { ...settings.sweep, humanRatio: [0] } }, { emit: (row) => rows.push(row) });
    expect(rows).toHaveLength(2 * 4);
  });

  it('writeReport and renderReportHtml: no output, standard output, a misspelt key, options and rows of the wrong kind', async () => {
    const rows = [{ cell: 'c', replicate: 1, generation: 0, types: 5 }];
    const refusal = async (call: () => Promise<unknown>): Promise<string> => {
      const error = await call().then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(UsageError);
      return (error as UsageError).message;
    };
    expect(await refusal(() => writeReport(rows, {}))).toBe('writeReport has nothing to write');
    expect(await refusal(() => writeReport(rows, { out: '-' }))).toBe('out must be a path: a report is not written to standard output');
    expect(await refusal(() => writeReport(rows, { svgDir: '-' }))).toBe('svgDir must be a path: a report is not written to standard output');
    expect(await refusal(() => writeReport(rows, { output: 'x.html' } as never))).toBe("unknown report option 'output'");
    expect(await refusal(() => writeReport(rows, { out: 5 } as never))).toMatch(/^out must be a string that is not blank, got the number '5'/u);
    expect(await refusal(() => writeReport(rows, null as never))).toMatch(/^options must be an object/u);
    expect(await refusal(() => renderReportHtml(rows, { title: 5 } as never))).toMatch(/^title must be a string that is not blank/u);
    expect(await refusal(() => renderReportHtml(rows, { metrics: 'types' } as never))).toMatch(/^metrics must be a non-empty list/u);
    expect(await refusal(() => renderReportHtml(rows, { metrics: [] }))).toMatch(/^metrics must be a non-empty list/u);
    expect(await refusal(() => renderReportHtml([{}] as never))).toMatch(/^rows\[0\] must be a curve row/u);
    expect(await refusal(() => renderReportHtml(5 as never))).toMatch(/^rows must be a list of curve rows/u);
    // points and the record, field by field (`{}` was a raw TypeError deep in the charts, a mean of 'abc' drawn as nothing: review)
    const point = { metric: 'types', cell: 'c', generation: 0, n: 1, mean: 5, sd: undefined, ciLow: undefined, ciHigh: undefined };
    expect(await refusal(() => renderReportHtml(rows, { summary: [{}] } as never))).toBe('summary[0].metric is required');
    expect(await refusal(() => renderReportHtml(rows, { kaplanMeier: [point, { ...point, generation: -1 }] } as never))).toBe("kaplanMeier[1].generation must be a whole number >= 0, got '-1'");
    expect(await refusal(() => renderReportHtml(rows, { theory: [{ ...point, mean: 'abc' }] } as never))).toBe("theory[0].mean must be a number, got the string 'abc'");
    expect(await refusal(() => renderSvgCharts(rows, { summary: [{ ...point, sd: '1' }] } as never))).toBe("summary[0].sd must be a number, got the string '1'");
    expect(await refusal(() => renderSvgCharts(rows, { summary: [{ ...point, n: 1.5 }] } as never))).toBe("summary[0].n must be a whole number >= 0, got '1.5'");
    expect(await refusal(() => renderReportHtml(rows, { record: {} } as never))).toBe('record.identity must be an object, got undefined');
    const record = makeRunRecord({ version: '1', load: {}, corpusDigest: 'd', settings: { ...DEFAULT_RUN }, extinctions: false }, '1/1');
    expect(await refusal(() => renderReportHtml(rows, { record: { ...record, provenance: { command: 'run' } } } as never))).toBe('record.provenance.human must be an object, got undefined');
    const provenance = { command: 'run', human: {}, heldout: {}, batchTokens: '2000', measureTokens: 1 };
    expect(await refusal(() => renderReportHtml(rows, { record: { ...record, provenance } } as never))).toBe("record.provenance.batchTokens must be a whole number >= 0, got the string '2000'");
    expect(await renderReportHtml(rows, { summary: [point], record })).toMatch(/^<!doctype html>/iu);
  });

  it('readCurves, formatFinalTable and seriesSteps check what they are given, seriesSteps when called (raw TypeErrors, and a generator that checked at its first step: audit)', async () => {
    const curves = await readCurves(5 as never).then(() => undefined, (error: unknown) => error);
    expect(curves).toBeInstanceOf(UsageError);
    expect((curves as UsageError).message).toBe("path must be a string that is not blank, got the number '5'");
    const notRow = (shown: string): string => `rows[0] must be a curve row (a text cell and a generation, a whole number >= 0), got ${shown}`;
    // (a generation of NaN or -1 was a raw TypeError inside: round 2 audit)
    for (const [rows, message] of [[null, 'rows must be a list of curve rows, got null'], [[{ cell: 'a' }], notRow('{"cell":"a"}')], [[{ cell: 'a', generation: -1 }], notRow('{"cell":"a","generation":-1}')], [[{ cell: 'a', generation: 0.5 }], notRow('{"cell":"a","generation":0.5}')], [[{ cell: 'a', generation: Number.NaN }], notRow('{"cell":"a","generation":null}')]] as const) {
      const error = thrown(() => formatFinalTable(rows as never));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(message);
    }
    expect(formatFinalTable([])).toBe('');
    // parseSelectRule given no text, and openCsv a header with a hole or an empty name (a raw TypeError; a header of empty columns: round 2 audit)
    for (const text of [null, 5, {}]) expect(thrown(() => parseSelectRule(text as never))).toBeInstanceOf(UsageError);
    expect(describeError(thrown(() => parseSelectRule(null as never)), '')).toMatch(/^select must be one of .*, got null \(e\.g\. 'm0:low:0\.8'\)$/u);
    // eslint-disable-next-line no-sparse-arrays
    for (const header of [['a', , 'b'], [''], [], [' '], ['a', 'a'], new Array(2 ** 32 - 1)]) expect(thrown(() => openCsv(new PassThrough(), header as string[]))).toBeInstanceOf(UsageError);
    // each record: as many strings as the header (a short row was written short, a string a character a cell: audit)
    const sink = new PassThrough();
    const writer = openCsv(sink, ['a', 'b']);
    // (a record with a hole was written with an empty field: review)
    // eslint-disable-next-line no-sparse-arrays
    for (const record of [['1'], '1,2', ['1', 2], ['1', '2', '3'], null, ['1', ,]]) {
      expect(() => writer.write(record as never)).toThrow(/^a CSV record must be a list of 2 strings, one per column of the header, got /u);
    }
    writer.write(['1', '']);
    expect(String(sink.read())).toBe('a,b\n1,\n');
    // a value of no curve kind (an object: a raw TypeError inside: round 3 audit)
    expect(describeError(thrown(() => formatFinalTable([{ cell: 'a', generation: 0, replicate: 1, vocab_retention: {} }] as never)), '')).toBe('rows[0].vocab_retention must be a number, a text or empty, got {} (pass the rows readCurves gives)');
    const run = prepareRun(CORPUS, ID_SPACE, { ...DEFAULT_RUN, generations: 1, holdout: 0 });
    const cell = expandCells(run.settings.sweep)[0]!;
    expect(thrown(() => seriesSteps(run, cell, 0, { emit: () => undefined }))).toBeInstanceOf(UsageError);
    expect(thrown(() => seriesSteps(null as never, null as never, 0, null as never))).toBeInstanceOf(UsageError);
    expect([...seriesSteps(run, cell, 1, { emit: () => undefined })]).toEqual([0, 1]);
  });

  it('a sweep list with a hole (a sparse array) is refused, not read as shorter', () => {
    // eslint-disable-next-line no-sparse-arrays
    for (const [humanRatio, message] of [
      [[, 0.1], 'sweep.humanRatio has no value at position 1 of 2'],
      [new Array(1), 'sweep.humanRatio has no value at position 1 of 1'],
      [[0, , 0.1], 'sweep.humanRatio has no value at position 2 of 3'],
    ] as Array<[number[], string]>) {
      const error = thrown(() => simulate(CORPUS, ID_SPACE, { ...DEFAULT_RUN, generations: 1, sweep: { ...DEFAULT_RUN.sweep, humanRatio } }, { emit: () => undefined }));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(message);
    }
  });
});
