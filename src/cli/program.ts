/**
 * The ngram-collapse program: commander wiring and the one place where errors become an exit code.
 *
 * Contract: `runCli(argv, io)` parses `argv` (without node and script), runs the command, and resolves
 * to the exit code: 0 success, 1 runtime failure, 2 bad usage or bad input, and for a command a signal
 * stopped where it takes signals (run, recipe, tokenize --out and train --arpa as they write) 128 + its
 * number (130 SIGINT, 143 SIGTERM, 129 SIGHUP). Every error is one line on
 * io.stderr, `ngram-collapse: <what is wrong> (<what to do>)`, never a stack trace unless `--debug`.
 * It never calls process.exit, so tests run it in-process.
 */

import { Command, CommanderError } from 'commander';
import { InputError, OutputWriteError, RunIncompleteError, describeError, oneLine } from '../errors.js';
import { inCliTerms } from './cliTerms.js';
import { generateCommand } from './commands/generate.js';
import { mergeCommand } from './commands/merge.js';
import { metricsCommand } from './commands/metrics.js';
import { playgroundCommand } from './commands/playground.js';
import { plotCommand } from './commands/plot.js';
import { recipeCommand } from './commands/recipe.js';
import { runCommand } from './commands/run.js';
import { tokenizeCommand } from './commands/tokenize.js';
import { trainCommand } from './commands/train.js';
import { HeldWarnings } from './heldWarnings.js';
import type { CliIO } from './io.js';
import { packageVersion, PROGRAM_NAME } from './packageVersion.js';
import { BROKEN_PIPE_STATUS } from './standardStreams.js';
import { quotedText } from '../validation/valueRule.js';

export { PROGRAM_NAME } from './packageVersion.js';

export function buildProgram(io: CliIO): Command {
  const program = new Command(PROGRAM_NAME)
    .description('Token-level model-collapse simulator: n-gram models retrained on their own output')
    .version(packageVersion())
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(false);
  const commands = [runCommand(io), metricsCommand(io), generateCommand(io), trainCommand(io), plotCommand(io), mergeCommand(io), recipeCommand(io), tokenizeCommand(io), playgroundCommand(io)];
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
  // (warnings of the input are held until the command goes on: a refusal's line alone, see heldWarnings.ts)
  const held = new HeldWarnings(io);
  const program = buildProgram(held.io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    held.release();
    return 0;
  } catch (error) {
    if (refusesInput(error)) held.discard();
    else held.release();
    return report(error, held.io, debug, helpFor(program, argv), { argv, commands: program.commands.map((command) => command.name()), takesCorpus: extraArgumentMayBeCorpus(program, argv), stray: strayWords(program) });
  }
}

/** True for the errors `report` gives exit code 2: a command line or an input refused. */
function refusesInput(error: unknown): boolean {
  return error instanceof CommanderError ? error.exitCode !== 0 : error instanceof InputError;
}

/**
 * What commander meant by showing the help as an error (to the stream we silence, saying only
 * '(outputHelp)'): no command given, or `help` asked about a name that is no command.
 */
function helpShownAsError(argv: readonly string[], commands: readonly string[]): { readonly said: string; readonly choices: string } {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const choices = `use one of: ${commands.join(', ')}`;
  return { said: words[0] === 'help' && words[1] !== undefined ? `help knows no command '${words[1]}'` : 'no command given', choices };
}

/** The command argv names, if any. */
function commandOf(program: Command, argv: readonly string[]): Command | undefined {
  const name = argv.find((arg) => !arg.startsWith('-'));
  return program.commands.find((sub) => sub.name() === name);
}

/**
 * True if a word too many on argv's command line may be a corpus given without its flag: the command
 * reads corpora with --corpus, and is not `recipe list` (which runs nothing: `recipe list extra` was told
 * to give a corpus: audit).
 */
function extraArgumentMayBeCorpus(program: Command, argv: readonly string[]): boolean {
  const command = commandOf(program, argv);
  if (command === undefined || !command.options.some((option) => option.long === '--corpus')) return false;
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return !(command.name() === 'recipe' && words[1] === 'list');
}

/**
 * The words a command took as arguments beyond those it declares (commander's excess arguments, which
 * its message counts but does not name), read off the command that parsed them.
 */
function strayWords(program: Command): string[] {
  const command = program.commands.find((sub) => sub.args.length > sub.registeredArguments.length);
  return command === undefined ? [] : command.args.slice(command.registeredArguments.length);
}

/**
 * What to do about words too many: a list written with spaces after its commas (`--human-ratio 0, 0.1`:
 * the word before the stray one ends in a comma) is one word; else, where the command reads corpora
 * with --corpus, a corpus given without its flag (`run notes.txt`). Undefined where neither fits.
 */
function strayHint(argv: readonly string[], stray: readonly string[], takesCorpus: boolean): string | undefined {
  for (const word of stray) {
    // (the stray word where it follows a comma, not its first occurrence, which may be an earlier
    // option's value: `--generations 5 --human-ratio 0, 5`; and `--flag=0, 0.1` as `--flag 0, 0.1`: review)
    const at = argv.findIndex((arg, i) => arg === word && i > 0 && argv[i - 1]!.endsWith(','));
    if (at < 0) continue;
    const joined = /^(--[^=]+)=(.*)$/u.exec(argv[at - 1]!);
    const [flag, list] = joined !== null ? [joined[1]!, joined[2]!] : [argv[at - 2], argv[at - 1]!];
    if (flag?.startsWith('--') === true) return `a list is one word: ${flag} ${list}${word}, or quoted: '${list} ${word}'`;
  }
  return takesCorpus ? 'give a corpus with --corpus SPEC' : undefined;
}

/** The help a usage error points to: the command's own (`ngram-collapse run --help`) when argv names one. */
function helpFor(program: Command, argv: readonly string[]): string {
  const command = commandOf(program, argv);
  return command === undefined ? `${PROGRAM_NAME} --help` : `${PROGRAM_NAME} ${command.name()} --help`;
}

function report(error: unknown, io: CliIO, debug: boolean, help: string, given: { readonly argv: readonly string[]; readonly commands: readonly string[]; readonly takesCorpus: boolean; readonly stray: readonly string[] }): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    const shown = error.code === 'commander.help' ? helpShownAsError(given.argv, given.commands) : undefined;
    // (its message whole, a line break in a value given shown as \n by oneLine: the first line alone cut `--o\nx` to '--o: audit)
    const said = shown?.said ?? error.message.replace(/^error: /u, '').trimEnd();
    // (`run notes.txt`: a corpus given without its flag; `--human-ratio 0, 0.1`: a list cut in two, which was
    // told to give a corpus, naming no word: probe)
    const message = error.code === 'commander.excessArguments' ? excessMessage(said, given) : said;
    // (one hint in one pair of brackets: it printed two, `(use one of: ...) (see ...)`: audit)
    io.stderr.write(`${PROGRAM_NAME}: ${oneLine(`${message} (${shown === undefined ? '' : `${shown.choices}; `}see ${help})`)}\n`);
    return 2;
  }
  if (debug && error instanceof Error) io.stderr.write(`${error.stack ?? error.message}\n`);
  // (an output named as a pipe whose reader went away, `plot r.csv --out /dev/stdout | head`: as a closed
  // standard output, the status of a program the pipe's signal stops, and no line: it printed a raw EPIPE, exit 1)
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return BROKEN_PIPE_STATUS;
  if (error instanceof RunIncompleteError) {
    io.stderr.write(`${PROGRAM_NAME}: ${oneLine(`${error.message} (${error.hint})`)}\n`);
    return error.exitCode;
  }
  // (the library's names for its settings as the flags: ./cliTerms.ts)
  io.stderr.write(`${PROGRAM_NAME}: ${describeError(inCliTerms(error), error instanceof OutputWriteError ? writeFailureHint(error.code) : 'rerun with --debug for details')}\n`);
  return error instanceof InputError ? 2 : 1;
}

/** commander's excess-arguments message with the stray words named, and what to do where strayHint knows. */
function excessMessage(said: string, given: { readonly argv: readonly string[]; readonly takesCorpus: boolean; readonly stray: readonly string[] }): string {
  // (each cut as a message quotes a field: a word of any length stays one line)
  const named = given.stray.length === 0 ? said : `${said.replace(/\.$/u, '')} (${given.stray.map((word) => quotedText(word)).join(', ')})`;
  const hint = strayHint(given.argv, given.stray, given.takesCorpus);
  return hint === undefined ? named : `${named.replace(/\.$/u, '')}: ${hint}`;
}

/** What to do about an output that failed while it was written, by the system's code. */
function writeFailureHint(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'free some space, or write to another disk';
  if (code === 'EFBIG') return 'the file passes the largest size this process may write (ulimit -f): raise that limit, or write less';
  return 'rerun with --debug for details';
}
