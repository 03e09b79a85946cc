/**
 * The link decision's inputs: one feature vector per (page sentence, candidate) pair, read by the fitted model
 * (model.ts, fitted by scripts/fit-matcher.ts). Lexical overlap, shared phrasing, figures of the same or of
 * another kind, dates, stance cues, names folded across transliterations (names.ts), event frames
 * (frames.ts), the page's event context and the candidate's standing among the query's candidates.
 */
import type { SentenceFeatures } from './features';
import { nameKey, nameKeys, sharedNames } from './names';
import { frameOf, framesOf } from './frames';
import { STOP_WORDS, TITLE_WORDS } from './lexicon';
import {
  CONTAINMENT_PRIOR,
  EVENT_MAX_DAYS,
  conflict,
  dated,
  eventStrength,
  sameQuantity,
  scorePair,
  shared,
  sharedBigrams,
  termWeight,
  type EventEvidence,
  type TermWeights,
} from './score';

/** What a sentence adds to its features for the model: its name keys and its frames. */
export interface SentenceExtras {
  names: ReadonlySet<string>;
  frames: ReadonlySet<string>;
}

/** Names of the model's features, in vector order (the fitted model stores the same list). */
export const FEATURE_NAMES = [
  'lexical',
  'scored',
  'containment',
  'dice',
  'sharedTerms',
  'bigrams',
  'sameQuantity',
  'quantityConflict',
  'dateConflicts',
  'negation',
  'intent',
  'names',
  'namesMissing',
  'frames',
  'frameConflict',
  'eventSimilarity',
  'eventStrength',
  'farApart',
  'recalled',
  'rank',
  'gapToBest',
  'queryTerms',
  'support',
  'top',
  'lexicalInEvent',
  'namesAndFrames',
  'overlapSquared',
  'coverQuery',
  'coverCandidate',
  'softQuery',
  'softCandidate',
] as const;

/** One pair's features, except the ones that need the other candidates (rank, gapToBest: see withRanks). */
export function pairFeatures(
  q: SentenceFeatures,
  c: SentenceFeatures,
  qx: SentenceExtras,
  cx: SentenceExtras,
  w: TermWeights,
  masses: { q: number; c: number },
  event: EventEvidence | undefined,
  support: number,
): number[] {
  const common = shared(q, c);
  let ws = 0;
  for (const t of common) ws += termWeight(t, q, c, w);
  const pair = scorePair(q, c, w, masses, event);
  const containment = Math.min(1, ws / (Math.min(masses.q, masses.c) + CONTAINMENT_PRIOR));
  const dice = Math.min(1, (2 * ws) / (masses.q + masses.c || 1));
  const bothQ = q.quantities.size > 0 && c.quantities.size > 0;
  const qConflict = bothQ && conflict(q.quantities, c.quantities);
  const dates = (conflict(q.years, c.years) ? 1 : 0) + (conflict(q.months, c.months) ? 1 : 0) + (conflict(q.days, c.days) ? 1 : 0);
  const names = sharedNames(qx.names, cx.names);
  const frames = sharedNames(qx.frames, cx.frames);
  const frameConflict = qx.frames.size > 0 && cx.frames.size > 0 && frames === 0;
  return [
    pair?.score ?? 0,
    pair ? 1 : 0,
    containment,
    dice,
    Math.log1p(common.length),
    Math.min(1, sharedBigrams(q, c) / 3),
    bothQ && !qConflict && sameQuantity(q, c) ? 1 : 0,
    qConflict ? 1 : 0,
    dates,
    q.negated !== c.negated ? 1 : 0,
    q.intent !== c.intent ? 1 : 0,
    Math.min(3, names),
    qx.names.size ? (qx.names.size - names) / qx.names.size : 0,
    Math.min(3, frames),
    frameConflict ? 1 : 0,
    event?.similarity ?? 0,
    event ? eventStrength(event) : 0,
    event && event.daysApart !== null && event.daysApart > EVENT_MAX_DAYS ? 1 : 0,
    dated(q) !== dated(c) ? 1 : 0,
    0,
    0,
    Math.log1p(q.terms.size),
    Math.log1p(support),
    0,
    (pair?.score ?? 0) * (event?.similarity ?? 0),
    Math.min(3, names) * Math.min(3, frames),
    containment * dice,
    ws / (masses.q || 1),
    ws / (masses.c || 1),
    softCover(q, c, cx, w, masses.q),
    softCover(c, q, qx, w, masses.c),
  ];
}

const RANK = FEATURE_NAMES.indexOf('rank');
const GAP = FEATURE_NAMES.indexOf('gapToBest');
const LEXICAL = FEATURE_NAMES.indexOf('lexical');
const CONTAINMENT = FEATURE_NAMES.indexOf('containment');
const TOP = FEATURE_NAMES.indexOf('top');

/** Fills the features that compare a candidate with the query's other candidates (vectors in BM25 order). */
export function withRanks(vectors: number[][]): number[][] {
  let best = 0;
  for (const x of vectors) best = Math.max(best, x[LEXICAL]! + x[CONTAINMENT]!);
  vectors.forEach((x, k) => {
    x[RANK] = 1 / (1 + k);
    x[GAP] = x[LEXICAL]! + x[CONTAINMENT]! - best;
    x[TOP] = x[GAP] === 0 ? 1 : 0;
  });
  return vectors;
}

/** Share of `a`'s term weight that `b` restates: the same term, a word of a frame `b` evokes, or a name
 * `b` spells another way. */
function softCover(a: SentenceFeatures, b: SentenceFeatures, bx: SentenceExtras, w: TermWeights, massA: number): number {
  let got = 0;
  for (const t of a.terms) {
    const word = (a.surface.get(t) ?? t).toLowerCase();
    const frame = frameOf(word);
    const hit = b.terms.has(t) || (frame !== undefined && bx.frames.has(frame)) || (a.entities.has(t) && bx.names.has(nameKey(word)));
    if (hit) got += termWeight(t, a, a, w);
  }
  return got / (massA || 1);
}

/** Words never read as names of an event: function words, titles, and the country names nearly every sentence holds. */
const NAME_IGNORE: ReadonlySet<string> = new Set([...STOP_WORDS, ...TITLE_WORDS, 'syria', 'syrian', 'russia', 'russian']);

/** Name keys and frames of a text. */
export function extrasOf(text: string): SentenceExtras {
  return { names: nameKeys(text, NAME_IGNORE), frames: framesOf(text) };
}
