/**
 * Figure comparison for a matched claim: align the figures of the page sentence and of every corpus mention
 * by what they count, list the value per outlet with qualifier and date, and say whether the values differ
 * and whether the difference reads as an update (later date) or a conflict (same date, other sources).
 */
import type { Figure, Qualifier, Sentence } from '../corpus/types';
import { differentPlaces, findPlaces } from '../corpus/places';

/** One stated value of a quantity, from the page or from a corpus mention. */
export interface FigureValue {
  value: number | null;
  /** Unit of `value` ("people", "days", "usd"); durations in different units are compared in days. */
  unit: string;
  qualifier: Qualifier;
  text: string;
  min?: number;
  max?: number;
  outlet: string | null;
  date: string | null;
  /** True when `date` is estimated from the article's text. */
  dateEstimated?: boolean;
  /** Who the sentence attributes the figure to ("Syrian Observatory for Human Rights"). */
  claimant?: string | null;
  /** Corpus sentence id; absent for the page's own figure. */
  sentenceId?: string;
}

/**
 * How the values relate: `same` (equal after qualifiers), `consistent` (a vague quantity that contains the
 * numbers: "dozens" and 59), `update` (a later date says otherwise), `conflict` (same date, different values),
 * `undated` (values differ but the dates cannot tell which).
 */
export type DifferenceKind = 'same' | 'consistent' | 'update' | 'conflict' | 'undated';

/** The values stated for one quantity (e.g. "killed"), aligned across the page and the corpus. */
export interface FigureComparison {
  /** What is counted ("killed"), or the unit when the sentence does not say ("people"). */
  what: string;
  unit: string;
  page: FigureValue | null;
  /** Other values the page sentence itself states for the same quantity (its own spread), if any. */
  pageAlso?: FigureValue[];
  /** Corpus values in time order (undated last), then by outlet. */
  corpus: FigureValue[];
  differ: boolean;
  kind: DifferenceKind;
  /** For updates: whether the latest value is higher than the earliest (a rising toll). */
  rising?: boolean;
}

/** Length of each time unit in days, so "nearly two weeks" and "more than 10 days" compare. */
const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  minutes: 1 / 1440,
  hours: 1 / 24,
  days: 1,
  weeks: 7,
  months: 30.44,
  years: 365.25,
  decades: 3652.5,
};

/**
 * The key that aligns figures across mentions. People are told apart by what happened to them (killed,
 * wounded, displaced: different quantities); other counts by their unit, since wording of what is counted
 * varies between outlets ("targets hit", "targets destroyed"); durations share one key whatever their unit.
 */
export function alignmentKey(figure: Pick<Figure, 'unit' | 'what'>): string {
  if (figure.unit === 'people') return figure.what ?? 'people';
  if (figure.unit in DAYS_PER_UNIT) return figure.what === 'age' ? 'age' : 'duration';
  return figure.unit;
}

function toValue(figure: Figure, outlet: string | null, date: string | null, m?: MentionFigures): FigureValue {
  const v: FigureValue = { value: figure.value, unit: figure.unit, qualifier: figure.qualifier, text: figure.text, outlet, date };
  if (figure.min !== undefined) v.min = figure.min;
  if (figure.max !== undefined) v.max = figure.max;
  if (m !== undefined) {
    v.sentenceId = m.id;
    if (m.date === null && m.dateEstimate !== undefined) v.dateEstimated = true;
    const claimant = figure.claimant ?? m.claimant;
    if (claimant) v.claimant = claimant;
  }
  return v;
}

/** The span of numbers a vague quantity stands for ("dozens" holds 59, not 12 or 500). */
export const VAGUE_SPANS: Readonly<Record<string, readonly [number, number]>> = {
  several: [3, 9],
  'a few': [2, 6],
  few: [2, 6],
  dozen: [10, 15],
  dozens: [24, 199],
  scores: [40, 199],
  hundreds: [200, 1999],
  thousands: [2000, 19999],
  'tens of thousands': [20000, 199999],
  'hundreds of thousands': [200000, 1999999],
  millions: [2000000, 19999999],
};

/** The span of a value: exact numbers a point, ranges their bounds, vague words their {@link VAGUE_SPANS}. */
function spanOf(v: Pick<FigureValue, 'value' | 'qualifier' | 'min' | 'max'>): [number, number] | null {
  if (v.value !== null) return [v.value, v.value];
  if (v.min !== undefined && v.max !== undefined) return [v.min, v.max];
  const span = VAGUE_SPANS[String(v.qualifier ?? '').toLowerCase()];
  return span ? [span[0], span[1]] : null;
}

/** True when every value fits inside every vague or ranged value's span: they may state the same count. */
function allConsistent(values: readonly FigureValue[]): boolean {
  const spans = values.map(spanOf);
  if (spans.some((s) => s === null)) return false;
  const lo = Math.max(...spans.map((s) => s![0]));
  const hi = Math.min(...spans.map((s) => s![1]));
  return lo <= hi;
}

/** Wording of a figure summed over several events. */
const SUM_OF_EVENTS = /\b(?:together|combined)\b/i;

/** False when a corpus sentence names places and the page sentence others (another event, issue 11). */
export function sameEvent(pageText: string, mention: Pick<Sentence, 'text'>): boolean {
  return !differentPlaces(findPlaces(pageText), findPlaces(mention.text));
}

/** Days between two figures' dates beyond which they report different events. */
export const EVENT_WINDOW_DAYS = 30;

/** True when both dates are known and further apart than {@link EVENT_WINDOW_DAYS}. */
function outsideWindow(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) > EVENT_WINDOW_DAYS * 86_400_000;
}

/**
 * Whether a figure can be a count the claim states: "one day" ("On one October day") sets a scene, it does
 * not count anything.
 */
export function isClaimCount(figure: Pick<Figure, 'unit' | 'what' | 'value'>): boolean {
  return !(figure.unit in DAYS_PER_UNIT && figure.value !== null && figure.value <= 1);
}

/** Share of the figure-stating mentions that must state a duration for it to be the claim's quantity. */
export const DURATION_CLAIM_SHARE = 0.5;
/** A quantity is the claim's when more than this share of the figure-stating mentions state it. */
export const CLAIM_QUANTITY_SHARE = 0.5;

/**
 * The comparable identity of a value. A qualifier alone does not make values differ ("at least 36" and "36"),
 * but a vague quantity ("dozens") differs from a number, and ranges compare by their bounds.
 */
export function valueKey(v: Pick<FigureValue, 'value' | 'unit' | 'qualifier' | 'min' | 'max'>): string {
  const days = DAYS_PER_UNIT[v.unit];
  if (v.value !== null && days !== undefined) return `d:${Math.round(v.value * days * 100) / 100}`;
  if (v.value !== null) return `n:${v.value}`;
  if (v.min !== undefined || v.max !== undefined) return `r:${v.min}-${v.max}`;
  return `v:${String(v.qualifier ?? '').toLowerCase()}`;
}

function byDateThenOutlet(a: FigureValue, b: FigureValue): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return byText(a.outlet ?? '\uffff', b.outlet ?? '\uffff');
}

/**
 * Alphabetical order, ignoring case (ties by code unit). Not `localeCompare`: its first call builds the ICU
 * collator, about 35 ms on the first page matched after the service worker starts (a CPU profile of a cold
 * worker), and outlet names and figure kinds need no more than this.
 */
function byText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Classifies a set of values of one quantity; see {@link DifferenceKind}. */
export function classifyDifference(values: FigureValue[]): { differ: boolean; kind: DifferenceKind; rising?: boolean } {
  const distinct = new Set(values.map(valueKey));
  if (distinct.size <= 1) return { differ: false, kind: 'same' };
  if (allConsistent(values)) {
    const exact = new Set(values.filter((v) => v.value !== null).map(valueKey));
    if (exact.size <= 1) return { differ: false, kind: 'consistent' };
  }
  // Any two different values on the same date, or with a date missing, cannot be ordered as an update.
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      if (valueKey(a) === valueKey(b)) continue;
      if (a.date === null || b.date === null) return { differ: true, kind: 'undated' };
      if (a.date === b.date) return { differ: true, kind: 'conflict' };
    }
  }
  const dated = [...values].sort(byDateThenOutlet);
  const first = dated[0]!;
  const last = dated[dated.length - 1]!;
  const rising = first.value !== null && last.value !== null ? last.value > first.value : undefined;
  return rising === undefined ? { differ: true, kind: 'update' } : { differ: true, kind: 'update', rising };
}

/** A corpus sentence that states the claim, as the comparison needs it (text for its places). */
export type MentionFigures = Pick<Sentence, 'id' | 'figures' | 'outlet' | 'date'> &
  Partial<Pick<Sentence, 'text' | 'claimant' | 'dateEstimate'>>;

/** A mention's date: its date line's, else the estimate from its article's text. */
export function mentionDate(m: Pick<Sentence, 'date'> & Partial<Pick<Sentence, 'dateEstimate'>>): string | null {
  return m.date ?? m.dateEstimate ?? null;
}

/**
 * Aligns figures by what they count. With page figures, lists one comparison per page quantity that the
 * corpus also states; without, one per quantity stated by at least two mentions (the claim's own spread).
 */
export function compareFigures(
  pageFigures: readonly Figure[],
  mentions: readonly MentionFigures[],
  pageDate: string | null = null,
  pageText?: string,
): FigureComparison[] {
  const pagePlaces = pageText === undefined ? [] : findPlaces(pageText);
  const corpusByKey = new Map<string, { unit: string; values: FigureValue[] }>();
  for (const m of mentions) {
    // Another event is not compared: another place, or a date outside the window around the page's; nor a
    // sum over several events ("attacks in Paris and against a Russian airliner that together killed 353")
    // with the count of one.
    if (m.text !== undefined && differentPlaces(pagePlaces, findPlaces(m.text))) continue;
    if (m.text !== undefined && pageText !== undefined && SUM_OF_EVENTS.test(m.text) !== SUM_OF_EVENTS.test(pageText)) continue;
    if (outsideWindow(pageDate, mentionDate(m))) continue;
    for (const f of m.figures) {
      if (!isClaimCount(f)) continue;
      const key = alignmentKey(f);
      const slot = corpusByKey.get(key) ?? { unit: f.unit, values: [] };
      slot.values.push(toValue(f, m.outlet, mentionDate(m), m));
      corpusByKey.set(key, slot);
    }
  }
  // The claim's quantities are those most of its mentions state: "two ships" in one sentence of a claim about
  // missiles fired is a detail of that sentence, not a figure of the claim.
  const stating = mentions.filter((m) => m.figures.some(isClaimCount)).length;
  for (const [key, slot] of corpusByKey) {
    if (new Set(slot.values.map((v) => v.sentenceId)).size <= stating * CLAIM_QUANTITY_SHARE) corpusByKey.delete(key);
  }
  const out: FigureComparison[] = [];
  const seen = new Set<string>();
  for (const f of pageFigures) {
    if (!isClaimCount(f)) continue;
    const key = alignmentKey(f);
    const slot = corpusByKey.get(key);
    if (!slot || seen.has(key)) continue;
    seen.add(key);
    const page = toValue(f, null, pageDate);
    const corpus = [...slot.values].sort(byDateThenOutlet);
    // A page sentence may state several values of one quantity ("SOHR put the toll at 58, ... said 67"): a
    // corpus value equal to any of them is the page's own, never "differs from this page".
    const others = pageFigures.filter((g) => g !== f && isClaimCount(g) && alignmentKey(g) === key).map((g) => toValue(g, null, pageDate));
    const pageKeys = new Set([page, ...others].map(valueKey));
    const comparison: FigureComparison = {
      what: key,
      unit: f.unit,
      page,
      corpus,
      ...classifyDifference([page, ...corpus.filter((v) => !pageKeys.has(valueKey(v)))]),
    };
    if (others.length > 0) comparison.pageAlso = others;
    out.push(comparison);
  }
  if (pageFigures.length === 0) {
    // Without a page figure, a duration ("in three years of civil war") is context unless most mentions state
    // one: then the claim is about how long something lasted.
    for (const [key, slot] of [...corpusByKey].sort((a, b) => byText(a[0], b[0]))) {
      if (slot.values.length < 2) continue;
      if (key === 'duration' && new Set(slot.values.map((v) => v.sentenceId)).size <= stating * DURATION_CLAIM_SHARE) continue;
      const corpus = [...slot.values].sort(byDateThenOutlet);
      out.push({ what: key, unit: slot.unit, page: null, corpus, ...classifyDifference(corpus) });
    }
  }
  return out;
}
