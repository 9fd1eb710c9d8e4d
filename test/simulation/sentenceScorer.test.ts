import { describe, expect, it } from 'vitest';
import { trainModel } from '../../src/model/train.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { SentenceScorer } from '../../src/simulation/sentenceScorer.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

describe('SentenceScorer', () => {
  it('scores H at the start, then each text, handing each row its values once', () => {
    // H = "a a", "b" (no held-out share). Order-1 MLE over a 2, b 1, </s> 2 (5 events):
    // "a a" = a, a, </s>: (0.4^3)^(-1/3) = 2.5; "b" = b, </s>: (0.2 x 0.4)^(-1/2) = 3.536
    // (the floor, eps / (seed types + 1) with eps = 1e-4, moves these by < 2e-3)
    const f = fixture(['a a', 'b']);
    const run = prepareRun(f.corpus, f.vocabulary.size, { ...DEFAULT_RUN, holdout: 0 });
    const model0 = trainModel(run.human, { order: 1, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: run.idSpace });
    const scorer = new SentenceScorer(run);
    scorer.start(model0);
    const h = scorer.take()!;
    expect(h).toHaveLength(2);
    expect(h[0]).toBeCloseTo(2.5, 3);
    expect(h[1]).toBeCloseTo(Math.sqrt(1 / 0.08), 2);
    expect(scorer.take()).toBeUndefined();
    scorer.score(f.more(['b', 'b', 'a a']));
    const text = scorer.take()!;
    expect(text).toHaveLength(3);
    [Math.sqrt(1 / 0.08), Math.sqrt(1 / 0.08), 2.5].forEach((value, s) => expect(text[s]).toBeCloseTo(value, 2));
    expect(scorer.take()).toBeUndefined();
  });
});
