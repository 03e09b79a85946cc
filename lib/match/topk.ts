/**
 * The exact top k of a BM25 query over sorted posting lists, with MaxScore-style pruning (see candidates.ts).
 * A sentence's score is `matched terms x sum of their weights x its length norm` (MiniSearch's BM25+ with its
 * "quality" factor). Lists are taken heaviest first: all of a list's sentences are counted until no sentence
 * outside those found can reach the k-th best score; after that only the sentences found are probed in the
 * remaining lists (binary search), and those that cannot reach the k-th score are dropped as the search goes.
 * Hot loops work on typed arrays only: a query on a large corpus walks thousands of postings.
 *
 * With a {@link GroupCap} (sentences grouped by claim) at most `cap` sentences of one group are returned: the
 * top k of the ranking with every sentence beyond the cap-th of its group left out. That search walks every
 * list: the pruning bound above holds for the plain ranking only, and a bound that holds under the cap (the
 * k-th best of the groups' best scores) was measured to cost more than it saves (corpus x100: 291 against
 * 226 µs per query).
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
  /** 1 for the sentences still in the running while a long list is probed in one pass, else 0. */
  mark: Uint8Array;
  /** The sentences still in the running once pruning starts (first entries; see {@link narrow}). */
  live: Uint32Array;
  /** The sentences a capped search keeps (first entries; see {@link bestCapped}). */
  kept: Uint32Array;
}

/** A {@link Scratch} for `n` sentences. */
export function scratchFor(n: number): Scratch {
  return { sums: new Float64Array(n), counts: new Uint8Array(n), found: new Uint32Array(n), scores: new Float64Array(n), mark: new Uint8Array(n), live: new Uint32Array(n), kept: new Uint32Array(n) };
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
 * The `k` best sentences for `query` (heaviest list first), best first, ties by position. `norms` are the
 * sentences' length norms and `maxNorm` their maximum; `skip` excludes sentences. Leaves `scratch` zeroed.
 */
export function topK(query: readonly QueryList[], k: number, norms: Float64Array, maxNorm: number, s: Scratch, skip?: (id: number) => boolean, groupCap?: GroupCap): number[] {
  // rest[i]: the weight of lists i.. together, for the bound of what a sentence can still gain.
  const rest = new Float64Array(query.length + 1);
  for (let i = query.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + query[i]!.weight;
  // byCount[c]: sentences found holding c of the terms so far (tells cheaply whether pruning can start).
  const byCount = new Int32Array(query.length + 2);
  let n = 0; // sentences found (s.found[0..n))
  // Once pruning starts: the sentences still in the running are s.live[0..live). Typed arrays and plain loops
  // throughout: at x100 a query's found sentences number thousands (measured: the array/closure version of
  // narrow and best cost four times the walk of the lists itself).
  let live = -1;
  const excluded: number[] = [];
  for (let i = 0; i < query.length; i++) {
    const left = query.length - i;
    if (live === null && canPrune(byCount, k, left * rest[i]!, rest[0]! - rest[i]!)) {
      // A sentence holding none of the terms so far scores at most left x rest[i] x maxNorm.
      if (kthScore(s, n, norms, k) > left * rest[i]! * maxNorm) {
        s.live.set(s.found.subarray(0, n));
        live = n;
      }
    }
    if (live >= 0) {
      live = narrow(live, s, norms, k, left, rest[i]!);
      probe(query[i]!, s.live.subarray(0, live), s);
    } else {
      n = walk(query[i]!, s, n, byCount, excluded, skip);
    }
  }
  const docs = live >= 0 ? s.live.subarray(0, live) : s.found.subarray(0, n);
  const out = groupCap ? bestCapped(docs, s, norms, k, groupCap) : best(docs, s, norms, k);
  for (let j = 0; j < n; j++) {
    const doc = s.found[j]!;
    s.counts[doc] = 0;
    s.sums[doc] = 0;
  }
  for (const doc of excluded) s.counts[doc] = 0;
  return out;
}

/** True when at least k sentences found could beat `bound` (score <= count x weight so far x maxNorm). */
function canPrune(byCount: Int32Array, k: number, bound: number, weightSoFar: number): boolean {
  let n = 0;
  for (let c = byCount.length - 1; c > 0 && c * weightSoFar > bound; c--) n += byCount[c]!;
  return n >= k;
}

/** The k-th best score among the first `n` sentences found. */
function kthScore(s: Scratch, n: number, norms: Float64Array, k: number): number {
  for (let j = 0; j < n; j++) {
    const doc = s.found[j]!;
    s.scores[j] = s.counts[doc]! * s.sums[doc]! * norms[doc]!;
  }
  return kthLargest(s.scores.subarray(0, n), k);
}

/** Keeps, in `s.live[0..n)`, the sentences that can still reach the k-th best score with the `left` terms
 * left (in order); returns how many are kept. */
function narrow(n: number, s: Scratch, norms: Float64Array, k: number, left: number, restWeight: number): number {
  const { live, counts, sums, scores } = s;
  for (let j = 0; j < n; j++) {
    const doc = live[j]!;
    scores[j] = counts[doc]! * sums[doc]! * norms[doc]!;
  }
  const theta = kthLargest(scores.subarray(0, n), k);
  let kept = 0;
  for (let j = 0; j < n; j++) {
    const doc = live[j]!;
    if ((counts[doc]! + left) * (sums[doc]! + restWeight) * norms[doc]! >= theta) live[kept++] = doc;
  }
  return kept;
}

/** Counts every sentence of a list (new ones are found, excluded ones are marked once); returns the new `n`. */
function walk(q: QueryList, s: Scratch, n: number, byCount: Int32Array, excluded: number[], skip?: (id: number) => boolean): number {
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
    byCount[c]!--;
    byCount[c + 1]!++;
    counts[doc] = c + 1;
    sums[doc] = sums[doc]! + weight;
  }
  return n;
}

/** Counts the list's term for the sentences of `live` that hold it: binary searches for a few sentences, one
 * pass over the list (only sentences already counted) when binary searches would cost more. */
function probe(q: QueryList, live: Uint32Array, s: Scratch): void {
  const { list, weight } = q;
  const { counts, sums } = s;
  if (live.length * Math.log2(list.length + 1) < list.length) {
    for (let j = 0; j < live.length; j++) {
      const doc = live[j]!;
      if (contains(list, doc)) {
        counts[doc] = counts[doc]! + 1;
        sums[doc] = sums[doc]! + weight;
      }
    }
    return;
  }
  const { mark } = s;
  for (let j = 0; j < live.length; j++) mark[live[j]!] = 1;
  for (let j = 0; j < list.length; j++) {
    const doc = list[j]!;
    if (mark[doc] === 1) {
      counts[doc] = counts[doc]! + 1;
      sums[doc] = sums[doc]! + weight;
    }
  }
  for (let j = 0; j < live.length; j++) mark[live[j]!] = 0;
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

/** True when ascending `list` holds `value` (binary search). */
function contains(list: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
