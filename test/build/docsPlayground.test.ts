/**
 * docs/playground.html, the page README links to, is the page `npm run build` writes
 * (dist/playground.html, built by `npm test` before the tests), byte for byte: a change to code the
 * page bundles (a recipe's finding, say) left the docs' copy behind until someone ran
 * `npm run docs:playground` (audit).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url);

describe('docs/playground.html', () => {
  it('is the page the build writes (npm run docs:playground copies it there)', () => {
    const built = readFileSync(new URL('dist/playground.html', ROOT));
    const docs = readFileSync(new URL('docs/playground.html', ROOT));
    // (a byte comparison, so a failure does not print two 1.8 MB pages)
    const first = built.findIndex((byte, i) => byte !== docs[i]);
    expect({ sameLength: built.length === docs.length, firstDifference: first }).toEqual({ sameLength: true, firstDifference: -1 });
  });
});
