import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import { ARPA_LOG_ZERO, arpaLines, readArpa } from '../../src/model/arpa.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { LanguageModel, ModelOptions, Trainer } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { buildNgramTrie } from '../../src/counts/ngramTrie.js';
import { TINY, options } from './fixtures.js';

const NAMES = ['<s>', '</s>', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
const tokenOf = (id: number) => NAMES[id]!;

describe('ARPA writer', () => {
  it('writes the header, <s> at -99, folded probabilities and back-off weights', () => {
    // KN order 2 on TINY (see kneserNey.test.ts): P(a) = 5/24, gamma(root) = 1/2;
    // history <s>: gamma 1/2, P(a|<s>) = 21/48; P(b|<s>) = 15/48
    const lines = [...arpaLines(trainKneserNey(TINY, options('kneser-ney', 2)), tokenOf)];
    expect(lines.slice(0, 3)).toEqual(['\\data\\', 'ngram 1=5', 'ngram 2=6']);
    expect(lines).toContain(`-99\t<s>\t${Math.log10(1 / 2).toFixed(7)}`);
    expect(lines).toContain(`${Math.log10(5 / 24).toFixed(7)}\ta\t${Math.log10(1 / 2).toFixed(7)}`);
    expect(lines).toContain(`${Math.log10(21 / 48).toFixed(7)}\t<s> a`);
    expect(lines.at(-1)).toBe('\\end\\');
  });

  it('MLE: every probability from the counts, <s> at -99, and back-off weight log10(0) = -99 where the listed n-grams hold all the mass', () => {
    // MLE order 2 on TINY (fixtures.ts): P(</s>) = 3/8, P(a) = P(b) = 2/8, P(c) = 1/8; P(a|<s>) = 2/3,
    // P(b|<s>) = 1/3, P(b|a) = P(c|a) = 1/2, P(</s>|b) = P(</s>|c) = 1. Every seen history lists all of
    // its mass, so nothing is left to back off to: bow = log10(0), written -99 (KenLM's log zero);
    // </s> is never a history, so it has no back-off weight.
    const log = (p: number) => Math.log10(p).toFixed(7);
    const lines = [...arpaLines(trainModel(TINY, options('mle', 2)), tokenOf, buildNgramTrie(TINY, 2, 5))];
    expect(lines).toEqual([
      '\\data\\', 'ngram 1=5', 'ngram 2=6', '',
      '\\1-grams:', '-99\t<s>\t-99', `${log(3 / 8)}\t</s>`, `${log(2 / 8)}\ta\t-99`, `${log(2 / 8)}\tb\t-99`, `${log(1 / 8)}\tc\t-99`, '',
      '\\2-grams:', `${log(2 / 3)}\t<s> a`, `${log(1 / 3)}\t<s> b`, `${log(1 / 2)}\ta b`, `${log(1 / 2)}\ta c`, `${log(1)}\tb </s>`, `${log(1)}\tc </s>`, '',
      '\\end\\',
    ]);
  });

  it('refuses add-k, which is not a back-off model', () => {
    expect(() => [...arpaLines(trainAddK(TINY, options('add-k', 2)), tokenOf)]).toThrow(/back-off/);
  });

  const trainers: Array<[string, Trainer]> = [
    ['kneser-ney', trainKneserNey],
    ['witten-bell', trainWittenBell],
    // MLE needs the counts passed in (it keeps no trie); ARPA's back-off semantics must give 0 (-inf)
    // wherever the MLE model has no n-gram, as KenLM's query would
    ['mle', (corpus, opts) => trainModel(corpus, { ...opts, smoothing: 'mle' })],
  ];
  it.each(trainers)('%s: reading the file back gives the model probabilities (back-off semantics)', (name, train) => {
    const sentence = fc.array(fc.integer({ min: 2, max: 7 }), { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 0, maxLength: 5 }),
        (sentences, order, seed, tail) => {
          const opts: ModelOptions = {
            order,
            smoothing: name as ModelOptions['smoothing'],
            k: 1,
            vocab: seed ? 'seed' : 'observed',
            idSpace: 9,
            seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7]),
          };
          const model: LanguageModel = train(corpusFromSentences(sentences), opts);
          const arpa = readArpa([...arpaLines(model, tokenOf, name === 'mle' ? buildNgramTrie(corpusFromSentences(sentences), order, 9) : undefined)].join('\n'));
          const history = Int32Array.from([0, ...tail]);
          for (let w = 1; w < 9; w++) {
            const p = model.probability(history, 0, history.length, w);
            const fromArpa = arpa.log10Probability(Array.from(history, tokenOf), tokenOf(w));
            // KenLM's convention: log10(0) is written -99, and a sum with it stays at or below -99
            if (p === 0) expect(fromArpa).toBeLessThanOrEqual(ARPA_LOG_ZERO);
            else expect(Math.abs(fromArpa - Math.log10(p))).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
