/**
 * A news page read by the extension in a content-script world without the CSS Custom Highlight API, as in a
 * browser that lacks it: the reader then paints with the wrapping fallback (`<mark data-crosscheck>`).
 *
 * Chromium cannot switch the API off (no Blink flag does), and an init script would only remove it from the
 * page's main world, not from the extension's isolated world. So the page's HTML is held after `<head>` by
 * {@link startGatedServer}; once the extension's world exists (its document_start script made it) the test
 * deletes `CSS.highlights` and `Highlight` there through the DevTools protocol, then lets the page finish.
 * The reader, which starts at document_end, finds no API.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { PAGES_DIR } from '../server';
import { type MatchKind, ReaderPage } from './reader-page';

/** Name of the content scripts' isolated world: the extension's name. */
const EXTENSION_WORLD = 'Crosscheck';
/** Run in that world before the reader starts. */
const REMOVE_HIGHLIGHT_API = 'delete CSS.highlights; delete globalThis.Highlight; typeof CSS.highlights + "," + typeof Highlight';
const WAIT_MS = 20_000;

/** A fixture server whose HTML pages stop before `<body` until {@link GatedServer.release}. */
export interface GatedServer {
  url(page: string): string;
  /** Sends the rest of every held page. */
  release(): void;
  close(): Promise<void>;
}

/** Starts a {@link GatedServer} for `root` (default: the fixture pages) on 127.0.0.1. */
export async function startGatedServer(root: string = PAGES_DIR): Promise<GatedServer> {
  let held: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const file = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
    if (!file.startsWith(root + sep) || !file.endsWith('.html')) {
      res.writeHead(404).end();
      return;
    }
    void readFile(file, 'utf8').then(
      (html) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        const cut = Math.max(0, html.indexOf('<body'));
        res.write(html.slice(0, cut));
        held.push(() => res.end(html.slice(cut)));
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (page) => `${origin}/${page}`,
    release() {
      const now = held;
      held = [];
      for (const send of now) send();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Resolves with the id of the extension's isolated world in this page once it is created. */
function extensionWorld(cdp: CDPSession): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${EXTENSION_WORLD}" world within ${WAIT_MS} ms`)), WAIT_MS);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && context.name === EXTENSION_WORLD) {
        clearTimeout(timer);
        resolve(context.id);
      }
    });
  });
}

/** The reader's page object, reading the wrapping fallback's `<mark>` elements instead of the registry. */
export class WrappedReaderPage extends ReaderPage {
  /** What `typeof CSS.highlights, typeof Highlight` said in the extension's world after removing them. */
  apiInExtensionWorld = '';

  constructor(
    page: Page,
    private readonly server: GatedServer,
  ) {
    super(page);
  }

  /** Opens `url` with the Highlight API removed from the extension's world, and waits for the check. */
  override async open(url: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const world = extensionWorld(cdp);
    await cdp.send('Runtime.enable');
    const navigation = this.page.goto(url);
    try {
      const { result } = await cdp.send('Runtime.evaluate', { contextId: await world, expression: REMOVE_HIGHLIGHT_API, returnByValue: true });
      this.apiInExtensionWorld = String(result.value);
    } finally {
      this.server.release();
    }
    await navigation;
    await cdp.detach();
    await this.waitChecked();
  }

  /** Every wrapped sentence in reading order (one per highlight id), with its kind. */
  wrapped(): Promise<Array<{ kind: string; text: string }>> {
    return this.page.evaluate(() => {
      const byId = new Map<string, Element[]>();
      for (const mark of document.querySelectorAll('mark[data-crosscheck]')) {
        const id = mark.getAttribute('data-crosscheck') ?? '';
        byId.set(id, [...(byId.get(id) ?? []), mark]);
      }
      return [...byId.values()].map((marks) => {
        const range = document.createRange();
        range.setStartBefore(marks[0] as Element);
        range.setEndAfter(marks[marks.length - 1] as Element);
        return { kind: marks[0]?.getAttribute('data-crosscheck-kind') ?? '', text: range.toString().replace(/\s+/g, ' ').trim() };
      });
    });
  }

  /** Texts of the sentences wrapped as `kind`, in reading order. */
  override async highlighted(kind: MatchKind): Promise<string[]> {
    return (await this.wrapped()).filter((w) => w.kind === kind).map((w) => w.text);
  }

  /** Rests the pointer on the first mark of the highlighted sentence that contains `text`. */
  override async hover(text: string): Promise<void> {
    const point = await this.page.evaluate((needle) => {
      const marks = [...document.querySelectorAll('mark[data-crosscheck]')];
      const id = marks.find((m) => {
        const same = marks.filter((o) => o.getAttribute('data-crosscheck') === m.getAttribute('data-crosscheck'));
        const range = document.createRange();
        range.setStartBefore(same[0] as Element);
        range.setEndAfter(same[same.length - 1] as Element);
        return range.toString().replace(/\s+/g, ' ').includes(needle);
      })?.getAttribute('data-crosscheck');
      const first = marks.find((m) => m.getAttribute('data-crosscheck') === id);
      if (!first) return null;
      first.scrollIntoView({ block: 'center' });
      const rect = first.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(24, rect.width / 2), y: rect.top + rect.height / 2 } : null;
    }, text);
    if (!point) throw new Error(`no wrapped sentence contains "${text}"`);
    await this.page.mouse.move(point.x - 3, point.y);
    await this.page.mouse.move(point.x, point.y);
  }

  /** The sentence whose marks are active (the current claim), or empty. */
  override currentClaim(): Promise<string> {
    return this.page.evaluate(() => {
      const marks = [...document.querySelectorAll('mark[data-crosscheck-active]')];
      if (marks.length === 0) return '';
      const range = document.createRange();
      range.setStartBefore(marks[0] as Element);
      range.setEndAfter(marks[marks.length - 1] as Element);
      return range.toString().replace(/\s+/g, ' ').trim();
    });
  }

  /** Names of our highlights in the page's CSS highlight registry (the fallback registers none). */
  registeredHighlights(): Promise<string[]> {
    return this.page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('crosscheck-')));
  }

  /** Text of the paragraph containing `needle` (null when none), and how many marks are in it. */
  paragraph(needle: string): Promise<{ text: string; marks: number } | null> {
    return this.page.evaluate((needle) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.replace(/\s+/g, ' ').includes(needle));
      return p ? { text: p.textContent ?? '', marks: p.querySelectorAll('mark').length } : null;
    }, needle);
  }
}
