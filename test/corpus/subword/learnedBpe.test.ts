/**
 * Learning on a corpus's chosen sentences, by hand on three sentences; reading through the
 * pre-tokenizer; the token limit; a vocabulary past the first 65,536 pieces. Re-spelling words as BPE
 * pieces: taking the pieces of the words learning saw from where learning left
 * them gives exactly the corpus that segmenting every word with the merges gives (same ids, same
 * vocabulary order), also when learning saw only part of the sentences.
 */

import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/loadCorpus.js';
import { InputError, describeError } from '../../../src/errors.js';
import type { TokenCorpus } from '../../../src/corpus/tokenCorpus.js';
import { learnCorpusBpe, readWithSubwords, respell } from '../../../src/corpus/subword/learnedBpe.js';
import { learnMerges } from '../../../src/corpus/subword/bpeMerges.js';
import { Vocabulary } from '../../../src/vocabulary/vocabulary.js';
import { thrown } from '../../helpers/thrown.js';

describe('respell', () => {
  it('gives the same pieces with the learned segmentation as by segmenting every word', async () => {
    const { vocabulary, corpus } = await loadCorpus(['brown:news'], { lowercase: false });
    const sentences = corpus.offsets.length - 1;
    // Learn on every third sentence only: the other sentences hold words learning never saw.
    const learnOn = Uint8Array.from({ length: sentences }, (_, s) => (s % 3 === 0 ? 1 : 0));
    const learned = learnCorpusBpe(vocabulary, corpus, 500, learnOn);
    expect(learned.segmentation).toBeDefined();
    const unseen = Array.from(corpus.ids).filter((id) => learned.segmentation!.indexOf[id] === -1).length;
    expect(unseen).toBeGreaterThan(1000);
    const fromLearning = new Vocabulary();
    const segmented = new Vocabulary();
    const a = respell(vocabulary, corpus, learned.merges, fromLearning, Number.POSITIVE_INFINITY, learned.segmentation);
    const b = respell(vocabulary, corpus, learned.merges, segmented);
    expect(a.offsets).toEqual(b.offsets);
    expect(a.ids).toEqual(b.ids);
    expect(Array.from({ length: fromLearning.size }, (_, id) => fromLearning.token(id))).toEqual(Array.from({ length: segmented.size }, (_, id) => segmented.token(id)));
  });
});

/** A word corpus from sentences of space-separated words, and its vocabulary. */
function wordCorpus(sentences: readonly string[]): { vocabulary: Vocabulary; corpus: TokenCorpus } {
  const vocabulary = new Vocabulary();
  const ids: number[] = [];
  const offsets = [0];
  for (const sentence of sentences) {
    for (const word of sentence.split(' ')) ids.push(vocabulary.intern(word));
    offsets.push(ids.length);
  }
  return { vocabulary, corpus: { ids: Int32Array.from(ids), offsets: Int32Array.from(offsets) } };
}

const piecesOf = (pieces: Vocabulary, corpus: TokenCorpus): string[][] =>
  Array.from({ length: corpus.offsets.length - 1 }, (_, s) => Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => pieces.token(id)));

describe('learning on a corpus, by hand', () => {
  // "ab ab" | "ab c" | "cd cd cd": spelled a b</w>, c</w>, c d</w>.
  const { vocabulary, corpus } = wordCorpus(['ab ab', 'ab c', 'cd cd cd']);

  it('counts the words of every sentence, or of the chosen ones only', () => {
    // All: (a, b</w>) 3 and (c, d</w>) 3, a tie won by the left symbol that sorts first; then no pair.
    expect(learnCorpusBpe(vocabulary, corpus, 5).merges).toEqual([
      { left: 'a', right: 'b</w>' },
      { left: 'c', right: 'd</w>' },
    ]);
    // Sentences 0 and 1 only: ab x3 and c x1, one pair (a, b</w>).
    expect(learnCorpusBpe(vocabulary, corpus, 5, Uint8Array.of(1, 1, 0)).merges).toEqual([{ left: 'a', right: 'b</w>' }]);
    // Sentence 2 only (a mask value other than 1 is no).
    expect(learnCorpusBpe(vocabulary, corpus, 5, Uint8Array.of(2, 0, 1)).merges).toEqual([{ left: 'c', right: 'd</w>' }]);
  });

  it('re-spells every sentence; words learning never saw are segmented with the merges', () => {
    const learned = learnCorpusBpe(vocabulary, corpus, 5, Uint8Array.of(1, 1, 0));
    // where learning left each word it saw, by word id; cd was not seen
    const { indexOf, learned: segmentation } = learned.segmentation!;
    const spelled = (word: string): string[] => Array.from(segmentation.symbolsOf(indexOf[vocabulary.lookup(word)]!), (id) => segmentation.symbol(id));
    expect(spelled('ab')).toEqual(['ab</w>']);
    expect(spelled('c')).toEqual(['c</w>']);
    expect(indexOf[vocabulary.lookup('cd')]).toBe(-1);
    const pieces = new Vocabulary();
    const respelled = respell(vocabulary, corpus, learned.merges, pieces, 10, learned.segmentation);
    expect(piecesOf(pieces, respelled)).toEqual([['ab</w>', 'ab</w>'], ['ab</w>', 'c</w>'], ['c', 'd</w>', 'c', 'd</w>', 'c', 'd</w>']]);
    // pieces are numbered in the order the words first occur
    expect(pieces.toArray().slice(2)).toEqual(['ab</w>', 'c</w>', 'c', 'd</w>']);
  });

  it('refuses more pieces than the token limit, before building them (10 pieces here)', () => {
    const merges = learnCorpusBpe(vocabulary, corpus, 5, Uint8Array.of(1, 1, 0)).merges;
    const error = thrown(() => respell(vocabulary, corpus, merges, new Vocabulary(), 9));
    expect(error).toBeInstanceOf(InputError);
    expect(describeError(error)).toBe('the corpus has more than 9 tokens once spelled in BPE pieces (10) (raise maxTokens, --max-tokens on the command line, or pass a smaller corpus)');
    expect(respell(vocabulary, corpus, merges, new Vocabulary(), 10).ids).toHaveLength(10);
  });

  it('learns without a segmentation to hand over when a merge forms a symbol that already existed; re-spelling segments then', () => {
    // "/</w>/" (see bpeMerges.test.ts): its fourth merge forms "/</w>", already a symbol.
    const odd = wordCorpus(['/</w>/ x']);
    const learned = learnCorpusBpe(odd.vocabulary, odd.corpus, 5);
    expect(learned.segmentation).toBeUndefined();
    const pieces = new Vocabulary();
    expect(piecesOf(pieces, respell(odd.vocabulary, odd.corpus, learned.merges, pieces))).toEqual([['/</w>/</w>', 'x</w>']]);
  });
});

describe('readWithSubwords', () => {
  const read = (seen: { tokenizer: string }[]) => async (settings: { tokenizer: string }, vocabulary: Vocabulary) => {
    seen.push({ tokenizer: settings.tokenizer });
    const { vocabulary: words, corpus } = wordCorpus(['ab ab', 'ab c', 'cd cd cd']);
    for (const token of words.toArray().slice(2)) vocabulary.intern(token);
    return { vocabulary, corpus };
  };

  it('reads bpe:K through the pre-tokenizer, learns on the sentences asked for, and re-spells', async () => {
    const seen: { tokenizer: string }[] = [];
    const asked: number[] = [];
    const pieces = new Vocabulary();
    const result = await readWithSubwords(
      { tokenizer: 'bpe:5', subwordTraining: (count: number) => (asked.push(count), Uint8Array.of(0, 0, 1)) },
      pieces,
      read(seen),
    );
    expect(seen).toEqual([{ tokenizer: 'wordpunct' }]);
    expect(asked).toEqual([3]);
    expect(result.merges).toEqual([{ left: 'c', right: 'd</w>' }]);
    expect(result.vocabulary).toBe(pieces);
    expect(piecesOf(pieces, result.corpus)).toEqual([['a', 'b</w>', 'a', 'b</w>'], ['a', 'b</w>', 'c</w>'], ['cd</w>', 'cd</w>', 'cd</w>']]);
  });

  it('warns when bpe:K learns fewer than K merges: no pair left (the recipe\'s bpe:500 and bpe:4000 were one tokenizer on a small corpus, unsaid: audit)', async () => {
    // learning on "cd cd cd" alone: c + d</w> is the one pair; after it every word is one piece
    const warned = async (tokenizer: string): Promise<string[]> => {
      const said: string[] = [];
      await readWithSubwords({ tokenizer, subwordTraining: () => Uint8Array.of(0, 0, 1), onWarning: (message: string) => said.push(message) }, new Vocabulary(), read([]));
      return said;
    };
    expect(await warned('bpe:5')).toEqual(['bpe:5 learned 1 merge, not 5: no pair of pieces was left to merge (each word it learned on is one piece), so it spells the text as bpe:1 does']);
    expect(await warned('bpe:1')).toEqual([]);
    // no merge at all (learning on no sentence): no bpe:0 to name, which the command line refuses
    const none: string[] = [];
    await readWithSubwords({ tokenizer: 'bpe:5', subwordTraining: () => Uint8Array.of(0, 0, 0), onWarning: (message: string) => none.push(message) }, new Vocabulary(), read([]));
    expect(none).toEqual(['bpe:5 learned 0 merges, not 5: no pair of pieces was left to merge (each word it learned on is one piece), so it spells every word as its characters']);
    // learning on every sentence: a + b</w>, c + d</w>, then nothing (3 x "cd" and 3 x "ab" each one piece, "c" alone)
    const said: string[] = [];
    await readWithSubwords({ tokenizer: 'bpe:3', onWarning: (message: string) => said.push(message) }, new Vocabulary(), read([]));
    expect(said).toEqual(['bpe:3 learned 2 merges, not 3: no pair of pieces was left to merge (each word it learned on is one piece), so it spells the text as bpe:2 does']);
  });

  it('refuses a subwordTraining whose mask is not one 0 or 1 per sentence (a list, or a short mask, was read as it came: round 2)', async () => {
    const mask = (value: unknown) => readWithSubwords({ tokenizer: 'bpe:5', subwordTraining: () => value as Uint8Array }, new Vocabulary(), read([])).then(() => undefined, (error: unknown) => error);
    const hint = '(return a Uint8Array with a 1 for each sentence to learn the merges on, e.g. humanSentenceMask(sentences, holdout, seed))';
    expect(describeError(await mask([1, 1, 1]))).toBe(`subwordTraining(3) must return a Uint8Array, got [1,1,1] ${hint}`);
    expect(describeError(await mask(Uint8Array.of(1, 1)))).toBe(`subwordTraining(3) must mark each of the corpus's 3 sentences, got 2 marks ${hint}`);
    expect(describeError(await mask(Uint8Array.of(1, 2, 1)))).toBe(`subwordTraining(3) must mark sentences with 0 or 1, got 2 at 1 ${hint}`);
  });

  it('applies given merges instead of learning, and reads any other tokenizer as it is', async () => {
    const seen: { tokenizer: string }[] = [];
    const pieces = new Vocabulary();
    const given = [{ left: 'a', right: 'b</w>' }];
    const result = await readWithSubwords({ tokenizer: 'bpe:5', bpeMerges: given }, pieces, read(seen));
    expect(result.merges).toBe(given);
    expect(piecesOf(pieces, result.corpus)[2]).toEqual(['c', 'd</w>', 'c', 'd</w>', 'c', 'd</w>']);
    const words = new Vocabulary();
    const plain = await readWithSubwords({ tokenizer: 'whitespace' }, words, read(seen));
    expect(seen).toEqual([{ tokenizer: 'wordpunct' }, { tokenizer: 'whitespace' }]);
    expect(plain.merges).toBeUndefined();
    expect(piecesOf(words, plain.corpus)[0]).toEqual(['ab', 'ab']);
  });
});

describe('respell past its first 65,536 pieces', () => {
  it('grows its store and keeps every piece (17,576 words of 4 characters, no merges: 70,304 pieces)', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words: string[] = [];
    for (const a of letters) for (const b of letters) for (const c of letters) words.push(`${a}${b}${c}z`);
    const { vocabulary, corpus } = wordCorpus([words.join(' ')]);
    const pieces = new Vocabulary();
    const respelled = respell(vocabulary, corpus, [], pieces);
    expect(respelled.ids).toHaveLength(4 * words.length);
    const spelled = piecesOf(pieces, respelled)[0]!;
    expect(spelled.slice(-8)).toEqual(['z', 'z', 'y', 'z</w>', 'z', 'z', 'z', 'z</w>']);
    expect(spelled.join('').replaceAll('</w>', ' ').trim()).toBe(words.join(' '));
  });

  it('grows its store past twice its size for one word of 140,000 pieces (no merges: one piece a letter)', () => {
    // The store starts at 65,536 pieces and doubles; one word needing more than twice that (140,000 >
    // 131,072) must get room for all of its pieces at once.
    const word = 'ab'.repeat(70_000);
    const { vocabulary, corpus } = wordCorpus([word]);
    const pieces = new Vocabulary();
    const respelled = respell(vocabulary, corpus, [], pieces);
    expect(respelled.ids).toHaveLength(140_000);
    const spelled = piecesOf(pieces, respelled)[0]!;
    expect(spelled.slice(0, 3)).toEqual(['a', 'b', 'a']);
    expect(spelled.slice(-2)).toEqual(['a', 'b</w>']);
    expect(spelled.join('')).toBe(`${word}</w>`);
  });
});

describe('a word longer than LONG_WORD code points', () => {
  // 'ab' x 300 = 600 letters: parts of 256, 256 and 88 letters; a short word 'ab' beside it.
  const long = 'ab'.repeat(300);
  const { vocabulary, corpus } = wordCorpus([`${long} ab`, 'ab ab']);

  it('is learned and segmented in parts: no piece crosses a part, only the last piece ends the word', () => {
    const learned = learnCorpusBpe(vocabulary, corpus, 20);
    const pieces = new Vocabulary();
    const [first] = piecesOf(pieces, respell(vocabulary, corpus, learned.merges, pieces, Number.POSITIVE_INFINITY, learned.segmentation));
    const longPieces = first!.slice(0, -1);
    // the pieces spell the word, and only the last carries </w>
    expect(longPieces.join('').replace(/<\/w>$/u, '')).toBe(long);
    expect(longPieces.filter((piece) => piece.endsWith('</w>'))).toHaveLength(1);
    expect(longPieces.at(-1)!.endsWith('</w>')).toBe(true);
    // the parts start at letters 0, 256 and 512: a piece boundary falls at each
    const starts = longPieces.reduce<number[]>((at, piece) => [...at, at.at(-1)! + piece.replace('</w>', '').length], [0]);
    expect(starts).toContain(256);
    expect(starts).toContain(512);
    // the short word's pieces are the whole-word ones learning found
    expect(first!.at(-1)).toBe('ab</w>');
  });

  it('gives the same pieces whether learning left them or they are segmented again', () => {
    const learned = learnCorpusBpe(vocabulary, corpus, 20);
    const a = respell(vocabulary, corpus, learned.merges, new Vocabulary(), Number.POSITIVE_INFINITY, learned.segmentation);
    const b = respell(vocabulary, corpus, learned.merges, new Vocabulary());
    expect(a.ids).toEqual(b.ids);
    // learnMerges over the words (the library's entry) learns the same merges
    expect(learnMerges(new Map([[long, 1], ['ab', 3]]), 20)).toEqual(learned.merges);
  });

  it('cuts at code points: a long run of a letter beyond U+FFFF is never split inside a pair', () => {
    const wide = '𝔸'.repeat(300); // 600 code units, 300 code points: parts of 256 and 44 letters
    const words = wordCorpus([wide]);
    const learned = learnCorpusBpe(words.vocabulary, words.corpus, 3);
    const pieces = new Vocabulary();
    const [only] = piecesOf(pieces, respell(words.vocabulary, words.corpus, learned.merges, pieces));
    expect(only!.join('').replace(/<\/w>$/u, '')).toBe(wide);
    for (const piece of only!) expect(piece.replace('</w>', '')).toMatch(/^(?:𝔸)+$/u);
  });
});
