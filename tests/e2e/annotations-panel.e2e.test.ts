/**
 * Issue 12, notes that work from the card, end to end in real Chromium with the built extension: the card's
 * Annotate opens a framed editor panel inside the viewport that does not cover the sentence; saving with no
 * note stores a highlight (confirmed in the panel); hovering one's notes shows them with Edit and Delete; the
 * annotations page shows the article's title and the matched claim, and links back to the passage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { AnnotatingReader, AnnotationsPage } from './pages/annotations-page';
import { ReaderPage } from './pages/reader-page';
import { type FixtureServer, startFixtureServer } from './server';

const STORY = 'khan-sheikhoun-strike.html';
const TITLE = 'US missiles hit Syrian airbase after Idlib gas attack | The Meridian Post';
const TOMAHAWK = 'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.';
const PRESIDENT = '“No child of God should ever suffer such horror,” the US president said in a televised statement.';

type Rect = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('notes from the card and on hover', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchWithExtension(), startFixtureServer()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the card's Annotate opens a framed panel in the viewport beside the sentence; an empty save stores a highlight", async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.open(server.url(STORY));
    await reader.hover(TOMAHAWK);
    await expect.poll(() => reader.card().isVisible()).toBe(true);
    await reader.card().click('Annotate');
    const r = new AnnotatingReader(reader.page);
    const editor = r.editor('card');
    await editor.waitFor();
    expect(await reader.card().isVisible()).toBe(false);

    const box = (await editor.boundingBox())!;
    const viewport = await reader.page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    const sentence = await reader.page.evaluate((needle) => {
      for (const name of ['crosscheck-confident', 'crosscheck-possible']) {
        for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
          if (range.toString().includes(needle)) return [...range.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }));
        }
      }
      return [];
    }, TOMAHAWK);
    const panel = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    console.log(`editor panel ${Math.round(box.width)}x${Math.round(box.height)} at (${Math.round(box.x)}, ${Math.round(box.y)}) in ${viewport.width}x${viewport.height}; sentence lines: ${JSON.stringify(sentence.map((s) => [Math.round(s.top), Math.round(s.bottom)]))}`);
    expect(sentence.length).toBeGreaterThan(0);
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.top).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(viewport.width);
    expect(panel.bottom).toBeLessThanOrEqual(viewport.height);
    expect(box.width).toBeLessThanOrEqual(400); // the card's width, not stretched to the page's edge
    for (const line of sentence) expect(overlaps(panel, line), 'the panel covers the sentence').toBe(false);
    // A frame: an opaque background, a border and a shadow.
    const frame = await editor.run((root) => {
      const s = getComputedStyle(root.querySelector('form.cc-ann-editor')!);
      return { background: s.backgroundColor, border: s.borderTopWidth, shadow: s.boxShadow };
    }, null);
    expect(frame!.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(frame!.border).not.toBe('0px');
    expect(frame!.shadow).not.toBe('none');

    // The panel follows the sentence when the page scrolls, and still covers none of it.
    await reader.page.mouse.move(40, 40);
    await reader.page.mouse.wheel(0, 120);
    await expect.poll(() => reader.page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await reader.page.waitForTimeout(100);
    const moved = (await editor.boundingBox())!;
    const linesAfter = await reader.page.evaluate((needle) => {
      for (const range of (CSS.highlights.get('crosscheck-confident') ?? []) as Iterable<Range>) {
        if (range.toString().includes(needle)) return [...range.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }));
      }
      return [];
    }, TOMAHAWK);
    console.log(`after scrolling 120 px: panel at (${Math.round(moved.x)}, ${Math.round(moved.y)}); sentence lines ${JSON.stringify(linesAfter.map((l) => [Math.round(l.top), Math.round(l.bottom)]))}`);
    const movedPanel = { left: moved.x, top: moved.y, right: moved.x + moved.width, bottom: moved.y + moved.height };
    for (const line of linesAfter) expect(overlaps(movedPanel, line), 'after scrolling, the panel covers the sentence').toBe(false);
    expect(movedPanel.bottom).toBeLessThanOrEqual(viewport.height);

    // No note, no tag: the button offers a highlight, and the panel confirms it.
    expect(await editor.hasButton('Save highlight')).toBe(true);
    await editor.click('Save highlight');
    await expect.poll(() => editor.textContent('[role="status"]')).toBe('Highlight saved.');
    await expect.poll(() => r.annotated()).toEqual([TOMAHAWK]);
    await expect.poll(() => editor.count(), { timeout: 5_000 }).toBe(0);

    // Hovering the highlighted sentence shows the reader's highlight in the card, with Edit and Delete.
    const card = await reader.cardTextOf(TOMAHAWK);
    expect(card).toContain('Your notes');
    expect(card).toContain('Highlight (no note)');
    expect(await reader.card().hasButton('Edit')).toBe(true);
    expect(await reader.card().hasButton('Delete')).toBe(true);

    // Edit from the card: the panel opens on the sentence; the highlight becomes a note.
    await reader.card().click('Edit');
    await editor.waitFor();
    expect(await editor.textContent('h2')).toBe('Edit your note');
    await editor.fill('Note', 'Two destroyers, per the Pentagon.');
    await editor.click('Save');
    await expect.poll(() => editor.textContent('[role="status"]')).toBe('Note saved.');
    await expect.poll(() => editor.count(), { timeout: 5_000 }).toBe(0);
    expect(await reader.cardTextOf(TOMAHAWK)).toContain('Two destroyers, per the Pentagon.');
    await reader.page.close();
  });

  it('in a small window (700x500) the panel still stays inside it and off the sentence, scrolling if it must', async () => {
    const reader = new ReaderPage(await browser.context.newPage());
    await reader.page.setViewportSize({ width: 700, height: 500 });
    await reader.open(server.url(STORY));
    await reader.hover(TOMAHAWK);
    await expect.poll(() => reader.card().isVisible()).toBe(true);
    await reader.card().click('Annotate');
    const editor = new AnnotatingReader(reader.page).editor('card');
    await editor.waitFor();
    const box = (await editor.boundingBox())!;
    const lines = await reader.page.evaluate((needle) => {
      for (const name of ['crosscheck-confident', 'crosscheck-possible']) {
        for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
          if (range.toString().includes(needle)) return [...range.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }));
        }
      }
      return [];
    }, TOMAHAWK);
    console.log(`small window: panel ${Math.round(box.width)}x${Math.round(box.height)} at (${Math.round(box.x)}, ${Math.round(box.y)}); sentence lines ${JSON.stringify(lines.map((l) => [Math.round(l.top), Math.round(l.bottom)]))}`);
    const panel = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.top).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(700);
    expect(panel.bottom).toBeLessThanOrEqual(500);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(overlaps(panel, line), 'the panel covers the sentence').toBe(false);
    // Every control stays reachable: Cancel scrolls into view inside the panel and closes it.
    await editor.click('Cancel');
    await expect.poll(() => editor.count()).toBe(0);
    await reader.page.close();
  });

  it('hovering a note on other text shows it, Edit changes it and Delete removes it', async () => {
    const r = new AnnotatingReader(await browser.context.newPage());
    await r.open(server.url(STORY));
    const claimPainted = await r.page.evaluate(
      (needle) => ['crosscheck-confident', 'crosscheck-possible'].some((n) => [...(CSS.highlights.get(n) ?? [])].some((x) => (x as Range).toString().includes(needle))),
      PRESIDENT.slice(1, 30),
    );
    expect(claimPainted).toBe(false);
    await r.selectParagraph(PRESIDENT.slice(1, 30));
    await r.selectionButton().click(null);
    await r.write('selection', 'Quote from the televised statement.', []);
    await expect.poll(() => r.editor().textContent('[role="status"]')).toBe('Note saved.');
    await expect.poll(() => r.editor().count(), { timeout: 5_000 }).toBe(0);
    await r.page.mouse.move(2, 2);

    await r.hoverAnnotation('No child of God');
    const note = r.hoveredNote();
    await note.waitFor();
    expect(await note.textContent()).toContain('Quote from the televised statement.');
    const noteBox = (await note.boundingBox())!;
    for (const line of await r.annotationRects('No child of God')) {
      expect(overlaps({ left: noteBox.x, top: noteBox.y, right: noteBox.x + noteBox.width, bottom: noteBox.y + noteBox.height }, line)).toBe(false);
    }

    await note.click('Edit');
    const editor = r.editor();
    await editor.waitFor();
    expect(await editor.run((root) => (root.querySelector('textarea') as HTMLTextAreaElement).value, null)).toBe('Quote from the televised statement.');
    await editor.fill('Note', ' Check the date.');
    await editor.click('Save');
    await expect.poll(() => editor.textContent('[role="status"]')).toBe('Note saved.');
    await expect.poll(() => editor.count(), { timeout: 5_000 }).toBe(0);
    await r.page.mouse.move(2, 2);
    await r.hoverAnnotation('No child of God');
    await note.waitFor();
    expect(await note.textContent()).toContain('Quote from the televised statement. Check the date.');

    await note.click('Delete');
    await expect.poll(() => r.annotated()).toEqual([TOMAHAWK]);
    await note.waitFor({ state: 'hidden' });
    expect(await r.reload()).toEqual({ placed: 1, orphans: 0 });
    await r.page.close();
  });

  it('the annotations page shows the title and the claim, and its link opens the page at the passage', async () => {
    const page = await AnnotationsPage.open(await browser.context.newPage(), browser.extensionId);
    await expect.poll(() => page.items().count()).toBe(1);
    const item = page.items().first();
    const heading = item.locator('.cc-ann-article a');
    expect(await heading.textContent()).toBe(TITLE);
    expect(await item.locator('.cc-ann-claim').textContent()).toMatch(/^Claim: \S/);
    expect((await item.locator('.cc-ann-quote').textContent())?.trim()).toBe(TOMAHAWK);
    const href = (await heading.getAttribute('href'))!;
    // A text fragment naming the passage by its first and last words.
    expect(href).toBe(`${server.url(STORY)}#:~:text=Fifty%2Dnine%20Tomahawk%20cruise%20missiles%20were%20fired,US%20Navy%20ships%20in%20the%20Mediterranean.`);

    // Following the link lands on the passage: Chromium scrolls to the text fragment.
    const [opened] = await Promise.all([page.page.context().waitForEvent('page'), heading.click()]);
    await opened.waitForLoadState('load');
    await expect
      .poll(() =>
        opened.evaluate((needle) => {
          const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(needle))!;
          const r = p.getBoundingClientRect();
          return scrollY > 0 && r.top >= 0 && r.bottom <= innerHeight;
        }, 'Fifty-nine Tomahawk'),
      )
      .toBe(true);
    await Promise.all([opened.close(), page.page.close()]);
  });
});
