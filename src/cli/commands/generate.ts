/**
 * `ngram-collapse generate`: train one model on a corpus and print sampled sentences, one per line
 * (tokens joined by spaces; with a subword tokenizer, the words the pieces spell, joined by spaces).
 */

import type { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { checkHasTokens } from '../../corpus/checkTokenCorpus.js';
import { wordSplitter } from '../../corpus/subword/wordView.js';
import type { ModelOptions } from '../../model/languageModel.js';
import { observedTypes } from '../../model/mle.js';
import { trainModel } from '../../model/train.js';
import { randomFor } from '../../random/random.js';
import { samplerFor } from '../../sampler/samplerFor.js';
import type { SamplingOptions } from '../../sampler/sampling.js';
import { loadOptionsFor, loadValuesOf, warnTo, type LoadValues } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { parseOptions, type ParsedOptions } from '../optionRow.js';
import { commandFor, type CommandSpec } from '../optionTable.js';
import { GENERATE_OPTIONS } from '../options.js';
import { checkStandardOutputNotCorpus } from '../outputPaths.js';

/** What `generate` will do: the model (without its corpus-dependent fields), the sampling, the draw. */
export interface GenerateRequest {
  readonly corpus: readonly string[];
  readonly count: number;
  readonly model: Omit<ModelOptions, 'idSpace' | 'seedTypes'>;
  readonly sampling: SamplingOptions;
  readonly maxSentenceLength: number;
  readonly seed: number;
  readonly quiet: boolean;
  readonly load: LoadValues;
}

export const GENERATE_SPEC: CommandSpec<GenerateRequest> = {
  name: 'generate',
  description: 'train an n-gram model on a corpus and print sampled sentences',
  options: GENERATE_OPTIONS,
  resolve: (_args, raw) => {
    const values: ParsedOptions<typeof GENERATE_OPTIONS> = parseOptions(GENERATE_OPTIONS, raw);
    return {
      corpus: values.corpus,
      count: values.count,
      model: { order: values.order, smoothing: values.smoothing, k: values.k, vocab: values.vocab },
      sampling: { temperature: values.temperature, topK: values.topK, topP: values.topP },
      maxSentenceLength: values.maxSentenceLength,
      seed: values.seed,
      quiet: values.quiet === true,
      load: loadValuesOf(values),
    };
  },
};

export function generateCommand(io: CliIO): Command {
  return commandFor(GENERATE_SPEC, () => resolveContext(io), (request) => generate(request, io));
}

async function generate(request: GenerateRequest, io: CliIO): Promise<void> {
  checkStandardOutputNotCorpus(request.corpus, io.cwd);
  const load = loadOptionsFor(request.load, io, warnTo(io, request.quiet));
  const { vocabulary, corpus } = await loadCorpus([...request.corpus], load);
  checkHasTokens(`the corpus ${request.corpus.join(', ')}`, corpus);
  io.inputChecked?.();
  const model = trainModel(corpus, { ...request.model, idSpace: vocabulary.size, seedTypes: observedTypes(corpus, vocabulary.size) });
  const sampler = samplerFor(model, request.sampling);
  const random = randomFor([request.seed, 'generate']);
  const maxLength = request.maxSentenceLength;
  const buffer = new Int32Array(maxLength);
  const lines: string[] = [];
  const words = wordSplitter(load.tokenizer);
  for (let i = 0; i < request.count; i++) {
    const length = sampler.sample(random, maxLength, buffer, 0);
    const tokens = Array.from(buffer.subarray(0, length), (id) => vocabulary.token(id));
    lines.push(words === undefined ? tokens.join(' ') : words(tokens).join(' '));
  }
  io.stdout.write(lines.join('\n') + '\n');
}
