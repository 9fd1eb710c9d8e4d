#!/usr/bin/env node
/**
 * The `ngram-collapse` executable: runs the CLI on the real process streams and sets the exit code.
 */

import { runCli } from './program.js';
import { processIO } from './io.js';

process.exitCode = await runCli(process.argv.slice(2), processIO());
