/**
 * Annotations in the reading content script: restoring the page's annotations, the selection button and
 * panel, the card's Annotate button (the editor opens in the card), and the notes shown as "Yours" in the
 * card. The reader calls in here; this module reaches the card and the painter only through `ReaderHooks`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardNotes } from '../../components/ClaimCard';
import { Annotator } from './annotate';
import type { CardController } from './card';
import { PageEditor } from './editor';
import type { Painted, Painter } from './painter';
import { type SelectionUi, watchSelection } from './selection';

/** What the reader lends to the annotations. */
export interface ReaderHooks {
  card: CardController;
  painter: Painter;
  /** Keeps the card open while the pointer wanders (the reader is typing a note in it). */
  pin(pinned: boolean): void;
  isOurs(node: Node): boolean;
}

/** True when two ranges share at least one character. */
function overlaps(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
}

export class ReaderAnnotations {
  private readonly annotator: Annotator;
  private readonly selection: SelectionUi;

  constructor(
    ctx: ContentScriptContext,
    doc: Document,
    private readonly hooks: ReaderHooks,
  ) {
    this.annotator = new Annotator(ctx, doc);
    this.selection = watchSelection(ctx, doc, {
      claimAt: (range) => this.claimAt(range),
      save: (range, draft, claim) => this.annotator.save(range, { ...draft, ...(claim ? { claim } : {}) }),
      isOurs: (node) => hooks.isOurs(node),
    });
  }

  /** Re-anchors and paints this page's annotations; failures leave the page as it is. */
  restore(): Promise<unknown> {
    return this.annotator.restore().catch(() => undefined);
  }

  /** The context menu or shortcut: opens the editor on the selection. */
  openForSelection(): Promise<boolean> {
    return this.selection.openForSelection();
  }

  /** The reader's notes on a claim, for the card. */
  notesFor(claim: string): Promise<CardNotes> {
    return this.annotator.notesFor(claim);
  }

  /** The card's Annotate button: the editor replaces the card's content until saved or cancelled. */
  async annotateSentence(entry: Painted): Promise<void> {
    const range = this.hooks.painter.rangeOf(entry.id);
    if (!range) return;
    this.hooks.pin(true);
    const close = () => this.hooks.card.close();
    await this.hooks.card.show(
      entry,
      range,
      <PageEditor
        quote={entry.text}
        claimLabel={entry.match.claimLabel}
        heading="Annotate this sentence"
        variant="inline"
        save={(draft) => this.annotator.save(range, { ...draft, claim: entry.match.claim })}
        close={close}
      />,
    );
  }

  /** The claim painted over (part of) `range`, if any. */
  private claimAt(range: Range): { claim: string; claimLabel: string } | null {
    for (const entry of this.hooks.painter.ordered()) {
      const painted = this.hooks.painter.rangeOf(entry.id);
      if (painted && overlaps(painted, range)) return { claim: entry.match.claim, claimLabel: entry.match.claimLabel };
    }
    return null;
  }
}
