/**
 * Reading the page for the reader: the article's blocks into sentences, sentences to the background in batches
 * (./checker.ts), answers painted as they arrive (./painter.ts), and later changes to the page read again.
 * Long work is sliced so that no task blocks the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { commonAncestor, rangeFromMap } from '../../lib/dom/index';
import { isExcludedRegion, isVisibleBlock } from '../../lib/dom/visibility';
import type { PageMatch } from '../../lib/match/page';
import type { PageCheckState } from '../../lib/popup/requests';
import { type Sensitivity, levelShown } from '../../lib/settings';
import { sendToBackground } from '../../utils/messaging';
import { BATCH, Checker, FIRST_BATCH } from './checker';
import { type TextBlock, articleBlocks } from './extract';
import { watchPage, type PageChanges } from './observer';
import type { Painter } from './painter';
import { type BlockSentence, blocksAround, blocksInRange, enclosingBlock, pageDate, sentencesOf } from './sentences';
import { testMark } from './signals';
import { MAX_BACKLOG_BATCHES, MAX_BLOCK_CHARS, MAX_BLOCKS_PER_PASS, MAX_REST_MS, REST_AFTER_MS, mergeChanges, textLongerThan } from './page-changes';
import { SLICE_MS, Slicer, yieldToPageFirst } from './slice';

/** Performance marks the benchmark and the tests read, set in test builds only (./signals.ts). */
export const MARK_START = 'crosscheck:start';
export const MARK_FIRST_HIGHLIGHT = 'crosscheck:first-highlight';
export const MARK_CHECKED = 'crosscheck:checked';
/** Sentences {@link PageScan.presplit} splits ahead of the check: the first two batches. */
export const PRESPLIT_SENTENCES = FIRST_BATCH + BATCH;

/** What the scan reads of the reader's state: where the page is, what is shown, what is ours. */
export interface ScanState {
  readonly url: string;
  readonly sensitivity: Sensitivity;
  readonly dismissed: ReadonlySet<string>;
  isOurs(node: Node): boolean;
}

export class PageScan {
  private readonly checker: Checker;
  private readonly date: string | null;
  /** Lowest element holding the whole article, to judge where added paragraphs belong. */
  private container: Element | null = null;
  private observing = false;
  /** Page changes not handled yet, and the pass handling them (one at a time). */
  private backlog: PageChanges[] = [];
  /** Sentences split ahead of the first check ({@link presplit}), by block, with the text they were split from. */
  private readonly split = new Map<Element, { text: string; sentences: BlockSentence[] }>();
  private changing: Promise<void> | null = null;
  /** Where the check stands, for the popup ('idle': off on this site, or not asked to check). */
  state: PageCheckState = 'starting';

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly painter: Painter,
    private readonly reader: ScanState,
  ) {
    this.date = pageDate(doc);
    this.checker = new Checker(
      async (sentences) => (await sendToBackground('matchSentences', { url: reader.url, pageDate: this.date, sentences })).results,
      (sentence, match) => this.onResult(sentence, match),
    );
  }

  /** True once the whole page has been checked and its changes are being followed (not idle). */
  get following(): boolean {
    return this.observing && this.state !== 'idle';
  }

  /** The article blocks of the page as it is now. */
  async readArticle(): Promise<TextBlock[]> {
    testMark(MARK_START);
    return (await articleBlocks(this.doc, () => this.ctx.isValid)).blocks;
  }

  /**
   * Splits the first blocks of the article into sentences now, while the reader waits for the background's
   * answer on how to start (on the first page after the service worker starts, that answer waits for the
   * worker to start): the check then sends its first batches at once. Up to {@link PRESPLIT_SENTENCES}
   * sentences; {@link scan} takes them when their block's text is still the same.
   */
  presplit(blocks: readonly TextBlock[]): void {
    let count = 0;
    for (const { block, text } of blocks) {
      if (count >= PRESPLIT_SENTENCES || this.ctx.isInvalid) return;
      if (text.length > MAX_BLOCK_CHARS) continue;
      const sentences = sentencesOf(block, text);
      this.split.set(block, { text, sentences });
      count += sentences.length;
    }
  }

  /** Drops what {@link presplit} kept (the page is not checked after all). */
  forgetPresplit(): void {
    this.split.clear();
  }

  /** Checks the article (read now unless given); returns the number of sentences read. */
  async checkPage(given?: TextBlock[]): Promise<number> {
    this.state = 'checking';
    const blocks = given ?? (await this.readArticle());
    this.container = commonAncestor(blocks.map((b) => b.block));
    const count = await this.scan(blocks);
    if (!this.observing) {
      this.observing = true;
      watchPage(this.ctx, this.doc.documentElement, (n) => this.reader.isOurs(n), (c) => this.onChanges(c));
    }
    await this.checker.idle();
    this.state = 'checked';
    testMark(MARK_CHECKED, { highlights: this.painter.size, sentences: count });
    return count;
  }

  /** Checks the sentences the reader selected, wherever they are on the page. */
  async checkSelection(): Promise<number> {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 0;
    const range = selection.getRangeAt(0);
    if (this.state !== 'checked') this.state = 'checking';
    const blocks = blocksInRange(range).map((block) => ({ block, text: this.painter.textMap(block).text }));
    const count = await this.scan(blocks, (s) => this.overlaps(s, range));
    await this.checker.idle();
    this.state = 'checked';
    return count;
  }

  /** Reads sentences of blocks, sliced so the page stays responsive; returns how many were asked for. */
  private async scan(blocks: Iterable<TextBlock>, keep: (s: BlockSentence) => boolean = () => true, slicer = new Slicer()): Promise<number> {
    let count = 0;
    for (const { block, text } of blocks) {
      if (this.ctx.isInvalid) return count;
      // Splitting a huge block costs seconds and holds no claim sentence worth it (see ./page-changes.ts).
      const ready = this.split.get(block);
      this.split.delete(block);
      const sentences = text.length > MAX_BLOCK_CHARS ? [] : ready?.text === text ? ready.sentences : sentencesOf(block, text);
      for (const sentence of sentences) {
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
    if (!match || !levelShown(match.level, this.reader.sensitivity) || this.reader.dismissed.has(match.claim)) return;
    if (!sentence.block.isConnected) return;
    const first = this.painter.size === 0;
    if (this.painter.paint(sentence, match) && first) testMark(MARK_FIRST_HIGHLIGHT);
  }

  /**
   * A batch of page changes, queued: one pass at a time handles everything queued so far, so a page that
   * changes faster than we read gets its batches merged rather than piled up (./page-changes.ts).
   */
  private onChanges(changes: PageChanges): void {
    if (this.state === 'idle') return;
    this.backlog.push(changes);
    // Merged (and capped) as they pile up, so a storm the reader cannot keep up with holds no growing list.
    if (this.backlog.length > MAX_BACKLOG_BATCHES) this.backlog = [mergeChanges(this.backlog)];
    this.changing ??= this.drainChanges().finally(() => (this.changing = null));
  }

  private async drainChanges(): Promise<void> {
    while (this.backlog.length > 0 && this.ctx.isValid && this.state !== 'idle') {
      const started = performance.now();
      await this.applyChanges(mergeChanges(this.backlog.splice(0)));
      const spent = performance.now() - started;
      if (spent > REST_AFTER_MS) await new Promise((resolve) => this.ctx.setTimeout(() => resolve(undefined), Math.min(spent, MAX_REST_MS)));
    }
  }

  /**
   * Drops highlights whose text went away and checks new and changed paragraphs; sliced at background
   * priority, with a bounded number of blocks of bounded size (the page decides how much it changes).
   */
  private async applyChanges(changes: PageChanges): Promise<void> {
    const slicer = new Slicer(SLICE_MS, yieldToPageFirst);
    this.painter.invalidate();
    const painted = this.painter.paintedBlocks();
    const changed = new Set<Element>();
    for (const node of changes.touched) {
      for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
        if (painted.has(el)) changed.add(el);
      }
      await slicer.maybePause();
    }
    for (const el of changed) {
      if (!textLongerThan(el, MAX_BLOCK_CHARS)) continue;
      changed.delete(el);
      this.painter.removeWhere((e) => e.block === el);
    }
    const blocks = new Set<Element>(this.painter.prune(changed));
    const add = (el: Element | null) => el && blocks.size < MAX_BLOCKS_PER_PASS && blocks.add(el);
    for (const node of changes.added) {
      for (const el of blocksAround(node)) add(el);
      await slicer.maybePause();
    }
    for (const node of changes.touched) if (node.nodeType === 3) add(enclosingBlock(node));
    const accepted: TextBlock[] = [];
    for (const block of blocks) {
      if (this.belongsToArticle(block) && !textLongerThan(block, MAX_BLOCK_CHARS)) {
        accepted.push({ block, text: this.painter.textMap(block).text });
      }
      await slicer.maybePause();
    }
    await this.scan(accepted, undefined, slicer);
  }

  /** True for an added block that is visible article text (not navigation, ads, comments, our card). */
  private belongsToArticle(el: Element): boolean {
    if (!el.isConnected || this.reader.isOurs(el) || !isVisibleBlock(el)) return false;
    const root = this.container?.contains(el) ? this.container : this.doc.body;
    return !isExcludedRegion(el, root);
  }

  /** True when the sentence shares text with the selection. */
  private overlaps(sentence: BlockSentence, selection: Range): boolean {
    const own = rangeFromMap(this.painter.textMap(sentence.block), sentence.start, sentence.end);
    const endsBefore = selection.comparePoint(own.endContainer, own.endOffset) < 0;
    const startsAfter = selection.comparePoint(own.startContainer, own.startOffset) > 0;
    return !endsBefore && !startsAfter;
  }
}
