import { describe, expect, it } from 'vitest';
import { buildSeedReference } from '../../src/metrics/seedReference.js';
import { supportMetrics } from '../../src/metrics/supportMetrics.js';
import type { SmoothingName, VocabMode } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

// H: "a b", "a c", "a a d" -> a 4, b 1, c 1, d 1: 4 seed types, 3 of them rare (count <= 1: b, c, d).
// The model of a later generation is trained on "a b", "a a": it saw a and b only.
const f = fixture(['a b', 'a c', 'a a d']);
// a function, so it is built inside the tests (mutation testing: code run at collection is covered by no test)
const reference = () => buildSeedReference(f.corpus, f.vocabulary.size, 1);
const later = f.more(['a b', 'a a']);

function columns(smoothing: SmoothingName, vocab: VocabMode) {
  const model = trainModel(later, { order: 2, smoothing, k: 0.01, vocab, idSpace: f.vocabulary.size, seedTypes: reference().unigrams.types });
  return supportMetrics(model.support, reference());
}

describe('model-level columns: what the model can still emit', () => {
  it('MLE: the training data\'s types, {a, b}: 2 types, 2/4 of the seed types, 1/3 of the rare ones (b)', () => {
    expect(columns('mle', 'observed')).toEqual({ model_types: 2, model_vocab_retention: 0.5, model_rare_survival: 1 / 3 });
  });

  it('MLE ignores --vocab seed: a maximum-likelihood model gives no mass to what it never saw', () => {
    expect(columns('mle', 'seed')).toEqual({ model_types: 2, model_vocab_retention: 0.5, model_rare_survival: 1 / 3 });
  });

  it('a smoothed model over the observed vocabulary forgets c and d too', () => {
    for (const smoothing of ['add-k', 'witten-bell', 'kneser-ney'] as const) {
      expect(columns(smoothing, 'observed')).toEqual({ model_types: 2, model_vocab_retention: 0.5, model_rare_survival: 1 / 3 });
    }
  });

  it('a smoothed model over the seed vocabulary can emit every type of H: 4 types, 4/4, 3/3', () => {
    for (const smoothing of ['add-k', 'witten-bell', 'kneser-ney'] as const) {
      expect(columns(smoothing, 'seed')).toEqual({ model_types: 4, model_vocab_retention: 1, model_rare_survival: 1 });
    }
  });

  it('counts only seed types: a support {a, b, z} with z outside H has 3 types, 2/4 of the seed types, 1/3 rare', () => {
    const z = f.vocabulary.intern('z');
    const wider = buildSeedReference(f.corpus, f.vocabulary.size, 1); // z is in the id space, not in H
    expect(supportMetrics(Int32Array.from([f.id('a'), f.id('b'), z]), wider)).toEqual({ model_types: 3, model_vocab_retention: 0.5, model_rare_survival: 1 / 3 });
  });

  it('in a run: M0 can emit all of H (row 0 is 1), and an MLE model never regains a type it lost', () => {
    const rows: SeriesRow[] = [];
    const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0], order: [1] } as never;
    simulate(f.corpus, f.vocabulary.size, { ...DEFAULT_RUN, holdout: 0, generations: 6, seed: 3, sweep }, { emit: (row) => rows.push(row) });
    expect(rows[0]!.values).toMatchObject({ model_types: 4, model_vocab_retention: 1, model_rare_survival: 1 });
    const retention = rows.map((row) => row.values.model_vocab_retention!);
    retention.slice(1).forEach((value, g) => expect(value).toBeLessThanOrEqual(retention[g]!));
    // M_g trains on the text row g measured at human ratio 0: its support is that text's types.
    for (const row of rows) expect(row.values.model_types).toBe(row.values.types);
  });
});
