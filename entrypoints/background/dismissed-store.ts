/**
 * "Not a match" choices, kept where only the extension can read them: an IndexedDB database of the
 * extension's origin, opened by the background. `browser.storage.local` would do, but every content script can
 * read all of it, so a script on one site could list the other pages the reader dismissed matches on. Content
 * scripts ask the background for their own page's list (`contentReady`, `pageDismissed`) and add to it
 * (`dismissMatch`); the protocol keeps them to their own origin.
 *
 * Writes go through one queue: two "Not a match" clicks at once (two tabs, or two quick clicks) both land.
 */
import { type DismissedMatches, dismissedOn, withDismissed, withoutDismissed } from '../../lib/settings';
import { SerialQueue } from './annotation-service';

/** Database of the background's private settings (apart from the annotation store and its migrations). */
export const PRIVATE_DB_NAME = 'crosscheck-private';
const PRIVATE_DB_VERSION = 1;
const STORE = 'settings';
const DISMISSED_KEY = 'dismissedMatches';

/** Where the dismissed choices lived before (readable by content scripts); moved once, then removed. */
export interface LegacyDismissed {
  get(): Promise<DismissedMatches>;
  remove(): Promise<void>;
}

/** The background's "not a match" store. */
export interface DismissedStore {
  /** Every page's dismissed claims (for the badge counts); read once, then kept in memory. */
  get(): Promise<DismissedMatches>;
  /** The claims dismissed on the page at `url`. */
  on(url: string): Promise<string[]>;
  /** Adds `claim` on the page at `url`; answers the page's list afterwards. */
  add(url: string, claim: string): Promise<string[]>;
  /** Removes `claim` on the page at `url` (the popup's undo); answers the page's list afterwards. */
  remove(url: string, claim: string): Promise<string[]>;
  /** Calls `listener` after every change. */
  onChange(listener: () => void): void;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openPrivateDb(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(PRIVATE_DB_NAME, PRIVATE_DB_VERSION);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req).then((db) => {
    db.onversionchange = () => db.close();
    return db;
  });
}

async function readValue(factory: IDBFactory): Promise<DismissedMatches | undefined> {
  const db = await openPrivateDb(factory);
  try {
    return (await request(db.transaction(STORE).objectStore(STORE).get(DISMISSED_KEY))) as DismissedMatches | undefined;
  } finally {
    db.close();
  }
}

async function writeValue(factory: IDBFactory, value: DismissedMatches): Promise<void> {
  const db = await openPrivateDb(factory);
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, DISMISSED_KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The store over `factory` (the browser's `indexedDB`; fake-indexeddb in tests), moving `legacy` in once. */
export function createDismissedStore(factory: IDBFactory, legacy: LegacyDismissed): DismissedStore {
  const writes = new SerialQueue();
  const listeners: Array<() => void> = [];
  let value: Promise<DismissedMatches> | null = null;
  const load = async (): Promise<DismissedMatches> => {
    const stored = await readValue(factory);
    if (stored) return stored;
    const old = await legacy.get();
    await writeValue(factory, old);
    await legacy.remove();
    return old;
  };
  const get = () =>
    (value ??= load().catch((error: unknown) => {
      value = null;
      throw error;
    }));
  const change = (url: string, next: (all: DismissedMatches) => DismissedMatches) =>
    writes.run(async () => {
      const value_ = next(await get());
      await writeValue(factory, value_);
      value = Promise.resolve(value_);
      listeners.forEach((l) => l());
      return [...dismissedOn(value_, url)];
    });
  return {
    get,
    on: async (url) => [...dismissedOn(await get(), url)],
    add: (url, claim) => change(url, (all) => withDismissed(all, url, claim)),
    remove: (url, claim) => change(url, (all) => withoutDismissed(all, url, claim)),
    onChange: (listener) => void listeners.push(listener),
  };
}
