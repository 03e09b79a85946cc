/**
 * Article boundaries in run-together text: pages whose articles follow each other one paragraph per line, with
 * no headline, blank line or credit between them. A boundary is a topic change, found TextTiling-style: the
 * content words of the paragraphs before a gap are compared with those after it, and a deep dip in similarity
 * is a candidate. A paragraph that reads like a news lede (present perfect or "says" in its first clause, no
 * pronoun or connective at its start) makes its gap a stronger candidate; one that continues ("He said", "However")
 * makes it weaker.
 */
import { stemmer } from 'stemmer';

/** A dateline at the start of a paragraph, with or without an outlet: "PARIS (Reuters) –", "MOSCOW—". */
export const DATELINE_START = /^\p{Lu}{3,}[\p{Lu}\s.,'’-]*(?:\([^)]{2,40}\)\s*)*[–—-]/u;

/** Paragraphs on each side of a gap that are compared. Wider is steadier but blurs short articles. */
const WINDOW = 3;
/** Fewest paragraphs in an article; shorter stretches are merged into a neighbour. */
const MIN_ARTICLE = 6;
/** Weight of the lede cue, in units of similarity depth (0..2). */
const LEDE_BONUS = 0.5;
/** Penalty for a paragraph that continues the previous one. */
const CONTINUATION_PENALTY = 0.3;
/** A gap is a boundary when its score exceeds mean + CUTOFF_SD standard deviations of all gap scores. */
const CUTOFF_SD = 0.5;
/** A chosen boundary may move this many paragraphs to the best lede nearby (dips are blurred by the window). */
const SNAP = 2;

const STOP_WORDS = new Set(
  (
    'the and that with for from this have has had was were are been being its his her their they them there ' +
    'which who whom what when where while will would could should said says say also than then into over after ' +
    'about against between during before under since more most other some such only very just not but all any ' +
    'one two three four five six seven eight nine ten first last year years day days week month months time ' +
    'people new can may might did does our out off per upon yet how because until'
  ).split(' '),
);
const LEDE = /\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|un|ft|ld|ght|de|id|ot|on)\b|\b(?:is|are)\s+(?:\w+ing|to\s+\w+)\b|\b(?:says?|will)\b/;
const CONTINUATION = /^(?:he|she|it|they|this|that|these|those|but|and|however|meanwhile|also|later|earlier|separately|then|so|yet|still|in addition|the (?:group|ministry|statement|official|president|leader)|[“"‘])/i;

type Vector = Map<string, number>;

function terms(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .map((w) => w.replace(/[’']s$/, ''))
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .map((w) => stemmer(w));
}

function weigh(paragraphs: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const words of paragraphs) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  return paragraphs.map((words) => {
    const v: Vector = new Map();
    for (const w of words) v.set(w, (v.get(w) ?? 0) + Math.log((paragraphs.length + 1) / (df.get(w) ?? 1)));
    return v;
  });
}

function sum(vectors: Vector[]): Vector {
  const out: Vector = new Map();
  for (const v of vectors) for (const [w, x] of v) out.set(w, (out.get(w) ?? 0) + x);
  return out;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [w, x] of a) dot += x * (b.get(w) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot / d;
}

/** Similarity dips: for each gap before paragraph g (1..n-1), how far the similarity falls below its peaks. */
function depths(similarity: number[]): number[] {
  return similarity.map((s, g) => {
    let left = s;
    for (let i = g - 1; i >= 0 && (similarity[i] ?? 0) >= left; i -= 1) left = similarity[i] ?? left;
    let right = s;
    for (let i = g + 1; i < similarity.length && (similarity[i] ?? 0) >= right; i += 1) right = similarity[i] ?? right;
    return left - s + (right - s);
  });
}

function cue(text: string): number {
  const firstClause = text.split(/[,;:]|\.\s/)[0] ?? text;
  if (CONTINUATION.test(text)) return -CONTINUATION_PENALTY;
  return LEDE.test(firstClause) || DATELINE_START.test(text) ? LEDE_BONUS : 0;
}

/**
 * Splits run-together paragraphs into articles. Returns the indexes (into `paragraphs`) where articles start,
 * always including 0.
 */
export function topicBoundaries(paragraphs: string[]): number[] {
  const n = paragraphs.length;
  if (n < 2 * MIN_ARTICLE) return [0];
  const vectors = weigh(paragraphs.map(terms));
  const similarity: number[] = [];
  for (let g = 1; g < n; g += 1) {
    similarity.push(cosine(sum(vectors.slice(Math.max(0, g - WINDOW), g)), sum(vectors.slice(g, g + WINDOW))));
  }
  const scores = depths(similarity).map((d, i) => d + cue(paragraphs[i + 1] ?? ''));
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
  const ranked = scores
    .map((score, i) => ({ start: i + 1, score }))
    .filter((c) => c.score > mean + CUTOFF_SD * sd)
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const snap = (start: number): number => {
    let best = start;
    for (let p = Math.max(1, start - SNAP); p <= Math.min(n - 1, start + SNAP); p += 1) {
      if ((scores[p - 1] ?? 0) + cue(paragraphs[p] ?? '') > (scores[best - 1] ?? 0) + cue(paragraphs[best] ?? '')) best = p;
    }
    return best;
  };
  const starts = [0];
  for (const { start: raw } of ranked) {
    const start = snap(raw);
    if (start < MIN_ARTICLE || n - start < MIN_ARTICLE) continue;
    if (starts.every((s) => Math.abs(s - start) >= MIN_ARTICLE)) starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}
