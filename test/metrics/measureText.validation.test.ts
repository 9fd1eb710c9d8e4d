/**
 * measureText and buildSeedReference refuse what they cannot measure: a text whose ids lie outside the
 * reference's id space (they would be dropped from the counts silently), a broken TokenCorpus, a
 * reference that is not one, a rare threshold outside 1, 2, 3... Always a UsageError, never a NaN.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { measureText } from '../../src/metrics/measureText.js';
import { TrigramSet } from '../../src/metrics/ngramProfile.js';
import { buildTransitionTable } from '../../src/counts/transitionTable.js';
import { buildSeedReference, checkSeedReference } from '../../src/metrics/seedReference.js';
import { fixture } from '../helpers/corpus.js';

const f = fixture(['a b c', 'a b', 'c d e']); // ids 2..6, id space 7
// a function, so it is built inside the tests (mutation testing: code run at collection is covered by no test)
const reference = () => buildSeedReference(f.corpus, f.vocabulary.size, 1);

describe('measureText', () => {
  it('measures a valid text (5 tokens a b a b a: 2 types, ttr 0.4)', () => {
    const values = measureText(f.more(['a b a b a']), reference()).values;
    expect(values.types).toBe(2);
    expect(values.ttr).toBe(0.4);
  });

  it('refuses a text holding any id outside 2 .. idSpace - 1', () => {
    const badId = fc.oneof(fc.integer({ max: 1 }), fc.integer({ min: f.vocabulary.size }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 6 }), { maxLength: 8 }), badId, fc.nat(8), (good, bad, at) => {
        const ids = [...good];
        ids.splice(Math.min(at, ids.length), 0, bad);
        const text = { ids: Int32Array.from(ids), offsets: Int32Array.from([0, ids.length]) };
        expect(() => measureText(text, reference())).toThrow(UsageError);
        const said = bad === 0 || bad === 1 ? `text holds id ${bad}, the ${bad === 0 ? '<s>' : '</s>'} marker` : bad < 0 ? `text holds id ${bad | 0} at position ` : `text holds token id ${bad | 0}, outside`;
        expect(() => measureText(text, reference())).toThrow(said);
      }),
    );
  });

  it('refuses a broken corpus or a wrong reference with a UsageError', () => {
    const cases: Array<[unknown, unknown, string]> = [
      [{ ids: [2, 3], offsets: [0, 2] }, reference(), 'text must be a TokenCorpus'],
      [{ ids: new Int32Array([2, 3]), offsets: new Int32Array([0, 3]) }, reference(), 'text.offsets must run from 0 to ids.length (2), got 0 .. 3'],
      [{ ids: new Int32Array([2, 3]), offsets: new Int32Array([1, 2]) }, reference(), 'text.offsets must run from 0 to ids.length (2), got 1 .. 2'],
      [f.corpus, { idSpace: 7 }, 'reference must be a SeedReference'],
      [f.corpus, undefined, 'reference must be a SeedReference'],
      [undefined, reference(), 'text must be a TokenCorpus'],
    ];
    for (const [text, ref, message] of cases) {
      expect(() => measureText(text as never, ref as never)).toThrow(UsageError);
      expect(() => measureText(text as never, ref as never)).toThrow(message);
    }
  });
});

describe('measureText with the text\'s own trigrams', () => {
  it('reads a table or set that is the text\'s own, and refuses another text\'s or what is neither (audit: the reference\'s trigrams for another text gave wrong distinct_2 and novelty; {} a RangeError)', () => {
    const ref = reference();
    const text = f.more(['a b a b a', 'c d']); // 7 tokens, 2 sentences: 9 predictions
    const plain = measureText(text, ref).values;
    const ownTable = buildTransitionTable(text, 2, f.vocabulary.size);
    expect(measureText(f.more(['a b a b a', 'c d']), ref, ownTable).values).toEqual(plain);
    expect(measureText(f.more(['a b a b a', 'c d']), ref, new TrigramSet(text, f.vocabulary.size)).values).toEqual(plain);
    // H's trigrams (8 tokens, 3 sentences: 11 predictions) for this text
    expect(() => measureText(text, ref, ref.trigrams)).toThrow("own holds 11 predictions, and the text makes 9: they are another text's trigrams");
    expect(() => measureText(text, ref, buildTransitionTable(f.corpus, 2, f.vocabulary.size))).toThrow('own holds 11 predictions');
    expect(() => measureText(text, ref, {} as never)).toThrow("own must be the text's transition table of history length 2 or a TrigramSet, got");
    expect(() => measureText(text, ref, buildTransitionTable(text, 1, f.vocabulary.size) as never)).toThrow(UsageError);
  });

  it('refuses another text\'s trigrams of as many predictions by their margins, and remembers nothing wrong (audit: novelty 0 for 0.25, kept after)', () => {
    const ref = reference(); // H: 'a b c', 'a b', 'c d e' (8 tokens, 3 sentences: 11 predictions)
    // 'a b c', 'a b', 'c d d': 11 predictions too; d (id 5, the first id whose counts differ) occurs once
    // in H, so H's trigrams predict it once ((<s>, c, d)) and have it predict once ((c, d, e)); this text has it twice
    const other = f.more(['a b c', 'a b', 'c d d']);
    expect(() => measureText(other, ref, ref.trigrams)).toThrow("own's trigrams count id 5 1 times predicted and 1 times predicting, the text 2 and 2: they are another text's trigrams");
    expect(() => measureText(other, ref, buildTransitionTable(f.corpus, 2, f.vocabulary.size))).toThrow("they are another text's trigrams");
    // the refusal left nothing behind: the text's novelty is its own, 1 of its 2 trigrams of three real
    // tokens (a b c, in H, and c d d, not in H)
    const novelty = measureText(other, ref).values['novel_3gram_rate'];
    expect(novelty).toBe(0.5);
    expect(measureText(f.more(['a b c', 'a b', 'c d d']), ref, buildTransitionTable(other, 2, f.vocabulary.size)).values['novel_3gram_rate']).toBe(novelty);
  });
});

describe('buildSeedReference', () => {
  it('refuses a rare threshold that is not a whole number >= 1, and a too small id space', () => {
    const bad = fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 1.01, max: 9.99 }), fc.constant(Number.NaN), fc.string());
    fc.assert(
      fc.property(bad, (threshold) => {
        expect(() => buildSeedReference(f.corpus, f.vocabulary.size, threshold as number)).toThrow(UsageError);
        expect(() => buildSeedReference(f.corpus, f.vocabulary.size, threshold as number)).toThrow('rareThreshold must be a whole number >= 1');
      }),
    );
    expect(() => buildSeedReference(f.corpus, 5, 1)).toThrow('human holds token id 5, outside the token ids 2 .. 4');
  });
});

describe('checkSeedReference', () => {
  it.each(['idSpace', 'unigrams', 'rare', 'trigrams', 'sentences'])('refuses a reference without %s, naming the field and the fix', (missing) => {
    const broken: Record<string, unknown> = { ...reference() };
    delete broken[missing];
    expect(() => checkSeedReference('seed', broken)).toThrow(new UsageError('seed must be a SeedReference', 'build it with buildSeedReference(human, idSpace, rareThreshold)'));
    try {
      checkSeedReference('seed', broken);
    } catch (error) {
      expect((error as UsageError).hint).toBe('build it with buildSeedReference(human, idSpace, rareThreshold)');
    }
  });

  it('refuses an idSpace that is not a number, and passes a whole reference through', () => {
    expect(() => checkSeedReference('seed', { ...reference(), idSpace: '7' })).toThrow('seed must be a SeedReference');
    const whole = reference();
    expect(checkSeedReference('seed', whole)).toBe(whole);
  });

  it('buildSeedReference names its corpus argument', () => {
    expect(() => buildSeedReference(undefined as never, 7, 1)).toThrow('human must be a TokenCorpus');
  });

  it('buildSeedReference refuses an H without tokens (its measures lacked vocab_retention, rare_survival and survival_*: audit)', () => {
    const none = { ids: new Int32Array(0), offsets: new Int32Array([0]) };
    expect(() => buildSeedReference(none, 7, 1)).toThrow(InputError);
    expect(() => buildSeedReference(none, 7, 1)).toThrow('human holds no sentences');
    const empty = { ids: new Int32Array(0), offsets: new Int32Array([0, 0, 0]) };
    expect(() => buildSeedReference(empty, 7, 1)).toThrow('human holds no tokens, only 2 empty sentence(s)');
  });
});
