/**
 * Figure extraction: the quantities a news sentence states (counts, money, percentages, distances,
 * durations, ages), with their qualifier, unit and what they count.
 *
 * Library choice: a small hand-written tokenizer (numbers.ts, about 80 lines) instead of a number-parsing
 * package. News prose uses a closed vocabulary of number words (one..ninety, hundred..trillion, dozen, half),
 * which the tokenizer covers completely, while the candidates either bring large dependencies into the
 * background bundle (`words-to-numbers` pulls in babel-runtime and clj-fuzzy; `compromise` is ~350 KB
 * minified; `@microsoft/recognizers-text-number` needs lodash, bignumber.js and megabytes of grammar) or
 * parse whole sentences loosely, so that the parts this module actually needs (qualifiers, units, ranges,
 * and refusing dates, clock times, ordinals and model names such as "Su-24") would still be written here.
 *
 * Pipeline per sentence: chunk (figure-tokens.ts) -> qualifier, currency, quantity, range and unit words
 * (figure-quantity.ts) -> counted noun and `what` (figure-nouns.ts).
 */
import type { Figure } from './types';
import { type Chunk, chunkSentence, isCapitalised, isWord } from './figure-tokens';
import { QUALIFIERS } from './figure-lexicon';
import { type Quantity, type Reading, readCore, readCurrency, readUnit } from './figure-quantity';
import { isPerson, nounPhraseAfter, unitOfNounPhrase, whatOf } from './figure-nouns';
import { tidy } from './numbers';

/** Unit assumed for a bare count with no counted noun ("killed 129", "100 had died"): news counts people. */
const DEFAULT_UNIT = 'people';
/** Oldest age read from "Name, 29," appositions; larger numbers there are not ages. */
const MAX_AGE = 120;

/** Person nouns that take an age apposition like a name does ("his wife, 29,"). */
const KIN_NOUNS = new Set(['wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'mother', 'father', 'man', 'woman', 'boy', 'girl', 'child']);

/** Words that make "one" a pronoun ("no one", "which one"). */
const PRONOUN_ONE = new Set(['no', 'any', 'every', 'some', 'which', 'this', 'that', 'the', 'each']);

const QUALIFIER_PHRASES = [...QUALIFIERS]
  .map(([phrase, norm]) => ({ words: phrase.split(' '), norm }))
  .sort((a, b) => b.words.length - a.words.length);

/** Verbs of change: "rose from 50 to 100" states two values, not a range. */
const CHANGE_VERBS = new Set([
  'rose', 'risen', 'increased', 'fell', 'fallen', 'dropped', 'climbed', 'jumped', 'grew', 'declined',
  'up', 'down', 'raised', 'cut', 'reduced', 'doubled', 'went', 'soared', 'plunged',
]);

interface Qualified {
  norm: string | null;
  text?: string;
  end: number;
}

function matchQualifier(chunks: readonly Chunk[], i: number): Qualified | null {
  for (const { words, norm } of QUALIFIER_PHRASES) {
    if (words.every((w, k) => chunks[i + k]?.lower === w)) {
      const end = i + words.length;
      const text = chunks.slice(i, end).map((c) => c.text).join(' ');
      return { norm, text: text.toLowerCase() === norm ? undefined : text, end };
    }
  }
  return null;
}

function isQuantity(r: Reading): r is Quantity {
  return r !== null && !('skip' in r);
}

/** Reads currency sign and quantity at `k`. */
function readMoney(chunks: readonly Chunk[], k: number, sentence: string): { r: Reading; currency?: string } {
  const cur = readCurrency(chunks, k);
  if (cur === null) return { r: readCore(chunks, k, sentence) };
  return { r: readCore(chunks, cur.end, sentence), currency: cur.unit };
}

/** Extends an exact quantity into a range: "3,000 to 6,000", "four or five", "600 and 100" after "between". */
function readRange(chunks: readonly Chunk[], q: Quantity, start: number, sentence: string, between: boolean): Quantity {
  if (q.value === null || q.vague !== undefined) return q;
  const joiner = chunks[q.end]?.lower ?? '';
  const ok = between ? joiner === 'and' : ['to', 'or', '-', '–', '—'].includes(joiner);
  if (!ok) return q;
  if (joiner === 'to' && chunks[start - 1]?.lower === 'from' && CHANGE_VERBS.has(chunks[start - 2]?.lower ?? '')) return q;
  const { r } = readMoney(chunks, q.end + 1, sentence);
  if (!isQuantity(r) || r.value === null || r.vague !== undefined || r.weak) return q;
  const scale = q.scale === 1 && r.scale > 1 ? r.scale : 1;
  return { ...r, value: null, min: tidy(q.value * scale), max: r.value, scale: r.scale };
}

interface Found {
  figure: Figure;
  end: number;
}

/** Age from "aged 29", "as young as 14" or the apposition "Mostefai, 29, from ...". */
function isAge(chunks: readonly Chunk[], first: number, q: Quantity, qualText: string | undefined): boolean {
  if (q.age === true || /^as (?:young|old) as$/i.test(qualText ?? '')) return true;
  if (chunks[first - 1]?.lower === 'aged') return true;
  const named = chunks[first - 2];
  const apposition = chunks[first - 1]?.text === ',' && isWord(named) && (isCapitalised(named) || KIN_NOUNS.has(named.lower));
  const closes = /^[,)]$/.test(chunks[q.end]?.text ?? '');
  return apposition && closes && q.unit === undefined && q.value !== null && Number.isInteger(q.value) && q.value > 0 && q.value <= MAX_AGE;
}

function figureAt(chunks: readonly Chunk[], i: number, sentence: string, previous: string | null): Found | { skip: true; end: number } | null {
  const between = chunks[i]?.lower === 'between';
  const qual = between ? { norm: 'range', end: i + 1 } : matchQualifier(chunks, i);
  const numStart = qual?.end ?? i;
  // "number one exporter" is a rank, not a count.
  if (chunks[numStart - 1]?.lower === 'number') return null;
  const { r, currency } = readMoney(chunks, numStart, sentence);
  if (r === null) return null;
  if (!isQuantity(r)) return qual === null ? { skip: true, end: r.end } : null;
  let q = readRange(chunks, r, numStart, sentence, between);
  if (between && q.min === undefined) return null;
  q = readUnit(chunks, q);
  // "a year" is one year only after a qualifier ("almost a year"); "one of the" is not a count.
  const article = /^an?$/.test(chunks[numStart]?.lower ?? '');
  if (q.weak && ((article && qual === null) || chunks[q.end]?.lower === 'of' || PRONOUN_ONE.has(chunks[numStart - 1]?.lower ?? ''))) return null;
  const qualifierText: string | undefined = qual !== null && 'text' in qual ? qual.text : undefined;
  const np = nounPhraseAfter(chunks, q.end);
  const described = np.heads[np.heads.length - 1];
  // "the five-year-old war" is a duration; "a 12-year-old boy" and "the 28-year-old said" are ages.
  const age = isAge(chunks, i, q, qualifierText) && (described === undefined || isPerson(described));
  let unit = currency ?? q.unit ?? (age ? 'years' : undefined);
  if (unit === undefined) {
    const fromNoun = unitOfNounPhrase(np, chunks.slice(0, i), q.value === 1);
    if (q.weak && fromNoun === null) return null;
    unit = fromNoun ?? DEFAULT_UNIT;
  }
  const isRange = q.min !== undefined;
  const qualifier = isRange ? 'range' : q.vague ?? qual?.norm ?? null;
  const first = chunks[i] as Chunk;
  const last = chunks[q.end - 1] as Chunk;
  const what = whatOf({ chunks, start: i, end: q.end, np, unit, age, previous });
  const figure: Figure = {
    text: sentence.slice(first.start, last.end),
    start: first.start,
    value: isRange ? null : q.value,
    qualifier,
    unit,
    what,
  };
  if (qualifierText !== undefined && !isRange) figure.qualifierText = qualifierText;
  if (isRange) [figure.min, figure.max] = [q.min, q.max];
  if (q.per !== undefined) figure.per = q.per;
  return { figure, end: q.end };
}

/**
 * The figures of `sentence`, or none when the extractor fails on it: for callers that must go on without them
 * (matching a page sentence, joining a note to the matcher). `extract` is the caller's own extraction when it
 * keeps one (memoised, say); by default {@link extractFigures}.
 */
export function figuresOrNone(sentence: string, extract: (sentence: string) => Figure[] = extractFigures): Figure[] {
  try {
    return extract(sentence);
  } catch {
    return [];
  }
}

/**
 * Extracts the figures a sentence states, in order of `start`.
 * Dates, years, clock times, ordinals, model names ("Su-24"), road numbers ("Highway 47"), named numbers
 * ("World War Two"), descriptive compounds ("three-pronged") and "several"/"many" are not figures.
 */
export function extractFigures(sentence: string): Figure[] {
  const chunks = chunkSentence(sentence);
  const figures: Figure[] = [];
  let i = 0;
  while (i < chunks.length) {
    const found = figureAt(chunks, i, sentence, figures[figures.length - 1]?.what ?? null);
    if (found === null) i++;
    else if ('skip' in found) i = Math.max(i + 1, found.end);
    else {
      figures.push(found.figure);
      i = Math.max(i + 1, found.end);
    }
  }
  return figures;
}
