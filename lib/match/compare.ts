/**
 * Figure comparison for a matched claim: align the figures of the page sentence and of every corpus mention
 * by what they count, list the value per outlet with qualifier and date, and say whether the values differ
 * and whether the difference reads as an update (later date) or a conflict (same date, other sources).
 */
import type { Figure, Qualifier, Sentence } from '../corpus/types';

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
  /** Corpus sentence id; absent for the page's own figure. */
  sentenceId?: string;
}

/** How differing values relate: `same` (no difference), `update` (a later date says otherwise), `conflict` (same date, different values), `undated` (values differ but the dates cannot tell which). */
export type DifferenceKind = 'same' | 'update' | 'conflict' | 'undated';

/** The values stated for one quantity (e.g. "killed"), aligned across the page and the corpus. */
export interface FigureComparison {
  /** What is counted ("killed"), or the unit when the sentence does not say ("people"). */
  what: string;
  unit: string;
  page: FigureValue | null;
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

function toValue(figure: Figure, outlet: string | null, date: string | null, sentenceId?: string): FigureValue {
  const v: FigureValue = { value: figure.value, unit: figure.unit, qualifier: figure.qualifier, text: figure.text, outlet, date };
  if (figure.min !== undefined) v.min = figure.min;
  if (figure.max !== undefined) v.max = figure.max;
  if (sentenceId !== undefined) v.sentenceId = sentenceId;
  return v;
}

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
  return (a.outlet ?? '\uffff').localeCompare(b.outlet ?? '\uffff');
}

/** Classifies a set of values of one quantity; see {@link DifferenceKind}. */
export function classifyDifference(values: FigureValue[]): { differ: boolean; kind: DifferenceKind; rising?: boolean } {
  const distinct = new Set(values.map(valueKey));
  if (distinct.size <= 1) return { differ: false, kind: 'same' };
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

/** A corpus sentence that states the claim, as the comparison needs it. */
export type MentionFigures = Pick<Sentence, 'id' | 'figures' | 'outlet' | 'date'>;

/**
 * Aligns figures by what they count. With page figures, lists one comparison per page quantity that the
 * corpus also states; without, one per quantity stated by at least two mentions (the claim's own spread).
 */
export function compareFigures(
  pageFigures: readonly Figure[],
  mentions: readonly MentionFigures[],
  pageDate: string | null = null,
): FigureComparison[] {
  const corpusByKey = new Map<string, { unit: string; values: FigureValue[] }>();
  for (const m of mentions) {
    for (const f of m.figures) {
      const key = alignmentKey(f);
      const slot = corpusByKey.get(key) ?? { unit: f.unit, values: [] };
      slot.values.push(toValue(f, m.outlet, m.date, m.id));
      corpusByKey.set(key, slot);
    }
  }
  const out: FigureComparison[] = [];
  const seen = new Set<string>();
  for (const f of pageFigures) {
    const key = alignmentKey(f);
    const slot = corpusByKey.get(key);
    if (!slot || seen.has(key)) continue;
    seen.add(key);
    const page = toValue(f, null, pageDate);
    const corpus = [...slot.values].sort(byDateThenOutlet);
    out.push({ what: key, unit: f.unit, page, corpus, ...classifyDifference([page, ...corpus]) });
  }
  if (pageFigures.length === 0) {
    for (const [key, slot] of [...corpusByKey].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (slot.values.length < 2) continue;
      const corpus = [...slot.values].sort(byDateThenOutlet);
      out.push({ what: key, unit: slot.unit, page: null, corpus, ...classifyDifference(corpus) });
    }
  }
  return out;
}
