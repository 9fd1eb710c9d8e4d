import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { buildSeedReference } from '../../src/metrics/seedReference.js';
import { ExtinctionTracker } from '../../src/simulation/extinctionTracker.js';

describe('ExtinctionTracker', () => {
  it('records last seen, first absent and comebacks per seed type', () => {
    // H: ids 2 (x2), 3, 4. Generation texts: g1 {2, 3}, g2 {2}, g3 {2, 3, 5}.
    const human = corpusFromSentences([[2, 3], [2, 4]]);
    const tracker = new ExtinctionTracker(buildSeedReference(human, 6, 1));
    tracker.observe(1, corpusFromSentences([[2, 3]]));
    tracker.observe(2, corpusFromSentences([[2]]));
    tracker.observe(3, corpusFromSentences([[2, 3, 5]]));
    const table = tracker.result();
    expect([...table.types]).toEqual([2, 3, 4]);
    expect([...table.seedCounts]).toEqual([2, 1, 1]);
    expect([...table.lastSeen]).toEqual([3, 3, 0]);
    expect([...table.firstAbsent]).toEqual([-1, 2, 1]);
    expect([...table.comebacks]).toEqual([0, 1, 0]);
  });

  it('keeps its own table: the reference, shared by every series of a run, is never written', () => {
    const reference = buildSeedReference(corpusFromSentences([[2, 3]]), 4, 1);
    const tracker = new ExtinctionTracker(reference);
    tracker.result().types[0] = 3;
    expect([...reference.unigrams.types]).toEqual([2, 3]);
  });
});
