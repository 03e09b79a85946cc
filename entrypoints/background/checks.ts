/**
 * Checks on demand (toolbar, shortcut, context menu, popup) and the sites the reader asked to always check.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CheckMode } from '../../lib/protocol';
import { originPattern, siteOrigin } from '../../lib/settings';
import { sendToTab } from '../../utils/messaging';
import { addAlwaysCheckSite, alwaysCheckItem } from '../../utils/settings';
import { CONTENT_SCRIPT_FILE, EARLY_SCRIPT_FILE } from './tabs';

/** Ids of the content scripts registered for "Always check this site": the reader and its early question. */
const ALWAYS_CHECK_SCRIPTS = ['crosscheck-always', 'crosscheck-always-early'];

/** On-demand checks waiting for the injected content script to say it is ready, by tab. */
export const pending = new Map<number, Exclude<CheckMode, 'off'>>();

/** Checks a tab on demand: tells a running content script, or injects one that asks what to do. */
export async function checkTab(tabId: number, mode: Exclude<CheckMode, 'off'>): Promise<void> {
  try {
    await sendToTab(tabId, mode === 'page' ? 'checkPage' : 'checkSelection', {});
  } catch {
    pending.set(tabId, mode);
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    } catch (error) {
      // Nothing was injected: a check left waiting would start on the next page in this tab, even where the
      // reader switched checking off.
      pending.delete(tabId);
      throw error;
    }
  }
}

/** Registers the content script for every always-check site whose host permission is granted. */
export async function syncAlwaysCheck(): Promise<void> {
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
export async function alwaysCheck(tab: Browser.tabs.Tab): Promise<void> {
  const origin = tab.url ? siteOrigin(tab.url) : null;
  if (!origin || tab.id === undefined) return;
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return;
  await addAlwaysCheckSite(origin);
  await syncAlwaysCheck();
  await checkTab(tab.id, 'page');
}

