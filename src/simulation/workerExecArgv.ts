/**
 * workerExecArgv: the Node options a worker thread starts with. A worker inherits its process's
 * `process.execArgv`, and `--input-type` there (a program given as `node --input-type=module -e
 * '...'`) makes every worker fail as it loads its script (ERR_INPUT_TYPE_NOT_ALLOWED: a script file
 * cannot have an input type), so a run with workers from such a program failed whole (probe).
 *
 * Contract: `workerExecArgv(execArgv = process.execArgv)` is undefined when `execArgv` holds nothing a worker must not
 * inherit (the worker then inherits as Node does by default), else `execArgv` without the options that
 * only describe the process's own entry: `--input-type` (`=value` or its value as the next word) and
 * the program text of `-e`, `--eval`, `-p`, `--print` (the same forms). Every other option is kept,
 * in order. (The one file of the simulation that reads `process`: its start options, no more.)
 */

/** The options of the entry text alone, which take a value. */
const ENTRY_OPTIONS = new Set(['--input-type', '-e', '--eval', '-p', '--print']);

export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] | undefined {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i]!;
    if (ENTRY_OPTIONS.has(option)) {
      i++; // its value, the next word
      continue;
    }
    if (ENTRY_OPTIONS.has(option.split('=', 1)[0]!) && option.includes('=')) continue;
    kept.push(option);
  }
  return kept.length === execArgv.length ? undefined : kept;
}
