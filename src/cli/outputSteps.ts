/**
 * Outputs written one after another until a signal: what `run` does once its series are complete
 * (--summary, --survival, --report). Each step writes one whole file (it appears complete or not at
 * all); a signal lets the step under way finish and stops before the next.
 *
 * Contract: `writeInTurn(steps, signal)` runs the steps in order, checking `signal` before each, and
 * resolves to the outputs of the steps it did not run (empty when all ran). A step's error rejects.
 */

export interface OutputStep {
  /** The output as the user gave it, e.g. `--summary s.csv`. */
  readonly output: string;
  readonly write: () => Promise<void>;
}

export async function writeInTurn(steps: readonly OutputStep[], signal: AbortSignal): Promise<string[]> {
  for (const [i, step] of steps.entries()) {
    if (signal.aborted) return steps.slice(i).map(({ output }) => output);
    await step.write();
  }
  return [];
}
