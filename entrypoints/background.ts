import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Corpus } from '../lib/corpus/types';
import { CorpusView, matchSentence, warmUpQueries } from '../lib/match/page';
import { PageContexts, buildContext } from '../lib/match';
import { listen, packagedUrl, sendToTab } from '../lib/messaging';
import type { CheckMode } from '../lib/protocol';
import * as annotationsBg from '../lib/background/annotations';
import { startPopupSupport } from '../lib/background/popup-support';
import { createSettingsCache } from '../lib/background/settings-cache';
import { CONTENT_SCRIPT_FILE, EARLY_SCRIPT_FILE, activeTabId, openPopup } from '../lib/background/tabs';
import {
  addAlwaysCheckSite,
  alwaysCheckItem,
  originPattern,
  popupRequestItem,
  siteEnabled,
  dismissedOn,
  siteOrigin,
} from '../lib/settings';

/** Ids of the content scripts registered for "Always check this site": the reader and its early question. */
const ALWAYS_CHECK_SCRIPTS = ['crosscheck-always', 'crosscheck-always-early'];
const MENU = { page: 'crosscheck-check-page', selection: 'crosscheck-check-selection', always: 'crosscheck-always-check' } as const;

let corpusView: Promise<CorpusView> | null = null;
/** The event context of each page being checked, per tab and URL. */
const pageContexts = new PageContexts();
/** The reader's annotations: their store, and their sentences joined to the corpus matcher. */
const annotations = annotationsBg.createAnnotationService(() => (corpusView = null));

/** Warm-up queries matched per task: small, so a page's batch waits at most a few milliseconds behind one. */
const WARM_UP_SLICE = 4;

/** Matches the warm-up queries in small tasks (see {@link warmUpQueries}); page batches run between them. */
function warmUp(view: CorpusView): void {
  const queries = warmUpQueries(view);
  const context = buildContext(queries.map((q) => q.text));
  const step = (from: number) => {
    for (const q of queries.slice(from, from + WARM_UP_SLICE)) matchSentence(view, q, null, context);
    if (from + WARM_UP_SLICE < queries.length) setTimeout(() => step(from + WARM_UP_SLICE), 0);
  };
  setTimeout(() => step(0), 0);
}

/** The corpus index, loaded from the package on first use and kept for the life of the service worker. */
function corpus(): Promise<CorpusView> {
  corpusView ??= fetch(packagedUrl('/corpus.json'))
    .then((r) => r.json() as Promise<Corpus>)
    .then((c) => annotations.joinInto(CorpusView.fromCorpus(c)))
    .then((view) => {
      warmUp(view);
      return view;
    })
    .catch((err: unknown) => {
      corpusView = null;
      throw err;
    });
  return corpusView;
}

/** On-demand checks waiting for the injected content script to say it is ready, by tab. */
const pending = new Map<number, Exclude<CheckMode, 'off'>>();

/** Checks a tab on demand: tells a running content script, or injects one that asks what to do. */
async function checkTab(tabId: number, mode: Exclude<CheckMode, 'off'>): Promise<void> {
  try {
    await sendToTab(tabId, mode === 'page' ? 'checkPage' : 'checkSelection', {});
  } catch {
    pending.set(tabId, mode);
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  }
}

/** Registers the content script for every always-check site whose host permission is granted. */
async function syncAlwaysCheck(): Promise<void> {
  const sites = await alwaysCheckItem.getValue();
  const granted = await Promise.all(sites.map((o) => browser.permissions.contains({ origins: [originPattern(o)] })));
  const matches = sites.filter((_, i) => granted[i]).map(originPattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: ALWAYS_CHECK_SCRIPTS });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (matches.length === 0) return;
  const [reader, early] = ALWAYS_CHECK_SCRIPTS as [string, string];
  await browser.scripting.registerContentScripts([
    { id: early, js: [EARLY_SCRIPT_FILE], matches, runAt: 'document_start', persistAcrossSessions: true },
    { id: reader, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_end', persistAcrossSessions: true },
  ]);
}

/** "Always check this site": asks for the host permission now (a user gesture), then remembers the site. */
async function alwaysCheck(tab: Browser.tabs.Tab): Promise<void> {
  const origin = tab.url ? siteOrigin(tab.url) : null;
  if (!origin || tab.id === undefined) return;
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return;
  await addAlwaysCheckSite(origin);
  await syncAlwaysCheck();
  await checkTab(tab.id, 'page');
}

function createMenus(): void {
  annotationsBg.createAnnotationMenus();
  browser.contextMenus.create({ id: MENU.page, title: 'Check this page', contexts: ['page'] });
  browser.contextMenus.create({ id: MENU.selection, title: 'Check selection', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU.always, title: 'Always check this site', contexts: ['page'] });
}

async function onMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (annotationsBg.onAnnotationMenu(info, tab) || tab?.id === undefined) return;
  if (info.menuItemId === MENU.page) await checkTab(tab.id, 'page');
  else if (info.menuItemId === MENU.selection) await checkTab(tab.id, 'selection');
  else if (info.menuItemId === MENU.always) await alwaysCheck(tab);
}

async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = tab?.id ?? (await activeTabId());
  if (annotationsBg.onAnnotationCommand(command, tabId) || tabId === null) return;
  if (command === 'check-page') await checkTab(tabId, 'page');
  else if (command === 'next-claim' || command === 'previous-claim') {
    await sendToTab(tabId, 'moveClaim', { direction: command === 'next-claim' ? 1 : -1 }).catch(() => undefined);
  }
}

/**
 * Background service worker: holds the corpus index (one per browser, never per tab), answers the content
 * scripts' batches, and starts checks on demand from the context menu, the keyboard and the popup.
 */
export default defineBackground(() => {
  const settings = createSettingsCache();
  const popup = startPopupSupport(settings);
  listen({
    ...annotations.handlers(),
    contentReady: async (_req, { tabId, url }) => {
      const asked = tabId === null ? undefined : pending.get(tabId);
      if (asked && tabId !== null) pending.delete(tabId);
      const page = url ?? '';
      const [toggles, sensitivity, dismissed] = await Promise.all([settings.siteToggles.get(), settings.sensitivity.get(), settings.dismissed.get()]);
      const mode = asked ?? (siteEnabled(toggles, page) ? 'page' : 'off');
      return { mode, sensitivity, dismissed: [...dismissedOn(dismissed, page)] };
    },
    matchSentences: async ({ url, sentences, pageDate }, sender) => {
      const view = await corpus();
      // Each sentence is read in its page: the context of every sentence of this page seen so far.
      const context = pageContexts.extend(`${sender.tabId}|${url}`, sentences.map((s) => s.text), pageDate);
      const results = sentences.map(({ key, text }) => ({
        key,
        match: matchSentence(view, { start: 0, end: text.length, text }, pageDate, context),
      }));
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
