/**
 * Name matching across transliterations: "Khan Sheikhun" / "Khan Sheikhoun" / "Khan Shaykhun",
 * "Hemeimeem" / "Hmeymim" / "Hmeimim", "al-Jawhari" / "al-Johari", "Daraa" / "Deraa". A name word is folded to a
 * consonant skeleton (lower case, no diacritics, no `al-`/`el-` article, digraphs folded, vowels and glides
 * dropped after the first letter, doubled letters collapsed), so variant spellings give one key.
 */

/** Arabic articles glued to a name by a hyphen or apostrophe ("al-Nusra", "el-Sisi", "ash-Sham"). */
const ARTICLE_RE = /^(?:al|el|ad|ar|as|ash|at|az|an|al)[-‐‑'’]/;
/** Digraphs of English transliteration folded to one letter, in this order; the third item is a letter every
 * match holds (a word without it is left alone without running the expression). */
const DIGRAPHS: ReadonlyArray<[RegExp, string, string]> = [
  [/ph/g, 'f', 'h'],
  [/kh/g, 'k', 'h'],
  [/gh/g, 'g', 'h'],
  [/th/g, 't', 'h'],
  [/dh/g, 'd', 'h'],
  [/sh|ch/g, 's', 'h'],
  [/dj/g, 'j', 'j'],
  [/q|c(?=[aou])|ck/g, 'k', ''],
  [/z/g, 's', 'z'],
];
/** Shortest word (letters) read as a name: shorter capitalised words ("Al", "Mr") are noise. */
export const MIN_NAME_LENGTH = 4;

/** Folds one name word to its transliteration key ("Sheikhoun" -> "sk", "al-Jawhari" -> "jr"...). */
export function nameKey(word: string): string {
  // A word already in lower-case ASCII letters (every index term) has no diacritics, article or 's to strip.
  let w = ASCII_WORD_RE.test(word) ? word : plainLetters(word);
  if (!w) return '';
  // A final -ah / -eh is one vowel ("Talbisah" / "Talbiseh"); a final h after a vowel says nothing.
  w = w.replace(/([aeiou])h$/, '$1');
  for (const [re, to, needs] of DIGRAPHS) if (w.includes(needs)) w = w.replace(re, to);
  const first = w[0]!;
  // Vowels and the glides w/y (Jawhari / Johari, Shaykhun / Sheikhun, Hmeymim / Hmeimim) after the first letter.
  const rest = w.slice(1).replace(/[aeiouwy]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

const ASCII_WORD_RE = /^[a-z]+$/;

/** `word` in lower-case ASCII letters: no diacritics, no Arabic article, no final 's, nothing but letters. */
function plainLetters(word: string): string {
  const w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '');
  return w.replace(ARTICLE_RE, '').replace(/[^a-z]/g, '');
}

const NAME_WORD_RE = /\p{Lu}[\p{L}'’‐‑-]*/gu;

/**
 * Keys of the name words of a text: capitalised words of at least MIN_NAME_LENGTH letters that are not in
 * `ignore` (lower-case stop and title words), split at hyphens ("al-Jawhari" -> "Jawhari"). The first word of
 * a sentence counts too: a headline or a dateline starts with a name as often as not.
 */
export function nameKeys(text: string, ignore: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME_WORD_RE)) {
    for (const part of m[0].replace(/['’]s$/, '').split(/[-‐‑]/)) {
      const lower = part.toLowerCase();
      if (part.length < MIN_NAME_LENGTH || ignore.has(lower) || !/^\p{Lu}/u.test(part)) continue;
      const key = nameKey(part);
      if (key.length >= 2) out.add(key);
    }
  }
  return out;
}

/** Names two key sets share. */
export function sharedNames(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
}
