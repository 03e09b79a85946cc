/**
 * The candidate index: its top-k search returns exactly the top k of scoring every sentence that holds
 * a query term (checked against a direct BM25+ scoring of the real corpus, also grown x10 with partial
 * copies, with many equal scores), the same with a cap per group (claim), exclusions, the packed form's round
 * trip, and the query-term rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BM25_B, BM25_DELTA, BM25_K1, CandidateIndex, MAX_QUERY_TERMS, MAX_TERM_SHARE } from '../../lib/match/candidates';
import { computeFeatures } from '../../lib/match/features';
import { decodeBase64, decodeUint16, decodeUint32, encodeBase64 } from '../../lib/match/base64';
import { loadCorpusSentences } from '../fixtures/match/dev-eval';

type Query = Array<readonly [string, number]>;

let termSets: Array<Set<string>>;
let texts: string[];

beforeAll(() => {
  const sentences = loadCorpusSentences().sentences;
  texts = sentences.map((s) => s.text);
  termSets = texts.map((t) => new Set(computeFeatures(t, []).terms));
});

function build(sets: ReadonlyArray<ReadonlySet<string>>): CandidateIndex {
  const index = CandidateIndex.empty();
  sets.forEach((terms, i) => index.add(i, terms));
  return index;
}

/** Every sentence holding a query term, scored directly (matched terms x summed idf x length norm). */
function bruteForce(sets: ReadonlyArray<ReadonlySet<string>>, query: Query): Map<number, number> {
  const n = sets.length;
  const avg = sets.reduce((a, s) => a + s.size, 0) / n;
  const df = new Map(query.map(([t]) => [t, sets.filter((s) => s.has(t)).length]));
  const scores = new Map<number, number>();
  sets.forEach((terms, doc) => {
    let count = 0;
    let sum = 0;
    for (const [t, boost] of query) {
      if (!terms.has(t)) continue;
      const d = df.get(t)!;
      count++;
      sum += boost * Math.log(1 + (n - d + 0.5) / (d + 0.5));
    }
    if (count > 0) scores.set(doc, count * sum * (BM25_DELTA + (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * terms.size) / avg))));
  });
  return scores;
}

/** Asserts `got` is a top k of `scores`: as many as possible, in score order, none missing that beats one kept. */
function expectTopK(got: number[], scores: Map<number, number>, k: number): void {
  const ranked = [...scores.values()].sort((a, b) => b - a);
  expect(got.length).toBe(Math.min(k, ranked.length));
  const kth = ranked[got.length - 1] ?? -Infinity;
  for (let i = 0; i < got.length; i++) {
    const s = scores.get(got[i]!);
    expect(s, `result ${got[i]} holds no query term`).toBeDefined();
    expect(s!).toBeGreaterThanOrEqual(kth - 1e-9);
    if (i > 0) expect(s!).toBeLessThanOrEqual(scores.get(got[i - 1]!)! + 1e-9);
  }
}

/** Queries as the matcher makes them, from corpus sentences spread over the corpus (and all-terms variants). */
function queries(index: CandidateIndex, every = 13): Query[] {
  const out: Query[] = [];
  for (let i = 0; i < texts.length; i += every) {
    const f = computeFeatures(texts[i]!, []);
    out.push(index.queryTerms(f.terms, (t) => (f.entities.has(t) ? 1.5 : 1)));
    out.push([...f.terms].slice(0, MAX_QUERY_TERMS).map((t) => [t, 1] as const));
  }
  return out.filter((q) => q.length > 0);
}

/** Partial copies: each sentence again `k - 1` times with about half its terms replaced by made-up ones. */
function grown(sets: ReadonlyArray<Set<string>>, k: number): Array<Set<string>> {
  let state = 11;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = [...sets];
  for (let c = 1; c < k; c++) for (const s of sets) out.push(new Set([...s].map((t) => (rand() < 0.5 ? `zz${Math.floor(rand() * 2000)}` : t))));
  return out;
}

describe('candidate index', () => {
  it('returns the exact BM25 top k on the corpus, for k = 1, 5 and 30', () => {
    const index = build(termSets);
    for (const q of queries(index)) {
      const scores = bruteForce(termSets, q);
      for (const k of [1, 5, 30]) expectTopK(index.top(q, k), scores, k);
    }
  });

  it('stays exact on the corpus grown x10 with partial copies (many near-equal candidates)', () => {
    const sets = grown(termSets, 10);
    const index = build(sets);
    for (const q of queries(index, 37)) expectTopK(index.top(q, 30), bruteForce(sets, q), 30);
  });

  it('with a group cap: the best k with at most `cap` per group, exactly (corpus grown x10, copies grouped with their sentence)', () => {
    const sets = grown(termSets, 10);
    const index = build(sets);
    const n = termSets.length;
    // Copies share their sentence's group; every 7th sentence is in no group, and so are the last 50 (past the end).
    const groups = Int32Array.from({ length: sets.length - 50 }, (_, d) => ((d % n) % 7 === 0 ? -1 : d % n));
    const groupOf = (d: number) => (d < groups.length ? groups[d]! : -1);
    for (const cap of [1, 3]) {
      for (const q of queries(index, 37)) {
        const scores = bruteForce(sets, q);
        // The brute-force answer: the whole ranking read in order, each group's sentences past the cap left out.
        const taken = new Map<number, number>();
        const want = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).filter(([d]) => {
          const g = groupOf(d);
          if (g < 0) return true;
          taken.set(g, (taken.get(g) ?? 0) + 1);
          return taken.get(g)! <= cap;
        }).slice(0, 30);
        const got = index.top(q, 30, undefined, { groups, cap });
        expect(got.length).toBe(want.length);
        got.forEach((d, i) => expect(scores.get(d)!).toBeCloseTo(want[i]![1], 9));
        const perGroup = new Map<number, number>();
        for (const d of got) if (groupOf(d) >= 0) perGroup.set(groupOf(d), (perGroup.get(groupOf(d)) ?? 0) + 1);
        expect(Math.max(0, ...perGroup.values())).toBeLessThanOrEqual(cap);
      }
    }
  });

  it('a cap no group exceeds changes nothing: the same list as the plain search', () => {
    const index = build(termSets);
    const groups = Int32Array.from({ length: termSets.length }, (_, d) => Math.floor(d / 3));
    for (const q of queries(index, 17)) expect(index.top(q, 30, undefined, { groups, cap: 3 })).toEqual(index.top(q, 30));
  });

  it('excluded sentences are never returned and do not take a place in the top k', () => {
    const index = build(termSets);
    for (const q of queries(index, 61)) {
      const first = index.top(q, 10);
      const skipped = new Set(first.slice(0, 3));
      const scores = bruteForce(termSets, q);
      for (const id of skipped) scores.delete(id);
      const got = index.top(q, 10, (id) => skipped.has(id));
      for (const id of got) expect(skipped.has(id)).toBe(false);
      expectTopK(got, scores, 10);
      // and the scratch state is clean for the next query
      expect(index.top(q, 10)).toEqual(first);
    }
  });

  it('packs to typed arrays and loads back to the same results; sentences can be added after loading', () => {
    const index = build(termSets);
    const vocab = new Map<string, number>();
    for (const s of termSets) for (const t of s) if (!vocab.has(t)) vocab.set(t, vocab.size);
    const p = index.packed(vocab);
    const restored = {
      offsets: decodeUint32(encodeBase64(p.offsets)),
      postings: decodeUint32(encodeBase64(p.postings)),
      lengths: decodeUint16(encodeBase64(p.lengths)),
    };
    const loaded = CandidateIndex.fromPacked([...vocab.keys()], restored);
    expect(loaded.size).toBe(termSets.length);
    for (const q of queries(index, 29)) expect(loaded.top(q, 30)).toEqual(index.top(q, 30));
    const note = new Set(['zzuniqueterm', ...[...termSets[5]!].slice(0, 3)]);
    loaded.add(termSets.length, note);
    expect(loaded.df('zzuniqueterm')).toBe(1);
    expect(loaded.top([['zzuniqueterm', 1]], 5)).toEqual([termSets.length]);
  });

  it('sentences must be added in order', () => {
    const index = CandidateIndex.empty();
    index.add(0, new Set(['a']));
    expect(() => index.add(2, new Set(['b']))).toThrow();
  });

  it('query terms: the rarest known terms, none held by more than MAX_TERM_SHARE of the sentences', () => {
    const index = build(termSets);
    for (const q of queries(index, 7).filter((_, i) => i % 2 === 0)) {
      expect(q.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
      for (const [t] of q) {
        expect(index.df(t)).toBeGreaterThan(0);
        expect(index.df(t)).toBeLessThanOrEqual(MAX_TERM_SHARE * index.size);
      }
    }
    // the rule is a share: the same terms pass in a corpus made of ten copies of this one
    const copies = build(Array.from({ length: 10 }, () => termSets).flat());
    const f = computeFeatures(texts[100]!, []);
    expect(copies.queryTerms(f.terms, () => 1)).toEqual(index.queryTerms(f.terms, () => 1));
  });
});

describe('base64 of typed arrays', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n * 37 + (n % 3) }, (_, i) => (i * 97 + n) & 255);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
    expect(encodeBase64(new Uint8Array([77, 97, 110]))).toBe('TWFu');
    expect(encodeBase64(new Uint8Array([77]))).toBe('TQ==');
  });

  it('rejects text that is not base64', () => {
    expect(() => decodeBase64('TQ=')).toThrow();
    expect(() => decodeBase64('T$==')).toThrow();
  });
});
