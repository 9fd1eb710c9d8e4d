/**
 * The run status's fixed lines (what it says when a start is refused, each until a setting changes)
 * and `counted`, a count in words. The status line is read out by screen readers: each says why
 * nothing ran and where the message stands.
 */

/** What the run status says when a recipe's scale (its generations or replicates) is refused. */
export const RECIPE_SCALE_REFUSED = 'Not run: the recipe\'s generations or replicates are refused (the message is above the recipes).';

/** What the run status says when Run (or a recipe) finds a setting refused. */
export const SETTING_REFUSED = 'Not run: a setting is refused (its message is beside it or under the settings).';

/** What the run status says when Run found the corpus refused, until a setting changes. */
export const CORPUS_REFUSED = 'Not run: the corpus was refused (its message is under the corpus).';

/** What the run status says when the worker refused a run, until a setting changes (page.refusedConfig). */
export const RUN_REFUSED = 'Not run: the run was refused (its message is under the settings)';

/** What the run status says after a refused link, until a setting changes. */
export const REFUSED_LINK = "The link's settings were refused: the controls hold the defaults.";

/** `count` `noun`s, in words ("1 token", "2,048 tokens"; it said "1 tokens": audit). */
export function counted(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
