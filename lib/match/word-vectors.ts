/**
 * A small static sentence encoder: one int8 vector per word, distilled from the Universal Sentence Encoder
 * (lite) by `npm run word-vectors` (scripts/build-word-vectors.ts; data/word-vectors.json). A sentence's vector
 * is the normalised sum of its known words' vectors (each word's SIF weight is baked into its vector at build
 * time) minus the corpus's mean sentence vector, so the cosine of two sentences reads what they say beyond
 * "a sentence of Syrian-war news". No model runs: one table lookup per word, one 128-float sum, one cosine.
 * Pure: runs in node, the service worker and tests alike.
 */
import { decodeBase64, decodeFloat32 } from './base64';

/** Version of the table's JSON form; a table of another version is refused (the matcher then has no vectors). */
export const WORD_VECTORS_VERSION = 1;

/** The JSON form of the table (data/word-vectors.json). */
export interface WordVectorTable {
  version: number;
  /** What the vectors were distilled from and how (for people; not read). */
  about: string;
  dims: number;
  /** The vocabulary, one word per line, in row order. */
  words: string;
  /** Row-major int8 vectors (words x dims), base64. */
  vectors: string;
  /** One float32 scale per row (value = int8 * scale), base64. */
  scales: string;
  /** The corpus's mean normalised sentence vector (dims floats), subtracted from every sentence vector. */
  centre: number[];
}

/** Words as the table knows them: lower-cased letters and digits, with an inner apostrophe kept ("assad's"). */
export function vectorWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? [];
}

/** The word vectors, ready to embed sentences. */
export class WordVectors {
  private readonly rows = new Map<string, number>();
  private readonly vectors: Int8Array;
  private readonly scales: Float32Array;
  private readonly centre: Float32Array;
  readonly dims: number;

  private constructor(table: WordVectorTable) {
    this.dims = table.dims;
    table.words.split('\n').forEach((w, i) => this.rows.set(w, i));
    const bytes = decodeBase64(table.vectors);
    this.vectors = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.scales = decodeFloat32(table.scales);
    this.centre = Float32Array.from(table.centre);
    if (this.vectors.length !== this.rows.size * this.dims || this.scales.length !== this.rows.size || this.centre.length !== this.dims) {
      throw new Error('word vectors: the table is malformed (sizes disagree)');
    }
  }

  /** The table's vectors; null when `table` is not a table of {@link WORD_VECTORS_VERSION}. */
  static fromTable(table: unknown): WordVectors | null {
    const t = table as Partial<WordVectorTable> | null;
    if (!t || t.version !== WORD_VECTORS_VERSION || typeof t.words !== 'string' || typeof t.vectors !== 'string' || typeof t.scales !== 'string' || !Array.isArray(t.centre)) return null;
    return new WordVectors(t as WordVectorTable);
  }

  /** Words in the vocabulary. */
  get size(): number {
    return this.rows.size;
  }

  /** The sentence's unit vector (centred, then normalised); null when it has no known word. */
  embed(text: string): Float32Array | null {
    const d = this.dims;
    const sum = new Float32Array(d);
    let known = 0;
    for (const w of vectorWords(text)) {
      const r = this.rows.get(w);
      if (r === undefined) continue;
      known++;
      const s = this.scales[r]!;
      const off = r * d;
      for (let k = 0; k < d; k++) sum[k]! += this.vectors[off + k]! * s;
    }
    if (known === 0) return null;
    let n = 0;
    for (let k = 0; k < d; k++) n += sum[k]! * sum[k]!;
    n = Math.sqrt(n) || 1;
    let m = 0;
    for (let k = 0; k < d; k++) {
      sum[k] = sum[k]! / n - this.centre[k]!;
      m += sum[k]! * sum[k]!;
    }
    m = Math.sqrt(m) || 1;
    for (let k = 0; k < d; k++) sum[k] = sum[k]! / m;
    return sum;
  }
}

/** Cosine of two vectors from {@link WordVectors.embed} (both unit length). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}
