/**
 * Sentence-level outlet attribution. A sentence is credited to its article's outlet; when the article has none,
 * to an outlet the sentence itself names as the source of what it reports ("Sana reported", "told Reuters",
 * "according to the Guardian", "TASS news agency quoted", a closing ": TASS"). An outlet merely mentioned is
 * not a source, and nothing is guessed.
 */
import type { Sentence } from './types';
import { OUTLET_NAME_PATTERN, outletByName } from './outlets';

const NAME = `(${OUTLET_NAME_PATTERN})`;
/** Verbs and phrases by which a sentence reports what an outlet said or was told. */
const SOURCE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:told|according to|reported by|quoted by|said to|in an interview with|speaking to)\\s+(?:the\\s+)?${NAME}(?![\\w-])`),
  new RegExp(`(?<![\\w@/.-])${NAME}(?:\\s+news agency|\\s+agency|\\s+television|\\s+TV)?\\s+(?:reported|reports|quoted|cited|said|says|has learned|learned)\\b`),
  new RegExp(`[:–—-]\\s*${NAME}\\s*[.”"]?\\s*$`),
];

/** The outlet a sentence names as its source, or null. */
export function outletNamedAsSource(text: string): string | null {
  for (const pattern of SOURCE_PATTERNS) {
    const name = pattern.exec(text)?.[1];
    const entry = name ? outletByName(name) : null;
    if (entry) return entry.name;
  }
  return null;
}

/** The outlet and its basis for one sentence of an article credited to `articleOutlet` (or to none). */
export function sentenceOutlet(
  articleOutlet: string | null,
  text: string,
): Pick<Sentence, 'outlet' | 'outletBasis'> {
  if (articleOutlet) return { outlet: articleOutlet, outletBasis: 'article_credit' };
  const named = outletNamedAsSource(text);
  return named ? { outlet: named, outletBasis: 'sentence_attribution' } : { outlet: null, outletBasis: null };
}
