/**
 * "Not a match" choices in the background's private IndexedDB store: moved once from `storage.local` (which
 * every content script can read), per page regardless of query and fragment, and no click lost when two land
 * at once.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDismissedStore } from '../../entrypoints/background/dismissed-store';
import { type DismissedMatches, pageKey } from '../../lib/settings';

function legacyOf(initial: DismissedMatches) {
  let value: DismissedMatches | null = initial;
  return {
    legacy: { get: async () => value ?? {}, remove: async () => void (value = null) },
    left: () => value,
  };
}

describe('dismissed store: private to the background', () => {
  it('remembers "not a match" per page and claim, ignoring query and fragment', async () => {
    const store = createDismissedStore(new IDBFactory(), legacyOf({}).legacy);
    await store.add('https://www.bbc.com/news/world-1?at=home#top', 'c-1');
    await store.add('https://www.bbc.com/news/world-1', 'c-2');
    expect(await store.add('https://www.bbc.com/news/world-1', 'c-2')).toEqual(['c-1', 'c-2']);
    expect((await store.on('https://www.bbc.com/news/world-1?utm=x')).sort()).toEqual(['c-1', 'c-2']);
    expect(await store.on('https://www.bbc.com/news/world-2')).toEqual([]);
    expect(pageKey('not a url')).toBe('not a url');
  });

  it('moves the old storage.local list in once and removes it there', async () => {
    const factory = new IDBFactory();
    const old = legacyOf({ 'https://news.example/a': ['c-9'] });
    const store = createDismissedStore(factory, old.legacy);
    expect(await store.on('https://news.example/a#x')).toEqual(['c-9']);
    expect(old.left()).toBeNull();
    // A new service worker reads the private store, not the (now empty) old one.
    const again = createDismissedStore(factory, legacyOf({ 'https://news.example/b': ['c-1'] }).legacy);
    expect(await again.get()).toEqual({ 'https://news.example/a': ['c-9'] });
  });

  it('loses no click when many land at once, and the list survives a new service worker', async () => {
    const factory = new IDBFactory();
    const store = createDismissedStore(factory, legacyOf({}).legacy);
    let changes = 0;
    store.onChange(() => changes++);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(`https://news.example/p${i % 2}`, `c-${i}`)));
    expect(changes).toBe(20);
    const reread = createDismissedStore(factory, legacyOf({}).legacy);
    const all = await reread.get();
    expect(Object.values(all).flat()).toHaveLength(20);
    expect(all['https://news.example/p0']).toHaveLength(10);
  });

  it('undoes "not a match" for one claim, keeps the others, and forgets a page left with none', async () => {
    const factory = new IDBFactory();
    const store = createDismissedStore(factory, legacyOf({}).legacy);
    await store.add('https://news.example/a', 'c-1');
    await store.add('https://news.example/a', 'c-2');
    await store.add('https://news.example/b', 'c-3');
    expect(await store.remove('https://news.example/a?utm=x', 'c-1')).toEqual(['c-2']);
    expect(await store.remove('https://news.example/b', 'c-3')).toEqual([]);
    const reread = createDismissedStore(factory, legacyOf({}).legacy);
    expect(await reread.get()).toEqual({ 'https://news.example/a': ['c-2'] });
  });
});
