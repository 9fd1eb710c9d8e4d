/**
 * Overlap of a text with the human pool H: novel_3gram_rate and copy_rate.
 *
 * - novel_3gram_rate: (trigram occurrences of the text, within sentences, that never occur in H) /
 *   (trigram occurrences of the text); undefined without trigrams.
 * - copy_rate: (sentences of the text that occur verbatim in H) / sentences; undefined for no sentences.
 * O(tokens) expected. The trigram count can be handed in from an NgramProfile already computed
 * against the same reference (measureText does), so the text is not read twice.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { ratio, type MetricValues } from './columns.js';
import { ngramProfile, type NgramProfile } from './ngramProfile.js';
import type { SeedReference } from './seedReference.js';

export function overlapMetrics(corpus: TokenCorpus, reference: SeedReference, profile?: NgramProfile): MetricValues {
  const { trigrams, novelTrigrams: novel } = profile ?? ngramProfile(corpus, reference.idSpace, reference.trigrams);
  const sentences = corpus.offsets.length - 1;
  let copies = 0;
  // Stryker disable next-line EqualityOperator: equivalent, a sentence past the last offset has undefined bounds and is never in the set
  for (let s = 0; s < sentences; s++) if (reference.sentences.has(corpus, s)) copies++;
  return { novel_3gram_rate: ratio(novel, trigrams), copy_rate: ratio(copies, sentences) };
}
