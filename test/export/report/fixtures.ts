/**
 * Paths of the hand-made plot fixtures (test/fixtures/plots, described in its README) and small helpers
 * shared by the report tests.
 */

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/plots/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);
export const TEST_OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
