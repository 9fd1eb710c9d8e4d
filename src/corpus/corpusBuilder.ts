/**
 * CorpusBuilder: accumulates tokenized sentences into a TokenCorpus, interning strings on the way.
 *
 * Contract: `addSentence` adds one sentence; a very long sentence may instead be given in parts with
 * `appendTokens` and closed with `endSentence`; `appendSpan` adds one token given as a span of a longer
 * string (interned by SpanInterner: no string is made for a token already seen). Empty sentences are
 * ignored, unless `keepEmpty` is set (--empty-sentences): then every `addSentence` adds one, also with
 * no tokens (a sentence closed after only `appendSpan` calls, none of them, stays nothing). The boundary markers
 * `<s>` and `</s>` are not tokens (ids 0 and 1 mean sentence start and end): occurrences in the text
 * are dropped and counted in `droppedMarkers`, so a corpus already marked up with them loads cleanly.
 * `build()` returns the corpus (the builder must not be used afterwards). Grows its typed arrays by
 * doubling, so adding T tokens costs O(T) amortised. Throws InputError once more than `maxTokens`
 * tokens were added (a guard against running out of memory on a huge input; the dropped markers do not
 * count, however the tokens are given).
 */

import { InputError } from '../errors.js';
import type { TokenCorpus } from './tokenCorpus.js';
import { BOS_TOKEN, EOS_TOKEN, FIRST_TOKEN_ID, type Vocabulary } from '../vocabulary/vocabulary.js';
import { SpanInterner } from './spanInterner.js';

export class CorpusBuilder {
  private ids: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private offsets: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private tokens = 0;
  private sentences = 0;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly maxTokens: number = Number.POSITIVE_INFINITY,
    private readonly keepEmpty = false,
    /** What the --max-tokens refusal names (`the --eval text e.txt`: it said `the corpus` of every text: audit). */
    private readonly subject = 'the corpus',
  ) {}

  private sentenceStart = 0;
  /** A sentence was begun (appendTokens called) and not yet closed. */
  private open = false;
  private dropped = 0;
  private interner: SpanInterner | undefined;

  addSentence(tokens: readonly string[]): void {
    this.appendTokens(tokens);
    this.endSentence();
  }

  /** Adds tokens to the sentence being built. */
  appendTokens(tokens: readonly string[]): void {
    this.reserve(tokens.length);
    this.open = true;
    for (const token of tokens) {
      if (token === BOS_TOKEN || token === EOS_TOKEN) {
        this.dropped++;
        continue;
      }
      this.ids[this.tokens++] = this.vocabulary.intern(token);
    }
    this.checkRoom(0);
  }

  /** The ids of `tokens`, interned (for a caller that keeps a word's pieces as ids: subword encodings). */
  internTokens(tokens: readonly string[]): Int32Array {
    return Int32Array.from(tokens, (token) => this.intern(token));
  }

  /** The id of `token`, interned if new (for a caller that remaps ids of its own: the Brown cache). */
  intern(token: string): number {
    return this.vocabulary.intern(token);
  }

  /**
   * Adds ids from internTokens (`ids[start..end)`, all of them by default) to the sentence being built
   * (the markers among them are dropped and counted).
   */
  appendIds(ids: Int32Array, start = 0, end = ids.length): void {
    // Stryker disable next-line ArithmeticOperator: equivalent, more room than needed
    this.reserve(end - start);
    this.open = true;
    for (let i = start; i < end; i++) {
      const id = ids[i]!;
      if (id < FIRST_TOKEN_ID) this.dropped++;
      else this.ids[this.tokens++] = id;
    }
    this.checkRoom(0);
  }

  /** Makes room for `tokens` more tokens and `sentences` more sentences at once (a caller that knows them: the Brown cache). */
  // Stryker disable next-line BlockStatement: equivalent, room made ahead only spares the copies of growing and of build
  expect(tokens: number, sentences: number): void {
    if (this.tokens + tokens > this.ids.length) this.ids = grow(this.ids, this.tokens + tokens);
    if (this.sentences + sentences + 1 > this.offsets.length) this.offsets = grow(this.offsets, this.sentences + sentences + 1);
  }

  /** Marks a sentence as begun, so that with keepEmpty it is kept even if no token follows. */
  beginSentence(): void {
    this.open = true;
  }

  /**
   * Adds the token `text.slice(start, end)` (non-empty) to the sentence being built; `hash`, if given,
   * is the span's SpanInterner hash (a span scanner's).
   */
  appendSpan(text: string, start: number, end: number, hash?: number): void {
    this.interner ??= new SpanInterner(this.vocabulary);
    const id = hash === undefined ? this.interner.intern(text, start, end) : this.interner.internHashed(text, start, end, hash);
    if (id < FIRST_TOKEN_ID) {
      this.dropped++;
      return;
    }
    this.checkRoom(1);
    if (this.tokens === this.ids.length) this.reserve(1);
    this.ids[this.tokens++] = id;
  }

  /** Closes the sentence being built (nothing happens if it is empty, unless keepEmpty and it was begun). */
  endSentence(): void {
    const begun = this.open;
    this.open = false;
    if (this.tokens === this.sentenceStart && !(this.keepEmpty && begun)) return;
    this.sentences++;
    if (this.sentences + 1 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    this.offsets[this.sentences] = this.tokens;
    this.sentenceStart = this.tokens;
  }

  /** Counts `count` markers a caller dropped from the text before tokenizing it (they are never added). */
  countDroppedMarkers(count: number): void {
    this.dropped += count;
  }

  /** How many `<s>` / `</s>` tokens were dropped. */
  get droppedMarkers(): number {
    return this.dropped;
  }

  get tokenCount(): number {
    return this.tokens;
  }

  get sentenceCount(): number {
    return this.sentences;
  }

  build(): TokenCorpus {
    this.endSentence();
    // an array filled exactly (room made with expect) is returned as it is, not copied
    return {
      ids: this.ids.length === this.tokens ? this.ids : this.ids.slice(0, this.tokens),
      offsets: this.offsets.length === this.sentences + 1 ? this.offsets : this.offsets.slice(0, this.sentences + 1),
    };
  }

  private checkRoom(extra: number): void {
    if (this.tokens + extra > this.maxTokens) {
      throw new InputError(`${this.subject} has more than ${this.maxTokens} tokens`, 'raise maxTokens, --max-tokens on the command line, or pass a smaller corpus');
    }
  }

  private reserve(extra: number): void {
    if (this.tokens + extra <= this.ids.length) return;
    // Stryker disable next-line ArithmeticOperator: equivalent, the loop below doubles until the tokens fit
    let capacity = this.ids.length * 2;
    while (capacity < this.tokens + extra) capacity *= 2;
    this.ids = grow(this.ids, capacity);
  }
}

function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
