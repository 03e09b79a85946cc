import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, ImportError, parseImport } from '../../lib/annotations/io';
import type { AnnotationV1 } from '../../lib/annotations/legacy';
import { type Annotation, createAnnotation, editAnnotation, noteOf, tagsOf } from '../../lib/annotations/model';
import {
  ANNOTATIONS_DB_VERSION,
  type AnnotationsDb,
  DB_NAME,
  deleteAnnotation,
  exportAll,
  getAnnotation,
  importAnnotations,
  listAnnotations,
  openAnnotationsDb,
  openAtVersion,
  putAnnotation,
  StorageFullError,
  UpgradeBlockedError,
} from '../../utils/annotations-db';

const page = 'Aid reached Madaya on Monday. The UN said 40 trucks entered. Residents described severe hunger.';
const quotes = ['Aid reached Madaya on Monday.', 'The UN said 40 trucks entered.', 'Residents described severe hunger.'];

function note(i: number, day = 1, extra: { tags?: string[]; note?: string } = {}): Annotation {
  const quote = quotes[i % 3] as string;
  const start = page.indexOf(quote);
  return createAnnotation({
    pageText: page, start, end: start + quote.length, note: extra.note ?? `note ${i}`,
    tags: extra.tags ?? (i % 2 ? ['Verified'] : ['disputed', 'follow up']),
    canonicalUrl: `https://news.example/a${i % 2}`, seenUrl: `https://news.example/a${i % 2}`,
    now: new Date(Date.UTC(2024, 2, day, 0, 0, i)), id: `urn:uuid:test-${i}`,
  });
}

let db: AnnotationsDb | undefined;
afterEach(() => db?.close());

async function fresh(): Promise<AnnotationsDb> {
  db = await openAnnotationsDb(new IDBFactory());
  return db;
}

describe('annotation store', () => {
  it('puts, gets, lists by source, tag, text and dates, newest first', async () => {
    const store = await fresh();
    for (let i = 0; i < 6; i++) await putAnnotation(store, note(i, i + 1));
    expect(await getAnnotation(store, 'urn:uuid:test-2')).toEqual(note(2, 3));
    const bySource = await listAnnotations(store, { source: 'https://news.example/a1' });
    expect(bySource.map((a) => a.id)).toEqual(['urn:uuid:test-5', 'urn:uuid:test-3', 'urn:uuid:test-1']);
    expect((await listAnnotations(store, { tag: 'verified' })).map((a) => a.id)).toHaveLength(3);
    expect((await listAnnotations(store, { tag: 'FOLLOW UP', source: 'https://news.example/a0' }))).toHaveLength(3);
    expect((await listAnnotations(store, { text: 'TRUCKS' })).map((a) => a.id)).toEqual(['urn:uuid:test-4', 'urn:uuid:test-1']);
    expect((await listAnnotations(store, { text: 'note 3' })).map((a) => a.id)).toEqual(['urn:uuid:test-3']);
    const window = await listAnnotations(store, { from: '2024-03-02', to: new Date('2024-03-04T00:00:10Z') });
    expect(window.map((a) => a.id)).toEqual(['urn:uuid:test-3', 'urn:uuid:test-2', 'urn:uuid:test-1']);
    expect(await listAnnotations(store)).toHaveLength(6);
  });

  it('keeps the newer copy when a stale write arrives', async () => {
    const store = await fresh();
    const edited = editAnnotation(note(1), { note: 'newer' }, new Date('2024-09-01T00:00:00Z'));
    await putAnnotation(store, edited);
    expect(await putAnnotation(store, note(1))).toEqual(edited);
    expect(noteOf((await getAnnotation(store, 'urn:uuid:test-1')) as Annotation)).toBe('newer');
  });

  it('deletes and returns the deleted annotation for undo', async () => {
    const store = await fresh();
    await putAnnotation(store, note(0));
    const removed = await deleteAnnotation(store, 'urn:uuid:test-0');
    expect(removed).toEqual(note(0));
    expect(await getAnnotation(store, 'urn:uuid:test-0')).toBeUndefined();
    expect(await deleteAnnotation(store, 'urn:uuid:test-0')).toBeUndefined();
    await putAnnotation(store, removed as Annotation); // undo
    expect(await getAnnotation(store, 'urn:uuid:test-0')).toEqual(note(0));
  });

  it('loses nothing with two callers writing in parallel', async () => {
    const store = await fresh();
    const loop = async (prefix: string) => {
      for (let i = 0; i < 150; i++) await putAnnotation(store, { ...note(i), id: `urn:uuid:${prefix}-${i}` });
    };
    await Promise.all([loop('tab-a'), loop('tab-b')]);
    const all = await exportAll(store);
    expect(all).toHaveLength(300);
    expect(new Set(all.map((a) => a.id)).size).toBe(300);
  });

  it('round-trips export -> file -> import into another profile identically', async () => {
    const source = await fresh();
    for (let i = 0; i < 8; i++) await putAnnotation(source, note(i, i + 1));
    const exported = await exportAll(source);
    const target = await openAnnotationsDb(new IDBFactory());
    const summary = await importAnnotations(target, parseImport(exportBackup(exported, new Date())).annotations);
    expect(summary).toEqual({ added: 8, updated: 0, unchanged: 0 });
    expect(await exportAll(target)).toEqual(exported);
    target.close();
  });

  it('imports by merging: same id updated only when newer, never duplicated', async () => {
    const store = await fresh();
    for (let i = 0; i < 3; i++) await putAnnotation(store, note(i));
    const newer = editAnnotation(note(0), { tags: ['verified'] }, new Date('2024-12-01T00:00:00Z'));
    const summary = await importAnnotations(store, [newer, note(1), note(7)]);
    expect(summary).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const all = await exportAll(store);
    expect(all).toHaveLength(4);
    expect(tagsOf(all.find((a) => a.id === newer.id) as Annotation)).toEqual(['verified']);
    expect(await listAnnotations(store, { tag: 'disputed' })).toHaveLength(1); // the index followed the update
  });

  it('rejects an invalid item before writing anything', async () => {
    const store = await fresh();
    await putAnnotation(store, note(0));
    const bad = { ...note(5), target: { selector: [] } };
    await expect(importAnnotations(store, [note(1), note(2), bad])).rejects.toThrow(ImportError);
    expect((await exportAll(store)).map((a) => a.id)).toEqual(['urn:uuid:test-0']);
  });

  it('maps a full quota to StorageFullError and writes none of an import', async () => {
    const store = await fresh();
    await putAnnotation(store, note(0));
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    try {
      const attempt = importAnnotations(store, [1, 2, 3, 4].map((i) => note(i)));
      await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
      await expect(attempt).rejects.toThrow("Your browser's storage for Crosscheck is full");
      calls = 2;
      await expect(putAnnotation(store, note(9))).rejects.toBeInstanceOf(StorageFullError);
    } finally {
      spy.mockRestore();
    }
    expect((await exportAll(store)).map((a) => a.id)).toEqual(['urn:uuid:test-0']);
  });
});

describe('schema migration', () => {
  const v1Records: AnnotationV1[] = Array.from({ length: 25 }, (_, i) => ({
    id: `0000-${i}`, url: `https://news.example/p${i % 4}?utm_source=newsletter#c`, quote: `quote ${i}`,
    note: i % 5 ? `note ${i}` : '', tags: i % 3 ? 'disputed, follow up' : 'verified', created: 1_700_000_000_000 + i * 1000,
  }));

  it('opens a real v1 database at v2 without losing a record', async () => {
    const factory = new IDBFactory();
    const v1 = await openAtVersion(factory, 1);
    expect([...v1.objectStoreNames]).toEqual(['annotations']);
    expect([...v1.transaction('annotations').store.indexNames]).toEqual(['by-url']);
    for (const r of v1Records) await v1.put('annotations', r);
    v1.close();

    db = await openAnnotationsDb(factory);
    expect(db.version).toBe(ANNOTATIONS_DB_VERSION);
    const all = await exportAll(db);
    expect(all).toHaveLength(v1Records.length);
    for (const r of v1Records) {
      const a = all.find((x) => x.id === `urn:uuid:${r.id}`) as Annotation;
      expect(a.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: r.quote }]);
      expect(a.target.source).toBe(`https://news.example/p${Number(r.id.split('-')[1]) % 4}`);
      expect(noteOf(a)).toBe(r.note);
      expect(tagsOf(a)).toEqual(r.tags.split(', '));
      expect(a.created).toBe(new Date(r.created).toISOString());
    }
    expect(await listAnnotations(db, { tag: 'verified' })).toHaveLength(9);
    expect(await listAnnotations(db, { source: 'https://news.example/p1' })).toHaveLength(6);
    // Migrated records survive an export/import round trip (they are valid annotations).
    expect(parseImport(exportBackup(all, new Date())).annotations).toEqual(all);
  });

  it('reports a blocked upgrade while another tab holds v1 open', async () => {
    const factory = new IDBFactory();
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('annotations', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result); // No versionchange handler: it will not let go.
    });
    const opening = openAnnotationsDb(factory);
    await expect(opening).rejects.toBeInstanceOf(UpgradeBlockedError);
    await expect(opening).rejects.toThrow('Close other tabs with Crosscheck pages open, then try again');
    holder.close();
    await new Promise((r) => setTimeout(r, 20)); // The pending upgrade finishes once the tab lets go.
    db = await openAnnotationsDb(factory);
    expect(db.version).toBe(ANNOTATIONS_DB_VERSION);
  });
});
