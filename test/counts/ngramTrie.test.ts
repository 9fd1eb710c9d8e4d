import { describe, expect, it } from 'vitest';
import { buildNgramTrie, childOf, findNode, longestSeenHistory, orderOf } from '../../src/counts/ngramTrie.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { A, B, C, TINY } from '../model/fixtures.js';

const BOS = 0;
const EOS = 1;

describe('buildNgramTrie', () => {
  const trie = buildNgramTrie(TINY, 3, 5);
  const count = (...ids: number[]) => {
    const node = findNode(trie, ids, 0, ids.length);
    return node < 0 ? 0 : trie.count[node]!;
  };

  it('counts every k-gram inside <s> w1..wm </s>, one marker each side', () => {
    // <s> a b </s> | <s> a c </s> | <s> b </s>
    expect([count(BOS), count(A), count(B), count(C), count(EOS)]).toEqual([3, 2, 2, 1, 3]);
    expect([count(BOS, A), count(BOS, B), count(A, B), count(A, C), count(B, EOS), count(C, EOS)]).toEqual([2, 1, 1, 1, 2, 1]);
    expect([count(BOS, A, B), count(BOS, A, C), count(A, B, EOS), count(A, C, EOS), count(BOS, B, EOS)]).toEqual([1, 1, 1, 1, 1]);
    // never across sentences, never two <s>
    expect(count(EOS, BOS)).toBe(0);
    expect(count(BOS, BOS)).toBe(0);
    expect(trie.levelStart[4]! - trie.levelStart[3]!).toBe(5);
  });

  it('stores continuation counts N1+(• x): distinct words right before x', () => {
    const continuation = (...ids: number[]) => trie.continuation[findNode(trie, ids, 0, ids.length)]!;
    // b is preceded by <s> and a; </s> by b and c; a by <s> only
    expect([continuation(A), continuation(B), continuation(C), continuation(EOS)]).toEqual([1, 2, 1, 2]);
    // "b </s>" is preceded by a (in a b </s>) and <s> (in <s> b </s>)
    expect(continuation(B, EOS)).toBe(2);
  });

  it('links each node to its suffix and keeps children sorted and contiguous', () => {
    const abEos = findNode(trie, [A, B, EOS], 0, 3);
    expect(trie.suffix[abEos]).toBe(findNode(trie, [B, EOS], 0, 2));
    expect(trie.suffix[findNode(trie, [A], 0, 1)]).toBe(0);
    const a = findNode(trie, [A], 0, 1);
    const children = Array.from(trie.word.subarray(trie.childStart[a], trie.childEnd[a]));
    expect(children).toEqual([B, C]);
    expect(orderOf(trie, abEos)).toBe(3);
    expect(childOf(trie, a, A)).toBe(-1);
    expect(trie.beginsWithBos[findNode(trie, [BOS, A], 0, 2)]).toBe(1);
    expect(trie.beginsWithBos[findNode(trie, [A, B], 0, 2)]).toBe(0);
  });

  it('counts counts-of-counts per order', () => {
    // unigrams: counts 3,2,2,1,3 -> n1 = 1, n2 = 2, n3 = 2
    expect(Array.from(trie.countsOfCounts[1]!)).toEqual([0, 1, 2, 2, 0]);
    // bigrams: 2,1,1,1,2,1 -> n1 = 4, n2 = 2
    expect(Array.from(trie.countsOfCounts[2]!)).toEqual([0, 4, 2, 0, 0]);
  });

  it('finds the longest seen history suffix, or the root', () => {
    // history "c a": "c a" never seen, "a" seen with continuations
    expect(longestSeenHistory(trie, [C, A], 0, 2, 2)).toBe(findNode(trie, [A], 0, 1));
    // history "b </s>"-like dead ends: "</s>" has no continuations -> root
    expect(longestSeenHistory(trie, [EOS], 0, 1, 2)).toBe(0);
    expect(longestSeenHistory(trie, [BOS, A], 0, 2, 2)).toBe(findNode(trie, [BOS, A], 0, 2));
  });

  it('handles an empty corpus and empty sentences', () => {
    const empty = buildNgramTrie(corpusFromSentences([]), 3, 5);
    expect(empty.nodeCount).toBe(1);
    const blank = buildNgramTrie(corpusFromSentences([[]]), 2, 5);
    expect(findNode(blank, [BOS, EOS], 0, 2)).toBeGreaterThan(0);
  });
});
