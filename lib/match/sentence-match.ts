/**
 * What a match query asks and answers: the options of `Matcher.match`, the matches it returns, and the score
 * levels and limits they are read with.
 */
import type { Figure } from '../corpus/types';
import type { PageContext } from './context';

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

/** Options of `Matcher.match`. */
export interface MatchOptions {
  /** Corpus sentence ids never returned (e.g. the query's own occurrence). */
  excludeIds?: ReadonlySet<string>;
  /** Most matches returned (default DEFAULT_LIMIT). */
  limit?: number;
  /** Lowest score returned (default POSSIBLE_SCORE); lower values serve calibration, shown as 'possible'. */
  minScore?: number;
  /** The page the sentence is read in (see `buildContext`); without it the event is not weighed. */
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
 * (`Matcher.groupClaims`). A page sentence is shown as the claim it restates, with every sentence of it
 * (page.ts), so a few of a claim's sentences are enough to find it; without a cap, a claim restated many times
 * (a wire story reprinted by many outlets, a corpus grown a hundredfold) fills every candidate place and the
 * query's other claims never reach the scorer. 5 = MAX_CLAIMS_JOINED (page.ts): the claims joined to a match
 * are read from its first five, which then may still all be one claim. The bundled corpus's claims have at most
 * 3 sentences, so at its own size the cap never binds. On the bench's corpus grown x10 (claims of up to 30
 * sentences) a cap of 3 kept fewer of the x1 matches' own sentences (72 of 81 against 74), by claim both keep
 * all. */
export const MAX_CANDIDATES_PER_CLAIM = 5;
/** Default number of matches returned. */
export const DEFAULT_LIMIT = 10;
