/**
 * Event context: a sentence is read inside its article. The context of a page (or of a corpus article) is
 * the set of its rarest terms (names, places, event words) weighted tf-idf; two contexts that share them are
 * probably about the same event. Context is evidence of the event only, never of the claim: every sentence
 * of one article shares it, so the scorer uses it only to lift pairs that already share a quantity or words.
 */
import { analyze } from './text';

/** What a page's text says about its event, built once per page by {@link buildContext}. */
export interface PageContext {
  /** Term -> number of the page's sentences that hold it. */
  readonly counts: ReadonlyMap<string, number>;
  /** ISO date (YYYY-MM-DD) of the page, when known. */
  readonly date: string | null;
  /** The page's event support (see page-rule.ts), grown as its sentences are matched; absent for a one-off
   * query. */
  readonly support?: PageSupport;
}

/** A page's event support, grown as its sentences are matched (page-rule.ts `addSupport`): corpus article id ->
 * the page sentences (texts) whose best match in it is strong enough. */
export interface PageSupport {
  /** Best matches at the rule's `support` score or above: the article is the page's event. */
  readonly strong: Map<string, Set<string>>;
  /** Best matches at AGREEMENT_SCORE (page-rule.ts) or above: two of them make the article the page's event at
   * the possible level. */
  readonly agreeing: Map<string, Set<string>>;
}

/** An empty {@link PageSupport}. */
export function emptySupport(): PageSupport {
  return { strong: new Map(), agreeing: new Map() };
}

/** A weighted context vector: its top terms and their weights, with the vector's norm. */
export interface ContextVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

/** Terms kept per context (highest tf-idf). Fewer keeps only the event's names and loses its vocabulary;
 * more lets background terms shared by every article about the war dominate. */
export const CONTEXT_TERMS = 25;

/** Context of a page from its sentences' texts (or of an article without one of its sentences). */
export function buildContext(texts: readonly string[], date: string | null = null): PageContext {
  const counts = new Map<string, number>();
  for (const text of texts) addTerms(counts, new Set(analyze(text).terms));
  return { counts, date };
}

/** Adds one sentence's distinct terms to term counts. */
export function addTerms(counts: Map<string, number>, terms: Iterable<string>): void {
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
}

/**
 * The context vector of term counts: weight (1 + ln count) * idf, terms unknown to the corpus left out
 * (they cannot be shared with any corpus article), top CONTEXT_TERMS kept; ties by term for determinism.
 */
export function contextVector(counts: ReadonlyMap<string, number>, idf: (term: string) => number | null): ContextVector {
  const scored: Array<[string, number]> = [];
  for (const [t, n] of counts) {
    const w = idf(t);
    if (w !== null && w > 0) scored.push([t, (1 + Math.log(n)) * w]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const weights = new Map(scored.slice(0, CONTEXT_TERMS));
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  return { weights, norm: Math.sqrt(sq) };
}

/** Cosine similarity of two context vectors (0 when either is empty). */
export function contextSimilarity(a: ContextVector, b: ContextVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, big] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) dot += w * (big.weights.get(t) ?? 0);
  return dot / (a.norm * b.norm);
}

/** Whole days between two ISO dates, or null when either is missing or unreadable. */
export function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? null : Math.abs(ta - tb) / 86_400_000;
}

/** Pages whose context is kept at once; the oldest is dropped first (a tab reloads, a reader moves on). */
export const MAX_PAGE_CONTEXTS = 64;

/**
 * The contexts of the pages a background serves. A page's sentences arrive in batches, so its context grows
 * batch by batch: each batch is read in the context of every sentence of its page seen so far.
 */
export class PageContexts {
  private readonly pages = new Map<string, { counts: Map<string, number>; seen: Set<string>; support: PageSupport }>();

  /** Adds a batch's sentences to the context of page `key` and returns the context to read the batch in. */
  extend(key: string, texts: readonly string[], date: string | null = null): PageContext {
    let page = this.pages.get(key);
    if (!page) {
      page = { counts: new Map(), seen: new Set(), support: emptySupport() };
      this.pages.set(key, page);
      if (this.pages.size > MAX_PAGE_CONTEXTS) this.pages.delete(this.pages.keys().next().value as string);
    }
    for (const text of texts) {
      if (page.seen.has(text)) continue;
      page.seen.add(text);
      addTerms(page.counts, new Set(analyze(text).terms));
    }
    return { counts: new Map(page.counts), date, support: page.support };
  }

  /** Forgets a page (its tab closed or navigated). */
  forget(key: string): void {
    this.pages.delete(key);
  }
}
