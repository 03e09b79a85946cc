/**
 * English number words and numerals: the small closed vocabulary that news text uses for counts.
 * Pure functions over strings; the figure extractor (figures.ts) decides what the numbers count.
 */

/** Cardinal words below one hundred, by value. */
const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

/** Multipliers written as words (and the usual newsroom abbreviations). */
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  mn: 1e6, bn: 1e9, tn: 1e12,
};

/** True for a cardinal word ("seven", "ninety") or a scale word ("million"). */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in SMALL || w in SCALES || w === 'dozen';
}

/** True for a cardinal word below one hundred. */
export function isSmallNumberWord(word: string): boolean {
  return word.toLowerCase() in SMALL;
}

/**
 * Value of a run of number words ("fifty", "nine" | "one", "hundred", "and", "twenty" | "two", "dozen").
 * "and" is allowed between groups, "a" counts as one before a scale ("a million"), and a trailing
 * "and a half" adds 0.5. Returns null when a word is not part of a number.
 */
export function wordsValue(words: readonly string[]): number | null {
  let total = 0;
  let group = 0;
  let seen = false;
  for (let k = 0; k < words.length; k++) {
    const w = (words[k] ?? '').toLowerCase();
    if (w === 'and' && words[k + 1]?.toLowerCase() === 'a' && words[k + 2]?.toLowerCase() === 'half') {
      return seen && k + 3 === words.length ? total + group + 0.5 : null;
    }
    if (w === 'and' && seen) continue;
    if (w === 'a' || w === 'an') {
      if (seen) return null;
      group = 1;
      seen = true;
      continue;
    }
    if (w in SMALL) {
      group += SMALL[w] ?? 0;
      seen = true;
    } else if (w === 'dozen') {
      group = (seen ? group : 1) * 12;
      seen = true;
    } else if (w === 'hundred') {
      group = (seen && group > 0 ? group : 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (seen && group > 0 ? group : 1) * (SCALES[w] ?? 1);
      group = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + group : null;
}

/** Numeral with optional thousands separators and decimals: "3,000" -> 3000, "11.63" -> 11.63. */
export function numeralValue(text: string): number | null {
  if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

/** Rounds away binary noise from scaling decimals (11.63 * 1e6). */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}
