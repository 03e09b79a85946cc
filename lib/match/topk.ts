/**
 * The exact top k of a BM25 query over sorted posting lists (see candidates.ts). A sentence's score is `matched
 * terms x sum of their weights x its length norm` (MiniSearch's BM25+ with its "quality" factor). Every list is
 * walked and every sentence found is scored: hot loops work on typed arrays only, since a query on a large
 * corpus walks thousands of postings. A MaxScore-style pruning phase (stop counting new sentences once none
 * outside those found can reach the k-th score, then probe only those) was measured and removed: it returned
 * the same lists but was slower at the corpus's size (1.5-2.1 against 0.5-0.6 ms per 100 queries) and no
 * faster at x100, where a query's lists are of similar length and no sentence can be ruled out early.
 *
 * With a {@link GroupCap} (sentences grouped by claim) at most `cap` sentences of one group are returned: the
 * top k of the ranking with every sentence beyond the cap-th of its group left out. A bound that holds under
 * the cap (the k-th best of the groups' best scores) was measured to cost more than it saves (corpus x100: 291
 * against 226 µs per query).
 */
import { kthLargest } from './select';

/** One query term: its ascending posting list and its weight (boost x idf). */
export interface QueryList {
  list: Uint32Array;
  weight: number;
}

/** Per-sentence state reused between queries: typed arrays sized to the corpus, `sums`/`counts` all zero
 * between queries. */
export interface Scratch {
  sums: Float64Array;
  counts: Uint8Array;
  /** Sentences found by the current query, in order of finding (first `n` entries). */
  found: Uint32Array;
  /** Their scores, when ranking. */
  scores: Float64Array;
  /** The sentences a capped search keeps (first entries; see {@link bestCapped}). */
  kept: Uint32Array;
}

/** A {@link Scratch} for `n` sentences. */
export function scratchFor(n: number): Scratch {
  return { sums: new Float64Array(n), counts: new Uint8Array(n), found: new Uint32Array(n), scores: new Float64Array(n), kept: new Uint32Array(n) };
}

/** Groups of sentences of which a search returns at most `cap` each (see module doc). */
export interface GroupCap {
  /** Group per sentence; -1, or a sentence past the end, is in no group (never capped). */
  groups: Int32Array;
  cap: number;
}

/** Marks a sentence the caller excluded, in `Scratch.counts` (a query has far fewer terms). */
const EXCLUDED = 255;

/**
 * The `k` best sentences for `query`, best first, ties by position. `norms` are the sentences' length norms;
 * `skip` excludes sentences. Leaves `scratch` zeroed.
 */
export function topK(query: readonly QueryList[], k: number, norms: Float64Array, s: Scratch, skip?: (id: number) => boolean, groupCap?: GroupCap): number[] {
  let n = 0; // sentences found (s.found[0..n))
  const excluded: number[] = [];
  for (const q of query) n = walk(q, s, n, excluded, skip);
  const docs = s.found.subarray(0, n);
  const out = groupCap ? bestCapped(docs, s, norms, k, groupCap) : best(docs, s, norms, k);
  for (let j = 0; j < n; j++) {
    const doc = s.found[j]!;
    s.counts[doc] = 0;
    s.sums[doc] = 0;
  }
  for (const doc of excluded) s.counts[doc] = 0;
  return out;
}

/** Counts every sentence of a list (new ones are found, excluded ones are marked once); returns the new `n`. */
function walk(q: QueryList, s: Scratch, n: number, excluded: number[], skip?: (id: number) => boolean): number {
  const { list, weight } = q;
  const { counts, sums, found } = s;
  for (let j = 0; j < list.length; j++) {
    const doc = list[j]!;
    const c = counts[doc]!;
    if (c === EXCLUDED) continue;
    if (c === 0) {
      if (skip !== undefined && skip(doc)) {
        counts[doc] = EXCLUDED;
        excluded.push(doc);
        continue;
      }
      found[n++] = doc;
    }
    counts[doc] = c + 1;
    sums[doc] = sums[doc]! + weight;
  }
  return n;
}

/** The k best of `docs`, best first, ties by position. */
function best(docs: Uint32Array, s: Scratch, norms: Float64Array, k: number): number[] {
  const { counts, sums, scores } = s;
  for (let j = 0; j < docs.length; j++) {
    const doc = docs[j]!;
    scores[j] = counts[doc]! * sums[doc]! * norms[doc]!;
  }
  return ranked(docs, scores, k);
}

/** The k best of `docs` by `scores` (by position in `docs`), best first, ties by position. */
function ranked(docs: Uint32Array, scores: Float64Array, k: number): number[] {
  const theta = kthLargest(scores.subarray(0, docs.length), k);
  const top: Array<readonly [number, number]> = [];
  for (let j = 0; j < docs.length; j++) {
    if (scores[j]! >= theta) top.push([docs[j]!, scores[j]!]);
  }
  return top
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([doc]) => doc);
}

/** The k best of `docs` with at most `cap` per group (see {@link GroupCap}), best first, ties by position: one
 * pass keeps each group's `cap` best, then the k best of those (and of the ungrouped docs) are ranked. */
function bestCapped(docs: Uint32Array, s: Scratch, norms: Float64Array, k: number, { groups, cap }: GroupCap): number[] {
  const { counts, sums, kept, scores } = s;
  const slots = slotsFor(groups, cap);
  const { slotOf, slotDocs, slotScores, slotSize, slotWorst, touched } = slots;
  let a = 0; // kept[0..a)
  let g = 0; // touched[0..g)
  for (let j = 0; j < docs.length; j++) {
    const doc = docs[j]!;
    const group = doc < groups.length ? groups[doc]! : -1;
    const score = counts[doc]! * sums[doc]! * norms[doc]!;
    if (group < 0) {
      scores[a] = score;
      kept[a++] = doc;
      continue;
    }
    let t = slotOf[group]!;
    if (t < 0) {
      t = slotOf[group] = g;
      touched[g++] = group;
      slotSize[t] = 0;
    }
    const base = t * cap;
    const size = slotSize[t]!;
    if (size < cap) {
      slotDocs[base + size] = doc;
      slotScores[base + size] = score;
      slotSize[t] = size + 1;
      if (size + 1 === cap) slotWorst[t] = worstOf(slotDocs, slotScores, base, cap);
      continue;
    }
    // Full: this doc replaces the group's worst kept one (lowest score, then highest position) when better.
    const w = slotWorst[t]!;
    if (score > slotScores[w]! || (score === slotScores[w] && doc < slotDocs[w]!)) {
      slotDocs[w] = doc;
      slotScores[w] = score;
      slotWorst[t] = worstOf(slotDocs, slotScores, base, cap);
    }
  }
  for (let t = 0; t < g; t++) {
    for (let x = t * cap; x < t * cap + slotSize[t]!; x++) {
      scores[a] = slotScores[x]!;
      kept[a++] = slotDocs[x]!;
    }
    slotOf[touched[t]!] = -1;
  }
  return ranked(kept.subarray(0, a), scores, k);
}

/** Position of the worst doc (lowest score, then highest position) in slotDocs[base .. base + cap). */
function worstOf(slotDocs: Uint32Array, slotScores: Float64Array, base: number, cap: number): number {
  let worst = base;
  for (let x = base + 1; x < base + cap; x++) {
    if (slotScores[x]! < slotScores[worst]! || (slotScores[x] === slotScores[worst] && slotDocs[x]! > slotDocs[worst]!)) worst = x;
  }
  return worst;
}

/** Per-group working arrays of {@link bestCapped} (slot t holds up to `cap` docs of one group), kept per groups
 * array and cap; `slotOf` is all -1 between searches. */
interface Slots {
  slotOf: Int32Array;
  slotDocs: Uint32Array;
  slotScores: Float64Array;
  slotSize: Uint8Array;
  slotWorst: Int32Array;
  /** Groups given a slot by the current search, in order. */
  touched: Int32Array;
  cap: number;
}
const slotCache = new WeakMap<Int32Array, Slots>();

function slotsFor(groups: Int32Array, cap: number): Slots {
  let slots = slotCache.get(groups);
  if (!slots || slots.cap !== cap) {
    let max = -1;
    for (let i = 0; i < groups.length; i++) if (groups[i]! > max) max = groups[i]!;
    const n = max + 1;
    slots = { slotOf: new Int32Array(n).fill(-1), slotDocs: new Uint32Array(n * cap), slotScores: new Float64Array(n * cap), slotSize: new Uint8Array(n), slotWorst: new Int32Array(n), touched: new Int32Array(n), cap };
    slotCache.set(groups, slots);
  }
  return slots;
}
