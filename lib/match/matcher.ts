/**
 * The claim matcher: a BM25 inverted index over number-free stemmed terms (candidates.ts) gives a bounded list of
 * candidates; {@link scorePair} decides which of them state the same claim, and abstains when unsure. With a
 * page context ({@link buildContext}) the scorer also weighs whether the page and the candidate's article
 * are about the same event.
 */
import type { Figure, Sentence } from '../corpus/types';
import { figuresOrNone } from '../corpus/figures';
import { computeFeatures, packFeatures, quantityKeys, type PackedFeatures, type SentenceFeatures } from './features';
import { FeatureStore } from './feature-store';
import { decodeUint16, decodeUint32, encodeBase64 } from './base64';
import { NUMBER_WORDS } from './lexicon';
import { CandidateIndex, type PackedPostings } from './candidates';
export { MAX_QUERY_TERMS, MAX_TERM_SHARE } from './candidates';
import { addTerms, contextSimilarity, contextVector, daysApart, type ContextVector, type PageContext } from './context';
import { FEATURE_NAMES, pairFeatures, withRanks, type SentenceExtras } from './pair-features';
import { FITTED, linkProbability } from './model';
import { MIN_NAME_LENGTH, nameKey, nameKeys } from './names';
import { framesOf } from './frames';
import { STOP_WORDS, TITLE_WORDS } from './lexicon';
import { shared } from './score';
import { cosine, type WordVectors } from './word-vectors';
import { CONTEXT_QUANTITY_LIFT, CONTEXT_SAME_EVENT, ENTITY_WEIGHT, MIN_SHARED_TERMS, MIN_SHARED_TERMS_IN_EVENT, QUANTITY_CONFLICT_PENALTY, QUANTITY_MATCH_BONUS, mass, scorePair, type EventEvidence, type PairScore, type TermWeights } from './score';

/** Why two sentences were matched: the content terms and the names they share (readable forms). */
export interface MatchReason {
  terms: string[];
  entities: string[];
}

/** One corpus sentence that states the same claim as the query. */
export interface SentenceMatch {
  sentenceId: string;
  /** Same-claim score, about 0..1.2; compare with CONFIDENT_SCORE / POSSIBLE_SCORE. */
  score: number;
  level: 'confident' | 'possible';
  reason: MatchReason;
}

/** A candidate whose score (its pair score moved by the semantic penalty) reaches the query's lowest score. */
interface Passed {
  i: number;
  p: PairScore;
  score: number;
  /** The score as shown (three decimals): matches are ranked by it, then by sentence id. */
  rounded: number;
  sentenceId: string;
}

/** Options of {@link Matcher.match}. */
export interface MatchOptions {
  /** Corpus sentence ids never returned (e.g. the query's own occurrence). */
  excludeIds?: ReadonlySet<string>;
  /** Most matches returned (default DEFAULT_LIMIT). */
  limit?: number;
  /** Lowest score returned (default POSSIBLE_SCORE); lower values serve calibration, shown as 'possible'. */
  minScore?: number;
  /** The page the sentence is read in (see {@link buildContext}); without it the event is not weighed. */
  context?: PageContext;
  /** The caller's figure extraction for the query, when it needs the figures too (memoised, so they are
   * extracted once); by default the matcher extracts them itself, only when a candidate makes them matter. */
  figuresOf?: (text: string) => Figure[];
  /** For the fitted model's page stage: corpus article id -> page sentences confidently restating it. */
  support?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Score from which a match is shown by default. On the dev labels the false links cluster at 0.53-0.55
 * (pair precision drops to about 0.92 at 0.52); 0.56 keeps it about 0.97 with about 40% of members finding a
 * confident mate. Lower finds more paraphrases and more same-topic different claims. */
export const CONFIDENT_SCORE = 0.56;
/** Score from which a match is offered as "possible" (shown on demand): on the dev labels about half of the
 * members find a mate from this level; about 9% of the hard negatives are linked at it. */
export const POSSIBLE_SCORE = 0.45;
/** Candidates scored per query. Bounds per-query work whatever the corpus size; too low loses paraphrases
 * that BM25 ranks below copies of other claims on the same topic. */
export const CANDIDATES = 30;
/** Sentences of one claim kept among a query's candidates, once the matcher knows the claims
 * ({@link Matcher.groupClaims}). A page sentence is shown as the claim it restates, with every sentence of it
 * (page.ts), so a few of a claim's sentences are enough to find it; without a cap, a claim restated many times
 * (a wire story reprinted by many outlets, a corpus grown a hundredfold) fills every candidate place and the
 * query's other claims never reach the scorer. 5 = MAX_CLAIMS_JOINED (page.ts): the claims joined to a match
 * are read from its first five, which then may still all be one claim. The bundled corpus's claims have at most
 * 3 sentences, so at its own size the cap never binds. On the bench's corpus grown x10 (claims of up to 30
 * sentences) a cap of 3 kept fewer of the x1 matches' own sentences (72 of 81 against 74), by claim both keep
 * all. */
export const MAX_CANDIDATES_PER_CLAIM = 5;
/** Shortest transliteration key used to fold an unknown name onto an indexed one ("hm" is Hama and Hmeimim). */
export const MIN_ALIAS_KEY = 3;
/** How much a low cosine in the distilled sentence encoder (word-vectors.ts) lowers a scored pair:
 * `weight * max(0, SEMANTIC_FLOOR - cosine)`, the weight fitted by `npm run fit` (data/match-model.json
 * `semantic`). A penalty only: pairs the encoder finds close keep their lexical score (a bonus for them lifted
 * page recall as much but linked same-template corpus sentences, "... killed 96 people, including 21 children" /
 * "... killed ... including 19 children", failing the dev-eval precision bar). Only a pair the lexical score
 * already scores is moved; a matcher without word vectors scores as before. */
export const SEMANTIC_WEIGHT: number = (FITTED as unknown as { semantic?: { weight: number } }).semantic?.weight ?? 0;
/** The cosine under which the penalty starts: over a page sentence's candidates, right pairs have a median
 * cosine of about 0.6 (quartiles 0.44-0.74) and wrong ones about 0.18 (95th percentile 0.55). */
export const SEMANTIC_FLOOR = 0.45;
/** Default number of matches returned. */
export const DEFAULT_LIMIT = 10;
/** Version of the serialized form; a mismatch makes {@link Matcher.load} rebuild. */
export const INDEX_VERSION = 4;

/** JSON form of a matcher (stored as `Corpus.index`). */
export interface SerializedMatcher {
  version: number;
  ids: string[];
  vocab: string[];
  features: PackedFeatures[];
  /** The candidate index's arrays (see PackedPostings; term ids index `vocab`), little-endian, base64. */
  postings: { offsets: string; postings: string; lengths: string };
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
  /** Context vector per article id (built lazily from its sentences' terms; cleared by add). */
  private articleVectors = new Map<string, ContextVector>();
  /** Whole-article contexts handed out by {@link Matcher.articleContext} (cleared by add). */
  private articleContexts = new Map<string, PageContext>();
  /** Per page context: its vector and its similarity to each article (cleared by add). */
  private pageVectors = new WeakMap<PageContext, { vector: ContextVector; sims: Map<string, number> }>();
  /** Claim number per sentence position (see {@link Matcher.groupClaims}); -1 or past the end: no claim. */
  private claimNumbers: Int32Array | undefined;
  /** Sentence positions per article id (built on first use; cleared by add). */
  private byArticle: Map<string, number[]> | undefined;
  /** The distilled sentence encoder and its weight (see {@link useWordVectors}); corpus vectors made lazily. */
  private semantic: { words: WordVectors; weight: number; vectors: Array<Float32Array | null | undefined> } | undefined;

  private constructor() {}

  /**
   * Lets the scorer read the sentences' cosine in `words` (`weight` per unit of cosine under
   * SEMANTIC_FLOOR; see SEMANTIC_WEIGHT) when it matches a page sentence ({@link match}); null or weight 0
   * turns it off. Indexed-sentence queries ({@link matchIndexed}: clustering, the corpus build) never use it.
   */
  useWordVectors(words: WordVectors | null, weight = SEMANTIC_WEIGHT): this {
    this.semantic = words && weight !== 0 ? { words, weight, vectors: [] } : undefined;
    return this;
  }

  /** The semantic term of the query vector `qv` and candidate `i` (0 without vectors). */
  private semanticTerm(qv: Float32Array | null | undefined, i: number): number {
    const sem = this.semantic;
    if (!sem || !qv) return 0;
    let c = sem.vectors[i];
    if (c === undefined) c = sem.vectors[i] = sem.words.embed(this.sentences[i]?.text ?? '');
    return c ? -sem.weight * Math.max(0, SEMANTIC_FLOOR - cosine(qv, c)) : 0;
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
    this.articleVectors = new Map();
    this.articleContexts = new Map();
    this.pageVectors = new WeakMap();
    this.byArticle = undefined;
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
      out.push({ index: i, sentenceId: sentence.id, articleId: sentence.articleId, x, q });
    }
    withRanks(out.map((o) => o.x));
    return out;
  }

  private extrasAt(i: number): SentenceExtras {
    let e = this.extras[i];
    if (!e) this.extras[i] = e = extrasOf(this.sentences[i]?.text ?? '');
    return e;
  }

  /**
   * Experimental, not used by the extension: matches decided by the fitted link model (model.ts) instead of
   * the hand-set lexical score; `score` is the probability of stating the same claim. Cross-validated by page
   * it is not yet better than {@link match} (README, matching quality), so nothing ships on it.
   */
  matchFitted(text: string, opts: MatchOptions = {}): SentenceMatch[] {
    const scored = this.candidateFeatures(text, opts);
    if (scored.length === 0) return [];
    const model = FITTED.first;
    const minScore = opts.minScore ?? model.possible;
    const out: SentenceMatch[] = [];
    for (const cand of scored) {
      const p = linkProbability(model, cand.x);
      if (p < minScore) continue;
      const c = this.features.get(cand.index)!;
      const common = shared(cand.q, c);
      const readable = (t: string): string => c.surface.get(t) ?? cand.q.surface.get(t) ?? t;
      out.push({
        sentenceId: cand.sentenceId,
        score: Math.round(p * 1000) / 1000,
        level: p >= model.confident ? 'confident' : 'possible',
        reason: {
          terms: common.filter((t) => !cand.q.entities.has(t) && !c.entities.has(t)).map(readable),
          entities: common.filter((t) => cand.q.entities.has(t) || c.entities.has(t)).map(readable),
        },
      });
    }
    out.sort((a, b) => b.score - a.score || (a.sentenceId < b.sentenceId ? -1 : 1));
    return out.slice(0, opts.limit ?? DEFAULT_LIMIT);
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
    const queryVector = this.semantic ? () => (vector === undefined ? (vector = this.semantic!.words.embed(text)) : vector) : undefined;
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
      const score = p.score + (queryVector ? this.semanticTerm(queryVector(), i) : 0);
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

  /**
   * The query with its unknown names spelt the corpus's way: a name term no indexed sentence holds
   * ("sheikhun") becomes the indexed term with the same transliteration key ("sheikhoun", see names.ts).
   */
  private foldNames(q: SentenceFeatures): SentenceFeatures {
    const rename = new Map<string, string>();
    for (const t of q.terms) {
      // Names: entity terms, and capitalised words where capitals mark no name (first word, headlines).
      if (!q.entities.has(t) && !/^\p{Lu}/u.test(q.surface.get(t) ?? '')) continue;
      if (t.length < MIN_NAME_LENGTH || this.index.df(t) > 0 || !/^[a-z]+$/.test(t)) continue;
      const aliases = this.nameAliases();
      const alias = aliases.get(nameKey(t)) ?? aliases.get(nameKey(q.surface.get(t) ?? t));
      if (alias) rename.set(t, alias);
    }
    if (rename.size === 0) return q;
    const r = (t: string): string => rename.get(t) ?? t;
    const surface = new Map<string, string>();
    for (const [t, form] of q.surface) surface.set(r(t), form);
    return {
      ...q,
      terms: new Set([...q.terms].map(r)),
      bigrams: new Set([...q.bigrams].map((g) => g.split(' ').map(r).join(' '))),
      entities: new Set([...q.entities].map(r)),
      attribution: new Set([...q.attribution].map(r)),
      surface,
    };
  }

  /** Transliteration key -> the indexed term of that key held by most sentences (built on first use). */
  private nameAliases(): Map<string, string> {
    if (this.aliases) return this.aliases;
    const best = new Map<string, [string, number]>();
    for (const t of this.index.terms()) {
      if (t.length < MIN_NAME_LENGTH || !/^[a-z]+$/.test(t)) continue;
      const key = nameKey(t);
      if (key.length < MIN_ALIAS_KEY) continue;
      const df = this.index.df(t);
      const cur = best.get(key);
      if (!cur || df > cur[1] || (df === cur[1] && t < cur[0])) best.set(key, [t, df]);
    }
    this.aliases = new Map([...best].map(([k, [t]]) => [k, t]));
    return this.aliases;
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
    const sentence = this.sentences[i];
    if (!context || !sentence) return undefined;
    let page = this.pageVectors.get(context);
    if (!page) {
      page = { vector: contextVector(context.counts, (t) => this.knownIdf(t)), sims: new Map() };
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
   * page: used by clustering and by leave-one-out evaluation. Cached when whole. */
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
      v = contextVector(this.articleCounts(articleId), (t) => this.knownIdf(t));
      this.articleVectors.set(articleId, v);
    }
    return v;
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
}

const NAME_IGNORE: ReadonlySet<string> = new Set([...STOP_WORDS, ...TITLE_WORDS, 'syria', 'syrian', 'russia', 'russian']);

/** Name keys and frames of a text. */
function extrasOf(text: string): SentenceExtras {
  return { names: nameKeys(text, NAME_IGNORE), frames: framesOf(text) };
}

export { FEATURE_NAMES };

/** True when the text has a digit or a number word (so it may state a figure). */
function mentionsNumber(text: string): boolean {
  return /\d/.test(text) || text.toLowerCase().split(/[^a-z]+/).some((w) => NUMBER_WORDS.has(w));
}

/** The candidate index of a serialized matcher, or null when its arrays do not fit `count` sentences. */
function unpackPostings(vocab: readonly string[], p: SerializedMatcher['postings'], count: number): CandidateIndex | null {
  try {
    const packed: PackedPostings = { offsets: decodeUint32(p.offsets), postings: decodeUint32(p.postings), lengths: decodeUint16(p.lengths) };
    const fits = packed.offsets.length === vocab.length + 1 && packed.lengths.length === count && packed.offsets[vocab.length] === packed.postings.length;
    return fits ? CandidateIndex.fromPacked(vocab, packed) : null;
  } catch {
    return null;
  }
}

/** A direct question ("Who shot the plane down?") asks and states no claim; a quoted one ("“What is this if
 * not an act of aggression?”", a speaker's rhetorical question) is left to the scorer. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  return t.endsWith('?') && !/^["“'‘«]/u.test(t);
}
