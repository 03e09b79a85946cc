/**
 * Different words that say one thing: a name spelt another way ("Shaykhun" / "Sheikhoun", by transliteration
 * key, names.ts) or two words of one event frame ("killed" / "died", frames.ts). The scorer counts such pairs as
 * shared terms at EQUIVALENT_WEIGHT and compares the two sentences' frames. Keys and frames are cached: per
 * corpus sentence in WeakMaps, per query in a one-entry memo.
 */
import type { SentenceFeatures } from './features';
import { frameOf } from './frames';
import { MIN_NAME_LENGTH, nameKey } from './names';

/** Weight of two different terms that say one thing (a name spelt another way, "Shaykhun" / "Sheikhoun", when
 * both spellings are indexed; two words of one event frame, "killed" / "died", see frames.ts), relative to the
 * lighter of the two terms. Below 1: a paraphrase is weaker evidence than the same word. Measured on the
 * other-outlets pages with FRAME_CONFLICT_PENALTY (docs/matching-log.md): 0.5-0.75 lift recall, 1 costs
 * precision. */
export const EQUIVALENT_WEIGHT = 0.75;
/** Shortest transliteration key that makes two names equivalent (as MIN_ALIAS_KEY in name-aliases.ts: "hm" is Hama and Hmeimim). */
const MIN_EQUIVALENT_NAME_KEY = 3;
/** Most terms whose equivalence keys are cached (page vocabularies repeat). */
const KEY_CACHE_SIZE = 50_000;

/** Frames whose words are not interchangeable: FIGHT holds an action and its outcome ("launched an offensive",
 * "battle" / "seized back", "retook"), so two of its words are another step of a story as often as one claim. */
const UNEQUAL_FRAMES: ReadonlySet<string> = new Set(['FIGHT']);

const keyCache = new Map<string, readonly string[]>();
/** Equivalence keys of a term, read from its surface form: its transliteration key when it is a name, else
 * its event frame. */
function equivalenceKeys(t: string, f: SentenceFeatures): readonly string[] {
  const word = (f.surface.get(t) ?? t).toLowerCase();
  const entity = f.entities.has(t);
  const cacheKey = `${entity ? 'n' : 'w'}${word}`;
  let keys = keyCache.get(cacheKey);
  if (keys) return keys;
  const out: string[] = [];
  if (entity) {
    const key = /^[a-z]+$/.test(word) && word.length >= MIN_NAME_LENGTH ? nameKey(word) : '';
    if (key.length >= MIN_EQUIVALENT_NAME_KEY) out.push(`n:${key}`);
  } else {
    const frame = cachedFrame(word);
    if (frame && !UNEQUAL_FRAMES.has(frame)) out.push(`f:${frame}`);
  }
  keys = out;
  if (keyCache.size < KEY_CACHE_SIZE) keyCache.set(cacheKey, keys);
  return keys;
}

/** A sentence's terms that have equivalence keys, as [term, key] in term order (cached per features object:
 * corpus sentences are scored against many queries; see {@link QueryMemo} for the query side). */
const keyedCache = new WeakMap<SentenceFeatures, ReadonlyArray<readonly [string, string]>>();
function keyedTerms(f: SentenceFeatures, memo?: QueryMemo<ReadonlyArray<readonly [string, string]>>): ReadonlyArray<readonly [string, string]> {
  let out = memo ? memo.get(f) : keyedCache.get(f);
  if (out) return out;
  const list: Array<readonly [string, string]> = [];
  for (const t of f.terms) for (const k of equivalenceKeys(t, f)) list.push([t, k]);
  out = list;
  if (memo) memo.set(f, out);
  else keyedCache.set(f, out);
  return out;
}

/**
 * What is derived from the query of a pair, kept for its last query only: a query is scored against its
 * candidates one after the other, and a WeakMap entry per query (per page sentence) would be garbage that only a
 * full collection clears, growing the heap the minor collections scan (the corpus side stays in WeakMaps: its
 * sentences are scored against many queries).
 */
export class QueryMemo<T> {
  private key: SentenceFeatures | undefined;
  private value: T | undefined;
  get(f: SentenceFeatures): T | undefined {
    return f === this.key ? this.value : undefined;
  }
  set(f: SentenceFeatures, value: T): void {
    this.key = f;
    this.value = value;
  }
}
const queryKeyed = new QueryMemo<ReadonlyArray<readonly [string, string]>>();
/** The frames of the query being scored (see {@link framesOfFeatures}). */
export const queryFrames = new QueryMemo<ReadonlySet<string>>();

/** Pairs [query term, candidate term] of different terms that say one thing (see EQUIVALENT_WEIGHT), among
 * the terms the two sentences do not share; each term is used once. Runs once per candidate: the keyed lists are
 * a few terms long, so they are scanned rather than indexed in a map built per pair. */
export function equivalents(q: SentenceFeatures, c: SentenceFeatures): Array<[string, string]> {
  const qk = keyedTerms(q, queryKeyed);
  if (qk.length === 0) return [];
  const ck = keyedTerms(c);
  const out: Array<[string, string]> = [];
  if (ck.length === 0) return out;
  let used: string[] | undefined;
  for (let i = 0; i < qk.length; i++) {
    const [t, k] = qk[i]!;
    if (c.terms.has(t)) continue;
    // The candidate's first term of that key that the query lacks.
    let other: string | undefined;
    for (let j = 0; j < ck.length; j++) {
      const u = ck[j]![0];
      if (ck[j]![1] === k && !q.terms.has(u)) {
        other = u;
        break;
      }
    }
    if (other === undefined || (used !== undefined && used.includes(other))) continue;
    (used ??= []).push(other);
    out.push([t, other]);
  }
  return out;
}

const frameCache = new Map<string, string | null>();
/** frameOf, memoised per word (every query reads the frames of its words). */
function cachedFrame(word: string): string | undefined {
  let frame = frameCache.get(word);
  if (frame === undefined) {
    frame = frameOf(word) ?? null;
    if (frameCache.size < KEY_CACHE_SIZE) frameCache.set(word, frame);
  }
  return frame ?? undefined;
}

const framesCache = new WeakMap<SentenceFeatures, ReadonlySet<string>>();
/** Event frames of a sentence's content words (frames.ts; names excluded), cached per features object (a
 * query's in `memo`, see {@link QueryMemo}). */
export function framesOfFeatures(f: SentenceFeatures, memo?: QueryMemo<ReadonlySet<string>>): ReadonlySet<string> {
  const cached = memo ? memo.get(f) : framesCache.get(f);
  if (cached) return cached;
  const frames = new Set<string>();
  for (const t of f.terms) {
    if (f.entities.has(t)) continue;
    const frame = cachedFrame((f.surface.get(t) ?? t).toLowerCase());
    if (frame) frames.add(frame);
  }
  if (memo) memo.set(f, frames);
  else framesCache.set(f, frames);
  return frames;
}
