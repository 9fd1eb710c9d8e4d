/**
 * The Export section's download buttons: the curves CSV (the bytes `ngram-collapse run` writes), the
 * summary CSV (what `run --summary` writes, survival-law rows included) and the settings as a
 * `--config` JSON file. Each file is named for the run that made it (../downloadName.ts): the CSVs
 * for the rows' run or recipe, the config for the settings at the left
 * (`ngram-collapse-brown-news-order3-ratio0_0.1-replace-seed42-curves.csv`). setButtons
 * (buttonStates.ts) decides when each may be pressed.
 */

import { csvText } from '../../export/csvText.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../export/summaryTable.js';
import { downloadName, runFileStem } from '../downloadName.js';
import { pageConfig } from '../pageConfig.js';
import { saveText } from './downloads.js';
import { $ } from './elements.js';
import { page } from './pageState.js';

export function wireExports(): void {
  $('download-csv').addEventListener('click', () => saveText(csvText(page.header, page.records), downloadName(page.rowsName, 'curves.csv'), 'text/csv'));
  $('download-summary').addEventListener('click', () => {
    // (with the survival law's rows, as `run --summary` writes them: they were left out: audit)
    const summary = new SummaryTable(page.law?.seedCounts, page.law?.sizes);
    for (const record of page.records) summary.add(record);
    saveText(csvText(SUMMARY_COLUMNS, [...summary.records()]), downloadName(page.rowsName, 'summary.csv'), 'text/csv');
  });
  $('download-config').addEventListener('click', () => saveText(`${JSON.stringify(pageConfig(page.state), null, 2)}\n`, downloadName(runFileStem(page.state), 'config.json'), 'application/json'));
}
