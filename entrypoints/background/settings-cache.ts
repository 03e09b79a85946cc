/**
 * The reader's settings as the background needs them on every page load: read from storage once, then kept
 * in memory and replaced when they change. A content script asks for them while its page loads, when each
 * storage round trip through the busy browser process costs tens of milliseconds.
 */
import type { WxtStorageItem } from 'wxt/utils/storage';
import { type DismissedMatches, type Sensitivity, type SiteToggles } from '../../lib/settings';
import { dismissedItem, sensitivityItem, siteTogglesItem } from '../../utils/settings';
import { type DismissedStore, createDismissedStore } from './dismissed-store';

/** A storage item's value, read on first use and replaced by every change. */
export interface CachedValue<T> {
  get(): Promise<T>;
}

/** Caches `item`; `onChange` runs after the cache holds the new value. */
export function cachedItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, onChange?: () => void): CachedValue<T> {
  let value: Promise<T> | null = null;
  item.watch((next) => {
    value = Promise.resolve(next ?? item.fallback);
    onChange?.();
  });
  return {
    get: () =>
      (value ??= item.getValue().catch((err: unknown) => {
        value = null;
        throw err;
      })),
  };
}

/** The settings the background reads while pages load. */
export interface BackgroundSettings {
  siteToggles: CachedValue<SiteToggles>;
  sensitivity: CachedValue<Sensitivity>;
  /** "Not a match" choices: the background's private store, not `storage.local` (content scripts read that). */
  dismissed: CachedValue<DismissedMatches> & Pick<DismissedStore, 'on' | 'add' | 'remove'>;
  /** Calls `listener` after the sensitivity or the dismissed matches changed. */
  onDisplayChange(listener: () => void): void;
}

/** The dismissed store on the browser's IndexedDB, moving the old `storage.local` item in on first use. */
export function browserDismissedStore(factory: IDBFactory = indexedDB): DismissedStore {
  return createDismissedStore(factory, { get: () => dismissedItem.getValue(), remove: () => dismissedItem.removeValue() });
}

/** The background's settings cache (one per service worker). */
export function createSettingsCache(dismissed: DismissedStore = browserDismissedStore()): BackgroundSettings {
  const listeners: Array<() => void> = [];
  const changed = () => listeners.forEach((l) => l());
  dismissed.onChange(changed);
  return {
    siteToggles: cachedItem(siteTogglesItem),
    sensitivity: cachedItem(sensitivityItem, changed),
    dismissed,
    onDisplayChange: (listener) => void listeners.push(listener),
  };
}
