/**
 * The context menu and keyboard commands of the background.
 */
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { sendToTab } from '../../utils/messaging';
import * as annotationsBg from './annotations';
import { alwaysCheck, checkTab } from './checks';
import { activeTabId } from './tabs';

const MENU = { page: 'crosscheck-check-page', selection: 'crosscheck-check-selection', always: 'crosscheck-always-check' } as const;

/** Creates the context menu entries (once, on install). */
export function createMenus(): void {
  annotationsBg.createAnnotationMenus();
  browser.contextMenus.create({ id: MENU.page, title: 'Check this page', contexts: ['page'] });
  browser.contextMenus.create({ id: MENU.selection, title: 'Check selection', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU.always, title: 'Always check this site', contexts: ['page'] });
}

/** Runs a context menu entry. */
export async function onMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (annotationsBg.onAnnotationMenu(info, tab) || tab?.id === undefined) return;
  if (info.menuItemId === MENU.page) await checkTab(tab.id, 'page');
  else if (info.menuItemId === MENU.selection) await checkTab(tab.id, 'selection');
  else if (info.menuItemId === MENU.always) await alwaysCheck(tab);
}

/** Runs a keyboard command. */
export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = tab?.id ?? (await activeTabId());
  if (annotationsBg.onAnnotationCommand(command, tabId) || tabId === null) return;
  if (command === 'check-page') await checkTab(tabId, 'page');
  else if (command === 'next-claim' || command === 'previous-claim') {
    await sendToTab(tabId, 'moveClaim', { direction: command === 'next-claim' ? 1 : -1 }).catch(() => undefined);
  }
}

