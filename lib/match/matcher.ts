/**
 * The claim matcher: a BM25 inverted index over number-free stemmed terms (candidates.ts) gives a bounded list of
 * candidates; {@link scorePair} decides which of them state the same claim, and abstains when unsure. With a
 * page context ({@link buildContext}) the scorer also weighs whether the page and the candidate's article
 * are about the same event.
 */
import type { Sentence } from '../corpus/types';
import { figuresOrNone } from '../corpus/figures';
import { computeFeatures, packFeatures, quantityKeys, type SentenceFeatures } from './features';
import { FeatureStore } from './feature-store';
import { encodeBase64 } from './base64';
import { CandidateIndex } from './candidates';
export { MAX_QUERY_TERMS, MAX_TERM_SHARE } from './candidates';
import type { PageContext } from './context';
import { ArticleEvents } from './article-events';
import { foldNames, nameAliases } from './name-aliases';
export { MIN_ALIAS_KEY } from './name-aliases';
import { FEATURE_NAMES, extrasOf, pairFeatures, withRanks, type SentenceExtras } from './pair-features';
import { isQuestion, mentionsNumber } from './sentence-kind';
export { isQuestion } from './sentence-kind';
import type { WordVectors } from './word-vectors';
import { SEMANTIC_FLOOR, SEMANTIC_WEIGHT, SemanticPenalty } from './semantic';
export { SEMANTIC_FLOOR, SEMANTIC_WEIGHT } from './semantic';
import { CONTEXT_QUANTITY_LIFT, CONTEXT_SAME_EVENT, ENTITY_WEIGHT, MIN_SHARED_TERMS, MIN_SHARED_TERMS_IN_EVENT, QUANTITY_CONFLICT_PENALTY, QUANTITY_MATCH_BONUS, mass, scorePair, type EventEvidence, type PairScore, type TermWeights } from './score';
import { CANDIDATES, CONFIDENT_SCORE, DEFAULT_LIMIT, MAX_CANDIDATES_PER_CLAIM, POSSIBLE_SCORE, type MatchOptions, type SentenceMatch } from './sentence-match';
export { CANDIDATES, CONFIDENT_SCORE, DEFAULT_LIMIT, MAX_CANDIDATES_PER_CLAIM, POSSIBLE_SCORE, type MatchOptions, type MatchReason, type SentenceMatch } from './sentence-match';
import { INDEX_VERSION, unpackPostings, type SerializedMatcher } from './serialized';
export { INDEX_VERSION, type SerializedMatcher } from './serialized';

/** A candidate whose score (its pair score moved by the semantic penalty) reaches the query's lowest score. */
interface Passed {
  i: number;
  p: PairScore;
  score: number;
  /** The score as shown (three decimals): matches are ranked by it, then by sentence id. */
  rounded: number;
  sentenceId: string;
}


/** Claim matcher over a corpus of sentences (see module doc). */
export class Matcher {
  private index = CandidateIndex.empty();
  private readonly sentences: Sentence[] = [];
  private readonly features = new FeatureStore();
  private readonly idfCache = new Map<string, number>();
  /** Transliteration key -> indexed term (see nameAliases; cleared by add). */
  private aliases: Map<string, string> | undefined;
  /** Names and frames per sentence position, computed when first a candidate. */
  private extras: Array<SentenceExtras | undefined> = [];
  /** Cached term mass per sentence position (NaN = not computed since the last add). Typed, sized to the
   * corpus: a plain array written at scattered positions of a large corpus turns into a slow dictionary. */
  private masses = new Float64Array(0);
  private readonly weights: TermWeights = { idf: (t) => this.idf(t) };
  /** Articles as events, against page contexts (made anew by add). */
  private events = this.newEvents();
  /** Claim number per sentence position (see {@link Matcher.groupClaims}); -1 or past the end: no claim. */
  private claimNumbers: Int32Array | undefined;
  /** The distilled sentence encoder and its weight (see {@link useWordVectors}); corpus vectors made lazily. */
  private semantic: SemanticPenalty | undefined;

  private constructor() {}

  /**
   * Lets the scorer read the sentences' cosine in `words` (`weight` per unit of cosine under
   * SEMANTIC_FLOOR; see SEMANTIC_WEIGHT) when it matches a page sentence ({@link match}); null or weight 0
   * turns it off. Indexed-sentence queries ({@link matchIndexed}: clustering, the corpus build) never use it.
   */
  useWordVectors(words: WordVectors | null, weight = SEMANTIC_WEIGHT): this {
    this.semantic = words && weight !== 0 ? new SemanticPenalty(words, weight, this.sentences) : undefined;
    return this;
  }

  /** Builds the index and features of `sentences`. */
  static build(sentences: readonly Sentence[]): Matcher {
    const m = new Matcher();
    m.add(sentences);
    return m;
  }

  /** Restores a matcher from {@link Matcher.toJSON} output and the same sentences; rebuilds when the index
   * does not fit them (other version, other sentence ids), so a stale index degrades to slower start-up. */
  static load(serializedIndex: unknown, sentences: readonly Sentence[]): Matcher {
    const s = serializedIndex as Partial<SerializedMatcher> | null;
    const fits =
      s?.version === INDEX_VERSION &&
      Array.isArray(s.ids) &&
      s.ids.length === sentences.length &&
      s.ids.every((id, i) => id === sentences[i]?.id) &&
      Array.isArray(s.features) &&
      Array.isArray(s.vocab) &&
      typeof s.postings === 'object' &&
      s.postings !== null;
    const index = fits ? unpackPostings(s!.vocab!, s!.postings!, sentences.length) : null;
    if (!index) return Matcher.build(sentences);
    // Nothing per sentence is decoded here: features are decoded when a sentence is first a candidate.
    const m = new Matcher();
    m.sentences.push(...sentences);
    m.features.pushPacked(s!.features!, s!.vocab!, sentences.map((x) => x.figures));
    m.index = index;
    return m;
  }

  /** Serializable form: packed per-sentence features and the candidate index's arrays. */
  toJSON(): SerializedMatcher {
    const vocab = new Map<string, number>();
    const features = this.sentences.map((s) => packFeatures(s.text, vocab));
    const p = this.index.packed(vocab);
    const postings = { offsets: encodeBase64(p.offsets), postings: encodeBase64(p.postings), lengths: encodeBase64(p.lengths) };
    return { version: INDEX_VERSION, ids: this.sentences.map((s) => s.id), vocab: [...vocab.keys()], features, postings };
  }

  /** Adds sentences to the index (e.g. user annotations). Ids must be new. */
  add(sentences: readonly Sentence[]): void {
    for (const sentence of sentences) {
      const f = computeFeatures(sentence.text, sentence.figures);
      this.index.add(this.features.length, f.terms);
      this.sentences.push(sentence);
      this.features.push(f);
    }
    // Term weights, masses and contexts depend on the whole index: computed anew after the batch.
    this.idfCache.clear();
    this.masses = new Float64Array(0);
    this.extras = [];
    this.aliases = undefined;
    this.events = this.newEvents();
  }

  /**
   * Tells the matcher which sentences state one claim (the corpus's claims), so that a query's candidates hold
   * at most MAX_CANDIDATES_PER_CLAIM sentences of one claim: a claim restated many times cannot crowd the
   * query's other claims out of the candidates. Sentences added later belong to no claim.
   */
  groupClaims(claims: ReadonlyArray<{ readonly sentenceIds: readonly string[] }>): void {
    // A cap that no claim reaches cannot bind: the plain (faster) search then gives the same candidates.
    if (!claims.some((c) => c.sentenceIds.length > MAX_CANDIDATES_PER_CLAIM)) {
      this.claimNumbers = undefined;
      return;
    }
    const position = new Map(this.sentences.map((s, i) => [s.id, i]));
    const numbers = new Int32Array(this.sentences.length).fill(-1);
    claims.forEach((c, n) => {
      for (const id of c.sentenceIds) {
        const i = position.get(id);
        if (i !== undefined) numbers[i] = n;
      }
    });
    this.claimNumbers = numbers;
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.sentences.length;
  }

  /**
   * The candidates of a page sentence (BM25 top CANDIDATES) with the link model's feature vectors
   * ({@link FEATURE_NAMES}), in BM25 order. Used by {@link match} and by the fit script.
   */
  candidateFeatures(text: string, opts: MatchOptions = {}): ScoredCandidate[] {
    if (typeof text !== 'string' || !/\p{L}{2}/u.test(text)) return [];
    let q = computeFeatures(text, []);
    if (this.knownTerms(q) < 1) return [];
    const candidates = this.candidates(q, opts.excludeIds);
    if (candidates.length === 0) return [];
    if (mentionsNumber(text) && candidates.some((i) => (this.features.get(i)?.quantities.size ?? 0) > 0)) {
      q = { ...q, ...quantityKeys(figuresOrNone(text, opts.figuresOf)) };
    }
    const qx = extrasOf(text);
    const qMass = mass(q, this.weights);
    const support = opts.support;
    const out: ScoredCandidate[] = [];
    for (const i of candidates) {
      const c = this.features.get(i);
      const sentence = this.sentences[i];
      if (!c || !sentence) continue;
      const own = support?.get(sentence.articleId);
      const n = own ? own.size - (own.has(text) ? 1 : 0) : 0;
      const x = pairFeatures(q, c, qx, this.extrasAt(i), this.weights, { q: qMass, c: this.massOf(i, c) }, this.eventOf(i, opts.context), n);
      out.push({ index: i, sentenceId: sentence.id, articleId: sentence.articleId, x, q, c });
    }
    withRanks(out.map((o) => o.x));
    return out;
  }

  private extrasAt(i: number): SentenceExtras {
    let e = this.extras[i];
    if (!e) this.extras[i] = e = extrasOf(this.sentences[i]?.text ?? '');
    return e;
  }

  /** Ranked matches of a page sentence against corpus sentences, best first; [] when unsure. */
  match(text: string, opts: MatchOptions = {}): SentenceMatch[] {
    if (typeof text !== 'string' || !/\p{L}{2}/u.test(text) || isQuestion(text)) return [];
    // Figures are extracted only when a candidate is close enough for them to matter: extraction costs more
    // than the rest of a query, and most page sentences have no candidate at all.
    const q = this.foldNames(computeFeatures(text, []));
    const withFigures = () => ({ ...q, ...quantityKeys(figuresOrNone(text, opts.figuresOf)) });
    // The query's vector is made only when a candidate is scored (most page sentences have none).
    let vector: Float32Array | null | undefined;
    const sem = this.semantic;
    const queryVector = sem ? () => (vector === undefined ? (vector = sem.embed(text)) : vector) : undefined;
    return this.matchFeatures(q, opts, mentionsNumber(text) ? withFigures : undefined, queryVector);
  }

  /** Matches of the indexed sentence `id` against the others (used by clustering); its own article is
   * its context unless `opts.context` says otherwise. */
  matchIndexed(id: string, opts: MatchOptions = {}): SentenceMatch[] {
    const i = this.sentences.findIndex((s) => s.id === id);
    const f = this.features.get(i);
    const sentence = this.sentences[i];
    if (!f || !sentence) return [];
    const excludeIds = new Set(opts.excludeIds ?? []);
    excludeIds.add(id);
    const context = opts.context ?? this.articleContext(sentence.articleId, sentence.date);
    return this.matchFeatures(f, { ...opts, excludeIds, context });
  }

  /** Candidate retrieval then scoring, for precomputed query features. */
  private matchFeatures(q: SentenceFeatures, opts: MatchOptions, withFigures?: () => SentenceFeatures, queryVector?: () => Float32Array | null): SentenceMatch[] {
    // A pair needs MIN_SHARED_TERMS shared terms (one, with a shared quantity, inside one event): a query with
    // fewer known terms can match nothing, so most off-topic page sentences never reach the index. Only a
    // query that may state a figure can share a quantity.
    const mayCount = q.quantities.size > 0 || withFigures !== undefined;
    if (this.knownTerms(q) < (opts.context && mayCount ? MIN_SHARED_TERMS_IN_EVENT : MIN_SHARED_TERMS)) return [];
    const candidates = this.candidates(q, opts.excludeIds);
    const minScore = opts.minScore ?? POSSIBLE_SCORE;
    const events = candidates.map((i) => this.eventOf(i, opts.context));
    // The query's mass does not depend on its figures (they add quantities, not terms).
    const qMass = mass(q, this.weights);
    // Each candidate's pair score, computed once for the query as it stands (figuresMatter needs some).
    let pairs: Array<PairScore | null | undefined> = [];
    const pairAt = (k: number): PairScore | null => (pairs[k] ??= this.scorePairAt(q, qMass, candidates[k]!, events[k]));
    if (withFigures && candidates.some((i, k) => this.figuresMatter(i, k, pairAt, minScore, events[k]))) {
      q = withFigures();
      // The figures add only quantities: a candidate that states none scores as before (not scored again).
      pairs = candidates.map((i, k) => ((this.features.get(i)?.quantities.size ?? 0) === 0 ? pairs[k] : undefined));
    }
    // Ranked before their reasons are listed: only the `limit` best are shown (on the bench corpus grown x100,
    // 3.4 candidates pass per query against 0.9 at x1, and listing every one's reasons was 12% of a query).
    const passed: Passed[] = [];
    candidates.forEach((i, k) => {
      const p = pairAt(k);
      const sentence = this.sentences[i];
      if (!p || !sentence || !this.features.get(i)) return;
      const score = p.score + (queryVector && this.semantic ? this.semantic.term(queryVector(), i) : 0);
      if (score >= minScore) passed.push({ i, p, score, rounded: Math.round(score * 1000) / 1000, sentenceId: sentence.id });
    });
    passed.sort((a, b) => b.rounded - a.rounded || (a.sentenceId < b.sentenceId ? -1 : 1));
    return passed.slice(0, opts.limit ?? DEFAULT_LIMIT).map((m) => this.toMatch(q, m));
  }

  /**
   * True when the query's figures could change candidate `i`'s level: figures move a score by at most
   * QUANTITY_MATCH_BONUS + CONTEXT_QUANTITY_LIFT up or QUANTITY_CONFLICT_PENALTY down, so they matter only
   * near a threshold. Outside those bands the score ignores the query's figures (a deliberate speed trade-off).
   */
  private figuresMatter(i: number, k: number, pairAt: (k: number) => PairScore | null, minScore: number, event?: EventEvidence): boolean {
    const c = this.features.get(i);
    if (!c || c.quantities.size === 0) return false;
    // A pair too thin to be scored without a shared quantity may be scored with one (in one event).
    const score = pairAt(k)?.score ?? (event && event.similarity >= CONTEXT_SAME_EVENT ? minScore - 0.01 : undefined);
    if (score === undefined) return false;
    const up = QUANTITY_MATCH_BONUS + (event ? CONTEXT_QUANTITY_LIFT : 0);
    const near = (t: number) => score >= t - up && score < t + QUANTITY_CONFLICT_PENALTY;
    return near(minScore) || near(CONFIDENT_SCORE);
  }

  /** The query with its unknown names spelt the corpus's way (name-aliases.ts). */
  private foldNames(q: SentenceFeatures): SentenceFeatures {
    return foldNames(q, this.index, () => (this.aliases ??= nameAliases(this.index)));
  }

  /** Number of the query's terms that some indexed sentence holds. */
  private knownTerms(q: SentenceFeatures): number {
    let n = 0;
    for (const t of q.terms) if (this.index.df(t) > 0) n++;
    return n;
  }

  /** Indexes of the best CANDIDATES sentences by BM25 over the query's rarer terms (see queryTerms). */
  private candidates(q: SentenceFeatures, exclude?: ReadonlySet<string>): number[] {
    const terms = this.index.queryTerms(q.terms, (t) => (q.entities.has(t) ? ENTITY_WEIGHT : 1));
    if (terms.length === 0) return [];
    const skip = exclude?.size ? (i: number) => exclude.has(this.sentences[i]?.id ?? '') : undefined;
    const cap = this.claimNumbers ? { groups: this.claimNumbers, cap: MAX_CANDIDATES_PER_CLAIM } : undefined;
    return this.index.top(terms, CANDIDATES, skip, cap);
  }

  /** The pair score of the query and candidate `i`; null when they share too little to tell. */
  private scorePairAt(q: SentenceFeatures, qMass: number, i: number, event?: EventEvidence): PairScore | null {
    const c = this.features.get(i);
    return c ? scorePair(q, c, this.weights, { q: qMass, c: this.massOf(i, c) }, event) : null;
  }

  /** A candidate that passed, as a match: its reasons read from its pair score (`p` lists its evidence when
   * first read: it is passed whole, never spread). */
  private toMatch(q: SentenceFeatures, { i, p, score, rounded, sentenceId }: Passed): SentenceMatch {
    const c = this.features.get(i)!;
    const readable = (t: string): string => c.surface.get(t) ?? q.surface.get(t) ?? t;
    return {
      sentenceId,
      score: rounded,
      level: score >= CONFIDENT_SCORE ? 'confident' : 'possible',
      reason: { terms: p.sharedTerms.map(readable), entities: p.sharedEntities.map(readable) },
    };
  }

  /** The event evidence of candidate `i` read against a page context (none without a context). */
  private eventOf(i: number, context?: PageContext): EventEvidence | undefined {
    return this.events.eventOf(i, context);
  }

  /** Context of a corpus article (all its sentences, or all but `withoutId`), as if the article were the
   * page: used by clustering and by leave-one-out evaluation. Cached when whole. */
  articleContext(articleId: string, date: string | null = null, withoutId?: string): PageContext {
    return this.events.articleContext(articleId, date, withoutId);
  }

  private newEvents(): ArticleEvents {
    return new ArticleEvents(this.sentences, this.features, (t) => this.knownIdf(t));
  }

  private massOf(i: number, f: SentenceFeatures): number {
    if (this.masses.length !== this.sentences.length) this.masses = new Float64Array(this.sentences.length).fill(NaN);
    let m = this.masses[i]!;
    if (Number.isNaN(m)) this.masses[i] = m = mass(f, this.weights);
    return m;
  }

  /** Inverse document frequency of a term in the indexed sentences. */
  private idf(term: string): number {
    let v = this.idfCache.get(term);
    if (v === undefined) {
      v = Math.log((this.sentences.length + 1) / (this.index.df(term) + 0.5));
      this.idfCache.set(term, v);
    }
    return v;
  }

  /** IDF of a term the corpus holds, else null (context terms the corpus lacks cannot be shared). */
  private knownIdf(term: string): number | null {
    return this.index.df(term) > 0 ? this.idf(term) : null;
  }
}

/** A candidate of a query with its model features. */
export interface ScoredCandidate {
  index: number;
  sentenceId: string;
  articleId: string;
  /** Feature vector ({@link FEATURE_NAMES} order). */
  x: number[];
  /** The query's features. */
  q: SentenceFeatures;
  /** The candidate's features. */
  c: SentenceFeatures;
}

export { FEATURE_NAMES };
