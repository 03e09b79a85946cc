/**
 * What the popup was opened for: an explicit tab (`popup.html?tab=<id>`, used when the popup page opens in a
 * tab, and by the end-to-end tests) and a pending card or context-menu request from storage.
 */
import { type PopupRequest, pageKey } from '../../lib/settings';

/** The tab named by `?tab=<id>` in `search`, or null for the active tab. */
export function tabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

/** True when a stored request was made on the page now shown (an unknown tab URL accepts it). */
export function requestApplies(req: PopupRequest | null, tabUrl: string | null): req is PopupRequest {
  if (!req) return false;
  return tabUrl === null || req.url === '' || pageKey(req.url) === pageKey(tabUrl);
}
