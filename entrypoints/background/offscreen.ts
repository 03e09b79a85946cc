/**
 * The offscreen matcher (Chrome): an offscreen document whose Web Worker holds the corpus index
 * (entrypoints/offscreen). Chrome stops the service worker after about 30 s idle and the worker's index with
 * it; the offscreen document stays, so the first page after the service worker wakes is matched by a warm
 * index instead of one loaded then. Firefox (an event page, no offscreen documents) matches in the background.
 */
import { browser } from 'wxt/browser';
import type { Req, Res } from '../../lib/protocol';
import { sendToBackground } from '../../utils/messaging';

/** The offscreen document's page (entrypoints/offscreen/index.html). */
const OFFSCREEN_PAGE = 'offscreen.html';

type OffscreenApi = {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
};
/** The requests the offscreen document answers. */
type OffscreenRequest = 'offscreenMatch' | 'offscreenClaimLabels' | 'offscreenReset' | 'offscreenForget' | 'offscreenJoin';
type ContextsApi = { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };

/** The offscreen matcher, when the browser has offscreen documents. */
export interface OffscreenMatcher {
  match(req: Req<'offscreenMatch'>): Promise<Res<'offscreenMatch'>>;
  /** Reloads its index (a note was deleted or replaced: the matcher cannot remove one). */
  reset(): void;
  /** Joins the notes added since its index loaded. */
  joinNotes(): void;
  /** Forgets a page's event context (a new document of it starts). */
  forget(page: string): void;
  /** The labels of claims, in order (null where its index holds no such claim). */
  claimLabels(claims: string[]): Promise<Array<string | null>>;
}

/** The offscreen matcher of this browser, created now if it is not open; null without offscreen documents. */
export function offscreenMatcher(): OffscreenMatcher | null {
  const api = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  const runtime = browser.runtime as unknown as Partial<ContextsApi>;
  if (!api || !runtime.getContexts) return null;
  let opening: Promise<void> | null = null;
  const ensure = (): Promise<void> =>
    (opening ??= runtime.getContexts!({ contextTypes: ['OFFSCREEN_DOCUMENT'] })
      .then((open) =>
        open.length > 0
          ? undefined
          : api.createDocument({ url: OFFSCREEN_PAGE, reasons: ['WORKERS'], justification: 'Keeps the claim matcher loaded in a Web Worker between pages.' }),
      )
      .catch((err: unknown) => {
        opening = null;
        throw err;
      }));
  void ensure().catch(() => undefined);
  /** Sends a request to the document. If it fails (the document was closed or its renderer crashed), the next
   * request looks for the document again and reopens it, instead of failing for the worker's life. */
  const send = async <K extends OffscreenRequest>(type: K, req: Req<K>): Promise<Res<K>> => {
    await ensure();
    try {
      return await sendToBackground(type, req);
    } catch (err) {
      opening = null;
      throw err;
    }
  };
  /** Sends a request that answers nothing the background waits for; a failure leaves the matcher as it was. */
  const tell = <K extends 'offscreenReset' | 'offscreenForget' | 'offscreenJoin'>(type: K, req: Req<K>): void => {
    void send(type, req).catch(() => undefined);
  };
  return {
    match: (req) => send('offscreenMatch', req),
    claimLabels: async (claims) => (await send('offscreenClaimLabels', { claims })).labels,
    reset: () => tell('offscreenReset', {}),
    forget: (page) => tell('offscreenForget', { page }),
    joinNotes: () => tell('offscreenJoin', {}),
  };
}
