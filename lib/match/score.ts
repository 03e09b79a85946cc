/**
 * Second stage of matching: a pairwise score that decides whether two sentences state the same claim.
 * Numbers never count for or against identity (they are not terms); what the numbers count does.
 */
import { WEAK_KEYS, type SentenceFeatures } from './features';
import { TITLE_WORDS } from './lexicon';
import { stemmer } from 'stemmer';
import { EQUIVALENT_WEIGHT, equivalents, framesOfFeatures, queryFrames } from './equivalents';
export { EQUIVALENT_WEIGHT } from './equivalents';

const TITLE_TERMS = new Set([...TITLE_WORDS].map((w) => stemmer(w)));
/** Titles ("President", "Minister") name a role, not a claim. */
function isTitleTerm(t: string): boolean {
  return TITLE_TERMS.has(t);
}

/** Term weights of a corpus: inverse document frequency, with names boosted. */
export interface TermWeights {
  idf(term: string): number;
}

/** Names (places, actors) identify the event more than common words do; too high and any two sentences
 * about the same people match whatever they say. */
export const ENTITY_WEIGHT = 1.5;
/** Weight of terms that only name the source ("according to the Syrian Observatory..."): two claims from
 * one monitor are not one claim; too low and "Putin said X" vs "Lavrov said X" look alike. */
export const ATTRIBUTION_WEIGHT = 0.3;
/** Share of the score from containment in the shorter sentence (vs. Dice over both): high lets a clause
 * inside a long sentence match a short one, low keeps short generic sentences from matching long ones. */
export const CONTAINMENT_WEIGHT = 0.6;
/** Added to the shorter side's mass before taking containment: a fragment ("Russian President Vladimir
 * Putin") is fully contained in many sentences but states nothing; about one rare term's weight. */
export const CONTAINMENT_PRIOR = 6;
/** Bonus for shared two-term phrasing, saturating at BIGRAM_SATURATION shared pairs. Rewrites share few
 * bigrams, copies many; too high and copied boilerplate around different facts matches. */
export const BIGRAM_BONUS = 0.12;
export const BIGRAM_SATURATION = 3;
/** Both sides count the same thing (killed / killed): supports identity even when the numbers differ. */
export const QUANTITY_MATCH_BONUS = 0.05;
/** Both sides state figures but count different things (children vs people, injured vs killed, jets vs
 * dead): the signature of a different quantity about the same event. */
export const QUANTITY_CONFLICT_PENALTY = 0.2;
/** Both sides name years and share none: usually a different event (2017 vs 2021). A background clause
 * ("since the war began in 2011") can cause a false penalty, hence moderate. */
export const YEAR_CONFLICT_PENALTY = 0.2;
/** Both sides name months and share none (June shootdown vs April strike). */
export const MONTH_CONFLICT_PENALTY = 0.12;
/** Both sides name calendar days and share none (agreed on February 12 vs begins on February 27): another
 * step of a story. A sentence giving two days ("agreed on the 12th to start on the 27th") shares one. */
export const DAY_CONFLICT_PENALTY = 0.15;
/** One side negates or denies and the other does not: a different stance. Paraphrases move negation
 * around ("denied" vs "does not"), so both negation forms count as the same flag and the penalty is small. */
export const NEGATION_PENALTY = 0.08;
/** One side announces/plans/starts an action, the other reports it done ("launched an assault to retake"
 * vs "retook", "expected to win" vs "has won"). Reported speech puts "will/would" on both sides of a
 * paraphrase, so a mismatch is informative; a cue word in an unrelated clause makes it a false penalty. */
export const INTENT_PENALTY = 0.12;
/** Fewer shared content terms than this is never a match: one shared name is a topic, not a claim. */
export const MIN_SHARED_TERMS = 3;
/** Minimum summed weight of shared terms, so that sharing only common words ("people", "war") abstains. */
export const MIN_SHARED_WEIGHT = 9;

/** Event context of a pair: how alike the two sentences' articles are (see context.ts) and their dates. */
export interface EventEvidence {
  /** Context cosine similarity, 0..1. */
  similarity: number;
  /** Days between the two articles' dates, null when either is undated. */
  daysApart: number | null;
}

/** Context similarity from which two articles read as one event, and from which the lift is full. On the
 * dev labels cross-article pairs of one claim have a median similarity of 0.17 (a quarter above 0.24),
 * unrelated pairs 0.12: a weak signal, hence a band rather than a cut. */
export const CONTEXT_SAME_EVENT = 0.15;
export const CONTEXT_FULL = 0.35;
/** From this similarity the two contexts are one article (the page is a copy, or a corpus sentence read in
 * its own article): every sentence shares that context, so it cannot tell claims apart and lifts nothing. */
export const CONTEXT_SAME_ARTICLE = 0.8;
// No penalty for a low context similarity: on the dev labels articles on one event (the Khan Sheikhoun
// attack seen from the Tillerson-Lavrov talks and from the monitor's toll) can share none of their top terms.
/** Lift for a pair that counts the same quantity (killed / killed, sorties / missions) in one event:
 * the same toll reported with another figure and other words. Too high and two tolls of one event
 * (killed by X vs killed by Y) merge; the unexplained-content penalty works against that. */
export const CONTEXT_QUANTITY_LIFT = 0.3;
/** In one event, sharing the counted quantity and this many content terms is enough to be scored. */
export const MIN_SHARED_TERMS_IN_EVENT = 1;
/** Articles dated further apart than this are about different events whatever their words. */
export const EVENT_MAX_DAYS = 180;
export const DATE_GAP_PENALTY = 0.15;

/** Score of a candidate pair with its evidence. */
export interface PairScore {
  readonly score: number;
  readonly sharedTerms: readonly string[];
  readonly sharedEntities: readonly string[];
}

/** A {@link PairScore} whose evidence is listed when first read: a query's candidates are all scored, and only
 * those shown as matches are asked why. */
class ScoredPair implements PairScore {
  private terms: string[] | undefined;
  private entities: string[] | undefined;

  constructor(
    readonly score: number,
    private readonly q: SentenceFeatures,
    private readonly c: SentenceFeatures,
    private readonly common: readonly string[],
    private readonly equivalent: ReadonlyArray<readonly [string, string]>,
  ) {}

  // Reasons name an equivalent pair by the candidate's word (the corpus side the card shows).
  get sharedTerms(): readonly string[] {
    const { q, c } = this;
    return (this.terms ??= [...this.common.filter((t) => !q.entities.has(t) && !c.entities.has(t)), ...this.equivalent.filter(([a]) => !q.entities.has(a)).map(([, b]) => b)]);
  }

  get sharedEntities(): readonly string[] {
    const { q, c } = this;
    return (this.entities ??= [...this.common.filter((t) => q.entities.has(t) || c.entities.has(t)), ...this.equivalent.filter(([a]) => q.entities.has(a)).map(([, b]) => b)]);
  }
}

/** Weight of a term in a pair of sentences (one side may be the same sentence twice). */
export function termWeight(t: string, a: SentenceFeatures, b: SentenceFeatures, w: TermWeights): number {
  const entity = a.entities.has(t) || b.entities.has(t) ? ENTITY_WEIGHT : 1;
  const source = a.attribution.has(t) || b.attribution.has(t) ? ATTRIBUTION_WEIGHT : 1;
  return w.idf(t) * entity * source;
}

/** Weighted term mass of a sentence (cache it per corpus sentence: it only changes with the weights). */
export function mass(f: SentenceFeatures, w: TermWeights): number {
  let m = 0;
  for (const t of f.terms) m += termWeight(t, f, f, w);
  return m;
}

/** Shared distinct terms of two sentences. */
export function shared(a: SentenceFeatures, b: SentenceFeatures): string[] {
  const [small, big] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  const out: string[] = [];
  for (const t of small) if (big.has(t)) out.push(t);
  return out;
}

/** Number of shared bigrams. */
export function sharedBigrams(a: SentenceFeatures, b: SentenceFeatures): number {
  let n = 0;
  for (const g of a.bigrams) if (b.bigrams.has(g)) n++;
  return n;
}

/** True when both sides are non-empty and have nothing in common. (An array side is searched as it is: these
 * are a sentence's few years, months or days, read for every candidate.) */
export function conflict<T>(a: Iterable<T>, b: ReadonlySet<T> | readonly T[]): boolean {
  const set = b instanceof Set ? (b as ReadonlySet<T>) : undefined;
  const list = set ? undefined : (b as readonly T[]);
  if (set ? set.size === 0 : list!.length === 0) return false;
  let any = false;
  for (const x of a) {
    any = true;
    if (set ? set.has(x) : list!.includes(x)) return false;
  }
  return any;
}

/** Both sides evoke event frames and share none ("rebels withdraw from Khan Sheikhoun" vs the chemical attack
 * on it, a jet shot down vs an evacuation deal in the same province): the same place or actors, another event.
 * On the other-outlets pages (20 page splits pooled) 0.15-0.35 lift possible recall from 42% to 46-47% at the
 * same precision; on dev-eval it costs leave-one-out recall unless equivalences count (EQUIVALENT_WEIGHT). */
export const FRAME_CONFLICT_PENALTY = 0.2;

/** Adjustments from figures, dates and stance cues. */
function adjustments(q: SentenceFeatures, c: SentenceFeatures): number {
  let adj = 0;
  if (q.quantities.size && c.quantities.size) {
    adj += conflict(q.quantities, c.quantities) ? -QUANTITY_CONFLICT_PENALTY : QUANTITY_MATCH_BONUS;
  }
  if (conflict(q.years, c.years)) adj -= YEAR_CONFLICT_PENALTY;
  if (conflict(q.months, c.months)) adj -= MONTH_CONFLICT_PENALTY;
  if (conflict(q.days, c.days)) adj -= DAY_CONFLICT_PENALTY;
  if (q.negated !== c.negated) adj -= NEGATION_PENALTY;
  if (q.intent !== c.intent) adj -= INTENT_PENALTY;
  if (conflict(framesOfFeatures(q, queryFrames), framesOfFeatures(c))) adj -= FRAME_CONFLICT_PENALTY;
  return adj;
}

/** True when a sentence dates what it says (a year or a month). */
export function dated(f: SentenceFeatures): boolean {
  return f.years.length > 0 || f.months.length > 0;
}

/** True when both sides state a figure of one specific quantity (same alignment key, not a weak one). */
export function sameQuantity(q: SentenceFeatures, c: SentenceFeatures): boolean {
  for (const k of q.quantities) if (c.quantities.has(k) && !WEAK_KEYS.has(k)) return true;
  return false;
}

/** 0..1: how far the context similarity is into the same-event band. */
export function eventStrength(event: EventEvidence): number {
  if (event.similarity >= CONTEXT_SAME_ARTICLE) return 0;
  return Math.max(0, Math.min(1, (event.similarity - CONTEXT_SAME_EVENT) / (CONTEXT_FULL - CONTEXT_SAME_EVENT)));
}

/** Score change from the event context: a lift for pairs that count the same quantity in one event, a
 * penalty for articles dated far apart. A sentence that dates its event (year or month) when the other does
 * not ("In July 2016, two pilots were killed") usually recalls an earlier event: no lift. Context alone never lifts a pair: every sentence of an article shares it,
 * and shared words are already the overlap's business. */
function eventAdjustment(event: EventEvidence | undefined, quantity: boolean, recalled: boolean): number {
  if (!event) return 0;
  if (event.daysApart !== null && event.daysApart > EVENT_MAX_DAYS) return -DATE_GAP_PENALTY;
  return quantity && !recalled ? eventStrength(event) * CONTEXT_QUANTITY_LIFT : 0;
}

/** Fewest shared terms (and weight) a pair needs to be scored: fewer in one event with one quantity. */
function enoughShared(count: number, weight: number, quantity: boolean, event: EventEvidence | undefined): boolean {
  if (count >= MIN_SHARED_TERMS && weight >= MIN_SHARED_WEIGHT) return true;
  return quantity && !!event && eventStrength(event) > 0 && count >= MIN_SHARED_TERMS_IN_EVENT;
}

/** Same-claim score of query `q` against candidate `c`, or null when they share too little to tell.
 * `masses` are the sides' {@link mass}es when the caller has them cached; `event` is the pair's context. */
export function scorePair(
  q: SentenceFeatures,
  c: SentenceFeatures,
  w: TermWeights,
  masses?: { q: number; c: number },
  event?: EventEvidence,
): PairScore | null {
  const common = shared(q, c);
  let ws = 0;
  for (const t of common) ws += termWeight(t, q, c, w);
  const equivalent = equivalents(q, c);
  for (const [a, b] of equivalent) ws += EQUIVALENT_WEIGHT * Math.min(termWeight(a, q, q, w), termWeight(b, c, c, w));
  const quantity = sameQuantity(q, c);
  if (!enoughShared(common.length + equivalent.length, ws, quantity, event)) return null;
  // Sharing only names (who, where) is a topic; a claim also needs something said about them.
  if (!saysSomething(q, c, common, equivalent)) return null;
  const wq = masses?.q ?? mass(q, w);
  const wc = masses?.c ?? mass(c, w);
  const containment = ws / (Math.min(wq, wc) + CONTAINMENT_PRIOR);
  const dice = (2 * ws) / (wq + wc);
  const overlap = CONTAINMENT_WEIGHT * Math.min(1, containment) + (1 - CONTAINMENT_WEIGHT) * Math.min(1, dice);
  const phrasing = BIGRAM_BONUS * Math.min(1, sharedBigrams(q, c) / BIGRAM_SATURATION);
  const score = overlap + phrasing + adjustments(q, c) + eventAdjustment(event, quantity, dated(q) !== dated(c));
  return new ScoredPair(score, q, c, common, equivalent);
}

/** True when the pair shares a word that is neither a name nor a title, or an equivalent pair of such words. */
function saysSomething(q: SentenceFeatures, c: SentenceFeatures, common: readonly string[], equivalent: ReadonlyArray<readonly [string, string]>): boolean {
  for (const t of common) if (!q.entities.has(t) && !c.entities.has(t) && !isTitleTerm(t)) return true;
  for (const [a, b] of equivalent) if (!q.entities.has(a) && !c.entities.has(b)) return true;
  return false;
}
