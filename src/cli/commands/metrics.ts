/**
 * `ngram-collapse metrics TEXT...`: the text-level metric columns of each text, no simulation.
 * Survival and overlap columns compare against `--reference` (default: the first text).
 */

import type { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { openCsv } from '../../export/csvFile.js';
import { formatNumber } from '../../export/formatNumber.js';
import { METRIC_COLUMNS, type MetricName } from '../../metrics/columns.js';
import { measureText } from '../../metrics/measureText.js';
import { buildSeedReference } from '../../metrics/seedReference.js';
import { Vocabulary } from '../../vocabulary/vocabulary.js';
import { loadFlags, loadOptionsFor, warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, parseOptions, type CommandSpec } from '../optionTable.js';
import { METRICS_OPTIONS, type LoadFlags } from '../options.js';
import { checkNotCorpus, checkWritable } from '../outputPaths.js';

/** The columns `metrics` writes: those that describe a text alone. */
export const TEXT_METRIC_COLUMNS: readonly MetricName[] = METRIC_COLUMNS.slice(0, METRIC_COLUMNS.indexOf('zipf_slope') + 1);

export interface MetricsSettings {
  readonly texts: readonly string[];
  readonly reference?: string;
  readonly rareThreshold: number;
  readonly out: string;
  readonly load: LoadFlags;
}

export const METRICS_SPEC: CommandSpec<MetricsSettings> = {
  name: 'metrics',
  description: 'the diversity metrics of one or more texts (no simulation); one CSV row per text',
  arguments: [['<text...>', 'texts: files, folders, globs, - or brown / brown:<category>; each is measured on its own']],
  options: METRICS_OPTIONS,
  resolve: (texts, raw) => {
    const values = parseOptions(METRICS_OPTIONS, raw);
    return {
      texts,
      ...(values.reference === undefined ? {} : { reference: values.reference }),
      rareThreshold: values.rareThreshold,
      out: values.out,
      load: loadFlags(values),
    };
  },
};

export function metricsCommand(io: CliIO): Command {
  return commandFor(METRICS_SPEC, () => resolveContext(io), async (settings) => {
    const { texts, rareThreshold } = settings;
    const load = loadOptionsFor(settings.load, io, warnTo(io));
    const out = checkWritable(settings.out, io.cwd, '--out');
    checkNotCorpus(out, [...texts, ...(settings.reference === undefined ? [] : [settings.reference])], io.cwd, '--out');
    const vocabulary = new Vocabulary();
    const reference = settings.reference === undefined ? undefined : (await loadCorpus([settings.reference], load, vocabulary)).corpus;
    const corpora = [];
    for (const text of texts) corpora.push((await loadCorpus([text], load, vocabulary)).corpus);
    const seed = buildSeedReference(reference ?? corpora[0]!, vocabulary.size, rareThreshold);
    const writer = openCsv(out === '-' ? io.stdout : out, ['text', ...TEXT_METRIC_COLUMNS]);
    corpora.forEach((corpus, i) => {
      const { values: measured } = measureText(corpus, seed);
      writer.write([texts[i]!, ...TEXT_METRIC_COLUMNS.map((column) => formatNumber(measured[column]))]);
    });
    await writer.close();
  });
}
