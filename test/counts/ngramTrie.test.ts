import { describe, expect, it } from 'vitest';
import { buildNgramTrie, childOf, findNode, longestSeenHistory, orderOf, type NgramTrie } from '../../src/counts/ngramTrie.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { A, B, C, TINY } from '../model/fixtures.js';
import { randomCorpus } from '../helpers/sampledPath.js';

/** The raw counts of the k-gram nodes, ascending. */
const countsOfOrder = (trie: NgramTrie, k: number): number[] => Array.from(trie.count.subarray(trie.levelStart[k]!, trie.levelStart[k + 1]!)).sort((a, b) => a - b);

const BOS = 0;
const EOS = 1;

/** The trie of TINY, built inside each test that reads it (a trie built in the describe body would run before any test, where mutation testing cannot tell which test reads it). */
const tinyTrie = () => buildNgramTrie(TINY, 3, 5);

describe('buildNgramTrie', () => {
  const count = (...ids: number[]) => {
    const trie = tinyTrie();
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
    const trie = tinyTrie();
    expect(trie.levelStart[4]! - trie.levelStart[3]!).toBe(5);
  });

  it('stores continuation counts N1+(• x): distinct words right before x', () => {
    const trie = tinyTrie();
    const continuation = (...ids: number[]) => trie.continuation[findNode(trie, ids, 0, ids.length)]!;
    // b is preceded by <s> and a; </s> by b and c; a by <s> only
    expect([continuation(A), continuation(B), continuation(C), continuation(EOS)]).toEqual([1, 2, 1, 2]);
    // "b </s>" is preceded by a (in a b </s>) and <s> (in <s> b </s>)
    expect(continuation(B, EOS)).toBe(2);
  });

  it('links each node to its suffix and keeps children sorted and contiguous', () => {
    const trie = tinyTrie();
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

  it('reads the root\'s children from a table by id: the node a search of the root\'s children finds, -1 for ids never counted', () => {
    // TINY over ids 0..4 in an id space of 7: ids 5 and 6 never occur; 7 and -1 lie outside it.
    const wide = buildNgramTrie(TINY, 2, 7);
    const searched = (word: number): number => {
      for (let x = wide.childStart[0]!; x < wide.childEnd[0]!; x++) if (wide.word[x] === word) return x;
      return -1;
    };
    for (let id = 0; id < 7; id++) expect(childOf(wide, 0, id), `id ${id}`).toBe(searched(id));
    expect([BOS, EOS, A, B, C].every((id) => childOf(wide, 0, id) > 0)).toBe(true); // every counted id has its unigram node
    expect([childOf(wide, 0, 5), childOf(wide, 0, 6), childOf(wide, 0, 7), childOf(wide, 0, -1)]).toEqual([-1, -1, -1, -1]);
    expect(Array.from(wide.unigramNode)).toEqual([0, 1, 2, 3, 4, 5, 6].map(searched));
  });

  it('matches k-grams counted naively on random corpora: every count, node order (parent, word), suffix and parent link', () => {
    for (const [seed, order] of [['naive a', 1], ['naive b', 2], ['naive c', 3], ['naive d', 5]] as const) {
      const corpus = randomCorpus(seed, 70, 9);
      const t = buildNgramTrie(corpus, order, 12);
      // Naive: every k-gram of <s> w1 .. wm </s>, k = 1..order, counted under its joined ids.
      const naive = new Map<string, number>();
      for (let s = 0; s + 1 < corpus.offsets.length; s++) {
        const padded = [BOS, ...corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), EOS];
        for (let k = 1; k <= order; k++) for (let at = 0; at + k <= padded.length; at++) {
          const key = padded.slice(at, at + k).join(' ');
          naive.set(key, (naive.get(key) ?? 0) + 1);
        }
      }
      expect(t.nodeCount - 1, seed).toBe(naive.size);
      for (const [key, value] of naive) {
        const ids = key.split(' ').map(Number);
        const node = findNode(t, ids, 0, ids.length);
        expect(t.count[node], `${seed}: ${key}`).toBe(value);
        expect(t.parent[node]).toBe(ids.length === 1 ? 0 : findNode(t, ids, 0, ids.length - 1));
        expect(t.suffix[node]).toBe(ids.length === 1 ? 0 : findNode(t, ids, 1, ids.length));
      }
      // within each level, nodes ascend by (parent, word)
      for (let x = 2; x < t.nodeCount; x++) {
        if (orderOf(t, x) !== orderOf(t, x - 1)) continue;
        expect(t.parent[x - 1]! < t.parent[x]! || (t.parent[x - 1] === t.parent[x] && t.word[x - 1]! < t.word[x]!), `${seed} node ${x}`).toBe(true);
      }
    }
  });

  it('counts the n-grams of each order', () => {
    const trie = tinyTrie();
    // unigrams: counts 3,2,2,1,3; bigrams: 2,1,1,1,2,1
    expect(countsOfOrder(trie, 1)).toEqual([1, 2, 2, 3, 3]);
    expect(countsOfOrder(trie, 2)).toEqual([1, 1, 1, 1, 2, 2]);
  });

  it('finds the longest seen history suffix, or the root', () => {
    const trie = tinyTrie();
    // history "c a": "c a" never seen, "a" seen with continuations
    expect(longestSeenHistory(trie, [C, A], 0, 2, 2)).toBe(findNode(trie, [A], 0, 1));
    // history "b </s>"-like dead ends: "</s>" has no continuations -> root
    expect(longestSeenHistory(trie, [EOS], 0, 1, 2)).toBe(0);
    expect(longestSeenHistory(trie, [BOS, A], 0, 2, 2)).toBe(findNode(trie, [BOS, A], 0, 2));
  });

  it('refuses an order that is not a whole number of at least 1', () => {
    for (const order of [0, -1, 1.5, Number.NaN]) expect(() => buildNgramTrie(TINY, order, 5), String(order)).toThrow(new RangeError(`order must be an integer >= 1, got ${order}`));
    expect(buildNgramTrie(TINY, 1, 5).levelStart.length).toBe(3);
  });

  it('gives the root the count of predicted items (5 tokens + 3 </s> = 8) and no word, parent or suffix', () => {
    const trie = tinyTrie();
    expect(trie.count[0]).toBe(8);
    expect([trie.word[0], trie.parent[0], trie.suffix[0]]).toEqual([-1, -1, -1]);
    expect([trie.sentences, trie.tokens]).toEqual([3, 5]);
  });

  it('gives each node its order, the first and last node of every level included', () => {
    const trie = tinyTrie();
    for (let k = 0; k <= 3; k++) {
      expect(orderOf(trie, trie.levelStart[k]!), `first of ${k}`).toBe(k);
      expect(orderOf(trie, trie.levelStart[k + 1]! - 1), `last of ${k}`).toBe(k);
    }
  });

  it('looks for a seen history no longer than maxLength, within history[start..end)', () => {
    const trie = tinyTrie();
    // history "c <s> a" read from index 1: "<s> a" (seen, with children) is the longest suffix;
    // with maxLength 1 only "a" may be tried
    expect(longestSeenHistory(trie, [C, BOS, A], 1, 3, 2)).toBe(findNode(trie, [BOS, A], 0, 2));
    expect(longestSeenHistory(trie, [C, BOS, A], 1, 3, 1)).toBe(findNode(trie, [A], 0, 1));
    // the items before `start` never count: from index 2 only "a" may be tried, although "<s> a" is seen
    expect(longestSeenHistory(trie, [C, BOS, A], 2, 3, 2)).toBe(findNode(trie, [A], 0, 1));
  });

  it('counts every order of a repeated word', () => {
    // "a a a a" / "a a a a": <s> 2, a 8, </s> 2; "a a" 6, "<s> a" 2, "a </s>" 2; "a a a" 4, "<s> a a" 2, "a a </s>" 2
    const trie = buildNgramTrie(corpusFromSentences([[A, A, A, A], [A, A, A, A]]), 3, 5);
    expect(countsOfOrder(trie, 1)).toEqual([2, 2, 8]);
    expect(countsOfOrder(trie, 2)).toEqual([2, 2, 6]);
    expect(countsOfOrder(trie, 3)).toEqual([2, 2, 4]);
    expect(trie.levelStart).toHaveLength(5);
  });

  it('handles an empty corpus and empty sentences', () => {
    const empty = buildNgramTrie(corpusFromSentences([]), 3, 5);
    expect(empty.nodeCount).toBe(1);
    const blank = buildNgramTrie(corpusFromSentences([[]]), 2, 5);
    expect(findNode(blank, [BOS, EOS], 0, 2)).toBeGreaterThan(0);
  });
});
