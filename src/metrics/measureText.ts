/**
 * measureText: every text-level metric of the README's "The curves CSV" for one text, in one place.
 *
 * Contract: pure; reads `text` and the shared SeedReference, returns the values of the columns from
 * `tokens` to `zipf_slope`, and `chao1` (model-level columns are added by the simulation loop). Every value is a
 * finite number or undefined. Cost: a few linear passes over the ids (n-grams: see ./ngramProfile.ts, whose
 * pass also scores the text under H's model for gen0_perplexity, remembered per text).
 * Checks its input first (UsageError): `reference` built by buildSeedReference, `text` a TokenCorpus
 * whose ids lie within the reference's id space (an id outside would be miscounted silently).
 * `own` (optional): the text's own trigrams when the caller has them, its transition table of history
 * length 2 (counts/transitionTable.ts) or a TrigramSet built from it (the reference's own, when the text
 * is H): the n-gram pass reads them instead of sorting the text (same values); one that is neither, or
 * whose counts are not the text's (checkOwnTrigrams), is a UsageError.
 */

import { checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { chao1 } from './chao1.js';
import { ratio, type MetricValues } from './columns.js';
import { frequencyMetrics } from './frequencyMetrics.js';
import { jsDivergence } from './jsDivergence.js';
import { lexicalDiversity } from './lexicalDiversity.js';
import { overlapMetrics } from './overlapMetrics.js';
import { checkSeedReference, type SeedReference } from './seedReference.js';
import { TrigramSet, trigramMargins, type TextTrigrams } from './ngramProfile.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import { UsageError } from '../errors.js';
import { shownValue } from '../validation/valueRule.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';
import { seedProfile } from './seedPerplexity.js';
import { survivalMetrics } from './survivalMetrics.js';
import { countUnigrams, type UnigramCounts } from './unigramCounts.js';

export interface TextMeasurement {
  readonly values: MetricValues;
  readonly unigrams: UnigramCounts;
}

/**
 * `own` is read in place of the text, so it must be the text's own: a table of history length 2 or a
 * TrigramSet, whose margins are the text's (./ngramProfile.ts `trigramMargins`: each token as often
 * predicted and predicting as it occurs, `</s>` predicted and `<s>` predicting once a sentence). A cheap
 * check, O(entries + idSpace), that catches another text's trigrams (which gave wrong values without a
 * word, and the text's values remembered wrong after: audit) unless that text has the same tokens, as
 * often, in another order.
 */
function checkOwnTrigrams(own: unknown, text: TokenCorpus, unigrams: UnigramCounts, idSpace: number): void {
  const isTable = typeof own === 'object' && own !== null && (own as Partial<TransitionTable>).historyLength === 2 && (own as Partial<TransitionTable>).contextTotal instanceof Int32Array;
  if (!(own instanceof TrigramSet) && !isTable) {
    throw new UsageError(`own must be the text's transition table of history length 2 or a TrigramSet, got ${shownValue(own)}`, "leave it out: the text's n-grams are counted from the text");
  }
  const hint = "pass the text's own table or set, or leave it out";
  const predictions = own instanceof TrigramSet ? own.predictions : summed((own as TransitionTable).contextTotal);
  const expected = text.ids.length + text.offsets.length - 1;
  if (predictions !== expected) throw new UsageError(`own holds ${predictions} predictions, and the text makes ${expected}: they are another text's trigrams`, hint);
  const margins = trigramMargins(own as TextTrigrams, idSpace);
  if (margins === undefined) throw new UsageError(`own holds ids outside the reference's id space (${idSpace}): they are another text's trigrams`, hint);
  const sentences = text.offsets.length - 1;
  for (let id = 0; id < idSpace; id++) {
    const occurs = id === EOS || id === BOS ? sentences : unigrams.counts[id]!;
    const predicted = id === BOS ? 0 : occurs;
    const predicting = id === EOS ? 0 : occurs;
    if (margins.predicted[id] !== predicted || margins.predicting[id] !== predicting) {
      throw new UsageError(`own's trigrams count id ${id} ${margins.predicted[id]} times predicted and ${margins.predicting[id]} times predicting, the text ${predicted} and ${predicting}: they are another text's trigrams`, hint);
    }
  }
}

function summed(values: Int32Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

export function measureText(text: TokenCorpus, reference: SeedReference, own?: TextTrigrams): TextMeasurement {
  checkTokenCorpus('text', text, checkSeedReference('reference', reference).idSpace);
  if (own !== undefined) checkOwnTrigrams(own, text, countUnigrams(text, reference.idSpace), reference.idSpace);
  return measureTrusted(text, reference, own);
}

/**
 * measureText without its checks, for the simulation loop, whose texts it made itself and whose
 * tables it read off those texts (../simulation/series.ts): the same values.
 */
export function measureTrusted(text: TokenCorpus, reference: SeedReference, own?: TextTrigrams): TextMeasurement {
  const idSpace = reference.idSpace;
  const unigrams = countUnigrams(text, idSpace);
  const frequency = frequencyMetrics(unigrams);
  const ngrams = seedProfile(text, reference, own).profile;
  const diversity = lexicalDiversity(text, idSpace);
  const values: MetricValues = {
    tokens: text.ids.length,
    sentences: text.offsets.length - 1,
    ...frequency,
    distinct_1: frequency.ttr,
    distinct_2: ratio(ngrams.distinctBigrams, ngrams.bigrams),
    distinct_3: ratio(ngrams.distinctTrigrams, ngrams.trigrams),
    mattr: diversity.mattr,
    mtld: diversity.mtld,
    ...survivalMetrics(unigrams, reference),
    ...overlapMetrics(text, reference, ngrams),
    js_divergence: jsDivergence(unigrams, reference.unigrams),
    chao1: chao1(unigrams),
  };
  return { values, unigrams };
}
