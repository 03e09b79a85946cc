/**
 * The only adapter between the typed protocol (`lib/protocol.ts`) and `browser.runtime` / `browser.tabs`.
 * Every other module sends and receives through these four functions.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  type Handlers,
  type MessageContext,
  type Req,
  type RequestName,
  type Res,
  dispatch,
  message,
  unwrap,
} from '../lib/protocol';

/** Sends a request to the background (or another extension page) and returns its typed answer. */
export async function sendToBackground<K extends RequestName>(type: K, req: Req<K>): Promise<Res<K>> {
  return unwrap(type, await browser.runtime.sendMessage(message(type, req)));
}

/** Sends a request to the content script of a tab (top frame) and returns its typed answer. */
export async function sendToTab<K extends RequestName>(tabId: number, type: K, req: Req<K>): Promise<Res<K>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, message(type, req), { frameId: 0 }));
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Who sent a message, from the browser's own account of it (a page cannot forge `sender`): our extension
 * pages have our origin (in a tab or not: the popup can open as a tab); our content script runs in the top
 * frame of a tab, on the page's origin. Anything else (another extension, a frame) is `other`.
 */
export function contextOf(sender: Browser.runtime.MessageSender): MessageContext {
  const ours = sender.id === browser.runtime.id;
  const url = sender.url ?? null;
  const origin = (sender as { origin?: string }).origin ?? originOf(sender.url);
  const extensionOrigin = originOf(browser.runtime.getURL('/'));
  const tabId = sender.tab?.id ?? null;
  let kind: MessageContext['sender'] = 'other';
  if (ours && origin !== null && origin === extensionOrigin) kind = 'extension';
  else if (ours && tabId !== null && sender.frameId === 0 && origin !== null && origin !== 'null') kind = 'content';
  return { tabId, url, sender: kind, origin };
}

/**
 * Answers protocol messages with `handlers`. Messages this side does not handle are left to other
 * listeners. Returns a function that removes the listener (pass it to `ctx.onInvalidated` in a content script).
 */
export function listen(handlers: Handlers): () => void {
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void): true | undefined => {
    const answer = dispatch(handlers, msg, contextOf(sender));
    if (!answer) return undefined;
    void answer.then(sendResponse);
    // Keeps the channel open for the asynchronous answer (works in Chrome and Firefox alike).
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** URL of a file packaged with the extension (e.g. `/corpus.json`). */
export function packagedUrl(path: `/${string}`): string {
  return browser.runtime.getURL(path as '/');
}
