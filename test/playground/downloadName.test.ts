import { describe, expect, it } from 'vitest';
import { downloadName, runFileStem } from '../../src/playground/downloadName.js';
import { defaultPageSettings, type PageSettings } from '../../src/playground/pageConfig.js';

const SAFE = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/u;

function withValues(state: PageSettings, values: Partial<PageSettings['values']>): PageSettings {
  return { ...state, values: { ...state.values, ...values } };
}

describe('a download\'s name', () => {
  const defaults = defaultPageSettings('brown:news');

  it('names a run by its corpus, order, human ratio, strategy and seed', () => {
    // defaults: order 3, ratios 0,0.1, replace, seed 42
    expect(downloadName(runFileStem(defaults), 'curves.csv')).toBe('ngram-collapse-brown-news-order3-ratio0_0.1-replace-seed42-curves.csv');
    expect(downloadName(runFileStem(withValues(defaults, { order: '2', seed: '1', strategy: 'replace,accumulate' })), 'config.json'))
      .toBe('ngram-collapse-brown-news-order2-ratio0_0.1-replace_accumulate-seed1-config.json');
  });

  it('names a recipe by its name and seed', () => {
    expect(downloadName(runFileStem(withValues(defaults, { seed: '1' }), 'human-ratio'), 'curves.csv')).toBe('ngram-collapse-human-ratio-seed1-curves.csv');
    expect(downloadName(runFileStem(defaults, 'drift'), 'rare_survival.svg')).toBe('ngram-collapse-drift-seed42-rare_survival.svg');
  });

  it('names a corpus file by its own name, without folder or extension, in safe characters only', () => {
    expect(runFileStem({ ...defaults, corpus: 'corpora/Mes essais (été v2).jsonl' })).toMatch(/^ngram-collapse-Mes-essais-ete-v2-order3-/u);
    expect(runFileStem({ ...defaults, corpus: 'pasted.txt' })).toMatch(/^ngram-collapse-pasted-order3-/u);
    expect(runFileStem({ ...defaults, corpus: '.hidden.txt' })).toMatch(/^ngram-collapse-hidden-order3-/u);
    for (const corpus of ['a/b\\c:d.txt', '..', '"; rm -rf /', 'x'.repeat(300)]) expect(downloadName(runFileStem({ ...defaults, corpus }), 'summary.csv')).toMatch(SAFE);
  });

  it('leaves out a setting left empty (the CLI\'s default)', () => {
    expect(runFileStem(withValues(defaults, { order: '', seed: ' ' }))).toBe('ngram-collapse-brown-news-ratio0_0.1-replace');
  });
});
