/**
 * Event frames of content words: "killed", "died", "toll" and "casualties" are one frame (KILL); "shelled",
 * "pounded", "bombarded" another (ATTACK). The word -> frame table (data/frames.json) is built from WordNet
 * and a curated seed list by `npm run frames` (scripts/build-frames.ts); two outlets that state one claim in
 * other words usually still share its frames.
 */
import FRAMES from '../../data/frames.json';

const TABLE: Readonly<Record<string, string>> = FRAMES;

/** Base forms tried for an inflected word: itself, then without -s/-es/-ed/-d/-ing (and a doubled consonant). */
function baseForms(w: string): string[] {
  const out = [w];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  return out;
}

/** The frame of one lower-case word, if any. */
export function frameOf(word: string): string | undefined {
  for (const b of baseForms(word)) {
    const f = Object.prototype.hasOwnProperty.call(TABLE, b) ? TABLE[b] : undefined;
    if (f) return f;
  }
  return undefined;
}

/** The frames a text evokes. */
export function framesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[a-z]+/g)) {
    const f = frameOf(m[0]);
    if (f) out.add(f);
  }
  return out;
}
