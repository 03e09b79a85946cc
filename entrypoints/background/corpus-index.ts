/**
 * The corpus index of the background: fetched from the package once per service-worker life, joined with the
 * reader's notes, then warmed up in small tasks. A tab never holds the corpus.
 */
import type { Corpus } from '../../lib/corpus/types';
import { buildContext } from '../../lib/match';
import { CorpusView, matchSentence, warmUpQueries, type PageSentence } from '../../lib/match/page';
import { WordVectors } from '../../lib/match/word-vectors';
import { packagedUrl } from '../../utils/messaging';

/** Warm-up queries matched per task: small, so a page's batch waits at most a few milliseconds behind one. */
const WARM_UP_SLICE = 4;

/**
 * The warm-up waits until the index has not been asked for this long. A page that woke the worker sends its
 * batches one after the other (a round trip apart); matching them warms the matcher as well as the warm-up
 * would, so the warm-up only takes the time no page is waiting for (measured with `npm run bench:e2e --
 * --compare`: run alongside the first page's batches, it delayed that page's highlights).
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
function loadWordVectors(): Promise<WordVectors | null> {
  return fetch(packagedUrl('/word-vectors.json'))
    .then((r) => r.json() as Promise<unknown>)
    .then((t) => WordVectors.fromTable(t))
    .catch(() => null);
}

/** Performance marks of the index load, read by `npm run bench:e2e` (cold start). */
export const INDEX_MARKS = { parsed: 'crosscheck:corpus-parsed', loaded: 'crosscheck:index-loaded', ready: 'crosscheck:index-ready' } as const;

/**
 * The corpus index of the background: `get` loads it on first use; `reset` drops it so the next use reloads.
 * Every `get` counts as a use that holds the warm-up back (see {@link WARM_UP_QUIET_MS}).
 */
export interface CorpusIndex {
  get(): Promise<CorpusView>;
  reset(): void;
}

/**
 * The corpus index, loaded from the package on first use and kept for the life of the service worker.
 * `join` adds the reader's notes to a freshly loaded view (the annotation service).
 */
export function createCorpusIndex(join: (view: CorpusView) => CorpusView | Promise<CorpusView>): CorpusIndex {
  let corpusView: Promise<CorpusView> | null = null;
  let lastUse = -Infinity;
  return {
    get() {
      lastUse = performance.now();
      corpusView ??= Promise.all([fetch(packagedUrl('/corpus.json')).then((r) => r.json() as Promise<Corpus>), loadWordVectors()])
        .then(([c, w]) => {
          performance.mark(INDEX_MARKS.parsed);
          const view = CorpusView.fromCorpus(c, w);
          performance.mark(INDEX_MARKS.loaded);
          // Ready once the reader's notes are joined (they are read from IndexedDB).
          return join(view);
        })
        .then((view) => {
          performance.mark(INDEX_MARKS.ready);
          warmUp(view, () => lastUse);
          return view;
        })
        .catch((err: unknown) => {
          corpusView = null;
          throw err;
        });
      return corpusView;
    },
    reset() {
      corpusView = null;
    },
  };
}
