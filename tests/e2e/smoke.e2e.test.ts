import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';
import { type FixtureServer, startFixtureServer } from './server';

/** Bundles lib/dom for injection into a real page, as `window.CrosscheckDom`. */
async function bundleDomLayer(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(__dirname, '..', '..', 'lib', 'dom', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'CrosscheckDom',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

type Dom = typeof import('../../lib/dom/index');
declare global {
  interface Window {
    CrosscheckDom: Dom;
    crosscheckHighlighter?: import('../../lib/dom/index').Highlighter;
  }
}

/** Page object: a news page opened in the browser with our DOM layer injected. */
class NewsPage {
  constructor(readonly page: Page) {}

  async open(url: string, domLayer: string): Promise<void> {
    await this.page.goto(url);
    await this.page.addScriptTag({ content: domLayer });
  }

  /** Block texts the article extraction reads, in order. */
  readArticle(): Promise<{ method: string; texts: string[] }> {
    return this.page.evaluate(() => {
      const article = window.CrosscheckDom.extractArticle(document);
      return { method: article.method, texts: article.blocks.map((b) => b.text) };
    });
  }

  /** Highlights the sentence of the article that contains `needle`, as `kind`. */
  highlight(id: string, needle: string, kind: 'confident' | 'possible' | 'annotation') {
    return this.page.evaluate(
      ({ id, needle, kind }) => {
        const dom = window.CrosscheckDom;
        const block = dom.extractArticle(document).blocks.find((b) => b.text.includes(needle));
        if (!block) throw new Error(`no article block contains ${needle}`);
        const start = block.text.indexOf(needle);
        const range = dom.rangeFor(block.element, start, start + needle.length);
        const highlighter = (window.crosscheckHighlighter ??= dom.createHighlighter(document));
        highlighter.add(id, range, kind);
        const link = block.element.querySelector('a');
        block.element.scrollIntoView({ block: 'center' });
        // The first line box of the range: a point inside the painted text, whatever the wrapping.
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        return {
          mode: highlighter.mode,
          text: highlighter.rangeOf(id)?.toString() ?? null,
          spansLink: link !== null && range.intersectsNode(link) && range.startContainer !== range.endContainer,
          center: { x: rect.left + 8, y: rect.top + rect.height / 2 },
        };
      },
      { id, needle, kind },
    );
  }

  remove(id: string): Promise<boolean> {
    return this.page.evaluate((id) => window.crosscheckHighlighter?.remove(id) ?? false, id);
  }

  hitTest(x: number, y: number): Promise<string | null> {
    return this.page.evaluate(
      ({ x, y }) => {
        const h = window.crosscheckHighlighter;
        return h ? window.CrosscheckDom.hitTest(h, document, x, y) : null;
      },
      { x, y },
    );
  }

  registry(name: string): Promise<{ has: boolean; size: number }> {
    return this.page.evaluate((name) => ({ has: CSS.highlights.has(name), size: CSS.highlights.get(name)?.size ?? 0 }), name);
  }

  /** Pixels of the first paragraph containing `text`. */
  shot(text: string): Promise<Buffer> {
    return this.page.locator('p', { hasText: text }).first().screenshot({ animations: 'disabled' });
  }
}

describe('smoke: the built extension in real Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let domLayer: string;

  beforeAll(async () => {
    [browser, server, domLayer] = await Promise.all([launchWithExtension(), startFixtureServer(), bundleDomLayer()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the extension: its service worker runs under a chrome-extension:// id', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  });

  it('the matcher loads the packaged corpus and word vectors (gzipped) into its index, in the offscreen document that outlives the service worker', async () => {
    const loaded = await browser.serviceWorker.evaluate(async () => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { getContexts(f: { contextTypes: string[] }): Promise<unknown[]>; sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      // The background opens the offscreen document when it starts; once its script runs, its worker answers
      // when the index is loaded.
      for (let i = 0; i < 100; i++) {
        const open = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        const envelope = open.length > 0 ? ((await runtime.sendMessage({ type: 'offscreenIndex', req: {} }).catch(() => null)) as { ok?: boolean; res?: { sentences: number; words: number } } | null) : null;
        if (envelope?.ok) return envelope.res;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    });
    const corpus = JSON.parse(readFileSync(join(process.cwd(), 'data/corpus.json'), 'utf8')) as { sentences: unknown[] };
    const words = JSON.parse(readFileSync(join(process.cwd(), 'data/word-vectors.json'), 'utf8')) as { words: string };
    expect(loaded).toEqual({ sentences: corpus.sentences.length, words: new Set(words.words.split('\n')).size });
  });

  it('reads the article of a news page, not its nav, ads or comments', async () => {
    const reader = new NewsPage(await browser.context.newPage());
    await reader.open(server.url('khan-sheikhoun-strike.html'), domLayer);
    const article = await reader.readArticle();
    expect(article.method).toBe('readability');
    expect(article.texts.join(' ')).toContain('Fifty-nine Tomahawk cruise missiles were fired');
    expect(article.texts.join(' ')).not.toContain('skeptic_77');
    await reader.page.close();
  });

  it('paints a custom highlight on a sentence spanning a link, and removes it without a trace', async () => {
    // A page without known claims, so that the extension's own highlights do not share the paragraph.
    const reader = new NewsPage(await browser.context.newPage());
    await reader.open(server.url('city-library-reopens.html'), domLayer);
    await reader.page.waitForFunction(() => performance.getEntriesByName('crosscheck:checked').length > 0);
    const base = await reader.registry('crosscheck-confident');

    const sentence = 'More than 60 volunteers helped move about 95,000 books back onto the shelves over the summer';
    const before = await reader.shot(sentence);
    const painted = await reader.highlight('s1', `${sentence}, according to the Friends of Riverside Library`, 'confident');
    expect(painted.mode).toBe('custom-highlight');
    expect(painted.spansLink).toBe(true);
    expect(await reader.registry('crosscheck-confident')).toEqual({ has: true, size: base.size + 1 });

    const after = await reader.shot(sentence);
    expect(after.equals(before)).toBe(false);

    expect(await reader.hitTest(painted.center.x, painted.center.y)).toBe('s1');
    expect(await reader.hitTest(2, 2)).toBeNull();

    expect(await reader.remove('s1')).toBe(true);
    expect(await reader.registry('crosscheck-confident')).toEqual({ has: true, size: base.size });
    expect((await reader.shot(sentence)).equals(before)).toBe(true);
    await reader.page.close();
  });

  it('made no request outside 127.0.0.1 and the extension', () => {
    const pages = browser.requests.filter((r) => r.resourceType === 'document').map((r) => r.url);
    expect(pages).toContain(server.url('khan-sheikhoun-strike.html'));
    expect(server.requests.map((r) => r.path)).toContain('/khan-sheikhoun-strike.html');
    console.log(`requests: ${browser.requests.length} in the context, ${server.requests.length} served`);
    expect(browser.outsideRequests()).toEqual([]);
  });

  it('the recorder catches and blocks a request to the outside world', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('city-library-reopens.html'));
    // A non-routable address: the harness must abort it before any packet leaves.
    const outcome = await page.evaluate(() =>
      fetch('http://10.255.255.1/track.gif').then(() => 'loaded', () => 'blocked'),
    );
    expect(outcome).toBe('blocked');
    expect(browser.outsideRequests().map((r) => r.url)).toEqual(['http://10.255.255.1/track.gif']);
    await page.close();
  });
});
