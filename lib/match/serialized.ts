/**
 * The serialized form of a matcher (stored as `Corpus.index` in data/corpus.json): its sentences' packed
 * features and the candidate index's arrays, read back without rebuilding (see `Matcher.load`).
 */
import type { PackedFeatures } from './features';
import { decodeUint16, decodeUint32 } from './base64';
import { CandidateIndex, type PackedPostings } from './candidates';

/** Version of the serialized form; a mismatch makes `Matcher.load` rebuild. */
export const INDEX_VERSION = 4;

/** JSON form of a matcher (stored as `Corpus.index`). */
export interface SerializedMatcher {
  version: number;
  ids: string[];
  vocab: string[];
  features: PackedFeatures[];
  /** The candidate index's arrays (see PackedPostings; term ids index `vocab`), little-endian, base64. */
  postings: { offsets: string; postings: string; lengths: string };
}

/** The candidate index of a serialized matcher, or null when its arrays do not fit `count` sentences. */
export function unpackPostings(vocab: readonly string[], p: SerializedMatcher['postings'], count: number): CandidateIndex | null {
  try {
    const packed: PackedPostings = { offsets: decodeUint32(p.offsets), postings: decodeUint32(p.postings), lengths: decodeUint16(p.lengths) };
    const fits = packed.offsets.length === vocab.length + 1 && packed.lengths.length === count && packed.offsets[vocab.length] === packed.postings.length;
    return fits ? CandidateIndex.fromPacked(vocab, packed) : null;
  } catch {
    return null;
  }
}

