/**
 * Scratch buffers: typed arrays reused from one call to the next instead of allocated anew.
 *
 * Why: every generation counts, sorts and measures texts of the same size; fresh multi-megabyte
 * arrays each time cost page faults and garbage collections (about a fifth of a generation). A hot
 * function asks for `scratchInts(slot, length)` and gets a view of a buffer kept for that slot,
 * grown when too small to the request plus an eighth (requests are about the same size from one
 * generation to the next: a text of N tokens, then one a sentence longer; growing by half wasted a
 * third of every slot, 25 MB at Brown's size; an eighth still makes growth geometric, so amortised).
 *
 * Contract: the contents are unspecified (pass `zero = true` to get zeros); a view is valid only
 * until the next request for the same slot, so a caller must use distinct slots for arrays alive at
 * the same time and must never hand a view to code that outlives the call. Each thread (worker) has
 * its own buffers, since modules are per thread.
 *
 * Column slots: the passes over a text's predictions (counting a transition table, ./transitionTable.ts;
 * sorting a text's n-grams, ../metrics/ngramProfile.ts) each need several prediction-sized columns
 * at once, and never run at the same time: one does not call the other, and neither keeps a view
 * after it returns. They share the slots `COLUMN_SLOTS[0..3]` instead of holding their own (about
 * 40 MB less per thread at Brown's size). Each is a radix sort that moves two columns per pass,
 * from one pair of slots into the other (about 5.5 MB a slot at Brown's size, 45 MB at 10M tokens).
 * A new user of these slots must keep that true.
 */

/** Four prediction-sized slots shared by the passes named above (see the header). */
export const COLUMN_SLOTS = ['column.0', 'column.1', 'column.2', 'column.3'] as const;

const ints = new Map<string, Int32Array>();
const floats = new Map<string, Float64Array>();

export function scratchInts(slot: string, length: number, zero = false): Int32Array {
  let buffer = ints.get(slot);
  if (buffer === undefined || buffer.length < length) {
    buffer = new Int32Array(grownLength(length));
    ints.set(slot, buffer);
    return buffer.subarray(0, length);
  }
  const view = buffer.subarray(0, length);
  if (zero) view.fill(0);
  return view;
}

export function scratchFloats(slot: string, length: number): Float64Array {
  let buffer = floats.get(slot);
  if (buffer === undefined || buffer.length < length) {
    buffer = new Float64Array(grownLength(length));
    floats.set(slot, buffer);
  }
  return buffer.subarray(0, length);
}

/**
 * Lets the column slots go (they are allocated again on the next request): for a caller that knows no
 * pass over a text's predictions will run for a while (the loop, once every model and measured text
 * is read off sample paths: 180 MB at 10M tokens per generation).
 */
export function releaseColumns(): void {
  for (const slot of COLUMN_SLOTS) ints.delete(slot);
}

/** The length a slot grows to for a request of `length`: an eighth more (at least 16). */
function grownLength(length: number): number {
  return Math.max(16, length + Math.ceil(length / 8));
}
