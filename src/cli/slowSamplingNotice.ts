/**
 * slowSamplingNotice: a note before a run whose sampling will be slow, with the expected rate, so the
 * user can choose other settings before waiting. Temporary: remove it (and its one call in
 * commands/run.ts) once transformed sampling from smoothed models is fast.
 *
 * Which runs: some cell samples from a smoothed model (add-k, Witten–Bell, Kneser–Ney) with a transform
 * (temperature != 1, top-k > 0 or top-p < 1). Each new history then needs its whole distribution over
 * the vocabulary (sampler/sparseTransform.ts), so the rate falls as the vocabulary grows: about
 * ENTRIES_PER_SECOND / V tokens per second per worker (measured on brown:news, 13k types, Kneser–Ney
 * order 3, temperature 0.8: about 6,000 tokens/s on a loaded 2-core machine; plain sampling runs at
 * hundreds of thousands). Returns undefined when no cell is slow or a generation takes under
 * NOTICE_SECONDS. Pure.
 */

import type { SweepSettings } from '../simulation/settings.js';
import { formatDuration } from './progress.js';

/** Vocabulary entries per second the transformed smoothed sampler gets through (see above). */
export const ENTRIES_PER_SECOND = 8e7;

/** Below this many expected seconds of sampling per generation, nothing is said. */
export const NOTICE_SECONDS = 5;

export interface SlowSamplingRun {
  readonly sweep: SweepSettings;
  /** Types the models may emit (the seed vocabulary). */
  readonly vocabularySize: number;
  /** Tokens sampled per generation (the larger of N and the measured size). */
  readonly tokensPerGeneration: number;
}

export function slowSamplingNotice(run: SlowSamplingRun): string | undefined {
  const { sweep } = run;
  const smoothed = sweep.smoothing.some((name) => name !== 'mle');
  const transformed = sweep.temperature.some((t) => t !== 1) || sweep.topK.some((k) => k > 0) || sweep.topP.some((p) => p < 1);
  if (!smoothed || !transformed) return undefined;
  const rate = ENTRIES_PER_SECOND / Math.max(1, run.vocabularySize);
  const seconds = Math.ceil(run.tokensPerGeneration / rate);
  if (seconds < NOTICE_SECONDS) return undefined;
  return (
    `sampling from a smoothed model with temperature/top-k/top-p builds each history's distribution over all ${run.vocabularySize} types: ` +
    `expect about ${Math.round(rate)} tokens/s per worker, roughly ${formatDuration(seconds)} per generation of ${run.tokensPerGeneration} tokens ` +
    `(--smoothing mle, no transform, or a smaller --tokens run much faster)`
  );
}
