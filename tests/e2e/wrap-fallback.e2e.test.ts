/**
 * Reading in a browser without the CSS Custom Highlight API (see README, "Browsers"): the built extension in
 * Chromium with the API deleted from the content scripts' world before the reader starts, so the highlighter
 * falls back to wrapping sentences in `<mark>` elements. The reader's story is the same: highlights, cards,
 * keyboard, "Not a match", and the page's text left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { type GatedServer, WrappedReaderPage, startGatedServer } from './pages/wrapped-reader-page';

const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.';
/** Spans `<em>` and links: the marks must cross inline elements. */
const DESTROYERS = 'Officials said the destroyers USS Porter and USS Ross launched the missiles at Shayrat airfield';

describe('reading without the CSS Custom Highlight API (wrapping fallback)', () => {
  let browser: ExtensionBrowser;
  let server: GatedServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startGatedServer()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function reader(page: string): Promise<WrappedReaderPage> {
    const r = new WrappedReaderPage(await browser.context.newPage(), server);
    await r.open(server.url(page));
    return r;
  }

  it('wraps the restating sentences in marks, across inline elements, and registers no custom highlight', async () => {
    const r = await reader('khan-sheikhoun-strike.html');
    expect(r.apiInExtensionWorld).toBe('undefined,undefined');
    const confident = await r.highlighted('confident');
    console.log(`wrapping fallback, khan-sheikhoun: ${confident.length} confident sentences wrapped`);
    expect(confident).toContain(TOMAHAWK);
    expect(confident.some((t) => t.startsWith(DESTROYERS))).toBe(true);
    expect((await r.allHighlighted()).some((t) => /runway was working|89 people|Sponsored|Advertisement/.test(t))).toBe(false);
    expect(await r.registeredHighlights()).toEqual([]);
    // Claims whose figures differ end in a "≠" drawn by CSS after their last mark (no text enters the page).
    const cues = await r.page.evaluate(() =>
      [...document.querySelectorAll('mark[data-crosscheck-cue]')].map((m) => getComputedStyle(m, '::after').content),
    );
    console.log(`wrapping fallback: ${cues.length} figure cues`);
    expect(cues.length).toBeGreaterThan(0);
    expect(cues.every((c) => c === '"≠"')).toBe(true);
    // Marked lightly: an underline, no fill until one is pointed at.
    const fill = await r.page.evaluate(() => getComputedStyle(document.querySelector('mark[data-crosscheck-kind="confident"]')!).backgroundColor);
    expect(fill).toBe('rgba(0, 0, 0, 0)');
    await r.page.close();
  });

  it('hover opens the card, the keyboard moves between claims, and "Not a match" unwraps the sentence', async () => {
    const r = await reader('khan-sheikhoun-strike.html');
    const before = await r.paragraph(TOMAHAWK);
    expect(before?.marks).toBeGreaterThan(0);

    await r.hover(TOMAHAWK);
    await expect.poll(() => r.card().isVisible()).toBe(true);
    expect(await r.card().textContent()).toContain('Made by');
    await r.card().click('Not a match');
    await expect.poll(async () => (await r.allHighlighted()).includes(TOMAHAWK)).toBe(false);
    // Unwrapping restores the paragraph's text exactly; other sentences keep their marks.
    const after = await r.paragraph(TOMAHAWK);
    expect(after?.text).toBe(before?.text);
    expect((await r.allHighlighted()).some((t) => t.startsWith(DESTROYERS))).toBe(true);

    await r.leave();
    const order = (await r.wrapped()).filter((w) => w.kind !== 'annotation').map((w) => w.text);
    expect(order.length).toBeGreaterThanOrEqual(2);
    await r.nextClaim();
    expect(await r.currentClaim()).toBe(order[0]);
    expect(await r.selectedText()).toBe('');
    await r.nextClaim();
    expect(await r.currentClaim()).toBe(order[1]);
    expect(await r.selectedText()).toBe('');
    await r.press('Enter');
    await expect.poll(() => r.card().isVisible()).toBe(true);
    await r.press('Escape');
    await expect.poll(() => r.card().isVisible()).toBe(false);
    await r.page.close();
  });

  it('made no request outside the test server and the extension', () => {
    expect(browser.outsideRequests()).toEqual([]);
  });
});
