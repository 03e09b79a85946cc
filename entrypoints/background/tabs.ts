/**
 * Tab helpers shared by the background's parts: the reading content script's file, the active tab, and
 * opening the popup from code.
 */
import { browser } from 'wxt/browser';

/** The reading content script as built by WXT (injected on demand, and registered for "always check" sites). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/crosscheck.js';
/** Its early question, injected at document_start where the reader runs automatically. */
export const EARLY_SCRIPT_FILE = '/content-scripts/crosscheck-early.js';

/** Id of the active tab of the current window, or null. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The toolbar button's API: `action` in Manifest V3 (Chrome), `browserAction` in the Manifest V2 build
 * (Firefox), where `browser.action` is undefined. The calls used here (badge text and colour, openPopup) are
 * the same in both.
 */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}

/** Opens the popup; false where an extension call may not (older Chrome, no user gesture). */
export function openPopup(): Promise<boolean> {
  return toolbarAction().openPopup().then(
    () => true,
    () => false,
  );
}
