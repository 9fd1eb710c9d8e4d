/** What `run` throws, or undefined if it returns (for tests that check an error's type and its whole line). */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
