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

  it('names how the corpus is read where it is not the default: tokenizer, sentences, case, JSON Lines field (a bpe:500 and a wordpunct run were named alike: audit)', () => {
    // bpe:K keeps case by default (the page turns lowercasing off as it is chosen): cased is its default,
    // lowercased is not (the name said "cased" of the page's own bpe:500 run: review)
    expect(runFileStem({ ...defaults, tokenizer: 'bpe:500', lowercase: false })).toBe('ngram-collapse-brown-news-tok-bpe-500-order3-ratio0_0.1-replace-seed42');
    expect(runFileStem({ ...defaults, tokenizer: 'bpe:500', lowercase: true })).toBe('ngram-collapse-brown-news-tok-bpe-500-lowercase-order3-ratio0_0.1-replace-seed42');
    expect(runFileStem({ ...defaults, tokenizer: 'char', sentences: 'line', lowercase: false })).toBe('ngram-collapse-brown-news-tok-char-sent-line-cased-order3-ratio0_0.1-replace-seed42');
    expect(runFileStem({ ...defaults, corpus: 'reviews.jsonl', jsonlField: 'body' })).toBe('ngram-collapse-reviews-field-body-order3-ratio0_0.1-replace-seed42');
    expect(runFileStem({ ...defaults, tokenizer: 'whitespace' }, 'subword')).toBe('ngram-collapse-subword-tok-whitespace-seed42');
    // four tokenizers, four names
    expect(new Set(['wordpunct', 'bpe:500', 'char', 'whitespace'].map((tokenizer) => runFileStem({ ...defaults, tokenizer, lowercase: tokenizer !== 'bpe:500' }))).size).toBe(4);
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

  it('names every other setting not at its default, so that runs that differ keep two names (round-2 audit: smoothing and transforms were left out)', () => {
    expect(runFileStem(withValues(defaults, { smoothing: 'kneser-ney', topP: '0.9' }))).toBe('ngram-collapse-brown-news-order3-ratio0_0.1-replace-kneser-ney-topp0.9-seed42');
    expect(runFileStem(withValues(defaults, { temperature: '0.7,1', generations: '20', select: 'tail:0.5' })))
      .toBe('ngram-collapse-brown-news-order3-ratio0_0.1-replace-temp0.7_1-select-tail-0.5-gen20-seed42');
    // a default typed again is a default
    expect(runFileStem(withValues(defaults, { smoothing: 'mle', topK: '0' }))).toBe(runFileStem(defaults));
    // two corpora named in no safe character keep two names
    const [japanese, chinese] = ['日本語.txt', '中文.txt'].map((corpus) => runFileStem({ ...defaults, corpus }));
    expect(japanese).toMatch(/^ngram-collapse-corpus-[0-9a-f]{8}-order3-/u);
    expect(japanese).not.toBe(chinese);
    // every setting changed at once stays within 180 characters, safe, with no trailing dash
    const all = runFileStem(withValues(defaults, { smoothing: 'witten-bell,kneser-ney', temperature: '0.5,0.7,0.9', topK: '5,50', topP: '0.5,0.9', humanPool: 'fixed', anchor: '0.5', vocab: 'seed', select: 'dedup', tokensGrowth: '1.5', generations: '40', replicates: '5', k: '0.5', holdout: '0.2', rareThreshold: '3', maxSentenceLength: '100' }));
    expect(all.length).toBeLessThanOrEqual(180);
    expect(all).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*[A-Za-z0-9]$/u);
  });

  it('keeps the seed, and the corpus, when a long stem is cut; two runs cut alike keep two names (the seed was cut off the end: probe)', () => {
    const long = withValues({ ...defaults, corpus: `${'a-very-long-corpus-file-name-'.repeat(6)}.txt` }, { smoothing: 'witten-bell,kneser-ney', temperature: '0.5,0.7,0.9,1.1,1.3', topK: '5,50,500', topP: '0.5,0.9', humanPool: 'fixed', anchor: '0.5', vocab: 'seed', select: 'dedup', tokensGrowth: '1.5', generations: '40', replicates: '5', k: '0.5', holdout: '0.2', rareThreshold: '3', maxSentenceLength: '100', seed: '1234567' });
    const stem = runFileStem(long);
    expect(stem.length).toBeGreaterThan(150); // (the whole stem is longer than 180: it is cut)
    expect(stem.length).toBeLessThanOrEqual(180);
    expect(stem).toMatch(/^ngram-collapse-a-very-long-corpus-file-name-a-very-long-order3-/u);
    expect(stem).toMatch(/-h[0-9a-f]{8}-seed1234567$/u);
    expect(stem).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*[A-Za-z0-9]$/u);
    // the same settings, the same name; a setting past the cut changed, another name; another seed, another name
    expect(runFileStem(long)).toBe(stem);
    expect(runFileStem(withValues(long, { maxSentenceLength: '99' }))).not.toBe(stem);
    expect(runFileStem(withValues(long, { seed: '7' }))).toMatch(/-seed7$/u);
    // a stem that fits is not tagged
    expect(runFileStem(defaults)).toBe('ngram-collapse-brown-news-order3-ratio0_0.1-replace-seed42');
  });

  it('leaves out a setting left empty (the CLI\'s default)', () => {
    expect(runFileStem(withValues(defaults, { order: '', seed: ' ' }))).toBe('ngram-collapse-brown-news-ratio0_0.1-replace');
  });
});
