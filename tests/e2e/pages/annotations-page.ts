/**
 * Page objects for annotating: the reader's side on a news page (select text, use the Annotate button or the
 * card's, read the annotation highlights) and the annotations extension page (list, orphans, export, import).
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { ClosedUi } from './closed-ui';

const ANNOTATION_HIGHLIGHT = 'crosscheck-annotation';
const ANNOTATIONS_MARK = 'crosscheck:annotations';
const WAIT_MS = 20_000;

/** A news page, from the annotating reader's side. */
export class AnnotatingReader {
  constructor(readonly page: Page) {}

  /** Opens `url` and waits until the page's annotations were re-anchored. */
  async open(url: string): Promise<{ placed: number; orphans: number }> {
    await this.page.goto(url);
    return this.waitRestored();
  }

  async reload(): Promise<{ placed: number; orphans: number }> {
    await this.page.reload();
    return this.waitRestored();
  }

  /** Waits for the content script's "annotations restored" mark and returns its counts. */
  async waitRestored(): Promise<{ placed: number; orphans: number }> {
    await this.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, ANNOTATIONS_MARK, { timeout: WAIT_MS });
    return this.page.evaluate((mark) => (performance.getEntriesByName(mark)[0] as PerformanceMark).detail, ANNOTATIONS_MARK);
  }

  /** Texts painted as annotations, in reading order (read from the page's CSS highlight registry). */
  annotated(): Promise<string[]> {
    return this.page.evaluate((name) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
    }, ANNOTATION_HIGHLIGHT);
  }

  /**
   * Selects the text of the paragraph that contains `needle` and presses Shift, as a reader extending a selection
   * with the keyboard: the Annotate button follows real (trusted) input only, never a script's events.
   */
  async selectParagraph(needle: string): Promise<void> {
    const found = await this.page.evaluate((text) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(text));
      if (!p) return false;
      p.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(p);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }, needle);
    if (!found) throw new Error(`no paragraph contains "${needle}"`);
    await this.page.keyboard.press('Shift');
  }

  /** The small Annotate button shown next to a selection (in a closed shadow root: ./closed-ui.ts). */
  selectionButton(): ClosedUi {
    return new ClosedUi(this.page, 'crosscheck-annotate', 'button.cc-sel-button');
  }

  /**
   * The editor panel, opened from a selection or from a card's Annotate: both open the same framed panel in the
   * annotation UI's shadow root (the card closes), so `where` only says how the story opened it.
   */
  editor(_where: 'selection' | 'card' = 'selection'): ClosedUi {
    return new ClosedUi(this.page, 'crosscheck-annotate', 'form.cc-ann-editor');
  }

  /** The reader's note shown on hovering its highlight. */
  hoveredNote(): ClosedUi {
    return new ClosedUi(this.page, 'crosscheck-annotate', 'section.cc-ann-popover');
  }

  /** Client rects of the annotation highlight whose text contains `needle` (viewport coordinates). */
  annotationRects(needle: string): Promise<{ left: number; top: number; right: number; bottom: number }[]> {
    return this.page.evaluate(
      ({ name, needle }) => {
        const r = ([...(CSS.highlights.get(name) ?? [])] as Range[]).find((x) => x.toString().replace(/\s+/g, ' ').includes(needle));
        return r ? [...r.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom })) : [];
      },
      { name: ANNOTATION_HIGHLIGHT, needle },
    );
  }

  /** Rests the real pointer on the annotation highlight that contains `needle`. */
  async hoverAnnotation(needle: string): Promise<void> {
    const [rect] = await this.annotationRects(needle);
    if (!rect) throw new Error(`no annotation highlight contains "${needle}"`);
    const x = rect.left + Math.min(24, (rect.right - rect.left) / 2);
    const y = (rect.top + rect.bottom) / 2;
    await this.page.mouse.move(x - 3, y);
    await this.page.mouse.move(x, y);
  }

  /** Writes a note, toggles suggested tags and saves, with the mouse and the keyboard. */
  async write(where: 'selection' | 'card', note: string, tags: string[]): Promise<void> {
    const editor = this.editor(where);
    await editor.fill('Note', note);
    for (const tag of tags) await editor.click(tag);
    await editor.click('Save');
  }
}

/** One download, read as text. */
async function downloadedText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The extension's annotations page. */
export class AnnotationsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<AnnotationsPage> {
    await page.goto(`chrome-extension://${extensionId}/annotations.html`);
    await page.locator('main.cc-ann-page').waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes('Loading your annotations'));
    return new AnnotationsPage(page);
  }

  /** The listed annotations (one list item each). */
  items(): Locator {
    return this.page.locator('li.cc-ann-item');
  }

  /** Quotes of the items marked as orphans. */
  async orphanQuotes(): Promise<string[]> {
    const orphans = this.page.locator('li.cc-ann-item--orphan');
    return (await orphans.locator('.cc-ann-quote').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  exportJsonLd(): Promise<{ name: string; text: string }> {
    return downloadedText(this.page, () => this.page.getByRole('button', { name: 'Export as W3C Web Annotations (JSON-LD)' }).click());
  }

  exportBackup(): Promise<{ name: string; text: string }> {
    return downloadedText(this.page, () => this.page.getByRole('button', { name: 'Download a backup (JSON)' }).click());
  }

  /** Imports a file with this content through the page's file input. */
  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByLabel('Import annotations from a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** The import's confirmation or error, once shown. */
  async importOutcome(): Promise<string> {
    const outcome = this.page.locator('.cc-ann-transfer').getByText(/Import done|Import failed/);
    await outcome.waitFor({ timeout: WAIT_MS });
    return (await outcome.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  }
}
