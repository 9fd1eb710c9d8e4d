#!/usr/bin/env node
/**
 * The `ngram-collapse` executable: runs the CLI on the real process streams and sets the exit code.
 * A simulating command on a corpus of some size runs in a child process with glibc's allocator tuned
 * (./allocatorRelaunch.ts; the child ends itself when its parent is gone); the program itself is
 * loaded only where the command runs. `run` and `recipe NAME` take signals from the first line on
 * (./signals.ts watchStartup: a signal as the program loaded ended the process with no line). A closed pipe or a full disk on stdout ends it with one line or
 * none, never a stack trace (./standardStreams.ts). The process ends with the command's exit code once
 * its streams have taken their last line (./processEnd.ts).
 */

import { processHost, relaunchEnvironment, runRelaunched, simulates, watchParent } from './allocatorRelaunch.js';
import { PROGRAM_NAME } from './packageVersion.js';
import { endProcess } from './processEnd.js';
import { endStartupWatch, SIGNAL_EXIT_CODES, stoppedAtStart, watchStartup } from './signals.js';

const argv = process.argv.slice(2);
// (a command that takes signals takes them from here: while the program loads, nothing is written yet,
// and the process ends at once with its line; standard error is written synchronously on Linux)
const stop = (name: NodeJS.Signals): void => {
  process.stderr.write(`${PROGRAM_NAME}: ${stoppedAtStart(name)}\n`);
  process.exit(SIGNAL_EXIT_CODES[name] ?? 130);
};
const takesSignals = simulates(argv);
if (takesSignals) watchStartup(stop);
const tuned = relaunchEnvironment(argv, process.env, processHost());
const relaunched = tuned === undefined ? undefined : await runRelaunched(tuned);
let code: number;
if (relaunched !== undefined) code = relaunched;
else {
  if (takesSignals) watchStartup(stop); // (again where a child could not be started: runRelaunched ended it)
  watchParent();
  const [{ runCli }, { processIO }, { guardStandardStreams }] = await Promise.all([import('./program.js'), import('./io.js'), import('./standardStreams.js')]);
  guardStandardStreams(process, (status) => process.exit(status), argv);
  code = await runCli(argv, processIO());
}
// (a command that never began its own watch, refused or only printing, ends as any other does)
endStartupWatch();
// (ended here, not by Node's clean-up, which hands the signals back to their default first: ./processEnd.ts)
await endProcess(code, [process.stdout, process.stderr], (status) => process.exit(status));
