/**
 * `ngram-collapse generate`: train one model on a corpus and print sampled sentences, one per line
 * (tokens joined by spaces; with a subword tokenizer, the words the pieces spell, joined by spaces).
 */

import { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { wordSplitter } from '../../corpus/subword/wordView.js';
import { observedTypes } from '../../model/mle.js';
import { trainModel } from '../../model/train.js';
import { randomFor } from '../../random/random.js';
import { samplerFor } from '../../sampler/samplerFor.js';
import { addLoadOptions, resolveLoadOptions } from '../corpusOptions.js';
import type { CliIO } from '../io.js';
import { CELL_RULES } from '../../simulation/validateSettings.js';
import { fromRule, integerIn } from '../parseValues.js';
import { SHARED_OPTIONS, SWEEP_OPTIONS, flagName } from '../runOptions.js';

export function generateCommand(io: CliIO): Command {
  const command = new Command('generate')
    .description('train an n-gram model on a corpus and print sampled sentences')
    .option('--corpus <spec...>', 'a file, a folder, a glob, - for stdin, or brown / brown:<category>', ['brown'])
    .option('-n, --count <n>', 'sentences to print', '10')
    .option('--order <n>', 'n-gram order', '3')
    .option('--smoothing <name>', 'mle | add-k | witten-bell | kneser-ney', 'mle')
    .option('--k <k>', 'add-k constant', '0.01')
    .option('--vocab <mode>', 'observed | seed', 'observed')
    .option('--temperature <t>', 'sampling temperature > 0', '1')
    .option('--top-k <k>', 'keep the k most probable next tokens; 0 = off', '0')
    .option('--top-p <p>', 'nucleus mass, 0 < p <= 1', '1')
    .option('--max-sentence-length <n>', 'cap on a sentence, in tokens', '200')
    .option('--seed <n>', 'seed of the random draws', '42');
  addLoadOptions(command);
  command.action(async (values: Record<string, unknown>) => {
    const text = (key: string): string => String(values[key]);
    const count = integerIn(1, 1_000_000)(text('count'), '--count');
    const order = fromRule(CELL_RULES.order)(text('order'), '--order');
    const smoothing = SWEEP_OPTIONS.smoothing.parse(text('smoothing'), '--smoothing')[0]!;
    const vocab = SWEEP_OPTIONS.vocab.parse(text('vocab'), '--vocab')[0]!;
    const k = SHARED_OPTIONS.k.parse(text('k'), flagName(SHARED_OPTIONS.k.flags));
    const temperature = SWEEP_OPTIONS.temperature.parse(text('temperature'), '--temperature')[0]!;
    const topK = SWEEP_OPTIONS.topK.parse(text('topK'), '--top-k')[0]!;
    const topP = SWEEP_OPTIONS.topP.parse(text('topP'), '--top-p')[0]!;
    const maxLength = SHARED_OPTIONS.maxSentenceLength.parse(text('maxSentenceLength'), '--max-sentence-length');
    const seed = SHARED_OPTIONS.seed.parse(text('seed'), '--seed');
    const load = resolveLoadOptions(values, io, (message) => void io.stderr.write(`ngram-collapse: warning: ${message}\n`));
    const { vocabulary, corpus } = await loadCorpus(values['corpus'] as string[], load);
    const model = trainModel(corpus, { order, smoothing, k, vocab, idSpace: vocabulary.size, seedTypes: observedTypes(corpus, vocabulary.size) });
    const sampler = samplerFor(model, { temperature, topK, topP });
    const random = randomFor([seed, 'generate']);
    const buffer = new Int32Array(maxLength);
    const lines: string[] = [];
    const words = wordSplitter(load.tokenizer);
    for (let i = 0; i < count; i++) {
      const length = sampler.sample(random, maxLength, buffer, 0);
      const tokens = Array.from(buffer.subarray(0, length), (id) => vocabulary.token(id));
      lines.push(words === undefined ? tokens.join(' ') : words(tokens).join(' '));
    }
    io.stdout.write(lines.join('\n') + '\n');
  });
  return command;
}
