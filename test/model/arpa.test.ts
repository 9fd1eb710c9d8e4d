import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import { arpaLines, readArpa } from '../../src/model/arpa.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { LanguageModel, ModelOptions, Trainer } from '../../src/model/languageModel.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
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

  it('refuses add-k, which is not a back-off model', () => {
    expect(() => [...arpaLines(trainAddK(TINY, options('add-k', 2)), tokenOf)]).toThrow(/back-off/);
  });

  const trainers: Array<[string, Trainer]> = [
    ['kneser-ney', trainKneserNey],
    ['witten-bell', trainWittenBell],
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
          const arpa = readArpa([...arpaLines(model, tokenOf)].join('\n'));
          const history = Int32Array.from([0, ...tail]);
          for (let w = 1; w < 9; w++) {
            const p = model.probability(history, 0, history.length, w);
            const fromArpa = arpa.log10Probability(Array.from(history, tokenOf), tokenOf(w));
            if (p === 0) expect(fromArpa).toBe(Number.NEGATIVE_INFINITY);
            else expect(Math.abs(fromArpa - Math.log10(p))).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
