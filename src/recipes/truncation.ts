/**
 * Recipe `truncation`: sampling with temperature < 1, top-k or top-p speeds collapse up (Alemohammad et
 * al., "Self-Consuming Generative Models Go MAD", ICLR 2024: sampling bias towards quality trades away
 * diversity, and in a self-consuming loop diversity collapses).
 *
 * Cells (order 2 MLE, no human data, replace): plain sampling; temperature 0.7; top-k 10; top-p 0.9.
 * Checks: truncated sampling makes the output more likely under M0 (gen0_perplexity below plain
 * sampling's at every generation); diversity ends lower (vocabulary retention and unigram entropy at the end); and the loop itself
 * loses diversity faster (from generation 1 to the end: a smaller share of the retention kept, more
 * entropy lost), which the level at the end alone does not show: a sampler that cuts most of the
 * vocabulary in its first sample ends lower even if the loop then loses less. Each is decided by the
 * means and, with 2 replicates or more, one-sided Welch tests at 5% over the replicates
 * (./orderedMeans.ts: undecided where the means hold and a test does not); the first two at every
 * generation, a test each.
 */

import { ORDERED_TEST_TEXT, orderedVerdict, replicateTable } from './orderedMeans.js';
import { lastGeneration, meanAt, replicateValues } from './rowStats.js';
import { generationRuns, shown, text } from './findingNumbers.js';
import { cellRuns, type Finding, type Recipe, type RecipeData } from './recipe.js';

export const TRUNCATION_CELLS = {
  plain: 'temperature=1/top_k=0/top_p=1',
  temperature: 'temperature=0.7/top_k=0/top_p=1',
  topK: 'temperature=1/top_k=10/top_p=1',
  topP: 'temperature=1/top_k=0/top_p=0.9',
} as const;

/** A cell's name in findings.json's `numbers` keys (`gen0_perplexity_temperature_0.7`). */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  [TRUNCATION_CELLS.plain]: 'plain',
  [TRUNCATION_CELLS.temperature]: 'temperature_0.7',
  [TRUNCATION_CELLS.topK]: 'top_k_10',
  [TRUNCATION_CELLS.topP]: 'top_p_0.9',
};

/**
 * A cell's name in the findings' observed text: its setting as the legend writes it (`top_k=10`, the
 * part of `temperature=1/top_k=10/top_p=1` that is not at its default), so the reader finds its line
 * (`top_k_10` named no label of the chart: audit).
 */
const LABELS: Readonly<Record<string, string>> = {
  [TRUNCATION_CELLS.plain]: 'plain',
  [TRUNCATION_CELLS.temperature]: 'temperature=0.7',
  [TRUNCATION_CELLS.topK]: 'top_k=10',
  [TRUNCATION_CELLS.topP]: 'top_p=0.9',
};

const TRUNCATED = [TRUNCATION_CELLS.temperature, TRUNCATION_CELLS.topK, TRUNCATION_CELLS.topP] as const;

export const truncation: Recipe = {
  name: 'truncation',
  title: 'Truncated sampling: quality for diversity',
  claim:
    'Sampling with temperature below 1, top-k or top-p makes each generation more likely under the original model, ' +
    'and makes diversity collapse faster over generations.',
  sources: ['Alemohammad et al., "Self-Consuming Generative Models Go MAD", ICLR 2024'],
  defaultCorpus: ['brown:news'],
  defaults: { generations: 10, replicates: 5 },
  runs: (scale) => cellRuns(scale, [{}, { temperature: 0.7 }, { topK: 10 }, { topP: 0.9 }]),
  findings: truncationFindings,
  notes: [
    'Per-token perplexity is not per-sequence likelihood. Top-p 0.9 removes the unlikely next words of every context, ' +
      'but in a bigram model a rare word is usually followed by an almost certain one; cutting the rare words keeps the ' +
      'text among common words, whose continuations are the most uncertain, so its per-token perplexity under M0 need not fall ' +
      'at first; as the loop narrows the text generation after generation, it can fall below plain sampling\'s later on.',
  ],
};

type Measure = 'gen0_perplexity' | 'vocab_retention' | 'entropy_bits';

/**
 * What each check reads: a metric's mean over replicates in a cell and generation, its value in each
 * replicate there (rowStats' replicateValues), each replicate's values at the generations given
 * (./orderedMeans.ts' replicateTable), and the last generation.
 */
interface Reader {
  readonly last: number;
  at(cell: string, generation: number, metric: Measure): number;
  values(cell: string, generation: number, metric: Measure): number[];
  each(cell: string, generations: readonly number[], metric: Measure): number[][];
}

export function truncationFindings(data: RecipeData): Finding[] {
  const { rows } = data;
  const read: Reader = {
    last: lastGeneration(rows),
    at: (cell, generation, metric) => meanAt(rows, cell, generation, metric)!,
    values: (cell, generation, metric) => replicateValues(rows, cell, generation, metric),
    each: (cell, generations, metric) => replicateTable(rows, cell, metric, generations),
  };
  return [
    likelierUnderM0(read, [TRUNCATION_CELLS.temperature, TRUNCATION_CELLS.topK], 'temperature 0.7 and top-k 10 raise the likelihood under M0'),
    likelierUnderM0(read, [TRUNCATION_CELLS.topP], 'top-p 0.9 raises the likelihood under M0'),
    diversityEndsLower(read),
    loopLosesFaster(read),
  ];
}

const name = (cell: string): string => SHORT_NAMES[cell] ?? cell;
const label = (cell: string): string => LABELS[cell] ?? cell;

/**
 * Every synthetic text of each of `cells`, generation 1 to the last, has a lower mean perplexity under
 * M0 than plain sampling's of the same generation (generation 1 alone read top-p 0.9 as less likely,
 * where from generation 4 on its texts were the likelier ones, 21.5 against 26.7 at generation 10:
 * audit), and by a one-sided Welch test over the replicates at each generation and cell (orderedVerdict).
 * `numbers` keep generation 1's values under their keys and add the last generation's, and the largest P.
 */
function likelierUnderM0({ at, values, last }: Reader, cells: readonly string[], title: string): Finding {
  const plain = TRUNCATION_CELLS.plain;
  const perplexity = (cell: string, generation: number): number => at(cell, generation, 'gen0_perplexity');
  const generations = Array.from({ length: last }, (_, i) => i + 1);
  const notBelow = (cell: string): number[] => generations.filter((generation) => !(perplexity(cell, generation) < perplexity(plain, generation)));
  const pair = (cell: string): string => `${label(cell)} ${text(perplexity(cell, 1))} / ${text(perplexity(cell, last))}`;
  const misses = cells.filter((cell) => notBelow(cell).length > 0).map((cell) => `${label(cell)} not below plain at generation${notBelow(cell).length === 1 ? '' : 's'} ${generationRuns(notBelow(cell))}`);
  // one test a generation and cell, each at 5%: the claim is all of them (an intersection-union test,
  // whose level is that of each test: Berger and Hsu, Statistical Science 11(4), 1996)
  const { p, ...verdict } = orderedVerdict(
    cells.every((cell) => notBelow(cell).length === 0),
    cells.flatMap((cell) =>
      generations.map((generation) => ({ label: `${label(cell)} below plain at generation ${generation}`, lower: values(cell, generation, 'gen0_perplexity'), higher: values(plain, generation, 'gen0_perplexity') })),
    ),
  );
  return {
    name: title,
    expected: `every synthetic text, generation 1 to the last, has a lower perplexity under M0 than plain sampling's of the same generation (${ORDERED_TEST_TEXT}, at each generation)`,
    observed: `gen0_perplexity at generations 1 / ${last}: ${[plain, ...cells].map(pair).join('; ')}${misses.length === 0 ? '' : `; ${misses.join('; ')}`}`,
    numbers: Object.fromEntries(
      [plain, ...cells]
        .flatMap((cell) => [
          [`gen0_perplexity_${name(cell)}`, shown(perplexity(cell, 1))],
          [`gen0_perplexity_${name(cell)}_last`, shown(perplexity(cell, last))],
        ])
        .concat([['welch_p', shown(p)]]),
    ),
    ...verdict,
  };
}

/** Vocabulary retention and unigram entropy at the last generation, lower with every truncation than plain. */
function diversityEndsLower({ at, values, last }: Reader): Finding {
  const plainRetention = at(TRUNCATION_CELLS.plain, last, 'vocab_retention');
  const plainEntropy = at(TRUNCATION_CELLS.plain, last, 'entropy_bits');
  const ends = (cell: string, metric: Measure): number[] => values(cell, last, metric);
  const { p, ...verdict } = orderedVerdict(
    TRUNCATED.every((cell) => at(cell, last, 'vocab_retention') < plainRetention && at(cell, last, 'entropy_bits') < plainEntropy),
    TRUNCATED.flatMap((cell) => (['vocab_retention', 'entropy_bits'] as const).map((metric) => ({ label: `${metric} ${label(cell)} below plain`, lower: ends(cell, metric), higher: ends(TRUNCATION_CELLS.plain, metric) }))),
  );
  return {
    name: 'diversity ends lower',
    expected: `with truncation, vocabulary retention and unigram entropy end lower than with plain sampling (${ORDERED_TEST_TEXT})`,
    observed:
      `at generation ${last}, vocab_retention / entropy_bits: plain ${text(plainRetention)} / ${text(plainEntropy)}; ` +
      TRUNCATED.map((cell) => `${label(cell)} ${text(at(cell, last, 'vocab_retention'))} / ${text(at(cell, last, 'entropy_bits'))}`).join('; '),
    numbers: Object.fromEntries(
      [TRUNCATION_CELLS.plain, ...TRUNCATED].flatMap((cell) => [
        [`vocab_retention_${name(cell)}`, shown(at(cell, last, 'vocab_retention'))],
        [`entropy_bits_${name(cell)}`, shown(at(cell, last, 'entropy_bits'))],
      ]).concat([['welch_p', shown(p)]]),
    ),
    ...verdict,
  };
}

/** The loop's own part, from generation 1 on (the first sample's loss, the sampler's, left out): less retention kept, more entropy lost. */
function loopLosesFaster({ at, each, last }: Reader): Finding {
  const kept = (cell: string): number => at(cell, last, 'vocab_retention') / at(cell, 1, 'vocab_retention');
  const lost = (cell: string): number => at(cell, 1, 'entropy_bits') - at(cell, last, 'entropy_bits');
  const plain = TRUNCATION_CELLS.plain;
  // each replicate's own share kept and entropy lost, for the Welch tests
  const keptEach = (cell: string): number[] => each(cell, [1, last], 'vocab_retention').map(([first, end]) => end! / first!);
  const lostEach = (cell: string): number[] => each(cell, [1, last], 'entropy_bits').map(([first, end]) => first! - end!);
  const { p, ...verdict } = orderedVerdict(
    TRUNCATED.every((cell) => kept(cell) < kept(plain) && lost(cell) > lost(plain)),
    TRUNCATED.flatMap((cell) => [
      { label: `retention kept ${label(cell)} below plain`, lower: keptEach(cell), higher: keptEach(plain) },
      { label: `entropy lost plain below ${label(cell)}`, lower: lostEach(plain), higher: lostEach(cell) },
    ]),
  );
  return {
    name: 'the loop loses diversity faster',
    expected:
      'from generation 1 on (the first sample\'s own loss left out), the loop keeps a smaller share of its vocabulary retention ' +
      `and loses more unigram entropy with truncation than with plain sampling (${ORDERED_TEST_TEXT})`,
    observed:
      `from generation 1 to ${last}, share of vocab_retention kept / entropy_bits lost: plain ${text(kept(plain))} / ${text(lost(plain))}; ` +
      TRUNCATED.map((cell) => `${label(cell)} ${text(kept(cell))} / ${text(lost(cell))}`).join('; '),
    numbers: Object.fromEntries(
      [plain, ...TRUNCATED].flatMap((cell) => [
        [`retention_kept_${name(cell)}`, shown(kept(cell))],
        [`entropy_lost_${name(cell)}`, shown(lost(cell))],
      ]).concat([['welch_p', shown(p)]]),
    ),
    ...verdict,
  };
}

