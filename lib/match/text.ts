/**
 * Text analysis for matching: one pass over a sentence gives its number-free, stemmed content terms in
 * order, which of them are names, the dates it mentions and its stance cues. The same function serves
 * the index (candidates) and the scorer, so both see the same terms.
 */
import { stemmer } from 'stemmer';
import {
  CANONICAL,
  INTENT_WORDS,
  MONTHS,
  NEGATION_WORDS,
  NAME_TERMS,
  NUMBER_WORDS,
  PHRASES,
  REPORTING_VERBS,
  STOP_WORDS,
  TITLE_WORDS,
  WEEKDAYS,
} from './lexicon';

/** What the matcher knows about a sentence's wording. */
export interface TextAnalysis {
  /** Content terms (canonical or stemmed), in text order, repeats kept. */
  terms: string[];
  /** Terms that come from names: capitalised words inside the sentence, or canonical country/group names. */
  entities: Set<string>;
  /** Terms that occur only inside attribution ("according to X", "..., X said"): who says it, not what. */
  attribution: Set<string>;
  /** A readable surface form for each term, for match reasons. */
  surface: Map<string, string>;
  /** Years (1900-2099) written as digits. */
  years: number[];
  /** Months named (1-12). */
  months: number[];
  /** Calendar days named with their month ("February 27", "27 Feb"), as "month-day". */
  days: string[];
  /** Negation or denial cue present. */
  negated: boolean;
  /** Announcement / plan / start cue present (see INTENT_WORDS). */
  intent: boolean;
}

/** Longest sentence analysed, in UTF-16 units: a page "sentence" longer than this is a run-on block. */
export const MAX_TEXT_LENGTH = 2000;

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const YEAR_RE = /\b(19\d\d|20\d\d)s?\b/g;
const stemCache = new Map<string, string>();

/** Porter stem, memoised (page sentences repeat the same few thousand words). */
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Straight quotes, plain spaces and dashes, and the multi-word names rewritten (see PHRASES). */
export function normalizeText(text: string): string {
  let t = text
    .slice(0, MAX_TEXT_LENGTH)
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"');
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  return t;
}

/** The term a word contributes, or null for stop words, numbers and one-letter tokens. */
function termOf(lower: string): string | null {
  const canon = CANONICAL.get(lower);
  if (canon) return canon;
  if (lower.length < 2 || STOP_WORDS.has(lower) || NUMBER_WORDS.has(lower)) return null;
  if (/\d/.test(lower)) return null;
  if (WEEKDAYS.has(lower) || MONTHS.has(lower)) return null;
  return stem(lower);
}

/** A {@link TextAnalysis} as handed out: shared between callers (see {@link analyze}), so read-only. */
export interface SharedAnalysis {
  readonly terms: readonly string[];
  readonly entities: ReadonlySet<string>;
  readonly attribution: ReadonlySet<string>;
  readonly surface: ReadonlyMap<string, string>;
  readonly years: readonly number[];
  readonly months: readonly number[];
  readonly days: readonly string[];
  readonly negated: boolean;
  readonly intent: boolean;
}

/** Analyses kept for recent texts. The background reads each page sentence twice (for the page's context,
 * then to match it); a few hundred cover a batch of 40 with room to spare. */
export const ANALYSIS_CACHE_SIZE = 512;
const analysisCache = new Map<string, SharedAnalysis>();

/** Analyses one sentence (see {@link TextAnalysis}), memoised. Garbage and empty input give empty results. */
export function analyze(text: string): SharedAnalysis {
  let a = analysisCache.get(text);
  if (a === undefined) {
    a = analyzeText(text);
    if (analysisCache.size >= ANALYSIS_CACHE_SIZE) analysisCache.clear();
    analysisCache.set(text, a);
  }
  return a;
}

function analyzeText(text: string): TextAnalysis {
  const norm = normalizeText(text);
  const out: TextAnalysis = {
    terms: [],
    entities: new Set(),
    attribution: new Set(),
    surface: new Map(),
    years: [],
    months: [],
    days: [],
    negated: false,
    intent: false,
  };
  for (const m of norm.matchAll(YEAR_RE)) out.years.push(Number(m[1]));
  out.days = calendarDays(norm);
  const spans = attributionSpans(norm);
  const inClaim = new Set<string>();
  const words = [...norm.matchAll(WORD_RE)];
  const headline = isTitleCase(words.map((m) => m[0]));
  let first = true;
  for (const m of words) {
    const term = addWord(out, m[0], first || headline);
    first = false;
    if (!term) continue;
    const at = m.index ?? 0;
    if (spans.some(([s, e]) => at >= s && at < e)) out.attribution.add(term);
    else inClaim.add(term);
  }
  for (const t of inClaim) out.attribution.delete(t);
  return out;
}

const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DAY_RES: RegExp[] = [new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|per|million|people))`, 'g'), new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b`, 'g')];

/** Calendar days ("February 27", "27 February") as "month-day"; capitalised month names only. */
function calendarDays(text: string): string[] {
  const out: string[] = [];
  for (const [k, re] of DAY_RES.entries()) {
    for (const m of text.matchAll(re)) {
      const [monthName, day] = k === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      const month = MONTHS.get(monthName.toLowerCase().replace('.', ''));
      const d = Number(day);
      if (month !== undefined && d >= 1 && d <= 31) out.push(`${month}-${d}`);
    }
  }
  return out;
}

const ATTRIBUTION_RES: RegExp[] = [
  /\baccording to ([^,.;:"]+)/g,
  new RegExp(`,\\s*((?:[^,"]){3,90}?\\s+(?:${REPORTING_VERBS})\\b[^,"]{0,40})[."]*\\s*$`, 'g'),
  new RegExp(`["]\\s*,?\\s*((?:[^,"]){3,90}?)\\s+(?:${REPORTING_VERBS})\\b`, 'g'),
  new RegExp(`^((?:[^,"]){3,70}?)\\s+(?:${REPORTING_VERBS})\\b`, 'g'),
];

/** Character spans of attribution phrases: the source of a claim, not its content. */
function attributionSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of ATTRIBUTION_RES) {
    for (const m of text.matchAll(re)) {
      const start = (m.index ?? 0) + m[0].indexOf(m[1]!);
      spans.push([start, start + m[1]!.length]);
    }
  }
  return spans;
}

/** Share of capitalised long words from which a text is a Title Case headline (capitals say nothing). */
export const TITLE_CASE_SHARE = 0.6;

/** True for "Kurdish Forces Battle to Retake Iraq's Sinjar Town": capitals there do not mark names. */
function isTitleCase(words: string[]): boolean {
  const long = words.filter((w) => w.length > 3 && /^\p{L}/u.test(w));
  return long.length >= 5 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= TITLE_CASE_SHARE;
}

/** Folds one word token into the analysis; returns its term, if any. */
function addWord(out: TextAnalysis, raw: string, noCapitalNames: boolean): string | null {
  const word = raw.replace(/['’]s$/i, '');
  const lower = word.toLowerCase();
  if (/n't$/.test(lower) || NEGATION_WORDS.has(lower)) out.negated = true;
  if (INTENT_WORDS.has(lower)) out.intent = true;
  const month = MONTHS.get(lower);
  // "may" is a month only when capitalised inside a sentence.
  if (month !== undefined && (lower !== 'may' || (!noCapitalNames && word[0] === 'M'))) out.months.push(month);
  const term = termOf(lower);
  if (!term) return null;
  out.terms.push(term);
  if (!out.surface.has(term)) out.surface.set(term, word);
  const capitalised = /^\p{Lu}/u.test(word);
  if (NAME_TERMS.has(term) || (capitalised && !noCapitalNames && !TITLE_WORDS.has(lower))) out.entities.add(term);
  return term;
}
