import { describe, expect, it } from 'vitest';
import { ENTRIES_PER_SECOND, slowSamplingNotice } from '../../src/cli/slowSamplingNotice.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';
import { cli } from '../helpers/cli.js';

const sweep = (changes: Partial<Record<keyof typeof DEFAULT_RUN.sweep, readonly unknown[]>>) => ({ ...DEFAULT_RUN.sweep, ...changes }) as typeof DEFAULT_RUN.sweep;

describe('slowSamplingNotice', () => {
  it('names the rate and the time per generation for a smoothed model with a transform', () => {
    // 16,000 types: 8e7 / 16000 = 5000 tokens/s; 100,000 tokens -> 20 s per generation
    expect(ENTRIES_PER_SECOND).toBe(8e7);
    const notice = slowSamplingNotice({ sweep: sweep({ smoothing: ['kneser-ney'], temperature: [0.8] }), vocabularySize: 16_000, tokensPerGeneration: 100_000 });
    expect(notice).toBe("sampling from a smoothed model with temperature/top-k/top-p builds each history's distribution over all 16000 types: expect about 5000 tokens/s per worker, roughly 20s per generation of 100000 tokens (--smoothing mle, no transform, or a smaller --tokens run much faster)");
    for (const transform of [{ topK: [5] }, { topP: [0.9] }]) {
      expect(slowSamplingNotice({ sweep: sweep({ smoothing: ['add-k'], ...transform }), vocabularySize: 16_000, tokensPerGeneration: 100_000 })).toContain('5000 tokens/s');
    }
  });

  it('says nothing for MLE, for no transform, or when a generation takes under 5 s', () => {
    expect(slowSamplingNotice({ sweep: sweep({ temperature: [0.8] }), vocabularySize: 16_000, tokensPerGeneration: 100_000 })).toBeUndefined();
    expect(slowSamplingNotice({ sweep: sweep({ smoothing: ['kneser-ney'] }), vocabularySize: 16_000, tokensPerGeneration: 100_000 })).toBeUndefined();
    // 1000 types: 80,000 tokens/s; 100,000 tokens -> 2 s
    expect(slowSamplingNotice({ sweep: sweep({ smoothing: ['kneser-ney'], temperature: [0.8] }), vocabularySize: 1000, tokensPerGeneration: 100_000 })).toBeUndefined();
  });

  it('is printed by run before the series start (and not with --quiet)', async () => {
    // 20,000 distinct words in 2,000 sentences: V = 20000 -> 4000 tokens/s; N = 20000 -> 5 s per generation.
    // (At order 1 there is one history, so the run itself stays quick: the estimate is the worst case.)
    const corpus = Array.from({ length: 2000 }, (_, s) => Array.from({ length: 10 }, (_, i) => `w${s * 10 + i}`).join(' ')).join('\n');
    const args = ['run', '--corpus', '-', '--sentences', 'line', '--tokenizer', 'whitespace', '--order', '1', '--smoothing', 'kneser-ney', '--temperature', '0.8', '--human-ratio', '0', '--generations', '1', '--holdout', '0', '--out', '-'];
    const loud = await cli(args, { stdin: corpus });
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain('ngram-collapse: note: sampling from a smoothed model with temperature/top-k/top-p builds each history\'s distribution over all 20000 types: expect about 4000 tokens/s per worker, roughly 5s per generation of 20000 tokens');
    const quiet = await cli([...args, '--quiet'], { stdin: corpus });
    expect(quiet.stderr).toBe('');
  });
});
