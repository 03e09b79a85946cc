/**
 * Names spelt the corpus's way: a capitalised query word that no indexed sentence holds ("Sheikhun",
 * "Talbisah") is read as the indexed term with the same transliteration key ("sheikhoun", "talbiseh"; see
 * names.ts), so that a variant spelling counts as the same name.
 */
import type { CandidateIndex } from './candidates';
import type { SentenceFeatures } from './features';
import { MIN_NAME_LENGTH, nameKey } from './names';

/** Shortest transliteration key used to fold an unknown name onto an indexed one ("hm" is Hama and Hmeimim). */
export const MIN_ALIAS_KEY = 3;

/** Transliteration key -> the indexed term of that key held by most sentences (ties: the first in order). */
export function nameAliases(index: CandidateIndex): Map<string, string> {
  const best = new Map<string, [string, number]>();
  for (const t of index.terms()) {
    if (t.length < MIN_NAME_LENGTH || !/^[a-z]+$/.test(t)) continue;
    const key = nameKey(t);
    if (key.length < MIN_ALIAS_KEY) continue;
    const df = index.df(t);
    const cur = best.get(key);
    if (!cur || df > cur[1] || (df === cur[1] && t < cur[0])) best.set(key, [t, df]);
  }
  return new Map([...best].map(([k, [t]]) => [k, t]));
}

/**
 * The query `q` with its unknown names spelt the corpus's way: a name term no indexed sentence holds becomes
 * the indexed term with the same key (`aliases`, from {@link nameAliases}, asked for only when needed).
 */
export function foldNames(q: SentenceFeatures, index: CandidateIndex, aliases: () => ReadonlyMap<string, string>): SentenceFeatures {
  const rename = new Map<string, string>();
  for (const t of q.terms) {
    // Names: entity terms, and capitalised words where capitals mark no name (first word, headlines).
    if (!q.entities.has(t) && !/^\p{Lu}/u.test(q.surface.get(t) ?? '')) continue;
    if (t.length < MIN_NAME_LENGTH || index.df(t) > 0 || !/^[a-z]+$/.test(t)) continue;
    const alias = aliases().get(nameKey(t)) ?? aliases().get(nameKey(q.surface.get(t) ?? t));
    if (alias) rename.set(t, alias);
  }
  if (rename.size === 0) return q;
  const r = (t: string): string => rename.get(t) ?? t;
  const surface = new Map<string, string>();
  for (const [t, form] of q.surface) surface.set(r(t), form);
  return {
    ...q,
    terms: new Set([...q.terms].map(r)),
    bigrams: new Set([...q.bigrams].map((g) => g.split(' ').map(r).join(' '))),
    entities: new Set([...q.entities].map(r)),
    attribution: new Set([...q.attribution].map(r)),
    surface,
  };
}
