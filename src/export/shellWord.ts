/**
 * A word of a command line as a POSIX shell reads it back: kept as it is when it holds only characters
 * no shell treats specially, else single-quoted (a quote inside written '\''). Pure: used by the run
 * record's command line and by a recipe's reproducing command (also in the browser).
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/gu, `'\\''`)}'`;
}
