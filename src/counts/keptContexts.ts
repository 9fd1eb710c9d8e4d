/**
 * KeptContexts: the contexts of a table that kept some of another table's contexts, as a renumbered
 * view of the original's hash table instead of a hash table of its own.
 *
 * Contract: built from a hash table (the root: a TupleTable, never another view, so every look-up
 * reads one hash table) and `renumber` (root index -> kept index 0, 1, 2 ..., or -1 for a dropped
 * context; its first root.size entries are read, and copied). `rootView` gives any ContextIndex's
 * root and maps. `find` is the root's look-up and one array read; `keyAt` one array read and the
 * root's key. Building one is O(root contexts), with no hashing: what
 * a model retrained on its own sample saves (./sampledTable.ts). The root stays in memory as long as
 * a view of it does.
 */

import type { ContextIndex } from './tupleTable.js';

export class KeptContexts implements ContextIndex {
  readonly width: number;
  readonly size: number;
  /** The hash table every look-up goes through (never itself a view). */
  readonly root: ContextIndex;
  /** Root index -> kept index, or -1. */
  readonly fromRoot: Int32Array;
  /** Kept index -> root index. */
  readonly toRoot: Int32Array;

  constructor(root: ContextIndex, renumber: Int32Array, kept: number) {
    // Stryker disable next-line StringLiteral: equivalent, the message is not part of the contract (the type is, tested)
    if (root instanceof KeptContexts) throw new TypeError('KeptContexts renumbers a hash table, not another view (take its root)');
    this.width = root.width;
    this.size = kept;
    this.root = root;
    // renumber is the map from the root; a copy, since the caller's may be a reused buffer
    this.fromRoot = renumber.slice(0, root.size);
    this.toRoot = new Int32Array(kept);
    // Stryker disable next-line EqualityOperator: equivalent, fromRoot[length] is undefined: no index
    for (let c = 0; c < this.fromRoot.length; c++) {
      const index = this.fromRoot[c]!;
      // Stryker disable next-line ConditionalExpression: equivalent, toRoot[-1] is a write to nowhere
      if (index >= 0) this.toRoot[index] = c;
    }
  }

  find(source: Int32Array, at: number): number {
    const index = this.root.find(source, at);
    return index < 0 ? -1 : this.fromRoot[index]!;
  }

  keyAt(index: number, position: number): number {
    return this.root.keyAt(this.toRoot[index]!, position);
  }
}

/**
 * Any ContextIndex as a view of its root: the root, and the index maps both ways (`toRoot` undefined
 * when the index is the root itself, whose indexes are their own).
 */
export function rootView(contexts: ContextIndex): { root: ContextIndex; toRoot: Int32Array | undefined; fromRoot: Int32Array | undefined } {
  if (contexts instanceof KeptContexts) return { root: contexts.root, toRoot: contexts.toRoot, fromRoot: contexts.fromRoot };
  return { root: contexts, toRoot: undefined, fromRoot: undefined };
}
