/**
 * The page is not trusted (issue 15, page side), end to end in real Chromium with the built extension. Two
 * origins on 127.0.0.1 (two ports of the fixture server): the "news site" where the reader annotates, and an
 * "attacker" site that carries the same article. Every attack runs as a page script would (./pages/attacker-page.ts)
 * and must fail: opening the card or the selection button with synthetic events, reading the card, saving or
 * planting a note through the editor, claiming the news site's URL as canonical, replaying WXT's start signal,
 * and stalling the page with a mutation storm.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { AnnotatingReader, AnnotationsPage } from './pages/annotations-page';
import { AttackerPage, type StormResult } from './pages/attacker-page';
import { ClosedUi } from './pages/closed-ui';
import { ReaderPage } from './pages/reader-page';
import { type FixtureServer, PAGES_DIR, startFixtureServer } from './server';

const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.';
const RUSSIA = 'Russia called the strike an act of aggression against a sovereign state';
const PRIVATE_NOTE = 'Private: my source at the ministry says the ships were three.';
const ATTACKER_NOTE = 'Planted by the page';
/** A claim the attacker page adds after a replayed start signal (not in the story): a running reader highlights it. */
const SORTIES = 'the ministry said in a statement that Russian planes flew 64 sorties and targeted 54 sites';
const LATE_CLAIM = `On one October day, ${SORTIES} in the past 24 hours, without elaborating.`;
/** Storm: 100 paragraphs every 10 ms (10,000 nodes a second) for 3 s; then one 5 MB text node. */
const STORM = { ms: 3000, perTick: 100 };
const BIG_TEXT = { ms: 3000, perTick: 0, bigText: 5_000_000 };

/** Storage key of the per-site switch (utils/settings.ts `siteTogglesItem`). */
const SITE_TOGGLES = 'siteToggles';

/** The service worker's `chrome.storage.local`, as far as the test uses it. */
interface ChromeStorage {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}

function summary(label: string, r: StormResult): string {
  const total = r.longTasks.reduce((n, t) => n + t.duration, 0);
  const longest = Math.max(0, ...r.longTasks.map((t) => t.duration));
  return `${label}: ${r.added} nodes in ${r.ms.toFixed(0)} ms, page timer ran ${r.ticks} ticks; long tasks ${r.longTasks.length}, total ${total.toFixed(0)} ms, longest ${longest.toFixed(0)} ms`;
}

const total = (r: StormResult) => r.longTasks.reduce((n, t) => n + t.duration, 0);
const longest = (r: StormResult) => Math.max(0, ...r.longTasks.map((t) => t.duration));

describe('a hostile page cannot use Crosscheck against its reader', () => {
  let browser: ExtensionBrowser;
  let news: FixtureServer;
  let attacker: FixtureServer;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'crosscheck-security-'));
    await cp(PAGES_DIR, root, { recursive: true });
    [browser, news, attacker] = await Promise.all([launchWithExtension(), startFixtureServer(root), startFixtureServer(root)]);
    const story = await readFile(join(PAGES_DIR, 'khan-sheikhoun-strike.html'), 'utf8');
    if (!story.includes(TOMAHAWK) || !story.includes(RUSSIA)) throw new Error('fixture changed');
    await writeFile(join(root, 'story.html'), story);
    // The same article on the attacker's site, declaring the news site's copy as its canonical URL.
    await writeFile(join(root, 'claims-canonical.html'), story.replace('<head>', `<head>\n  <link rel="canonical" href="${news.url('story.html')}">`));
  });

  afterAll(async () => {
    await browser?.close();
    await news?.close();
    await attacker?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('on the news site the reader annotates a claim from its card; the card there shows the note as theirs', async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(news.url('story.html'));
    await reader.hover(TOMAHAWK);
    await reader.card().waitFor();
    await reader.card().click('Annotate');
    await new AnnotatingReader(reader.page).write('card', PRIVATE_NOTE, ['follow up']);
    await expect.poll(() => new AnnotatingReader(reader.page).annotated()).toEqual([TOMAHAWK]);
    const card = await reader.cardTextOf(TOMAHAWK);
    expect(card).toContain(PRIVATE_NOTE);
    expect(card).not.toContain('elsewhere');
    expect(await reader.card().shadowMode()).toBe('closed');
    await reader.page.close();
  });

  it('a page cannot open the card with synthetic pointer moves or keys', async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(attacker.url('story.html'));
    const page = new AttackerPage(reader.page);
    const point = await page.pointOn(TOMAHAWK);
    expect(point).not.toBeNull();
    await page.fakeHover(point!);
    await page.fakeKeys();
    await reader.page.waitForTimeout(800);
    expect(await reader.card().isVisible()).toBe(false);
    expect(await reader.selectedText()).toBe('');
    // The same sentence, rested on by the reader's own pointer, opens it: the card works, only for real input.
    await reader.hover(TOMAHAWK);
    await reader.card().waitFor();
    await reader.page.close();
  });

  it('the card the reader opens on another site cannot be read by the page, and shows no note made elsewhere', async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(attacker.url('story.html'));
    const card = await reader.cardTextOf(TOMAHAWK);
    expect(card).toContain('1 note elsewhere — open in popup');
    expect(card).not.toContain(PRIVATE_NOTE);
    const seen = await new AttackerPage(reader.page).peek();
    expect(seen.hosts).toContain('crosscheck-card');
    expect(seen.openRoots).toBe(0);
    expect(seen.pageText).not.toContain(PRIVATE_NOTE);
    expect(seen.pageText).not.toContain('Made by');
    expect(await reader.card().shadowMode()).toBe('closed');
    await reader.page.close();
  });

  it('a page cannot save a note through the open editor, offer the selection button, or plant a "Yours" note', async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(attacker.url('story.html'));
    const page = new AttackerPage(reader.page);
    // The reader opened the editor in the card and left it open; the page takes over.
    await reader.hover(TOMAHAWK);
    await reader.card().waitFor();
    await reader.card().click('Annotate');
    const editor = new AnnotatingReader(reader.page).editor('card');
    await editor.waitFor();
    await page.fakeSave(ATTACKER_NOTE);
    // The page selects another claim sentence and fakes the releases that offer the Annotate button.
    await page.fakeSelect(RUSSIA);
    await page.fakeSave(ATTACKER_NOTE);
    await reader.page.waitForTimeout(800);
    expect(await new AnnotatingReader(reader.page).selectionButton().count()).toBe(0);
    expect(await editor.count()).toBe(1); // Still open, nothing saved: Save needs the reader's click.
    expect((await page.peek()).openRoots).toBe(0);
    expect(await new AnnotatingReader(reader.page).annotated()).toEqual([]);
    await reader.page.close();

    const list = await AnnotationsPage.open(await browser.context.newPage(), browser.extensionId);
    expect(await list.items().count()).toBe(1);
    expect(await list.items().first().textContent()).toContain(PRIVATE_NOTE);
    await list.page.close();
    // Back on the news site, the only "Yours" note is the reader's.
    const news1 = new ReaderPage(await browser.context.newPage());
    await news1.open(news.url('story.html'));
    const card = await news1.cardTextOf(TOMAHAWK);
    expect(card).toContain(PRIVATE_NOTE);
    expect(card).not.toContain(ATTACKER_NOTE);
    await news1.page.close();
  });

  it("a page that declares the news site's article as canonical gets none of its notes", async () => {
    const r = new AnnotatingReader(await browser.context.newPage());
    const counts = await r.open(attacker.url('claims-canonical.html'));
    expect(counts).toEqual({ placed: 0, orphans: 0 });
    expect((await new AttackerPage(r.page).highlightCounts())['crosscheck-annotation']).toBe(0);
    await r.page.close();
    // The news site's own page still finds it (the note was not moved or orphaned by the attacker's visit).
    const own = new AnnotatingReader(await browser.context.newPage());
    expect(await own.open(news.url('story.html'))).toEqual({ placed: 1, orphans: 0 });
    await own.page.close();
  });

  it("replaying WXT's start signal does not stop the reader, and the page never sees the extension id", async () => {
    const tab = await browser.context.newPage();
    await AttackerPage.recordMessages(tab);
    const reader = new ReaderPage(tab);
    await reader.open(attacker.url('story.html'));
    const page = new AttackerPage(tab);
    expect((await page.seenMessages()).filter((m) => m.includes(browser.extensionId))).toEqual([]);
    const before = await page.highlightCounts();
    expect(before['crosscheck-confident']! + before['crosscheck-possible']!).toBeGreaterThan(0);
    await page.replayStartSignal(browser.extensionId);
    await tab.waitForTimeout(300);
    expect(await page.highlightCounts()).toEqual(before);
    // Still reading: a paragraph added now is checked and highlighted, and the card still opens.
    expect((await reader.allHighlighted()).some((t) => t.includes(SORTIES))).toBe(false);
    await reader.append('.story-body', LATE_CLAIM);
    await reader.waitHighlighted(SORTIES);
    expect(await reader.cardTextOf(TOMAHAWK)).toContain('Made by');
    await tab.close();
  });

  it('a mutation storm (10,000 nodes a second) and a 5 MB text node leave the page its main thread', async () => {
    const setSite = (on: boolean) =>
      browser.serviceWorker.evaluate(
        ({ key, on }) => (globalThis as unknown as { chrome: ChromeStorage }).chrome.storage.local.set({ [key]: on ? {} : { '127.0.0.1': false } }),
        { key: SITE_TOGGLES, on },
      );
    const run = async (opts: typeof STORM | typeof BIG_TEXT, on = false): Promise<StormResult> => {
      const reader = new ReaderPage(await browser.context.newPage());
      await reader.page.bringToFront();
      await reader.page.goto(attacker.url('story.html'));
      await reader.page.waitForTimeout(1000);
      const result = await new AttackerPage(reader.page).storm(opts);
      if (on) {
        // The reader came through: a claim added after the storm is still read and highlighted.
        await reader.append('.story-body', LATE_CLAIM);
        await reader.waitHighlighted(SORTIES);
      }
      await reader.page.close();
      return result;
    };
    await setSite(false);
    const baseStorm = await run(STORM);
    const baseBig = await run(BIG_TEXT);
    await setSite(true);
    const storm = await run(STORM, true);
    const big = await run(BIG_TEXT, true);
    console.log(summary('storm, reader off for the site', baseStorm));
    console.log(summary('storm, reader on', storm));
    console.log(summary('5 MB text node, reader off', baseBig));
    console.log(summary('5 MB text node, reader on', big));
    // Timings on a shared machine are noisy: the figures are printed, and only failures far outside the noise
    // are asserted (before the fix: a 5 MB node cost 2-15 s of long tasks, the storm up to 866 ms in one task).
    expect(total(big) - total(baseBig)).toBeLessThan(BIG_EXTRA_MS);
    expect(longest(storm)).toBeLessThan(Math.max(LONGEST_MS, longest(baseStorm) * 1.5));
  });

  it('made no request outside the test servers and the extension', () => {
    expect(browser.outsideRequests()).toEqual([]);
  });
});

/** Longest task allowed under the storm (was 420-866 ms), unless the page's own were longer. */
const LONGEST_MS = 400;
/** Long-task time the reader may add after a 5 MB text node (was 2-2.8 s in the review, 15 s here). */
const BIG_EXTRA_MS = 1_000;
