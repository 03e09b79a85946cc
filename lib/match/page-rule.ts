/**
 * The page's event as evidence: once a sentence of a page restates a claim of a corpus article with a high
 * score, that article's other claims (and those of the articles sharing a claim with it) deserve a lower bar
 * on that page. A sentence is linked
 * - confidently to its best match at `confident` or above, or to its best match in a supported article (one
 *   that another sentence of the page matches at `support` or above) at `confidentInEvent` or above;
 * - possibly at `possible` (best match) or `possibleInEvent` (best match in a supported article, or in one the
 *   best matches of two sentences of the page agree on, see AGREEMENT_SCORE), or when a
 *   candidate of a supported article restates at least `softInEvent` of the sentence's weighted terms and the
 *   sentence at least as much of its own, counting names spelt another way and words of one event frame
 *   (pair-features.ts `softQuery` / `softCandidate`: the pairs the lexical score leaves unscored).
 * The thresholds are chosen by `npm run fit` (scripts/fit-matcher.ts) on the labelled pages, cross-validated
 * by page, and ship in data/match-model.json (`rule`).
 */
import MODEL from '../../data/match-model.json';
import { emptySupport, type PageSupport } from './context';

/** Thresholds of the page rule, on the matcher's score scale (see Matcher.match). */
export interface PageRule {
  support: number;
  confident: number;
  confidentInEvent: number;
  possible: number;
  possibleInEvent: number;
  /** 1 or more: branch off. */
  softInEvent: number;
}

/** The committed rule. */
export const PAGE_RULE: PageRule = (MODEL as unknown as { rule: PageRule }).rule;

/** Lowest score any branch of `rule` accepts (the matcher's minScore for page sentences). */
export function lowestScore(rule: PageRule): number {
  return Math.min(rule.confidentInEvent, rule.possible, rule.possibleInEvent);
}

/** The page's support (context.ts, where a page's context carries it): its strong and its agreeing best matches per article. */
export { emptySupport, type PageSupport };

/** Score from which a sentence's best match counts towards the page's agreement on an article: two sentences
 * of a page whose best matches (each at this score or more, under the support bar) lie in one article make it
 * the page's event at the possible level. On the other-outlets pages (20 page splits, possible level): 0.4
 * and 0.45 lift recall from 49.9% to 52.0-52.1% at 81.1-81.2% precision (confident unchanged), 0.35 and 0.5
 * do not (49.7%, 50.0%); one sentence at 0.45 instead of two: 49.6%. */
export const AGREEMENT_SCORE = 0.45;

/** Corpus article id -> the other articles that state one of its claims (see {@link articleLinks}). */
export type ArticleLinks = ReadonlyMap<string, readonly string[]>;

/**
 * The articles each article shares a claim with: one event is told by several corpus articles (a wire story
 * and its rewrites, a digest's items), and the corpus's claims join their sentences. A page that restates one
 * of them is about that event, so the page rule's lower bar extends to the others ({@link addSupport}). On the
 * other-outlets pages (20 page splits): confident 92.5% / 42.6% → 93.0% / 42.5% at the same target, possible
 * 80.5% / 49.6% → 81.1% / 49.9% (docs/matching-log.md).
 */
export function articleLinks(claims: ReadonlyArray<{ readonly sentenceIds: readonly string[] }>, articleOf: (sentenceId: string) => string | undefined): ArticleLinks {
  const links = new Map<string, Set<string>>();
  for (const c of claims) {
    const articles = new Set<string>();
    for (const id of c.sentenceIds) {
      const a = articleOf(id);
      if (a) articles.add(a);
    }
    if (articles.size < 2) continue;
    for (const a of articles) for (const b of articles) if (a !== b) links.set(a, (links.get(a) ?? new Set()).add(b));
  }
  return new Map([...links].map(([a, bs]) => [a, [...bs].sort()]));
}

/** Records a sentence's best match in the page's support when it is strong enough: its article, and the
 * articles `links` joins to it by a shared claim. */
export function addSupport(support: PageSupport, text: string, best: { score: number; articleId: string } | undefined, rule: PageRule, links?: ArticleLinks): void {
  if (!best || best.score < Math.min(rule.support, AGREEMENT_SCORE)) return;
  for (const article of [best.articleId, ...(links?.get(best.articleId) ?? [])]) {
    if (best.score >= rule.support) add(support.strong, article, text);
    if (best.score >= AGREEMENT_SCORE) add(support.agreeing, article, text);
  }
}

function add(byArticle: Map<string, Set<string>>, articleId: string, text: string): void {
  const texts = byArticle.get(articleId) ?? new Set<string>();
  texts.add(text);
  byArticle.set(articleId, texts);
}

/** True when two sentences of the page agree on the article (see AGREEMENT_SCORE), one of them not `text`. */
export function agreed(support: PageSupport | undefined, articleId: string, text: string): boolean {
  const texts = support?.agreeing.get(articleId);
  return !!texts && texts.size >= 2 && texts.size - (texts.has(text) ? 1 : 0) >= 1;
}

/** True when another sentence of the page supports the article. */
export function supported(support: PageSupport | undefined, articleId: string, text: string): boolean {
  const texts = support?.strong.get(articleId);
  return !!texts && texts.size - (texts.has(text) ? 1 : 0) >= 1;
}

/** The link of a sentence: which of its matches (sorted best first) and at which level; null if none. */
export function decide<M extends { score: number; articleId: string }>(
  matches: readonly M[],
  text: string,
  support: PageSupport | undefined,
  rule: PageRule,
  soft?: () => readonly M[],
): { match: M; level: 'confident' | 'possible' } | null {
  const top = matches[0];
  if (top && top.score >= rule.confident) return { match: top, level: 'confident' };
  const inEvent = matches.find((m) => supported(support, m.articleId, text));
  if (inEvent && inEvent.score >= rule.confidentInEvent) return { match: inEvent, level: 'confident' };
  if (top && top.score >= rule.possible) return { match: top, level: 'possible' };
  if (inEvent && inEvent.score >= rule.possibleInEvent) return { match: inEvent, level: 'possible' };
  const agreedOn = matches.find((m) => agreed(support, m.articleId, text));
  if (agreedOn && agreedOn.score >= rule.possibleInEvent) return { match: agreedOn, level: 'possible' };
  if (!soft || rule.softInEvent >= 1 || !support?.strong.size) return null;
  let best: M | undefined;
  for (const m of soft()) if (supported(support, m.articleId, text) && (!best || m.score > best.score)) best = m;
  return best && best.score >= rule.softInEvent ? { match: best, level: 'possible' } : null;
}

/** Soft score of a pair from its features: the smaller of the two sides' soft coverage. */
export function softScore(x: readonly number[], softQuery: number, softCandidate: number): number {
  return Math.min(x[softQuery]!, x[softCandidate]!);
}
