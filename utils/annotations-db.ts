/**
 * The annotation store: IndexedDB database `crosscheck`, object store `annotations`.
 *
 * Opened by the extension's own contexts only, in its origin (a content script would open it in the news
 * site's origin): the background reads and writes it; the offscreen matcher's worker only reads the notes it
 * joins into its index. Each record wraps
 * one W3C annotation with the fields the indexes need, since an index cannot reach into the body array:
 * `source` (the page), `tags` (lower-cased, multiEntry) and `modified`.
 *
 * Schema history, replayed in order by `upgrade` so that any old database reaches the current version:
 * - v1: flat records `{ id, url, quote, note, tags: "a, b", created: ms }`, index `by-url`.
 * - v2: {@link AnnotationRecord}, indexes `by-source`, `by-tag` (multiEntry), `by-modified`.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, wrap } from 'idb';
import { isNewer, mergeAnnotations } from '../lib/annotations/io';
import { annotationFromV1, type AnnotationV1 } from '../lib/annotations/legacy';
import { type Annotation, noteOf, quoteOf, tagsOf } from '../lib/annotations/model';
import { validateAnnotation } from '../lib/annotations/validate';
import type { ImportCounts } from '../lib/annotations/requests';

/** Database name, shared with other Crosscheck stores that may be added as further object stores. */
export const DB_NAME = 'crosscheck';
/** Current schema version. Raising it means adding a step to `MIGRATIONS`. */
export const ANNOTATIONS_DB_VERSION = 2;
const STORE = 'annotations';

/** What the store holds per annotation. */
export interface AnnotationRecord {
  id: string;
  source: string;
  /** Lower-cased tags, so a tag query ignores case. */
  tags: string[];
  modified: string;
  annotation: Annotation;
}

/** Typed schema of version 2. */
export interface AnnotationsSchema extends DBSchema {
  annotations: {
    key: string;
    value: AnnotationRecord;
    indexes: { 'by-source': string; 'by-tag': string; 'by-modified': string };
  };
}

/** An open annotation database. */
export type AnnotationsDb = IDBPDatabase<AnnotationsSchema>;

/** The browser's quota for Crosscheck is used up. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super("Your browser's storage for Crosscheck is full: export your annotations, then delete some", options);
  }
}

/** Another tab still holds the old database version open, so the upgrade cannot run. */
export class UpgradeBlockedError extends Error {
  override readonly name = 'UpgradeBlockedError';
  constructor() {
    super('Close other tabs with Crosscheck pages open, then try again');
  }
}

function userFacing(error: unknown): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' ? new StorageFullError({ cause: error }) : error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw userFacing(error);
  }
}

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Aborts a transaction unless it already finished or aborted (then `abort` would throw). */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already over: nothing was or will be committed by us.
  }
}

function createV1(db: IDBPDatabase<unknown>): void {
  db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('by-url', 'url');
}

function createV2Store(db: IDBPDatabase<unknown>) {
  const store = db.createObjectStore(STORE, { keyPath: 'id' });
  store.createIndex('by-source', 'source');
  store.createIndex('by-tag', 'tags', { multiEntry: true });
  store.createIndex('by-modified', 'modified');
  return store;
}

/** v1 -> v2: read every flat record, rebuild the store in the W3C shape, write them all back. */
async function migrateV1ToV2(db: IDBPDatabase<unknown>, tx: UpgradeTx): Promise<void> {
  const old = (await tx.objectStore(STORE).getAll()) as Partial<AnnotationV1>[];
  db.deleteObjectStore(STORE);
  const store = createV2Store(db);
  const converted = mergeAnnotations([], old.map(annotationFromV1)).annotations;
  await Promise.all(converted.map((a) => store.put(recordOf(a))));
}

/** `MIGRATIONS[v]` takes a database from version v to v + 1. */
const MIGRATIONS: ((db: IDBPDatabase<unknown>, tx: UpgradeTx) => void | Promise<void>)[] = [
  createV1,
  migrateV1ToV2,
];

async function upgrade(db: IDBPDatabase<unknown>, tx: UpgradeTx, from: number, to: number): Promise<void> {
  for (let v = from; v < to; v++) await (MIGRATIONS[v] as (typeof MIGRATIONS)[number])(db, tx);
}

/**
 * Opens the database at `version`, running the migrations in between. Exported for migration tests; the app
 * uses {@link openAnnotationsDb}. The connection closes itself when a newer version asks for the database.
 * @throws UpgradeBlockedError when another connection keeps an older version open.
 */
export function openAtVersion(factory: IDBFactory, version: number, onGone?: () => void): Promise<IDBPDatabase<unknown>> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    let gaveUp = false;
    request.onupgradeneeded = (event) => {
      const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
      // A failed step aborts the whole upgrade: the database stays at its old version with its old records.
      upgrade(wrap(request.result), tx, event.oldVersion, version).catch(() => abortQuietly(tx));
    };
    request.onblocked = () => {
      gaveUp = true;
      reject(new UpgradeBlockedError());
    };
    request.onsuccess = () => {
      const db = request.result;
      if (gaveUp) return db.close(); // The upgrade ran once the other tab let go; the caller will reopen.
      // Another context wants a newer version (or deletes the database): let go at once, and tell the owner,
      // which opens a fresh connection for the next request instead of failing on a closed one.
      db.onversionchange = () => {
        db.close();
        onGone?.();
      };
      // The browser closed the connection itself (storage cleared, disk error).
      db.onclose = () => onGone?.();
      resolve(wrap(db));
    };
    request.onerror = () => reject(userFacing(request.error));
  });
}

/**
 * Opens (creating or migrating as needed) the annotation database. `onGone` runs when the connection closes
 * under us (a newer version or a deletion elsewhere, or the browser closing it).
 */
export async function openAnnotationsDb(factory: IDBFactory = indexedDB, onGone?: () => void): Promise<AnnotationsDb> {
  return (await openAtVersion(factory, ANNOTATIONS_DB_VERSION, onGone)) as unknown as AnnotationsDb;
}

/** The stored record for an annotation. */
export function recordOf(annotation: Annotation): AnnotationRecord {
  const tags = [...new Set(tagsOf(annotation).map((t) => t.toLowerCase()))];
  return { id: annotation.id, source: annotation.target.source, tags, modified: annotation.modified, annotation };
}

/**
 * Saves an annotation. When the stored copy has a strictly newer `modified` (a stale write from another tab),
 * the stored copy stays. Returns the copy that is stored afterwards.
 */
export async function putAnnotation(db: AnnotationsDb, annotation: Annotation): Promise<Annotation> {
  return (await saveAnnotation(db, annotation, {})).annotation;
}

/** A note of one site was to be overwritten by a content script of another site. */
export class ForeignNoteError extends Error {
  override readonly name = 'ForeignNoteError';
  constructor() {
    super('This note belongs to another site');
  }
}

/** How {@link saveAnnotation} decides. */
export interface SaveOptions {
  /**
   * The `modified` of the copy the editor started from. When the stored copy's differs, someone else edited
   * it meanwhile: both versions are kept (the incoming one under `copyId()`).
   */
  base?: string;
  /** Makes the id of the kept second version. */
  copyId?: () => string;
  /** Refuse to overwrite a stored note whose page is not on this origin (a content script's saves). */
  origin?: string | null;
}

/** What a save stored: the saved annotation, and the other version when the edit conflicted. */
export interface SaveOutcome {
  annotation: Annotation;
  conflict?: Annotation;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Saves an annotation with conflict detection (see {@link SaveOptions}). Without `base`, a strictly newer
 * stored copy wins silently (a stale write from another tab); with `base`, a changed stored copy means a
 * conflict and both versions are kept.
 * @throws ForeignNoteError when `origin` is given and the stored note belongs to another site.
 */
export function saveAnnotation(db: AnnotationsDb, annotation: Annotation, options: SaveOptions): Promise<SaveOutcome> {
  return guarded(async () => {
    const tx = db.transaction(STORE, 'readwrite');
    const current = await tx.store.get(annotation.id);
    if (current && options.origin != null && originOf(current.source) !== options.origin) {
      await tx.done;
      throw new ForeignNoteError();
    }
    if (current && options.base !== undefined && current.modified !== options.base && options.copyId) {
      const copy = { ...annotation, id: options.copyId() };
      await Promise.all([tx.store.put(recordOf(copy)), tx.done]);
      return { annotation: copy, conflict: current.annotation };
    }
    if (current && options.base === undefined && isNewer(current.annotation, annotation)) {
      await tx.done;
      return { annotation: current.annotation };
    }
    await Promise.all([tx.store.put(recordOf(annotation)), tx.done]);
    return { annotation };
  });
}

/** One annotation by id. */
export async function getAnnotation(db: AnnotationsDb, id: string): Promise<Annotation | undefined> {
  return (await db.get(STORE, id))?.annotation;
}

/** Deletes an annotation and returns what was deleted (for "undo"), or undefined when there was none. */
export function deleteAnnotation(db: AnnotationsDb, id: string): Promise<Annotation | undefined> {
  return guarded(async () => {
    const tx = db.transaction(STORE, 'readwrite');
    const current = await tx.store.get(id);
    await Promise.all([current ? tx.store.delete(id) : undefined, tx.done]);
    return current?.annotation;
  });
}

/** Filters for {@link listAnnotations}; all given filters must hold. */
export interface AnnotationQuery {
  /** Canonical page URL (`target.source`). */
  source?: string;
  /** One tag, any case. */
  tag?: string;
  /** Case-insensitive text found in the quote, the note or a tag. */
  text?: string;
  /** Modified at or after. */
  from?: Date | string;
  /** Modified at or before. */
  to?: Date | string;
}

function isoOf(value: Date | string | undefined): string | undefined {
  return value === undefined ? undefined : new Date(value).toISOString();
}

function matches(record: AnnotationRecord, q: AnnotationQuery, from?: string, to?: string): boolean {
  if (q.source !== undefined && record.source !== q.source) return false;
  if (q.tag !== undefined && !record.tags.includes(q.tag.toLowerCase())) return false;
  if (from !== undefined && record.modified < from) return false;
  if (to !== undefined && record.modified > to) return false;
  if (!q.text) return true;
  const a = record.annotation;
  const haystack = [quoteOf(a), noteOf(a), ...tagsOf(a)].join('\n').toLowerCase();
  return haystack.includes(q.text.toLowerCase());
}

/** Annotations matching `query`, most recently modified first. Uses the narrowest index available. */
export async function listAnnotations(db: AnnotationsDb, query: AnnotationQuery = {}): Promise<Annotation[]> {
  const from = isoOf(query.from);
  const to = isoOf(query.to);
  let records: AnnotationRecord[];
  if (query.source !== undefined) records = await db.getAllFromIndex(STORE, 'by-source', query.source);
  else if (query.tag !== undefined) records = await db.getAllFromIndex(STORE, 'by-tag', query.tag.toLowerCase());
  else records = await db.getAllFromIndex(STORE, 'by-modified');
  return records
    .filter((r) => matches(r, query, from, to))
    .sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0))
    .map((r) => r.annotation);
}

/**
 * Writes a list in one transaction: all of it or, on any failure, none of it. Every item is validated before
 * the transaction starts; a known id is replaced only by a newer `modified`.
 * @throws ImportError for an invalid item, StorageFullError when the quota runs out (nothing written).
 */
export async function importAnnotations(db: AnnotationsDb, list: readonly unknown[]): Promise<ImportCounts> {
  const incoming = mergeAnnotations([], list.map((item, i) => validateAnnotation(item, i))).annotations;
  return guarded(async () => {
    const tx = db.transaction(STORE, 'readwrite');
    const summary: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    const write = async (): Promise<void> => {
      for (const annotation of incoming) {
        const current = await tx.store.get(annotation.id);
        if (current && !isNewer(annotation, current.annotation)) {
          summary.unchanged++;
          continue;
        }
        summary[current ? 'updated' : 'added']++;
        await tx.store.put(recordOf(annotation));
      }
    };
    const writing = write().catch((error: unknown) => {
      abortQuietly(tx); // A throw outside a request does not abort by itself.
      throw error;
    });
    await Promise.all([writing, tx.done]);
    return summary;
  });
}

/** One bounded batch of {@link listPage}, and the cursor of the next one (null after the last). */
export interface AnnotationBatch {
  annotations: Annotation[];
  next: string | null;
}

/** Bounds of one batch: a message between the background and a page must stay far below Chrome's 64 MiB. */
export interface BatchLimits {
  maxItems: number;
  /** Characters of JSON; the batch ends after the item that reaches it (so one large item still passes). */
  maxChars: number;
}

/**
 * The annotations after the id `after` (null: from the start), in id order, in a batch bounded by `limits`.
 * Paging by id is stable while notes are added or edited; the caller sorts what it assembled.
 */
export async function listPage(db: AnnotationsDb, after: string | null, limits: BatchLimits): Promise<AnnotationBatch> {
  const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
  let cursor = await db.transaction(STORE).store.openCursor(range);
  const annotations: Annotation[] = [];
  let chars = 0;
  while (cursor) {
    annotations.push(cursor.value.annotation);
    chars += JSON.stringify(cursor.value.annotation).length;
    if (annotations.length >= limits.maxItems || chars >= limits.maxChars) return { annotations, next: cursor.key };
    cursor = await cursor.continue();
  }
  return { annotations, next: null };
}

/** Every annotation, oldest first (then by id), for export. */
export async function exportAll(db: AnnotationsDb): Promise<Annotation[]> {
  const records = await db.getAll(STORE);
  return records
    .map((r) => r.annotation)
    .sort((a, b) => (a.created === b.created ? (a.id < b.id ? -1 : 1) : a.created < b.created ? -1 : 1));
}
