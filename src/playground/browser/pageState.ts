/**
 * What the page holds between events: the settings shown (`state`), whether a run goes on, and the
 * rows on screen with what made them (their settings' key, recipe, command line, warnings). One
 * object, `page`, shared by the page's modules: each field is written where its comment says, and
 * read anywhere. `rowsKeyNow()` names what the settings at the left would make now.
 */

import { CURVE_COLUMNS } from '../../export/curveRecord.js';
import { configHash, pageConfig, type PageSettings } from '../pageConfig.js';
import type { BatchSizes } from '../../metrics/survivalTheory.js';

/** What the summary's survival-law rows need of the run that made the rows (as `run --summary` has them). */
export interface RowsLaw {
  readonly seedCounts: Int32Array;
  readonly sizes: BatchSizes;
}

export interface PageState {
  /** The settings the controls show (settingsState.ts's setState; set from the address before any use). */
  state: PageSettings;
  running: boolean;
  header: readonly string[];
  records: string[][];
  law: RowsLaw | undefined;
  /** The command line shown under Export. */
  lastCommand: string;
  /** What made `records`: the settings' key (rowsKeyNow) when the run began, and the recipe's name for a recipe's rows. */
  rowsKey: string | undefined;
  rowsRecipe: string | undefined;
  /**
   * The command line that made `records`: a recipe's, shown again whenever the settings are put back to
   * the recipe's; a run's, which the charts' downloads carry.
   */
  rowsCommand: string;
  /** How the downloads of `records` begin, naming the run or recipe that made them (../downloadName.ts), set when it began. */
  rowsName: string;
  /** The warnings of the run that made `records`, as shown under the settings when it ended. */
  rowsMessages: string;
  /** The settings of the run the worker refused last, while the status says so. */
  refusedConfig: string | undefined;
  /** The recipe of that run, when it was a recipe's: its message is about a scale the settings do not hold (the scale boxes' change drops it). */
  refusedRecipe: string | undefined;
  /** The pending read of the corpus after typing in the JSONL field (or, with bpe:K, the holdout or seed: see settingsControls.ts); a run clears it, as it reads the corpus itself. */
  reread: ReturnType<typeof setTimeout> | undefined;
  /**
   * The page's settings before a recipe now waiting for its corpus moved to its own corpus: a recipe
   * pressed meanwhile replaces it and moves back there, not to the first recipe's corpus (audit).
   */
  recipeWaitingFrom: PageSettings | undefined;
  /** The corpora a user brought in (dropped or pasted), each with how many times its name was (re)loaded. */
  readonly userCorpora: Map<string, number>;
}

export const page: PageState = {
  state: undefined as unknown as PageSettings,
  running: false,
  header: CURVE_COLUMNS,
  records: [],
  law: undefined,
  lastCommand: '',
  rowsKey: undefined,
  rowsRecipe: undefined,
  rowsCommand: '',
  rowsName: 'ngram-collapse',
  rowsMessages: '',
  refusedConfig: undefined,
  refusedRecipe: undefined,
  reread: undefined,
  recipeWaitingFrom: undefined,
  userCorpora: new Map(),
};

/** The key of what the page shows now: its config, and which version of a user's text it names. */
export function rowsKeyNow(): string {
  return `${configHash(pageConfig(page.state))}|${page.userCorpora.get(page.state.corpus) ?? 0}`;
}
