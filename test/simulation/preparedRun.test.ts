import { describe, expect, it } from 'vitest';
import { sentenceCount, tokenCount } from '../../src/corpus/tokenCorpus.js';
import { InputError, UsageError } from '../../src/errors.js';
import { expandCells } from '../../src/simulation/cells.js';
import { humanSentenceMask } from '../../src/simulation/holdoutSplit.js';
import { heldoutOverlap, prepareRun, preparedRunFromParts, preparedRunParts, wordViewSpec, type PreparedRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

// 40 distinct sentences of learned-BPE tokens ("</w>" ends a word): words "lo", "low", "lower", ...
const bpeSentences = Array.from({ length: 40 }, (_, s) => `lo w</w> lo w e r</w> n${s % 13}</w> e${s}</w>`);

function rowsOf(run: PreparedRun): SeriesRow[] {
  const rows: SeriesRow[] = [];
  runSeries(run, expandCells(run.settings.sweep)[0]!, 1, { emit: (row) => rows.push(row) });
  return rows;
}

const small: RunSettings = { ...DEFAULT_RUN, generations: 1, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0], order: [2] } };

describe('runSeries with a run or a cell prepareRun did not check together', () => {
  // 36 sentences in H; a cell outside the run's sweep, or a run changed by hand, gets prepareRun's checks.
  const f = fixture(bpeSentences);
  const run = prepareRun(f.corpus, f.vocabulary.size, small);
  const cell = expandCells(small.sweep)[0]!;
  const refusal = (r: PreparedRun, c = cell): string => {
    try {
      runSeries(r, c, 1, { emit: () => undefined });
    } catch (error) {
      expect(error).toBeInstanceOf(InputError); // (a UsageError is one too)
      return (error as Error).message;
    }
    return expect.unreachable('runSeries should refuse');
  };

  it('refuses a cell whose growth shrinks a batch to nothing, or whose anchors the human pool lacks', () => {
    // generation g's batch is N growth^(g-1): generation 2's holds 0 tokens
    const twoGenerations = { ...run, settings: { ...run.settings, generations: 2 } };
    expect(refusal(twoGenerations, { ...cell, settings: { ...cell.settings, tokensGrowth: 0.0001 } })).toMatch(/^tokens growth 0\.0001 shrinks the batch of \d+ tokens to 0 by generation 2/u);
    expect(refusal(run, { ...cell, settings: { ...cell.settings, anchor: 37 } })).toBe('anchor 37 needs that many human sentences, but the human pool has 36');
    // the cell's own human ratio (the run's sweep has 0): at ratio 1, generation 2's batch of 2 |H| asks for twice H
    expect(refusal(twoGenerations, { ...cell, settings: { ...cell.settings, humanRatio: 1, tokensGrowth: 2 } })).toMatch(/^human ratio 1 asks for \d+ human tokens in generation 2's batch/u);
    expect(() => runSeries(twoGenerations, { ...cell, settings: { ...cell.settings, humanRatio: 0.5, tokensGrowth: 2 } }, 1, { emit: () => undefined })).not.toThrow();
  });

  it('refuses a run whose sizes or texts are not what prepareRun makes', () => {
    expect(refusal({ ...run, batchTokens: Number.NaN })).toMatch(/^run\.batchTokens must be a whole number >= 1/u);
    expect(refusal({ ...run, batchTokens: 0 })).toMatch(/^run\.batchTokens must be a whole number >= 1/u);
    expect(refusal({ ...run, measureTokens: -5 })).toMatch(/^run\.measureTokens must be a whole number >= 1/u);
    expect(refusal({ ...run, human: {} as PreparedRun['human'] })).toMatch(/^run\.human/u);
    expect(refusal({ ...run, settings: { ...run.settings, generations: 2 }, batchTokens: 600_000_000 }, { ...cell, settings: { ...cell.settings, tokensGrowth: 10 } })).toMatch(/would hold 6000000000 tokens .*more than 1000000000$/u);
  });

  it('runs the sweep\'s own cells as before', () => {
    expect(rowsOf(run)).toHaveLength(2);
  });
});

describe('prepareRun', () => {
  it('sizes the batch to H by default and the measured text to the batch, unless told', () => {
    const f = fixture(bpeSentences);
    const run = prepareRun(f.corpus, f.vocabulary.size, small);
    expect(sentenceCount(run.human)).toBe(36); // 10% of 40 held out
    expect(run.batchTokens).toBe(tokenCount(run.human));
    expect(run.measureTokens).toBe(run.batchTokens);
    const sized = prepareRun(f.corpus, f.vocabulary.size, { ...small, tokens: 50, measureTokens: 70 });
    expect([sized.batchTokens, sized.measureTokens]).toEqual([50, 70]);
    expect(prepareRun(f.corpus, f.vocabulary.size, { ...small, tokens: 50 }).measureTokens).toBe(50);
  });

  it('refuses a corpus of empty sentences alone (read with emptySentences), with a typed InputError, before its holdout split', () => {
    // 12 sentences, no tokens: holdout 0 keeps them all in H
    const empty = { ids: new Int32Array(0), offsets: new Int32Array(13) };
    const run = { ...small, holdout: 0 };
    expect(() => prepareRun(empty, 2, run)).toThrow(new InputError('the corpus holds no tokens, only 12 empty sentence(s)', 'pass a corpus with text'));
    expect(() => prepareRun(empty, 2, { ...small, holdout: 0.5 })).toThrow('the corpus holds no tokens, only 12 empty sentence(s)');
  });

  it("runSeries checks a hand-built run's texts against its id space, also after the same texts passed in a larger one", () => {
    const f = fixture(bpeSentences);
    const run = prepareRun(f.corpus, f.vocabulary.size, small);
    const cell = expandCells(small.sweep)[0]!;
    expect(rowsOf(run)).toHaveLength(2);
    // the same texts (checked once, in the id space of the vocabulary) in an id space too small for them
    const narrow = { ...run, idSpace: 3 };
    expect(() => runSeries(narrow, cell, 1, { emit: () => undefined })).toThrow(UsageError);
    expect(() => runSeries(narrow, cell, 1, { emit: () => undefined })).toThrow(/^run\.human holds token id \d+, outside the token ids 2 \.\. 2$/u);
    // a held-out text of its own, with a marker inside: refused though run.human passed
    const marked = { ...run, heldout: { ids: Int32Array.of(2, 1), offsets: Int32Array.of(0, 2) } };
    expect(() => runSeries(marked, cell, 1, { emit: () => undefined })).toThrow('run.heldout holds id 1, the </s> marker, at position 1');
  });

  it('needs as many human sentences as the largest anchor of the sweep', () => {
    const f = fixture(bpeSentences);
    expect(prepareRun(f.corpus, f.vocabulary.size, { ...small, sweep: { ...small.sweep, anchor: [0, 36] } }).human.offsets.length).toBe(37);
    const tooMany = { ...small, sweep: { ...small.sweep, anchor: [37, 0] } };
    expect(() => prepareRun(f.corpus, f.vocabulary.size, tooMany)).toThrow(InputError);
    expect(() => prepareRun(f.corpus, f.vocabulary.size, tooMany)).toThrow('anchor 37 needs that many human sentences, but the human pool has 36');
    try {
      prepareRun(f.corpus, f.vocabulary.size, tooMany);
    } catch (error) {
      expect((error as InputError).hint).toBe('pass a smaller anchor or a larger corpus');
    }
  });

  it("refuses a human share larger than H at the sweep's largest ratio and batch (it was topped up with synthetic text: audit)", () => {
    // 4 sentences of 3 tokens, holdout 0: H holds 12 tokens
    const f = fixture(['a b c', 'd e f', 'g h i', 'j k l']);
    const settings = (humanRatio: number[], tokensGrowth: number[], tokens?: number): RunSettings => ({
      ...small, holdout: 0, generations: 3, ...(tokens === undefined ? {} : { tokens }), sweep: { ...small.sweep, humanRatio, tokensGrowth },
    });
    const refusal = (given: RunSettings): string => {
      try {
        prepareRun(f.corpus, f.vocabulary.size, given);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    // N = 12, growth 1.5: batches 12, 18, 27; ratio 0.5 asks for 6, 9, round(13.5) = 14 > 12 at generation 3
    expect(refusal(settings([0, 0.5], [1, 1.5]))).toBe(
      "human ratio 0.5 asks for 14 human tokens in generation 3's batch of 27 tokens (tokens growth 1.5), and the human pool H holds 12: the rest would be synthetic text",
    );
    // ratio 0.44: round(0.44 x 27) = round(11.88) = 12, the whole of H
    expect(refusal(settings([0.44], [1.5]))).toBe('accepted');
    // --tokens 13 at ratio 1 asks for 13 > 12
    expect(refusal(settings([1], [1], 13))).toBe('human ratio 1 asks for 13 human tokens in a batch of 13 tokens, and the human pool H holds 12: the rest would be synthetic text');
    expect(refusal(settings([1], [1], 12))).toBe('accepted');
    // a shrinking growth's largest batch is the first
    expect(refusal(settings([1], [0.9], 12))).toBe('accepted');
    // the first batch too large, whatever the growth: named as a batch of N, and the hint names no growth
    // (it named generation 1's batch and the growth 0.9 though every cell failed at the first: audit)
    const hint = (given: RunSettings): string | undefined => {
      try {
        prepareRun(f.corpus, f.vocabulary.size, given);
      } catch (error) {
        return `${(error as InputError).message} (${(error as InputError).hint})`;
      }
      return undefined;
    };
    expect(hint(settings([0.5], [0.5, 0.9], 30))).toBe(
      'human ratio 0.5 asks for 15 human tokens in a batch of 30 tokens, and the human pool H holds 12: the rest would be synthetic text (use a smaller human ratio, fewer tokens, or a larger corpus)',
    );
    // growth, and a holdout: each remedy named where it helps
    expect(hint({ ...settings([0.5], [1.5], 9), holdout: 0.25 })).toMatch(/\(use a smaller human ratio, fewer tokens, generations or growth, a smaller holdout, or a larger corpus\)$/u);
    // without --tokens the batch is H: only the ratio, the generations and the growth can help
    expect(hint({ ...settings([0.5], [1.5]), holdout: 0.25 })).toMatch(/\(use a smaller human ratio, fewer generations or less growth\)$/u);
  });

  it('checks the settings, the id space and the corpus first', () => {
    const f = fixture(bpeSentences);
    expect(() => prepareRun(f.corpus, f.vocabulary.size, { ...small, holdout: 2 })).toThrow(UsageError);
    expect(() => prepareRun(f.corpus, 1, small)).toThrow(UsageError);
  });

  it('builds the word view of a subword run (word_* columns), none for a word-level tokenizer', () => {
    const f = fixture(bpeSentences);
    expect(wordViewSpec('whitespace', f.vocabulary)).toBeUndefined();
    const spec = wordViewSpec('bpe:10', f.vocabulary)!;
    expect(spec).toEqual({ tokenizer: 'bpe:10', tokens: f.vocabulary.toArray() });
    const run = prepareRun(f.corpus, f.vocabulary.size, small, spec);
    expect(run.words!.spec).toBe(spec);
    expect(run.words!.tokens).toBe(spec.tokens);
    expect(run.words!.split(['lo', 'w</w>', 'e1</w>'])).toEqual(['low', 'e1']);
    // H's words: low, lower, n0..n12 and e0..e39 less the 4 held-out sentences' e-words
    expect(run.words!.reference.counts.get('low')).toBe(36);
    expect(run.words!.reference.rareThreshold).toBe(1);
    const rows = rowsOf(run);
    expect(rows[0]!.values.word_vocab_retention).toBe(1);
    expect(rowsOf(prepareRun(f.corpus, f.vocabulary.size, small))[0]!.values.word_vocab_retention).toBeUndefined();
    expect(prepareRun(f.corpus, f.vocabulary.size, small, undefined).words).toBeUndefined();
    // a hand-written spec naming a word-level tokenizer: no word view either
    expect(prepareRun(f.corpus, f.vocabulary.size, small, { tokenizer: 'whitespace', tokens: spec.tokens }).words).toBeUndefined();
  });

  it('travels as plain data and is rebuilt with the same series', () => {
    const f = fixture(bpeSentences);
    const spec = wordViewSpec('bpe:10', f.vocabulary)!;
    for (const words of [undefined, spec]) {
      const run = prepareRun(f.corpus, f.vocabulary.size, small, words);
      const parts = preparedRunParts(run);
      expect('settings' in parts).toBe(false);
      expect(parts.words).toBe(words);
      expect('words' in parts).toBe(words !== undefined);
      const rebuilt = preparedRunFromParts(structuredClone(parts), small);
      expect(rebuilt.settings).toBe(small);
      expect(rebuilt.words?.spec).toEqual(words);
      expect(rebuilt.reference.rareTypes).toBe(run.reference.rareTypes);
      expect(rowsOf(rebuilt)).toEqual(rowsOf(run));
    }
  });

  it('heldoutOverlap: the share of held-out sentences found in H', () => {
    // the corpus twice: a held-out sentence s is in H when its twin (s +- 40) was not held out too
    const twice = fixture([...bpeSentences, ...bpeSentences]);
    const mask = humanSentenceMask(80, 0.1, 42);
    const heldout = [...mask.keys()].filter((s) => mask[s] === 0);
    const copied = heldout.filter((s) => mask[(s + 40) % 80] === 1).length;
    expect(copied).toBeGreaterThan(0);
    expect(heldoutOverlap(prepareRun(twice.corpus, twice.vocabulary.size, small))).toBe(copied / heldout.length);
    const once = fixture(bpeSentences);
    expect(heldoutOverlap(prepareRun(once.corpus, once.vocabulary.size, small))).toBe(0);
    expect(heldoutOverlap(prepareRun(once.corpus, once.vocabulary.size, { ...small, holdout: 0 }))).toBeUndefined();
  });
});

describe('prepareRunFor: the run in shared memory when worker threads will run it', () => {
  it('puts every typed array of the run in shared memory for 2 or more workers, with the same values; 1 worker keeps it as prepareRun makes it', async () => {
    const { prepareRunFor } = await import('../../src/simulation/workerPool.js');
    const { preparedRunParts } = await import('../../src/simulation/preparedRun.js');
    const f = fixture(Array.from({ length: 30 }, (_, i) => `w${i % 7} w${i % 5} w${i % 3} end`));
    const plain = prepareRun(f.corpus, f.vocabulary.size, DEFAULT_RUN);
    const arrays = (parts: object): ArrayBufferView[] => {
      const found: ArrayBufferView[] = [];
      const walk = (value: unknown): void => {
        if (ArrayBuffer.isView(value)) found.push(value);
        else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
      };
      walk(parts);
      return found;
    };
    const shared = arrays(preparedRunParts(prepareRunFor(2, f.corpus, f.vocabulary.size, DEFAULT_RUN)));
    const own = arrays(preparedRunParts(prepareRunFor(1, f.corpus, f.vocabulary.size, DEFAULT_RUN)));
    expect(shared.length).toBeGreaterThan(5);
    expect(shared.every((view) => view.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(own.some((view) => view.buffer instanceof SharedArrayBuffer)).toBe(false);
    const expected = arrays(preparedRunParts(plain));
    expect(shared.map((view) => Array.from(view as Int32Array))).toEqual(expected.map((view) => Array.from(view as Int32Array)));
  });
});
