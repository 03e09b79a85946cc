/**
 * The corpus index of the extension: fetched from the package once per life of the context that holds it (the
 * offscreen matcher's worker in Chrome, entrypoints/offscreen; the background in Firefox), joined with the
 * reader's notes, then warmed up in small tasks. A tab never holds the corpus.
 */
import type { Corpus } from '../lib/corpus/types';
import { PageContexts, buildContext } from '../lib/match';
import type { SentenceQuery, SentenceResult } from '../lib/protocol';
import { CorpusView, matchSentence, warmUpQueries, type PageSentence } from '../lib/match/page';
import { WordVectors } from '../lib/match/word-vectors';
import { WORD_VECTORS_PACKAGED, fetchPackagedBytes, fetchPackagedCorpus, type PackagedUrl } from './packaged-corpus';
import { packagedUrl } from './messaging';

/**
 * Warm-up queries matched per task: one, so that a page's batch waits behind at most one query (on a cold
 * engine the first queries cost tens of milliseconds each).
 */
const WARM_UP_SLICE = 1;

/**
 * The warm-up waits until the index has not been asked for this long. It starts as soon as the index is
 * loaded (waking the worker is not a use): the page that woke the worker is still being read then, and its
 * first batch arrives tens to hundreds of milliseconds later, to an engine the warm-up has compiled. Once
 * batches arrive, they warm the matcher as well as the warm-up would, so the warm-up pauses and takes only
 * the time no page is waiting for (measured with `npm run bench:e2e -- --compare`: run alongside the first
 * page's batches, it delayed that page's highlights).
 */
export const WARM_UP_QUIET_MS = 400;

/**
 * Matches the warm-up queries in small tasks (see {@link warmUpQueries}), each only once the index has been
 * idle for {@link WARM_UP_QUIET_MS} (`lastUse` tells when it was last asked for, on the clock `now`).
 * `onMatched` is told of each query matched (tests).
 */
export function warmUp(view: CorpusView, lastUse: () => number, now: () => number = () => performance.now(), onMatched?: (q: PageSentence) => void): void {
  const queries = warmUpQueries(view);
  const context = buildContext(queries.map((q) => q.text));
  const step = (from: number) => {
    const wait = lastUse() + WARM_UP_QUIET_MS - now();
    if (wait > 0) {
      setTimeout(() => step(from), wait);
      return;
    }
    for (const q of queries.slice(from, from + WARM_UP_SLICE)) {
      matchSentence(view, q, null, context);
      onMatched?.(q);
    }
    if (from + WARM_UP_SLICE < queries.length) setTimeout(() => step(from + WARM_UP_SLICE), 0);
  };
  setTimeout(() => step(0), 0);
}

/** The word vectors of the package (data/word-vectors.json, see lib/match/word-vectors.ts); null when they
 * cannot be read: the matcher then scores lexically, as before them. */
function loadWordVectors(url: PackagedUrl): Promise<WordVectors | null> {
  return fetchPackagedBytes(WORD_VECTORS_PACKAGED, url)
    .then((bytes) => WordVectors.fromPacked(bytes))
    .catch((err: unknown) => {
      console.warn('Crosscheck: the word vectors could not be read; matching goes on without them.', err);
      return null;
    });
}

/** Performance marks of the worker's start and the index load, read by `npm run bench:e2e` (cold start):
 * the worker's own code starts, the corpus is parsed, the index restored, the reader's notes joined, and the
 * first batch of a page arrives. */
export const INDEX_MARKS = {
  started: 'crosscheck:worker-started',
  parsed: 'crosscheck:corpus-parsed',
  loaded: 'crosscheck:index-loaded',
  ready: 'crosscheck:index-ready',
  firstBatch: 'crosscheck:first-batch',
} as const;

/**
 * The corpus index of the background: `get` loads it on first use; `reset` drops it so the next use reloads.
 * Every `get` counts as a use that holds the warm-up back (see {@link WARM_UP_QUIET_MS}).
 */
export interface CorpusIndex {
  get(): Promise<CorpusView>;
  /** Starts loading the index without counting as a use (the worker woke): the warm-up may start at once. */
  load(): void;
  reset(): void;
}

/** Where the index comes from and its clock (tests replace them). */
export interface CorpusIndexOptions {
  /** Where the packaged files are (default: the extension API's URLs; a worker, which has no extension API,
   * resolves them on its own origin). */
  url?: PackagedUrl;
  /** The corpus (default: the packaged one). */
  fetchCorpus?: () => Promise<Corpus>;
  /** The word vectors (default: the packaged ones; null: none). */
  fetchWords?: () => Promise<WordVectors | null>;
  now?: () => number;
  /** Told of each warm-up query matched. */
  onWarm?: (q: PageSentence) => void;
}

/** What the index last loaded holds, from its {@link INDEX_MARKS}.loaded mark (null before the first load). */
export function loadedIndex(): { sentences: number; words: number } | null {
  const marks = performance.getEntriesByName(INDEX_MARKS.loaded);
  const last = marks[marks.length - 1] as PerformanceMark | undefined;
  return (last?.detail as { sentences: number; words: number } | undefined) ?? null;
}

/**
 * The corpus index, loaded from the package on first use and kept for the life of the service worker.
 * `join` adds the reader's notes to a freshly loaded view (the annotation service).
 */
export function createCorpusIndex(join: (view: CorpusView) => CorpusView | Promise<CorpusView>, options: CorpusIndexOptions = {}): CorpusIndex {
  const { url = packagedUrl, now = () => performance.now(), onWarm } = options;
  const { fetchCorpus = () => fetchPackagedCorpus(url), fetchWords = () => loadWordVectors(url) } = options;
  let corpusView: Promise<CorpusView> | null = null;
  let lastUse = -Infinity;
  return {
    get() {
      lastUse = now();
      corpusView ??= Promise.all([fetchCorpus(), fetchWords()])
        .then(([c, w]) => {
          performance.mark(INDEX_MARKS.parsed);
          const view = CorpusView.fromCorpus(c, w);
          // What was loaded, for the end-to-end tests: the corpus's sentences and the word vectors' words.
          performance.mark(INDEX_MARKS.loaded, { detail: { sentences: c.sentences.length, words: w?.size ?? 0 } });
          // Ready once the reader's notes are joined (they are read from IndexedDB).
          return join(view);
        })
        .then((view) => {
          performance.mark(INDEX_MARKS.ready);
          warmUp(view, () => lastUse, now, onWarm);
          return view;
        })
        .catch((err: unknown) => {
          corpusView = null;
          throw err;
        });
      return corpusView;
    },
    load() {
      const before = lastUse;
      this.get().catch(() => undefined);
      lastUse = before;
    },
    reset() {
      corpusView = null;
    },
  };
}

/** Matches a page's batch with `view`, each sentence in its page's event context (`contexts`, keyed by `page`:
 * every sentence of the page seen so far). What the background and the offscreen matcher answer. */
export function matchBatch(view: CorpusView, contexts: PageContexts, page: string, pageDate: string | null, sentences: readonly SentenceQuery[]): SentenceResult[] {
  const context = contexts.extend(page, sentences.map((s) => s.text), pageDate);
  return sentences.map(({ key, text }) => ({ key, match: matchSentence(view, { start: 0, end: text.length, text }, pageDate, context) }));
}

/** The labels of claims in `view`, in order; null for an id it holds no claim of (what the popup's "Not a match"
 * list shows). */
export function claimLabels(view: CorpusView, claims: readonly string[]): Array<string | null> {
  return claims.map((c) => view.claimById.get(c)?.label ?? null);
}
