/**
 * Recipe `anchor`: a fixed real sentence or a prior keeps retraining from being absorbed (Jangjoo,
 * Marsili & Roudi, "Lost in Retraining: Closed-Loop Learning and Model Collapse in Exponential Families", Phys. Rev. Lett. 2026).
 *
 * Cells (order 2, no human data, replace): pure MLE; MLE with one fixed human sentence added to every
 * training set (`--anchor 1`); add-k with the seed vocabulary (`--smoothing add-k --vocab seed`: the
 * prior). Pure MLE retraining is an absorbing process: a type that vanishes has probability 0 and never
 * returns. With an anchor or a prior the process is not absorbed: what the anchor holds, and with the
 * prior every seed type, keeps a non-zero probability and comes back after vanishing. Honestly: one
 * anchor sentence preserves its own tokens only; the other rare tokens vanish as fast as without it.
 * A check is undecided where the rows cannot test it, unless what they can read already fails it:
 * nothing lost (pure MLE keeping every seed type, the prior cell never losing one, the anchored cell
 * losing none outside its sentence), fewer than MIN_RARE_TYPES (20) rare seed types in a series for the
 * rare comparison, or a measure with no value.
 */

import type { SeriesSurvival } from './tokenSurvival.js';
import { lastGeneration, meanAt } from './rowStats.js';
import { shown, text } from './findingNumbers.js';
import { cellRuns, type Finding, type Recipe, type RecipeData } from './recipe.js';

export const ANCHOR_CELLS = {
  mle: 'anchor=0/smoothing=mle/vocab=observed',
  anchored: 'anchor=1/smoothing=mle/vocab=observed',
  prior: 'anchor=0/smoothing=add-k/vocab=seed',
} as const;

export const anchor: Recipe = {
  name: 'anchor',
  title: 'An anchor sentence or a prior',
  claim:
    'Pure maximum-likelihood retraining is absorbed: a lost type never returns. One fixed real sentence in every ' +
    'training set, or a prior over the seed vocabulary, keeps the process from being absorbed. One sentence only ' +
    'keeps its own tokens alive; other rare tokens still vanish.',
  sources: ['Jangjoo, Marsili & Roudi, "Lost in Retraining: Closed-Loop Learning and Model Collapse in Exponential Families", Physical Review Letters 136, 197301, 2026 (arXiv:2506.20623)'],
  defaultCorpus: ['brown:news'],
  defaults: { generations: 20, replicates: 3 },
  needs: { tokenSurvival: true },
  runs: (scale) => cellRuns(scale, [{}, { anchor: 1 }, { smoothing: 'add-k', vocab: 'seed' }]),
  findings: anchorFindings,
  notes: [
    'The prior is not free: add-k spreads mass over every seed type in every context, so its text is far less like H ' +
      '(see gen0_perplexity in the report).',
  ],
};

/** What each check reads: the rows, each cell's series of survival, the last generation and the rare threshold. */
interface Reader {
  readonly rows: RecipeData['rows'];
  readonly last: number;
  readonly rareThreshold: number;
  of(cell: string): SeriesSurvival[];
}

export function anchorFindings(data: RecipeData): Finding[] {
  const { rows, survival } = data;
  const read: Reader = {
    rows,
    last: lastGeneration(rows),
    rareThreshold: data.run.reference.rareThreshold,
    of: (cell) => survival.filter((series) => series.cell === cell),
  };
  return [mleAbsorbed(read), anchorSurvives(read), anchorProtectsNoOther(read), priorNotAbsorbed(read)];
}

/**
 * Pure MLE: no lost seed type comes back, and the vocabulary shrinks. Undecided where the cell lost no
 * seed type (vocab_retention 1 at the last generation, or none measured) and none came back: with
 * nothing lost, nothing could fail to return (a corpus of one repeated sentence read "does not hold":
 * review).
 */
function mleAbsorbed({ rows, last, of }: Reader): Finding {
  const returns = sum(of(ANCHOR_CELLS.mle), (series) => total(series.comebacks));
  const retention = meanAt(rows, ANCHOR_CELLS.mle, last, 'vocab_retention');
  const undecided =
    returns > 0
      ? undefined
      : retention === undefined
        ? `pure MLE has no vocab_retention at generation ${last}`
        : retention >= 1
          ? `pure MLE lost no seed type by generation ${last} (vocab_retention 1): nothing was lost, so nothing could fail to come back`
          : undefined;
  return {
    name: 'pure MLE is absorbed',
    expected: 'a type that vanishes never comes back, so the vocabulary only shrinks',
    observed: `lost seed types that came back, over all replicates: ${returns}; vocab_retention at generation ${last}: ${text(retention)}`,
    numbers: { returns, vocab_retention_last: shown(retention) },
    holds: returns === 0 && retention! < 1,
    ...(undecided === undefined ? {} : { undecided }),
  };
}

/** The anchor sentence's own tokens survive (or come back) while the cell loses other types. */
function anchorSurvives({ last, of }: Reader): Finding {
  const anchored = of(ANCHOR_CELLS.anchored);
  const own = anchorTokenStats(anchored);
  const lostOthers = sum(anchored, lostOutsideAnchor);
  const ownHolds = own.tokens > 0 && own.presentAtEnd / own.tokens >= 0.5 && (own.returns > 0 || (own.presentAtEnd === own.tokens && own.anchorOnly > 0));
  // (where the cell loses no other type, its anchor's tokens survive as every type does: that shows
  // nothing, audit; on one repeated sentence it read "does not hold": review. An anchor of common words,
  // all present and none ever missing, survives as it would without the anchor: it read "holds" on no
  // evidence, audit)
  const common = own.tokens > 0 && own.presentAtEnd === own.tokens && own.returns === 0 && own.anchorOnly === 0;
  const undecided = [
    ...(common ? ['every anchor token is common in H (none seen only once or twice) and none ever went missing: a cell without the anchor keeps such tokens too (another --seed draws another sentence)'] : []),
    ...((ownHolds || common) && lostOthers === 0 ? [`the anchored cell lost no seed type outside its anchor sentence by generation ${last}: its tokens survived as every type did`] : []),
  ];
  return {
    name: 'the anchor is not absorbed: its own tokens survive',
    expected: "the anchor sentence's tokens keep a non-zero probability, so they never vanish for good, while the cell loses other types",
    observed:
      `anchor tokens present in the text at generation ${last}, replicates pooled: ${own.presentAtEnd} of ${own.tokens} ` +
      `(${own.anchorOnly} of them seen in H only once or twice); anchor tokens that vanished and came back: ${own.returns} returns; ` +
      `seed types outside the anchor missing at generation ${last}, summed over the replicates: ${lostOthers}`,
    numbers: { anchor_tokens: own.tokens, present_at_last: own.presentAtEnd, anchor_returns: own.returns, lost_outside_anchor: lostOthers },
    holds: ownHolds && lostOthers > 0,
    ...(undecided.length === 0 ? {} : { undecided: undecided.join('; ') }),
  };
}

/**
 * The rare tokens outside the anchor vanish about as fast as without it (rare_survival counts the
 * anchor's own, which it keeps, and on a small corpus, where most of a sentence's tokens are rare,
 * they made the anchored cell look protected: audit).
 */
function anchorProtectsNoOther({ rows, last, rareThreshold, of }: Reader): Finding {
  const rareAnchored = rareOutsideAnchor(of(ANCHOR_CELLS.anchored), rareThreshold);
  const rareMle = rareOutsideAnchor(of(ANCHOR_CELLS.mle), rareThreshold);
  const retentionAnchored = meanAt(rows, ANCHOR_CELLS.anchored, last, 'vocab_retention');
  const retentionMle = meanAt(rows, ANCHOR_CELLS.mle, last, 'vocab_retention');
  const retentionClose = retentionAnchored !== undefined && retentionMle !== undefined ? Math.abs(retentionAnchored - retentionMle) < 0.05 : undefined;
  // (2 seed-rare types per series compared 0.5 with 0 on 3000 Brown lines read with bpe:300, and a corpus
  // with none compared n/a with n/a, each "does not hold": review)
  const tooFew = ([['with the anchor (outside its sentence)', rareAnchored.fewest], ['without it', rareMle.fewest]] as const).filter(([, fewest]) => fewest < MIN_RARE_TYPES);
  // (a gap wider than one type's share in the coarsest series is a difference the rows do show: 0.8
  // over 10 types read undecided: review)
  const gap = rareAnchored.share === undefined || rareMle.share === undefined ? undefined : Math.abs(rareAnchored.share - rareMle.share);
  const coarsest = Math.min(...tooFew.map(([, fewest]) => fewest));
  const beyondOneType = gap !== undefined && coarsest > 0 && gap > 1 / coarsest;
  const undecided =
    retentionClose === false || beyondOneType
      ? undefined
      : tooFew.length > 0
        ? `${tooFew.map(([where, fewest]) => `${fewest === 0 ? 'no' : `as few as ${fewest}`} rare seed types ${where}`).join(', ')}, of the ${MIN_RARE_TYPES} a series needs (below ${MIN_RARE_TYPES} one type moves the share by more than the 0.05 the check allows)`
        : retentionClose === undefined
          ? `no vocab_retention at generation ${last}`
          : undefined;
  return {
    name: 'one anchor sentence does not protect the other rare tokens',
    expected: `rare tokens outside the anchor sentence vanish about as fast as without it (within 0.05, with ${MIN_RARE_TYPES} rare seed types or more in every series)`,
    observed:
      `at generation ${last}: rare seed types outside the anchor sentence still present ${text(rareAnchored.share)} with the anchor vs ${text(rareMle.share)} of all rare seed types without; ` +
      `vocab_retention ${text(retentionAnchored)} vs ${text(retentionMle)}`,
    numbers: {
      rare_survival_outside_anchor: shown(rareAnchored.share),
      rare_survival_mle: shown(rareMle.share),
      vocab_retention_anchor: shown(retentionAnchored),
      vocab_retention_mle: shown(retentionMle),
      fewest_rare_types_anchor: rareAnchored.fewest,
      fewest_rare_types_mle: rareMle.fewest,
    },
    holds: undecided === undefined && retentionClose === true && Math.abs(rareAnchored.share! - rareMle.share!) < 0.05,
    ...(undecided === undefined ? {} : { undecided }),
  };
}

/**
 * The fewest rare seed types a series must have (outside its anchor sentence) for the rare-survival
 * comparison: a share over fewer than 20 types moves by more than 1/20 = 0.05, the check's tolerance,
 * with one type more or less.
 */
export const MIN_RARE_TYPES = 20;

/**
 * With a prior over the seed vocabulary, lost types come back, retention holds and rare survival beats
 * pure MLE's. A part the rows cannot read leaves the check undecided unless another part fails: no
 * return where the prior cell never lost a seed type (nothing to come back: review, 3000 Brown lines
 * with bpe:300), no vocab_retention or rare_survival to compare.
 */
function priorNotAbsorbed({ rows, last, of }: Reader): Finding {
  const prior = of(ANCHOR_CELLS.prior);
  const returns = sum(prior, (series) => total(series.comebacks));
  const lostAny = prior.some((series) => series.firstAbsent.some((generation) => generation >= 0));
  const first = meanAt(rows, ANCHOR_CELLS.prior, 1, 'vocab_retention');
  const atLast = meanAt(rows, ANCHOR_CELLS.prior, last, 'vocab_retention');
  const rarePrior = meanAt(rows, ANCHOR_CELLS.prior, last, 'rare_survival');
  const rareMle = meanAt(rows, ANCHOR_CELLS.mle, last, 'rare_survival');
  // each part: true, false, or the reason it cannot be read
  const parts: Array<boolean | string> = [
    returns > 0 || (lostAny ? false : `the prior cell lost no seed type in any generation: nothing to come back`),
    first === undefined || atLast === undefined ? `the prior cell has no vocab_retention at generation ${first === undefined ? 1 : last}` : atLast >= first - 0.05,
    rarePrior === undefined || rareMle === undefined ? `no rare_survival at generation ${last} (H has no rare seed type)` : rarePrior > rareMle + 0.2,
  ];
  const unread = parts.filter((part): part is string => typeof part === 'string');
  const undecided = parts.includes(false) || unread.length === 0 ? undefined : unread.join('; ');
  return {
    name: 'the prior is not absorbed',
    expected: 'with a prior over the seed vocabulary, lost types come back and the vocabulary does not shrink away',
    observed:
      `returns of lost seed types: ${returns} (${prior.length} replicates); vocab_retention ${text(first)} (generation 1) -> ${text(atLast)} (${last}); ` +
      `rare_survival at ${last}: ${text(rarePrior)} vs ${text(rareMle)} for pure MLE`,
    numbers: { returns, vocab_retention_1: shown(first), vocab_retention_last: shown(atLast), rare_survival_last: shown(rarePrior), rare_survival_mle_last: shown(rareMle) },
    holds: parts.every((part) => part === true),
    ...(undecided === undefined ? {} : { undecided }),
  };
}

/**
 * The share of the rare seed types (count in H <= the threshold) outside a series' anchor sentence (all
 * of them without one) present at its last generation, the mean over the series (undefined when no
 * series has such a type), and the fewest such types in a series that has any (0 where none has). With no anchor
 * the share is the series' rare_survival at the last generation.
 */
function rareOutsideAnchor(series: readonly SeriesSurvival[], rareThreshold: number): { share: number | undefined; fewest: number } {
  const rareOf = series.map((one) => outsideAnchor(one).filter((i) => one.seedCounts[i]! <= rareThreshold));
  const shares = series.flatMap((one, s) => {
    const rare = rareOf[s]!;
    return rare.length === 0 ? [] : [rare.filter((i) => one.lastSeen[i] === one.generations).length / rare.length];
  });
  return {
    share: shares.length === 0 ? undefined : shares.reduce((sum, share) => sum + share, 0) / shares.length,
    // (of the series that have any: one without is left out of the share, not a reason to decide nothing: review)
    fewest: shares.length === 0 ? 0 : Math.min(...rareOf.filter((rare) => rare.length > 0).map((rare) => rare.length)),
  };
}

/** How many seed types outside a series' anchor sentence are missing from its last generation's text. */
function lostOutsideAnchor(one: SeriesSurvival): number {
  return outsideAnchor(one).filter((i) => one.lastSeen[i] !== one.generations).length;
}

/** The indexes (into `types`) of a series' seed types that are not among its anchor sentence's tokens (all without one). */
function outsideAnchor(one: SeriesSurvival): number[] {
  const anchorTokens = new Set(one.anchorTokens ?? []);
  const indexes: number[] = [];
  one.types.forEach((id, i) => {
    if (!anchorTokens.has(id)) indexes.push(i);
  });
  return indexes;
}

/** The anchor sentence's own seed tokens, pooled over the series of the anchored cell. */
function anchorTokenStats(series: readonly SeriesSurvival[]) {
  let tokens = 0;
  let presentAtEnd = 0;
  let returns = 0;
  let anchorOnly = 0;
  for (const one of series) {
    const index = new Map<number, number>();
    one.types.forEach((id, i) => index.set(id, i));
    for (const id of one.anchorTokens ?? []) {
      const i = index.get(id);
      if (i === undefined) continue;
      tokens++;
      if (one.lastSeen[i] === one.generations) presentAtEnd++;
      returns += one.comebacks[i]!;
      if (one.seedCounts[i]! <= 2) anchorOnly++;
    }
  }
  return { tokens, presentAtEnd, returns, anchorOnly };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((acc, item) => acc + value(item), 0);
}

function total(values: Int32Array): number {
  let s = 0;
  for (const value of values) s += value;
  return s;
}
