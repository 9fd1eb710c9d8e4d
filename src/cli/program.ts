/**
 * The ngram-collapse program: commander wiring and the one place where errors become an exit code.
 *
 * Contract: `runCli(argv, io)` parses `argv` (without node and script), runs the command, and resolves
 * to the exit code: 0 success, 1 runtime failure, 2 bad usage or bad input. Every error is one line on
 * io.stderr, `ngram-collapse: <what is wrong> (<what to do>)`, never a stack trace unless `--debug`.
 * It never calls process.exit, so tests run it in-process.
 */

import { Command, CommanderError } from 'commander';
import { InputError, RunIncompleteError, describeError } from '../errors.js';
import { generateCommand } from './commands/generate.js';
import { mergeCommand } from './commands/merge.js';
import { metricsCommand } from './commands/metrics.js';
import { plotCommand } from './commands/plot.js';
import { recipeCommand } from './commands/recipe.js';
import { runCommand } from './commands/run.js';
import { trainCommand } from './commands/train.js';
import type { CliIO } from './io.js';
import { packageVersion } from './version.js';

export const PROGRAM_NAME = 'ngram-collapse';

export { packageVersion };

export function buildProgram(io: CliIO): Command {
  const program = new Command(PROGRAM_NAME)
    .description('Token-level model-collapse simulator: n-gram models retrained on their own output')
    .version(packageVersion())
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(false);
  const commands = [runCommand(io), metricsCommand(io), generateCommand(io), trainCommand(io), plotCommand(io), mergeCommand(io), recipeCommand(io)];
  for (const command of commands) program.addCommand(command);
  configure(program, io);
  return program;
}

/** exitOverride and output routing on the program and every subcommand (commander does not inherit them). */
function configure(command: Command, io: CliIO): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => void io.stdout.write(text),
    writeErr: () => undefined,
    outputError: () => undefined,
  });
  for (const sub of command.commands) configure(sub, io);
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, io, debug);
  }
}

function report(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    const message = error.message.replace(/^error: /u, '').split('\n')[0];
    io.stderr.write(`${PROGRAM_NAME}: ${message} (see ${PROGRAM_NAME} --help)\n`);
    return 2;
  }
  if (debug && error instanceof Error) io.stderr.write(`${error.stack ?? error.message}\n`);
  if (error instanceof RunIncompleteError) {
    io.stderr.write(`${PROGRAM_NAME}: ${error.message} (${error.hint})\n`);
    return error.exitCode;
  }
  io.stderr.write(`${PROGRAM_NAME}: ${describeError(error)}\n`);
  return error instanceof InputError ? 2 : 1;
}
