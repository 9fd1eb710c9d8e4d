/**
 * The one-sided sign test: how likely `successes` or more of `trials` independent changes go one way
 * when each goes either way with probability 1/2 (no effect).
 *
 * Contract: `signTestP(successes, trials)` = P(X >= successes), X ~ Binomial(trials, 1/2), for whole
 * numbers 0 <= successes <= trials (1 at successes = 0; 2^-trials at successes = trials), each term
 * exp(log C(trials, i) - trials ln 2) computed in log space, so the terms that matter are exact to
 * rounding for trials up to 10^6 (past 1,074 trials the outermost ones underflow to 0, below any sum
 * they could change: signTestP(1075, 1075) is 0, 2^-1075 not being a double). The test: e.g. Conover,
 * Practical Nonparametric Statistics, 3rd ed. (1999), section 3.4. `fewestForSign(level)` is the
 * fewest trials whose best outcome, all of them one way, has P < level (5 at 0.05: 1/32; 4 give 1/16).
 * Throws RangeError on arguments outside that. O(trials).
 */

export function signTestP(successes: number, trials: number): number {
  if (!Number.isSafeInteger(trials) || trials < 0 || !Number.isSafeInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`signTestP needs whole numbers 0 <= successes <= trials, got ${successes} of ${trials}`);
  }
  // ln C(trials, i) - trials ln 2, from i = 0 upwards: ln C(n, i) = ln C(n, i - 1) + ln((n - i + 1) / i)
  let logTerm = -trials * Math.LN2;
  let tail = successes === 0 ? Math.exp(logTerm) : 0;
  for (let i = 1; i <= trials; i++) {
    logTerm += Math.log((trials - i + 1) / i);
    if (i >= successes) tail += Math.exp(logTerm);
  }
  return Math.min(1, tail);
}

export function fewestForSign(level: number): number {
  if (!(level > 0 && level <= 1)) throw new RangeError(`fewestForSign needs a level in (0, 1], got ${level}`);
  let trials = 0;
  while (2 ** -trials >= level) trials++;
  return trials;
}
