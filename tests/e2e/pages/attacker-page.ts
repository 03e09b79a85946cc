/**
 * Page object: what a hostile script on a checked page tries (issue 15). Everything here runs in the page's own
 * JavaScript world through `page.evaluate`, with exactly the powers any site, ad or widget script has: synthetic
 * events, the DOM, `postMessage`, the performance timeline and the CSS highlight registry.
 */
import type { Page } from 'playwright-core';
import { highlightPoint } from './reader-page';

/** A long task seen by the page's PerformanceObserver. */
export interface LongTask {
  start: number;
  duration: number;
}

/** What a storm left behind: the page's own work done (ticks of its timer) and the long tasks. */
export interface StormResult {
  /** Nodes the page added. */
  added: number;
  /** Ticks of the page's 10 ms timer that ran (its own work; 100 per second when nothing blocks it). */
  ticks: number;
  /** Wall time of the storm, ms. */
  ms: number;
  longTasks: LongTask[];
}

export class AttackerPage {
  constructor(readonly page: Page) {}

  /** Records, from before any script of the page runs, every `postMessage` the page can see. */
  static async recordMessages(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seenMessages: string[] }).__seenMessages = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
  }

  /** The messages recorded by {@link recordMessages}. */
  seenMessages(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __seenMessages?: string[] }).__seenMessages ?? []);
  }

  /** A point on the first painted (claim) highlight containing `text`, in viewport coordinates. */
  pointOn(text: string): Promise<{ x: number; y: number } | null> {
    return highlightPoint(this.page, text);
  }

  /** Synthetic pointer moves resting on `point` (what opened the card before the fix). */
  async fakeHover(point: { x: number; y: number }): Promise<void> {
    await this.page.evaluate(async ({ x, y }) => {
      for (let i = 0; i < 5; i++) {
        const target = document.elementFromPoint(x, y) ?? document.body;
        target.dispatchEvent(new PointerEvent('pointermove', { clientX: x + i, clientY: y, bubbles: true, composed: true }));
        await new Promise((r) => setTimeout(r, 60));
      }
    }, point);
  }

  /** Synthetic Alt+Shift+J then Enter on the document (the reader's keys to open the next claim's card). */
  async fakeKeys(): Promise<void> {
    await this.page.evaluate(() => {
      const key = (init: KeyboardEventInit) => document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
      key({ key: 'J', code: 'KeyJ', altKey: true, shiftKey: true });
      key({ key: 'Enter', code: 'Enter' });
    });
  }

  /** What a page script can reach of our shadow hosts: their `shadowRoot` (null when closed) and all page text. */
  peek(): Promise<{ hosts: string[]; openRoots: number; pageText: string }> {
    return this.page.evaluate(() => {
      const hosts = [...document.querySelectorAll('crosscheck-card, crosscheck-annotate')];
      return {
        hosts: hosts.map((h) => h.tagName.toLowerCase()),
        openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
        pageText: `${document.documentElement.textContent ?? ''}\n${document.body.innerText}`,
      };
    });
  }

  /**
   * Everything a page can throw at an open editor or card it cannot see into: `execCommand` typing `text` into
   * whatever has focus, synthetic Ctrl+Enter, Enter, clicks and submits on the hosts and at the editor's place,
   * and `click()`.
   */
  async fakeSave(text: string): Promise<void> {
    await this.page.evaluate((note) => {
      document.execCommand('insertText', false, note);
      for (const host of document.querySelectorAll<HTMLElement>('crosscheck-card, crosscheck-annotate')) {
        const events: Event[] = [
          new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
          new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, composed: true }),
          new MouseEvent('click', { bubbles: true, composed: true }),
          new SubmitEvent('submit', { bubbles: true, composed: true }),
        ];
        for (const e of events) host.dispatchEvent(e);
        host.click();
        const box = host.getBoundingClientRect();
        document.elementFromPoint(box.left + 10, box.top + 10)?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    }, text);
  }

  /** Selects the paragraph containing `text` by script and fakes the mouse and Shift releases that offer the button. */
  async fakeSelect(text: string): Promise<void> {
    await this.page.evaluate((needle) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(needle));
      if (!p) throw new Error(`no paragraph contains "${needle}"`);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
    }, text);
  }

  /** Replays WXT's "content script started" signal (DOM event and message) for the reader and its early script. */
  async replayStartSignal(extensionId: string): Promise<void> {
    await this.page.evaluate((id) => {
      for (const name of ['crosscheck', 'crosscheck-early']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        for (const messageId of ['attacker', '', 'x'.repeat(11)]) {
          document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId } }));
          window.postMessage({ type, contentScriptName: name, messageId }, '*');
        }
      }
    }, extensionId);
  }

  /** Sizes of the page-readable highlight registry entries of Crosscheck. */
  highlightCounts(): Promise<Record<string, number>> {
    return this.page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const name of ['crosscheck-confident', 'crosscheck-possible', 'crosscheck-annotation']) out[name] = CSS.highlights.get(name)?.size ?? 0;
      return out;
    });
  }

  /** Performance marks the page can read whose name starts with `crosscheck`. */
  crosscheckMarks(): Promise<Array<{ name: string; detail: unknown }>> {
    return this.page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('crosscheck'))
        .map((m) => ({ name: m.name, detail: (m as PerformanceMark).detail as unknown })),
    );
  }

  /**
   * A mutation storm: every 10 ms the page appends `perTick` paragraphs of distinct article-like text to its
   * article, for `ms`; with `bigText` it first appends one paragraph of that many characters. Long tasks are
   * recorded from the start of the storm to half a second after its end.
   */
  storm(opts: { ms: number; perTick: number; bigText?: number }): Promise<StormResult> {
    return this.page.evaluate(
      ({ ms, perTick, bigText }) =>
        new Promise<StormResult>((resolve) => {
          const longTasks: LongTask[] = [];
          const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
          });
          observer.observe({ type: 'longtask' });
          const host = document.querySelector('article') ?? document.body;
          const start = performance.now();
          let added = 0;
          let ticks = 0;
          if (bigText) {
            const p = document.createElement('p');
            const sentence = 'The harbour board met again on Tuesday evening and said the ferry would keep its winter timetable. ';
            p.textContent = sentence.repeat(Math.ceil(bigText / sentence.length)).slice(0, bigText);
            host.append(p);
            added++;
          }
          const timer = setInterval(() => {
            ticks++;
            for (let i = 0; i < perTick; i++) {
              const p = document.createElement('p');
              p.textContent = `Storm item ${added}: the harbour board met on Tuesday evening and ${added % 7} members voted for the new ferry timetable.`;
              host.append(p);
              added++;
            }
            if (performance.now() - start >= ms) {
              clearInterval(timer);
              const ended = performance.now();
              setTimeout(() => {
                observer.disconnect();
                resolve({ added, ticks, ms: ended - start, longTasks: longTasks.filter((t) => t.start >= start) });
              }, 500);
            }
          }, 10);
        }),
      opts,
    );
  }
}
