/**
 * Where Crosscheck can run: browsers keep extensions out of their own pages and out of extension stores, and
 * file pages need the reader's "Allow access to file URLs". Pure, so the background and tests share it.
 */

/** Why a page cannot be checked. */
export type UnsupportedReason = 'browser-page' | 'extension-store' | 'file-access';

/** The verdict for a page: runs, or does not and why. */
export type PageSupport = { runs: true } | { runs: false; reason: UnsupportedReason };

/**
 * Extension stores by host, with the path prefix where it matters. Browsers block content scripts there
 * (Chrome's store also lives under chrome.google.com/webstore on older links).
 */
const STORES: ReadonlyArray<{ host: string; path: string }> = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.opera.com', path: '/' },
];

/**
 * Whether the page at `url` can be checked. `fileAccess` is the browser's answer to "may this extension read
 * file: pages". A missing URL (the browser hid it) is taken as a web page: the check itself will tell.
 */
export function pageSupport(url: string | null, fileAccess: boolean): PageSupport {
  if (url === null) return { runs: true };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { runs: false, reason: 'browser-page' };
  }
  if (u.protocol === 'file:') return fileAccess ? { runs: true } : { runs: false, reason: 'file-access' };
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { runs: false, reason: 'browser-page' };
  const store = STORES.some((s) => u.hostname === s.host && u.pathname.startsWith(s.path));
  return store ? { runs: false, reason: 'extension-store' } : { runs: true };
}
