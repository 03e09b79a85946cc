/**
 * Annotating with Crosscheck, end to end, in real Chromium with the built extension. The story page is served
 * in three versions under one canonical URL (as a news site edits an article): the original, a slightly edited
 * one, and one without the annotated sentence. Annotations are made from a text selection and from the card,
 * survive a reload, re-anchor on the edited page, turn into listed orphans when their sentence is gone, join
 * the matching on another page, and move to a fresh profile through export and import.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { AnnotatingReader, AnnotationsPage } from './pages/annotations-page';
import { ReaderPage } from './pages/reader-page';
import { tabIdOf } from './pages/popup-page';
import { type FixtureServer, PAGES_DIR, startFixtureServer } from './server';

const RUSSIA = 'Russia called the strike an act of aggression against a sovereign state and said it would suspend a hotline meant to prevent incidents between the two air forces over Syria.';
/** The same sentence after the site's copy edit (one word changed). */
const RUSSIA_EDITED = RUSSIA.replace('sovereign state', 'sovereign nation');
const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.';
const LIBRARY = 'The library\'s local history archive, which holds parish records going back to 1672, will reopen to researchers in November.';
const CANONICAL = '<link rel="canonical" href="/news/us-strikes-syrian-airbase">';
const NEW_LEAD = '<p>Updated on Saturday with reaction from Moscow and a correction to the number of ships involved.</p>';

/** The story, its edited and its cut versions (one canonical URL), and an unrelated page quoting two sentences. */
async function writePages(root: string): Promise<void> {
  const original = (await readFile(join(PAGES_DIR, 'khan-sheikhoun-strike.html'), 'utf8')).replace('<head>', `<head>\n  ${CANONICAL}`);
  const russiaParagraph = new RegExp(`<p>${RUSSIA.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</p>`);
  if (!russiaParagraph.test(original) || !original.includes(`<p>${TOMAHAWK}</p>`)) throw new Error('fixture changed');
  await writeFile(join(root, 'story.html'), original);
  const edited = original.replace(russiaParagraph, `<p>${RUSSIA_EDITED}</p>`).replace(`<p>${TOMAHAWK}</p>`, `${NEW_LEAD}\n<p>${TOMAHAWK}</p>`);
  await writeFile(join(root, 'story-edited.html'), edited);
  await writeFile(join(root, 'story-cut.html'), original.replace(russiaParagraph, ''));
  await writeFile(
    join(root, 'roundup.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weekly roundup | Test Desk</title></head>
<body><main><article><h1>What happened this week</h1>
<p>Our weekly roundup looks back at the stories readers followed most closely over the last seven days.</p>
<p>${TOMAHAWK}</p>
<p>Closer to home, the town's reading room was busy again. ${LIBRARY}</p>
<p>The roundup returns next Friday with a look at the regional elections and the new ferry timetable.</p>
</article></main></body></html>`,
  );
}

/** The part of `chrome.tabs` the service-worker snippet uses (the test itself runs in node). */
interface ExtensionTabs {
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/** The backup without its export time, for comparing two exports. */
function backupBody(text: string): unknown {
  const { exportedAt: _ignored, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}

describe('annotating pages with Crosscheck', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let root: string;
  let backup = '';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'crosscheck-annotate-'));
    await cp(PAGES_DIR, root, { recursive: true });
    await writePages(root);
    [browser, server] = await Promise.all([launchWithExtension(), startFixtureServer(root)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('annotates a selected sentence; after a reload it is still there and highlighted', async () => {
    const r = new AnnotatingReader(await browser.context.newPage());
    expect(await r.open(server.url('story.html'))).toEqual({ placed: 0, orphans: 0 });
    await r.selectParagraph(RUSSIA);
    await r.selectionButton().click(null);
    await r.write('selection', 'Moscow said the same in 2017; compare with the hotline story.', ['disputed']);
    await expect.poll(() => r.annotated()).toEqual([RUSSIA]);
    // The panel confirms the save, then closes.
    await expect.poll(() => r.editor('selection').count(), { timeout: 5_000 }).toBe(0);
    expect(await r.reload()).toEqual({ placed: 1, orphans: 0 });
    expect(await r.annotated()).toEqual([RUSSIA]);
    await r.page.close();
  });

  it("annotates a highlighted claim from its card; the card then shows the note as the reader's", async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(server.url('story.html'));
    await reader.hover(TOMAHAWK);
    await expect.poll(() => reader.card().isVisible()).toBe(true);
    await reader.card().click('Annotate');
    const r = new AnnotatingReader(reader.page);
    await r.write('card', 'Count the ships again.', ['follow up']);
    await expect.poll(async () => (await r.annotated()).sort()).toEqual([RUSSIA, TOMAHAWK].sort());
    expect(await reader.cardTextOf(TOMAHAWK)).toContain('Count the ships again.');
    await reader.page.close();
  });

  it('the context menu and the shortcut (a message from the background) open the editor on the selection', async () => {
    const r = new AnnotatingReader(await browser.context.newPage());
    await r.open(server.url('story.html'));
    await r.selectParagraph('Damascus has rejected the accusations');
    await r.page.bringToFront();
    // What the background does for the "Annotate selection" menu entry and the Alt+Shift+A command.
    const answer = await browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionTabs };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab?.id ?? -1, { type: 'annotateSelection', req: {} }, { frameId: 0 });
    });
    expect(answer).toEqual({ ok: true, res: { opened: true } });
    const editor = r.editor('selection');
    expect(await editor.textContent('.cc-ann-quote')).toContain('Damascus has rejected the accusations');
    await editor.click('Cancel');
    await expect.poll(() => editor.count()).toBe(0);
    await r.page.close();
  });

  it('the edited article (same canonical URL, text moved and reworded) still shows both annotations', async () => {
    const r = new AnnotatingReader(await browser.context.newPage());
    expect(await r.open(server.url('story-edited.html'))).toEqual({ placed: 2, orphans: 0 });
    expect((await r.annotated()).sort()).toEqual([RUSSIA_EDITED, TOMAHAWK].sort());
    await r.page.close();
  });

  it('an unannotated page quoting the same sentences recognises them as yours', async () => {
    const library = new AnnotatingReader(await browser.context.newPage());
    await library.open(server.url('city-library-reopens.html'));
    await library.selectParagraph(LIBRARY);
    await library.selectionButton().click(null);
    await library.write('selection', 'Ask the archive about the 1672 registers.', ['verified']);
    await expect.poll(() => library.annotated()).toEqual([LIBRARY]);
    await library.page.close();

    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(server.url('roundup.html'));
    await reader.waitHighlighted(LIBRARY);
    expect(await new AnnotatingReader(reader.page).annotated()).toEqual([]); // another page: no note anchored here
    const card = await reader.cardTextOf(LIBRARY);
    expect(card).toContain('Your notes');
    expect(card).toContain('Ask the archive about the 1672 registers.');
    expect(await reader.cardTextOf(TOMAHAWK)).toContain('Count the ships again.');
    await reader.page.close();
  });

  it('when the sentence is cut from the article, its annotation is listed as an orphan', async () => {
    const r = new AnnotatingReader(await browser.context.newPage());
    expect(await r.open(server.url('story-cut.html'))).toEqual({ placed: 1, orphans: 1 });
    expect(await r.annotated()).toEqual([TOMAHAWK]);
    // The popup for that tab lists the page's notes and says which one could not be placed.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser.serviceWorker, r.page)}`);
    const notes = popup.getByRole('region', { name: /Your notes on this page \(2\)/ });
    await expect.poll(() => notes.isVisible()).toBe(true);
    expect(await notes.textContent()).toContain('1 note could not be placed on the page');
    expect(await notes.locator('.cc-note--orphan .cc-note-quote').allTextContents()).toEqual([RUSSIA]);
    await popup.close();
    const page = await AnnotationsPage.open(r.page, browser.extensionId);
    await expect.poll(() => page.items().count()).toBe(3);
    expect(await page.orphanQuotes()).toEqual([RUSSIA]);
    await r.page.close();
  });

  it('exports W3C JSON-LD and a backup', async () => {
    const page = await AnnotationsPage.open(await browser.context.newPage(), browser.extensionId);
    const jsonld = await page.exportJsonLd();
    const collection = JSON.parse(jsonld.text) as { '@context': string; type: string; total: number; first: { items: { target: { source: string; selector: { type: string }[] } }[] } };
    expect(jsonld.name).toMatch(/\.jsonld$/);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    const story = collection.first.items.filter((a) => a.target.source === `${server.origin}/news/us-strikes-syrian-airbase`);
    expect(story).toHaveLength(2);
    for (const a of collection.first.items) {
      expect(a.target.selector.map((s) => s.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    }
    backup = (await page.exportBackup()).text;
    expect((JSON.parse(backup) as { annotations: unknown[] }).annotations).toHaveLength(3);
    await page.page.close();
  });

  it('made no request outside the test server and the extension', () => {
    console.log(`requests: ${browser.requests.length} in the context, ${server.requests.length} served`);
    expect(browser.outsideRequests()).toEqual([]);
  });

  it('a fresh profile imports the backup identically, merges a second import, and a malformed file changes nothing', async () => {
    expect(backup).not.toBe('');
    await browser.close();
    const fresh = await launchWithExtension();
    try {
      const page = await AnnotationsPage.open(await fresh.context.newPage(), fresh.extensionId);
      expect(await page.items().count()).toBe(0);
      await page.importFile('backup.json', backup);
      expect(await page.importOutcome()).toContain('3 annotations added');
      await expect.poll(() => page.items().count()).toBe(3);
      expect(backupBody((await page.exportBackup()).text)).toEqual(backupBody(backup));

      await page.importFile('backup.json', backup);
      await expect.poll(() => page.importOutcome()).toContain('0 annotations added, 0 updated, 3 already up to date');
      expect(await page.items().count()).toBe(3);

      const malformed = backup.replace('"TextQuoteSelector"', '"TextQuoteSelector",').slice(0, -20);
      await page.importFile('broken.json', malformed);
      await expect.poll(() => page.importOutcome()).toMatch(/^Import failed: .*Nothing was changed\.$/);
      const wrongShape = JSON.stringify({ format: 'crosscheck-annotations', version: 1, annotations: [{ id: 'x', type: 'Annotation' }] });
      await page.importFile('wrong.json', wrongShape);
      await expect.poll(() => page.importOutcome()).toContain('item 1 (x)');
      expect(await page.items().count()).toBe(3);
      expect(backupBody((await page.exportBackup()).text)).toEqual(backupBody(backup));

      // The imported notes are placed on the page in the new profile too.
      const r = new AnnotatingReader(await fresh.context.newPage());
      expect(await r.open(server.url('story.html'))).toEqual({ placed: 2, orphans: 0 });
      console.log(`fresh profile: ${fresh.requests.length} requests, outside: ${fresh.outsideRequests().length}`);
      expect(fresh.outsideRequests()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
