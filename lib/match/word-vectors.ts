/**
 * A small static sentence encoder: one int8 vector per word, distilled from the Universal Sentence Encoder
 * (lite) by `npm run word-vectors` (scripts/build-word-vectors.ts; data/word-vectors.json). A sentence's vector
 * is the normalised sum of its known words' vectors (each word's SIF weight is baked into its vector at build
 * time) minus the corpus's mean sentence vector, so the cosine of two sentences reads what they say beyond
 * "a sentence of Syrian-war news". No model runs: one table lookup per word, one 128-float sum, one cosine.
 * Pure: runs in node, the service worker and tests alike.
 */
import { decodeBase64, decodeFloat32, littleEndian } from './base64';

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

  private constructor(dims: number, words: string, vectors: Int8Array, scales: Float32Array, centre: Float32Array) {
    this.dims = dims;
    words.split('\n').forEach((w, i) => this.rows.set(w, i));
    this.vectors = vectors;
    this.scales = scales;
    this.centre = centre;
    if (this.vectors.length !== this.rows.size * this.dims || this.scales.length !== this.rows.size || this.centre.length !== this.dims) {
      throw new Error('word vectors: the table is malformed (sizes disagree)');
    }
  }

  /** The table's vectors; null when `table` is not a table of {@link WORD_VECTORS_VERSION}. */
  static fromTable(table: unknown): WordVectors | null {
    const t = table as Partial<WordVectorTable> | null;
    if (!t || t.version !== WORD_VECTORS_VERSION || typeof t.words !== 'string' || typeof t.vectors !== 'string' || typeof t.scales !== 'string' || !Array.isArray(t.centre)) return null;
    const bytes = decodeBase64(t.vectors);
    return new WordVectors(t.dims ?? 0, t.words, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), decodeFloat32(t.scales), Float32Array.from(t.centre));
  }

  /**
   * The vectors from their packed form ({@link packWordVectors}): the arrays are views on `buffer`, nothing is
   * decoded. Null when `buffer` is not a packed table of {@link WORD_VECTORS_VERSION}.
   */
  static fromPacked(buffer: ArrayBuffer): WordVectors | null {
    if (buffer.byteLength < 8 || !littleEndian) return null;
    const head = new DataView(buffer);
    if (head.getUint32(0, true) !== PACKED_MAGIC) return null;
    const headerBytes = head.getUint32(4, true);
    if (8 + headerBytes > buffer.byteLength) return null;
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerBytes))) as Partial<PackedHeader>;
    if (header.version !== WORD_VECTORS_VERSION || typeof header.words !== 'string' || typeof header.rows !== 'number' || typeof header.dims !== 'number') return null;
    const { rows, dims } = header;
    const arrays = align4(8 + headerBytes);
    if (arrays + 4 * (dims + rows) + rows * dims !== buffer.byteLength) return null;
    const centre = new Float32Array(buffer, arrays, dims);
    const scales = new Float32Array(buffer, arrays + 4 * dims, rows);
    const vectors = new Int8Array(buffer, arrays + 4 * (dims + rows), rows * dims);
    return new WordVectors(dims, header.words, vectors, scales, centre);
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

/** First four bytes of the packed form ("CCWV", little-endian). */
const PACKED_MAGIC = 0x56574343;

/** The packed form's JSON header. */
interface PackedHeader {
  version: number;
  rows: number;
  dims: number;
  words: string;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The table in the packed form the extension ships (built from data/word-vectors.json at build time): the magic
 * number and the header's length (two little-endian uint32), the header as JSON (version, rows, dims, the
 * vocabulary), zero padding to a multiple of 4, then the centre and the row scales (float32, little-endian) and
 * the int8 vectors, row-major. {@link WordVectors.fromPacked} reads it as views, without decoding base64 (on
 * the first page after the service worker starts, that decoding ran on an engine that had compiled nothing).
 */
export function packWordVectors(table: WordVectorTable): Uint8Array {
  const vectors = decodeBase64(table.vectors);
  const scales = decodeFloat32(table.scales);
  const rows = scales.length;
  const header = new TextEncoder().encode(JSON.stringify({ version: table.version, rows, dims: table.dims, words: table.words } satisfies PackedHeader));
  const arrays = align4(8 + header.length);
  const out = new Uint8Array(arrays + 4 * (table.dims + rows) + vectors.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, PACKED_MAGIC, true);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  for (let k = 0; k < table.dims; k++) view.setFloat32(arrays + 4 * k, table.centre[k]!, true);
  for (let r = 0; r < rows; r++) view.setFloat32(arrays + 4 * (table.dims + r), scales[r]!, true);
  out.set(vectors, arrays + 4 * (table.dims + rows));
  return out;
}

/** Cosine of two vectors from {@link WordVectors.embed} (both unit length). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}
