/**
 * Annotations in the reading content script: restoring the page's annotations, the selection button and the
 * framed editor panel (also opened by the card's Annotate, next to the sentence, not over it), the notes shown
 * as "Yours" in the card with Edit and Delete, and the note shown on hovering one's own highlight. The reader
 * calls in here; this module reaches the card and the painter only through `ReaderHooks`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { AnnotationPopover } from '../../components/AnnotationPopover';
import type { CardNotes } from '../../components/ClaimCard';
import { type Annotation, noteOf, tagsOf } from '../../lib/annotations/model';
import { userMessage } from '../../lib/annotations/requests';
import { Annotator } from './annotate';
import type { CardController } from './card';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS } from './hover';
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
  /** The note shown on hover, and whether the pointer is on the popover. */
  private hovered: { id: string; overPopover: boolean } | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly hooks: ReaderHooks,
  ) {
    this.annotator = new Annotator(ctx, doc);
    this.selection = watchSelection(ctx, doc, {
      claimAt: (range) => this.claimAt(range),
      save: (range, draft, claim) => this.annotator.save(range, { ...draft, ...(claim ?? {}) }),
      isOurs: (node) => hooks.isOurs(node),
    });
    this.watchNotes();
  }

  /** Re-anchors and paints this page's annotations; failures leave the page as it is. */
  restore(): Promise<unknown> {
    return this.annotator.restore().catch(() => undefined);
  }

  /** The context menu or shortcut: opens the editor on the selection. */
  openForSelection(): Promise<boolean> {
    return this.selection.openForSelection();
  }

  /** The reader's notes on a claim, for the card: this site's with Edit and Delete, and a count of the rest. */
  async notesFor(claim: string): Promise<CardNotes> {
    const { here, elsewhere } = await this.annotator.notesFor(claim);
    return {
      here: here.map((a) => ({ note: noteOf(a), tags: tagsOf(a), onEdit: () => void this.edit(a), onDelete: () => void this.remove(a) })),
      elsewhere,
    };
  }

  /** The card's Annotate button: the card closes and the framed editor opens next to the sentence. */
  async annotateSentence(entry: Painted): Promise<void> {
    const range = this.hooks.painter.rangeOf(entry.id);
    if (!range) return;
    this.hooks.pin(false);
    this.hooks.card.close();
    const { claim, claimLabel } = entry.match;
    await this.selection.openEditor(range, {
      heading: 'Annotate this sentence',
      claimLabel,
      save: (draft) => this.annotator.save(range, { ...draft, claim, claimLabel }),
    });
  }

  /** Edit of one of this page's notes (from the card or the hovered note), in the editor panel. */
  private async edit(annotation: Annotation): Promise<void> {
    const range = this.annotator.rangeOf(annotation);
    if (!range) return;
    this.hooks.card.close();
    this.selection.close();
    this.hovered = null;
    await this.selection.openEditor(range, {
      heading: 'Edit your note',
      claimLabel: annotation['crosscheck:claimLabel'],
      initialNote: noteOf(annotation),
      initialTags: tagsOf(annotation),
      save: (draft) => this.annotator.update(annotation, draft),
    });
  }

  /** Delete of one of this page's notes; the card or popover closes and the change is announced. */
  private async remove(annotation: Annotation): Promise<void> {
    try {
      await this.annotator.remove(annotation);
      this.hooks.card.close();
      this.selection.hideNote();
      this.hovered = null;
      await this.hooks.card.announce('Note deleted.');
    } catch (e) {
      const range = this.annotator.rangeOf(annotation);
      if (range) await this.showNote(annotation, range, userMessage(e));
    }
  }

  private showNote(annotation: Annotation, range: Range, error?: string): Promise<void> {
    this.hovered = { id: annotation.id, overPopover: false };
    return this.selection.showNote(
      range,
      <AnnotationPopover
        note={noteOf(annotation)}
        tags={tagsOf(annotation)}
        error={error}
        onEdit={() => void this.edit(annotation)}
        onDelete={() => void this.remove(annotation)}
        onHover={(over) => {
          if (this.hovered?.id === annotation.id) this.hovered.overPopover = over;
        }}
      />,
    );
  }

  /**
   * Hovering one's own note shows it (after the same rest time as the card), and it hides when the pointer has
   * left both the highlight and the note. Notes on a claim sentence are shown by the claim card instead, so
   * the two never stack. Only the reader's own pointer counts.
   */
  private watchNotes(): void {
    let last: { x: number; y: number; over: EventTarget | null } | null = null;
    let queued = false;
    let timer: number | null = null;
    let candidate: string | null = null;
    const clear = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const evaluate = () => {
      queued = false;
      if (!last || this.selection.editing) return;
      if (this.selection.owns(last.over)) return clear();
      const hit = this.annotator.at(last.x, last.y);
      const id = hit && !this.claimAt(hit.range) ? hit.annotation.id : null;
      if (id !== null && id === this.hovered?.id) return clear();
      if (id === candidate && timer !== null) return;
      clear();
      candidate = id;
      if (hit && id !== null) {
        timer = this.ctx.setTimeout(() => void this.showNote(hit.annotation, hit.range), HOVER_OPEN_MS);
      } else if (this.hovered && !this.hovered.overPopover) {
        timer = this.ctx.setTimeout(() => {
          if (this.hovered?.overPopover) return;
          this.hovered = null;
          this.selection.hideNote();
        }, HOVER_CLOSE_MS);
      }
    };
    this.ctx.addEventListener(
      this.doc,
      'pointermove',
      (e) => {
        if (!e.isTrusted) return;
        last = { x: e.clientX, y: e.clientY, over: e.target };
        if (!queued) {
          queued = true;
          this.ctx.requestAnimationFrame(evaluate);
        }
      },
      { passive: true },
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
