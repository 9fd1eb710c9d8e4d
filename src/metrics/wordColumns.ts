/**
 * Word-level columns of a subword run (the README's "The curves CSV", appended): the words the tokens spell
 * (src/corpus/subword/wordView.ts), against H's words and their counts.
 *
 * - word_types: distinct words of the text;
 * - word_vocab_retention: share of H's word types that occur in the text;
 * - word_rare_survival: share of H's rare word types (count in H <= the rare threshold) that occur;
 * - novel_word_rate: share of the text's words (occurrences) that never occur in H: words the model
 *   invented by stringing pieces together.
 * Contract: pure; `undefined` for a share whose denominator is 0. For word-level tokenizers the
 * columns are empty (the simulation does not call this). Cost: one pass over the text's tokens,
 * building each sentence's words as strings (a few hundred ms per million tokens).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { WordSplitter } from '../corpus/subword/wordView.js';
import { ratio, type MetricValues } from './columns.js';

/** What word metrics need of a run: the tokens' strings, how they spell words, and H's words. */
export interface WordView {
  readonly tokens: readonly string[];
  readonly split: WordSplitter;
  readonly reference: WordReference;
}

export interface WordReference {
  /** H's words and their counts. */
  readonly counts: ReadonlyMap<string, number>;
  readonly rareTypes: number;
  readonly rareThreshold: number;
}

/** Word -> occurrences in `text`. */
export function countWords(text: TokenCorpus, tokens: readonly string[], split: WordSplitter): Map<string, number> {
  const counts = new Map<string, number>();
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, sentences past the last offset have undefined bounds and no words
  for (let s = 0; s + 1 < text.offsets.length; s++) {
    const sentence: string[] = [];
    for (let i = text.offsets[s]!; i < text.offsets[s + 1]!; i++) sentence.push(tokens[text.ids[i]!]!);
    for (const word of split(sentence)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

export function wordReference(human: TokenCorpus, tokens: readonly string[], split: WordSplitter, rareThreshold: number): WordReference {
  const counts = countWords(human, tokens, split);
  let rareTypes = 0;
  for (const count of counts.values()) if (count <= rareThreshold) rareTypes++;
  return { counts, rareTypes, rareThreshold };
}

export function wordColumns(text: TokenCorpus, view: WordView): MetricValues {
  const { counts: seed, rareTypes, rareThreshold } = view.reference;
  const words = countWords(text, view.tokens, view.split);
  let kept = 0;
  let rareKept = 0;
  let occurrences = 0;
  let novel = 0;
  for (const [word, count] of words) {
    occurrences += count;
    const seedCount = seed.get(word);
    if (seedCount === undefined) {
      novel += count;
      continue;
    }
    kept++;
    if (seedCount <= rareThreshold) rareKept++;
  }
  return {
    word_types: words.size,
    word_vocab_retention: ratio(kept, seed.size),
    word_rare_survival: ratio(rareKept, rareTypes),
    novel_word_rate: ratio(novel, occurrences),
  };
}
