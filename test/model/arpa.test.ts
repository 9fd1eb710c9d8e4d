import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import { ARPA_LOG_ZERO, arpaLines } from '../../src/model/arpa.js';
import { readArpa } from '../../src/model/readArpa.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { LanguageModel, ModelOptions, Trainer } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { UsageError } from '../../src/errors.js';
import { A, B, C, TINY, options } from './fixtures.js';

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
    const lines = [...arpaLines(trainModel(TINY, options('mle', 2)), tokenOf, TINY)];
    expect(lines).toEqual([
      '\\data\\', 'ngram 1=5', 'ngram 2=6', '',
      '\\1-grams:', '-99\t<s>\t-99', `${log(3 / 8)}\t</s>`, `${log(2 / 8)}\ta\t-99`, `${log(2 / 8)}\tb\t-99`, `${log(1 / 8)}\tc\t-99`, '',
      '\\2-grams:', `${log(2 / 3)}\t<s> a`, `${log(1 / 3)}\t<s> b`, `${log(1 / 2)}\ta b`, `${log(1 / 2)}\ta c`, `${log(1)}\tb </s>`, `${log(1)}\tc </s>`, '',
      '\\end\\',
    ]);
  });

  it('refuses add-k, which is not a back-off model, and a model without its counts', () => {
    expect(() => [...arpaLines(trainAddK(TINY, options('add-k', 2)), tokenOf)]).toThrow(
      new UsageError('add-k is not a back-off model, so it has no exact ARPA form', "train the model with smoothing 'kneser-ney', 'witten-bell' or 'mle' for an ARPA file"),
    );
    const refusal = (() => {
      try {
        [...arpaLines(trainModel(TINY, options('mle', 2)), tokenOf)];
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(UsageError);
    expect([(refusal as UsageError).message, (refusal as UsageError).hint]).toEqual([
      'writing a model without its counts as ARPA needs the corpus it was trained on (an MLE model keeps its order-n counts alone)',
      'pass the corpus the model was trained on: arpaLines(model, tokenOf, corpus)',
    ]);
  });

  it('checks when called, not at the first line read (a caller that opened its file first wrote an empty one: audit): the model, tokenOf, and each token it spells', () => {
    const kn = trainKneserNey(TINY, options('kneser-ney', 2));
    // no line is read: the refusals come from the call itself
    expect(() => arpaLines(trainAddK(TINY, options('add-k', 2)), tokenOf)).toThrow('add-k is not a back-off model');
    expect(() => arpaLines(trainModel(TINY, options('mle', 2)), tokenOf)).toThrow('writing a model without its counts as ARPA needs the corpus');
    expect(() => arpaLines({} as never, tokenOf)).toThrow(new UsageError('arpaLines needs a language model (order, support, probability), got {}', 'train one with trainModel(corpus, options)'));
    expect(() => arpaLines(kn, null as never)).toThrow(new UsageError('tokenOf must be a function from an id to its token, got null', 'e.g. (id) => vocabulary.token(id)'));
    // TINY's support is a, b, c (ids 2, 3, 4): a token ARPA cannot hold, or two alike, is refused
    const spelled = (a: unknown, b = 'b') => (id: number) => (id === 2 ? a : id === 3 ? b : tokenOf(id)) as string;
    expect(() => arpaLines(kn, spelled('a b'))).toThrow("tokenOf(2) is 'a b', which holds white space: an ARPA file could not tell its n-grams apart");
    expect(() => arpaLines(kn, spelled(''))).toThrow("tokenOf(2) is '', no text");
    expect(() => arpaLines(kn, spelled(undefined))).toThrow('tokenOf(2) is undefined, no text');
    expect(() => arpaLines(kn, spelled(5))).toThrow("tokenOf(2) is the number '5', no text"); // (it read '5', as if text: round 2)
    expect(() => arpaLines(kn, spelled('</s>'))).toThrow("tokenOf(2) is '</s>', a sentence marker");
    expect(() => arpaLines(kn, spelled('a', 'a'))).toThrow("tokenOf gives ids 2 and 3 the same token, 'a': an ARPA file could not tell them apart");
    expect([...arpaLines(kn, spelled('A'))]).toContain(`${Math.log10(5 / 24).toFixed(7)}\tA\t${Math.log10(1 / 2).toFixed(7)}`);
  });

  it('writes an MLE model from the corpus it was trained on, and refuses another (the NgramTrie it took was not exported: audit)', () => {
    const model = trainModel(TINY, options('mle', 2));
    // TINY = a b / a c / b; a copy of it is the same text
    const copy = corpusFromSentences([[A, B], [A, C], [B]]);
    expect([...arpaLines(model, tokenOf, copy)]).toEqual([...arpaLines(model, tokenOf, TINY)]);
    // the same sentences in another order, at every order: the same model, the same file (refused: round 2)
    const sentences = [[A, B], [A, C], [], [C, B, A, B]];
    for (const order of [1, 2, 3]) {
      const trained = trainModel(corpusFromSentences(sentences), options('mle', order));
      expect([...arpaLines(trained, tokenOf, corpusFromSentences([...sentences].reverse()))]).toEqual([...arpaLines(trained, tokenOf, corpusFromSentences(sentences))]);
    }
    // another text, one sentence fewer: its counts are not the model's
    expect(() => [...arpaLines(model, tokenOf, corpusFromSentences([[A, B], [A, C]]))]).toThrow("the corpus is not the one the model was trained on: its counts differ from the model's");
    // the same tokens as often, in another order (b a / a c / b): other bigrams
    expect(() => [...arpaLines(model, tokenOf, corpusFromSentences([[B, A], [A, C], [B]]))]).toThrow('the corpus is not the one the model was trained on');
    expect(() => [...arpaLines(model, tokenOf, { ids: [2] } as never)]).toThrow(UsageError);
  });

  it('writes gamma(h) as the back-off weight even where h is followed by every word', () => {
    // KN order 2 on "a a", "a b", "b": V = {a, b, </s>}, and a is followed by a, b and </s> (once each).
    // Bigram counts 2, 1, 1, 1, 1, 2: n3 = 0, so D1 = 0.5: gamma(a) = 3 * 0.5 / 3 = 1/2. (Converting from the
    // probabilities instead would divide 1 - sum P(w | a) by 1 - sum P(w) = 0 over the listed words.)
    const model = trainKneserNey(corpusFromSentences([[2, 2], [2, 3], [3]]), options('kneser-ney', 2));
    const unigramA = [...arpaLines(model, tokenOf)].find((text) => text.split('\t')[1] === 'a');
    expect(unigramA?.split('\t').slice(1)).toEqual(['a', Math.log10(1 / 2).toFixed(7)]);
  });

  it('converts the back-off weights of any other back-off model from its probabilities (SRILM computeBOW)', () => {
    // A hand-made back-off model over TINY's bigrams: P(w) = </s> 0.5, a 0.25, b 0.15, c 0.1; listed
    // P(a|<s>) = 0.5, P(b|<s>) = 0.3, P(b|a) = 0.6, P(c|a) = 0.3, P(</s>|b) = 0.9999999, P(</s>|c) = 1;
    // otherwise bow(h) P(w) with bow(h) = (1 - listed mass after h) / (1 - P of those words):
    //   bow(<s>) = 0.2 / 0.6 = 1/3, bow(a) = 0.1 / 0.75 = 2/15, bow(b) = 1e-7 / 0.5 = 2e-7, bow(c) = 0 (-99).
    // log10(0.9999999) = -4.3e-8 is written 0.0000000, not -0.0000000.
    const unigram = [0, 0.5, 0.25, 0.15, 0.1];
    const listed = new Map([['0 2', 0.5], ['0 3', 0.3], ['2 3', 0.6], ['2 4', 0.3], ['3 1', 0.9999999], ['4 1', 1]]);
    const bow = [1 / 3, 1, 2 / 15, 2e-7, 0];
    const model: LanguageModel = {
      order: 2,
      smoothing: 'mle',
      support: Int32Array.of(2, 3, 4),
      idSpace: 5,
      discountFallback: false,
      probability: (history, start, end, w) => {
        if (end === start) return unigram[w]!;
        const h = history[end - 1]!;
        return listed.get(`${h} ${w}`) ?? bow[h]! * unigram[w]!;
      },
    };
    const log = (p: number) => Math.log10(p).toFixed(7);
    expect([...arpaLines(model, tokenOf, TINY)]).toEqual([
      '\\data\\', 'ngram 1=5', 'ngram 2=6', '',
      '\\1-grams:', '-99\t<s>\t-0.4771213', `${log(0.5)}\t</s>`, `${log(0.25)}\ta\t-0.8750613`, `${log(0.15)}\tb\t-6.6989700`, `${log(0.1)}\tc\t-99`, '',
      '\\2-grams:', `${log(0.5)}\t<s> a`, `${log(0.3)}\t<s> b`, `${log(0.6)}\ta b`, `${log(0.3)}\ta c`, '0.0000000\tb </s>', '0.0000000\tc </s>', '',
      '\\end\\',
    ]);
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
          const arpa = readArpa([...arpaLines(model, tokenOf, name === 'mle' ? corpusFromSentences(sentences) : undefined)].join('\n'));
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

/** The UsageError readArpa throws for these lines, or undefined when it reads them. */
function arpaRefusal(lines: readonly string[]): UsageError | undefined {
  try {
    readArpa(lines.join('\n'));
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  return undefined;
}

describe('ARPA reader', () => {
  it('reads CRLF lines, surrounding blanks and words split by several spaces, and backs off as ARPA says', () => {
    const text = [
      '\\data\\', 'ngram 1=4', 'ngram 2=2  ', '',
      '\\1-grams:', '-99\t<s>\t-0.3', '-0.6\t</s>', '  -0.4\t a \t-0.2  ', '-0.5\tb', '',
      '  \\2-grams:', '-0.1\t<s>   a', '-0.25\ta b', '', '\\end\\', '',
    ].join('\r\n');
    const arpa = readArpa(text);
    expect(arpa.order).toBe(2);
    expect(arpa.counts).toEqual([4, 2]);
    expect([...arpa.entries.keys()]).toEqual(['<s>', '</s>', 'a', 'b', '<s> a', 'a b']);
    expect(arpa.entries.get('a')).toEqual({ p: -0.4, bow: -0.2 });
    expect(arpa.entries.get('b')).toEqual({ p: -0.5, bow: 0 });
    expect(arpa.log10Probability(['<s>', 'a'], 'b')).toBe(-0.25); // listed
    expect(arpa.log10Probability(['<s>', 'a'], '</s>')).toBeCloseTo(-0.2 + -0.6, 12); // bow(a) P(</s>)
    expect(arpa.log10Probability(['<s>'], 'b')).toBeCloseTo(-0.3 + -0.5, 12); // bow(<s>) P(b)
    expect(arpa.log10Probability(['b'], 'a')).toBe(-0.4); // b has no bow: 0
    expect(arpa.log10Probability(['a'], 'z')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('reads orders of two digits', () => {
    const words = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const header = Array.from({ length: 10 }, (_, i) => `ngram ${i + 1}=${i === 9 ? 1 : 0}`);
    const arpa = readArpa(['\\data\\', ...header, '\\10-grams:', `-0.5\t${words.join(' ')}`, '\\end\\'].join('\n'));
    expect(arpa.order).toBe(10);
    expect(arpa.counts[9]).toBe(1);
    expect(arpa.entries.get(words.join(' '))).toEqual({ p: -0.5, bow: 0 });
  });

  it('names the malformed line', () => {
    const refusal = (lines: string[]) => {
      const error = arpaRefusal(lines);
      return error === undefined ? undefined : [error.message, error.hint];
    };
    for (const bad of ['ngram one=5', 'ngram 1=5 words', 'the ngram 1=5', '\\1-grams: more', 'x\\1-grams:']) {
      expect(refusal(['\\data\\', bad])).toEqual([`ARPA line 2 is not an "ngram k=N" header: ${bad}`, 'check the file']);
    }
    // an entry before any n-gram section (after \\data\\; before it, a line is preamble)
    expect(refusal(['\\data\\', 'ngram 1=1', '-0.5\ta'])).toEqual(['ARPA line 3 is not an "ngram k=N" header: -0.5\ta', 'check the file']);
    expect(refusal(['\\data\\', 'ngram 1=1', '\\end\\', '-0.5\ta'])).toEqual(['the ARPA text has no \\1-grams: section where \\data\\ declares 1 (line 3): the file may be cut short or edited', 'pass the whole file, as arpaLines gives it (train --arpa on the command line)']);
    // no text, or none of an ARPA file (an empty text was a model of order 0: audit)
    const hint = 'pass the whole file, as arpaLines gives it (train --arpa on the command line)';
    expect(refusal([''])).toEqual(['the text is not an ARPA file: it has no \\data\\ line', hint]);
    expect(refusal(['\\data\\', ''])).toEqual(['the text is not an ARPA file: its \\data\\ section has no "ngram k=N" line', hint]);
    // n-gram sections without \\data\\ (it was said to have the section: round 2)
    expect(refusal(['\\1-grams:', '-1\ta'])).toEqual(['the text is not an ARPA file: it has no \\data\\ line', hint]);
    expect(() => readArpa(null as never)).toThrow(new UsageError('readArpa needs the text of an ARPA file, got null', "read the file first, e.g. readFileSync('model.arpa', 'utf8')"));
  });
});

describe('ARPA reader: files of other tools, and files cut short', () => {
  const refusal = (lines: string[]) => arpaRefusal(lines)?.message;
  const head = ['\\data\\', 'ngram 1=3', 'ngram 2=1', '', '\\1-grams:', '-1\t</s>', '-0.5\ta\t-0.3', '-0.7\tb', '', '\\2-grams:', '-0.2\ta b'];

  it('skips a preamble before \\data\\ and reads fields split by spaces (the CMU-Cambridge toolkit\'s files)', () => {
    // The CMU-Cambridge toolkit writes a commented preamble, then its entries with spaces, not tabs.
    const arpa = readArpa([
      '#############################', 'This is a 2-gram language model ... (back-off: p(wd2|wd1) = bo_wt_1(wd1) p_1(wd2))',
      'Beginning of data mark: \\data\\', 'ngram 1=nr # number of 1-grams', 'p_1 wd_1 bo_wt_1',
      '\\data\\', 'ngram 1=3', 'ngram 2=1', '\\1-grams:', '-1.0000 </s> 0.0000', '-0.5000 a -0.3000', '-0.7000 b', '\\2-grams:', '-0.2000 a b', '\\end\\',
    ].join('\n'));
    expect([...arpa.entries]).toEqual([['</s>', { p: -1, bow: 0 }], ['a', { p: -0.5, bow: -0.3 }], ['b', { p: -0.7, bow: 0 }], ['a b', { p: -0.2, bow: 0 }]]);
    expect(arpa.log10Probability(['a'], 'b')).toBe(-0.2); // listed
    expect(arpa.log10Probability(['a'], 'a')).toBeCloseTo(-0.3 + -0.5, 12); // bow(a) P(a)
  });

  it('stops at \\end\\ (the format is self-delimiting) and reads -inf as log10(0)', () => {
    const arpa = readArpa([...head.slice(0, 5), '-inf\t</s>', ...head.slice(6), '\\end\\', 'ancillary text', '\\3-grams:', '-1\ta b c'].join('\n'));
    expect(arpa.order).toBe(2);
    expect(arpa.entries.get('</s>')!.p).toBe(Number.NEGATIVE_INFINITY);
    expect(arpa.entries.has('a b c')).toBe(false);
    // what older Windows builds of SRILM print for log10(0) (Microsoft's C library spells -infinity -1.#INF),
    // in any case as -inf is, as a probability and as a back-off; -1.#IND (an undefined value) is no number
    for (const spelled of ['-1.#INF', '-1.#inf']) {
      const windows = readArpa([...head.slice(0, 5), `${spelled}\t</s>`, `-0.5\ta\t${spelled}`, ...head.slice(7), '\\end\\'].join('\n'));
      expect([windows.entries.get('</s>'), windows.entries.get('a')], spelled).toEqual([{ p: Number.NEGATIVE_INFINITY, bow: 0 }, { p: -0.5, bow: Number.NEGATIVE_INFINITY }]);
    }
    for (const spelled of ['-1.#IND', '1.#INF', '-1.#INF00', '-1.#QNAN']) {
      expect(refusal([...head.slice(0, 5), `${spelled}\t</s>`, ...head.slice(6), '\\end\\']), spelled).toMatch(/is no number/u);
    }
    // a byte-order mark, and count lines spaced another way (CMU Sphinx's reader takes them)
    expect(readArpa(['\uFEFF\\data\\', 'ngram\t1 = 3', 'ngram  2=  1', ...head.slice(3), '\\end\\'].join('\n')).counts).toEqual([3, 1]);
    // a white space other than space and tab is part of a word, as KenLM splits
    expect([...readArpa(['\\data\\', 'ngram 1=1', '\\1-grams:', '-0.5\tA\u00a0B\u00a0', '\\end\\'].join('\n')).entries.keys()]).toEqual(['A\u00a0B\u00a0']);
  });

  it('refuses every cut of a whole file at a line before its \\end\\', () => {
    // A copy or download that stopped early would otherwise score without its last n-grams.
    const whole = [...head, '\\end\\'];
    expect(readArpa(whole.join('\n')).entries.size).toBe(4);
    for (let kept = 1; kept < whole.length; kept++) {
      expect(refusal(whole.slice(0, kept)), `first ${kept} lines`).toMatch(/no \\data\\ line|no "ngram k=N" line|no \\end\\ line|cut short/);
    }
    expect(refusal(whole.slice(0, 8))).toBe('the ARPA text has no \\end\\ line after its 1-grams: the file may be cut short');
    expect(refusal([...whole.slice(0, 7), '\\end\\'])).toBe('the ARPA section \\1-grams: lists 2 n-grams where \\data\\ declares 3 (line 8): the file may be cut short or edited');
    expect(refusal([...whole.slice(0, 9), '\\end\\'])).toBe('the ARPA text has no \\2-grams: section where \\data\\ declares 1 (line 10): the file may be cut short or edited');
  });

  it('refuses a section out of order or past the declared orders, a count out of order, a wrong field, an n-gram twice', () => {
    expect(refusal(['\\data\\', 'ngram 2=1', 'ngram 1=3'])).toBe('ARPA line 2 declares the 2-grams where the 1-grams come next: ngram 2=1');
    expect(refusal(['\\data\\', 'ngram 1=0', '\\2-grams:'])).toBe('ARPA line 3 opens the 2-grams where \\data\\ declares 1 orders: \\2-grams:');
    expect(refusal([...head.slice(0, 9), '\\1-grams:'])).toBe('ARPA line 10 opens the 1-grams after the 1-grams: \\1-grams:');
    expect(refusal([...head.slice(0, 4), '\\2-grams:', '-0.2\ta b'])).toBe('the ARPA text has no \\1-grams: section where \\data\\ declares 3 (line 5): the file may be cut short or edited');
    expect(refusal([...head.slice(0, 10), '-0.2\ta b c d'])).toBe('ARPA line 11 is malformed: a 2-gram line holds log10 p, 2 words and an optional back-off, got 5 fields: -0.2\ta b c d');
    expect(refusal([...head.slice(0, 5), '-1'])).toBe('ARPA line 6 is malformed: a 1-gram line holds log10 p, 1 word and an optional back-off, got 1 fields: -1');
    expect(refusal([...head.slice(0, 5), 'p\t</s>'])).toBe('ARPA line 6 is malformed: its log10 probability "p" is no number: p\t</s>');
    expect(refusal([...head.slice(0, 6), '-0.5\ta\tNaN'])).toBe('ARPA line 7 is malformed: its back-off "NaN" is no number: -0.5\ta\tNaN');
    expect(refusal([...head.slice(0, 5), '0x0\t</s>'])).toBe('ARPA line 6 is malformed: its log10 probability "0x0" is no number: 0x0\t</s>');
    expect(refusal([...head.slice(0, 5), '-0.5\u00a0\t</s>'])).toBe('ARPA line 6 is malformed: its log10 probability "-0.5\u00a0" is no number: -0.5\u00a0\t</s>');
    expect(refusal([...head.slice(0, 7), '-0.7\ta'])).toBe('ARPA line 8 lists the 1-gram "a" a second time');
    expect(refusal([...head.slice(0, 5), '0.5\t</s>'])).toBe('ARPA line 6 is malformed: its log10 probability 0.5 is above 0, a probability above 1: 0.5\t</s>');
    // a back-off weight above 1 is a back-off weight: its log10 above 0 is read
    expect(readArpa([...head.slice(0, 6), '-0.5\ta\t0.3', ...head.slice(7), '\\end\\'].join('\n')).entries.get('a')).toEqual({ p: -0.5, bow: 0.3 });
  });

  it('says what to do with each fault, names a repeated last section as one after itself, and a stray line before the first section as no count (Stryker on readArpa.ts)', () => {
    const hinted = (lines: string[]) => { const error = arpaRefusal(lines)!; return [error.message, error.hint]; };
    expect(hinted(['\\data\\', 'ngram 2=1', 'ngram 1=3'])[1]).toBe('list ngram 1=N, ngram 2=N, ... in order, each once');
    expect(hinted(['\\data\\', 'ngram 1=0', '\\2-grams:'])[1]).toBe('list the sections \\1-grams:, \\2-grams:, ... in order, as \\data\\ declares them');
    // the last declared order opened twice: after itself, not past the declared orders
    expect(refusal([...head, '\\2-grams:'])).toBe('ARPA line 12 opens the 2-grams after the 2-grams: \\2-grams:');
    // a line that is neither a count nor a section header before the first section
    expect(refusal(['\\data\\', 'ngram 1=1', 'stray words', '\\1-grams:', '-1\t</s>', '\\end\\'])).toBe('ARPA line 3 is not an "ngram k=N" header: stray words');
  });

  it('drops a byte-order mark at the start only, and reads -inf as a whole field only', () => {
    // U+FEFF inside a word is part of the word (only the file's first character is a mark)
    expect([...readArpa(['\\data\\', 'ngram 1=2', '\\1-grams:', '-1\t</s>', '-0.5\ta\uFEFFb', '\\end\\'].join('\n')).entries.keys()]).toEqual(['</s>', 'a\uFEFFb']);
    expect(refusal([...head.slice(0, 5), '5-inf\t</s>'])).toBe('ARPA line 6 is malformed: its log10 probability "5-inf" is no number: 5-inf\t</s>');
  });
});
