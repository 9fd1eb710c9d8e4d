/**
 * A band of binomial standard errors around a law's probability, for a share of seed types that
 * survive (each type a Bernoulli trial): its standard error, when the normal approximation it rests on
 * applies, and why a law on seed hapaxes cannot be tested when it does not. Pure.
 */

/**
 * Whether a share measured over `trials` Bernoulli trials (seed hapaxes x replicates) can be held
 * against a law's probability p by a band of standard errors: the normal approximation of the binomial
 * the band rests on needs trials p >= 10 and trials (1 - p) >= 10 (the success-failure condition;
 * Diez, Çetinkaya-Rundel & Barr, OpenIntro Statistics, 4th ed., section 5.1). With fewer, 4 standard
 * errors span most of 0..1 and no measured share could fail (a drift check on 3 hapaxes held with 0.17
 * against 0.64: audit).
 */
export function normalBandApplies(p: number, trials: number): boolean {
  return trials * p >= MIN_EXPECTED_TRIALS && trials * (1 - p) >= MIN_EXPECTED_TRIALS;
}

/** The standard error of a share of `trials` independent trials, each a success with probability p: sqrt(p (1 - p) / trials). */
export function binomialStandardError(p: number, trials: number): number {
  return Math.sqrt((p * (1 - p)) / trials);
}

/** The success-failure condition's least expected number of successes and of failures. */
export const MIN_EXPECTED_TRIALS = 10;

/**
 * Why a law on seed hapaxes cannot be tested with `hapaxes` x `replicates` trials (normalBandApplies
 * said no), and what would let it: more replicates, or, with no hapax at all, another corpus.
 */
export function tooFewHapaxes(hapaxes: number, replicates: number): string {
  if (hapaxes === 0) return 'H has no seed hapax, so the law has nothing to test (a corpus with words seen once tests it)';
  return (
    `too few seed hapaxes to test: ${hapaxes} x ${replicates} replicates = ${hapaxes * replicates} trials, and a band of standard errors ` +
    `needs at least ${MIN_EXPECTED_TRIALS} expected survivors and ${MIN_EXPECTED_TRIALS} expected losses (run more --replicates, or a larger corpus)`
  );
}
