/**
 * Chunking of a sentence for the figure extractor, and the tests that tell a number that is not a count
 * (date, year, clock time, ordinal, identifier, name) from one that is.
 */
import { MONTHS, NP_STOP, PERSON_NOUNS, QUALIFIERS, WEEKDAYS } from './figure-lexicon';
import { isNumberWord, numeralValue } from './numbers';

/** A word, numeral or punctuation mark of the sentence. Hyphen/slash compounds stay whole ("Su-24", "three-year"). */
export interface Chunk {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const CHUNK_RE = /[A-Za-z0-9]+(?:[.,]\d+)*[A-Za-z]*(?:['’][A-Za-z]+)?(?:[-–/][A-Za-z0-9]+(?:[.,]\d+)*)*|\S/g;

/** Splits a sentence into chunks with UTF-16 offsets. */
export function chunkSentence(sentence: string): Chunk[] {
  return [...sentence.matchAll(CHUNK_RE)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** True for a chunk made of letters only (hyphens allowed). */
export function isWord(c: Chunk | undefined): c is Chunk {
  return c !== undefined && /^[A-Za-z][A-Za-z'’-]*$/.test(c.text);
}

/** True when the chunk starts with a capital letter. */
export function isCapitalised(c: Chunk | undefined): boolean {
  return c !== undefined && /^[A-Z]/.test(c.text);
}

/** True when only punctuation (quotes, brackets, dashes) precedes chunk `i`. */
export function isSentenceInitial(chunks: readonly Chunk[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (/[A-Za-z0-9]/.test(chunks[k]?.text ?? '')) return false;
  }
  return true;
}

/** True for a month name (capitalised "May" only, so the verb is not taken for a month). */
export function isMonth(c: Chunk | undefined): boolean {
  if (c === undefined || !MONTHS.has(c.lower)) return false;
  return c.lower !== 'may' && c.lower !== 'mar' ? true : c.text === 'May' || c.text === 'Mar';
}

/** Previous word, skipping an abbreviation dot ("Sept. 30"). */
function prevWord(chunks: readonly Chunk[], i: number): Chunk | undefined {
  const p = chunks[i - 1];
  return p?.text === '.' ? chunks[i - 2] : p;
}

/** Last words of qualifiers that make a following four-digit number a count ("over 2000"). */
const QUALIFIER_TAILS = new Set(
  QUALIFIERS.map(([q]) => q.split(' ').pop() ?? '').filter((w) => !['to', 'of', 'as', 'under'].includes(w)),
);

/** Why a number chunk is not a count, or null when it may be one. */
export type NonCount = 'date' | 'year' | 'time' | 'ordinal' | 'identifier' | 'name';

/** Classifies the digit chunk `i` of `sentence`: returns why it is not a count, or null. */
export function digitNonCount(chunks: readonly Chunk[], i: number, sentence: string): NonCount | null {
  const c = chunks[i];
  if (c === undefined) return null;
  const rest = sentence.slice(c.end);
  const t = c.text;
  if (/^\d+(?:st|nd|rd|th)$/i.test(t)) return 'ordinal';
  if (isCodeNumber(sentence, c)) return 'identifier';
  if (/^\d{1,2}(?:am|pm)$/i.test(t) || isClockTime(chunks, i, rest)) return 'time';
  if (/^\d{4}s$/.test(t) || /^(?:1[89]|20)\d{2}[-–](?:(?:1[89]|20)\d{2}|\d{2})$/.test(t)) return 'date';
  if (t.includes('/')) return 'identifier';
  // "5bn", "10km" and compounds such as "24-hour" are counts; other letter-digit mixes ("18E", "76MD") are not.
  if (/[A-Za-z]/.test(t) && !/^[\d.,]+(?:bn|mn|m|k|km|kg)$/i.test(t) && !/^[\d.,]+[-–][A-Za-z]/.test(t)) {
    return 'identifier';
  }
  if (isMonth(prevWord(chunks, i)) || isMonth(chunks[i + 1])) return 'date';
  const value = numeralValue(t);
  if (value !== null && isYearLike(chunks, i, t, value)) return 'year';
  if (isLabelNumber(chunks, i, t)) return 'identifier';
  return null;
}

function isClockTime(chunks: readonly Chunk[], i: number, rest: string): boolean {
  const c = chunks[i];
  if (c === undefined) return false;
  if (chunks[i + 1]?.text === ':' && /^\d{2}$/.test(chunks[i + 2]?.text ?? '')) return true;
  if (/^\d{1,2}(?:[.:]\d{2})?$/.test(c.text) && /^\s?(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)/i.test(rest)) return true;
  return /^\d{3,4}$/.test(c.text) && /^\s?(?:GMT|UTC|Zulu|hrs|local time|CET|EST|EDT)\b/.test(rest);
}

/** A bare four-digit 1800-2100 is a year unless money, a qualifier or a person noun makes it a count. */
function isYearLike(chunks: readonly Chunk[], i: number, text: string, value: number): boolean {
  if (!/^\d{4}$/.test(text) || value < 1800 || value > 2100) return false;
  const prev = chunks[i - 1];
  if (prev !== undefined && (/^[$£€]$/.test(prev.text) || QUALIFIER_TAILS.has(prev.lower))) return false;
  const next = chunks[i + 1];
  return !(next !== undefined && PERSON_NOUNS.has(next.lower));
}

/** Capitalised words beyond the function words that may stand before a count ("Another 20"). */
const COUNT_LEADERS = new Set(['another', 'only', 'just', 'both', 'nearly', 'almost', 'over', 'about', 'around', 'until']);

/** "Highway 47", "Resolution 2254", "FRANCE 24": an integer right after a capitalised name word. */
function isLabelNumber(chunks: readonly Chunk[], i: number, text: string): boolean {
  const prev = chunks[i - 1];
  if (!isWord(prev) || !isCapitalised(prev) || !/^\d+$/.test(text)) return false;
  const lower = prev.lower;
  if (COUNT_LEADERS.has(lower) || QUALIFIER_TAILS.has(lower) || WEEKDAYS.has(lower) || NP_STOP.has(lower)) return false;
  const next = chunks[i + 1];
  return !(isWord(next) && /^[a-z]/.test(next.text) && next.lower.endsWith('s'));
}

/** A number glued to URL or code punctuation ("?nn=1396", "#12") or too long for a count is an identifier. */
function isCodeNumber(sentence: string, c: Chunk): boolean {
  return /[=/#@_:.&?]/.test(sentence[c.start - 1] ?? '') || /^\d{13,}$/.test(c.text);
}

/** A capitalised number word inside the sentence is part of a name ("World War Two", "Seven Stars"). */
export function isNamedNumberWord(chunks: readonly Chunk[], i: number): boolean {
  const c = chunks[i];
  if (c === undefined || !isCapitalised(c) || isSentenceInitial(chunks, i)) return false;
  return isNumberWord(c.text.split(/[-–]/)[0] ?? '');
}
