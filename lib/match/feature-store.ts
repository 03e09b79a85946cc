/**
 * The matcher's per-sentence features, decoded when first needed: a loaded index keeps each sentence's packed
 * form and turns it into sets and maps only when the sentence becomes a candidate (or its article a context),
 * so loading the index costs no work per sentence.
 */
import type { Figure } from '../corpus/types';
import { unpackFeatures, type PackedFeatures, type SentenceFeatures } from './features';

const EMPTY: ReadonlySet<string> = new Set();

/** Features by sentence position: computed ones as they are added, packed ones decoded on first access. */
export class FeatureStore {
  private readonly features: Array<SentenceFeatures | undefined> = [];
  private readonly packed: Array<PackedFeatures | undefined> = [];
  private readonly figures: Array<readonly Figure[]> = [];
  private vocab: readonly string[] = [];

  /** Packed features of the first sentences (decoded against `vocab`, with each sentence's figures). */
  pushPacked(packed: readonly PackedFeatures[], vocab: readonly string[], figures: ReadonlyArray<readonly Figure[]>): void {
    if (this.features.length > 0) throw new Error('FeatureStore.pushPacked: packed features come first, in one batch');
    this.vocab = vocab;
    packed.forEach((p, i) => {
      this.packed[this.features.length] = p;
      this.figures[this.features.length] = figures[i] ?? [];
      this.features.push(undefined);
    });
  }

  /** Computed features of the next sentence. */
  push(f: SentenceFeatures): void {
    this.features.push(f);
  }

  /** Features of sentence `i`, or undefined past the end. */
  get(i: number): SentenceFeatures | undefined {
    const f = this.features[i];
    if (f !== undefined) return f;
    const p = this.packed[i];
    if (p === undefined) return undefined;
    const decoded = unpackFeatures(p, this.vocab, this.figures[i]!);
    this.features[i] = decoded;
    this.packed[i] = undefined;
    return decoded;
  }

  /**
   * The distinct terms of sentence `i` (empty past the end), without decoding the rest of a packed sentence's
   * features: article contexts need only terms, and the first page read after a load builds the contexts of
   * articles holding nearly every corpus sentence (measured: 1,027 of 1,049 sentences, reached through article
   * contexts first), most of which never become candidates.
   */
  terms(i: number): ReadonlySet<string> {
    const f = this.features[i];
    if (f !== undefined) return f.terms;
    const p = this.packed[i];
    if (p === undefined) return EMPTY;
    const terms = new Set<string>();
    for (const t of p.t) terms.add(this.vocab[t] ?? '');
    return terms;
  }

  /** Number of sentences. */
  get length(): number {
    return this.features.length;
  }
}
