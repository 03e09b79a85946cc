/**
 * The one message protocol between the extension's parts. Every message is `{ type, req }` where `type`
 * names an entry of {@link Requests}; the answer is an {@link Envelope} carrying `Requests[type]['res']`.
 * Pure: no `browser` here. `utils/messaging.ts` is the only code that moves these over `browser.runtime`
 * and `browser.tabs`.
 */
import type { PageMatch } from './match/page';
import type { PopupIntent, Sensitivity } from './settings';
import { ANNOTATION_REQUEST_NAMES, type AnnotationRequests } from './annotations/requests';
import { POPUP_REQUEST_NAMES, type PopupRequests } from './popup/requests';
import { errorText } from './errors';

/** A page sentence sent for matching. `key` is the content script's id for it, echoed in the answer. */
export interface SentenceQuery {
  key: string;
  text: string;
}

/** Answer for one sentence: its key and the match, or null when the matcher abstained. */
export interface SentenceResult {
  key: string;
  match: PageMatch | null;
}

/** How a content script should start on its page. */
export type CheckMode = 'page' | 'selection' | 'off';

/**
 * Every request, by name. Content script -> background: `contentReady`, `matchSentences`, `openPopup`.
 * Background -> content script (tab messages): `checkPage`, `checkSelection`, `moveClaim`.
 * Popup -> background: `checkTab`.
 */
export interface Requests extends AnnotationRequests, PopupRequests {
  /** A content script started; the background says whether to check the page, the selection, or wait, with
   * the settings the page needs (the level shown, the claims dismissed on this page). */
  contentReady: { req: { url: string }; res: { mode: CheckMode; sensitivity: Sensitivity; dismissed: string[] } };
  /** Match a batch of page sentences against the corpus (the background holds the index). */
  matchSentences: { req: { url: string; pageDate: string | null; sentences: SentenceQuery[] }; res: { results: SentenceResult[] } };
  /** Background -> the offscreen matcher (Chrome): match a page's batch there; `page` keys its event context. */
  offscreenMatch: { req: { page: string; pageDate: string | null; sentences: SentenceQuery[] }; res: { results: SentenceResult[] } };
  /** Background -> the offscreen matcher: reload the index (the reader's notes changed). */
  offscreenReset: { req: Record<string, never>; res: { ok: boolean } };
  /** Background -> the offscreen matcher: forget a page's event context (`page` as in offscreenMatch: a new
   * document of it starts, so a reload reads it as the first load did). */
  offscreenForget: { req: { page: string }; res: { ok: boolean } };
  /** Background -> the offscreen matcher: join the reader's notes added since its index loaded. */
  offscreenJoin: { req: Record<string, never>; res: { ok: boolean } };
  /** Background -> the offscreen matcher: the labels of claims (null for an id its index does not hold), so the
   * popup's "Not a match" list is labelled without a second index in the service worker. */
  offscreenClaimLabels: { req: { claims: string[] }; res: { labels: Array<string | null> } };
  /** Extension pages -> the offscreen matcher: what its index holds once loaded (the corpus's sentences, the
   * word vectors' words). */
  offscreenIndex: { req: Record<string, never>; res: { sentences: number; words: number } };
  /** Open the popup on a claim (the card's "open in popup" and "annotate" actions). */
  openPopup: { req: { claim: string; intent: PopupIntent; quote: string; url: string }; res: { opened: boolean } };
  /** Check the whole page now (on demand). */
  checkPage: { req: Record<string, never>; res: { sentences: number } };
  /** Check only the sentences in the current selection. */
  checkSelection: { req: Record<string, never>; res: { sentences: number } };
  /** Move the keyboard focus to the next or previous highlighted claim. */
  moveClaim: { req: { direction: 1 | -1 }; res: { index: number; total: number } };
  /** Check the page in a tab (the popup's button; `tabId` null means the active tab). */
  checkTab: { req: { tabId: number | null; mode: 'page' | 'selection' }; res: { ok: boolean } };
  /** Remember "not a match" for `claim` on the page at `url` (the background owns the list). */
  dismissMatch: { req: { url: string; claim: string }; res: { dismissed: string[] } };
  /** The claims dismissed on the page at `url` (after a client-side navigation). */
  pageDismissed: { req: { url: string }; res: { dismissed: string[] } };
}

/** Names of all requests. */
export type RequestName = keyof Requests;
/** Request payload of `K`. */
export type Req<K extends RequestName> = Requests[K]['req'];
/** Response payload of `K`. */
export type Res<K extends RequestName> = Requests[K]['res'];

/** A message on the wire: a discriminated union over {@link Requests}. */
export type Message = { [K in RequestName]: { type: K; req: Req<K> } }[RequestName];

/** The answer on the wire: errors cross the boundary as data, since thrown errors do not. */
export type Envelope<T> = { ok: true; res: T } | { ok: false; error: string };

/**
 * Who sent a message: one of the extension's own pages (background, popup, annotations page), the extension's
 * content script in the top frame of a tab, or anything else (refused).
 */
export type SenderKind = 'extension' | 'content' | 'other';

/** Who sent a message, as far as the receiver can tell (no `browser` types in lib/). */
export interface MessageContext {
  /** Sender tab, when the message came from a content script (or an extension page open in a tab). */
  tabId: number | null;
  /** URL of the sender's frame, when known. */
  url: string | null;
  /** The kind of sender, derived by the adapter from `sender.id`, `sender.url`, `sender.tab` and `sender.frameId`. */
  sender: SenderKind;
  /** Origin of the sender's frame (`https://example.org`; the page's origin for a content script), when known. */
  origin: string | null;
}

/** A handler per request; each side implements only the requests addressed to it. */
export type Handlers = {
  [K in RequestName]?: (req: Req<K>, ctx: MessageContext) => Res<K> | Promise<Res<K>>;
};

const NAMES: Record<RequestName, true> = {
  ...ANNOTATION_REQUEST_NAMES,
  ...POPUP_REQUEST_NAMES,
  contentReady: true,
  matchSentences: true,
  offscreenMatch: true,
  offscreenReset: true,
  offscreenIndex: true,
  offscreenJoin: true,
  offscreenForget: true,
  offscreenClaimLabels: true,
  openPopup: true,
  checkPage: true,
  checkSelection: true,
  moveClaim: true,
  checkTab: true,
  dismissMatch: true,
  pageDismissed: true,
};

/** True for a value shaped like a {@link Message} of a known request (payload fields are checked by each rule and handler). */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, req } = value as { type?: unknown; req?: unknown };
  return typeof type === 'string' && Object.hasOwn(NAMES, type) && typeof req === 'object' && req !== null;
}

/** Builds a message; the type parameter ties the payload to the name. */
export function message<K extends RequestName>(type: K, req: Req<K>): Message {
  return { type, req } as Message;
}

/**
 * Routes `msg` to its handler. Returns null when `msg` is not a protocol message or this side has no
 * handler for it (so another listener, e.g. the popup, may answer); otherwise the envelope of the answer.
 * This is the one place where the sender is checked: a request its sender may not make (see
 * `lib/sender-rules.ts`) is answered with an error and never reaches its handler.
 */
export function dispatch(handlers: Handlers, msg: unknown, ctx: MessageContext): Promise<Envelope<unknown>> | null {
  if (!isMessage(msg)) return null;
  const handler = handlers[msg.type] as ((req: unknown, ctx: MessageContext) => unknown) | undefined;
  if (!handler) return null;
  if (!mayHandle(msg, ctx)) return Promise.resolve({ ok: false, error: `not allowed from this sender` });
  return Promise.resolve()
    .then(() => handler(msg.req, ctx))
    .then(
      (res): Envelope<unknown> => ({ ok: true, res }),
      (err: unknown): Envelope<unknown> => ({ ok: false, error: errorText(err) }),
    );
}

/** True when `url` is a string on `origin` (the content script's own page origin). */
function onOrigin(url: unknown, origin: string | null): boolean {
  if (typeof url !== 'string' || origin === null) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Most URLs a content script may ask notes for at once (its canonical URL and the URL seen, with room to spare). */
const MAX_PAGE_URLS = 4;

/**
 * What a content script may ask, by request: `false` for requests only extension pages (popup, annotations
 * page, background) may send; otherwise a check of the request against the sender's own page. Extension pages
 * may send everything; any other sender nothing. Data-dependent limits (an existing note of another site under
 * the same id, orphans of other sites' notes, notes of other sites on a claim) are applied by the annotation
 * service, which receives the same context.
 */
export const CONTENT_SCRIPT_RULES: { [K in RequestName]: false | ((req: Req<K>, ctx: MessageContext) => boolean) } = {
  contentReady: () => true,
  matchSentences: (req, ctx) => onOrigin(req.url, ctx.origin) && Array.isArray(req.sentences),
  // The card's "Open in popup" (after a trusted click, checked in the page): only about its own page.
  openPopup: (req, ctx) => onOrigin(req.url, ctx.origin),
  // Only the report of its own tab.
  tabReport: (req, ctx) => req.tabId !== null && req.tabId === ctx.tabId,
  saveAnnotation: ({ annotation }, ctx) =>
    typeof annotation === 'object' && annotation !== null && typeof annotation.target === 'object' && annotation.target !== null &&
    onOrigin(annotation.target.source, ctx.origin) && (annotation.target.scope === undefined || onOrigin(annotation.target.scope, ctx.origin)),
  // Its own site's note only (the background checks the stored note's origin too), after a trusted click in the page.
  deletePageAnnotation: ({ id, url }, ctx) => typeof id === 'string' && onOrigin(url, ctx.origin),
  pageAnnotations: ({ urls }, ctx) => Array.isArray(urls) && urls.length <= MAX_PAGE_URLS && urls.every((u) => onOrigin(u, ctx.origin)),
  reportAnchoring: ({ placed, orphans }) => Array.isArray(placed) && Array.isArray(orphans),
  claimAnnotations: ({ claims }) => Array.isArray(claims),
  dismissMatch: ({ url, claim }, ctx) => onOrigin(url, ctx.origin) && typeof claim === 'string',
  pageDismissed: ({ url }, ctx) => onOrigin(url, ctx.origin),
  // Extension pages only: every site's notes, other tabs, and background -> tab requests.
  offscreenMatch: false,
  offscreenReset: false,
  offscreenIndex: false,
  offscreenJoin: false,
  offscreenForget: false,
  offscreenClaimLabels: false,
  deleteAnnotation: false,
  listAnnotations: false,
  importAnnotations: false,
  exportAnnotations: false,
  checkTab: false,
  annotateSelection: false,
  checkPage: false,
  checkSelection: false,
  moveClaim: false,
  pageClaims: false,
  revealMatch: false,
  // Extension pages only: "Not a match" is undone from the popup, never by a page (a page could otherwise
  // read which claims the reader dismissed, or bring back a match the reader rejected).
  dismissedClaims: false,
  undismissMatch: false,
  restoreMatch: false,
};

/** True when the sender in `ctx` may make the request `msg` (the per-request table {@link CONTENT_SCRIPT_RULES}). */
export function mayHandle(msg: Message, ctx: MessageContext): boolean {
  if (ctx.sender === 'extension') return true;
  if (ctx.sender !== 'content' || ctx.tabId === null || ctx.origin === null) return false;
  const rule = CONTENT_SCRIPT_RULES[msg.type] as false | ((req: unknown, ctx: MessageContext) => boolean);
  return rule !== false && rule(msg.req, ctx);
}

/** The origin a handler must keep a request to: the content script's page origin, or null for extension pages. */
export function originScope(ctx: MessageContext): string | null {
  // A string no URL's origin equals, should a context without an origin ever reach a handler.
  return ctx.sender === 'extension' ? null : (ctx.origin ?? 'none:');
}

/** Unwraps an envelope received for `K`; throws the remote error. */
export function unwrap<K extends RequestName>(type: K, envelope: unknown): Res<K> {
  if (typeof envelope !== 'object' || envelope === null || !('ok' in envelope)) {
    throw new Error(`${type}: no answer (no receiver handled the message)`);
  }
  const e = envelope as Envelope<Res<K>>;
  if (!e.ok) throw new Error(`${type}: ${e.error}`);
  return e.res;
}
