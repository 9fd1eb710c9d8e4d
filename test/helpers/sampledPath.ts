/**
 * Shared by the tests of reading a table off a sample path (test/counts/sampledTable.test.ts,
 * test/model/trainOnSampledPath.test.ts): a small random corpus, and a text sampled with its path.
 */

import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import type { TransitionTable } from '../../src/counts/transitionTable.js';
import { randomFor } from '../../src/random/random.js';
import { createPathSampler } from '../../src/sampler/tableSampler.js';
import { syntheticText } from '../../src/simulation/syntheticText.js';

/** A random corpus of `sentences` sentences over ids 2 .. 2 + types, lengths 0 .. 7. */
export function randomCorpus(seed: string, sentences: number, types: number): TokenCorpus {
  const random = randomFor([seed]);
  const ids: number[] = [];
  const offsets = [0];
  for (let s = 0; s < sentences; s++) {
    const length = Math.floor(random() * 8);
    for (let i = 0; i < length; i++) ids.push(2 + Math.floor(random() * random() * types));
    offsets.push(ids.length);
  }
  return { ids: Int32Array.from(ids), offsets: Int32Array.from(offsets) };
}

export function sampleWithPath(table: TransitionTable, tokens: number, maxLength: number, seed: string): { text: TokenCorpus; path: Int32Array } {
  const sampler = createPathSampler(table)!;
  const { text } = syntheticText(sampler, tokens, maxLength, randomFor([seed]));
  return { text, path: sampler.path() };
}

