/**
 * The Export section's download buttons: the curves CSV (the bytes `ngram-collapse run` writes), the
 * summary CSV (what `run --summary` writes, survival-law rows included) and the settings as a
 * `--config` JSON file. setButtons (buttonStates.ts) decides when each may be pressed.
 */

import { csvText } from '../../export/csvText.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../export/summaryTable.js';
import { pageConfig } from '../pageConfig.js';
import { saveText } from './downloads.js';
import { $ } from './elements.js';
import { page } from './pageState.js';

export function wireExports(): void {
  $('download-csv').addEventListener('click', () => saveText(csvText(page.header, page.records), 'curves.csv', 'text/csv'));
  $('download-summary').addEventListener('click', () => {
    // (with the survival law's rows, as `run --summary` writes them: they were left out: audit)
    const summary = new SummaryTable(page.law?.seedCounts, page.law?.batchScale);
    for (const record of page.records) summary.add(record);
    saveText(csvText(SUMMARY_COLUMNS, [...summary.records()]), 'summary.csv', 'text/csv');
  });
  $('download-config').addEventListener('click', () => saveText(`${JSON.stringify(pageConfig(page.state), null, 2)}\n`, 'config.json', 'application/json'));
}
