/**
 * The background's annotation service over fake-indexeddb: concurrent saves from two tabs, delete and undo,
 * orphans, page lookup by canonical and seen URL, and the errors the reader must see (storage full, blocked
 * upgrade) passing through the protocol's envelope.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { type Annotation, createAnnotation, editAnnotation, noteOf, tagsOf } from '../../lib/annotations/model';
import { userMessage } from '../../lib/annotations/requests';
import { AnnotationService, BATCH_LIMITS, SerialQueue } from '../../entrypoints/background/annotation-service';
import { dispatch, message, unwrap } from '../../lib/protocol';
import { DB_NAME, openAnnotationsDb } from '../../utils/annotations-db';

const PAGE = 'Aid reached Madaya on Monday. The UN said 40 trucks entered the town. Residents described severe hunger.';

function note(i: number, source = 'https://news.example/madaya', seen = source): Annotation {
  const quote = ['Aid reached Madaya on Monday.', 'The UN said 40 trucks entered the town.', 'Residents described severe hunger.'][i % 3] as string;
  const start = PAGE.indexOf(quote);
  return createAnnotation({
    pageText: PAGE, start, end: start + quote.length, note: `note ${i}`, tags: ['follow up'],
    canonicalUrl: source, seenUrl: seen, now: new Date(Date.UTC(2024, 2, 1, 0, 0, i)), id: `urn:uuid:svc-${i}`,
  });
}

/** An extension page (the annotations page) as a sender. */
const EXTENSION_PAGE = { tabId: null, url: 'chrome-extension://abc/annotations.html', sender: 'extension', origin: 'chrome-extension://abc' } as const;

/** Every annotation, through the export batches, oldest first as the page sorts them. */
async function exportAll(svc: AnnotationService): Promise<Annotation[]> {
  const out: Annotation[] = [];
  let after: string | null = null;
  do {
    const batch: { annotations: Annotation[]; next: string | null } = await svc.exportBatch(after);
    out.push(...batch.annotations);
    after = batch.next;
  } while (after !== null);
  return out.sort((a, b) => (a.created === b.created ? (a.id < b.id ? -1 : 1) : a.created < b.created ? -1 : 1));
}

function service(factory = new IDBFactory()) {
  let orphanIds: string[] = [];
  const resets = { count: 0 };
  const svc = new AnnotationService({
    openDb: (onGone) => openAnnotationsDb(factory, onGone),
    orphans: { get: async () => [...orphanIds], set: async (ids) => void (orphanIds = [...ids]) },
    resetMatcher: () => void resets.count++,
  });
  return { svc, resets, orphans: () => orphanIds };
}

describe('annotation service', () => {
  it('two tabs saving at once lose nothing', async () => {
    const { svc } = service();
    const tabA = Array.from({ length: 30 }, (_, i) => svc.save(note(i * 2)));
    const tabB = Array.from({ length: 30 }, (_, i) => svc.save(note(i * 2 + 1)));
    await Promise.all([...tabA, ...tabB]);
    const { annotations } = await svc.list();
    console.log(`concurrent saves: 60 sent, ${annotations.length} stored`);
    expect(new Set(annotations.map((a) => a.id)).size).toBe(60);
  });

  it('delete answers the record, undo puts it back identical, and the matcher is rebuilt', async () => {
    const { svc, resets } = service();
    const a = (await svc.save(note(1))).annotation;
    const deleted = await svc.remove(a.id);
    expect(deleted).toEqual(a);
    expect(resets.count).toBe(1);
    expect((await svc.list()).annotations).toEqual([]);
    await svc.save(deleted as Annotation);
    expect((await svc.list()).annotations).toEqual([a]);
    expect(await svc.remove('urn:uuid:nothing')).toBeNull();
  });

  it('keeps orphans listed until they are placed again or deleted', async () => {
    const { svc, orphans } = service();
    const [a, b] = [(await svc.save(note(0))).annotation, (await svc.save(note(1))).annotation];
    await svc.reportAnchoring([a.id], [b.id]);
    expect((await svc.list()).orphans).toEqual([b.id]);
    expect((await svc.forPage([a.target.source])).orphans).toEqual([b.id]);
    await svc.reportAnchoring([b.id], []);
    expect((await svc.list()).orphans).toEqual([]);
    await svc.reportAnchoring([], [a.id]);
    await svc.remove(a.id);
    expect(orphans()).toEqual([]);
  });

  it('finds a page by its canonical URL or by the URL it was seen at, tracking parameters aside', async () => {
    const { svc } = service();
    await svc.save(note(0, 'https://news.example/story'));
    await svc.save(note(1, 'https://news.example/other'));
    const byCanonical = await svc.forPage(['https://news.example/story', 'https://m.news.example/story']);
    expect(byCanonical.annotations.map((a) => a.id)).toEqual(['urn:uuid:svc-0']);
    const bySeen = await svc.forPage(['https://mirror.example/x', 'https://news.example/story?utm_source=mail#top']);
    expect(bySeen.annotations.map((a) => a.id)).toEqual(['urn:uuid:svc-0']);
    expect((await svc.forPage(['https://news.example/none'])).annotations).toEqual([]);
  });

  it('a full quota reaches the reader with what to do, and nothing is stored', async () => {
    const { svc } = service();
    const handlers = svc.handlers();
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const envelope = await dispatch(handlers, { type: 'saveAnnotation', req: { annotation: note(0) } }, EXTENSION_PAGE);
      let message = '';
      try {
        unwrap('saveAnnotation', envelope);
      } catch (e) {
        message = userMessage(e);
      }
      expect(message).toBe("Your browser's storage for Crosscheck is full: export your annotations, then delete some");
    } finally {
      spy.mockRestore();
    }
    expect((await svc.list()).annotations).toEqual([]);
  });

  it('a blocked upgrade reaches the reader, and the next request succeeds once the other tab let go', async () => {
    const factory = new IDBFactory();
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('annotations', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
    });
    const { svc } = service(factory);
    await expect(svc.save(note(0))).rejects.toThrow('Close other tabs with Crosscheck pages open, then try again');
    holder.close();
    await new Promise((r) => setTimeout(r, 20));
    await svc.save(note(0));
    expect((await svc.list()).annotations).toHaveLength(1);
  });

  it('import is all-or-nothing, merges by id, and export gives back what was imported', async () => {
    const { svc } = service();
    await svc.save(note(0));
    const counts = await svc.import([note(0), note(1), note(2)]);
    expect(counts).toEqual({ added: 2, updated: 0, unchanged: 1 });
    const broken = { ...note(3), target: { source: 'not a url', selector: [] } } as unknown as Annotation;
    await expect(svc.import([note(4), broken])).rejects.toThrow(/item 2/);
    expect((await exportAll(svc)).map((a) => a.id)).toEqual(['urn:uuid:svc-0', 'urn:uuid:svc-1', 'urn:uuid:svc-2']);
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time in call order, past failures', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms);
      });
    const results = await Promise.allSettled([queue.run(task('a', 20)), queue.run(task('b', 1, true)), queue.run(task('c', 1))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('annotation service: what a content script may touch', () => {
  const victim = { tabId: 3, url: 'https://news.example/madaya', sender: 'content', origin: 'https://news.example' } as const;
  const attacker = { tabId: 4, url: 'https://evil.example/page', sender: 'content', origin: 'https://evil.example' } as const;

  it('never overwrites a note of another site under its id, and never marks other sites\' notes orphaned', async () => {
    const { svc, orphans } = service();
    const handlers = svc.handlers();
    const own = (await svc.save(note(0))).annotation;
    const hijack = { ...note(5, 'https://evil.example/page'), id: own.id, modified: '2030-01-01T00:00:00.000Z' };
    const envelope = await dispatch(handlers, message('saveAnnotation', { annotation: hijack }), attacker);
    expect(envelope).toEqual({ ok: false, error: 'This note belongs to another site' });
    expect((await svc.list()).annotations).toEqual([own]);

    await dispatch(handlers, message('reportAnchoring', { placed: [], orphans: [own.id, 'urn:uuid:none'] }), attacker);
    expect(orphans()).toEqual([]);
    await dispatch(handlers, message('reportAnchoring', { placed: [], orphans: [own.id] }), victim);
    expect(orphans()).toEqual([own.id]);
  });

  it('answers a claim\'s notes only from the asking site, and counts the others', async () => {
    const { svc } = service();
    const onClaim = (n: Annotation, claim: string): Annotation => ({ ...n, 'crosscheck:claim': claim });
    await svc.save(onClaim(note(0), 'c-1'));
    await svc.save(onClaim(note(1, 'https://other.example/x'), 'c-1'));
    await svc.save(onClaim(note(2, 'https://third.example/y'), 'c-1'));
    const handlers = svc.handlers();
    const asked = unwrap('claimAnnotations', await dispatch(handlers, message('claimAnnotations', { claims: ['c-1'] }), victim));
    expect(asked.annotations.map((a) => a.id)).toEqual(['urn:uuid:svc-0']);
    expect(asked.elsewhere).toBe(2);
    const fromAttacker = unwrap('claimAnnotations', await dispatch(handlers, message('claimAnnotations', { claims: ['c-1'] }), attacker));
    expect(fromAttacker).toEqual({ annotations: [], elsewhere: 3 });
    const fromPopup = unwrap('claimAnnotations', await dispatch(handlers, message('claimAnnotations', { claims: ['c-1'] }), EXTENSION_PAGE));
    expect(fromPopup.annotations).toHaveLength(3);
  });
});

describe('annotation service: storage a page cannot trap', () => {
  it('lists and exports in bounded batches whatever the notes weigh', async () => {
    const { svc } = service();
    const big = 'x'.repeat(19_000);
    const list = Array.from({ length: 600 }, (_, i) => ({ ...note(i), id: `urn:uuid:big-${String(i).padStart(4, '0')}`, body: [{ type: 'TextualBody' as const, value: `${i} ${big}`, purpose: 'commenting' as const }] }));
    await svc.import(list);
    let after: string | null = null;
    const sizes: number[] = [];
    const seen = new Set<string>();
    do {
      const batch: Awaited<ReturnType<AnnotationService['list']>> = await svc.list(after);
      sizes.push(JSON.stringify(batch).length);
      for (const a of batch.annotations) seen.add(a.id);
      after = batch.next;
    } while (after !== null);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`600 notes of 19,000 characters: ${sizes.length} list batches, largest ${(Math.max(...sizes) / 2 ** 20).toFixed(1)} MiB of ${(total / 2 ** 20).toFixed(1)} MiB`);
    expect(seen.size).toBe(600);
    expect(Math.max(...sizes)).toBeLessThan(BATCH_LIMITS.maxChars + 64_000);
    expect(sizes.length).toBeGreaterThan(2);
    expect((await exportAll(svc)).length).toBe(600);
  });

  it('refuses a note past the size limit with a message that says so', async () => {
    const { svc } = service();
    const huge = { ...note(0), body: [{ type: 'TextualBody' as const, value: 'y'.repeat(300_000), purpose: 'commenting' as const }] };
    await expect(svc.save(huge)).rejects.toThrow('This note: the note has 300,000 characters; a note can have at most 20,000');
    const tagged = { ...note(0), body: Array.from({ length: 60 }, (_, i) => ({ type: 'TextualBody' as const, value: `t${i}`, purpose: 'tagging' as const })) };
    await expect(svc.import([note(1), tagged])).rejects.toThrow('item 2 (urn:uuid:svc-0) has 60 tags; a note can have at most 50');
    expect((await svc.list()).annotations).toEqual([]);
  });
});

describe('annotation service: no edit silently lost', () => {
  it('brings dates in the future to now on import and save, so the note can be edited afterwards', async () => {
    const { svc } = service();
    const future = { ...note(0), created: '2099-01-01T00:00:00.000Z', modified: '2099-01-01T00:00:00.000Z' };
    await svc.import([future]);
    const [stored] = (await svc.list()).annotations;
    expect(Date.parse((stored as Annotation).modified)).toBeLessThanOrEqual(Date.now());
    const edited = editAnnotation(stored as Annotation, { note: 'edited' }, new Date());
    const saved = await svc.save(edited, { base: (stored as Annotation).modified });
    expect(saved.conflict).toBeUndefined();
    expect(noteOf((await svc.list()).annotations[0] as Annotation)).toBe('edited');
    const planted = await svc.save({ ...note(1), modified: '2099-01-01T00:00:00.000Z' });
    expect(Date.parse(planted.annotation.modified)).toBeLessThanOrEqual(Date.now());
  });

  it('two tabs editing one note: the second save says so and both versions are kept', async () => {
    const { svc } = service();
    const original = (await svc.save(note(0))).annotation;
    const tabA = editAnnotation(original, { tags: ['verified'] }, new Date(Date.now() - 1000));
    const tabB = editAnnotation(original, { note: 'rewritten' }, new Date());
    expect((await svc.save(tabA, { base: original.modified })).conflict).toBeUndefined();
    const second = await svc.save(tabB, { base: original.modified });
    expect(second.conflict).toEqual(tabA);
    expect(second.annotation.id).not.toBe(original.id);
    const all = (await svc.list()).annotations;
    expect(all).toHaveLength(2);
    expect(all.map((a) => [noteOf(a), tagsOf(a)]).sort()).toEqual([['note 0', ['verified']], ['rewritten', ['follow up']]].sort());
  });
});

describe('annotation service: a connection closed under it', () => {
  it('reopens after another context deletes or upgrades the database, and the next save succeeds', async () => {
    const factory = new IDBFactory();
    const { svc } = service(factory);
    await svc.save(note(0));
    await new Promise<void>((resolve, reject) => {
      const del = factory.deleteDatabase(DB_NAME);
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
    });
    await svc.save(note(1));
    expect((await svc.list()).annotations.map((a) => a.id)).toEqual(['urn:uuid:svc-1']);
  });
});

describe('annotation service: addresses without click tracking', () => {
  it('stores and exports notes without utm_*, fbclid, gclid or mc_cid', async () => {
    const { svc } = service();
    const tracked = 'https://news.example/story?id=7&utm_source=mail&fbclid=abc&gclid=1&mc_cid=2#top';
    await svc.save(note(0, tracked, `${tracked}&utm_medium=x`));
    const legacy = note(1, 'https://news.example/old?utm_campaign=z');
    await svc.import([legacy]);
    const exported = await exportAll(svc);
    expect(exported.map((a) => a.target)).toEqual([
      expect.objectContaining({ source: 'https://news.example/story?id=7' }),
      expect.objectContaining({ source: 'https://news.example/old' }),
    ]);
    expect(exported.every((a) => a.target.scope === undefined)).toBe(true);
    expect(JSON.stringify(exported)).not.toMatch(/utm_|fbclid|gclid|mc_cid/);
  });
});

describe('deleting from the page (deletePageAnnotation)', () => {
  const CONTENT = { tabId: 3, url: 'https://news.example/madaya', sender: 'content', origin: 'https://news.example' } as const;

  it('lets a content script delete a note of its own site, and refuses another site’s note by id', async () => {
    const { svc } = service();
    const own = note(0);
    const other = note(1, 'https://other.example/story');
    await svc.save(own);
    await svc.save(other);
    const ask = (id: string) => dispatch(svc.handlers(), message('deletePageAnnotation', { id, url: CONTENT.url }), CONTENT);
    expect(await ask(other.id)).toEqual({ ok: false, error: 'This note belongs to another site' });
    expect(unwrap('deletePageAnnotation', await ask(own.id)).deleted?.id).toBe(own.id);
    expect(unwrap('deletePageAnnotation', await ask('urn:uuid:none')).deleted).toBeNull();
    expect((await svc.list()).annotations.map((a) => a.id)).toEqual([other.id]);
  });
});

describe('title and claim label saved with a note', () => {
  it('keeps them through save and list, and still takes notes without them', async () => {
    const { svc } = service();
    const titled = createAnnotation({
      pageText: PAGE, start: 0, end: 29, note: '', tags: [], canonicalUrl: 'https://news.example/madaya', seenUrl: 'https://news.example/madaya',
      claimId: 'c-1', claimLabel: 'Aid reached Madaya.', title: '  Madaya:\n aid arrives ', now: new Date(Date.UTC(2024, 2, 2)), id: 'urn:uuid:titled',
    });
    expect(titled.body).toEqual([]);
    await svc.save(titled);
    await svc.save(note(2));
    const listed = new Map((await svc.list()).annotations.map((a) => [a.id, a]));
    expect(listed.get('urn:uuid:titled')?.['crosscheck:title']).toBe('Madaya: aid arrives');
    expect(listed.get('urn:uuid:titled')?.['crosscheck:claimLabel']).toBe('Aid reached Madaya.');
    expect(listed.get('urn:uuid:svc-2')?.['crosscheck:title']).toBeUndefined();
  });
});
