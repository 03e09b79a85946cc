/**
 * The page part of the popup: asks the background for the tab's report, keeps asking while the page is
 * still being checked, and runs "Check this page".
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PopupPhase } from '../../components/PopupView';
import { sendToBackground } from '../../utils/messaging';
import type { TabReport } from '../../lib/popup/requests';
import { errorText } from '../../lib/errors';

/** How often the popup asks again while a page is being checked: often enough to feel live, cheap for the tab. */
export const POLL_MS = 400;
/** Polls after "Check this page" during which "not checked" means the injected script is not up yet (~4 s). */
const CHECK_START_POLLS = 10;

function phaseOf(report: TabReport): PopupPhase {
  switch (report.status) {
    case 'unsupported':
      return { kind: 'unsupported', reason: report.reason };
    case 'not-checked':
      return { kind: 'not-checked' };
    default:
      return { kind: 'claims', matches: report.matches, checking: report.status === 'checking' };
  }
}

/**
 * Browsers refuse to inject into their own pages and stores with messages like "Cannot access a chrome://
 * URL" or "The extensions gallery cannot be scripted". Seen when the tab's URL was hidden from the popup.
 */
const REFUSED = /cannot access an? [a-z-]+:\/\/ url|contents of url "(about|chrome|edge|view-source|devtools)[:-]|gallery cannot be scripted/i;

/** The report for `tabId` (null: the active tab) as a phase, with reload and check actions. */
export function useReport(tabId: number | null) {
  const [phase, setPhase] = useState<PopupPhase>({ kind: 'loading' });
  const [report, setReport] = useState<TabReport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const starting = useRef(0);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    try {
      const next = await sendToBackground('tabReport', { tabId });
      setReport(next);
      if (next.status === 'not-checked' && starting.current > 0) {
        starting.current--;
        timer.current = setTimeout(() => void load(), POLL_MS);
        return;
      }
      starting.current = 0;
      setPhase(phaseOf(next));
      if (next.status === 'checking') timer.current = setTimeout(() => void load(), POLL_MS);
    } catch (err) {
      setPhase({ kind: 'error', message: errorText(err) });
    }
  }, [tabId]);

  const check = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const { ok } = await sendToBackground('checkTab', { tabId: report?.tabId ?? tabId, mode: 'page' });
      if (!ok) throw new Error('no tab to check');
      starting.current = CHECK_START_POLLS;
      await load();
    } catch (err) {
      const message = errorText(err);
      setPhase(REFUSED.test(message) ? { kind: 'unsupported', reason: 'browser-page' } : { kind: 'error', message });
    }
  }, [load, report, tabId]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  return { phase, report, reload: load, check };
}
