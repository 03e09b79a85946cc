/**
 * The event side of matching: how close a candidate's corpus article is to the page a sentence is read in
 * (the context similarity of their weighted terms, and the days between their dates), and the context of a
 * corpus article read as if it were the page (clustering, leave-one-out evaluation). Article term counts and
 * vectors are built lazily and cached; the matcher makes a new one whenever its sentences change.
 */
import type { Sentence } from '../corpus/types';
import { addTerms, contextSimilarity, contextVector, daysApart, type ContextVector, type PageContext } from './context';
import type { FeatureStore } from './feature-store';
import type { EventEvidence } from './score';

/** Event evidence of corpus articles against page contexts, over one matcher's sentences. */
export class ArticleEvents {
  /** Context vector per article id (built lazily from its sentences' terms). */
  private readonly articleVectors = new Map<string, ContextVector>();
  /** Whole-article contexts handed out by {@link articleContext}. */
  private readonly articleContexts = new Map<string, PageContext>();
  /** Per page context: its vector and its similarity to each article. */
  private readonly pageVectors = new WeakMap<PageContext, { vector: ContextVector; sims: Map<string, number> }>();
  /** Sentence positions per article id (built on first use). */
  private byArticle: Map<string, number[]> | undefined;

  /** `knownIdf`: the IDF of a term the corpus holds, else null (a term the corpus lacks cannot be shared). */
  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly features: FeatureStore,
    private readonly knownIdf: (term: string) => number | null,
  ) {}

  /** The event evidence of sentence `i`'s article read against a page context (none without a context). */
  eventOf(i: number, context?: PageContext): EventEvidence | undefined {
    const sentence = this.sentences[i];
    if (!context || !sentence) return undefined;
    let page = this.pageVectors.get(context);
    if (!page) {
      page = { vector: contextVector(context.counts, this.knownIdf), sims: new Map() };
      this.pageVectors.set(context, page);
    }
    let similarity = page.sims.get(sentence.articleId);
    if (similarity === undefined) {
      similarity = contextSimilarity(page.vector, this.articleVector(sentence.articleId));
      page.sims.set(sentence.articleId, similarity);
    }
    return { similarity, daysApart: daysApart(context.date, sentence.date) };
  }

  /** Context of a corpus article (all its sentences, or all but `withoutId`), as if the article were the
   * page. Cached when whole. */
  articleContext(articleId: string, date: string | null = null, withoutId?: string): PageContext {
    const key = `${articleId}\u0000${date ?? ''}`;
    const cached = withoutId === undefined ? this.articleContexts.get(key) : undefined;
    if (cached) return cached;
    const context = { counts: this.articleCounts(articleId, withoutId), date };
    if (withoutId === undefined) this.articleContexts.set(key, context);
    return context;
  }

  /** Term counts over an article's sentences (sentences holding each term). */
  private articleCounts(articleId: string, withoutId?: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const i of this.articlePositions(articleId)) {
      if (this.sentences[i]!.id !== withoutId) addTerms(counts, this.features.terms(i));
    }
    return counts;
  }

  /** Positions of an article's sentences, in corpus order (one pass over the corpus builds them all). */
  private articlePositions(articleId: string): readonly number[] {
    if (!this.byArticle) {
      this.byArticle = new Map();
      this.sentences.forEach((s, i) => {
        const list = this.byArticle!.get(s.articleId);
        if (list) list.push(i);
        else this.byArticle!.set(s.articleId, [i]);
      });
    }
    return this.byArticle.get(articleId) ?? [];
  }

  private articleVector(articleId: string): ContextVector {
    let v = this.articleVectors.get(articleId);
    if (!v) {
      v = contextVector(this.articleCounts(articleId), this.knownIdf);
      this.articleVectors.set(articleId, v);
    }
    return v;
  }
}
