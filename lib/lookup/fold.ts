/**
 * Transliteration folding for names and words, shared by the lookup (and meant for the matcher's name
 * comparison): Arabic names reach English news in many spellings ("Sheikhoun", "Shaykhun", "Cheikhoun";
 * "al-Moallem", "Muallem"), and readers type them from memory. Two keys per word:
 * - `foldWord`: lower-case, diacritics and apostrophes stripped ("Aleppo’s" -> "aleppos");
 * - `nameKey`: a consonant skeleton of the folded word: the article prefix (al-, el-, ad-...) dropped, a few
 *   transliteration pairs merged (q/k, ph/f, ou/u...), vowels after the first letter dropped, any leading
 *   vowel made one, and doubled letters collapsed. "Sheikhoun", "Shekhoun" and "Shaykhun" all give "shkhn".
 * Pure functions, no dictionary: the skeleton is coarse on purpose; callers weigh exact folded matches above it.
 */

/** Arabic article prefixes written joined to a name ("al-Assad", "el-Sisi", "ad-Dawla"), dropped before keying. */
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\p{L}{3})/u;
/** Transliteration variants merged before vowels go: each pair is one Arabic sound spelt two ways. */
const MERGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/c(?=[^h]|$)/g, 'k'],
  [/dh/g, 'z'],
  [/w/g, 'u'],
];
const VOWELS = /[aeiouy]/;

/** Lower-case, without diacritics or apostrophes, Latin letters and digits kept as they are. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '');
}

/** Folded words of `text` (letters and digits; "1,000" is one word "1000"), article prefixes dropped. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  const normal = foldWord(text).replace(/(\d),(?=\d{3})/g, '$1');
  for (const raw of normal.split(/[^\p{L}\p{N}-]+/u)) {
    for (const part of raw.replace(ARTICLE_PREFIX, '').split('-')) {
      if (part && part !== 'al' && part !== 'el') out.push(part);
    }
  }
  return out;
}

/** The consonant skeleton of a folded word (see the module note); digits are returned unchanged. */
export function nameKey(folded: string): string {
  if (/^\d/.test(folded)) return folded;
  let w = folded.replace(ARTICLE_PREFIX, '');
  for (const [from, to] of MERGES) w = w.replace(from, to);
  const first = w.charAt(0);
  const head = VOWELS.test(first) ? 'a' : first;
  const rest = w.slice(1).replace(/[aeiouy]/g, '');
  return (head + rest).replace(/(.)\1+/g, '$1');
}
