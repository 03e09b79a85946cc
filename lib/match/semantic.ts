/**
 * The distilled sentence encoder inside the score (word-vectors.ts): a pair the lexical score scores loses
 * some of its score when the two sentences' vectors are far apart. Corpus sentences' vectors are made lazily.
 */
import type { Sentence } from '../corpus/types';
import { FITTED } from './model';
import { cosine, type WordVectors } from './word-vectors';

/** How much a low cosine in the distilled sentence encoder (word-vectors.ts) lowers a scored pair:
 * `weight * max(0, SEMANTIC_FLOOR - cosine)`, the weight fitted by `npm run fit` (data/match-model.json
 * `semantic`). A penalty only: pairs the encoder finds close keep their lexical score (a bonus for them lifted
 * page recall as much but linked same-template corpus sentences, "... killed 96 people, including 21 children" /
 * "... killed ... including 19 children", failing the dev-eval precision bar). Only a pair the lexical score
 * already scores is moved; a matcher without word vectors scores as before. */
export const SEMANTIC_WEIGHT: number = (FITTED as unknown as { semantic?: { weight: number } }).semantic?.weight ?? 0;
/** The cosine under which the penalty starts: over a page sentence's candidates, right pairs have a median
 * cosine of about 0.6 (quartiles 0.44-0.74) and wrong ones about 0.18 (95th percentile 0.55). */
export const SEMANTIC_FLOOR = 0.45;

/** The semantic penalty of one matcher: its word vectors, its weight, and its sentences' vectors by position. */
export class SemanticPenalty {
  private readonly vectors: Array<Float32Array | null | undefined> = [];

  constructor(
    private readonly words: WordVectors,
    private readonly weight: number,
    private readonly sentences: readonly Sentence[],
  ) {}

  /** The vector of a query text (null when it has no known word). */
  embed(text: string): Float32Array | null {
    return this.words.embed(text);
  }

  /** The score change of the query vector `qv` and sentence `i`: 0 or less (0 without a vector). */
  term(qv: Float32Array | null, i: number): number {
    if (!qv) return 0;
    let c = this.vectors[i];
    if (c === undefined) c = this.vectors[i] = this.words.embed(this.sentences[i]?.text ?? '');
    return c ? -this.weight * Math.max(0, SEMANTIC_FLOOR - cosine(qv, c)) : 0;
  }
}
