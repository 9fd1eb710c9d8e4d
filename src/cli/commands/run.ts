/**
 * `ngram-collapse run`: one experiment or a sweep; writes the curves CSV row by row and prints a
 * short table of the last generation. A thin layer: parse options, check outputs, load the corpus,
 * call the library's simulate, export.
 */

import { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { openCsv } from '../../export/csvFile.js';
import { CURVE_COLUMNS, curveRecord } from '../../export/curveRecord.js';
import { lastGenerationTable } from '../../export/lastGenerationTable.js';
import { prepareRun } from '../../simulation/preparedRun.js';
import { simulate } from '../../simulation/simulate.js';
import type { SeriesRow } from '../../simulation/series.js';
import { addLoadOptions, resolveLoadOptions } from '../corpusOptions.js';
import type { CliIO } from '../io.js';
import { checkNotCorpus, checkWritable } from '../outputPaths.js';
import { defaultText, resolveRunSettings, SHARED_OPTIONS, SWEEP_OPTIONS } from '../runOptions.js';

export function runCommand(io: CliIO): Command {
  const command = new Command('run').description('simulate model collapse: retrain n-gram models on their own output, generation after generation, and write the diversity curves as CSV');
  command.option('--corpus <spec...>', 'a file, a folder, a glob, - for stdin, or brown / brown:<category> (repeatable)', ['brown']);
  for (const row of [...Object.values(SWEEP_OPTIONS), ...Object.values(SHARED_OPTIONS)]) {
    const fallback = defaultText(row.key);
    command.option(row.flags, fallback === undefined ? row.description : `${row.description} (default: ${fallback})`);
  }
  addLoadOptions(command);
  command
    .option('--out <file>', 'curves CSV, - for stdout', 'curves.csv')
    .option('--quiet', 'print nothing but errors');
  command.action(async (values: Record<string, unknown>) => {
    await runAction(values, io);
  });
  return command;
}

async function runAction(values: Record<string, unknown>, io: CliIO): Promise<void> {
  const settings = resolveRunSettings(values);
  const quiet = values['quiet'] === true;
  const warn = (message: string): void => {
    if (!quiet) io.stderr.write(`ngram-collapse: warning: ${message}\n`);
  };
  const load = resolveLoadOptions(values, io, warn);
  const out = checkWritable(String(values['out']), io.cwd, '--out');
  checkNotCorpus(out, values['corpus'] as string[], io.cwd, '--out');
  const { vocabulary, corpus } = await loadCorpus(values['corpus'] as string[], load);
  prepareRun(corpus, vocabulary.size, settings); // checks split, anchors... before the output file is created
  const writer = openCsv(out === '-' ? io.stdout : out, CURVE_COLUMNS);
  const rows: SeriesRow[] = [];
  try {
    simulate(corpus, vocabulary.size, settings, {
      emit: (row) => {
        rows.push(row);
        writer.write(curveRecord(row, settings.seed));
      },
      warn,
    });
  } finally {
    await writer.close();
  }
  if (!quiet) {
    const table = io.stdout === io.stderr || out === '-' ? io.stderr : io.stdout;
    table.write(lastGenerationTable(rows));
    if (out !== '-') table.write(`curves written to ${values['out']}\n`);
  }
}
