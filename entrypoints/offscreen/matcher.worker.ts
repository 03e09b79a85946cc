/**
 * The matcher's worker in the offscreen document: holds the corpus index (read from the package, joined with
 * the reader's notes from IndexedDB) and matches the pages' batches, each sentence in its page's context.
 */
import { PageContexts } from '../../lib/match';
import type { CorpusView } from '../../lib/match/page';
import { joinNotes } from '../../lib/annotations/user-notes';
import { listAnnotations, openAnnotationsDb } from '../../utils/annotations-db';
import { claimLabels, createCorpusIndex, loadedIndex, matchBatch } from '../../utils/corpus-index';
import type { MatcherReply, MatcherRequest } from './matcher-messages';

/** A file of the package, by its path, from the worker (no extension API here). */
const packaged = (path: `/${string}`): string => new URL(path, self.location.origin).href;

/** Joins every stored note into `view` (idempotent: notes joined before are skipped). */
async function joinStoredNotes(view: CorpusView): Promise<CorpusView> {
  try {
    const db = await openAnnotationsDb(indexedDB);
    try {
      joinNotes(view, await listAnnotations(db));
    } finally {
      db.close();
    }
  } catch {
    // Matching must not fail because the notes cannot be read; they join on the next change.
  }
  return view;
}

const index = createCorpusIndex(joinStoredNotes, { url: packaged });
index.load();
const contexts = new PageContexts();

async function handle(request: MatcherRequest): Promise<MatcherReply> {
  if (request.kind === 'forget') {
    contexts.forget(request.page);
    return { kind: 'forget' };
  }
  if (request.kind === 'reset') {
    index.reset();
    index.load();
    return { kind: 'reset' };
  }
  const view = await index.get();
  if (request.kind === 'join') {
    await joinStoredNotes(view);
    return { kind: 'join' };
  }
  if (request.kind === 'labels') return { kind: 'labels', labels: claimLabels(view, request.claims) };
  if (request.kind === 'status') {
    const loaded = loadedIndex();
    if (!loaded) throw new Error('the index left no load mark');
    return { kind: 'status', ...loaded };
  }
  return { kind: 'match', results: matchBatch(view, contexts, request.page, request.pageDate, request.sentences) };
}

self.onmessage = (event: MessageEvent<{ id: number; request: MatcherRequest }>) => {
  const { id, request } = event.data;
  handle(request).then(
    (reply) => self.postMessage({ id, reply }),
    (err: unknown) => self.postMessage({ id, reply: { kind: 'error', message: String(err) } }),
  );
};
