/**
 * A setting's flag, as the CLI spells a library name: `humanRatio` as `--human-ratio` (run records name
 * what differs so, runRecord.ts fieldName; the CLI's line turns mergeCurves' names into flags with it,
 * cliTerms.ts). A leaf: the playground's bundle takes it without the exporters' file system.
 */
export function flagName(setting: string): string {
  return `--${setting.replace(/[A-Z]/gu, (letter) => `-${letter.toLowerCase()}`)}`;
}
