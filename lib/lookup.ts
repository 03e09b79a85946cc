/**
 * Typo-tolerant lookup over the claim corpus for the popup's search box: one fuse.js record per claim with
 * the text of every mention and their outlets, searched word by word (fuse token search: fuzzy per
 * word, TF-IDF across words), so "khan sheikhun toll" finds a claim about Khan Sheikhoun's dead.
 * Cost: about 100 ms to build and 10-25 ms per query word on the bundled corpus, so callers debounce typing.
 */
import Fuse from 'fuse.js';
import type { Corpus, Sentence } from './corpus/types';
import { mentionOf, type Mention } from './match/page';
import { compareFigures, type FigureComparison } from './match/compare';

/** One claim found by a lookup, with what the popup shows for it. */
export interface LookupResult {
  claimId: string;
  label: string;
  mentions: Mention[];
  /** The claim's own figure spread (quantities stated by two or more mentions). */
  figures?: FigureComparison[];
  /** fuse.js score: 0 is a perfect match, 1 no match. */
  score: number;
}

/** A lookup built once per corpus. */
export interface Lookup {
  /** The best `limit` claims for `query`, best first; empty for a blank query. */
  search(query: string, limit?: number): LookupResult[];
}

/** Results returned when the caller gives no limit: about one popup screen. */
export const DEFAULT_LOOKUP_LIMIT = 10;

/**
 * Per-word fuzziness (0 exact .. 1 anything). 0.35 forgives about one typo in a 6-letter word ("sheikhun",
 * "Lavorv") while keeping short words from matching unrelated ones; higher values flood results with noise.
 */
export const LOOKUP_THRESHOLD = 0.35;

/** Queries shorter than this (after trimming) return nothing: one or two letters match almost every claim. */
export const MIN_QUERY_LENGTH = 3;

interface Record {
  claimId: string;
  /** Every mention's text; the label is one of them, so it is not indexed twice (that doubled search time). */
  texts: string[];
  outlets: string[];
}


/** Builds the lookup: the fuse index over claims, and the sentence lookups that results need. */
export function createLookup(corpus: Corpus): Lookup {
  const sentences = new Map(corpus.sentences.map((s) => [s.id, s]));
  const files = new Map(corpus.documents.map((d) => [d.id, d.file]));
  const collections = new Map(corpus.documents.flatMap((d) => (d.collection ? [[d.id, d.collection] as const] : [])));
  const membersOf = (sentenceIds: readonly string[]) => sentenceIds.flatMap((id) => sentences.get(id) ?? []);
  const records: Record[] = corpus.claims.map((c) => {
    const members = membersOf(c.sentenceIds);
    return {
      claimId: c.id,
      texts: members.map((s) => s.text),
      outlets: [...new Set(members.flatMap((s) => (s.outlet ? [s.outlet] : [])))],
    };
  });
  const fuse = new Fuse(records, {
    keys: [
      { name: 'texts', weight: 1 },
      { name: 'outlets', weight: 0.5 },
    ],
    useTokenSearch: true,
    ignoreLocation: true,
    includeScore: true,
    threshold: LOOKUP_THRESHOLD,
  });
  const claims = new Map(corpus.claims.map((c) => [c.id, c]));
  return {
    search(query, limit = DEFAULT_LOOKUP_LIMIT) {
      const q = query.trim();
      if (q.length < MIN_QUERY_LENGTH || limit <= 0) return [];
      return fuse.search(q, { limit }).flatMap(({ item, score }) => {
        const claim = claims.get(item.claimId);
        if (!claim) return [];
        const members = membersOf(claim.sentenceIds);
        const figures = compareFigures([], members);
        const result: LookupResult = {
          claimId: claim.id,
          label: claim.label,
          mentions: members.map((s) => mentionOf(s, files, collections)),
          score: score ?? 1,
        };
        if (figures.length > 0) result.figures = figures;
        return [result];
      });
    },
  };
}
