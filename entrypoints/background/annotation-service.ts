/**
 * The background's annotation handlers: the only code that opens the annotation database. Content scripts, the
 * annotations page and the popup reach it through messages (`lib/annotations/requests.ts`). Writes go through
 * one queue, so two tabs saving at once are applied one after the other and nothing is lost; the matcher and
 * the orphan list follow every change.
 *
 * Dependencies are passed in (database opener, orphan store, matcher hooks) so the whole module runs in node
 * with fake-indexeddb.
 */
import { type Annotation, newAnnotationId } from '../../lib/annotations/model';
import { cleanPageUrl, withCleanUrls } from '../../lib/annotations/url';
import { clampFutureDates, ImportError, validateAnnotation } from '../../lib/annotations/validate';
import { MAX_IMPORT_ITEMS, MESSAGE_BATCH } from '../../lib/annotations/io';
import type { ImportCounts } from '../../lib/annotations/requests';
import { annotationsOnClaims, joinNotes } from '../../lib/annotations/user-notes';
import type { CorpusView } from '../../lib/match/page';
import { type Handlers, originScope } from '../../lib/protocol';
import {
  type AnnotationBatch,
  type AnnotationsDb,
  type BatchLimits,
  type SaveOutcome,
  deleteAnnotation,
  getAnnotation,
  importAnnotations,
  listAnnotations,
  listPage,
  saveAnnotation,
} from '../../utils/annotations-db';

/** Bounds of one listing or export batch (the same as the page's import batches). */
export const BATCH_LIMITS: BatchLimits = MESSAGE_BATCH;
/** Most ids one anchoring report may carry (a page with more notes than this is not a reader's). */
const MAX_REPORTED_IDS = 10_000;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Where the ids of orphaned annotations are kept (a storage item in the extension). */
export interface OrphanStore {
  get(): Promise<string[]>;
  set(ids: string[]): Promise<void>;
}

/** What the service needs from its host. */
export interface AnnotationServiceDeps {
  /**
   * Opens the database (called again after a failure, e.g. a blocked upgrade once the other tab closed).
   * `onGone` must run when the connection closes under us (a newer version elsewhere), so it is reopened.
   */
  openDb(onGone: () => void): Promise<AnnotationsDb>;
  orphans: OrphanStore;
  /** The corpus view must be rebuilt without the reader's notes (after a delete or an import that replaced some). */
  resetMatcher(): void;
  /** Notes were added (a save, an import): a matcher outside this service (the offscreen one) joins them. */
  notesAdded?(): void;
}

/** Runs tasks one at a time, in call order; a failed task does not stop the next. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** The annotation side of the background. */
export class AnnotationService {
  private db: Promise<AnnotationsDb> | null = null;
  private readonly writes = new SerialQueue();
  /** An import arriving in batches: held here until its last batch, then written in one transaction. */
  private staged: { session: string; list: Annotation[] } | null = null;
  /** The corpus view the notes were joined into, once the background loaded it. */
  private view: CorpusView | null = null;

  constructor(private readonly deps: AnnotationServiceDeps) {}

  private open(): Promise<AnnotationsDb> {
    if (this.db) return this.db;
    const opening: Promise<AnnotationsDb> = this.deps
      .openDb(() => {
        if (this.db === opening) this.db = null; // Closed under us: the next request opens a fresh connection.
      })
      .catch((error: unknown) => {
        if (this.db === opening) this.db = null; // Try again next time: the tab that blocked the upgrade may be gone.
        throw error;
      });
    this.db = opening;
    return opening;
  }

  /**
   * Runs `work` on the open database; when the connection turns out closed (the close event has not arrived
   * yet), opens a fresh one and runs it once more.
   */
  private async withDb<T>(work: (db: AnnotationsDb) => Promise<T>): Promise<T> {
    const db = await this.open();
    try {
      return await work(db);
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name !== 'InvalidStateError') throw error;
      if (this.db && (await this.db.catch(() => null)) === db) this.db = null;
      return work(await this.open());
    }
  }

  /** Adds every stored note to a freshly loaded corpus view and keeps it in step afterwards. */
  async joinInto(view: CorpusView): Promise<CorpusView> {
    this.view = view; // Set first: a note saved while the list loads is joined at once (joining is idempotent).
    try {
      joinNotes(view, await listAnnotations(await this.open()));
    } catch {
      // Matching the corpus must not fail because the notes cannot be read; they join on the next save.
    }
    return view;
  }

  private forgetView(): void {
    this.view = null;
    this.deps.resetMatcher();
  }

  /**
   * Saves a note: validated (size limits), addresses cleaned of tracking, dates not in the future. `base`: see
   * `saveAnnotation` in the protocol. `origin`: a content script's page origin (it may not overwrite a note of
   * another site), null for extension pages.
   */
  async save(annotation: Annotation, options: { base?: string; origin?: string | null } = {}): Promise<SaveOutcome> {
    const valid = clampFutureDates(withCleanUrls(validateAnnotation(annotation, 0, 'This note')), new Date());
    const base = options.base;
    const outcome = await this.writes.run(() =>
      this.withDb((db) => saveAnnotation(db, valid, { origin: options.origin ?? null, copyId: () => newAnnotationId(), ...(base === undefined ? {} : { base }) })),
    );
    if (this.view) joinNotes(this.view, [outcome.annotation]);
    this.deps.notesAdded?.();
    return outcome;
  }

  async remove(id: string): Promise<Annotation | null> {
    const deleted = await this.writes.run(async () => {
      const gone = await this.withDb((db) => deleteAnnotation(db, id));
      await this.updateOrphans([id], []);
      return gone;
    });
    if (deleted) this.forgetView();
    return deleted ?? null;
  }

  /**
   * Deletes `id` for a content script of `origin`: only a note filed on that origin (by its source), so a page
   * cannot delete another site's note by guessing its id. @throws when the note belongs to another site.
   */
  async removeOnOrigin(id: string, origin: string | null): Promise<Annotation | null> {
    if (origin !== null) {
      const stored = await this.withDb((db) => getAnnotation(db, id));
      if (!stored) return null;
      if (originOf(stored.target.source) !== origin) throw new Error('This note belongs to another site');
    }
    return this.remove(id);
  }

  /** One bounded batch of the list (see {@link BATCH_LIMITS}), with the orphans among it. */
  async list(after: string | null = null): Promise<AnnotationBatch & { orphans: string[] }> {
    const batch = await this.withDb((db) => listPage(db, after, BATCH_LIMITS));
    return { ...batch, orphans: await this.liveOrphans(batch.annotations) };
  }

  /** One bounded batch for export, addresses cleaned of tracking parameters (notes stored before cleaning too). */
  async exportBatch(after: string | null = null): Promise<AnnotationBatch> {
    const batch = await this.withDb((db) => listPage(db, after, BATCH_LIMITS));
    return { annotations: batch.annotations.map(withCleanUrls), next: batch.next };
  }

  /** Annotations filed under any of `urls` (compared cleaned of fragments and tracking parameters). */
  async forPage(urls: readonly string[]): Promise<{ annotations: Annotation[]; orphans: string[] }> {
    const sources = new Set(urls.flatMap((u) => [u, cleanPageUrl(u) ?? u]));
    const found = new Map<string, Annotation>();
    await this.withDb(async (db) => {
      for (const source of sources) for (const a of await listAnnotations(db, { source })) found.set(a.id, a);
    });
    const annotations = [...found.values()];
    return { annotations, orphans: await this.liveOrphans(annotations) };
  }

  /**
   * The notes on `claims`. With `origin` (a content script), only those made on that site; `elsewhere` counts
   * the others, which must never reach another site's page.
   */
  async forClaims(claims: readonly string[], origin: string | null = null): Promise<{ annotations: Annotation[]; elsewhere: number }> {
    if (claims.length === 0) return { annotations: [], elsewhere: 0 };
    const all = annotationsOnClaims(await this.withDb((db) => listAnnotations(db)), claims);
    if (origin === null) return { annotations: all, elsewhere: 0 };
    const annotations = all.filter((a) => originOf(a.target.source) === origin);
    return { annotations, elsewhere: all.length - annotations.length };
  }

  /**
   * Records the outcome of re-anchoring a page; returns the number of orphans now known. With `origin` (a
   * content script), ids of notes on other sites are ignored: a page may not mark another site's notes.
   */
  reportAnchoring(placed: readonly string[], orphans: readonly string[], origin: string | null = null): Promise<number> {
    return this.writes.run(async () => {
      const keep = origin === null ? (ids: readonly string[]) => Promise.resolve(ids) : (ids: readonly string[]) => this.onOrigin(ids, origin);
      return this.updateOrphans(await keep(placed), await keep(orphans));
    });
  }

  private async onOrigin(ids: readonly string[], origin: string): Promise<string[]> {
    const out: string[] = [];
    await this.withDb(async (db) => {
      for (const id of ids.slice(0, MAX_REPORTED_IDS)) {
        const a = typeof id === 'string' ? await getAnnotation(db, id) : undefined;
        if (a && originOf(a.target.source) === origin) out.push(id);
      }
    });
    return out;
  }

  /**
   * Imports all-or-nothing; addresses cleaned of tracking parameters, dates in the future brought to now. A
   * file too large for one message arrives in batches of one `session`: every batch but the last (`more`) is
   * held, and the last writes them all at once. One import is held at a time (a new session drops the old).
   */
  async import(batch: readonly Annotation[], session?: string, more = false): Promise<ImportCounts> {
    let list = batch;
    if (session !== undefined) {
      const held = this.staged?.session === session ? this.staged.list : [];
      this.staged = null;
      if (held.length + batch.length > MAX_IMPORT_ITEMS) throw new ImportError(`This import has more than ${MAX_IMPORT_ITEMS} annotations`);
      const all = [...held, ...batch];
      list = all;
      if (more) {
        this.staged = { session, list: all };
        return { added: 0, updated: 0, unchanged: 0 };
      }
    }
    const now = new Date();
    const clean = list.map((item, i) => clampFutureDates(withCleanUrls(validateAnnotation(item, i)), now));
    const counts = await this.writes.run(() => this.withDb((db) => importAnnotations(db, clean)));
    if (counts.updated > 0) this.forgetView();
    else if (this.view && counts.added > 0) {
      const view = this.view;
      joinNotes(view, await this.withDb((db) => listAnnotations(db)));
    }
    if (counts.added > 0 && counts.updated === 0) this.deps.notesAdded?.();
    return counts;
  }

  private async updateOrphans(placed: readonly string[], orphans: readonly string[]): Promise<number> {
    const ids = new Set(await this.deps.orphans.get());
    let changed = false;
    for (const id of placed) changed = ids.delete(id) || changed;
    for (const id of orphans) {
      if (ids.has(id)) continue;
      ids.add(id);
      changed = true;
    }
    if (changed) await this.deps.orphans.set([...ids]);
    return ids.size;
  }

  private async liveOrphans(annotations: readonly Annotation[]): Promise<string[]> {
    const known = new Set(annotations.map((a) => a.id));
    return (await this.deps.orphans.get()).filter((id) => known.has(id));
  }

  /**
   * Protocol handlers for the annotation requests the background answers. `dispatch` has already checked who
   * may send what (`CONTENT_SCRIPT_RULES`); the handlers keep a content script to its own site's notes.
   */
  handlers(): Handlers {
    return {
      saveAnnotation: ({ annotation, base }, ctx) => this.save(annotation, { origin: originScope(ctx), ...(base === undefined ? {} : { base }) }),
      deleteAnnotation: async ({ id }) => ({ deleted: await this.remove(id) }),
      deletePageAnnotation: async ({ id }, ctx) => ({ deleted: await this.removeOnOrigin(id, originScope(ctx)) }),
      listAnnotations: ({ after }) => this.list(after ?? null),
      pageAnnotations: ({ urls }) => this.forPage(urls),
      reportAnchoring: async ({ placed, orphans }, ctx) => ({ recorded: await this.reportAnchoring(placed, orphans, originScope(ctx)) }),
      claimAnnotations: ({ claims }, ctx) => this.forClaims(claims, originScope(ctx)),
      importAnnotations: ({ annotations, session, more }) => this.import(annotations, session, more),
      exportAnnotations: ({ after }) => this.exportBatch(after ?? null),
    };
  }
}
