/**
 * The background's annotation service over fake-indexeddb: concurrent saves from two tabs, delete and undo,
 * orphans, page lookup by canonical and seen URL, and the errors the reader must see (storage full, blocked
 * upgrade) passing through the protocol's envelope.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { type Annotation, createAnnotation } from '../../lib/annotations/model';
import { userMessage } from '../../lib/annotations/requests';
import { AnnotationService, SerialQueue } from '../../entrypoints/background/annotation-service';
import { dispatch, unwrap } from '../../lib/protocol';
import { DB_NAME, openAnnotationsDb } from '../../entrypoints/background/annotations-db';

const PAGE = 'Aid reached Madaya on Monday. The UN said 40 trucks entered the town. Residents described severe hunger.';

function note(i: number, source = 'https://news.example/madaya', seen = source): Annotation {
  const quote = ['Aid reached Madaya on Monday.', 'The UN said 40 trucks entered the town.', 'Residents described severe hunger.'][i % 3] as string;
  const start = PAGE.indexOf(quote);
  return createAnnotation({
    pageText: PAGE, start, end: start + quote.length, note: `note ${i}`, tags: ['follow up'],
    canonicalUrl: source, seenUrl: seen, now: new Date(Date.UTC(2024, 2, 1, 0, 0, i)), id: `urn:uuid:svc-${i}`,
  });
}

function service(factory = new IDBFactory()) {
  let orphanIds: string[] = [];
  const resets = { count: 0 };
  const svc = new AnnotationService({
    openDb: () => openAnnotationsDb(factory),
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
    const a = await svc.save(note(1));
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
    const [a, b] = [await svc.save(note(0)), await svc.save(note(1))];
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
      const envelope = await dispatch(handlers, { type: 'saveAnnotation', req: { annotation: note(0) } }, { tabId: 1, url: null });
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
    expect((await svc.exportAll()).map((a) => a.id)).toEqual(['urn:uuid:svc-0', 'urn:uuid:svc-1', 'urn:uuid:svc-2']);
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

describe('notes on a claim, by who asks (issue 15: a page never gets notes made on other sites)', () => {
  const CLAIM = 'c-madaya-aid';
  function onClaim(i: number, source: string): Annotation {
    return { ...note(i, source), 'crosscheck:claim': CLAIM };
  }
  async function ask(svc: AnnotationService, sender: { tabId: number | null; url: string | null }) {
    const envelope = await dispatch(svc.handlers(), { type: 'claimAnnotations', req: { claims: [CLAIM] } }, sender);
    const res = unwrap('claimAnnotations', envelope);
    return { notes: res.annotations.map((a) => a.id).sort(), elsewhere: res.elsewhere };
  }

  it("a content script gets its own origin's notes and a count of the others; extension pages get them all", async () => {
    const { svc } = service();
    await svc.save(onClaim(0, 'https://news.example/madaya'));
    await svc.save(onClaim(1, 'https://news.example/other-story'));
    await svc.save(onClaim(2, 'https://private-blog.example/diary'));
    await svc.save(note(3, 'https://news.example/madaya')); // another claim: never listed
    const news = await ask(svc, { tabId: 4, url: 'https://news.example/madaya?page=2' });
    expect(news).toEqual({ notes: ['urn:uuid:svc-0', 'urn:uuid:svc-1'], elsewhere: 1 });
    const attacker = await ask(svc, { tabId: 5, url: 'https://attacker.example/' });
    expect(attacker).toEqual({ notes: [], elsewhere: 3 });
    // Same host, another port: another origin.
    expect(await ask(svc, { tabId: 6, url: 'https://news.example:8443/madaya' })).toEqual({ notes: [], elsewhere: 3 });
    expect(await ask(svc, { tabId: 7, url: null })).toEqual({ notes: [], elsewhere: 3 });
    const all = { notes: ['urn:uuid:svc-0', 'urn:uuid:svc-1', 'urn:uuid:svc-2'], elsewhere: 0 };
    expect(await ask(svc, { tabId: null, url: 'chrome-extension://abc/popup.html' })).toEqual(all);
    expect(await ask(svc, { tabId: 8, url: 'chrome-extension://abc/popup.html?tab=4' })).toEqual(all);
  });
});
