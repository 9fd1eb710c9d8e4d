/**
 * `ngram-collapse merge A.csv B.csv ... --out all.csv`: joins the curves CSVs of the shards of one
 * sweep (`run --shard i/n`) into one file in canonical order, byte for byte the file an unsharded run
 * writes; checks that no row is missing or duplicated (see mergeCurves). Reads each input's run
 * record `<csv>.run.json` when present, and writes one for the merged file. `--summary FILE` writes
 * the summary of the merged rows.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { readCsvLines } from '../../export/csvLines.js';
import { openCsv } from '../../export/csvFile.js';
import { mergeCurves, type MergeInput } from '../../export/mergeCurves.js';
import { readRunRecord, writeRunRecord } from '../../export/runRecord.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../export/summaryTable.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, parseOptions, type CommandSpec } from '../optionTable.js';
import { MERGE_OPTIONS } from '../options.js';
import { checkWritable } from '../outputPaths.js';

export interface MergeSettings {
  readonly files: readonly string[];
  readonly out: string;
  readonly summary?: string;
  readonly quiet: boolean;
}

export const MERGE_SPEC: CommandSpec<MergeSettings> = {
  name: 'merge',
  description: 'join the curves CSVs of the shards of a sweep (run --shard i/n) into one, checking that nothing is missing or duplicated',
  arguments: [['<csv...>', 'the shard CSV files']],
  options: MERGE_OPTIONS,
  resolve: (files, raw) => {
    const values = parseOptions(MERGE_OPTIONS, raw);
    return { files, out: values.out, ...(values.summary === undefined ? {} : { summary: values.summary }), quiet: values.quiet === true };
  },
};

export function mergeCommand(io: CliIO): Command {
  return commandFor(MERGE_SPEC, () => resolveContext(io), async (settings) => {
    const { files } = settings;
    const out = checkWritable(settings.out, io.cwd, '--out');
    const summaryPath = settings.summary === undefined ? undefined : checkWritable(settings.summary, io.cwd, '--summary');
    const inputs: MergeInput[] = files.map((file) => {
      const path = resolve(io.cwd, file);
      let content: Buffer;
      try {
        content = readFileSync(path);
      } catch (error) {
        throw new InputError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'pass existing CSV files');
      }
      const record = readRunRecord(path);
      return { name: file, content, ...(record === undefined ? {} : { record }) };
    });
    const merged = mergeCurves(inputs);
    if (out === '-') io.stdout.write(merged.text);
    else {
      writeFileSync(out, merged.text);
      if (merged.record !== undefined) writeRunRecord(out, merged.record);
    }
    if (summaryPath !== undefined) {
      const summary = new SummaryTable();
      for (const line of readCsvLines(Buffer.from(merged.text)).lines.slice(1)) summary.add(line.fields);
      const writer = openCsv(summaryPath === '-' ? io.stdout : summaryPath, SUMMARY_COLUMNS);
      for (const fields of summary.records()) writer.write(fields);
      await writer.close();
    }
    if (!settings.quiet && out !== '-') {
      io.stdout.write(`merged ${merged.series} series (${merged.rows} rows) from ${files.length} file(s) into ${settings.out}\n`);
    }
  });
}
