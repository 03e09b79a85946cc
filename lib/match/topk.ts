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
 * against 226 µs per query). What is capped is a pool of the best-scoring sentences found (see
 * {@link bestCapped}): the same list, without a group lookup for each of the thousands of sentences found.
 */
import { kthLargest } from './select';

/** One query term: its ascending posting list and its weight (boost x idf). */
export interface QueryList {
  list: Uint32Array;
  weight: number;
}

/** State reused between queries. `slot` is per sentence and all -1 between queries; the rest is per sentence
 * found, in order of finding: a query touches each sentence it finds at one scattered place (its slot), and
 * counts, sums and scores sit side by side (on a corpus of 100,000 sentences, per-sentence arrays for each
 * meant a cache miss in each, for each of the thousands of sentences a query finds). */
export interface Scratch {
  /** Per sentence: its place among the sentences found by the current query, -1 (not found) or EXCLUDED. */
  slot: Int32Array;
  /** Sentences found by the current query, in order of finding (first `n` entries). */
  found: Uint32Array;
  /** Per sentence found: query terms it holds, and their summed weights (in query order). */
  counts: Uint8Array;
  sums: Float64Array;
  /** Per sentence found: its score, when ranking. */
  scores: Float64Array;
  /** The sentences a capped search keeps (first entries; see {@link bestCapped}) and their scores. */
  kept: Uint32Array;
  keptScores: Float64Array;
}

/** A {@link Scratch} for `n` sentences. */
export function scratchFor(n: number): Scratch {
  return {
    slot: new Int32Array(n).fill(-1),
    found: new Uint32Array(n),
    counts: new Uint8Array(n),
    sums: new Float64Array(n),
    scores: new Float64Array(n),
    kept: new Uint32Array(n),
    keptScores: new Float64Array(n),
  };
}

/** Groups of sentences of which a search returns at most `cap` each (see module doc). */
export interface GroupCap {
  /** Group per sentence; -1, or a sentence past the end, is in no group (never capped). */
  groups: Int32Array;
  cap: number;
}

/** Marks a sentence the caller excluded, in `Scratch.slot`. */
const EXCLUDED = -2;

/**
 * The `k` best sentences for `query`, best first, ties by position. `norms` are the sentences' length norms;
 * `skip` excludes sentences. Leaves `scratch.slot` all -1.
 */
export function topK(query: readonly QueryList[], k: number, norms: Float64Array, s: Scratch, skip?: (id: number) => boolean, groupCap?: GroupCap): number[] {
  let n = 0; // sentences found (s.found[0..n))
  const excluded: number[] = [];
  for (const q of query) n = walk(q, s, n, excluded, skip);
  const out = groupCap ? ranked(s.kept, s.keptScores, bestCapped(n, s, norms, k, groupCap), k) : best(n, s, norms, k);
  const { slot, found } = s;
  for (let j = 0; j < n; j++) slot[found[j]!] = -1;
  for (const doc of excluded) slot[doc] = -1;
  return out;
}

/** Counts every sentence of a list (new ones are found, excluded ones are marked once); returns the new `n`. */
function walk(q: QueryList, s: Scratch, n: number, excluded: number[], skip?: (id: number) => boolean): number {
  const { list, weight } = q;
  const { slot, found, counts, sums } = s;
  for (let j = 0; j < list.length; j++) {
    const doc = list[j]!;
    let at = slot[doc]!;
    if (at === EXCLUDED) continue;
    if (at < 0) {
      if (skip !== undefined && skip(doc)) {
        slot[doc] = EXCLUDED;
        excluded.push(doc);
        continue;
      }
      at = n++;
      slot[doc] = at;
      found[at] = doc;
      counts[at] = 0;
      sums[at] = 0;
    }
    counts[at] = counts[at]! + 1;
    sums[at] = sums[at]! + weight;
  }
  return n;
}

/** The k best of the `n` sentences found, best first, ties by position. */
function best(n: number, s: Scratch, norms: Float64Array, k: number): number[] {
  const { found, counts, sums, scores } = s;
  for (let j = 0; j < n; j++) scores[j] = counts[j]! * sums[j]! * norms[found[j]!]!;
  return ranked(found, scores, n, k);
}

/** The k best of the first `n` of `docs` by `scores` (aligned), best first, ties by position. Plain loops over
 * indexes: no subarray views, tuples or destructuring callbacks, with which V8 dropped the optimized code of the
 * capped search again and again (`node --trace-deopt`: over a thousand times in 6,100 queries on the corpus x100). */
function ranked(docs: Uint32Array, scores: Float64Array, n: number, k: number): number[] {
  const theta = kthLargest(scores, k, n);
  const top: number[] = [];
  for (let j = 0; j < n; j++) {
    if (scores[j]! >= theta) top.push(j);
  }
  top.sort((x, y) => scores[y]! - scores[x]! || docs[x]! - docs[y]!);
  const out: number[] = [];
  for (let i = 0; i < top.length && i < k; i++) out.push(docs[top[i]!]!);
  return out;
}

/** Best-scoring found sentences a capped search first ranks, per result place: enough when the best
 * `k x POOL_PER_PLACE` hold `k` sentences once capped (a query whose best are mostly one claim's copies needs a
 * larger pool, taken next). A speed trade-off only (see {@link bestCapped}): any value returns the same list. */
export const POOL_PER_PLACE = 20;
/** Score buckets of the histogram that picks the pool (equal widths from 0 to the best score). */
const POOL_BUCKETS = 256;
const histogram = new Uint32Array(POOL_BUCKETS);

/**
 * Keeps in `s.kept` / `s.keptScores` (returning their number) the found sentences from which the k best with at
 * most `cap` per group (see {@link GroupCap}) are ranked: every sentence that can be among them.
 * Capping every found sentence costs a slot lookup each (thousands on a large corpus), so the cap is applied to
 * a pool of the best-scoring ones: the sentences whose score falls in the histogram's top buckets, at least
 * `k x POOL_PER_PLACE` of them. A pool is every sentence scoring at least some `t`, and then its capped ranking
 * is exact when it still holds `k` sentences: a sentence's place among its group's best `cap` depends only on the
 * group's sentences that score higher (all in the pool), so capping the pool is capping everything restricted
 * to scores >= t, and its k best all score >= t. Otherwise the pool grows, down to every found sentence.
 */
function bestCapped(n: number, s: Scratch, norms: Float64Array, k: number, groupCap: GroupCap): number {
  const { found: docs, counts, sums, scores } = s;
  let max = 0;
  for (let j = 0; j < n; j++) {
    const score = counts[j]! * sums[j]! * norms[docs[j]!]!;
    scores[j] = score;
    if (score > max) max = score;
  }
  let want = k * POOL_PER_PLACE;
  if (n <= want || !(max > 0)) return capped(docs, scores, n, s, groupCap, 0, 0);
  // A score's bucket, (score x scale) | 0, is monotone in the score: "bucket >= b" is "score >= some t".
  const scale = (POOL_BUCKETS - 1) / max;
  histogram.fill(0);
  for (let j = 0; j < n; j++) histogram[(scores[j]! * scale) | 0]!++;
  let b = POOL_BUCKETS;
  let inPool = 0;
  for (;;) {
    while (b > 0 && inPool < want) inPool += histogram[--b]!;
    const kept = capped(docs, scores, n, s, groupCap, scale, b);
    if (kept >= k || b === 0) return kept;
    want = inPool * POOL_PER_PLACE;
  }
}

/** Keeps in `s.kept` / `s.keptScores` the first `n` docs (scored by `docScores`, aligned) whose score bucket,
 * (score x scale) | 0, is at least `minBucket`, at most `cap` per group: each group's `cap` best (by score, then
 * position) and every ungrouped doc. Returns their number. */
function capped(docs: Uint32Array, docScores: Float64Array, n: number, s: Scratch, { groups, cap }: GroupCap, scale: number, minBucket: number): number {
  const { kept, keptScores } = s;
  const slots = slotsFor(groups, cap);
  const { slotOf, slotDocs, slotScores, slotSize, slotWorst, touched } = slots;
  let a = 0; // kept[0..a)
  let g = 0; // touched[0..g)
  for (let j = 0; j < n; j++) {
    const score = docScores[j]!;
    if (((score * scale) | 0) < minBucket) continue;
    const doc = docs[j]!;
    const group = doc < groups.length ? groups[doc]! : -1;
    if (group < 0) {
      keptScores[a] = score;
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
      keptScores[a] = slotScores[x]!;
      kept[a++] = slotDocs[x]!;
    }
    slotOf[touched[t]!] = -1;
  }
  return a;
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
