/**
 * What kind of statement a page sentence is, before it is scored: whether it may state a figure, and whether
 * it is a direct question (which states no claim).
 */
import { NUMBER_WORDS } from './lexicon';

/** True when the text has a digit or a number word (so it may state a figure). */
export function mentionsNumber(text: string): boolean {
  return /\d/.test(text) || text.toLowerCase().split(/[^a-z]+/).some((w) => NUMBER_WORDS.has(w));
}

/** A direct question ("Who shot the plane down?") asks and states no claim; a quoted one ("“What is this if
 * not an act of aggression?”", a speaker's rhetorical question) is left to the scorer. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  return t.endsWith('?') && !/^["“'‘«]/u.test(t);
}
