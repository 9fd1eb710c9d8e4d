/**
 * `ngram-collapse metrics TEXT...`: the text-level metric columns of each text, no simulation.
 * Survival and overlap columns compare against `--reference` (default: the first text).
 */

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadCorpus, resolveSpec } from '../../corpus/loadCorpus.js';
import { STANDARD_INPUT_SPEC } from '../../corpus/corpusSpec.js';
import type { TokenCorpus } from '../../corpus/tokenCorpus.js';
import { checkHasTokens } from '../../corpus/checkTokenCorpus.js';
import { wordSplitter } from '../../corpus/subword/wordView.js';
import { wordColumns, wordReference } from '../../metrics/wordColumns.js';
import { openCsv } from '../../export/csvFile.js';
import { csvText } from '../../export/csvText.js';
import { formatNumber } from '../../validation/formatNumber.js';
import { METRIC_COLUMNS, type MetricName } from '../../metrics/columns.js';
import { measureText } from '../../metrics/measureText.js';
import { buildSeedReference } from '../../metrics/seedReference.js';
import { Vocabulary } from '../../vocabulary/vocabulary.js';
import { loadOptionsFor, loadValuesOf, refuseStandardInputTwice, warnTo, type LoadValues } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { parseOptions } from '../optionRow.js';
import { writeText, writeWatched } from '../watchedWrite.js';
import { commandFor, type CommandSpec } from '../optionTable.js';
import { METRICS_OPTIONS } from '../options.js';
import { checkNotCorpus, checkWritable, REFERENCE_INPUT, standardOutputNamed } from '../outputPaths.js';

/** The columns `metrics` writes: those that describe a text alone (`chao1` appended after `zipf_slope`). */
export const TEXT_METRIC_COLUMNS: readonly MetricName[] = [...METRIC_COLUMNS.slice(0, METRIC_COLUMNS.indexOf('zipf_slope') + 1), 'chao1'];
/** The word-level columns, written for subword tokenizers only. */
export const WORD_METRIC_COLUMNS: readonly MetricName[] = ['word_types', 'word_vocab_retention', 'word_rare_survival', 'novel_word_rate'];

/** What `metrics` will do: the texts, the reference (default: the first text), the output. */
export interface MetricsRequest {
  readonly texts: readonly string[];
  readonly reference?: string;
  readonly rareThreshold: number;
  readonly out: string;
  readonly quiet: boolean;
  readonly load: LoadValues;
}

export const METRICS_SPEC: CommandSpec<MetricsRequest> = {
  name: 'metrics',
  description: 'the diversity metrics of one or more texts (no simulation); one CSV row per text',
  arguments: [['<text...>', 'texts: files, folders, globs, - or brown / brown:<category>; each is measured on its own']],
  options: METRICS_OPTIONS,
  resolve: (texts, raw) => {
    const values = parseOptions(METRICS_OPTIONS, raw);
    return { texts, ...(values.reference === undefined ? {} : { reference: values.reference }), rareThreshold: values.rareThreshold, out: values.out, quiet: values.quiet === true, load: loadValuesOf(values) };
  },
};

export function metricsCommand(io: CliIO): Command {
  return commandFor(METRICS_SPEC, () => resolveContext(io), (request) => measureTexts(request, io));
}

/** The --reference text's role, as the loader's refusals name it. */
const REFERENCE_ROLE = '--reference text';

async function measureTexts(request: MetricsRequest, io: CliIO): Promise<void> {
  const { texts, rareThreshold } = request;
  refuseStandardInputTwice(io.cwd, [texts, 'a text'], [request.reference === undefined ? [] : [request.reference], '--reference']);
  const warn = warnTo(io, request.quiet);
  const load = loadOptionsFor(request.load, io, warn);
  // (the output first, as every command checks it: a missing text was named before a bad --out: audit)
  const out = checkWritable(standardOutputNamed(request.out, io.cwd), io.cwd, '--out');
  // (every text is found before the first is read; named as what it is here, a text or the --reference text)
  if (request.reference !== undefined) resolveSpec(request.reference, load, REFERENCE_ROLE);
  for (const text of texts) resolveSpec(text, load, 'text');
  checkNotCorpus(out, texts, io.cwd, '--out', request.out);
  // (named as what it is: a refusal called the reference "the corpus": audit)
  if (request.reference !== undefined) checkNotCorpus(out, [request.reference], io.cwd, '--out', request.out, REFERENCE_INPUT);
  const vocabulary = new Vocabulary();
  const referenceSpec = request.reference;
  // bpe:K learns its merges on the first corpus read (the reference, else the first text) and spells the others with them.
  let shared = load;
  const read = async (spec: string, role: string): Promise<TokenCorpus> => {
    // (each text is read on its own: a warning names the text it is about, unless it names its file already,
    // first as the loader names files as given, or by its absolute path: `lat.txt: lat.txt is ...`: audit;
    // or standard input, `-`, as `standard input`: `-: standard input is ...`: review). The reference's say
    // so first, as train's --eval text's do: the same file as a text and as the reference warned twice alike (review).
    const shown = spec === STANDARD_INPUT_SPEC ? 'standard input' : spec;
    const namesItself = (message: string): boolean =>
      message.startsWith(`${shown} `) || (spec !== STANDARD_INPUT_SPEC && (message.startsWith(`${spec}/`) || message.includes(resolve(io.cwd, spec))));
    const named = (message: string): void => warn(role === REFERENCE_ROLE ? `--reference ${spec}: ${message}` : namesItself(message) ? message : `${shown}: ${message}`);
    const loaded = await loadCorpus([spec], { ...shared, onWarning: named }, vocabulary, role);
    if (loaded.merges !== undefined) shared = { ...shared, bpeMerges: loaded.merges };
    return loaded.corpus;
  };
  const reference = referenceSpec === undefined ? undefined : await read(referenceSpec, REFERENCE_ROLE);
  const corpora = [];
  for (const text of texts) corpora.push(await read(text, 'text'));
  refuseEmptyReference(reference ?? corpora[0]!, referenceSpec ?? texts[0]!, referenceSpec !== undefined);
  io.inputChecked?.();
  const seed = buildSeedReference(reference ?? corpora[0]!, vocabulary.size, rareThreshold);
  // Subword tokenizers add the word-level columns, against the reference's words.
  const split = wordSplitter(load.tokenizer);
  const tokens = split === undefined ? [] : vocabulary.toArray();
  const words = split === undefined ? undefined : { tokens, split, reference: wordReference(reference ?? corpora[0]!, tokens, split, rareThreshold) };
  const columns = words === undefined ? TEXT_METRIC_COLUMNS : [...TEXT_METRIC_COLUMNS, ...WORD_METRIC_COLUMNS];
  const records = corpora.map((corpus, i) => {
    // Without --reference the first text is the reference: its n-grams come from the seed's own trigram set.
    const measured = { ...measureText(corpus, seed, reference === undefined && i === 0 ? seed.trigrams : undefined).values, ...(words === undefined ? {} : wordColumns(corpus, words)) };
    return [texts[i]!, ...columns.map((column) => formatNumber(measured[column]))];
  });
  if (out === '-') {
    const writer = openCsv(io.stdout, ['text', ...columns]);
    for (const record of records) writer.write(record);
    await writer.close();
    return;
  }
  // (whole, as every output but run's streamed CSVs: it appears at its path once complete; a signal
  // while it is written leaves it as it was, and says so: ../watchedWrite.ts)
  const text = csvText(['text', ...columns], records);
  await writeWatched(out, { flag: '--out', shown: request.out, printsAfter: false }, (stream) => writeText(stream, text));
}

/**
 * The reference must hold tokens: every text column compares a text with it. (A text of empty
 * sentences alone, read with --empty-sentences, is measured: a saved generation of a model that ends
 * every sentence at once.)
 */
function refuseEmptyReference(reference: TokenCorpus, spec: string, given: boolean): void {
  if (given) checkHasTokens(`the reference ${spec}`, reference, 'pass a reference with text');
  else checkHasTokens(`${spec}, the reference without --reference,`, reference, 'pass --reference FILE, a text with tokens');
}
