/**
 * Candidate retrieval: an inverted index of each sentence's distinct matcher terms (number-free, stemmed, stop
 * words dropped, paraphrase classes folded; see text.ts), ranked by BM25 and searched for the exact top k over
 * the lists of the query's rarest terms (queryTerms) on typed arrays (see topk.ts). Posting lists are sorted typed arrays
 * that load from the corpus file without being rebuilt (see {@link CandidateIndex.fromPacked}).
 *
 * The ranking is the one of the MiniSearch index this replaces (BM25+ with MiniSearch's defaults, times the
 * number of query terms matched), so candidates do not change at the corpus's own size.
 */
import { scratchFor, topK, type GroupCap, type QueryList, type Scratch } from './topk';
export type { GroupCap } from './topk';

/** BM25 term-frequency saturation (every term counts once per sentence, so it only shapes length norms). */
export const BM25_K1 = 1.2;
/** BM25 length normalisation: higher favours short sentences more. */
export const BM25_B = 0.7;
/** BM25+ floor per matched term, so a long sentence's match still counts. */
export const BM25_DELTA = 0.5;

/** The index's arrays, as stored (see {@link CandidateIndex.packed}). Term ids are the caller's vocabulary. */
export interface PackedPostings {
  /** Sentences per term id: term `t`'s list is `postings[offsets[t] .. offsets[t + 1]]`, ascending. */
  offsets: Uint32Array;
  postings: Uint32Array;
  /** Distinct terms per sentence. */
  lengths: Uint16Array;
}


/** Query terms sent to the index, rarest (highest idf) first: more rank better and cost more probes. */
export const MAX_QUERY_TERMS = 8;
/**
 * Terms held by more than this share of the indexed sentences are left out of retrieval (they are still
 * scored). A share, not a count, so the rule means the same at any corpus size; the pruned search keeps common
 * terms cheap, so this is a precision choice: with every term in, sentences that share only the corpus's
 * everyday names ("Assad", "Putin", "president") become candidates and the scorer links some of them wrongly
 * (other-outlets pages: 5 more false confident links, no more true ones). At the bundled corpus's size it
 * keeps the terms of the absolute cut-off it replaces (60 of 1,049 sentences).
 */
export const MAX_TERM_SHARE = 0.0575;
/** Most query terms used (per-sentence match counts are bytes; the matcher sends far fewer). */
export const MAX_TERMS = 254;

/** Inverted index of sentence terms (see module doc). Sentences are numbered 0, 1, 2... in order of adding. */
export class CandidateIndex {
  private readonly termIds = new Map<string, number>();
  /** Posting list per term id: typed when loaded, an array once a sentence is added to it. */
  private readonly lists: Array<Uint32Array | number[]> = [];
  private lengths: Uint16Array = new Uint16Array(16);
  private docs = 0;
  private totalLength = 0;
  private scratch: Scratch = scratchFor(0);
  private norms = new Float64Array(0);

  private constructor() {}

  /** An empty index. */
  static empty(): CandidateIndex {
    return new CandidateIndex();
  }

  /** The index over `packed`, whose term ids are positions in `vocab`. The arrays are used as they are. */
  static fromPacked(vocab: readonly string[], packed: PackedPostings): CandidateIndex {
    const index = new CandidateIndex();
    vocab.forEach((term, id) => {
      index.termIds.set(term, id);
      index.lists.push(packed.postings.subarray(packed.offsets[id]!, packed.offsets[id + 1]!));
    });
    index.lengths = packed.lengths;
    index.docs = packed.lengths.length;
    for (const n of packed.lengths) index.noteLength(n);
    return index;
  }

  /** Adds the next sentence (its id must be {@link CandidateIndex.size}) with its distinct terms. */
  add(id: number, terms: ReadonlySet<string>): void {
    if (id !== this.docs) throw new Error(`CandidateIndex.add: sentence ${id} added as number ${this.docs}`);
    for (const term of terms) {
      let t = this.termIds.get(term);
      if (t === undefined) {
        t = this.lists.length;
        this.termIds.set(term, t);
        this.lists.push([]);
      }
      let list = this.lists[t]!;
      if (!Array.isArray(list)) this.lists[t] = list = Array.from(list);
      list.push(id);
    }
    if (this.docs === this.lengths.length) {
      const grown = new Uint16Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.docs++] = terms.size;
    this.noteLength(terms.size);
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.docs;
  }

  /** Number of indexed sentences holding `term`. */
  /** The indexed terms. */
  terms(): IterableIterator<string> {
    return this.termIds.keys();
  }

  df(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.lists[t]!.length;
  }

  /**
   * The terms of a query the index is searched with: those some sentence holds and at most MAX_TERM_SHARE
   * of them, the MAX_QUERY_TERMS rarest (ties by term, for determinism), each with its `boost`.
   */
  queryTerms(terms: Iterable<string>, boost: (term: string) => number): Array<readonly [string, number]> {
    const maxDf = MAX_TERM_SHARE * this.docs;
    const known: Array<readonly [string, number]> = [];
    for (const t of terms) {
      const df = this.df(t);
      if (df > 0 && df <= maxDf) known.push([t, df]);
    }
    return known
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_QUERY_TERMS)
      .map(([t]) => [t, boost(t)] as const);
  }

  /** The stored form, term ids given by `vocab` (every indexed term must be in it). */
  packed(vocab: ReadonlyMap<string, number>): PackedPostings {
    const offsets = new Uint32Array(vocab.size + 1);
    const byId: Array<ArrayLike<number>> = [];
    for (const [term, t] of this.termIds) {
      const v = vocab.get(term);
      if (v === undefined) throw new Error(`CandidateIndex.packed: term "${term}" is not in the vocabulary`);
      byId[v] = this.lists[t]!;
    }
    for (let v = 0; v < vocab.size; v++) offsets[v + 1] = offsets[v]! + (byId[v]?.length ?? 0);
    const postings = new Uint32Array(offsets[vocab.size]!);
    byId.forEach((list, v) => postings.set(list, offsets[v]!));
    return { offsets, postings, lengths: this.lengths.slice(0, this.docs) };
  }

  /**
   * The `k` best sentences for `terms` (chosen by the caller, each with a boost), best first by BM25; ties by
   * position so results are deterministic. `skip` drops excluded sentences before ranking. Exact: the same
   * as scoring every sentence that holds a query term. With `groupCap`, at most `cap` sentences of one group
   * (claim) are returned: the same ranking with the sentences beyond that left out.
   */
  top(terms: ReadonlyArray<readonly [string, number]>, k: number, skip?: (id: number) => boolean, groupCap?: GroupCap): number[] {
    const query = this.queryLists(terms);
    if (query.length === 0 || k <= 0) return [];
    const norms = this.lengthNorms();
    if (this.scratch.slot.length < this.docs) this.scratch = scratchFor(Math.max(this.docs, 2 * this.scratch.slot.length));
    return topK(query, k, norms, this.scratch, skip, groupCap);
  }

  /** BM25 length norm per sentence (BM25+: delta plus the saturation of one occurrence), computed again after
   * sentences are added, as the average length moves. */
  private lengthNorms(): Float64Array {
    if (this.norms.length !== this.docs) {
      const avg = this.totalLength / this.docs;
      const norm = (length: number) => BM25_DELTA + (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avg));
      this.norms = new Float64Array(this.docs);
      for (let d = 0; d < this.docs; d++) this.norms[d] = norm(this.lengths[d]!);
    }
    return this.norms;
  }

  /** The query's posting lists with their BM25 weights (boost x idf), heaviest first. */
  private queryLists(terms: ReadonlyArray<readonly [string, number]>): QueryList[] {
    const out: Array<QueryList & { term: string }> = [];
    for (const [term, boost] of terms.slice(0, MAX_TERMS)) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      let list = this.lists[t]!;
      // Lists grown by add() are arrays; a query reads typed arrays only (one element kind in the hot loops).
      if (Array.isArray(list)) this.lists[t] = list = Uint32Array.from(list);
      if (list.length === 0) continue;
      const df = list.length;
      out.push({ list, term, weight: boost * Math.log(1 + (this.docs - df + 0.5) / (df + 0.5)) });
    }
    return out.sort((a, b) => b.weight - a.weight || a.list.length - b.list.length || (a.term < b.term ? -1 : 1));
  }

  private noteLength(n: number): void {
    this.totalLength += n;
  }
}
