/**
 * A word of a command line as a POSIX shell reads it back: kept as it is when it holds only characters
 * no shell treats specially, else single-quoted (a quote inside written '\''). Pure: used by the run
 * record's command line and by a recipe's reproducing command (also in the browser).
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/gu, `'\\''`)}'`;
}

/**
 * A flag and its value as shell words: `--flag value`, or `--flag=value` when the value starts with
 * '-' (a file named -notes.txt), which the CLI would otherwise read as a flag ('-' alone, standard
 * input, stays apart). Joined with '=', the flag takes that one value.
 */
export function optionWords(flag: string, value: string): string[] {
  return value.startsWith('-') && value !== '-' ? [shellWord(`${flag}=${value}`)] : [flag, shellWord(value)];
}
