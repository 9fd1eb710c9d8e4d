/**
 * `--tokenizer bpe:K`: a word-level corpus re-spelled as subword pieces, with K merges learned on the
 * sentences the caller chooses (for `run`, the human pool H: the held-out set never shapes the pieces).
 *
 * Contract: `words` holds word ids of `wordVocabulary` (the loader's pre-tokenization: `wordpunct` for
 * text, the Brown corpus's own tokens for `brown`). learnCorpusBpe counts the words of the
 * sentences where `learnOn` is 1 (every sentence when it is undefined) and learns K merges from them
 * (./bpeMerges.ts). respell re-spells every sentence with given merges, word by word, in order, into
 * `pieces` (a word p1 .. pn ends with the piece carrying `</w>`): the result has the same sentences in
 * the same order, so a holdout split by sentence index picks the same sentences as on the words. Each
 * word type is segmented once; the words learning saw take their pieces from where learning left them
 * when that is exactly their segmentation (learnBpe), which saves segmenting them again.
 * Characters never seen in learning stay single pieces. A word of more than LONG_WORD (256) code points
 * is learned and segmented as parts of that length (bpeMerges' wordParts). Throws InputError past
 * `maxTokens` pieces. A `bpe:K` that learned fewer than K merges (no pair left) says so to `onWarning`.
 */

import { InputError, UsageError } from '../../errors.js';
import { shownValue } from '../../validation/valueRule.js';
import type { TokenCorpus } from '../tokenCorpus.js';
import { FIRST_TOKEN_ID, Vocabulary } from '../../vocabulary/vocabulary.js';
import { learnBpe, mergeRanks, wordParts, type LearnedSegmentation, type MergeRanks, type Merge } from './bpeMerges.js';
import { parseSubword } from './subwordNames.js';

/** The reading options that concern `bpe:K` (part of the loader's options). */
export interface SubwordOptions {
  readonly tokenizer: string;
  readonly maxTokens?: number;
  /**
   * `bpe:K` only: the sentences (by index, 1 = yes) whose words the K merges are learned on, given the
   * number of sentences; default every sentence. `run` passes the human pool's (humanSentenceMask).
   */
  readonly subwordTraining?: (sentenceCount: number) => Uint8Array;
  /** `bpe:K` only: apply these merges instead of learning (a second text read with the first's pieces). */
  readonly bpeMerges?: readonly Merge[];
  /** Told when `bpe:K` learned fewer than K merges (no pair was left to merge). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Reads a corpus with `read` and, for `bpe:K`, re-spells it: `read` then runs with the pre-tokenizer
 * (`wordpunct`) into a vocabulary of words, K merges are learned (or `bpeMerges` taken) and the words
 * are spelled into `vocabulary` as pieces. Any other tokenizer reads straight into `vocabulary`.
 */
export async function readWithSubwords<O extends SubwordOptions, R extends { readonly vocabulary: Vocabulary; readonly corpus: TokenCorpus }>(
  settings: O,
  vocabulary: Vocabulary,
  read: (settings: O, vocabulary: Vocabulary) => Promise<R>,
): Promise<R & { readonly merges?: readonly Merge[] }> {
  const subword = parseSubword(settings.tokenizer);
  if (subword?.kind !== 'learned') return read(settings, vocabulary);
  const words = await read({ ...settings, tokenizer: 'wordpunct' }, new Vocabulary());
  if (settings.bpeMerges !== undefined) {
    return { ...words, vocabulary, corpus: respell(words.vocabulary, words.corpus, settings.bpeMerges, vocabulary, settings.maxTokens), merges: settings.bpeMerges };
  }
  const sentences = words.corpus.offsets.length - 1;
  const learned = learnCorpusBpe(words.vocabulary, words.corpus, subword.merges, settings.subwordTraining === undefined ? undefined : checkedMask(settings.subwordTraining(sentences), sentences));
  if (learned.merges.length < subword.merges) settings.onWarning?.(fewerMergesWarning(subword.merges, learned.merges.length));
  return { ...words, vocabulary, corpus: respell(words.vocabulary, words.corpus, learned.merges, vocabulary, settings.maxTokens, learned.segmentation), merges: learned.merges };
}

/**
 * The warning of a `bpe:K` that ran out of pairs: it spells the text as bpe:n does, n the merges learned
 * (the subword recipe's bpe:500 and bpe:4000 were one tokenizer on a small corpus, unsaid: audit).
 */
export function fewerMergesWarning(asked: number, learned: number): string {
  const spelled = learned === 0 ? 'it spells every word as its characters' : `it spells the text as bpe:${learned} does`;
  return `bpe:${asked} learned ${learned} merge${learned === 1 ? '' : 's'}, not ${asked}: no pair of pieces was left to merge (each word it learned on is one piece), so ${spelled}`;
}

/**
 * What `subwordTraining` returned, when it marks each of the corpus's sentences with 0 or 1; else a
 * UsageError (a list, or a mask of the wrong length, was read as it came: round 2).
 */
function checkedMask(mask: unknown, sentences: number): Uint8Array {
  const hint = 'return a Uint8Array with a 1 for each sentence to learn the merges on, e.g. humanSentenceMask(sentences, holdout, seed)';
  if (!(mask instanceof Uint8Array)) throw new UsageError(`subwordTraining(${sentences}) must return a Uint8Array, got ${shownValue(mask)}`, hint);
  if (mask.length !== sentences) throw new UsageError(`subwordTraining(${sentences}) must mark each of the corpus's ${sentences} sentences, got ${mask.length} marks`, hint);
  const bad = mask.findIndex((mark) => mark > 1);
  if (bad >= 0) throw new UsageError(`subwordTraining(${sentences}) must mark sentences with 0 or 1, got ${mask[bad]} at ${bad}`, hint);
  return mask;
}

/** The merges, and where learning left each word it learned on (by word id), when that is segmentWord's. */
export function learnCorpusBpe(
  wordVocabulary: Vocabulary,
  words: TokenCorpus,
  mergeCount: number,
  learnOn?: Uint8Array,
): { merges: Merge[]; segmentation?: WordSegmentation } {
  const counts = wordCounts(wordVocabulary, words, learnOn);
  const { merges, segmentation } = learnBpe(counts.words, mergeCount);
  if (segmentation === undefined) return { merges };
  const indexOf = new Int32Array(wordVocabulary.size).fill(-1);
  counts.ids.forEach((id, i) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a typed array ignores index -1 and no word has id 0 (FIRST_TOKEN_ID is 2)
    if (id >= 0) indexOf[id] = i;
  });
  return { merges, segmentation: { indexOf, learned: segmentation } };
}

/** Learned segmentation by word id: word id -> its index in learning (-1: not learned on). */
export interface WordSegmentation {
  readonly indexOf: Int32Array;
  readonly learned: LearnedSegmentation;
}

/**
 * `segmentation` (optional) gives the pieces of the words learning saw, exactly what segmenting them
 * with `merges` gives (learnCorpusBpe); other words are segmented.
 */
export function respell(
  wordVocabulary: Vocabulary,
  words: TokenCorpus,
  merges: readonly Merge[],
  pieces: Vocabulary,
  maxTokens = Number.POSITIVE_INFINITY,
  segmentation?: WordSegmentation,
): TokenCorpus {
  const spellings = new WordSpellings(wordVocabulary, merges, pieces, segmentation);
  let total = 0;
  for (let i = 0; i < words.ids.length; i++) total += spellings.length(words.ids[i]!);
  if (total > maxTokens) {
    throw new InputError(`the corpus has more than ${maxTokens} tokens once spelled in BPE pieces (${total})`, 'raise maxTokens, --max-tokens on the command line, or pass a smaller corpus');
  }
  const ids = new Int32Array(total);
  const offsets = new Int32Array(words.offsets.length);
  let at = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, a pass past the last sentence reads no word and writes past the typed array's end (ignored)
  for (let s = 0; s + 1 < words.offsets.length; s++) {
    for (let i = words.offsets[s]!; i < words.offsets[s + 1]!; i++) at = spellings.copy(words.ids[i]!, ids, at);
    offsets[s + 1] = at;
  }
  return { ids, offsets };
}

/**
 * Each word's pieces as ids of `pieces`, segmented once, on first use (so pieces are interned in the
 * order the words first occur), kept end to end in one array.
 */
class WordSpellings {
  private readonly ranks: MergeRanks;
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  /** MergeRanks symbol id -> piece id (-1 until interned; kept dense); the same for the learned segmentation's ids. */
  private readonly pieceOf: number[] = [];
  private readonly pieceOfLearned: number[] = [];
  private flat = new Int32Array(1 << 16);
  private used = 0;

  constructor(
    private readonly wordVocabulary: Vocabulary,
    merges: readonly Merge[],
    private readonly pieces: Vocabulary,
    private readonly segmentation?: WordSegmentation,
  ) {
    this.ranks = mergeRanks(merges);
    this.start = new Int32Array(wordVocabulary.size).fill(-1);
    this.count = new Int32Array(wordVocabulary.size);
  }

  length(word: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, time only: segmenting a word again stores the same pieces
    if (this.start[word]! < 0) this.segment(word);
    return this.count[word]!;
  }

  /** Writes the word's pieces into `ids` at `at`; returns the position after them. */
  copy(word: number, ids: Int32Array, at: number): number {
    const start = this.start[word]!;
    const end = start + this.count[word]!;
    for (let i = start; i < end; i++) ids[at++] = this.flat[i]!;
    return at;
  }

  private segment(word: number): void {
    // Time only: the learned segmentation is exactly what segmenting gives (the contract of learnBpe, tested),
    // so a mutant that segments a learned word again gives the same pieces, interned in the same order.
    // Stryker disable next-line LogicalOperator: equivalent, see above
    const learned = this.segmentation?.indexOf[word] ?? -1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    if (learned >= 0) {
      const { learned: segmentation } = this.segmentation!;
      this.store(word, segmentation.symbolsOf(learned), this.pieceOfLearned, (id) => segmentation.symbol(id));
    } else {
      // a long word part by part (as learning saw it), its pieces joined
      const symbols = wordParts(this.wordVocabulary.token(word)).flatMap((part) => this.ranks.segment(part));
      this.store(word, symbols, this.pieceOf, (id) => this.ranks.symbol(id));
    }
  }

  private store(word: number, symbols: ArrayLike<number>, pieceOf: number[], symbol: (id: number) => string): void {
    // Stryker disable next-line EqualityOperator: equivalent, `>=` grows the store one piece earlier
    if (this.used + symbols.length > this.flat.length) {
      const grown = new Int32Array(Math.max(this.flat.length * 2, this.used + symbols.length));
      grown.set(this.flat);
      this.flat = grown;
    }
    this.start[word] = this.used;
    this.count[word] = symbols.length;
    // Stryker disable next-line EqualityOperator: equivalent, a pass past the last symbol stores a slot no word's start and count reach
    for (let i = 0; i < symbols.length; i++) {
      const id = symbols[i]!;
      while (pieceOf.length <= id) pieceOf.push(-1);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, interning a piece again returns its id
      if (pieceOf[id]! < 0) pieceOf[id] = this.pieces.intern(symbol(id));
      this.flat[this.used++] = pieceOf[id]!;
    }
  }
}

/**
 * Word string -> count over the chosen sentences (a long word counted as its parts), and the entries'
 * word ids in the same order (-1 for a part).
 */
function wordCounts(vocabulary: Vocabulary, corpus: TokenCorpus, learnOn?: Uint8Array): { words: Map<string, number>; ids: number[] } {
  const counts = new Int32Array(vocabulary.size);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, a pass past the last sentence counts no word
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    if (learnOn !== undefined && learnOn[s] !== 1) continue;
    for (let i = corpus.offsets[s]!; i < corpus.offsets[s + 1]!; i++) counts[corpus.ids[i]!]!++;
  }
  const words = new Map<string, number>();
  // a key's word id, or -1 for a part of a long word (wordParts) that is no word of its own
  const idOf = new Map<string, number>();
  for (let id = FIRST_TOKEN_ID; id < counts.length; id++) {
    if (counts[id]! === 0) continue;
    const parts = wordParts(vocabulary.token(id));
    for (const part of parts) {
      words.set(part, (words.get(part) ?? 0) + counts[id]!);
      if (parts.length === 1) idOf.set(part, id);
      // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent, time only: a word left without its learned pieces is segmented to the same ones (-1 or 1: id 1 is </s>, never a word)
      else if (!idOf.has(part)) idOf.set(part, -1);
    }
  }
  return { words, ids: [...idOf.values()] };
}
