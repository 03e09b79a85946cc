/**
 * The "Not a match" choices of the popup's page, with undo: the background owns the list (extension pages
 * only may read it whole or undo), then the tab's content script is told to mark the claim again.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DismissedClaim } from '../../lib/popup/requests';
import { sendToBackground, sendToTab } from '../../utils/messaging';

/** The claims dismissed on the page at `url` in tab `tabId`, and `undo` (which calls `after` when done). */
export function useDismissed(tabId: number | null, url: string | null, after: () => void) {
  const [claims, setClaims] = useState<DismissedClaim[]>([]);
  const load = useCallback(async () => {
    if (!url) return setClaims([]);
    setClaims((await sendToBackground('dismissedClaims', { url }).catch(() => ({ claims: [] }))).claims);
  }, [url]);
  useEffect(() => void load(), [load]);
  const undo = async (claim: string) => {
    if (!url) return;
    await sendToBackground('undismissMatch', { url, claim });
    if (tabId !== null) await sendToTab(tabId, 'restoreMatch', { claim }).catch(() => undefined);
    await load();
    after();
  };
  return { claims, undo, reload: load };
}
