/**
 * Reading with Crosscheck, end to end: the built extension in real Chromium on fixture news pages served from
 * 127.0.0.1 (the e2e build adds that host to the automatic list). Each test is a reader's story. The
 * sentences asserted as highlighted are near-verbatim restatements of corpus sentences, so they do not hang
 * on the matcher's exact thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, currentServiceWorker, launchWithExtension, stopServiceWorker } from './harness';
import { ReaderPage } from './pages/reader-page';
import { type FixtureServer, copyFixturePages, removePagesCopy, startFixtureServer } from './server';

const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.';
/** Spans `<em>` and links: the highlight must cross inline elements. */
const DESTROYERS = 'Officials said the destroyers USS Porter and USS Ross launched the missiles at Shayrat airfield';
const SORTIES = 'the ministry said in a statement that Russian planes flew 64 sorties and targeted 54 sites';
const MARKUP = '<img src=x onerror=alert(1)>';

/** An article whose claim sentence carries a markup-like string, as a botched embed leaves it in the text. */
function markupPage(): string {
  const escaped = MARKUP.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Russian sorties tally | Test Desk</title></head>
<body><main><article><h1>Russian sorties tally questioned</h1>
<p>On one October day, ${SORTIES} in the past 24 hours, a claim later shared online as ${escaped} by a botched embed.</p>
<p>Monitoring groups said they could not verify the figures, and residents described a week of heavy raids on towns north of Homs.</p>
<p>The ministry publishes its tally every morning, usually without naming the places its aircraft struck the day before.</p>
</article></main></body></html>`;
}

describe('reading a news page with Crosscheck', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let root: string;

  beforeAll(async () => {
    root = await copyFixturePages('crosscheck-pages-', { 'markup-claim.html': markupPage() });
    [browser, server] = await Promise.all([launchWithExtension(), startFixtureServer(root)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await removePagesCopy(root);
  });

  async function reader(page: string): Promise<ReaderPage> {
    const r = new ReaderPage(await browser.context.newPage());
    await r.open(server.url(page));
    return r;
  }

  it('highlights the article sentences that restate known claims, and nothing in comments or ads', async () => {
    const r = await reader('khan-sheikhoun-strike.html');
    const confident = await r.highlighted('confident');
    const all = await r.allHighlighted();
    console.log(`khan-sheikhoun: ${confident.length} confident, ${all.length - confident.length} possible`);
    expect(confident).toContain(TOMAHAWK);
    expect(confident.some((t) => t.startsWith(DESTROYERS))).toBe(true);
    // The comments restate the death toll and the missile count; they are not article text.
    expect(all.some((t) => /runway was working|89 people|Sponsored|Advertisement/.test(t))).toBe(false);
    await r.page.close();
  });

  it('after Chrome stops the idle service worker, the next page is highlighted by the index that stayed loaded', async () => {
    const first = await reader('khan-sheikhoun-strike.html');
    expect(await first.highlighted('confident')).toContain(TOMAHAWK);
    await first.page.close();
    await stopServiceWorker(browser.context, browser.extensionId);
    const r = await reader('khan-sheikhoun-strike.html');
    expect(await r.highlighted('confident')).toContain(TOMAHAWK);
    // The new service worker answered that page without reading the corpus: the offscreen matcher's index did.
    const worker = currentServiceWorker(browser.context, browser.extensionId);
    expect(worker).toBeDefined();
    expect(await worker!.evaluate(() => performance.getEntriesByName('crosscheck:first-batch').length)).toBe(1);
    expect(await worker!.evaluate(() => performance.getEntriesByName('crosscheck:corpus-parsed').length)).toBe(0);
    await r.page.close();
  });

  it('if the offscreen document goes away, pages are still highlighted and the next request reopens it', async () => {
    type Chrome = { offscreen: { closeDocument(): Promise<void> }; runtime: { getContexts(f: { contextTypes: string[] }): Promise<unknown[]> } };
    const first = await reader('khan-sheikhoun-strike.html');
    expect(await first.highlighted('confident')).toContain(TOMAHAWK);
    await first.page.close();
    const worker = () => currentServiceWorker(browser.context, browser.extensionId)!;
    const offscreenDocuments = () => worker().evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length);
    expect(await offscreenDocuments()).toBe(1);
    // As when Chrome closes it or its renderer crashes: the background's first request to it then fails.
    await worker().evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.offscreen.closeDocument());
    expect(await offscreenDocuments()).toBe(0);
    const second = await reader('khan-sheikhoun-strike.html');
    expect(await second.highlighted('confident')).toContain(TOMAHAWK);
    await second.page.close();
    const third = await reader('khan-sheikhoun-strike.html');
    expect(await third.highlighted('confident')).toContain(TOMAHAWK);
    await third.page.close();
    await expect.poll(offscreenDocuments).toBe(1);
  });

  it('a page with no known claims gets no highlight', async () => {
    const r = await reader('city-library-reopens.html');
    expect(await r.allHighlighted()).toEqual([]);
    await r.page.close();
  });

  it('hovering a highlighted sentence opens its card inside the viewport; leaving closes it', async () => {
    const r = await reader('khan-sheikhoun-strike.html');
    await r.hover(TOMAHAWK);
    await expect.poll(() => r.card().isVisible()).toBe(true);
    const card = r.card();
    expect(await card.textContent()).toContain('Made by');
    expect(await card.hasButton('Not a match')).toBe(true);
    const box = await card.boundingBox();
    const viewport = r.page.viewportSize();
    expect(box && viewport).toBeTruthy();
    if (box && viewport) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
    await r.leave();
    await expect.poll(() => r.card().isVisible()).toBe(false);
    await r.page.close();
  });

  it('the keyboard moves between claims, Enter opens the card, Esc closes it', async () => {
    const r = await reader('khan-sheikhoun-strike.html');
    const order = await r.page.evaluate(() => {
      const ranges = ['crosscheck-confident', 'crosscheck-possible'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((x) => x.toString().replace(/\s+/g, ' ').trim());
    });
    expect(order.length).toBeGreaterThanOrEqual(3);
    await r.nextClaim();
    expect(await r.currentClaim()).toBe(order[0]);
    expect(await r.selectedText()).toBe('');
    await r.nextClaim();
    expect(await r.currentClaim()).toBe(order[1]);
    expect(await r.selectedText()).toBe('');
    await r.previousClaim();
    expect(await r.currentClaim()).toBe(order[0]);
    expect(await r.selectedText()).toBe('');
    await r.press('Enter');
    await expect.poll(() => r.card().isVisible()).toBe(true);
    expect(await r.focusedTag()).toBe('crosscheck-card');
    await r.press('Escape');
    await expect.poll(() => r.card().isVisible()).toBe(false);
    await r.page.close();
  });

  it('a paragraph added later is highlighted, and a removed one loses its highlight', async () => {
    const r = await reader('khan-sheikhoun-strike.html');
    expect((await r.allHighlighted()).some((t) => t.includes(SORTIES))).toBe(false);
    await r.append('.story-body', `On one October day, ${SORTIES} in the past 24 hours, without elaborating.`);
    await r.waitHighlighted(SORTIES);
    expect(await r.removeParagraph(TOMAHAWK)).toBe(true);
    await expect.poll(async () => (await r.allHighlighted()).some((t) => t.includes('Tomahawk'))).toBe(false);
    expect((await r.allHighlighted()).some((t) => t.startsWith(DESTROYERS))).toBe(true);
    await r.page.close();
  });

  it('"Not a match" removes the highlight, and it stays removed after a reload', async () => {
    const r = await reader('russian-air-campaign.html');
    const before = await r.allHighlighted();
    const target = before.find((t) => t.includes('64 sorties'));
    const other = before.find((t) => !t.includes('64 sorties'));
    expect(target && other).toBeTruthy();
    await r.hover('64 sorties');
    await expect.poll(() => r.card().isVisible()).toBe(true);
    await r.card().click('Not a match');
    await expect.poll(async () => (await r.allHighlighted()).some((t) => t.includes('64 sorties'))).toBe(false);
    expect(await r.card().isVisible()).toBe(false);
    await r.reload();
    const after = await r.allHighlighted();
    expect(after.some((t) => t.includes('64 sorties'))).toBe(false);
    expect(after).toContain(other);
    await r.page.close();
  });

  it('markup-like page text is shown as text in the card, never as HTML', async () => {
    const r = await reader('markup-claim.html');
    await r.waitHighlighted(SORTIES);
    await r.hover(SORTIES);
    await expect.poll(() => r.card().isVisible()).toBe(true);
    expect(await r.card().textContent()).toContain(MARKUP);
    expect(await r.imageCount()).toBe(0);
    expect(r.dialogs).toEqual([]);
    await r.page.close();
  });

  it('made no request outside the test server and the extension', () => {
    console.log(`requests: ${browser.requests.length} in the context, ${server.requests.length} served`);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(browser.outsideRequests()).toEqual([]);
  });
});
