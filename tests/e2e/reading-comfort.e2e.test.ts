/**
 * Reading comfort (issue 12), end to end in real Chromium with the built extension: the popup fits Chrome's
 * 400x600 popup with its summary, first five claims, lookup field and settings in view (axe-clean in light and
 * dark); the highlight modes ("differing figures only", "off", per site) mark exactly what they say and
 * survive a reload; "Not a match" can be undone from the popup. Each test is a reader's story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { type ExtensionBrowser, currentServiceWorker, launchWithExtension } from './harness';
import { ReaderPage } from './pages/reader-page';
import { PopupPage, tabIdOf } from './pages/popup-page';
import { type FixtureServer, startFixtureServer } from './server';

const KHAN = 'khan-sheikhoun-strike.html';
/** Chrome's popup: 800x600 at most, and Crosscheck's popup is 400 wide. */
const POPUP_SIZE = { width: 400, height: 600 };
/** Claims that must be in view without scrolling. */
const CLAIMS_IN_VIEW = 5;
const BLOCKING = new Set(['serious', 'critical']);
const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles';

/**
 * How much of `locator`'s box is visible without scrolling: inside the viewport and inside every ancestor that
 * clips (the claims scroll in a region of their own). Returns the box and whether it is wholly visible.
 */
function visibility(locator: Locator): Promise<{ top: number; bottom: number; visible: boolean }> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    let top = 0;
    let bottom = innerHeight;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      top = Math.max(top, r.top);
      bottom = Math.min(bottom, r.bottom);
    }
    const visible = box.height > 0 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5 && box.left >= 0 && box.right <= innerWidth + 0.5;
    return { top: Math.round(box.top), bottom: Math.round(box.bottom), visible };
  });
}

/** The page's own scroll height (the popup must not scroll as a whole). */
function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

describe('reading comfort', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let reader: ReaderPage;
  let popup: PopupPage;
  let tabId: number;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startFixtureServer()]);
    reader = new ReaderPage(await browser.context.newPage());
    await reader.open(server.url(KHAN));
    tabId = await tabIdOf(browser.serviceWorker, reader.page);
    const page = await browser.context.newPage();
    await page.setViewportSize(POPUP_SIZE);
    popup = new PopupPage(page, browser.extensionId);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Chooses `label` in the popup's select labelled `name`. */
  async function choose(name: string, value: string): Promise<void> {
    await popup.page.getByLabel(name, { exact: true }).selectOption(value);
  }

  /** The sentences of the rows whose figures differ, in the popup. */
  async function differingRows(): Promise<string[]> {
    await popup.claimList().waitFor();
    return popup.claims().evaluateAll((items) =>
      items.filter((li) => li.querySelector('.cc-differs')).map((li) => (li.querySelector('.cc-claim-sentence')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  it('at 400x600 the summary, the first five claims, the lookup field and the settings are in view without scrolling', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.page.emulateMedia({ colorScheme });
      await popup.open(tabId);
      await popup.claimList().waitFor();
      const summary = popup.page.locator('.cc-summary');
      const text = (await summary.textContent())?.trim() ?? '';
      expect(text).toMatch(/^\d+ claims · \d+ with differing figures$/);
      const rows = await popup.claims().count();
      expect(rows).toBeGreaterThanOrEqual(CLAIMS_IN_VIEW);
      const parts: Array<[string, Locator]> = [
        ['summary', summary],
        ...Array.from({ length: CLAIMS_IN_VIEW }, (_, i): [string, Locator] => [`claim ${i + 1}`, popup.claims().nth(i)]),
        ['lookup field', popup.page.getByLabel('Look up a claim')],
        ['site switch', popup.page.getByRole('switch')],
        ['mark here', popup.page.getByLabel('Mark here', { exact: true })],
        ['mark everywhere', popup.page.getByLabel('Mark everywhere', { exact: true })],
        ['match level', popup.page.getByLabel('Show matches', { exact: true })],
        ['annotations link', popup.page.getByRole('link', { name: 'Your annotations' })],
      ];
      const seen: string[] = [];
      for (const [name, locator] of parts) {
        const v = await visibility(locator);
        seen.push(`${name} ${v.top}-${v.bottom}${v.visible ? '' : ' HIDDEN'}`);
        expect(v.visible, `${name} (${colorScheme}) at ${v.top}-${v.bottom}`).toBe(true);
      }
      await popup.page.screenshot({ path: `test-results/popup-400x600-${colorScheme}.png` });
      const height = await pageHeight(popup.page);
      console.log(`popup ${colorScheme} 400x600: "${text}", ${rows} rows, page height ${height}px; ${seen.join('; ')}`);
      expect(height).toBeLessThanOrEqual(POPUP_SIZE.height);
    }
  });

  it('has no serious or critical axe-core violations at 400x600, in light and dark, with a claim open and a lookup', async () => {
    await popup.open(tabId);
    await popup.expand('counted 58 dead');
    await popup.lookUp('khan sheikhun toll');
    await popup.lookupLabels();
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.page.emulateMedia({ colorScheme });
      const violations = await popup.axe();
      console.log(`axe 400x600 (${colorScheme}): ${violations.map((v) => `${v.id}/${v.impact}`).join(', ') || 'none'}`);
      expect(violations.filter((v) => BLOCKING.has(v.impact ?? ''))).toEqual([]);
    }
    await popup.page.emulateMedia({ colorScheme: 'light' });
  });

  it('marks lightly by default: every claim underlined, a cue on those whose figures differ, no fill until one is pointed at', async () => {
    await popup.open(tabId);
    const differing = await differingRows();
    const all = await reader.allHighlighted();
    const cues = await reader.page.evaluate(() => CSS.highlights.get('crosscheck-cue')?.size ?? 0);
    const active = await reader.currentClaim();
    console.log(`default: ${all.length} sentences marked, ${differing.length} with differing figures, ${cues} cues`);
    expect(differing.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(differing.length);
    expect(cues).toBe(differing.length);
    expect(active).toBe('');
    await reader.hover(TOMAHAWK);
    await expect.poll(() => reader.currentClaim()).toContain(TOMAHAWK);
    await reader.leave();
    await expect.poll(() => reader.currentClaim()).toBe('');
  });

  it('"differing figures only" marks only those sentences, "off" marks none, and both survive a reload', async () => {
    await popup.open(tabId);
    const differing = await differingRows();
    const listed = (await popup.pageSentences()).length;

    await choose('Mark everywhere', 'differing');
    await expect.poll(async () => (await reader.allHighlighted()).sort()).toEqual([...differing].sort());
    await reader.reload();
    expect((await reader.allHighlighted()).sort()).toEqual([...differing].sort());
    console.log(`differing only: ${differing.length} of ${listed} claims marked, after reload too`);

    await popup.open(tabId);
    await choose('Mark everywhere', 'off');
    await expect.poll(async () => (await reader.allHighlighted()).length).toBe(0);
    await reader.reload();
    expect(await reader.allHighlighted()).toEqual([]);
    expect(await reader.page.evaluate(() => CSS.highlights.get('crosscheck-cue')?.size ?? 0)).toBe(0);
    // The claims are still found and listed: only the page's marks are off.
    await popup.open(tabId);
    expect((await popup.pageSentences()).length).toBe(listed);
    // Nothing to move to with the keyboard, and no text is selected.
    await reader.nextClaim();
    expect(await reader.currentClaim()).toBe('');
    expect(await reader.selectedText()).toBe('');

    await choose('Mark everywhere', 'all');
    await expect.poll(async () => (await reader.allHighlighted()).length).toBe(listed);
  });

  it('a site of its own mode wins over the global one, until it follows it again', async () => {
    await popup.open(tabId);
    const differing = await differingRows();
    const listed = (await popup.pageSentences()).length;
    await choose('Mark here', 'differing');
    await expect.poll(async () => (await reader.allHighlighted()).sort()).toEqual([...differing].sort());
    await reader.reload();
    expect((await reader.allHighlighted()).sort()).toEqual([...differing].sort());
    await popup.open(tabId);
    expect(await popup.page.getByLabel('Mark everywhere', { exact: true }).inputValue()).toBe('all');
    await choose('Mark here', 'global');
    await expect.poll(async () => (await reader.allHighlighted()).length).toBe(listed);
  });

  it('"Not a match" on the page is listed in the popup and can be undone there', async () => {
    await reader.hover(TOMAHAWK);
    await expect.poll(() => reader.card().isVisible()).toBe(true);
    await reader.card().click('Not a match');
    await expect.poll(async () => (await reader.allHighlighted()).some((t) => t.includes(TOMAHAWK))).toBe(false);
    await reader.leave();
    await popup.open(tabId);
    const summary = popup.page.locator('.cc-dismissed summary');
    await expect.poll(() => summary.textContent()).toBe('Not a match on this page (1)');
    await summary.click();
    // Listed by the claim's label (a sentence of it, not its id), which the offscreen matcher's index gave: the
    // service worker loaded no corpus index of its own for it.
    const undo = popup.page.getByRole('button', { name: /^Undo “Not a match”/ });
    expect(await undo.getAttribute('aria-label')).toMatch(/^Undo “Not a match”: \S+( \S+){4,}/);
    expect(await undo.getAttribute('aria-label')).not.toMatch(/c-[0-9a-z]{6,}/);
    const worker = currentServiceWorker(browser.context, browser.extensionId);
    expect(worker).toBeDefined();
    expect(await worker!.evaluate(() => performance.getEntriesByName('crosscheck:corpus-parsed').length)).toBe(0);
    await undo.click();
    await expect.poll(async () => (await reader.allHighlighted()).some((t) => t.includes(TOMAHAWK))).toBe(true);
    await expect.poll(() => popup.page.locator('.cc-dismissed').count()).toBe(0);
    // Undone for good: a reload marks it again.
    await reader.reload();
    expect((await reader.allHighlighted()).some((t) => t.includes(TOMAHAWK))).toBe(true);
  });

  it('made no request outside the test server and the extension', () => {
    expect(browser.outsideRequests()).toEqual([]);
  });
});
