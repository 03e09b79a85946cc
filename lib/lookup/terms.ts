/**
 * The terms a lookup indexes and queries: for every word, its folded stem (`w:`), its transliteration skeleton
 * (`k:`, see ./fold.ts), a number as itself (`n:`), and for the words a reader uses to ask for a figure
 * ("died", "death toll", "fled") the figure concept it stands for (`c:`), so a paraphrase finds the sentence
 * that says "killed".
 */
import { foldedWords, nameKey } from './fold';

/** Words that carry no search meaning; dropped from queries and from the index. */
const STOPWORDS = new Set(
  'a an and are as at be been by for from had has have he her his in into is it its of on or over said says say she that the their them they this to was were which who will with after about than more not'.split(
    ' ',
  ),
);

/**
 * Words a reader may use for a figure's `what`, by concept. Small on purpose: only the quantities the corpus
 * counts most (its figure lexicon says "killed", "injured", "displaced", ...).
 */
const CONCEPTS: Readonly<Record<string, string>> = {
  kill: 'killed', killed: 'killed', died: 'killed', dead: 'killed', death: 'killed', toll: 'killed', fatalitie: 'killed', casualtie: 'killed', life: 'killed', live: 'killed',
  injur: 'injured', injured: 'injured', wound: 'injured', wounded: 'injured', hurt: 'injured',
  fled: 'displaced', flee: 'displaced', displac: 'displaced', displaced: 'displaced', refugee: 'displaced', homeles: 'displaced',
  strike: 'strike', airstrike: 'strike', raid: 'strike', bomb: 'strike', bombing: 'strike', sortie: 'strike',
};

/** The figure concept a folded, stemmed word names ("died" -> "killed"), if any. */
export function conceptOf(word: string): string | undefined {
  return Object.hasOwn(CONCEPTS, word) ? CONCEPTS[word] : undefined;
}

/** A light English stem: plural and past/gerund endings off long words, so "deaths" and "death" meet. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** One word of a text, with the keys it is indexed or looked up by. */
export interface WordTerms {
  /** Folded stem: the exact key. */
  word: string;
  /** Transliteration skeleton, or the number. */
  key: string;
  /** Figure concept the word names, if any. */
  concept?: string;
  numeric: boolean;
}

/** The words of `text` worth indexing or searching for, in order, with their keys. */
export function wordTerms(text: string): WordTerms[] {
  const out: WordTerms[] = [];
  for (const w of foldedWords(text)) {
    if (STOPWORDS.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    const s = stem(w);
    const numeric = /^\d/.test(s);
    const concept = conceptOf(s) ?? conceptOf(w);
    out.push({ word: s, key: numeric ? s : nameKey(s), numeric, ...(concept ? { concept } : {}) });
  }
  return out;
}
