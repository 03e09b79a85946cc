/**
 * The lookup's ranking: one document per claim (the text of all its mentions, their outlets and claimants and
 * what their figures count), scored with BM25 over the keys of ./terms.ts. Each query word counts once, by its
 * best key: the exact folded word, then a word one or two typos away, then the transliteration skeleton, then
 * the figure concept. Rare words weigh more by BM25's idf; names and numbers get a further boost, since a reader
 * looking for a claim remembers who, where and how many.
 */
import { levenshtein } from '../annotations/edit-distance';
import { type WordTerms, conceptOf, wordTerms } from './terms';

/** Weight of a query word matched exactly (after folding and stemming): the reference. */
const EXACT_WEIGHT = 1;
/** Weight of a vocabulary word within the typo allowance: a typo is likelier than a different word, but not sure. */
const TYPO_WEIGHT = 0.8;
/** Weight of a skeleton match ("shekhoun" ~ "sheikhoun"): coarser than a typo, so a little lower. */
const SKELETON_WEIGHT = 0.7;
/** Weight of a concept match in the text ("died" ~ "killed"): paraphrase, lowest. */
const CONCEPT_WEIGHT = 0.6;
/**
 * Weight of a concept word matching what the claim's figures count ("death toll" ~ a figure of killed): the
 * reader asks for a number and this claim states one, as strong as an exact word.
 */
const FIGURE_WEIGHT = 1;
/** Boost of words the corpus writes capitalised mid-sentence (names of people, places, groups, outlets). */
export const NAME_BOOST = 1.5;
/** Boost of numbers: "58" or "400,000" pins a claim down better than any word. */
export const NUMBER_BOOST = 1.5;
/** Skeletons shorter than this ("tl", "dd") match too many unrelated words to count. */
const MIN_SKELETON = 3;
/** BM25 term-frequency saturation and length normalisation (the usual values; claims differ little in length). */
const K1 = 1.2;
const B = 0.5;

/** The text a claim is indexed by. */
export interface ClaimDocument {
  texts: string[];
  /** Outlets and claimants: indexed like text. */
  extra: string[];
  /** What the claim's figures count ("killed", "displaced"), matched by the concept of a query word. */
  figures: string[];
}

type Postings = Map<string, Map<number, number>>;

/** Typos forgiven in a word of this length: none under 4 letters, one up to 7, two beyond. */
function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** A BM25 index over claims, searched with the typo-, transliteration- and paraphrase-tolerant keys above. */
export class ClaimIndex {
  private readonly postings: Postings = new Map();
  private readonly lengths: number[] = [];
  private readonly words: string[] = [];
  private readonly names = new Set<string>();
  private readonly avgLength: number;

  constructor(docs: readonly ClaimDocument[]) {
    docs.forEach((doc, i) => {
      let length = 0;
      for (const text of [...doc.texts, ...doc.extra]) {
        for (const t of wordTerms(text)) {
          length++;
          for (const key of this.keysOf(t)) this.add(key, i);
        }
        this.noteNames(text);
      }
      for (const what of doc.figures) this.add(`f:${what}`, i);
      this.lengths.push(length);
    });
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
    for (const key of this.postings.keys()) if (key.startsWith('w:')) this.words.push(key.slice(2));
  }

  /** Claim positions with a score above zero, best first. */
  search(query: string): Array<{ doc: number; score: number }> {
    const scores = new Map<number, number>();
    for (const q of wordTerms(query)) {
      const best = new Map<number, number>();
      for (const [key, weight] of this.variants(q)) {
        const boost = q.numeric ? NUMBER_BOOST : this.names.has(key.slice(2)) ? NAME_BOOST : 1;
        this.scoreKey(key, weight * boost, best);
      }
      for (const [doc, s] of best) scores.set(doc, (scores.get(doc) ?? 0) + s);
    }
    return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private keysOf(t: WordTerms): string[] {
    const keys = [`w:${t.word}`];
    if (!t.numeric && t.key.length >= MIN_SKELETON) keys.push(`k:${t.key}`);
    if (t.concept) keys.push(`c:${t.concept}`);
    return keys;
  }

  private add(key: string, doc: number): void {
    let list = this.postings.get(key);
    if (!list) this.postings.set(key, (list = new Map()));
    list.set(doc, (list.get(doc) ?? 0) + 1);
  }

  /** Remembers words written capitalised after the first word of a sentence: names. */
  private noteNames(text: string): void {
    const words = text.split(/\s+/).slice(1);
    for (const w of words) if (/^\p{Lu}\p{Ll}/u.test(w)) for (const t of wordTerms(w)) this.names.add(t.word);
  }

  /** The keys a query word may match, with their weights. */
  private variants(q: WordTerms): Array<[string, number]> {
    const out: Array<[string, number]> = [[`w:${q.word}`, EXACT_WEIGHT]];
    const allowance = q.numeric ? 0 : typoAllowance(q.word.length);
    if (allowance > 0) {
      for (const w of this.words) {
        if (w !== q.word && Math.abs(w.length - q.word.length) <= allowance && levenshtein(w, q.word) <= allowance) {
          out.push([`w:${w}`, TYPO_WEIGHT]);
          const concept = conceptOf(w);
          if (concept && !q.concept) out.push([`c:${concept}`, CONCEPT_WEIGHT * TYPO_WEIGHT], [`f:${concept}`, FIGURE_WEIGHT * TYPO_WEIGHT]);
        }
      }
    }
    if (!q.numeric && q.key.length >= MIN_SKELETON) out.push([`k:${q.key}`, SKELETON_WEIGHT]);
    if (q.concept) out.push([`c:${q.concept}`, CONCEPT_WEIGHT], [`f:${q.concept}`, FIGURE_WEIGHT]);
    return out;
  }

  /** Adds `key`'s BM25 contribution times `weight` to `best`, keeping each claim's best key for this query word. */
  private scoreKey(key: string, weight: number, best: Map<number, number>): void {
    const list = this.postings.get(key);
    if (!list) return;
    const n = this.lengths.length;
    const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
    for (const [doc, tf] of list) {
      const norm = 1 - B + (B * (this.lengths[doc] ?? 0)) / this.avgLength;
      const s = weight * idf * ((tf * (K1 + 1)) / (tf + K1 * norm));
      if (s > (best.get(doc) ?? 0)) best.set(doc, s);
    }
  }
}
