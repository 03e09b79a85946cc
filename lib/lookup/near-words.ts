/**
 * Typo neighbours of a query word among the vocabulary of the claim index: fuse.js proposes the vocabulary
 * words that hold the query word with few enough edits (Bitap), and a Levenshtein check keeps those within the
 * typo allowance of the whole word. Fuse's score is edits / query length wherever the match sits (location is
 * ignored), so a threshold of the largest allowance ratio proposes every word the allowance accepts; the check
 * then drops what Fuse matches only as part of a longer word ("shelling" holds "shell" with no edit). The basic
 * build of fuse.js is enough (no extended or logical queries) and is a quarter smaller in the bundle.
 */
import Fuse, { type IFuseOptions } from 'fuse.js/basic';
import { levenshtein } from '../annotations/edit-distance';

/** Typos forgiven in a word of this length: none under 4 letters, one up to 7, two beyond. */
export function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Fuse's threshold: the largest edits-per-letter that `typoAllowance` forgives (1 in 4 letters, 2 in 8), so no
 * word within the allowance scores above it. Lower would miss "deth" -> "death"; higher proposes more words for
 * the Levenshtein check to drop, which costs time and changes nothing.
 */
export const FUSE_THRESHOLD = 0.25;

/**
 * Fuse's other options for single folded words. `ignoreLocation`: a typo may sit anywhere in the word, so `distance`
 * and `location` play no part. `minMatchCharLength` stays 1: a word within the allowance always matches whole,
 * and a longer minimum only adds Fuse's match-mask pass. The words are folded already (lower case, no
 * diacritics), so Fuse need not lower-case each of them per search; order and scores are not used.
 */
const FUSE_OPTIONS: IFuseOptions<string> = {
  ignoreLocation: true,
  minMatchCharLength: 1,
  isCaseSensitive: true,
  shouldSort: false,
  includeScore: false,
  ignoreFieldNorm: true,
};

/**
 * Fuse indexes over a vocabulary of folded words, one per word length, built once; they answer "which words are
 * one or two typos off". A word within `allowance` edits differs in length by at most `allowance`, so a query
 * searches only the indexes of those lengths: Fuse scans every record of an index it searches, and one index over
 * the whole vocabulary made each query word about 8x slower than the length-filtered Levenshtein scan it replaced.
 */
export class NearWords {
  private readonly byLength = new Map<number, Fuse<string>>();

  /** `threshold` is for tests that check the default is needed; the lookup uses `FUSE_THRESHOLD`. */
  constructor(words: readonly string[], threshold = FUSE_THRESHOLD) {
    const groups = new Map<number, string[]>();
    for (const w of words) {
      const group = groups.get(w.length);
      if (group) group.push(w);
      else groups.set(w.length, [w]);
    }
    for (const [length, group] of groups) this.byLength.set(length, new Fuse(group, { ...FUSE_OPTIONS, threshold }));
  }

  /** What Fuse proposes for `word` among words whose length is within `allowance` of it (before the Levenshtein check). */
  proposals(word: string, allowance: number): string[] {
    const out: string[] = [];
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      for (const r of this.byLength.get(length)?.search(word) ?? []) out.push(r.item);
    }
    return out;
  }

  /** Vocabulary words other than `word` within `allowance` edits of it (none for an allowance of 0). */
  near(word: string, allowance: number): string[] {
    if (allowance <= 0) return [];
    return this.proposals(word, allowance).filter((w) => w !== word && levenshtein(w, word) <= allowance);
  }
}
