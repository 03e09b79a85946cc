/**
 * Reading with Crosscheck, in the page: start-up and the check mode. The reader owns the state every part
 * reads (the page's URL, the level shown, the claims dismissed here) and wires the parts: reading and painting
 * the page (./page-scan.ts), the card (./card-actions.ts) and the notes (./reader-annotations.tsx).
 */
import { canonicalUrlOf } from '../../lib/dom/anchor';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardNotes } from '../../components/ClaimCard';
import { createHighlighter } from '../../lib/dom/index';
import { type HighlightMode, type Sensitivity, type SiteHighlightModes, type SiteToggles, highlightModeOn, levelShown, markedUnder, siteEnabled } from '../../lib/settings';
import { listen, sendToBackground } from '../../utils/messaging';
import { highlightModeItem, sensitivityItem, siteHighlightModesItem, siteTogglesItem } from '../../utils/settings';
import { CARD_HOST } from './card';
import { type CardHooks, ClaimCards } from './card-actions';
import { type EarlyAnswers, takeEarly } from './early';
import { PageScan, type ScanState } from './page-scan';
import { type Painted, Painter } from './painter';
import { ReaderAnnotations } from './reader-annotations';
import { SELECTION_HOST } from './selection';
import { yieldToPage } from './slice';

export { MARK_CHECKED, MARK_FIRST_HIGHLIGHT, MARK_START } from './page-scan';

/**
 * Starts the reader in this page; resolves once the first check (if any) has been answered. How to start was
 * asked at document_start (./early.ts; the background answers from memory), so the round trip ran while the
 * page loaded rather than after it.
 */
export async function startReader(ctx: ContentScriptContext): Promise<void> {
  const early = takeEarly();
  if (document.readyState === 'loading') await domParsed(ctx);
  if (ctx.isInvalid) return;
  await new Reader(ctx, document).start(early);
}

/** Resolves when the document has been parsed (DOMContentLoaded). */
function domParsed(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
}

/** True for nodes Crosscheck put in the page (the card, the selection button, styles, wrapping marks). */
function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`${CARD_HOST}, ${SELECTION_HOST}, style[data-crosscheck], mark[data-crosscheck-kind]`);
}

class Reader implements ScanState, CardHooks {
  private readonly painter: Painter;
  private readonly scan: PageScan;
  private readonly cards: ClaimCards;
  private readonly annotations: ReaderAnnotations;
  url = location.href;
  dismissed = new Set<string>();
  sensitivity: Sensitivity = 'possible';
  /** The highlight mode, global and per site; the one on this page is {@link highlightModeOn} of both. */
  private modes: { global: HighlightMode; sites: SiteHighlightModes } = { global: 'all', sites: {} };
  readonly isOurs = isOurs;

  constructor(
    private readonly ctx: ContentScriptContext,
    doc: Document,
  ) {
    const highlighter = createHighlighter(doc);
    ctx.onInvalidated(() => highlighter.clear());
    this.painter = new Painter(highlighter);
    this.scan = new PageScan(ctx, doc, this.painter, this);
    this.cards = new ClaimCards(ctx, doc, highlighter, this.painter, this);
    this.annotations = new ReaderAnnotations(ctx, doc, {
      card: this.cards.card,
      painter: this.painter,
      pin: (pinned) => (this.cards.pinned = pinned),
      isOurs,
    });
  }

  /** The card's Annotate button. */
  annotate(entry: Painted): void {
    void this.annotations.annotateSentence(entry);
  }

  /** The reader's notes on a claim, for the card. */
  notesFor(claim: string): Promise<CardNotes> {
    return this.annotations.notesFor(claim);
  }

  /** Listens for commands, then reads and checks the article. */
  async start(early: EarlyAnswers): Promise<void> {
    const stop = listen({
      checkPage: async () => ({ sentences: await this.scan.checkPage() }),
      checkSelection: async () => ({ sentences: await this.scan.checkSelection() }),
      annotateSelection: async () => ({ opened: await this.annotations.openForSelection() }),
      moveClaim: ({ direction }) => this.cards.moveCommand(direction),
      pageClaims: () => ({
        state: this.scan.state,
        url: this.url,
        noteUrls: [...new Set([canonicalUrlOf(document), this.url])],
        matches: this.painter.ordered().map((e) => e.match),
      }),
      revealMatch: async ({ claim, text }) => ({ found: await this.cards.reveal(claim, text) }),
      restoreMatch: ({ claim }) => this.restore(claim),
    });
    this.ctx.onInvalidated(stop);
    this.ctx.onInvalidated(sensitivityItem.watch((value) => this.setSensitivity(value)));
    this.ctx.onInvalidated(siteTogglesItem.watch((value) => void this.setSiteToggles(value)));
    this.ctx.onInvalidated(highlightModeItem.watch((global) => this.setModes({ ...this.modes, global })));
    this.ctx.onInvalidated(siteHighlightModesItem.watch((sites) => this.setModes({ ...this.modes, sites })));
    // Read alongside the article, before the first answer is painted.
    const modes = Promise.all([highlightModeItem.getValue(), siteHighlightModesItem.getValue()]);
    // A page can dispatch an event of that name too (it knows the extension id); its properties are not visible
    // from this world, so an event without a URL is not ours.
    this.ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (newUrl instanceof URL) void this.navigated(newUrl.href);
    });
    // Extraction runs in a task of its own: after the page's own DOMContentLoaded handlers, or after this
    // script's evaluation when it is injected on demand, so that neither task is long.
    await yieldToPage();
    const article = await this.scan.readArticle();
    // Split while the answer is on its way: only the first page after the service worker starts waits for it.
    this.scan.presplit(article);
    const [global, sites] = await modes.catch((): [HighlightMode, SiteHighlightModes] => ['all', {}]);
    this.setModes({ global, sites });
    const { mode, sensitivity, dismissed } = await early;
    this.sensitivity = sensitivity;
    this.dismissed = new Set(dismissed);
    if (mode === 'off') this.scan.state = 'idle';
    if (mode !== 'page') this.scan.forgetPresplit();
    const check = mode === 'page' ? this.scan.checkPage(article) : mode === 'selection' ? this.scan.checkSelection() : null;
    // The check's first batches are on their way (sent before its first pause): the notes' store is read
    // after them, so the background matches before it opens IndexedDB.
    void this.annotations.restore();
    await check;
  }

  /** Client-side navigation: a new page in the same document. */
  private async navigated(url: string): Promise<void> {
    this.url = url;
    this.cards.card.close();
    this.dismissed = new Set((await sendToBackground('pageDismissed', { url })).dismissed);
    this.painter.removeWhere((e) => this.dismissed.has(e.match.claim) || !e.block.isConnected);
    if (this.scan.following) await this.scan.checkPage();
  }

  /** The highlight mode changed (or was read): mark what it shows on this page, unmark the rest. */
  private setModes(modes: { global: HighlightMode; sites: SiteHighlightModes }): void {
    this.modes = modes;
    const mode = highlightModeOn(modes.global, modes.sites, this.url);
    this.painter.setMarked((match) => markedUnder(mode, match));
  }

  /** The popup undid "Not a match" for `claim`: its sentences are matched again (answered from the cache). */
  private async restore(claim: string): Promise<{ restored: boolean }> {
    const restored = this.dismissed.delete(claim);
    if (restored && this.scan.following) await this.scan.checkPage();
    return { restored };
  }

  private setSensitivity(value: Sensitivity): void {
    this.sensitivity = value;
    this.painter.removeWhere((e) => !levelShown(e.match.level, value));
    // Matches of the newly shown level are answered from the cache: nothing is sent again.
    if (this.scan.following) void this.scan.checkPage();
  }

  /** The reader switched checking on or off for this site in the popup: follow it on this page now. */
  private async setSiteToggles(toggles: SiteToggles): Promise<void> {
    const on = siteEnabled(toggles, this.url);
    if (!on && this.scan.state !== 'idle') {
      this.scan.state = 'idle';
      this.cards.card.close();
      this.painter.clear();
    } else if (on && this.scan.state === 'idle') {
      await this.scan.checkPage();
    }
  }
}
