/**
 * The popup, end to end: the built extension in real Chromium, a fixture news page on 127.0.0.1 in one tab and
 * the popup page for that tab (`popup.html?tab=<id>`) in another. Each test is a reader's story: see the
 * claims, open one whose figures differ, jump to it on the page, look a claim up with a typo, switch the site
 * off and check on demand, and a page where the extension cannot run. axe-core checks the popup in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { ReaderPage } from './pages/reader-page';
import { PopupPage, badgeOf, tabIdOf } from './pages/popup-page';
import { type FixtureServer, startFixtureServer } from './server';

const KHAN = 'khan-sheikhoun-strike.html';
/** The page's own toll sentence: 58 here, 89, 67 and 100 across the corpus. */
const TOLL = 'counted 58 dead';
/** The page's "at least 58" against US intelligence's 89 days later: a figure that differs (an update). */
const STRIKE_TOLL = 'nerve-gas attack that killed at least 58 people';
const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles';
/** A short window, so that later sentences of the article start below the fold. */
const SHORT_WINDOW = { width: 900, height: 360 };
/** axe impacts that fail the test. */
const BLOCKING = new Set(['serious', 'critical']);

describe('the popup for a page with claims', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let reader: ReaderPage;
  let popup: PopupPage;
  let tabId: number;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startFixtureServer()]);
    const page = await browser.context.newPage();
    await page.setViewportSize(SHORT_WINDOW);
    reader = new ReaderPage(page);
    await reader.open(server.url(KHAN));
    tabId = await tabIdOf(browser.serviceWorker, page);
    popup = new PopupPage(await browser.context.newPage(), browser.extensionId);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the claims in reading order, one per claim, and the badge counts them', async () => {
    await popup.open(tabId);
    const listed = await popup.pageSentences();
    const highlighted = await reader.allHighlighted();
    console.log(`popup: ${listed.length} claims listed, ${highlighted.length} sentences highlighted`);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.length).toBeLessThanOrEqual(highlighted.length);
    // Every listed sentence is highlighted on the page, and the list follows the page's order.
    const order = await reader.page.evaluate(() => {
      const ranges = ['crosscheck-confident', 'crosscheck-possible'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
    });
    const positions = listed.map((s) => order.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(await badgeOf(browser.serviceWorker, tabId)).toBe(String(listed.length));
  });

  it('a claim with differing figures expands to its outlets and a figure comparison with a chart', async () => {
    await popup.open(tabId);
    await popup.claimList().waitFor();
    const item = await popup.expand(STRIKE_TOLL);
    expect(await item.locator('.cc-claim-toggle').getAttribute('aria-expanded')).toBe('true');
    const panel = item.locator('.cc-claim-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.cc-mention').count()).toBeGreaterThan(0);
    const comparison = panel.locator('.cc-cmp').first();
    expect(await comparison.isVisible()).toBe(true);
    const table = await comparison.locator('table').textContent();
    console.log(`toll comparison: ${table?.replace(/\s+/g, ' ')}`);
    expect(table).toContain('This page');
    expect(table).toMatch(/This page\s*at least 58/);
    // At least one outlet's value differs from the page's 58, and the chart plots the values on one axis.
    expect(table).toContain('differs from this page');
    expect(await comparison.locator('.cc-chart-point').count()).toBeGreaterThanOrEqual(2);
    expect(await comparison.locator('svg').count()).toBe(1);
  });

  it('"Show on page" scrolls the page to the sentence, fills it (no text selected) and opens its card with focus', async () => {
    await popup.open(tabId);
    const listed = await popup.pageSentences();
    const last = listed[listed.length - 1]!;
    await reader.page.evaluate(() => scrollTo(0, 0));
    const below = await reader.page.evaluate((needle) => {
      const ranges = ['crosscheck-confident', 'crosscheck-possible'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]);
      const r = ranges.find((x) => x.toString().replace(/\s+/g, ' ').trim() === needle);
      return r ? r.getBoundingClientRect().top > innerHeight : null;
    }, last);
    expect(below).toBe(true);
    await popup.showOnPage(last.slice(0, 40));
    await expect.poll(() => reader.page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect.poll(() => reader.currentClaim()).toBe(last);
    expect(await reader.selectedText()).toBe('');
    const rect = await reader.currentClaimRect();
    expect(rect && rect.top >= 0 && rect.bottom <= rect.viewport).toBe(true);
    await expect.poll(() => reader.card().isVisible()).toBe(true);
    expect(await reader.focusedTag()).toBe('crosscheck-card');
  });

  it('a lookup with typos finds the claim the page states', async () => {
    await popup.open(tabId);
    const item = popup.claimFor(TOMAHAWK);
    await item.waitFor();
    const label = (await item.locator('.cc-claim-text').textContent())?.trim();
    expect(label).toBeTruthy();
    await popup.lookUp('tomahwak missles shayrat');
    const labels = await popup.lookupLabels();
    console.log(`lookup "tomahwak missles shayrat": ${labels.length} results; page claim at rank ${labels.indexOf(label!) + 1}`);
    expect(labels.slice(0, 3)).toContain(label);
  });

  it('has no serious or critical axe-core violations, in light and dark', async () => {
    await popup.open(tabId);
    await popup.expand(TOLL);
    await popup.lookUp('khan sheikhun toll');
    await popup.lookupLabels();
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.page.emulateMedia({ colorScheme });
      const violations = await popup.axe();
      console.log(`axe (${colorScheme}): ${violations.map((v) => `${v.id}/${v.impact}`).join(', ') || 'none'}`);
      expect(violations.filter((v) => BLOCKING.has(v.impact ?? ''))).toEqual([]);
    }
  });

  it('switching the site off clears the page; "Check this page" checks it again', async () => {
    await popup.open(tabId);
    await popup.claimList().waitFor();
    await popup.page.getByRole('switch', { name: /Check pages on 127\.0\.0\.1/ }).click();
    await expect.poll(async () => (await reader.allHighlighted()).length).toBe(0);
    await popup.open(tabId);
    await expect.poll(() => popup.state().textContent()).toContain('This page has not been checked.');
    await popup.page.getByRole('button', { name: 'Check this page' }).click();
    await popup.claimList().waitFor();
    expect((await popup.pageSentences()).length).toBeGreaterThanOrEqual(3);
    expect((await reader.allHighlighted()).length).toBeGreaterThan(0);
    // Back on, so a reload checks automatically again.
    await popup.page.getByRole('switch', { name: /Check pages on/ }).click();
  });

  it('a page with no known claims says so', async () => {
    const other = new ReaderPage(await browser.context.newPage());
    await other.open(server.url('city-library-reopens.html'));
    await popup.open(await tabIdOf(browser.serviceWorker, other.page));
    await expect.poll(() => popup.state().textContent()).toContain('No claims from the corpus were found on this page.');
    await other.page.close();
  });

  it('a page where the extension cannot run gets a plain explanation and no check button', async () => {
    // The popup page itself, in the front tab and without ?tab=: the active tab is an extension page.
    const own = await browser.context.newPage();
    await own.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await own.bringToFront();
    await own.reload();
    const self = new PopupPage(own, browser.extensionId);
    await expect.poll(() => self.state().textContent()).toContain('Crosscheck cannot run on this page.');
    expect(await own.getByRole('button', { name: 'Check this page' }).count()).toBe(0);
    expect(await own.getByRole('switch').isDisabled()).toBe(true);
    await own.close();
  });

  it('made no request outside the test server and the extension', () => {
    console.log(`requests: ${browser.requests.length} in the context, ${server.requests.length} served`);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(browser.outsideRequests()).toEqual([]);
  });
});
