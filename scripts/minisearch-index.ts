/**
 * The MiniSearch candidate index that lib/match/candidates.ts replaced, kept for `npm run bench` to compare
 * the two on the same sentences and queries (same BM25+ ranking; MiniSearch walks every posting list in full
 * and builds a result object per sentence hit).
 */
import MiniSearch, { type Options } from 'minisearch';

/** One indexed document: the sentence's position and its distinct terms, space-separated. */
interface TermDocument {
  id: number;
  t: string;
}

const OPTIONS: Options<TermDocument> = {
  fields: ['t'],
  idField: 'id',
  tokenize: (text) => (text ? text.split(' ') : []),
  processTerm: (term) => term || null,
  searchOptions: { prefix: false, fuzzy: false, combineWith: 'OR' },
};

/** MiniSearch over pre-analysed term sets, with the candidate index's `top`. */
export class MiniSearchIndex {
  private readonly search = new MiniSearch<TermDocument>(OPTIONS);

  /** Adds sentence `id` with its distinct terms. */
  add(id: number, terms: ReadonlySet<string>): void {
    this.search.add({ id, t: [...terms].join(' ') });
  }

  /** The `k` best sentences for `terms` (each with a boost), best first; ties by position. */
  top(terms: ReadonlyArray<readonly [string, number]>, k: number): number[] {
    if (terms.length === 0) return [];
    const boosts = new Map(terms);
    const results = this.search.search(terms.map(([t]) => t).join(' '), { boostTerm: (term) => boosts.get(term) ?? 1 });
    return results
      .map((r) => [r.id as number, r.score] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([id]) => id);
  }
}
