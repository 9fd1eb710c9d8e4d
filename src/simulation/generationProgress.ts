/**
 * GenerationProgress: how far one series is through the generation it is computing, as a fraction of
 * the generation's expected work, so a progress bar moves while a long generation runs.
 *
 * Contract: the work of generation g >= 1 is counted in tokens: those to sample (the synthetic share
 * and the measuring top-up, `sample`), those to train on (`train`), those to measure (`measure`);
 * each sampled sentence adds its tokens plus one for `</s>`. `report(generation, fraction)` is called
 * with fraction < 1 at most every 1/STEPS of the expected work (so a worker thread posts a handful of
 * messages per generation, not one per sentence), and with 1 when the generation's row is out
 * (`finish`). Sampling more than expected never reports past the training point. Pure bookkeeping.
 */

import type { RandomSource } from '../random/random.js';
import type { SentenceSampler } from '../sampler/sampling.js';

/** Reports per generation at most, besides its end. */
export const STEPS = 20;

export type ProgressReport = (generation: number, fraction: number) => void;

export interface GenerationWork {
  readonly sample: number;
  readonly train: number;
  readonly measure: number;
}

export class GenerationProgress {
  private done = 0;
  private reported = 0;
  private readonly total: number;

  constructor(
    private readonly generation: number,
    private readonly work: GenerationWork,
    private readonly report: ProgressReport | undefined,
  ) {
    this.total = Math.max(1, work.sample + work.train + work.measure);
  }

  /** `tokens` more sampled (up to the sampling share of the work). */
  sampled(tokens: number): void {
    this.advance(Math.min(this.done + tokens, this.work.sample));
  }

  /** Sampling and training are done: only measuring is left. */
  trained(): void {
    this.advance(this.work.sample + this.work.train);
  }

  /** The generation's row is out. */
  finish(): void {
    this.report?.(this.generation, 1);
  }

  /** The sampler, counting what it draws (one call more per sentence, nothing per token). */
  counting(sampler: SentenceSampler): SentenceSampler {
    if (this.report === undefined) return sampler;
    return {
      sample: (random: RandomSource, maxLength: number, out: Int32Array, at: number): number => {
        const length = sampler.sample(random, maxLength, out, at);
        this.sampled(length + 1);
        return length;
      },
    };
  }

  private advance(done: number): void {
    this.done = done;
    if (this.report === undefined || done - this.reported < this.total / STEPS) return;
    this.reported = done;
    this.report(this.generation, done / this.total);
  }
}
