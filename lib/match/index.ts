/**
 * Claim matching: candidates from a number-insensitive BM25 inverted index, a same-claim scorer that abstains
 * when unsure (optionally reading the page's event context). Grouping corpus sentences into claims is `lib/claims/`.
 */
export { Matcher, CONFIDENT_SCORE, POSSIBLE_SCORE, CANDIDATES, MAX_CANDIDATES_PER_CLAIM, MAX_QUERY_TERMS, MAX_TERM_SHARE } from './matcher';
export type { MatchReason, SentenceMatch, MatchOptions, SerializedMatcher } from './matcher';
export { buildContext, CONTEXT_TERMS, PageContexts, MAX_PAGE_CONTEXTS } from './context';
export type { PageContext } from './context';
