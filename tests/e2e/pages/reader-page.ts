/**
 * Page object: a news page open in Chromium with the built extension, seen the way a reader sees it. What
 * is highlighted is read from the page's CSS highlight registry (shared with the content script's isolated
 * world), the card through DevTools, since its shadow root is closed to page scripts (./closed-ui.ts).
 */
import type { Page } from 'playwright-core';
import { ClosedUi } from './closed-ui';

/**
 * A point on the first painted claim highlight (confident or possible) whose text contains `text`, scrolled into
 * view, in viewport coordinates; null when none does. Read from the page's CSS highlight registry, which the
 * page's own scripts can read too.
 */
export function highlightPoint(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((needle) => {
    for (const name of ['crosscheck-confident', 'crosscheck-possible']) {
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        if (!r.toString().replace(/\s+/g, ' ').includes(needle)) continue;
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(24, rect.width / 2), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
}

/** Highlight kinds the extension paints for matches. */
export type MatchKind = 'confident' | 'possible';

/** Performance mark the content script sets when the page's first check is answered. */
const CHECKED_MARK = 'crosscheck:checked';
const WAIT_MS = 20_000;

export class ReaderPage {
  readonly dialogs: string[] = [];
  private cardUi: ClosedUi | null = null;

  constructor(readonly page: Page) {
    page.on('dialog', (d) => {
      this.dialogs.push(d.message());
      void d.dismiss();
    });
  }

  /** Opens `url` and waits until Crosscheck has checked the article. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitChecked();
  }

  /** Reloads and waits for the new check. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitChecked();
  }

  waitChecked(): Promise<unknown> {
    return this.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, CHECKED_MARK, { timeout: WAIT_MS });
  }

  /** Texts of the sentences painted as `kind`, in reading order. */
  highlighted(kind: MatchKind): Promise<string[]> {
    return this.page.evaluate((name) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
    }, `crosscheck-${kind}`);
  }

  /** Every highlighted sentence, either kind. */
  async allHighlighted(): Promise<string[]> {
    return [...(await this.highlighted('confident')), ...(await this.highlighted('possible'))];
  }

  /** Waits until some highlighted sentence contains `text`. */
  waitHighlighted(text: string): Promise<unknown> {
    return this.page.waitForFunction(
      (needle) =>
        ['crosscheck-confident', 'crosscheck-possible'].some((name) =>
          [...(CSS.highlights.get(name) ?? [])].some((r) => (r as Range).toString().replace(/\s+/g, ' ').includes(needle)),
        ),
      text,
      { timeout: WAIT_MS },
    );
  }

  /** Rests the pointer on the highlighted sentence that contains `text`. */
  async hover(text: string): Promise<void> {
    const point = await highlightPoint(this.page, text);
    if (!point) throw new Error(`no highlighted sentence contains "${text}"`);
    await this.page.mouse.move(point.x - 3, point.y);
    await this.page.mouse.move(point.x, point.y);
  }

  /** Moves the pointer away from any text. */
  async leave(): Promise<void> {
    await this.page.mouse.move(2, 2);
  }

  /** Closes any open card, rests on the highlight of `text` and returns its card's text once it is shown. */
  async cardTextOf(text: string): Promise<string> {
    await this.leave();
    await this.card().waitFor({ state: 'hidden', timeout: WAIT_MS });
    await this.hover(text);
    await this.card().waitFor({ state: 'visible', timeout: WAIT_MS });
    return (await this.card().textContent()) ?? '';
  }

  /** The card (a dialog in the extension's closed shadow root). */
  card(): ClosedUi {
    return (this.cardUi ??= new ClosedUi(this.page, 'crosscheck-card', '[role="dialog"]'));
  }

  /** The reader's shortcut to the next claim. */
  nextClaim(): Promise<void> {
    return this.page.keyboard.press('Alt+Shift+J');
  }

  previousClaim(): Promise<void> {
    return this.page.keyboard.press('Alt+Shift+K');
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  /**
   * The sentence filled as the current claim (moved to from the keyboard or "Show on page", or under the card):
   * the highlighter's active highlight. Empty when none.
   */
  currentClaim(): Promise<string> {
    return this.page.evaluate(() => {
      const ranges = ['crosscheck-active-confident', 'crosscheck-active-possible'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]);
      return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim()).join(' | ');
    });
  }

  /** Bounding box of the current claim in the viewport, or null. */
  currentClaimRect(): Promise<{ top: number; bottom: number; viewport: number } | null> {
    return this.page.evaluate(() => {
      const range = ['crosscheck-active-confident', 'crosscheck-active-possible'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[])[0];
      if (!range) return null;
      const rect = range.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, viewport: innerHeight };
    });
  }

  /** Text the reader has selected (moving between claims must leave it alone). */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => (getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim());
  }

  /** Tag of the focused element (a shadow host when focus is inside the card). */
  focusedTag(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);
  }

  /** Appends a paragraph to the first element matching `selector`, as a page script would. */
  append(selector: string, text: string): Promise<void> {
    return this.page.evaluate(
      ({ selector, text }) => {
        const p = document.createElement('p');
        p.textContent = text;
        document.querySelector(selector)?.append(p);
      },
      { selector, text },
    );
  }

  /** Removes the paragraph that contains `text`, as a page script would. */
  removeParagraph(text: string): Promise<boolean> {
    return this.page.evaluate((needle) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.replace(/\s+/g, ' ').includes(needle));
      p?.remove();
      return p !== undefined;
    }, text);
  }

  /** Number of `<img>` elements in the page, in every open shadow root and in the card's closed one. */
  async imageCount(): Promise<number> {
    const page = await this.page.evaluate(() => {
      let n = document.querySelectorAll('img').length;
      for (const el of document.querySelectorAll('*')) n += el.shadowRoot?.querySelectorAll('img').length ?? 0;
      return n;
    });
    return page + ((await this.card().run((root) => root.querySelectorAll('img').length, null)) ?? 0);
  }
}
