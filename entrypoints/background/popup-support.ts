/**
 * The background's side of the popup: the toolbar badge (claims found per tab), the popup's tab report, and
 * the "Look up selection" context-menu item. Browser-bound wiring, registered by `entrypoints/background.ts`
 * (it cannot live under entrypoints/ while the background is a single file); the rules it applies are pure,
 * in `lib/popup/`.
 */
import { browser, type Browser } from 'wxt/browser';
import { listen, sendToTab } from '../../utils/messaging';
import type { SentenceResult } from '../../lib/protocol';
import { popupRequestItem } from '../../utils/settings';
import type { BackgroundSettings } from './settings-cache';
import { activeTabId, openPopup, toolbarAction } from './tabs';
import { pageSupport } from '../../lib/popup/page-support';
import type { TabReport } from '../../lib/popup/requests';
import { TabClaims, badgeText } from '../../lib/popup/tab-claims';

/** Context-menu id of "Look up selection". */
const LOOKUP_MENU = 'crosscheck-lookup-selection';
/** Badge colour: the accent of the light theme, readable behind white digits. */
const BADGE_COLOR = '#0b5cad';
/** Popup page as built by WXT (the fallback opens it in a tab with `?tab=`). */
const POPUP_PAGE = '/popup.html';

/** What the background hands to the popup support. */
export interface PopupSupport {
  /** Records a batch answered for `tabId`'s page at `url`, and updates that tab's badge. */
  record(tabId: number | null, url: string, results: readonly SentenceResult[]): void;
}

/** The popup's report: unsupported pages by URL, otherwise whatever the tab's content script says. */
async function tabReport(requested: number | null): Promise<TabReport> {
  const tabId = requested ?? (await activeTabId());
  if (tabId === null) throw new Error('no active tab');
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? null;
  const fileAccess = url?.startsWith('file:') ? await browser.extension.isAllowedFileSchemeAccess() : false;
  const support = pageSupport(url, fileAccess);
  if (!support.runs) return { tabId, url, status: 'unsupported', reason: support.reason };
  // No content script answering means nobody checked this page (it was not injected or not allowed).
  const page = await sendToTab(tabId, 'pageClaims', {}).catch(() => null);
  if (!page) return { tabId, url, status: 'not-checked' };
  // The tab's URL is hidden without activeTab (a popup page opened in a tab); the content script knows it.
  const known = url ?? page.url;
  const noteUrls = page.noteUrls;
  if (page.state === 'idle') return { tabId, url: known, noteUrls, status: 'not-checked' };
  return { tabId, url: known, noteUrls, status: page.state === 'checked' ? 'checked' : 'checking', matches: page.matches };
}

/** "Look up selection": the popup opens with the selected text in its search box. */
async function lookUpSelection(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const quote = (info.selectionText ?? '').trim();
  if (!quote || tab?.id === undefined) return;
  await popupRequestItem.setValue({ claim: '', intent: 'lookup', quote, url: tab.url ?? info.pageUrl ?? '' });
  // Opening the popup from an extension call is not allowed everywhere; the popup page in a tab always works.
  if (!(await openPopup())) await browser.tabs.create({ url: `${browser.runtime.getURL(POPUP_PAGE as '/')}?tab=${tab.id}`, openerTabId: tab.id });
}

/** Starts the popup support: message handler, badge bookkeeping, context menu. */
export function startPopupSupport(settings: BackgroundSettings): PopupSupport {
  const claims = new TabClaims();
  /** Tabs with a badge update on its way (batches answered meanwhile are counted by that update). */
  const painting = new Set<number>();
  const shown = new Map<number, string>();
  const paint = async (tabId: number) => {
    if (painting.has(tabId)) return;
    painting.add(tabId);
    let read;
    try {
      // From memory after the first read: a page's batches arrive every few milliseconds while it loads.
      read = await Promise.all([settings.sensitivity.get(), settings.dismissed.get()]);
    } catch {
      return;
    } finally {
      painting.delete(tabId);
    }
    const text = badgeText(claims.count(tabId, ...read));
    if (shown.get(tabId) === text) return;
    shown.set(tabId, text);
    await toolbarAction().setBadgeText({ tabId, text }).catch(() => undefined);
  };
  const repaintAll = () => claims.tabIds().forEach((id) => void paint(id));

  listen({ tabReport: ({ tabId }) => tabReport(tabId) });
  void toolbarAction().setBadgeBackgroundColor({ color: BADGE_COLOR });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: LOOKUP_MENU, title: 'Look up selection', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LOOKUP_MENU) void lookUpSelection(info, tab);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A reload, or another page in the tab: its matches and badge belong to the old page. An in-page anchor
    // is the same page (the content script does not send its sentences again).
    if (change.status !== 'loading' || (change.url !== undefined && claims.holds(tabId, change.url))) return;
    claims.clear(tabId);
    shown.set(tabId, '');
    void toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    claims.clear(tabId);
    shown.delete(tabId);
  });
  settings.onDisplayChange(repaintAll);

  return {
    record(tabId, url, results) {
      if (tabId === null) return;
      const matched = results.flatMap(({ match }) => (match ? [{ text: match.text, claim: match.claim, level: match.level }] : []));
      claims.record(tabId, url, matched);
      void paint(tabId);
    },
  };
}
