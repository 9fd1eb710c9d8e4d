/**
 * `ngram-collapse train`: trains one model on a corpus; `--arpa FILE` writes it in ARPA format,
 * `--eval TEXT` scores a text under it (perplexity, cross-entropy in bits, OOV rate, token count; KenLM's
 * convention: `</s>` counted, OOV tokens excluded from the perplexity and counted separately), `--json`
 * prints one JSON object instead of text lines.
 *
 * Thin layer: parses flags, loads the corpora, calls the library (trainModel, arpaLinesFromCounts with
 * the trie it builds once for the file and for naming the orders whose Kneser–Ney discounts fell back,
 * evaluateModel), prints. A Kneser–Ney discount fallback is reported on stdout/JSON and as a warning line on stderr.
 */

import { once } from 'node:events';
import type { Command } from 'commander';
import { loadCorpus, resolveSpec, type LoadedCorpus, type LoadOptions } from '../../corpus/loadCorpus.js';
import type { TokenCorpus } from '../../corpus/tokenCorpus.js';
import { checkHasTokens } from '../../corpus/checkTokenCorpus.js';
import { buildNgramTrie, type NgramTrie } from '../../counts/ngramTrie.js';
import { UsageError } from '../../errors.js';
import { arpaLinesFromCounts } from '../../model/arpa.js';
import { evaluateModel, type Evaluation } from '../../model/evaluate.js';
import { InterpolatedModel } from '../../model/interpolated.js';
import { kneserNeyDiscounts } from '../../model/kneserNey.js';
import type { LanguageModel, ModelOptions } from '../../model/languageModel.js';
import { trainModel } from '../../model/train.js';
import { FIRST_TOKEN_ID, Vocabulary } from '../../vocabulary/vocabulary.js';
import { loadOptionsFor, loadValuesOf, refuseStandardInputTwice, warnTo, type LoadValues } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { parseOptions } from '../optionRow.js';
import { commandFor, type CommandSpec } from '../optionTable.js';
import { TRAIN_OPTIONS } from '../options.js';
import { checkNotCorpus, checkStandardOutputNotCorpus, checkWritable, CORPUS_INPUT, EVAL_INPUT, standardOutputNamed } from '../outputPaths.js';
import { writeWatched } from '../watchedWrite.js';

/** What `train` will do: the model (without its corpus-dependent fields), its outputs, the text to score. */
export interface TrainRequest {
  readonly corpus: readonly string[];
  readonly model: Omit<ModelOptions, 'idSpace' | 'seedTypes'>;
  readonly arpa?: string;
  readonly eval?: readonly string[];
  readonly json: boolean;
  readonly quiet: boolean;
  readonly load: LoadValues;
}

export const TRAIN_SPEC: CommandSpec<TrainRequest> = {
  name: 'train',
  description: 'train one n-gram model; --arpa writes it in ARPA format, --eval scores a text under it',
  options: TRAIN_OPTIONS,
  resolve: (_args, raw) => {
    const values = parseOptions(TRAIN_OPTIONS, raw);
    if (values.arpa !== undefined && values.smoothing === 'add-k') {
      throw new UsageError('add-k is not a back-off model, so it has no exact ARPA form', 'use --smoothing kneser-ney or witten-bell (or mle) with --arpa');
    }
    return {
      corpus: values.corpus,
      model: { order: values.order, smoothing: values.smoothing, k: values.k, vocab: values.vocab },
      ...(values.arpa === undefined ? {} : { arpa: values.arpa }),
      ...(values.eval === undefined ? {} : { eval: values.eval }),
      json: values.json === true,
      quiet: values.quiet === true,
      load: loadValuesOf(values),
    };
  },
};

export function trainCommand(io: CliIO): Command {
  return commandFor(TRAIN_SPEC, () => resolveContext(io), (request) => train(request, io));
}

async function train(request: TrainRequest, io: CliIO): Promise<void> {
  const { order, smoothing, k, vocab } = request.model;
  const arpaPath = checkTrainOutputs(request, io.cwd);
  const warn = warnTo(io, request.quiet);
  const { vocabulary, corpus, evalText } = await loadTexts(request, io, warn);
  io.inputChecked?.();
  const seedTypes = Int32Array.from({ length: vocabulary.size - FIRST_TOKEN_ID }, (_, i) => FIRST_TOKEN_ID + i);
  const model = trainModel(corpus, { order, smoothing, k, vocab, idSpace: vocabulary.size, seedTypes });
  const counts = model instanceof InterpolatedModel ? model.trie : buildNgramTrie(corpus, order, vocabulary.size);
  const fallbackOrders = smoothing === 'kneser-ney'
    ? kneserNeyDiscounts(counts).flatMap((d, order) => (d.fallback ? [order] : []))
    : [];
  warnTrained(warn, fallbackOrders, arpaPath !== undefined && vocabulary.lookup('<unk>') >= 0);
  if (arpaPath !== undefined) await writeArpa(model, vocabulary, counts, { path: arpaPath, shown: request.arpa ?? arpaPath }, io);

  const evaluation: Evaluation | undefined = evalText === undefined ? undefined : evaluateModel(model, evalText.corpus);
  const summary = trainSummary(request, model, counts, arpaPath, evaluation);
  // (the summary to stderr when the model went to standard output: the ARPA text stays clean)
  const report = arpaPath === '-' ? io.stderr : io.stdout;
  if (request.json) {
    report.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  report.write(`${summaryLines(request.model, summary, model, fallbackOrders, evaluation).join('\n')}\n`);
}

/**
 * Checks --arpa (writable, not a corpus or --eval input) and that the summary on standard output is no
 * input either, and standard input read once; returns --arpa's path (`-`: standard output), if given.
 */
function checkTrainOutputs(request: TrainRequest, cwd: string): string | undefined {
  // (`-`, or a name of what standard output goes to, `--arpa /dev/stdout >> log`: the model on standard
  // output and the summary on stderr; written by name, the log was replaced whole: audit)
  const arpaPath = request.arpa === undefined ? undefined : checkWritable(standardOutputNamed(request.arpa, cwd), cwd, '--arpa');
  const inputs = [[request.corpus, CORPUS_INPUT], [request.eval ?? [], EVAL_INPUT]] as const;
  if (arpaPath !== undefined) for (const [specs, kind] of inputs) checkNotCorpus(arpaPath, specs, cwd, '--arpa', request.arpa, kind);
  // (the summary, or the JSON, goes to standard output unless the model does: `>> c.txt` appended it to the corpus: audit)
  if (arpaPath !== '-') for (const [specs, kind] of inputs) checkStandardOutputNotCorpus(specs, cwd, kind);
  refuseStandardInputTwice(cwd, [request.corpus, '--corpus'], [request.eval ?? [], '--eval']);
  return arpaPath;
}

/** Loads the training corpus (refusing one without tokens) and the --eval text, if any, both before anything is trained or written. */
async function loadTexts(request: TrainRequest, io: CliIO, warn: (message: string) => void): Promise<{ vocabulary: Vocabulary; corpus: TokenCorpus; evalText: LoadedCorpus | undefined }> {
  const load = loadOptionsFor(request.load, io, warn);
  // (a missing evaluation text is named as one, before the corpus loads: "corpus 'x' not found" read as --corpus)
  for (const spec of request.eval ?? []) resolveSpec(spec, load, '--eval text');
  const { vocabulary, corpus, merges } = await loadCorpus([...request.corpus], load);
  checkHasTokens(`the corpus ${request.corpus.join(', ')}`, corpus);
  // The evaluation text is read before anything is trained or written: a bad one leaves no ARPA file.
  // It loads with a copy of the training vocabulary so that known tokens keep their ids (new ones are
  // OOV); bpe:K spells it with the training text's merges.
  const evalText = request.eval === undefined
    ? undefined
    : await loadCorpus([...request.eval], { ...load, ...evalWarnings(load, request.eval), ...(merges === undefined ? {} : { bpeMerges: merges }) }, Vocabulary.fromArray(vocabulary.toArray()), '--eval text');
  return { vocabulary, corpus, evalText };
}

/** Warns of Kneser-Ney discounts that fell back (`fallbackOrders`), and of a token <unk> in a text written as ARPA (`unkInArpa`). */
function warnTrained(warn: (message: string) => void, fallbackOrders: readonly number[], unkInArpa: boolean): void {
  if (fallbackOrders.length > 0) {
    warn(`Kneser-Ney discounts fell back to D1=0.5 D2=1 D3+=1.5 (KenLM's --discount_fallback) for order ${fallbackOrders.join(', ')}: the counts-of-counts are degenerate (small or collapsed data)`);
  }
  if (unkInArpa) {
    // (an ordinary word here: KenLM and SRILM read it as the unknown word, whose probability every OOV token then gets: audit)
    warn("the text holds the token <unk>, an ordinary word to ngram-collapse and the unknown word to ARPA readers: KenLM's query gives every token outside the vocabulary its probability, where --eval skips such tokens (rename it in the text to keep the two apart)");
  }
}

/** What `train` reports: the model, its counts, where the ARPA file went and the evaluation (the --json object). */
function trainSummary(request: TrainRequest, model: LanguageModel, counts: NgramTrie, arpaPath: string | undefined, evaluation: Evaluation | undefined) {
  const { order, smoothing, k, vocab } = request.model;
  return {
    order,
    smoothing,
    vocab,
    ...(smoothing === 'add-k' ? { k } : {}),
    sentences: counts.sentences,
    tokens: counts.tokens,
    types: model.support.length,
    ngrams: Array.from({ length: order }, (_, i) => counts.levelStart[i + 2]! - counts.levelStart[i + 1]!),
    // (null where there are no discounts, as the curves CSV leaves the column empty)
    discountFallback: smoothing === 'kneser-ney' ? model.discountFallback : null,
    // (written to standard output: named so, or as given where that names its file, `--arpa m.arpa > m.arpa`)
    ...(arpaPath === undefined ? {} : { arpa: arpaPath !== '-' ? arpaPath : request.arpa === '-' ? 'standard output' : request.arpa! }),
    ...(evaluation === undefined ? {} : { eval: evaluationJson(evaluation) }),
  };
}

/** The summary as text lines (without --json). */
function summaryLines(options: TrainRequest['model'], summary: ReturnType<typeof trainSummary>, model: LanguageModel, fallbackOrders: readonly number[], evaluation: Evaluation | undefined): string[] {
  const { smoothing, k, vocab } = options;
  const lines = [
    `model: order ${options.order}, ${smoothing}${smoothing === 'add-k' ? ` (k = ${k})` : ''}, vocab ${vocab}`,
    `trained on: ${plural(summary.sentences, 'sentence')}, ${plural(summary.tokens, 'token')}, ${plural(summary.types, 'type')}`,
    `n-grams: ${summary.ngrams.map((count, i) => `${i + 1}=${count}`).join(' ')}`,
    `discount fallback: ${smoothing !== 'kneser-ney' ? `none (${smoothing} has no discounts)` : model.discountFallback ? `yes (order ${fallbackOrders.join(', ')})` : 'no'}`,
  ];
  if (summary.arpa !== undefined) lines.push(`arpa: ${summary.arpa}`);
  if (evaluation !== undefined) {
    lines.push(
      `eval: perplexity ${format(evaluation.perplexity)}, cross-entropy ${format(evaluation.crossEntropyBits)} bits, ` +
        `OOV rate ${evaluation.tokens === 0 ? 'n/a' : format(evaluation.oovRate)} (${evaluation.oov} of ${plural(evaluation.tokens, 'token')}), ` +
        `${plural(evaluation.sentences, 'sentence')}, ${plural(evaluation.predictions, 'prediction')} scored`,
    );
  }
  return lines;
}

/**
 * The --eval text's warnings, each naming the text (`--eval el.txt: the wordpunct tokenizer cut ...`):
 * they read as the training corpus's (audit), as metrics names each text of its own.
 */
function evalWarnings(load: LoadOptions, specs: readonly string[]): Pick<LoadOptions, 'onWarning'> {
  const warn = load.onWarning;
  return warn === undefined ? {} : { onWarning: (message) => warn(`--eval ${specs.join(', ')}: ${message}`) };
}

/** The model in ARPA format to `path` (`shown` as the user gave it), a whole file, or to standard output (`-`). */
async function writeArpa(model: LanguageModel, vocabulary: Vocabulary, counts: NgramTrie, { path, shown }: { path: string; shown: string }, io: CliIO): Promise<void> {
  const lines = arpaLinesFromCounts(model, (id) => vocabulary.token(id), counts);
  const write = async (out: NodeJS.WritableStream): Promise<void> => {
    let failure: Error | undefined;
    out.on('error', (error: Error) => void (failure ??= error));
    for (const line of lines) {
      if (failure !== undefined) throw failure; // a failed stream never drains
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
  };
  if (path === '-') return write(io.stdout);
  // a whole file: it appears only once complete (a write error stops at the next wait or at the end,
  // an OutputWriteError naming the file: exit code 1, as every other writer's; a path that cannot be
  // written at all is refused before any work; a signal stops it too, and removes what was written)
  await writeWatched(path, { flag: '--arpa', shown, printsAfter: true }, write); // (the summary follows)
}

function evaluationJson(evaluation: Evaluation): Record<string, number | null> {
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  return {
    perplexity: finite(evaluation.perplexity),
    crossEntropyBits: finite(evaluation.crossEntropyBits),
    oovRate: finite(evaluation.oovRate),
    oov: evaluation.oov,
    tokens: evaluation.tokens,
    sentences: evaluation.sentences,
    predictions: evaluation.predictions,
    log10Probability: finite(evaluation.log10Probability),
  };
}

function format(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(10))) : String(value);
}

/** "1 sentence", "2 sentences". */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
