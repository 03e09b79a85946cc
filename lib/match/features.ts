/**
 * Per-sentence matching features, computed once (at build, or read back at load) and kept compact, so a
 * query only touches the features of its bounded candidate list.
 */
import type { Figure } from '../corpus/types';
import { alignmentKey } from './compare';
import { analyze } from './text';

/** Everything the scorer needs about one sentence. */
export interface SentenceFeatures {
  /** Distinct content terms. */
  terms: ReadonlySet<string>;
  /** Adjacent content-term pairs ("a b"): shared phrasing is strong evidence of one claim. */
  bigrams: ReadonlySet<string>;
  /** Name terms (subset of `terms`). */
  entities: ReadonlySet<string>;
  /** Terms only found in attribution phrases (see TextAnalysis.attribution). */
  attribution: ReadonlySet<string>;
  /** Readable surface form per term (for reasons). */
  surface: ReadonlyMap<string, string>;
  years: readonly number[];
  months: readonly number[];
  /** Calendar days as "month-day" (see TextAnalysis.days). */
  days: readonly string[];
  /** Alignment keys of the sentence's figures ("killed", "sorties", "duration"; see quantityKeys). */
  quantities: ReadonlySet<string>;
  negated: boolean;
  intent: boolean;
}

/** Compact JSON form of {@link SentenceFeatures}: term indexes into a shared vocabulary. */
export interface PackedFeatures {
  /** Content terms in text order, as vocabulary indexes. */
  t: number[];
  /** Entity terms, as vocabulary indexes. */
  e: number[];
  /** Attribution-only terms, as vocabulary indexes. */
  a?: number[];
  /** Surface forms aligned with `t` only where they differ from the term itself. */
  s?: Record<number, string>;
  y?: number[];
  m?: number[];
  /** Calendar days ("month-day"). */
  d?: string[];
  /** Flags: 1 negated, 2 intent. */
  f?: number;
}

/** A count of "people" with nothing said about what happened to them: it neither matches nor conflicts. */
const UNKNOWN_KEY = 'people';
/** Alignment keys that can conflict (a seven-year term vs 88.7% of votes) but are too generic to count as
 * the same quantity when shared ("in the past 24 hours" on both sides). */
export const WEAK_KEYS: ReadonlySet<string> = new Set(['duration']);

/** Quantity keys of a sentence's figures: the figure comparison's {@link alignmentKey} (killed, wounded,
 * sorties, targets, eligible voters...), so that what the scorer calls one quantity is what the comparison
 * aligns; a count of people that says nothing more is left out. */
export function quantityKeys(figures: readonly Figure[]): { quantities: Set<string> } {
  const quantities = new Set<string>();
  for (const f of figures) {
    const key = alignmentKey(f).toLowerCase();
    if (key !== UNKNOWN_KEY) quantities.add(key);
  }
  return { quantities };
}

/** Features of a text and its figures. */
export function computeFeatures(text: string, figures: readonly Figure[]): SentenceFeatures {
  const a = analyze(text);
  return { ...fromTerms(a.terms, a.entities, a.surface), attribution: a.attribution, years: a.years, months: a.months, days: a.days, ...quantityKeys(figures), negated: a.negated, intent: a.intent };
}

/** Term-derived part of the features. */
function fromTerms(terms: readonly string[], entities: ReadonlySet<string>, surface: ReadonlyMap<string, string>) {
  const bigrams = new Set<string>();
  for (let i = 1; i < terms.length; i++) bigrams.add(`${terms[i - 1]} ${terms[i]}`);
  return { terms: new Set(terms), bigrams, entities, surface };
}

/** Packs features for JSON; `vocab` maps terms to indexes and grows as needed. */
export function packFeatures(text: string, vocab: Map<string, number>): PackedFeatures {
  const a = analyze(text);
  const idx = (term: string): number => {
    let i = vocab.get(term);
    if (i === undefined) vocab.set(term, (i = vocab.size));
    return i;
  };
  const p: PackedFeatures = { t: a.terms.map(idx), e: [...a.entities].map(idx) };
  const s: Record<number, string> = {};
  for (const [term, form] of a.surface) if (form !== term) s[idx(term)] = form;
  if (Object.keys(s).length) p.s = s;
  if (a.attribution.size) p.a = [...a.attribution].map(idx);
  if (a.years.length) p.y = [...a.years];
  if (a.months.length) p.m = [...a.months];
  if (a.days.length) p.d = [...a.days];
  const flags = (a.negated ? 1 : 0) | (a.intent ? 2 : 0);
  if (flags) p.f = flags;
  return p;
}

/** Inverse of {@link packFeatures}, given the sentence's figures. */
export function unpackFeatures(p: PackedFeatures, vocab: readonly string[], figures: readonly Figure[]): SentenceFeatures {
  const word = (i: number): string => vocab[i] ?? '';
  const terms = p.t.map(word);
  const surface = new Map<string, string>();
  for (const t of terms) surface.set(t, t);
  if (p.s) for (const [i, form] of Object.entries(p.s)) surface.set(word(Number(i)), form);
  const f = p.f ?? 0;
  return {
    ...fromTerms(terms, new Set(p.e.map(word)), surface),
    attribution: new Set((p.a ?? []).map(word)),
    years: p.y ?? [],
    months: p.m ?? [],
    days: p.d ?? [],
    ...quantityKeys(figures),
    negated: (f & 1) !== 0,
    intent: (f & 2) !== 0,
  };
}
