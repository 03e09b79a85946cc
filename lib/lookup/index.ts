/**
 * Lookup over the claim corpus for the popup's search box. It searches claims, not sentences: every claim is
 * one document holding the text of all its mentions, their outlets, claimants and what their figures count,
 * ranked by ./claim-index.ts (BM25 with typo, transliteration and figure-word tolerance). So "khan shekhoun
 * deth toll" finds the claim about the Khan Sheikhoun death toll, whichever outlet wrote it which way.
 * Cost: a few hundred ms to build and a few ms per query on the bundled corpus (see README); callers debounce
 * typing.
 */
import type { Corpus, Sentence } from '../corpus/types';
import { mentionOf, type Mention } from '../match/page';
import { compareFigures, type FigureComparison } from '../match/compare';
import { formatValue } from '../format';
import { ClaimIndex, type ClaimDocument } from './claim-index';

/** One claim found by a lookup, with what the popup shows for it. */
export interface LookupResult {
  claimId: string;
  label: string;
  mentions: Mention[];
  /** Distinct outlets of the mentions, in mention order. */
  outlets: string[];
  /** Earliest and latest dated mention (ISO), null when no mention is dated. */
  dates: { first: string; last: string } | null;
  /** The claim's figures in one line ("killed: at least 58 – 70; injured: 200"), empty when it states none. */
  figureSummary: string;
  /** The claim's own figure spread (quantities stated by two or more mentions). */
  figures?: FigureComparison[];
  /** Relevance: higher is better; comparable only within one query. */
  score: number;
}

/** A lookup built once per corpus. */
export interface Lookup {
  /** The best `limit` claims for `query`, best first; empty for a blank query. */
  search(query: string, limit?: number): LookupResult[];
}

/** Results returned when the caller gives no limit: about one popup screen. */
export const DEFAULT_LOOKUP_LIMIT = 10;

/** Queries shorter than this (after trimming) return nothing: one or two letters match almost every claim. */
export const MIN_QUERY_LENGTH = 3;

/** Figure values shown per quantity in the summary line; more make the line wrap in a 400 px popup. */
const SUMMARY_VALUES = 3;

/** The figures of a claim's mentions in one line: per quantity, its distinct values. */
export function figureSummary(members: readonly Sentence[]): string {
  const byWhat = new Map<string, string[]>();
  for (const s of members) {
    for (const f of s.figures) {
      const what = f.what ?? f.unit;
      const values = byWhat.get(what) ?? [];
      const text = formatValue(f);
      if (!values.includes(text)) values.push(text);
      byWhat.set(what, values);
    }
  }
  return [...byWhat].map(([what, values]) => `${what}: ${values.slice(0, SUMMARY_VALUES).join(' – ')}`).join('; ');
}

function datesOf(members: readonly Sentence[]): LookupResult['dates'] {
  const dates = members.flatMap((s) => (s.date ? [s.date] : [])).sort();
  return dates.length > 0 ? { first: dates[0]!, last: dates[dates.length - 1]! } : null;
}

/** One document per claim of `corpus`, in claim order: what ./claim-index.ts indexes. */
export function claimDocuments(corpus: Corpus): ClaimDocument[] {
  const sentences = new Map(corpus.sentences.map((s) => [s.id, s]));
  return corpus.claims.map((c) => {
    const members = c.sentenceIds.flatMap((id) => sentences.get(id) ?? []);
    return {
      texts: members.map((s) => s.text),
      extra: members.flatMap((s) => [s.outlet ?? '', s.claimant ?? '']).filter(Boolean),
      figures: [...new Set(members.flatMap((s) => s.figures.flatMap((f) => (f.what ? [f.what] : []))))],
    };
  });
}

/** Builds the lookup: the claim index, and the sentence lookups that results need. */
export function createLookup(corpus: Corpus): Lookup {
  const sentences = new Map(corpus.sentences.map((s) => [s.id, s]));
  const files = new Map(corpus.documents.map((d) => [d.id, d.file]));
  const collections = new Map(corpus.documents.flatMap((d) => (d.collection ? [[d.id, d.collection] as const] : [])));
  const membersOf = (sentenceIds: readonly string[]) => sentenceIds.flatMap((id) => sentences.get(id) ?? []);
  const index = new ClaimIndex(claimDocuments(corpus));
  return {
    search(query, limit = DEFAULT_LOOKUP_LIMIT) {
      const q = query.trim();
      if (q.length < MIN_QUERY_LENGTH || limit <= 0) return [];
      return index
        .search(q)
        .slice(0, limit)
        .flatMap(({ doc, score }) => {
          const claim = corpus.claims[doc];
          if (!claim) return [];
          const members = membersOf(claim.sentenceIds);
          const figures = compareFigures([], members);
          const result: LookupResult = {
            claimId: claim.id,
            label: claim.label,
            mentions: members.map((s) => mentionOf(s, files, collections)),
            outlets: [...new Set(members.flatMap((s) => (s.outlet ? [s.outlet] : [])))],
            dates: datesOf(members),
            figureSummary: figureSummary(members),
            score,
          };
          if (figures.length > 0) result.figures = figures;
          return [result];
        });
    },
  };
}
