/**
 * ARPA back-off language model format (as written by SRILM and KenLM, read by both): the writer (the
 * reader is ./readArpa.ts).
 *
 *     \data\
 *     ngram 1=<count>
 *     ...
 *
 *     \1-grams:
 *     <log10 p>	<w>	[<log10 back-off>]
 *     ...
 *     \end\
 *
 * Meaning (back-off semantics): P(w | h) = p(h w) if `h w` is listed; otherwise bow(h) * P(w | h'), with
 * bow(h) = 1 when h is not listed and h' the history without its first word. log10(0) is written as -99.
 *
 * Writing a model: every n-gram seen in training (orders 1..n, the NgramTrie nodes) is listed with the
 * model's own P(w | h) (history = the first n-1 words of the n-gram; at order k < n this is exactly the
 * probability the model uses after backing off to that history); the unigram list holds `<s>` (-99),
 * `</s>` and the whole support (with `vocab: 'seed'`, seed types absent from training too). Back-off
 * weights, for listed n-grams that are histories:
 * - interpolated models (Witten–Bell, Kneser–Ney): P(w | h) = alpha(h w) + gamma(h) P(w | h') and alpha = 0
 *   for unlisted `h w`, so the folding is exact: bow(h) = gamma(h);
 * - other back-off-form models (MLE): bow(h) = (1 - sum_{w listed after h} P(w | h)) /
 *   (1 - sum_{w listed after h} P(w | h')), the standard conversion (e.g. SRILM's `computeBOW`); 0 (-99)
 *   when h leaves no mass, as with MLE.
 * Add-k is not a back-off model (an unseen history gets the uniform distribution, not its suffix's), so
 * no ARPA file can hold it without listing every word after every history: it is refused.
 *
 * Values are written with 7 decimals of log10 (relative error below 2e-7 per probability).
 * Writing is O(nodes * model lookup).
 */

import { buildNgramTrie, hasChildren, type NgramTrie } from '../counts/ngramTrie.js';
import { buildTransitionTable, type TransitionTable } from '../counts/transitionTable.js';
import { checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { BOS, BOS_TOKEN, EOS_TOKEN } from '../vocabulary/vocabulary.js';
import { shownValue, typedValue } from '../validation/valueRule.js';
import { InterpolatedModel } from './interpolated.js';
import type { LanguageModel } from './languageModel.js';
import { MleModel } from './mle.js';

/** log10(0) in ARPA files. */
export const ARPA_LOG_ZERO = -99;

/**
 * The lines of the ARPA file of `model` (without newlines). `tokenOf` maps an id to its string. An
 * interpolated model (Witten–Bell, Kneser–Ney) carries its training counts; an MLE model keeps only its
 * order-n table, so `corpus`, the text it was trained on, gives them (checked: the table counted from
 * it must hold the model's contexts and edges with their counts, its sentences in any order; O(tokens)
 * to count it and its n-grams). Any other back-off
 * model (a LanguageModel of the caller's) is written from `corpus`'s counts the same way, unchecked.
 *
 * @throws UsageError for add-k models, and for an MLE model without its training corpus or with another.
 */
export function arpaLines(model: LanguageModel, tokenOf: (id: number) => string, corpus?: TokenCorpus): Generator<string> {
  // (checked when called, not at the first line read: a caller that opened its file first wrote an empty one: audit)
  checkBackOffModel(model);
  if (typeof tokenOf !== 'function') throw new UsageError(`tokenOf must be a function from an id to its token, got ${shownValue(tokenOf)}`, 'e.g. (id) => vocabulary.token(id)');
  // (first: add-k is refused as such, not for a missing corpus, before any counting)
  refuseAddK(model);
  const trie = model instanceof InterpolatedModel ? model.trie : trainingCounts(model, corpus);
  checkTokens(model, tokenOf);
  return arpaLinesFromCounts(model, tokenOf, trie);
}

/** A model arpaLines can write: trainModel's, or a caller's own with a LanguageModel's fields (`{}` was told it needed its corpus: audit). */
function checkBackOffModel(model: LanguageModel): void {
  const fields = model as Partial<Record<keyof LanguageModel, unknown>> | null;
  const order = fields?.order;
  if (typeof fields !== 'object' || fields === null || typeof fields.probability !== 'function' || !(fields.support instanceof Int32Array) || !Number.isInteger(order) || (order as number) < 1) {
    throw new UsageError(`arpaLines needs a language model (order, support, probability), got ${shownValue(model)}`, 'train one with trainModel(corpus, options)');
  }
}

/**
 * Each token the model can emit as tokenOf spells it: text that is not blank, holds no white space
 * (ARPA parts an n-gram's words at spaces), is not a sentence marker, and no two alike (their lines
 * would read as one n-gram).
 */
function checkTokens(model: LanguageModel, tokenOf: (id: number) => string): void {
  const seen = new Map<string, number>();
  for (const id of model.support) {
    const token: unknown = tokenOf(id);
    const wrong = typeof token !== 'string' || token === '' ? 'no text' : /\s/u.test(token) ? 'white space' : token === BOS_TOKEN || token === EOS_TOKEN ? 'a sentence marker' : undefined;
    if (wrong !== undefined) throw new UsageError(`tokenOf(${id}) is ${typedValue(token, 'text')}, ${wrong === 'white space' ? 'which holds white space' : wrong}: an ARPA file could not tell its n-grams apart`, 'map each id to its token, e.g. (id) => vocabulary.token(id)');
    const other = seen.get(token as string);
    if (other !== undefined) throw new UsageError(`tokenOf gives ids ${other} and ${id} the same token, ${shownValue(token)}: an ARPA file could not tell them apart`, 'map each id to its own token, e.g. (id) => vocabulary.token(id)');
    seen.set(token as string, id);
  }
}

/**
 * arpaLines from the model's training counts, `trie`, unchecked: for the CLI's `train`, which counted
 * them from the text it trained the model on (../cli/commands/train.ts).
 */
export function* arpaLinesFromCounts(model: LanguageModel, tokenOf: (id: number) => string, trie: NgramTrie): Generator<string> {
  refuseAddK(model);
  const order = model.order;
  const unigrams = [EOS_ID, ...model.support];
  const weightOf = (node: number | undefined, k: number): number | undefined => bowIfHistory(model, trie, node, k);

  yield '\\data\\';
  yield `ngram 1=${unigrams.length + 1}`;
  for (let k = 2; k <= order; k++) yield `ngram ${k}=${trie.levelStart[k + 1]! - trie.levelStart[k]!}`;

  const words = new Int32Array(order);
  const empty = new Int32Array(0);
  const unigramNode = new Map<number, number>();
  for (let x = trie.levelStart[1]!; x < trie.levelStart[2]!; x++) unigramNode.set(trie.word[x]!, x);

  yield '';
  yield '\\1-grams:';
  yield line(ARPA_LOG_ZERO, BOS_TOKEN, weightOf(unigramNode.get(BOS), 1));
  for (const w of unigrams) {
    const p = model.probability(empty, 0, 0, w);
    yield line(Math.log10(p), tokenOf(w), weightOf(unigramNode.get(w), 1));
  }
  for (let k = 2; k <= order; k++) {
    yield '';
    yield `\\${k}-grams:`;
    for (let x = trie.levelStart[k]!; x < trie.levelStart[k + 1]!; x++) {
      spell(trie, x, k, words);
      const p = model.probability(words, 0, k - 1, words[k - 1]!);
      const text = Array.from(words.subarray(0, k), tokenOf).join(' ');
      yield line(Math.log10(p), text, weightOf(x, k));
    }
  }
  yield '';
  yield '\\end\\';
}

/** The ids of the k-gram at trie node `node` into `words[0..k)`, read up its parents. */
function spell(trie: NgramTrie, node: number, k: number, words: Int32Array): void {
  for (let i = k - 1, x = node; i >= 0; i--, x = trie.parent[x]!) words[i] = trie.word[x]!;
}

/** The log10 back-off weight of a k-gram node that is a history (has continuations; never at order n), else undefined. */
function bowIfHistory(model: LanguageModel, trie: NgramTrie, node: number | undefined, k: number): number | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, `node !== undefined` -> true: hasChildren(undefined) reads undefined > undefined, false
  return node !== undefined && hasChildren(trie, node) ? bowOf(model, trie, node, k) : undefined;
}

/**
 * The log10 back-off weight of history node `node` (k words): an interpolated model's own; otherwise
 * the generic conversion, the mass the history leaves over relative to the mass its suffix leaves over
 * the same words (log10(0) where either is spent).
 */
function bowOf(model: LanguageModel, trie: NgramTrie, node: number, k: number): number {
  if (model instanceof InterpolatedModel) return Math.log10(model.backoffWeight(node));
  const history = new Int32Array(k + 1);
  spell(trie, node, k, history);
  let left = 1;
  let lowerLeft = 1;
  for (let c = trie.childStart[node]!; c < trie.childEnd[node]!; c++) {
    const w = trie.word[c]!;
    left -= model.probability(history, 0, k, w);
    lowerLeft -= model.probability(history, 1, k, w);
  }
  if (left <= 1e-12 || lowerLeft <= 1e-12) return ARPA_LOG_ZERO;
  return Math.log10(left / lowerLeft);
}

const EOS_ID = 1;

function refuseAddK(model: LanguageModel): void {
  if (model instanceof InterpolatedModel && model.lower === 'uniform') {
    // (in the library's words: it named train's flags, which refuse add-k before this: a review)
    throw new UsageError('add-k is not a back-off model, so it has no exact ARPA form', "train the model with smoothing 'kneser-ney', 'witten-bell' or 'mle' for an ARPA file");
  }
}

/**
 * The n-gram counts of a back-off model's training text, `corpus`: for an MLE model once it is shown
 * to be that text (another back-off model, one of the caller's own, is taken at its word).
 */
function trainingCounts(model: LanguageModel, corpus: TokenCorpus | undefined): NgramTrie {
  const hint = 'pass the corpus the model was trained on: arpaLines(model, tokenOf, corpus)';
  if (corpus === undefined) throw new UsageError('writing a model without its counts as ARPA needs the corpus it was trained on (an MLE model keeps its order-n counts alone)', hint);
  checkTokenCorpus('corpus', corpus, model.idSpace);
  if (model instanceof MleModel && !sameTable(buildTransitionTable(corpus, model.order - 1, model.idSpace), model.transitions)) {
    throw new UsageError('the corpus is not the one the model was trained on: its counts differ from the model\'s', hint);
  }
  return buildNgramTrie(corpus, model.order, model.idSpace);
}

/**
 * True when two tables of one history length hold the same contexts with the same edges and counts,
 * in whatever order each numbered them (a text's sentences in another order number them otherwise: its
 * own corpus was refused so: round 2). O(contexts x history length + edges).
 */
function sameTable(a: TransitionTable, b: TransitionTable): boolean {
  if (a.contextTotal.length !== b.contextTotal.length || a.edgeToken.length !== b.edgeToken.length) return false;
  const key = new Int32Array(Math.max(1, a.historyLength));
  for (let c = 0; c < a.contextTotal.length; c++) {
    for (let i = 0; i < a.historyLength; i++) key[i] = a.contexts.keyAt(c, i);
    const d = b.contexts.find(key, 0);
    if (d < 0 || a.contextTotal[c] !== b.contextTotal[d]) return false;
    const from = a.edgeStart[c]!;
    const other = b.edgeStart[d]!;
    if (a.edgeStart[c + 1]! - from !== b.edgeStart[d + 1]! - other) return false;
    // (a context's edges are sorted by token: the same list in both)
    for (let e = 0; e < a.edgeStart[c + 1]! - from; e++) {
      if (a.edgeToken[from + e] !== b.edgeToken[other + e] || a.edgeCount[from + e] !== b.edgeCount[other + e]) return false;
    }
  }
  return true;
}

/** A log10 value with 7 decimals; log10(0) = -Infinity (and anything at or below -99) as -99. */
function formatLog10(value: number): string {
  if (value <= ARPA_LOG_ZERO) return String(ARPA_LOG_ZERO);
  const text = value.toFixed(7);
  return /^-0\.0+$/.test(text) ? '0.0000000' : text;
}

function line(log10p: number, text: string, log10bow: number | undefined): string {
  return log10bow === undefined
    ? `${formatLog10(log10p)}\t${text}`
    : `${formatLog10(log10p)}\t${text}\t${formatLog10(log10bow)}`;
}
