#!/usr/bin/env node
/**
 * The `ngram-collapse` executable: runs the CLI on the real process streams and sets the exit code.
 * A simulating command on a corpus of some size runs in a child process with glibc's allocator tuned
 * (./allocatorRelaunch.ts; the child ends itself when its parent is gone); the program itself is
 * loaded only where the command runs. A closed pipe or a full disk on stdout ends it with one line or
 * none, never a stack trace (./standardStreams.ts). The process ends with the command's exit code once
 * its streams have taken their last line (./processEnd.ts).
 */

import { processHost, relaunchEnvironment, runRelaunched, watchParent } from './allocatorRelaunch.js';
import { endProcess } from './processEnd.js';

const argv = process.argv.slice(2);
const tuned = relaunchEnvironment(argv, process.env, processHost());
const relaunched = tuned === undefined ? undefined : await runRelaunched(tuned);
let code: number;
if (relaunched !== undefined) code = relaunched;
else {
  watchParent();
  const [{ runCli }, { processIO }, { guardStandardStreams }] = await Promise.all([import('./program.js'), import('./io.js'), import('./standardStreams.js')]);
  guardStandardStreams(process, (status) => process.exit(status), argv);
  code = await runCli(argv, processIO());
}
// (ended here, not by Node's clean-up, which hands the signals back to their default first: ./processEnd.ts)
await endProcess(code, [process.stdout, process.stderr], (status) => process.exit(status));
