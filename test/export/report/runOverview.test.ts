import { describe, expect, it } from 'vitest';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { lastGenerationTable, provenanceFacts } from '../../../src/export/report/runOverview.js';
import { makeRunRecord, commandLine } from '../../../src/export/runRecord.js';
import { DEFAULT_RUN } from '../../../src/simulation/settings.js';
import { fixture } from './fixtures.js';

describe('the report overview', () => {
  it('gives each cell\'s last generation as mean [95% interval] across replicates', async () => {
    const { rows } = await readCurves(fixture('curves.csv'));
    const table = lastGenerationTable(rows);
    // the fixture has no model_* columns (written before they existed): they are left out
    expect(table.head).toEqual(['cell', 'generation', 'replicates', 'vocab_retention', 'rare_survival', 'entropy_bits', 'distinct_2', 'heldout_perplexity']);
    // c1 at generation 3: vocab_retention 0.5, 0.45, 0.55: mean 0.5, sd 0.05,
    // t(0.975, 2) = 4.302653 -> half-width 4.302653 * 0.05 / sqrt(3) = 0.124207 -> [0.3758, 0.6242]
    expect(table.body[0]!.slice(0, 4)).toEqual(['strategy=replace/human_ratio=0', '3', '3', '0.5000 [0.3758, 0.6242]']);
  });

  it('shows one replicate\'s value without an interval, and – where a metric has no value', () => {
    const table = lastGenerationTable([
      { cell: 'a', replicate: 1, generation: 0, vocab_retention: 1, rare_survival: undefined },
      { cell: 'a', replicate: 1, generation: 2, vocab_retention: 0.25, rare_survival: undefined },
    ]);
    expect(table.head).toEqual(['cell', 'generation', 'replicates', 'vocab_retention']);
    expect(table.body).toEqual([['a', '2', '1', '0.2500']]);
  });

  it('says where a run came from: command, corpus and digest, sizes of H and E, N, seed, settings, version', () => {
    const record = makeRunRecord(
      { version: '9.9.9', load: { tokenizer: 'wordpunct', lowercase: true, sentences: 'line', jsonlField: null }, corpusDigest: 'ab'.repeat(32), settings: { ...DEFAULT_RUN, seed: 11 }, extinctions: false },
      '1/1',
      ['my corpus.txt'],
      { command: commandLine('ngram-collapse', ['run', '--corpus', 'my corpus.txt', '--seed', '11']), human: { sentences: 90, tokens: 900, types: 120 }, heldout: { sentences: 10, tokens: 95 }, batchTokens: 900, measureTokens: 900, heldout_overlap: 0.1 },
    );
    const facts = Object.fromEntries(provenanceFacts(record));
    expect(facts['command']).toBe("ngram-collapse run --corpus 'my corpus.txt' --seed 11");
    expect(facts['corpus']).toBe('my corpus.txt (sha256 abababababababab…; tokenizer wordpunct, lowercase true, sentences line)');
    expect(facts['human pool H']).toBe('90 sentences, 900 tokens, 120 types');
    expect(facts['held-out set E']).toBe('10 sentences, 95 tokens; 10.0% of its sentences occur verbatim in H');
    // (generation 0's rows measure H: "each row measures 900" was false of them: audit)
    expect(facts['tokens per generation N']).toBe("900; each row from generation 1 on measures 900 tokens (generation 0's, H: 900)");
    expect(facts['seed']).toBe('11');
    expect(facts['cell settings']).toContain('humanRatio 0,0.1');
    expect(facts['version']).toBe('ngram-collapse 9.9.9');
  });
});
