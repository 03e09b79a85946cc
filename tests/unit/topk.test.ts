/**
 * The top-k search over posting lists (lib/match/topk.ts), checked id for id against a direct reading of its
 * definition: every sentence holding a query term scored as `matched terms x summed weights x length norm`
 * (the weights added in query order, as the search adds them, so the floats are the same), ranked by score then
 * position, each group's sentences past the cap left out. The capped search ranks a pool of the best-scoring
 * sentences first and widens it when the pool holds too few groups: the cases below make it widen (the best
 * sentences all in two groups), meet equal scores at the pool's edge, and mix ungrouped sentences in.
 */
import { describe, expect, it } from 'vitest';
import { POOL_PER_PLACE, scratchFor, topK, type GroupCap, type QueryList } from '../../lib/match/topk';

/** A seeded generator, so every run checks the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The definition: score every sentence of any list, rank by score then position, cap each group, keep k. */
function reference(query: readonly QueryList[], k: number, norms: Float64Array, skip?: (d: number) => boolean, cap?: GroupCap): number[] {
  const count = new Map<number, number>();
  const sum = new Map<number, number>();
  for (const q of query) {
    for (const d of q.list) {
      if (skip?.(d)) continue;
      count.set(d, (count.get(d) ?? 0) + 1);
      sum.set(d, (sum.get(d) ?? 0) + q.weight);
    }
  }
  const scored = [...count.keys()].map((d) => [d, count.get(d)! * sum.get(d)! * norms[d]!] as const);
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const taken = new Map<number, number>();
  const out: number[] = [];
  for (const [d] of scored) {
    const g = cap && d < cap.groups.length ? cap.groups[d]! : -1;
    if (g >= 0) {
      taken.set(g, (taken.get(g) ?? 0) + 1);
      if (taken.get(g)! > cap!.cap) continue;
    }
    out.push(d);
    if (out.length === k) break;
  }
  return out;
}

/** `terms` posting lists over `docs` sentences: list t holds each sentence with probability `density(t)`. */
function lists(rand: () => number, docs: number, terms: number, density: (t: number, d: number) => number, weights?: number[]): QueryList[] {
  return Array.from({ length: terms }, (_, t) => {
    const list: number[] = [];
    for (let d = 0; d < docs; d++) if (rand() < density(t, d)) list.push(d);
    return { list: Uint32Array.from(list), weight: weights?.[t] ?? 0.5 + rand() * 3 };
  });
}

describe('topK with a group cap', () => {
  const k = 30;

  it('widens its pool when the best sentences are a few groups: two groups of 1,500 hold every top score', () => {
    const rand = random(3);
    const docs = 20_000;
    // Sentences 0..2999 (groups 0 and 1) hold most query terms; the rest, in groups of 10, hold one or two.
    const groups = Int32Array.from({ length: docs }, (_, d) => (d < 3000 ? (d < 1500 ? 0 : 1) : 2 + Math.floor(d / 10)));
    const query = lists(rand, docs, 8, (_, d) => (d < 3000 ? 0.8 : 0.15));
    const norms = Float64Array.from({ length: docs }, () => 0.8 + rand() * 0.6);
    for (const cap of [1, 5]) {
      const got = topK(query, k, norms, scratchFor(docs), undefined, { groups, cap });
      // The first pool (k x POOL_PER_PLACE of the best) is all groups 0 and 1: too few once capped.
      expect(2 * cap).toBeLessThan(k);
      expect(POOL_PER_PLACE * k).toBeLessThan(3000);
      expect(got).toEqual(reference(query, k, norms, undefined, { groups, cap }));
    }
  });

  it('equal scores at the edge of the pool: the same list, ties by position', () => {
    const rand = random(5);
    const docs = 12_000;
    const groups = Int32Array.from({ length: docs }, (_, d) => Math.floor(d / 7));
    // Equal weights and norms: a sentence's score is its matched-term count squared, so thousands tie.
    const query = lists(rand, docs, 6, () => 0.3, [1, 1, 1, 1, 1, 1]);
    const norms = new Float64Array(docs).fill(1);
    for (const cap of [1, 2, 5]) {
      expect(topK(query, k, norms, scratchFor(docs), undefined, { groups, cap })).toEqual(reference(query, k, norms, undefined, { groups, cap }));
    }
  });

  it('random corpora with ungrouped sentences (-1, and past the groups array), exclusions and reused scratch', () => {
    const rand = random(9);
    const docs = 8000;
    const s = scratchFor(docs);
    for (let trial = 0; trial < 40; trial++) {
      const size = 1 + Math.floor(rand() * 60);
      const groups = Int32Array.from({ length: docs - 500 }, (_, d) => (rand() < 0.2 ? -1 : Math.floor(d / size)));
      const query = lists(rand, docs, 1 + Math.floor(rand() * 8), () => rand() * 0.4);
      const norms = Float64Array.from({ length: docs }, () => 0.5 + rand());
      const excluded = new Set(Array.from({ length: 50 }, () => Math.floor(rand() * docs)));
      const skip = trial % 2 === 0 ? (d: number) => excluded.has(d) : undefined;
      const cap = { groups, cap: 1 + (trial % 5) };
      const want = reference(query, k, norms, skip, cap);
      expect(topK(query, k, norms, s, skip, cap)).toEqual(want);
      // The scratch is left clean: the same search again gives the same list.
      expect(topK(query, k, norms, s, skip, cap)).toEqual(want);
    }
  });

  it('fewer found sentences than a pool, or fewer than k: every one is capped and ranked', () => {
    const rand = random(11);
    for (const docs of [10, 40, 300, 900]) {
      const groups = Int32Array.from({ length: docs }, (_, d) => (d % 5 === 0 ? -1 : Math.floor(d / 4)));
      const query = lists(rand, docs, 4, () => 0.5);
      const norms = Float64Array.from({ length: docs }, () => 0.5 + rand());
      for (const cap of [1, 3]) {
        const got = topK(query, k, norms, scratchFor(docs), undefined, { groups, cap });
        expect(got.length).toBeGreaterThan(0);
        expect(got).toEqual(reference(query, k, norms, undefined, { groups, cap }));
      }
    }
  });

  it('without a cap: the plain top k, ties by position', () => {
    const rand = random(13);
    const docs = 5000;
    const query = lists(rand, docs, 5, () => 0.2, [1, 1, 2, 2, 3]);
    const norms = Float64Array.from({ length: docs }, (_, d) => 1 + (d % 3) * 0.25);
    for (const kk of [1, 5, 30, 200]) expect(topK(query, kk, norms, scratchFor(docs))).toEqual(reference(query, kk, norms));
  });
});
