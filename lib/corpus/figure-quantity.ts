/**
 * Reads one quantity from the chunks of a sentence: a numeral or number words, a scale ("million"),
 * a range ("3,000 to 6,000", "four or five"), a vague quantity ("tens of thousands") and the unit words
 * that belong to the figure text ("%", "per cent", "miles", "months", "a month").
 */
import { type Chunk, type NonCount, digitNonCount, isNamedNumberWord, isWord } from './figure-tokens';
import { CURRENCY_PREFIX, TIME_UNITS, UNIT_WORDS, VAGUE_PHRASES } from './figure-lexicon';
import { SCALES, isNumberWord, isSmallNumberWord, numeralValue, tidy, wordsValue } from './numbers';

/** A quantity read at a chunk index. `end` is the chunk index after it. */
export interface Quantity {
  value: number | null;
  end: number;
  /** Vague word or phrase ("dozens"), when the quantity is vague. */
  vague?: string;
  /** Multiplier applied by a scale word, so a range can share it ("3 to 4 million"). */
  scale: number;
  unit?: string;
  age?: boolean;
  per?: string;
  min?: number;
  max?: number;
  /** "one" or "a" standing alone: only a figure before a unit or a counted noun. */
  weak?: boolean;
}

/** Result of reading at a chunk: a quantity, a number that is not a count (to skip), or nothing. */
export type Reading = Quantity | { skip: NonCount | 'compound'; end: number } | null;

/** Hyphen tails that make a number a figure with a unit ("three-year", "24-hour", "2,000-strong"). */
const COMPOUND_TAILS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.keys(TIME_UNITS).map((s) => [s, TIME_UNITS[s] ?? s])),
  mile: 'miles', km: 'km', kilometre: 'km', kilometer: 'km', metre: 'metres', meter: 'metres',
  strong: 'people', man: 'people', member: 'people',
};

const FRACTIONS: Readonly<Record<string, number>> = {
  half: 0.5, halves: 0.5, third: 1 / 3, thirds: 1 / 3, quarter: 0.25, quarters: 0.25,
};

/** Reads the quantity that starts at chunk `i`, without qualifier or currency sign. */
export function readCore(chunks: readonly Chunk[], i: number, sentence: string): Reading {
  const c = chunks[i];
  if (c === undefined) return null;
  if (/^\d/.test(c.text)) return readDigits(chunks, i, sentence);
  if (/\d/.test(c.text)) return { skip: 'identifier', end: i + 1 };
  if (!isWord(c)) return null;
  return readVague(chunks, i) ?? readWords(chunks, i);
}

function readDigits(chunks: readonly Chunk[], i: number, sentence: string): Reading {
  const c = chunks[i] as Chunk;
  const why = digitNonCount(chunks, i, sentence);
  if (why !== null) return { skip: why, end: why === 'time' && chunks[i + 1]?.text === ':' ? i + 3 : i + 1 };
  const suffixed = /^([\d.,]+)(bn|mn|m|k|km|kg)$/i.exec(c.text);
  if (suffixed) {
    const v = numeralValue(suffixed[1] ?? '');
    const s = (suffixed[2] ?? '').toLowerCase();
    if (v === null) return { skip: 'identifier', end: i + 1 };
    if (s === 'km' || s === 'kg') return { value: v, end: i + 1, scale: 1, unit: s };
    const scale = s === 'k' ? 1e3 : s === 'bn' ? 1e9 : 1e6;
    return { value: tidy(v * scale), end: i + 1, scale };
  }
  const parts = c.text.split(/[-–]/);
  if (parts.length > 1) return readDigitCompound(parts, i);
  const v = numeralValue(c.text);
  if (v === null) return { skip: 'identifier', end: i + 1 };
  return withScale(chunks, i + 1, v);
}

/** "10-15" is a range, "24-hour" a figure with a unit, "5-year-old" an age; other tails are names. */
function readDigitCompound(parts: string[], i: number): Reading {
  const head = numeralValue(parts[0] ?? '');
  const second = numeralValue(parts[1] ?? '');
  if (head === null) return { skip: 'identifier', end: i + 1 };
  if (second !== null && parts.length === 2) {
    // "2-1" is a score or a ratio, not a range; a written range ascends ("10-15").
    return second > head ? { value: null, min: head, max: second, end: i + 1, scale: 1 } : { skip: 'identifier', end: i + 1 };
  }
  return compoundUnit(head, parts.slice(1), i);
}

function compoundUnit(value: number, tail: string[], i: number): Reading {
  const unit = COMPOUND_TAILS[(tail[0] ?? '').toLowerCase().replace(/s$/, '')];
  if (unit === undefined) return { skip: 'compound', end: i + 1 };
  const age = tail.length >= 2 && tail[tail.length - 1]?.toLowerCase() === 'old';
  return { value, end: i + 1, scale: 1, unit, age };
}

function withScale(chunks: readonly Chunk[], j: number, value: number): Quantity {
  const s = SCALES[chunks[j]?.lower ?? ''];
  if (s === undefined) return { value, end: j, scale: 1 };
  return { value: tidy(value * s), end: j + 1, scale: s };
}

/** "dozens", "tens of thousands", "decades-long". */
function readVague(chunks: readonly Chunk[], i: number): Quantity | null {
  for (const phrase of VAGUE_PHRASES) {
    const words = phrase.split(' ');
    const ok = words.every((w, k) => {
      const lower = chunks[i + k]?.lower ?? '';
      return k === words.length - 1 ? lower === w || lower.startsWith(`${w}-`) : lower === w;
    });
    // "settle scores" is not a quantity; "scores of people" is.
    if (ok && phrase === 'scores' && chunks[i + 1]?.lower !== 'of') return null;
    if (ok) {
      const unit = phrase === 'decades' ? 'decades' : undefined;
      return { value: null, vague: phrase, end: i + words.length, scale: 1, unit };
    }
  }
  return null;
}

/** Number words, possibly hyphenated and spread over chunks ("one hundred and twenty", "three-and-a-half"). */
function readWords(chunks: readonly Chunk[], i: number): Reading {
  const c = chunks[i] as Chunk;
  const parts = c.lower.split(/[-–]/);
  const fraction = readFraction(chunks, i, parts);
  if (fraction !== null) return fraction;
  const first = parts[0] ?? '';
  const article = first === 'a' || first === 'an';
  if (!isNumberWord(first) && !(article && isNumberWord(chunks[i + 1]?.lower ?? ''))) {
    return article ? readArticleUnit(chunks, i) : null;
  }
  if (isNamedNumberWord(chunks, i)) return { skip: 'name', end: i + 1 };
  let n = parts.length;
  while (n > 0 && wordsValue(parts.slice(0, n)) === null) n--;
  if (n === 0) return null;
  if (n < parts.length) return extendHyphen(parts, n, i);
  const words = [...parts];
  let j = i + 1;
  while (j < chunks.length) {
    const next = chunks[j]?.lower ?? '';
    const trial = [...words, ...next.split(/[-–]/)];
    if (next === 'and' && wordsValue([...words, 'and', ...(chunks[j + 1]?.lower ?? '').split(/[-–]/)]) !== null) {
      words.push('and');
      j++;
      continue;
    }
    if (next === 'and' && chunks[j + 1]?.lower === 'a' && chunks[j + 2]?.lower === 'half') {
      words.push('and', 'a', 'half');
      j += 3;
      break;
    }
    if (!isNumberWord(next.split(/[-–]/)[0] ?? '') || wordsValue(trial) === null || !joinsNumber(words, next)) break;
    words.push(...next.split(/[-–]/));
    j++;
  }
  const value = wordsValue(words);
  if (value === null) return null;
  const scaled = words.find((w) => w in SCALES && w !== 'hundred');
  const weak = words.length === 1 && (words[0] === 'one' || words[0] === 'a');
  return { value, end: j, scale: scaled ? (SCALES[scaled] ?? 1) : 1, weak };
}

const TENS = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** A spaced small number word continues only a tens word ("twenty five"), not another count ("five four-hour"). */
function joinsNumber(words: readonly string[], next: string): boolean {
  const last = words[words.length - 1] ?? '';
  if (!isSmallNumberWord(next.split(/[-–]/)[0] ?? '')) return true;
  return TENS.has(last) || last === 'and' || last === 'hundred' || (last in SCALES && !TENS.has(next));
}

/** "three-and-a-half" then a space, or "three-year", "seven-year-old", "three-pronged" (not a figure). */
function extendHyphen(parts: string[], n: number, i: number): Reading {
  const value = wordsValue(parts.slice(0, n));
  if (value === null) return null;
  return compoundUnit(value, parts.slice(n), i);
}

/** "two-thirds", "a third of", "half of", "half a million", "half an hour". */
function readFraction(chunks: readonly Chunk[], i: number, parts: string[]): Reading {
  const last = parts[parts.length - 1] ?? '';
  const f = FRACTIONS[last];
  if (f === undefined) return null;
  const numerator = parts.length > 1 ? wordsValue(parts.slice(0, -1)) : null;
  if (parts.length > 1) return numerator === null ? null : { value: tidy(numerator * f), end: i + 1, scale: 1, unit: 'fraction' };
  const prev = chunks[i - 1]?.lower;
  if (last === 'half') {
    const next = chunks[i + 1]?.lower ?? '';
    const after = chunks[i + 2]?.lower ?? '';
    if ((next === 'a' || next === 'an') && after in SCALES) return { value: 0.5 * (SCALES[after] ?? 1), end: i + 3, scale: SCALES[after] ?? 1 };
    if ((next === 'a' || next === 'an') && after in TIME_UNITS) return { value: 0.5, end: i + 3, scale: 1, unit: TIME_UNITS[after] };
    if (next === 'of' || prev === 'around' || prev === 'about' || prev === 'nearly' || prev === 'almost' || prev === 'over') {
      return { value: 0.5, end: i + 1, scale: 1, unit: 'fraction' };
    }
    return null;
  }
  return null;
}

/** "a year" or "an hour": a figure of one only after a qualifier ("almost a year"); the caller checks. */
function readArticleUnit(chunks: readonly Chunk[], i: number): Reading {
  const next = chunks[i + 1]?.lower ?? '';
  if (FRACTIONS[next] !== undefined && next.startsWith('th') && chunks[i + 2]?.lower === 'of') {
    return { value: tidy(FRACTIONS[next] ?? 0), end: i + 2, scale: 1, unit: 'fraction' };
  }
  if (next === 'quarter' && chunks[i + 2]?.lower === 'of') return { value: 0.25, end: i + 2, scale: 1, unit: 'fraction' };
  return next in TIME_UNITS ? { value: 1, end: i + 1, scale: 1, weak: true } : null;
}

/** Currency sign or code at chunk `i` ("$", "US$", "USD"): the unit and the chunk index after it. */
export function readCurrency(chunks: readonly Chunk[], i: number): { unit: string; end: number } | null {
  const c = chunks[i];
  if (c === undefined) return null;
  if (c.text === 'US' && chunks[i + 1]?.text === '$' && chunks[i + 1]?.start === c.end) return { unit: 'usd', end: i + 2 };
  const unit = CURRENCY_PREFIX[c.text];
  return unit === undefined ? null : { unit, end: i + 1 };
}

/** Unit words right after a quantity: "%", "per cent", "miles", "hours", "years old"; then a rate ("a month"). */
export function readUnit(chunks: readonly Chunk[], q: Quantity): Quantity {
  let j = q.end;
  let unit = q.unit;
  let age = q.age;
  const c = chunks[j];
  if (unit === undefined && c !== undefined) {
    if (c.text === '%') [unit, j] = ['percent', j + 1];
    else if (c.lower === 'per' && chunks[j + 1]?.lower === 'cent') [unit, j] = ['percent', j + 2];
    else if (UNIT_WORDS[c.lower] !== undefined) [unit, j] = [UNIT_WORDS[c.lower], j + 1];
    if (unit === 'years' && chunks[j]?.lower === 'old') [age, j] = [true, j + 1];
  }
  const rate = chunks[j]?.lower ?? '';
  const period = chunks[j + 1]?.lower ?? '';
  const per = ['a', 'an', 'per', 'each', 'every'].includes(rate) && period in TIME_UNITS && period !== 'decade' ? period : undefined;
  return { ...q, unit, age, end: per ? j + 2 : j, per };
}
