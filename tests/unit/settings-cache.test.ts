import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsCache } from '../../entrypoints/background/settings-cache';
import { siteEnabled } from '../../lib/settings';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { browserDismissedStore } from '../../entrypoints/background/settings-cache';
import { dismissedItem, sensitivityItem, setSiteEnabled } from '../../utils/settings';

/** Lets the storage change events reach the watchers. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('background settings cache: read once, replaced on change', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads storage on first use only', async () => {
    const cache = createSettingsCache(browserDismissedStore(new IDBFactory()));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await cache.sensitivity.get()).toBe('possible');
    expect(await cache.sensitivity.get()).toBe('possible');
    expect(await cache.dismissed.get()).toEqual({});
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('follows changes made elsewhere, and tells the listeners after the cache holds the new value', async () => {
    await dismissedItem.setValue({ 'https://news.example/old': ['c-0'] });
    const cache = createSettingsCache(browserDismissedStore(new IDBFactory()));
    expect(await cache.sensitivity.get()).toBe('possible');
    const seen: string[] = [];
    cache.onDisplayChange(() => void cache.sensitivity.get().then((v) => seen.push(v)));
    await sensitivityItem.setValue('confident');
    await settle();
    expect(await cache.sensitivity.get()).toBe('confident');
    await settle();
    expect(seen).toEqual(['confident']);

    await cache.dismissed.add('https://news.example/a', 'c-1');
    await settle();
    expect((await cache.dismissed.get())['https://news.example/a']).toEqual(['c-1']);
    expect(seen).toEqual(['confident', 'confident']);
    // The old list moved into the private store and is gone from storage.local, which content scripts read.
    expect((await cache.dismissed.get())['https://news.example/old']).toEqual(['c-0']);
    expect(await fakeBrowser.storage.local.get('dismissedMatches')).toEqual({});

    expect(siteEnabled(await cache.siteToggles.get(), 'https://news.example/a')).toBe(true);
    await setSiteEnabled('https://news.example/a', false);
    await settle();
    expect(siteEnabled(await cache.siteToggles.get(), 'https://news.example/a')).toBe(false);
  });
});
