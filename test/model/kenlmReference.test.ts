/**
 * Kneser-Ney against KenLM, without KenLM: test/fixtures/kenlm/ holds an ARPA file that KenLM's lmplz
 * estimated (see README.md there for the commands and the numbers measured); our model must give the same
 * probabilities and back-off weights. The only intended difference is KenLM's <unk>, which takes one share
 * of the uniform distribution at the bottom of the interpolation (1/513 there, 1/512 here), so values agree
 * to within log10(513/512) = 8.5e-4 rather than to float precision.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { arpaLines } from '../../src/model/arpa.js';
import { readArpa } from '../../src/model/readArpa.js';
import { evaluateModel } from '../../src/model/evaluate.js';
import { InterpolatedModel } from '../../src/model/interpolated.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';

const folder = new URL('../fixtures/kenlm/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

function load(text: string, vocabulary: Vocabulary) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return corpusFromSentences(lines.map((line) => line.trim().split(/\s+/).map((token) => vocabulary.intern(token))));
}

/** Our model of the 40 training sentences and KenLM's ARPA file; built inside each test (a fixture built in the describe body would make the mutants it reaches static). */
function reference() {
  const vocabulary = new Vocabulary();
  const train = load(read('brown-news-train40.txt'), vocabulary);
  const idSpace = vocabulary.size;
  const model = trainKneserNey(train, { order: 3, smoothing: 'kneser-ney', k: 0, vocab: 'observed', idSpace }) as InterpolatedModel;
  const kenlm = readArpa(read('brown-news-train40.lmplz-o3.arpa'));
  return { vocabulary, model, kenlm };
}

describe('Kneser-Ney matches KenLM lmplz -o 3 --discount_fallback on 40 Brown news sentences', () => {
  it('lists the same n-grams (KenLM adds <unk>)', () => {
    const { vocabulary, model, kenlm } = reference();
    expect(kenlm.counts).toEqual([513 + 1, 859, 916]);
    const ours = readArpa([...arpaLines(model, (id) => vocabulary.token(id))].join('\n'));
    expect(ours.counts).toEqual([513, 859, 916]);
    for (const key of ours.entries.keys()) expect(kenlm.entries.has(key)).toBe(true);
  });

  it('gives every listed n-gram the probability and back-off weight lmplz gives it', () => {
    const { vocabulary, model, kenlm } = reference();
    expect(model.discountFallback).toBe(true); // lmplz printed "Substituting fallback discounts for order 2" (trigrams)
    let worst = 0;
    for (const [key, entry] of kenlm.entries) {
      const words = key.split(' ');
      if (words.includes('<unk>') || key === '<s>') continue;
      const ids = Int32Array.from(words, (word) => vocabulary.lookup(word));
      const p = model.probability(ids, 0, ids.length - 1, ids[ids.length - 1]!);
      worst = Math.max(worst, Math.abs(Math.log10(p) - entry.p));
      const node = model.historyNode(ids, 0, ids.length);
      if (words.length < 3 && entry.bow !== 0) worst = Math.max(worst, Math.abs(Math.log10(model.backoffWeight(node)) - entry.bow));
    }
    expect(worst).toBeLessThan(1e-3); // log10(513/512) = 8.5e-4 bounds the <unk> effect
  });

  it('reproduces the held-out perplexity KenLM query reported (81.05990075109796, OOVs excluded)', () => {
    const { vocabulary, model } = reference();
    const heldout = load(read('brown-news-heldout20.txt'), Vocabulary.fromArray(vocabulary.toArray()));
    const result = evaluateModel(model, heldout);
    expect(result.oov).toBe(214);
    expect(result.tokens + result.sentences).toBe(480); // KenLM's "Tokens: 480" counts </s>
    expect(Math.abs(result.perplexity / 81.05990075109796 - 1)).toBeLessThan(1e-3);
    // KenLM query on the ARPA file we write reported 81.01961734885842 (README.md): our own value to 1e-6
    expect(Math.abs(result.perplexity / 81.01961734885842 - 1)).toBeLessThan(1e-6);
  });
});
