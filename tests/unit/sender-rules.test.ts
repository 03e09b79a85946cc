/**
 * Who may send what: `dispatch` checks every request against `CONTENT_SCRIPT_RULES` before its handler runs.
 * Extension pages may send everything; the content script only requests about its own tab and page origin;
 * any other sender nothing.
 */
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../lib/annotations/model';
import { CONTENT_SCRIPT_RULES, type Handlers, type MessageContext, type RequestName, dispatch, message } from '../../lib/protocol';

const VICTIM = 'https://victim.example';
const PAGE = `${VICTIM}/news/story`;
const content: MessageContext = { tabId: 4, url: PAGE, sender: 'content', origin: VICTIM };
const extension: MessageContext = { tabId: null, url: 'chrome-extension://abc/annotations.html', sender: 'extension', origin: 'chrome-extension://abc' };
const other: MessageContext = { tabId: 4, url: 'https://evil.example/', sender: 'other', origin: 'https://evil.example' };

function noteOn(source: string, scope?: string) {
  return createAnnotation({
    pageText: 'A sentence.', start: 0, end: 11, note: 'n', tags: [], canonicalUrl: source, seenUrl: scope ?? source,
    now: new Date('2024-01-01T00:00:00Z'), id: 'urn:uuid:x',
  });
}

/** Handlers for every request, each answering its own name, so a refusal is told from an answer. */
const handlers = Object.fromEntries(Object.keys(CONTENT_SCRIPT_RULES).map((name) => [name, () => ({ handled: name })])) as unknown as Handlers;

async function outcome(msg: ReturnType<typeof message>, ctx: MessageContext): Promise<'answered' | 'refused'> {
  const envelope = await dispatch(handlers, msg, ctx);
  if (envelope?.ok) return 'answered';
  expect(envelope).toEqual({ ok: false, error: 'not allowed from this sender' });
  return 'refused';
}

/** One well-formed request of each kind, as the content script of tab 4 on the victim page would send it. */
const OWN: { [K in RequestName]: Parameters<typeof message<K>>[1] } = {
  contentReady: { url: PAGE },
  matchSentences: { url: PAGE, pageDate: null, sentences: [] },
  offscreenMatch: { page: `4|${PAGE}`, pageDate: null, sentences: [] },
  offscreenReset: {},
  offscreenIndex: {},
  offscreenJoin: {},
  offscreenForget: { page: `4|${PAGE}` },
  offscreenClaimLabels: { claims: ['c-1'] },
  openPopup: { claim: 'c-1', intent: 'view', quote: 'q', url: PAGE },
  checkPage: {},
  checkSelection: {},
  moveClaim: { direction: 1 },
  checkTab: { tabId: 4, mode: 'page' },
  dismissMatch: { url: PAGE, claim: 'c-1' },
  pageDismissed: { url: PAGE },
  saveAnnotation: { annotation: noteOn(PAGE) },
  deleteAnnotation: { id: 'urn:uuid:x' },
  deletePageAnnotation: { id: 'urn:uuid:x', url: PAGE },
  listAnnotations: {},
  pageAnnotations: { urls: [PAGE, `${PAGE}?utm_source=x`] },
  reportAnchoring: { placed: [], orphans: [] },
  claimAnnotations: { claims: ['c-1'] },
  importAnnotations: { annotations: [] },
  exportAnnotations: {},
  annotateSelection: {},
  tabReport: { tabId: 4 },
  pageClaims: {},
  revealMatch: { claim: 'c-1', text: 't' },
  dismissedClaims: { url: PAGE },
  undismissMatch: { url: PAGE, claim: 'c-1' },
  restoreMatch: { claim: 'c-1' },
};

describe('sender rules: one table, checked in dispatch', () => {
  it('lets extension pages send every request and refuses every request from any other sender', async () => {
    for (const name of Object.keys(OWN) as RequestName[]) {
      expect(await outcome(message(name, OWN[name] as never), extension), name).toBe('answered');
      expect(await outcome(message(name, OWN[name] as never), other), name).toBe('refused');
    }
  });

  it('lets a content script make only the requests about its own page, and nothing about every note or other tabs', async () => {
    const answered: string[] = [];
    for (const name of Object.keys(OWN) as RequestName[]) {
      if ((await outcome(message(name, OWN[name] as never), content)) === 'answered') answered.push(name);
    }
    expect(answered.sort()).toEqual(
      ['claimAnnotations', 'contentReady', 'deletePageAnnotation', 'dismissMatch', 'matchSentences', 'openPopup', 'pageAnnotations', 'pageDismissed', 'reportAnchoring', 'saveAnnotation', 'tabReport'].sort(),
    );
  });

  it('refuses a content script the same requests about another origin or another tab', async () => {
    const ELSEWHERE = 'https://other-news.example/story';
    const cases = [
      message('saveAnnotation', { annotation: noteOn(ELSEWHERE) }),
      message('saveAnnotation', { annotation: noteOn(PAGE, ELSEWHERE) }),
      message('pageAnnotations', { urls: [PAGE, ELSEWHERE] }),
      message('pageAnnotations', { urls: [PAGE, PAGE, PAGE, PAGE, PAGE] }),
      message('openPopup', { claim: 'c-1', intent: 'view', quote: 'q', url: ELSEWHERE }),
      message('dismissMatch', { url: ELSEWHERE, claim: 'c-1' }),
      message('pageDismissed', { url: ELSEWHERE }),
      message('deletePageAnnotation', { id: 'urn:uuid:x', url: ELSEWHERE }),
      { type: 'deletePageAnnotation', req: { id: 7, url: PAGE } } as unknown as ReturnType<typeof message>,
      message('matchSentences', { url: ELSEWHERE, pageDate: null, sentences: [] }),
      message('tabReport', { tabId: 5 }),
      message('tabReport', { tabId: null }),
      message('checkTab', { tabId: null, mode: 'page' }),
      // Malformed payloads are refused, not thrown on.
      { type: 'saveAnnotation', req: { annotation: null } } as unknown as ReturnType<typeof message>,
      { type: 'pageAnnotations', req: { urls: 'https://victim.example/' } } as unknown as ReturnType<typeof message>,
    ];
    for (const msg of cases) expect(await outcome(msg, content), JSON.stringify(msg).slice(0, 120)).toBe('refused');
  });

  it('refuses a content context without a tab or an origin', async () => {
    expect(await outcome(message('contentReady', { url: PAGE }), { ...content, tabId: null })).toBe('refused');
    expect(await outcome(message('contentReady', { url: PAGE }), { ...content, origin: null })).toBe('refused');
  });
});
