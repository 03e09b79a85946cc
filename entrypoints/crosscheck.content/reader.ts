/**
 * Reading with Crosscheck, in the page: find the article, send its sentences to the background in batches,
 * paint matches as they arrive, keep up with a changing page, and drive the card from hover and keyboard.
 */
import { canonicalUrlOf } from '../../lib/dom/anchor';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { commonAncestor, createHighlighter, rangeFromMap } from '../../lib/dom/index';
import { isExcludedRegion, isVisibleBlock } from '../../lib/dom/visibility';
import type { PageMatch } from '../../lib/match/page';
import { listen, sendToBackground } from '../../lib/messaging';
import type { PageCheckState } from '../../lib/popup/requests';
import {
  type Sensitivity,
  type SiteToggles,
  dismissMatch,
  dismissedClaims,
  levelShown,
  sensitivityItem,
  siteEnabled,
  siteTogglesItem,
} from '../../lib/settings';
import { CARD_HOST, createCard } from './card';
import { ReaderAnnotations } from './reader-annotations';
import { SELECTION_HOST } from './selection';
import { Checker } from './checker';
import { type TextBlock, articleBlocks } from './extract';
import { watchHover } from './hover';
import { watchKeys } from './keys';
import { ClaimNavigator } from './navigation';
import { watchPage, type PageChanges } from './observer';
import { type Painted, Painter } from './painter';
import { type BlockSentence, blocksAround, blocksInRange, enclosingBlock, pageDate, sentencesOf } from './sentences';
import { Slicer, yieldToPage } from './slice';
import { type EarlyAnswers, takeEarly } from './early';

/** Performance marks the benchmark and the tests read (the timeline is shared with the page). */
export const MARK_START = 'crosscheck:start';
export const MARK_FIRST_HIGHLIGHT = 'crosscheck:first-highlight';
export const MARK_CHECKED = 'crosscheck:checked';
/** A command message arriving this soon after the same key was handled in the page is the same key press. */
const DUPLICATE_KEY_MS = 400;

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

class Reader {
  private readonly painter: Painter;
  private readonly checker: Checker;
  private readonly card;
  private readonly nav: ClaimNavigator;
  private url = location.href;
  private readonly date: string | null;
  private dismissed = new Set<string>();
  private sensitivity: Sensitivity = 'possible';
  /** Lowest element holding the whole article, to judge where added paragraphs belong. */
  private container: Element | null = null;
  private observing = false;
  private pinned = false;
  private lastKeyMove = 0;
  private readonly annotations: ReaderAnnotations;
  /** Where the check stands, for the popup ('idle': off on this site, or not asked to check). */
  private checkState: PageCheckState = 'starting';

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
  ) {
    const highlighter = createHighlighter(doc);
    ctx.onInvalidated(() => highlighter.clear());
    this.painter = new Painter(highlighter);
    this.date = pageDate(doc);
    this.checker = new Checker(
      async (sentences) => (await sendToBackground('matchSentences', { url: this.url, pageDate: this.date, sentences })).results,
      (sentence, match) => this.onResult(sentence, match),
    );
    this.nav = new ClaimNavigator(this.painter, (text) => void this.card.announce(text));
    this.card = createCard(
      ctx,
      {
        onOpenPopup: (e) => void this.openPopup(e, 'view'),
        onAnnotate: (e) => void this.annotations.annotateSentence(e),
        onNotAMatch: (e) => void this.dismiss(e),
      },
      () => (this.pinned = false),
    );
    this.annotations = new ReaderAnnotations(ctx, doc, {
      card: this.card,
      painter: this.painter,
      pin: (pinned) => (this.pinned = pinned),
      isOurs: (node) => this.isOurs(node),
    });
    watchHover(ctx, doc, {
      highlighter,
      overCard: (t) => this.card.owns(t),
      openId: () => this.card.openId,
      pinned: () => this.pinned,
      open: (id) => void this.openCard(id, false),
      close: () => this.card.close(),
    });
    watchKeys(ctx, doc, {
      move: (d) => {
        this.lastKeyMove = performance.now();
        this.move(d);
      },
      openCurrent: () => {
        const id = this.nav.currentId();
        if (id) void this.openCard(id, true);
        return id !== null;
      },
      close: () => {
        const open = this.card.openId !== null;
        this.card.close();
        return open;
      },
    });
  }

  /** Listens for commands, then reads and checks the article. */
  async start(early: EarlyAnswers): Promise<void> {
    const stop = listen({
      checkPage: async () => ({ sentences: await this.checkPage() }),
      checkSelection: async () => ({ sentences: await this.checkSelection() }),
      annotateSelection: async () => ({ opened: await this.annotations.openForSelection() }),
      moveClaim: ({ direction }) => {
        if (performance.now() - this.lastKeyMove < DUPLICATE_KEY_MS) return { index: -1, total: this.painter.size };
        const moved = this.move(direction);
        return { index: moved?.index ?? -1, total: moved?.total ?? 0 };
      },
      pageClaims: () => ({
        state: this.checkState,
        url: this.url,
        noteUrls: [...new Set([canonicalUrlOf(document), this.url])],
        matches: this.painter.ordered().map((e) => e.match),
      }),
      revealMatch: async ({ claim, text }) => ({ found: await this.reveal(claim, text) }),
    });
    this.ctx.onInvalidated(stop);
    this.ctx.onInvalidated(sensitivityItem.watch((value) => this.setSensitivity(value)));
    this.ctx.onInvalidated(siteTogglesItem.watch((value) => void this.setSiteToggles(value)));
    this.ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void this.navigated(newUrl.href));
    // Extraction runs in a task of its own: after the page's own DOMContentLoaded handlers, or after this
    // script's evaluation when it is injected on demand, so that neither task is long.
    await yieldToPage();
    const article = await this.readArticle();
    const { mode, sensitivity, dismissed } = await early;
    this.sensitivity = sensitivity;
    this.dismissed = new Set(dismissed);
    if (mode === 'off') this.checkState = 'idle';
    const check = mode === 'page' ? this.checkPage(article) : mode === 'selection' ? this.checkSelection() : null;
    // The check's first batches are on their way (sent before its first pause): the notes' store is read
    // after them, so the background matches before it opens IndexedDB.
    void this.annotations.restore();
    await check;
  }

  /** The article blocks of the page as it is now. */
  private async readArticle(): Promise<TextBlock[]> {
    performance.mark(MARK_START);
    return (await articleBlocks(this.doc, () => this.ctx.isValid)).blocks;
  }

  /** Checks the article (read now unless given); returns the number of sentences read. */
  private async checkPage(given?: TextBlock[]): Promise<number> {
    this.checkState = 'checking';
    const blocks = given ?? (await this.readArticle());
    this.container = commonAncestor(blocks.map((b) => b.block));
    const count = await this.scan(blocks);
    if (!this.observing) {
      this.observing = true;
      watchPage(this.ctx, this.doc.documentElement, (n) => this.isOurs(n), (c) => this.onChanges(c));
    }
    await this.checker.idle();
    this.checkState = 'checked';
    performance.mark(MARK_CHECKED, { detail: { highlights: this.painter.size, sentences: count } });
    return count;
  }

  /** Checks the sentences the reader selected, wherever they are on the page. */
  private async checkSelection(): Promise<number> {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 0;
    const range = selection.getRangeAt(0);
    if (this.checkState !== 'checked') this.checkState = 'checking';
    const blocks = blocksInRange(range).map((block) => ({ block, text: this.painter.textMap(block).text }));
    const count = await this.scan(blocks, (s) => this.overlaps(s, range));
    await this.checker.idle();
    this.checkState = 'checked';
    return count;
  }

  /** Reads sentences of blocks, sliced so the page stays responsive; returns how many were asked for. */
  private async scan(blocks: TextBlock[], keep: (s: BlockSentence) => boolean = () => true): Promise<number> {
    const slicer = new Slicer();
    let count = 0;
    for (const { block, text } of blocks) {
      if (this.ctx.isInvalid) return count;
      for (const sentence of sentencesOf(block, text)) {
        if (!keep(sentence)) continue;
        this.checker.check(sentence);
        count++;
      }
      if (slicer.due()) {
        this.checker.flush();
        await slicer.pause();
      }
    }
    this.checker.flush();
    return count;
  }

  private onResult(sentence: BlockSentence, match: PageMatch | null): void {
    if (!match || !levelShown(match.level, this.sensitivity) || this.dismissed.has(match.claim)) return;
    if (!sentence.block.isConnected) return;
    const first = this.painter.size === 0;
    if (this.painter.paint(sentence, match) && first) performance.mark(MARK_FIRST_HIGHLIGHT);
  }

  /** A batch of page changes: drop highlights whose text went away, check new and changed paragraphs. */
  private onChanges(changes: PageChanges): void {
    if (this.checkState === 'idle') return;
    this.painter.invalidate();
    const painted = this.painter.paintedBlocks();
    const changed = new Set<Element>();
    for (const node of changes.touched) {
      for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
        if (painted.has(el)) changed.add(el);
      }
    }
    const reread = this.painter.prune(changed);
    const blocks = new Set<Element>(reread);
    for (const node of changes.added) for (const el of blocksAround(node)) blocks.add(el);
    for (const node of changes.touched) {
      const block = node.nodeType === 3 ? enclosingBlock(node) : null;
      if (block) blocks.add(block);
    }
    const accepted = [...blocks].filter((el) => this.belongsToArticle(el));
    void this.scan(accepted.map((block) => ({ block, text: this.painter.textMap(block).text })));
  }

  /** True for an added block that is visible article text (not navigation, ads, comments, our card). */
  private belongsToArticle(el: Element): boolean {
    if (!el.isConnected || this.isOurs(el) || !isVisibleBlock(el)) return false;
    const root = this.container?.contains(el) ? this.container : this.doc.body;
    return !isExcludedRegion(el, root);
  }

  private isOurs(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!el?.closest(`${CARD_HOST}, ${SELECTION_HOST}, style[data-crosscheck], mark[data-crosscheck-kind]`);
  }

  /** Client-side navigation: a new page in the same document. */
  private async navigated(url: string): Promise<void> {
    this.url = url;
    this.card.close();
    this.dismissed = await dismissedClaims(url);
    this.painter.removeWhere((e) => this.dismissed.has(e.match.claim) || !e.block.isConnected);
    if (this.observing && this.checkState !== 'idle') await this.checkPage();
  }

  private setSensitivity(value: Sensitivity): void {
    this.sensitivity = value;
    this.painter.removeWhere((e) => !levelShown(e.match.level, value));
    // Matches of the newly shown level are answered from the cache: nothing is sent again.
    if (this.observing && this.checkState !== 'idle') void this.checkPage();
  }

  /** The reader switched checking on or off for this site in the popup: follow it on this page now. */
  private async setSiteToggles(toggles: SiteToggles): Promise<void> {
    const on = siteEnabled(toggles, this.url);
    if (!on && this.checkState !== 'idle') {
      this.checkState = 'idle';
      this.card.close();
      this.painter.clear();
    } else if (on && this.checkState === 'idle') {
      await this.checkPage();
    }
  }

  /** The popup's "Show on page": scroll to the sentence, select it and open its card with focus. */
  private async reveal(claim: string, text: string): Promise<boolean> {
    const entries = this.painter.ordered().filter((e) => e.match.claim === claim);
    const entry = entries.find((e) => e.text === text) ?? entries[0];
    if (!entry || !this.nav.moveTo(entry.id)) return false;
    await this.openCard(entry.id, true);
    return true;
  }

  private move(direction: 1 | -1) {
    const moved = this.nav.move(direction);
    if (moved && this.card.openId !== null) void this.openCard(moved.id, true);
    return moved;
  }

  private async openCard(id: string, fromKeyboard: boolean): Promise<void> {
    const entry = this.painter.get(id);
    const range = this.painter.rangeOf(id);
    if (!entry || !range) return;
    this.pinned = fromKeyboard;
    await this.card.open(entry, range, { autoFocus: fromKeyboard, annotations: await this.annotations.notesFor(entry.match.claim) });
  }

  private async dismiss(entry: Painted): Promise<void> {
    this.card.close();
    this.dismissed.add(entry.match.claim);
    this.painter.removeClaim(entry.match.claim);
    await dismissMatch(this.url, entry.match.claim);
  }

  private async openPopup(entry: Painted, intent: 'view' | 'annotate'): Promise<void> {
    await sendToBackground('openPopup', { claim: entry.match.claim, intent, quote: entry.text, url: this.url });
  }

  /** True when the sentence shares text with the selection. */
  private overlaps(sentence: BlockSentence, selection: Range): boolean {
    const own = rangeFromMap(this.painter.textMap(sentence.block), sentence.start, sentence.end);
    const endsBefore = selection.comparePoint(own.endContainer, own.endOffset) < 0;
    const startsAfter = selection.comparePoint(own.startContainer, own.startOffset) > 0;
    return !endsBefore && !startsAfter;
  }
}
