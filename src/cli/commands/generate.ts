/**
 * `ngram-collapse generate`: train one model on a corpus and print sampled sentences, one per line
 * (tokens joined by spaces). GENERATE_SPEC.resolve is the pure step from the command line to the
 * model, sampling and load settings; the action loads, trains, samples, prints.
 */

import type { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import type { SamplingOptions } from '../../model/languageModel.js';
import { observedTypes } from '../../model/mle.js';
import { trainModel } from '../../model/train.js';
import { randomFor } from '../../random/random.js';
import { loadFlags, loadOptionsFor, warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, parseOptions, type CommandSpec } from '../optionTable.js';
import { GENERATE_OPTIONS, type LoadFlags } from '../options.js';

export interface GenerateSettings {
  readonly corpus: readonly string[];
  readonly count: number;
  readonly model: { readonly order: number; readonly smoothing: (typeof GENERATE_OPTIONS)['smoothing']['fallback']; readonly k: number; readonly vocab: (typeof GENERATE_OPTIONS)['vocab']['fallback'] };
  readonly sampling: SamplingOptions;
  readonly maxSentenceLength: number;
  readonly seed: number;
  readonly load: LoadFlags;
}

export const GENERATE_SPEC: CommandSpec<GenerateSettings> = {
  name: 'generate',
  description: 'train an n-gram model on a corpus and print sampled sentences',
  options: GENERATE_OPTIONS,
  resolve: (_args, raw) => {
    const values = parseOptions(GENERATE_OPTIONS, raw);
    return {
      corpus: values.corpus,
      count: values.count,
      model: { order: values.order, smoothing: values.smoothing, k: values.k, vocab: values.vocab },
      sampling: { temperature: values.temperature, topK: values.topK, topP: values.topP },
      maxSentenceLength: values.maxSentenceLength,
      seed: values.seed,
      load: loadFlags(values),
    };
  },
};

export function generateCommand(io: CliIO): Command {
  return commandFor(GENERATE_SPEC, () => resolveContext(io), async (settings) => {
    const { vocabulary, corpus } = await loadCorpus(settings.corpus, loadOptionsFor(settings.load, io, warnTo(io)));
    const model = trainModel(corpus, { ...settings.model, idSpace: vocabulary.size, seedTypes: observedTypes(corpus, vocabulary.size) });
    const sampler = model.createSampler(settings.sampling);
    const random = randomFor([settings.seed, 'generate']);
    const maxLength = settings.maxSentenceLength;
    const buffer = new Int32Array(maxLength);
    const lines: string[] = [];
    for (let i = 0; i < settings.count; i++) {
      const length = sampler.sample(random, maxLength, buffer, 0);
      lines.push(Array.from(buffer.subarray(0, length), (id) => vocabulary.token(id)).join(' '));
    }
    io.stdout.write(lines.join('\n') + '\n');
  });
}
