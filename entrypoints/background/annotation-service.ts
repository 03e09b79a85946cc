/**
 * The background's annotation handlers: the only code that opens the annotation database. Content scripts, the
 * annotations page and the popup reach it through messages (`lib/annotations/requests.ts`). Writes go through
 * one queue, so two tabs saving at once are applied one after the other and nothing is lost; the matcher and
 * the orphan list follow every change.
 *
 * Dependencies are passed in (database opener, orphan store, matcher hooks) so the whole module runs in node
 * with fake-indexeddb.
 */
import type { Annotation } from '../../lib/annotations/model';
import { cleanPageUrl } from '../../lib/annotations/url';
import { validateAnnotation } from '../../lib/annotations/validate';
import { annotationsOnClaims, joinNotes } from '../../lib/annotations/user-notes';
import { fromExtensionPage, originOf, splitByOrigin } from '../../lib/annotations/origin';
import type { CorpusView } from '../../lib/match/page';
import type { Handlers, MessageContext } from '../../lib/protocol';
import {
  type AnnotationsDb,
  deleteAnnotation,
  exportAll,
  importAnnotations,
  listAnnotations,
  putAnnotation,
} from './annotations-db';

/** Where the ids of orphaned annotations are kept (a storage item in the extension). */
export interface OrphanStore {
  get(): Promise<string[]>;
  set(ids: string[]): Promise<void>;
}

/** What the service needs from its host. */
export interface AnnotationServiceDeps {
  /** Opens the database (called again after a failure, e.g. a blocked upgrade once the other tab closed). */
  openDb(): Promise<AnnotationsDb>;
  orphans: OrphanStore;
  /** The corpus view must be rebuilt without the reader's notes (after a delete or an import that replaced some). */
  resetMatcher(): void;
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
  /** The corpus view the notes were joined into, once the background loaded it. */
  private view: CorpusView | null = null;

  constructor(private readonly deps: AnnotationServiceDeps) {}

  private open(): Promise<AnnotationsDb> {
    this.db ??= this.deps.openDb().catch((error: unknown) => {
      this.db = null; // Try again next time: the reader may have closed the tab that blocked the upgrade.
      throw error;
    });
    return this.db;
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

  async save(annotation: Annotation): Promise<Annotation> {
    const valid = validateAnnotation(annotation, 0);
    const db = await this.open();
    const stored = await this.writes.run(() => putAnnotation(db, valid));
    if (this.view) joinNotes(this.view, [stored]);
    return stored;
  }

  async remove(id: string): Promise<Annotation | null> {
    const db = await this.open();
    const deleted = await this.writes.run(async () => {
      const gone = await deleteAnnotation(db, id);
      await this.updateOrphans([id], []);
      return gone;
    });
    if (deleted) this.forgetView();
    return deleted ?? null;
  }

  async list(): Promise<{ annotations: Annotation[]; orphans: string[] }> {
    const annotations = await listAnnotations(await this.open());
    return { annotations, orphans: await this.liveOrphans(annotations) };
  }

  /** Annotations filed under any of `urls` (compared cleaned of fragments and tracking parameters). */
  async forPage(urls: readonly string[]): Promise<{ annotations: Annotation[]; orphans: string[] }> {
    const db = await this.open();
    const sources = new Set(urls.flatMap((u) => [u, cleanPageUrl(u) ?? u]));
    const found = new Map<string, Annotation>();
    for (const source of sources) for (const a of await listAnnotations(db, { source })) found.set(a.id, a);
    const annotations = [...found.values()];
    return { annotations, orphans: await this.liveOrphans(annotations) };
  }

  async forClaims(claims: readonly string[]): Promise<Annotation[]> {
    if (claims.length === 0) return [];
    return annotationsOnClaims(await listAnnotations(await this.open()), claims);
  }

  /**
   * The notes on `claims` a sender may see: all of them for an extension page; for a content script,
   * only those filed on its page's origin (`sender.url`, set by the browser), the others counted. A page must
   * never get notes made on other sites into its DOM (issue 15).
   */
  async forClaimsSeenBy(claims: readonly string[], sender: MessageContext): Promise<{ annotations: Annotation[]; elsewhere: number }> {
    const all = await this.forClaims(claims);
    if (fromExtensionPage(sender)) return { annotations: all, elsewhere: 0 };
    const { here, elsewhere } = splitByOrigin(all, originOf(sender.url));
    return { annotations: here, elsewhere };
  }

  /** Records the outcome of re-anchoring a page; returns the number of orphans now known. */
  reportAnchoring(placed: readonly string[], orphans: readonly string[]): Promise<number> {
    return this.writes.run(() => this.updateOrphans(placed, orphans));
  }

  async import(list: readonly Annotation[]) {
    const db = await this.open();
    const counts = await this.writes.run(() => importAnnotations(db, list));
    if (counts.updated > 0) this.forgetView();
    else if (this.view && counts.added > 0) joinNotes(this.view, await listAnnotations(db));
    return counts;
  }

  async exportAll(): Promise<Annotation[]> {
    return exportAll(await this.open());
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

  /** Protocol handlers for the annotation requests the background answers. */
  handlers(): Handlers {
    return {
      saveAnnotation: async ({ annotation }) => ({ annotation: await this.save(annotation) }),
      deleteAnnotation: async ({ id }) => ({ deleted: await this.remove(id) }),
      listAnnotations: () => this.list(),
      pageAnnotations: ({ urls }) => this.forPage(urls),
      reportAnchoring: async ({ placed, orphans }) => ({ recorded: await this.reportAnchoring(placed, orphans) }),
      claimAnnotations: ({ claims }, sender) => this.forClaimsSeenBy(claims, sender),
      importAnnotations: ({ annotations }) => this.import(annotations),
      exportAnnotations: async () => ({ annotations: await this.exportAll() }),
    };
  }
}
