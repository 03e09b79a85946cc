/**
 * Places of the Syrian war that tell events apart: a death toll in Khan Sheikhoun and one in Aleppo are two
 * events, whatever else their sentences share. Used by the figure comparison and to split claims.
 */

/** Place names and their spellings, mapped to one canonical name. */
const PLACES: ReadonlyArray<[RegExp, string]> = [
  [/\bKhan Sh(?:e|a)ikh?oun\b/i, 'Khan Sheikhoun'],
  [/\bAleppo\b/i, 'Aleppo'],
  [/\bIdlib\b/i, 'Idlib'],
  [/\bDamascus\b|\bGhouta\b|\bDouma\b/i, 'Damascus'],
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
  [/\bParis\b/i, 'Paris'],
  [/\bKunduz\b/i, 'Kunduz'],
];

/** Canonical names of the places a text names, in list order. */
export function findPlaces(text: string): string[] {
  return PLACES.flatMap(([pattern, name]) => (pattern.test(text) ? [name] : []));
}

/** True when both texts name places and share none: they report different events. */
export function differentPlaces(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((p) => b.includes(p));
}
