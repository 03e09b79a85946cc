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
import { Checker } from './checker';
import { type TextBlock, articleBlocks } from './extract';
import { watchPage, type PageChanges } from './observer';
import type { Painter } from './painter';
import { type BlockSentence, blocksAround, blocksInRange, enclosingBlock, pageDate, sentencesOf } from './sentences';
import { testMark } from './signals';
import { Slicer } from './slice';

/** Performance marks the benchmark and the tests read, set in test builds only (./signals.ts). */
export const MARK_START = 'crosscheck:start';
export const MARK_FIRST_HIGHLIGHT = 'crosscheck:first-highlight';
export const MARK_CHECKED = 'crosscheck:checked';

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
    if (!match || !levelShown(match.level, this.reader.sensitivity) || this.reader.dismissed.has(match.claim)) return;
    if (!sentence.block.isConnected) return;
    const first = this.painter.size === 0;
    if (this.painter.paint(sentence, match) && first) testMark(MARK_FIRST_HIGHLIGHT);
  }

  /** A batch of page changes: drop highlights whose text went away, check new and changed paragraphs. */
  private onChanges(changes: PageChanges): void {
    if (this.state === 'idle') return;
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
