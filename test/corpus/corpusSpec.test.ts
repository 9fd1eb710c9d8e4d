import { describe, expect, it } from 'vitest';
import { isBrownSpec, namesItself, specOfFile } from '../../src/corpus/corpusSpec.js';

describe('corpusSpec', () => {
  it('tells the built-in corpus and standard input from a path', () => {
    expect(['brown', 'brown:news', 'brown:nosuch'].map(isBrownSpec)).toEqual([true, true, true]);
    expect(['browns', 'Brown', './brown', 'brown.txt', '-'].map(isBrownSpec)).toEqual([false, false, false, false, false]);
    expect(['-', 'brown', 'brown:news'].map(namesItself)).toEqual([false, false, false]);
    expect(['a.txt', '--', 'a*.txt', './-'].map(namesItself)).toEqual([true, true, true, true]);
  });

  it("gives the spec that reads a file of that name: the name, or ./ before one the name alone would not read", () => {
    expect(['a.txt', 'brown.txt', 'brown', 'brown:news', '-'].map(specOfFile)).toEqual(['a.txt', 'brown.txt', './brown', './brown:news', './-']);
  });
});
