/**
 * The library's refusals in the CLI's words: the library's own error keeps the library's names, and
 * the line the CLI prints names the flag alone (src/cli/cliTerms.ts).
 */

import { tmpdir } from 'node:os';
import { types } from 'node:util';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { describe, expect, it } from 'vitest';
import { inCliTerms } from '../../src/cli/cliTerms.js';
import { InputError, OutputWriteError, UsageError, describeError } from '../../src/errors.js';
import { checkAddKReserve } from '../../src/model/addK.js';
import { mergeCurves } from '../../src/export/mergeCurves.js';
import { planResume } from '../../src/export/resumePlan.js';
import { curveTableFromRecords } from '../../src/export/report/curveTable.js';
import { svgChartFiles } from '../../src/export/report/svgCharts.js';
import { describeDifferences, makeRunRecord } from '../../src/export/runRecord.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { humanSentenceMask } from '../../src/simulation/holdoutSplit.js';
import { DEFAULT_RUN, refuseEmptyBatches, refuseHumanShareBeyondPool, type RunSettings } from '../../src/simulation/settings.js';
import { warnBrownTextOptions } from '../../src/corpus/readText.js';
import { inCliText } from '../../src/cli/cliTerms.js';
import { SUBWORD_WAY_OUT, UNSPACED_WAY_OUT, WAY_OUT } from '../../src/corpus/cutLetters.js';

function refusal(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was refused');
}

describe('inCliTerms', () => {
  it("says --k where the library says k, and leaves the library's error as it was", () => {
    const library = refusal(() => checkAddKReserve(1e308, 4));
    expect(describeError(library)).toBe('k 1e+308 is too large for add-k over |V| = 4 (the types and </s>): k |V| is past the largest number (pass a k below 4.4e+307)');
    const cli = inCliTerms(library);
    expect(cli).toBeInstanceOf(UsageError);
    expect(describeError(cli)).toBe('--k 1e+308 is too large for add-k over |V| = 4 (the types and </s>): k |V| is past the largest number (pass a --k below 4.4e+307)');
    expect(describeError(library)).toBe('k 1e+308 is too large for add-k over |V| = 4 (the types and </s>): k |V| is past the largest number (pass a k below 4.4e+307)');
  });

  it('says --k also after words a caller put before the library\'s (round-2 audit: the pattern was anchored at the start)', () => {
    const wrapped = inCliTerms(new UsageError('recipe anchor: k 1e+308 is too large for add-k over |V| = 4 (the types and </s>): k |V| is past the largest number', 'or else pass a k below 4.4e+307')) as UsageError;
    expect([wrapped.message, wrapped.hint]).toEqual(['recipe anchor: --k 1e+308 is too large for add-k over |V| = 4 (the types and </s>): k |V| is past the largest number', 'or else pass a --k below 4.4e+307']);
  });

  it('names the flag alone where a hint names the setting and the flag', () => {
    const said = (hint: string): string => (inCliTerms(new InputError('m', hint)) as InputError).hint;
    expect(said('raise maxTokens, --max-tokens on the command line, or pass a smaller corpus')).toBe('raise --max-tokens, or pass a smaller corpus');
    expect(said('choose the field with jsonlField, --jsonl-field on the command line')).toBe('choose the field with --jsonl-field');
    expect(said('use the whitespace tokenizer, --tokenizer whitespace on the command line, which keeps words of every script whole')).toBe('use --tokenizer whitespace, which keeps words of every script whole');
    expect(said('use the char tokenizer, --tokenizer char on the command line, which makes each character a token')).toBe('use --tokenizer char, which makes each character a token');
  });

  it('says --tokens-growth, --human-ratio and their neighbours where the library names the settings in words (it printed "tokens growth 0.1": probe)', () => {
    const run = (sweep: Partial<RunSettings['sweep']>, rest: Partial<RunSettings> = {}): RunSettings => ({ ...DEFAULT_RUN, ...rest, sweep: { ...DEFAULT_RUN.sweep, ...sweep } });
    const both = (error: unknown): [string, string] => [describeError(error), describeError(inCliTerms(error))];
    // batches of 100, 10, 1, 0.1: empty by generation 4
    expect(both(refusal(() => refuseEmptyBatches(run({ tokensGrowth: [0.1] }, { generations: 5 }), 100)))).toEqual([
      'tokens growth 0.1 shrinks the batch of 100 tokens to 0 by generation 4: a model trained on nothing (use a tokens growth closer to 1, more tokens or fewer generations)',
      '--tokens-growth 0.1 shrinks the batch of 100 tokens to 0 by generation 4: a model trained on nothing (use a --tokens-growth closer to 1, more --tokens or fewer --generations)',
    ]);
    // batches of 20, 60 (growth 3): ratio 0.5 asks for 30 of a pool of 12 at generation 2; without --tokens the batch is H
    expect(both(refusal(() => refuseHumanShareBeyondPool(run({ humanRatio: [0, 0.5], tokensGrowth: [3] }, { generations: 2 }), 12, 20)))).toEqual([
      "human ratio 0.5 asks for 30 human tokens in generation 2's batch of 60 tokens (tokens growth 3), and the human pool H holds 12: the rest would be synthetic text (use a smaller human ratio, fewer generations or less growth)",
      "--human-ratio 0.5 asks for 30 human tokens in generation 2's batch of 60 tokens (--tokens-growth 3), and the human pool H holds 12: the rest would be synthetic text (use a smaller --human-ratio, fewer --generations or less --tokens-growth)",
    ]);
    // with --tokens 20 and a holdout: the first batch (10 of a pool of 8); with --tokens 10, no holdout, growth 2: generation 2
    const said = (generations: number, growth: number): string => describeError(inCliTerms(refusal(() => refuseHumanShareBeyondPool(run({ humanRatio: [0.5], tokensGrowth: [growth] }, { generations, tokens: 20, holdout: 0.1 }), 8, 20))));
    expect(said(2, 1)).toBe('--human-ratio 0.5 asks for 10 human tokens in a batch of 20 tokens, and the human pool H holds 8: the rest would be synthetic text (use a smaller --human-ratio, fewer --tokens, a smaller --holdout, or a larger corpus)');
    expect(describeError(inCliTerms(refusal(() => refuseHumanShareBeyondPool(run({ humanRatio: [0.5], tokensGrowth: [2] }, { generations: 2, tokens: 10, holdout: 0 }), 8, 10))))).toBe(
      "--human-ratio 0.5 asks for 10 human tokens in generation 2's batch of 20 tokens (--tokens-growth 2), and the human pool H holds 8: the rest would be synthetic text (use a smaller --human-ratio, fewer --tokens, --generations or less --tokens-growth, or a larger corpus)",
    );
  });

  it('says --holdout, for run, where the library says a holdout share (it named --holdout in the library: library probe)', () => {
    const library = (sentences: number, holdout: number): InputError => refusal(() => humanSentenceMask(sentences, holdout, 1)) as InputError;
    const cli = (sentences: number, holdout: number): string => (inCliTerms(library(sentences, holdout)) as InputError).hint;
    // 1 sentence cannot be split; 4 x 0.1 = 0.4 rounds to none, 0.5 / 4 = 0.125 holds one out
    expect(library(1, 0.1).hint).toBe('pass a larger corpus, or a holdout share of 0 (none held out, no held-out metrics)');
    expect(cli(1, 0.1)).toBe('pass a larger corpus, or, with run, --holdout 0 (none held out, no held-out metrics)');
    expect(library(4, 0.1).hint).toBe('pass a larger corpus, or a holdout share of at least 0.125 (one held out) or of 0 (none held out, no held-out metrics)');
    expect(cli(4, 0.1)).toBe('pass a larger corpus, or, with run, --holdout 0.125 or more (one held out) or --holdout 0 (none held out, no held-out metrics)');
  });

  it('names the flags of the text options Brown does not read (the library named them: library probe)', () => {
    const warned = (options: Parameters<typeof warnBrownTextOptions>[0]): [string, string] => {
      const said: string[] = [];
      warnBrownTextOptions({ ...options, onWarning: (message) => said.push(message) });
      expect(said).toHaveLength(1);
      return [said[0]!, inCliText(`brown:humor: ${said[0]!}`)];
    };
    const rest = 'nothing on Brown: its sentences and tokens are its own, read from its tagged text';
    expect(warned({ sentences: 'line' })).toEqual([`sentences 'line' does ${rest}`, `brown:humor: --sentences line does ${rest}`]);
    expect(warned({ sentences: 'auto', emptySentences: true })).toEqual([`emptySentences does ${rest}`, `brown:humor: --empty-sentences does ${rest}`]);
    // a field's name holding quotes, a backslash, the other options' names and the words that end the list
    const field = 'a "b" \\ emptySentences do nothing on Brown';
    expect(warned({ sentences: 'auto', jsonlField: field })).toEqual([`jsonlField ${JSON.stringify(field)} does ${rest}`, `brown:humor: --jsonl-field ${field} does ${rest}`]);
    expect(warned({ sentences: 'line', emptySentences: true, jsonlField: 'text' })).toEqual([
      `sentences 'line', emptySentences and jsonlField "text" do ${rest}`,
      `brown:humor: --sentences line, --empty-sentences and --jsonl-field text do ${rest}`,
    ]);
    // Brown's options only at the warning's start or after a name's ': ' (a-emptySentences is a name's)
    const unread = 'emptySentences does nothing on Brown: its sentences and tokens are its own, read from its tagged text';
    expect(inCliText(`a-${unread}`)).toBe(`a-${unread}`);
    expect(inCliText(`a: ${unread}`)).toBe(`a: --empty-sentences does nothing on Brown: its sentences and tokens are its own, read from its tagged text`);
    expect(inCliText("tokenize`); pass sentences 'line' if each line is a sentence, or join")).toBe('tokenize`); pass --sentences line if each line is a sentence, or join');
  });

  it('names --tokenizer in the way out of a tokenizer that cut letters, at the end of the warning alone (the library named the flag: review)', () => {
    const cut = 'the word tokenizer cut 3 letters of its words';
    expect(inCliText(`${cut}; ${WAY_OUT}`)).toBe(`${cut}; --tokenizer whitespace keeps words of every script whole (--tokenizer char makes each character a token, for text written without spaces)`);
    expect(inCliText(`${cut}; ${UNSPACED_WAY_OUT}`)).toBe(`${cut}; most are Chinese or Japanese characters, written without spaces between words: --tokenizer char makes each character a token (--tokenizer whitespace would make each sentence one token)`);
    expect(inCliText(`${cut}; ${SUBWORD_WAY_OUT}`)).toBe(`${cut}; the published byte-level encodings (--tokenizer gpt2, cl100k or o200k) keep the letters of every script in their words`);
    expect(inCliText(`${WAY_OUT}.txt: ${cut}`)).toBe(`${WAY_OUT}.txt: ${cut}`);
    // the way out only as the end of a warning, after its '; ' (a name that holds it is the user's)
    expect(inCliText(`${cut}; ${WAY_OUT}.txt`)).toBe(`${cut}; ${WAY_OUT}.txt`);
    expect(inCliText(`x ${WAY_OUT}`)).toBe(`x ${WAY_OUT}`);
  });

  it('names --corpus where names are joined that each need their own (the library named the flag: review)', async () => {
    const hintOf = async (spec: string): Promise<[string, string]> => {
      const error = await loadCorpus([spec], { cwd: tmpdir() }).then(() => undefined, (thrown: unknown) => thrown as InputError);
      return [error!.hint, (inCliTerms(error) as InputError).hint];
    };
    const [brown, brownCli] = await hintOf('brown:news,brown:fiction');
    expect(brown).toMatch(/; give each corpus a name of its own, e\.g\. \['brown:news', 'brown:fiction'\], --corpus brown:news --corpus brown:fiction on the command line$/u);
    expect(brownCli).toMatch(/; give each corpus its own value, e\.g\. --corpus brown:news --corpus brown:fiction$/u);
    expect(await hintOf('no-such-{a,b}.txt')).toEqual([
      "braces {a,b} are no wildcard here: leave them unquoted for the shell to expand, or give each file or pattern as a name of its own (['a.txt', 'b.txt'], --corpus a.txt b.txt on the command line)",
      'braces {a,b} are no wildcard here: leave them unquoted for the shell to expand, or give each file or pattern (--corpus a.txt b.txt)',
    ]);
  });

  it("never rewrites a user's own name that holds a library phrase (a file named so was: review)", () => {
    for (const name of ['k 2 is too large for add-k smoothing.txt', 'anchor 5 needs that many human sentences.txt', "emptySentences does nothing on Brown.txt", "x-sentences 'line' and emptySentences do nothing on Brown", "pass a larger corpus, or a holdout share of 0 (none held out.txt", "pass sentences 'line' if each line is a sentence"]) {
      const error = new InputError(`corpus '${name}' not found`, 'check the path');
      expect(inCliTerms(error)).toBe(error);
      expect(inCliText(`${name}: is not valid UTF-8`)).toBe(`${name}: is not valid UTF-8`);
    }
  });

  it('says --seed where mergeCurves says seed (shards of two seeds: the library named the flag)', () => {
    const shard = (name: string, seed: number, cell: string) => ({ name, content: Buffer.from(`cell,replicate,generation,seed\n${cell},1,0,${seed}\n`) });
    const twoFiles = refusal(() => mergeCurves([shard('a b.csv', 42, 'A'), shard('c.csv', 7, 'B')])) as InputError;
    expect(describeError(twoFiles)).toBe('c.csv was run with seed 7, a b.csv with seed 42 (merge only shards of one run, with one seed)');
    expect(describeError(inCliTerms(twoFiles))).toBe('c.csv was run with --seed 7, a b.csv with --seed 42 (merge only shards of one run, with one seed)');
    const oneFile = refusal(() => mergeCurves([{ name: 's.csv', content: Buffer.from('cell,replicate,generation,seed\nA,1,0,42\nA,1,1,7\n') }])) as InputError;
    expect(describeError(oneFile)).toBe('s.csv holds rows of two seeds, seed 42 and seed 7: rows of two runs (merge only shards of one run, with one seed)');
    expect(describeError(inCliTerms(oneFile))).toBe('s.csv holds rows of two seeds, --seed 42 and --seed 7: rows of two runs (merge only shards of one run, with one seed)');
  });

  it("says --select where prepareRun says select (a run past MAX_LOOP_TOKENS: the library named the flag)", () => {
    const corpus = corpusFromSentences([[4, 5, 6, 7], [5, 6, 7, 4]]);
    const error = refusal(() => prepareRun(corpus, 8, { ...DEFAULT_RUN, generations: 2, holdout: 0, tokens: 1e12 })) as InputError;
    const said = "the run would hold 1000000000000 tokens in one text (a generation's batch, its %s candidates, or the pool an accumulating strategy keeps: H and every batch), more than 1000000000 (pass fewer tokens, generations or growth)";
    expect(describeError(error)).toBe(said.replace('%s', 'select'));
    expect(describeError(inCliTerms(error))).toBe(said.replace('%s', '--select'));
  });

  it("names the flags where mergeCurves names the settings two shards' run records differ in, as resume names them", () => {
    const identity = (settings: Partial<RunSettings>, load: Record<string, unknown>, change: object = {}) => ({ version: '1', load, corpusDigest: 'd', settings: { ...DEFAULT_RUN, generations: 1, replicates: 1, ...settings }, extinctions: false, ...change });
    const shard = (name: string, cell: string, record: ReturnType<typeof identity>, part: string) => ({ name, content: Buffer.from(`cell,replicate,seed,generation\n${cell},1,42,0\n`), record: makeRunRecord(record, part) });
    const a = identity({}, { maxTokens: 5 });
    const b = identity({ sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0.5], tokensGrowth: [2] } }, { maxTokens: 6 }, { corpusDigest: 'e', version: '2' });
    const library = refusal(() => mergeCurves([shard('a (1).csv', 'A', a, '1/2'), shard('b.csv', 'B', b, '2/2')])) as InputError;
    expect(library.message).toBe("b.csv comes from another run than a (1).csv (their run records differ: the corpus's tokens, maxTokens, humanRatio, tokensGrowth, the program version)");
    const cli = (inCliTerms(library) as InputError).message;
    expect(cli).toBe("b.csv comes from another run than a (1).csv (their run records differ: the corpus's tokens, --max-tokens, --human-ratio, --tokens-growth, the program version)");
    // the CLI's line names them as the run records' own names for a command line (resume's: fieldName)
    expect(cli).toContain(describeDifferences(a, b).join(', '));
  });

  it('names --resume, --metrics and the merge command where the library hints name them beside its own words (a file cut short, rows missing, files joined, a file of another header, two charts of one file)', () => {
    const hintOf = (action: () => unknown) => {
      const error = refusal(action) as InputError;
      return [error.hint, (inCliTerms(error) as InputError).hint];
    };
    const csv = (name: string, text: string) => ({ name, content: Buffer.from(text) });
    expect(hintOf(() => mergeCurves([csv('t.csv', 'cell,replicate,seed,generation\nA,1,42,0\nA,1,4')]))).toEqual(['finish that run first (--resume on the command line)', 'finish that run with --resume first']);
    expect(hintOf(() => mergeCurves([csv('m.csv', 'cell,replicate,seed,generation\nA,1,42,0\nA,1,42,2\n')]))).toEqual([
      'run the missing shards (or finish them, --resume on the command line) and merge again',
      'run the missing shards (or finish them with --resume) and merge again',
    ]);
    expect(hintOf(() => mergeCurves([csv('j.csv', 'cell,replicate,seed,generation\nA,1,42,0\ncell,replicate,seed,generation\nA,1,42,1\n')]))).toEqual([
      'merge the shard files themselves, each an input of its own',
      'merge the shard files themselves, e.g. ngram-collapse merge part-*.csv --out all.csv',
    ]);
    const resumed = { name: 'r.csv', content: Buffer.from('x,y\n'), header: ['cell', 'replicate'], rowsPerTask: 1, keyColumns: ['cell', 'replicate'], keyOf: () => ['A', '1'] };
    expect(hintOf(() => planResume([resumed], [{ cellId: 'A', replicate: 1 }]))).toEqual([
      'it was not written by this version and run of ngram-collapse: start afresh (without --resume on the command line)',
      'it was not written by this version and run of ngram-collapse: start afresh without --resume',
    ]);
    const shared = curveTableFromRecords(['cell', 'replicate', 'generation', 'a/b', 'a_b'], [['c', '1', '0', '1', '2'], ['c', '1', '1', '2', '3']], 'x.csv');
    expect(hintOf(() => svgChartFiles(shared.rows, { columns: shared.columns }))).toEqual([
      'rename one of the columns, or leave one out of metrics, --metrics on the command line',
      'rename one of the columns, or leave one out with --metrics',
    ]);
  });

  it('says --anchor where the library says anchor (more anchor sentences than the human pool: it said "anchor 50": audit)', () => {
    const cli = inCliTerms(new InputError('anchor 50 needs that many human sentences, but the human pool has 8', 'pass a smaller anchor or a larger corpus')) as InputError;
    expect([cli.message, cli.hint]).toEqual(['--anchor 50 needs that many human sentences, but the human pool has 8', 'pass a smaller --anchor or a larger corpus']);
  });

  it("keeps the error's class and its own properties in the reworded copy (it was rebuilt as a plain InputError or UsageError)", () => {
    class RefusedCorpus extends InputError {
      readonly path = 'big.txt';
    }
    const library = new RefusedCorpus('the corpus holds more than 10 tokens', 'raise maxTokens, --max-tokens on the command line');
    const cli = inCliTerms(library) as RefusedCorpus;
    expect(cli).not.toBe(library);
    expect(cli).toBeInstanceOf(RefusedCorpus);
    expect([cli.name, cli.path, cli.stack, cli.message, cli.hint]).toEqual(['InputError', 'big.txt', library.stack, 'the corpus holds more than 10 tokens', 'raise --max-tokens']);
    expect(library.hint).toBe('raise maxTokens, --max-tokens on the command line');
    // a native Error, as the library's was (round-2 audit: a plain object with Error's prototype was none)
    expect(types.isNativeError(cli)).toBe(true);
    expect(Object.prototype.toString.call(cli)).toBe('[object Error]');
  });

  it('keeps any other error, and an InputError with no library phrase, as the very same object', () => {
    const other = new InputError('the corpus x.txt holds no tokens', 'pass a text');
    expect(inCliTerms(other)).toBe(other);
    const written = new OutputWriteError('o.csv', new Error('no space'));
    expect(inCliTerms(written)).toBe(written);
    // (a k in the middle of a message is no setting's name)
    const middle = new UsageError('--top-k 1e+308 is too large', 'pass a smaller --top-k');
    expect(inCliTerms(middle)).toBe(middle);
  });
});
