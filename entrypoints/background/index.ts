import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { PageContexts } from '../../lib/match';
import type { SentenceQuery, SentenceResult } from '../../lib/protocol';
import { siteEnabled } from '../../lib/settings';
import { listen } from '../../utils/messaging';
import { popupRequestItem } from '../../utils/settings';
import { createAnnotationService } from './annotations';
import { checkTab, pending, syncAlwaysCheck } from './checks';
import { INDEX_MARKS, claimLabels, createCorpusIndex, matchBatch } from '../../utils/corpus-index';
import { createMenus, onCommand, onMenu } from './menus';
import { startPopupSupport } from './popup-support';
import { offscreenMatcher } from './offscreen';
import { createSettingsCache } from './settings-cache';
import { activeTabId, openPopup } from './tabs';

/** The event context of each page being checked, per tab and URL. */
const pageContexts = new PageContexts();
/** The reader's annotations: their store, and their sentences joined to the corpus matcher (which they reset). */
const annotations = createAnnotationService(
  () => {
    index.reset();
    offscreen?.reset();
  },
  () => offscreen?.joinNotes(),
);
/** This worker's corpus index, joined with the reader's notes: the matcher where there is no offscreen one
 * (Firefox), else only the popup's claim labels and the fallback when the offscreen matcher fails. */
const index = createCorpusIndex((view) => annotations.joinInto(view));

/** Matches a page's batch with the index of this worker. */
async function matchHere(page: string, pageDate: string | null, sentences: SentenceQuery[]): Promise<SentenceResult[]> {
  return matchBatch(await index.get(), pageContexts, page, pageDate, sentences);
}

/** The labels of claims: from the offscreen matcher's index when there is one (this worker then loads no index
 * of its own for them), else, or if it fails, from this worker's. */
async function labelClaims(claims: string[]): Promise<Array<string | null>> {
  const here = async () => claimLabels(await index.get(), claims);
  return offscreen ? offscreen.claimLabels(claims).catch(here) : here();
}

/** The key of a page's event context: its tab and URL. */
function pageKey(tabId: number | null, url: string): string {
  return `${tabId}|${url}`;
}

/** The offscreen matcher (Chrome), which outlives this worker; null where there is none (Firefox). */
let offscreen: ReturnType<typeof offscreenMatcher> = null;

/**
 * Background service worker: answers the content scripts' batches (through the offscreen matcher in Chrome,
 * with its own corpus index in Firefox; one index per browser, never per tab), and starts checks on demand from
 * the context menu, the keyboard and the popup.
 */
export default defineBackground(() => {
  performance.mark(INDEX_MARKS.started);
  let batches = 0;
  // The worker is stopped after about 30 s idle and woken by the next page's first message. In Chrome the
  // offscreen matcher kept its index meanwhile (opened now if it is not open); elsewhere start loading the index
  // now, so it loads while that page's reader reads the page, not after its first batch arrives.
  offscreen = offscreenMatcher();
  if (!offscreen) index.load();
  const settings = createSettingsCache();
  // The page that woke the worker asks for these first (contentReady): read them now, while the worker waits
  // for that message, rather than in three storage round trips after it arrives.
  void Promise.all([settings.siteToggles.get(), settings.sensitivity.get(), settings.dismissed.get()]).catch(() => undefined);
  const popup = startPopupSupport(settings);
  listen({
    ...annotations.handlers(),
    contentReady: async (req, { tabId, url }) => {
      // A new document of the page (a reload) is read afresh: its event context starts empty, as on the first
      // load, so a reload shows what the first load showed (the context grows batch by batch).
      const key = pageKey(tabId, req.url);
      pageContexts.forget(key);
      offscreen?.forget(key);
      const asked = tabId === null ? undefined : pending.get(tabId);
      if (asked && tabId !== null) pending.delete(tabId);
      const page = url ?? '';
      const [toggles, sensitivity, dismissed] = await Promise.all([settings.siteToggles.get(), settings.sensitivity.get(), settings.dismissed.on(page)]);
      const mode = asked ?? (siteEnabled(toggles, page) ? 'page' : 'off');
      return { mode, sensitivity, dismissed };
    },
    dismissMatch: async ({ url, claim }) => ({ dismissed: await settings.dismissed.add(url, claim) }),
    pageDismissed: async ({ url }) => ({ dismissed: await settings.dismissed.on(url) }),
    // The popup's list of "Not a match" choices on its page, and their undo (extension pages only).
    dismissedClaims: async ({ url }) => {
      const ids = await settings.dismissed.on(url);
      const labels = ids.length === 0 ? [] : await labelClaims(ids);
      return { claims: ids.map((claim, i) => ({ claim, label: labels[i] ?? claim })) };
    },
    undismissMatch: async ({ url, claim }) => ({ dismissed: await settings.dismissed.remove(url, claim) }),
    matchSentences: async ({ url, sentences, pageDate }, sender) => {
      if (batches++ === 0) performance.mark(INDEX_MARKS.firstBatch);
      const page = pageKey(sender.tabId, url);
      // The offscreen matcher when there is one; this worker's own index if it fails (e.g. closed by the browser).
      const results = offscreen
        ? await offscreen.match({ page, pageDate, sentences }).then(
            (r) => r.results,
            () => matchHere(page, pageDate, sentences),
          )
        : await matchHere(page, pageDate, sentences);
      popup.record(sender.tabId, url, results);
      return { results };
    },
    openPopup: async (req) => {
      await popupRequestItem.setValue(req);
      // Chrome opens the popup from an extension call only in recent versions; the request waits in storage.
      return { opened: await openPopup() };
    },
    checkTab: async ({ tabId, mode }) => {
      const id = tabId ?? (await activeTabId());
      if (id === null) return { ok: false };
      await checkTab(id, mode);
      return { ok: true };
    },
  });
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void syncAlwaysCheck();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenu(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.permissions.onRemoved.addListener(() => void syncAlwaysCheck());
  browser.tabs.onRemoved.addListener((tabId) => pending.delete(tabId));
});
