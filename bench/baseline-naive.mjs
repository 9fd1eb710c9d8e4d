#!/usr/bin/env node
/**
 * The plain baseline that ships with ngram-collapse: the collapse loop (the README's "The loop" with MLE,
 * replace, human ratio 0, holdout 0) written the way one would write it first in JavaScript, with no
 * attention to speed. It exists so that `npm run bench` can compare against something in a user's
 * clone; the benchmark also runs ../shared/bench's baselines when that folder exists.
 *
 * - Model: a Map from the context (the previous order-1 tokens joined by a space, sentence start
 *   padded with `<s>`) to a Map from next token to count; built anew every generation.
 * - Sampling: one uniform draw per step, then a walk over the successor Map subtracting counts
 *   (linear cumulative sampling); sentences are drawn until the generation holds N tokens.
 * - Random numbers: a small seeded xorshift32, so runs repeat.
 *
 * Input: one sentence per line, tokens separated by whitespace.
 * usage: node bench/baseline-naive.mjs --input FILE [--order 3] [--generations 5] [--seed 7]
 * Output: a CSV line per generation: generation,train_s,sample_s,tokens,types; then, on the last
 * line, `#maxrss_kb,<peak resident set size>`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const options = { order: '3', generations: '5', seed: '7' };
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const order = Number(options.order);
const generations = Number(options.generations);
const maxSentenceLength = 200;
const START = '<s>';
const END = '</s>';

let state = Number(options.seed) >>> 0 || 1;
function nextRandom() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
}

function countTransitions(sentences) {
  const table = new Map();
  for (const words of sentences) {
    const history = new Array(order - 1).fill(START);
    for (const word of [...words, END]) {
      const key = history.join(' ');
      if (!table.has(key)) table.set(key, new Map());
      const followers = table.get(key);
      followers.set(word, (followers.get(word) || 0) + 1);
      history.push(word);
      history.shift();
    }
  }
  // Totals per context, for sampling.
  const model = new Map();
  for (const [key, followers] of table) {
    let total = 0;
    for (const count of followers.values()) total += count;
    model.set(key, { total, followers });
  }
  return model;
}

function drawWord(model, history) {
  const entry = model.get(history.join(' '));
  let remaining = nextRandom() * entry.total;
  for (const [word, count] of entry.followers) {
    remaining -= count;
    if (remaining < 0) return word;
  }
  return END;
}

function sampleCorpus(model, tokens) {
  const sentences = [];
  let produced = 0;
  while (produced < tokens) {
    const history = new Array(order - 1).fill(START);
    const words = [];
    while (words.length < maxSentenceLength) {
      const word = drawWord(model, history);
      if (word === END) break;
      words.push(word);
      history.push(word);
      history.shift();
    }
    sentences.push(words);
    produced += words.length;
  }
  return sentences;
}

let corpus = readFileSync(options.input, 'utf8')
  .split('\n')
  .map((line) => line.split(/\s+/).filter((word) => word.length > 0))
  .filter((words) => words.length > 0);
const tokensPerGeneration = corpus.reduce((sum, words) => sum + words.length, 0);
console.log('generation,train_s,sample_s,tokens,types');
for (let generation = 1; generation <= generations; generation++) {
  const t0 = performance.now();
  const model = countTransitions(corpus);
  const t1 = performance.now();
  corpus = sampleCorpus(model, tokensPerGeneration);
  const t2 = performance.now();
  const types = new Set();
  let tokens = 0;
  for (const words of corpus) {
    tokens += words.length;
    for (const word of words) types.add(word);
  }
  console.log([generation, ((t1 - t0) / 1000).toFixed(3), ((t2 - t1) / 1000).toFixed(3), tokens, types.size].join(','));
}
console.log(`#maxrss_kb,${process.resourceUsage().maxRSS}`);
