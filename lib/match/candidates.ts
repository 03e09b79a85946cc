/**
 * Candidate retrieval: a MiniSearch BM25 inverted index over the matcher's own terms (number-free, stemmed,
 * stop words dropped, paraphrase classes folded; see text.ts). MiniSearch gets the terms pre-analysed, so its
 * tokenizer only splits on spaces and its term processing is the identity. Per-query work is bounded by the
 * caller: it sends only the rarer known terms (see Matcher), so no long posting list is walked.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/** One indexed document: the sentence's position in the matcher and its distinct terms, space-separated. */
interface TermDocument {
  id: number;
  t: string;
}

/** Options shared by building and loading (MiniSearch needs the same ones to restore an index). */
const OPTIONS: Options<TermDocument> = {
  fields: ['t'],
  idField: 'id',
  tokenize: (text) => (text ? text.split(' ') : []),
  processTerm: (term) => term || null,
  searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' },
};

/** Inverted index of sentence terms with document frequencies for the caller's term choice. */
export class CandidateIndex {
  private readonly dfs = new Map<string, number>();

  private constructor(private readonly search: MiniSearch<TermDocument>) {}

  /** An empty index. */
  static empty(): CandidateIndex {
    return new CandidateIndex(new MiniSearch<TermDocument>(OPTIONS));
  }

  /** Restores {@link CandidateIndex.toJSON} output; `termSets` (same order as at build) give the frequencies. */
  static load(js: AsPlainObject, termSets: ReadonlyArray<ReadonlySet<string>>): CandidateIndex {
    const index = new CandidateIndex(MiniSearch.loadJS<TermDocument>(js, OPTIONS));
    for (const terms of termSets) index.count(terms);
    return index;
  }

  /** Adds sentence `id` (its position in the matcher) with its distinct terms. */
  add(id: number, terms: ReadonlySet<string>): void {
    this.search.add({ id, t: [...terms].join(' ') });
    this.count(terms);
  }

  /** Number of indexed sentences holding `term`. */
  df(term: string): number {
    return this.dfs.get(term) ?? 0;
  }

  /** Plain-object form for JSON (MiniSearch's own serialization). */
  toJSON(): AsPlainObject {
    return this.search.toJSON();
  }

  /**
   * The `k` best sentences for `terms` (chosen by the caller, each with a boost), best first by BM25; ties by
   * position so results are deterministic. `skip` drops excluded sentences.
   */
  top(terms: ReadonlyArray<readonly [string, number]>, k: number, skip?: (id: number) => boolean): number[] {
    if (terms.length === 0) return [];
    const boosts = new Map(terms);
    // Exclusions are dropped afterwards rather than through MiniSearch's `filter`, a call per hit.
    const results = this.search.search(terms.map(([t]) => t).join(' '), { boostTerm: (term) => boosts.get(term) ?? 1 });
    const ranked: Array<readonly [number, number]> = [];
    for (const r of results) if (!skip?.(r.id as number)) ranked.push([r.id as number, r.score]);
    return ranked
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([id]) => id);
  }

  private count(terms: ReadonlySet<string>): void {
    for (const t of terms) this.dfs.set(t, (this.dfs.get(t) ?? 0) + 1);
  }
}
