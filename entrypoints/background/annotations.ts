/**
 * Background wiring of annotations: the service over the real IndexedDB and extension storage, the
 * "Annotate selection" context menu and keyboard command, and the "Your annotations" entry of the toolbar
 * button's menu. `entrypoints/background.ts` registers these with one line each.
 */
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { sendToTab } from '../../utils/messaging';
import { openAnnotationsDb } from '../../utils/annotations-db';
import { AnnotationService } from './annotation-service';
import { CONTENT_SCRIPT_FILE } from './tabs';

/** Ids of annotations that could not be placed on their page when it was last opened. */
export const orphansItem = storage.defineItem<string[]>('local:annotationOrphans', { fallback: [], version: 1 });

/** Command name in wxt.config.ts (`commands`). */
export const ANNOTATE_COMMAND = 'annotate-selection';
/** Path of the annotations extension page. */
export const ANNOTATIONS_PAGE = '/annotations.html';
const MENU = { annotate: 'crosscheck-annotate-selection', page: 'crosscheck-annotations-page' } as const;
/** An injected content script needs a moment before it answers; tries and pause between them. */
const READY_TRIES = 20;
const READY_PAUSE_MS = 100;

/** The service on the browser's IndexedDB; `resetMatcher` drops the corpus view so it is rebuilt, `notesAdded`
 * tells the offscreen matcher to join new notes. */
export function createAnnotationService(resetMatcher: () => void, notesAdded?: () => void): AnnotationService {
  return new AnnotationService({
    openDb: (onGone) => openAnnotationsDb(indexedDB, onGone),
    orphans: { get: () => orphansItem.getValue(), set: (ids) => orphansItem.setValue(ids) },
    resetMatcher,
    ...(notesAdded ? { notesAdded } : {}),
  });
}

/** Adds the annotation entries to the context menus (call from `runtime.onInstalled`). */
export function createAnnotationMenus(): void {
  browser.contextMenus.create({ id: MENU.annotate, title: 'Annotate selection', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU.page, title: 'Your annotations', contexts: ['action'] });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the editor on the selection in a tab, injecting the content script when it is not running. */
export async function annotateInTab(tabId: number): Promise<boolean> {
  try {
    return (await sendToTab(tabId, 'annotateSelection', {})).opened;
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  }
  for (let i = 0; i < READY_TRIES; i++) {
    await pause(READY_PAUSE_MS);
    const opened = await sendToTab(tabId, 'annotateSelection', {}).then((r) => r.opened, () => null);
    if (opened !== null) return opened;
  }
  return false;
}

/** Opens (or focuses) the annotations page. */
export async function openAnnotationsPage(): Promise<void> {
  const url = browser.runtime.getURL(ANNOTATIONS_PAGE as '/');
  const [open] = await browser.tabs.query({ url });
  if (open?.id !== undefined) await browser.tabs.update(open.id, { active: true });
  else await browser.tabs.create({ url });
}

/** Handles a click on an annotation menu entry; false when the entry is not ours. */
export function onAnnotationMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): boolean {
  if (info.menuItemId === MENU.annotate && tab?.id !== undefined) void annotateInTab(tab.id);
  else if (info.menuItemId === MENU.page) void openAnnotationsPage();
  else return false;
  return true;
}

/** Handles the annotate command; false when `command` is another one. */
export function onAnnotationCommand(command: string, tabId: number | null): boolean {
  if (command !== ANNOTATE_COMMAND) return false;
  if (tabId !== null) void annotateInTab(tabId);
  return true;
}
