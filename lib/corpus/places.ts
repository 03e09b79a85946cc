/**
 * Places of the Syrian war that tell events apart: a death toll in Khan Sheikhoun and one in Aleppo are two
 * events, whatever else their sentences share. Used by the figure comparison and to split claims.
 */

/** Towns inside a province: a sentence naming the town also names its province ("Khan Sheikhoun" is in Idlib). */
const WITHIN: Readonly<Record<string, string>> = {
  'Khan Sheikhoun': 'Idlib',
  Saraqeb: 'Idlib',
  'Maarat al-Numan': 'Idlib',
  Injara: 'Aleppo',
  Azaz: 'Aleppo',
  'al-Bab': 'Aleppo',
  Manbij: 'Aleppo',
  Douma: 'Damascus',
  Shayrat: 'Homs',
};

/** A dateline ("PARIS (Reuters) –") names where the story was filed, not where the event happened. */
const DATELINE = /^[\p{Lu}][\p{Lu} ().,'-]*\([^)]*\)\s*[–—-]\s*/u;

/** Place names and their spellings, mapped to one canonical name. */
const PLACES: ReadonlyArray<[RegExp, string]> = [
  [/\bKhan Sh(?:e|a)ikh?oun\b/i, 'Khan Sheikhoun'],
  [/\bSaraqeb\b/i, 'Saraqeb'],
  [/\bMaarat al-Numan\b/i, 'Maarat al-Numan'],
  [/\bInjara\b/i, 'Injara'],
  [/\bAzaz\b/i, 'Azaz'],
  [/\bAleppo\b/i, 'Aleppo'],
  [/\bIdlib\b/i, 'Idlib'],
  [/\bDamascus\b|\bGhouta\b/i, 'Damascus'],
  [/\bDouma\b/i, 'Douma'],
  [/\bHoms\b/i, 'Homs'],
  [/\bHama\b/i, 'Hama'],
  [/\bRaqq?a\b/i, 'Raqqa'],
  [/\bDe?raa\b/i, 'Daraa'],
  [/\bPalmyra\b/i, 'Palmyra'],
  [/\bMadaya\b/i, 'Madaya'],
  [/\bLatakia\b/i, 'Latakia'],
  [/\bSinjar\b/i, 'Sinjar'],
  [/\bKobani\b/i, 'Kobani'],
  [/\bal-Bab\b/i, 'al-Bab'],
  [/\bManbij\b/i, 'Manbij'],
  [/\bDeir (?:ez|al)-Zor\b/i, 'Deir ez-Zor'],
  [/\bShayrat\b/i, 'Shayrat'],
  [/\bGaziantep\b/i, 'Gaziantep'],
  [/\bKunduz\b/i, 'Kunduz'],
];

/** Canonical names of the places a text names (towns with their province), without its dateline. */
export function findPlaces(text: string): string[] {
  const body = text.replace(DATELINE, '');
  const found = PLACES.flatMap(([pattern, name]) => (pattern.test(body) ? [name] : []));
  const provinces = found.flatMap((p) => (WITHIN[p] ? [WITHIN[p]] : []));
  return [...new Set([...found, ...provinces])];
}

/** True when both texts name places and share none: they report different events. */
export function differentPlaces(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((p) => b.includes(p));
}
