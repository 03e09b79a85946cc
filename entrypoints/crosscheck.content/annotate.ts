/**
 * The reader's annotations on this page: saving a new one from a Range (the selection or a highlighted
 * sentence) with the page's title and the matched claim's label, editing and deleting one of this page's notes,
 * painting them with the `annotation` highlight kind, re-anchoring them when the page is opened again (orphans
 * are reported to the background, never dropped), finding the note under the pointer, and the notes shown as
 * "Yours" in the card. Storage is the background's: everything here goes through messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Annotation, createAnnotation, editAnnotation, newAnnotationId } from '../../lib/annotations/model';
import { anchorAnnotations, canonicalUrlOf, offsetsOfRange, pageTextMap } from '../../lib/dom/anchor';
import { type Highlighter, createHighlighter, hitTest, rangeFromMap } from '../../lib/dom/index';
import { sendToBackground } from '../../utils/messaging';
import { testMark } from './signals';

/** Performance mark set once the page's annotations are re-anchored (`detail`: placed and orphan counts), in test builds only. */
export const MARK_ANNOTATIONS = 'crosscheck:annotations';
/** Highlight ids of annotations, apart from the claim highlights' ids. */
const ID_PREFIX = 'ann:';

/** What the reader wrote, and the claim the annotated text matched, if any. */
export interface AnnotationInput {
  note: string;
  tags: string[];
  claim?: string;
  claimLabel?: string;
}

/** The reader's notes on a claim as the page may show them. */
export interface ClaimNotes {
  here: Annotation[];
  elsewhere: number;
}

export class Annotator {
  /** Its own highlighter: hovering annotation highlights must not take the claim card's hit tests. */
  private readonly highlighter: Highlighter;
  private notes = new Map<string, Promise<ClaimNotes>>();
  /** This page's annotations that are painted, by id. */
  private readonly placed = new Map<string, Annotation>();

  constructor(
    ctx: ContentScriptContext,
    private readonly doc: Document,
  ) {
    this.highlighter = createHighlighter(doc);
    ctx.onInvalidated(() => this.highlighter.clear());
  }

  /** Asks for this page's annotations, places them, paints them and reports those that could not be placed. */
  async restore(): Promise<{ placed: number; orphans: number }> {
    const urls = [canonicalUrlOf(this.doc), this.doc.URL];
    const { annotations } = await sendToBackground('pageAnnotations', { urls });
    // Mapping the whole page's text is the costliest step on a long page: skip it when there is nothing to place.
    const pass = annotations.length > 0 ? anchorAnnotations(pageTextMap(this.doc.body), annotations) : { placed: [], orphans: [] };
    for (const p of pass.placed) this.paint(p.annotation, p.range);
    const counts = { placed: pass.placed.length, orphans: pass.orphans.length };
    if (annotations.length > 0) {
      await sendToBackground('reportAnchoring', {
        placed: pass.placed.map((p) => p.annotation.id),
        orphans: pass.orphans.map((a) => a.id),
      });
    }
    testMark(MARK_ANNOTATIONS, counts);
    return counts;
  }

  /** Saves an annotation on the page text `range` covers and paints it. @throws with the reason shown to the reader. */
  async save(range: Range, input: AnnotationInput): Promise<Annotation> {
    const map = pageTextMap(this.doc.body);
    const offsets = offsetsOfRange(map, range);
    if (!offsets) throw new Error('The selection holds no page text to annotate');
    const annotation = createAnnotation({
      pageText: map.text,
      start: offsets.start,
      end: offsets.end,
      note: input.note,
      tags: input.tags,
      canonicalUrl: canonicalUrlOf(this.doc),
      seenUrl: this.doc.URL.replace(/#.*$/, ''),
      title: this.doc.title,
      ...(input.claim ? { claimId: input.claim, claimLabel: input.claimLabel } : {}),
      now: new Date(),
      id: newAnnotationId(),
    });
    const { annotation: stored } = await sendToBackground('saveAnnotation', { annotation });
    this.paint(stored, rangeFromMap(map, offsets.start, offsets.end));
    this.notes = new Map();
    return stored;
  }

  /** Saves a new note and tags for one of this page's annotations (`base`: a concurrent edit elsewhere is kept). */
  async update(annotation: Annotation, change: { note: string; tags: string[] }): Promise<Annotation> {
    const edited = editAnnotation(annotation, change, new Date());
    const { annotation: stored } = await sendToBackground('saveAnnotation', { annotation: edited, base: annotation.modified });
    const range = this.highlighter.rangeOf(ID_PREFIX + annotation.id);
    if (range) this.paint(stored, range);
    this.notes = new Map();
    return stored;
  }

  /** Deletes one of this page's annotations and unpaints it. */
  async remove(annotation: Annotation): Promise<void> {
    await sendToBackground('deletePageAnnotation', { id: annotation.id, url: this.doc.URL.replace(/#.*$/, '') });
    this.highlighter.remove(ID_PREFIX + annotation.id);
    this.placed.delete(annotation.id);
    this.notes = new Map();
  }

  /** The painted annotation under viewport point `(x, y)`, with its range, or null. */
  at(x: number, y: number): { annotation: Annotation; range: Range } | null {
    const id = hitTest(this.highlighter, this.doc, x, y);
    const annotation = id ? this.placed.get(id.slice(ID_PREFIX.length)) : undefined;
    const range = id ? this.highlighter.rangeOf(id) : null;
    return annotation && range ? { annotation, range } : null;
  }

  /** The range an annotation of this page is painted on, or null. */
  rangeOf(annotation: Annotation): Range | null {
    return this.highlighter.rangeOf(ID_PREFIX + annotation.id);
  }

  /**
   * The reader's notes on `claim` made on this site, and how many were made elsewhere (the background only sends
   * this origin's notes to a page; cached until the next change); none when they cannot be read.
   */
  notesFor(claim: string): Promise<ClaimNotes> {
    let found = this.notes.get(claim);
    if (!found) {
      found = sendToBackground('claimAnnotations', { claims: [claim] }).then(
        ({ annotations, elsewhere }) => ({ here: annotations, elsewhere }),
        () => ({ here: [], elsewhere: 0 }),
      );
      this.notes.set(claim, found);
    }
    return found;
  }

  private paint(annotation: Annotation, range: Range): void {
    this.placed.set(annotation.id, annotation);
    this.highlighter.add(ID_PREFIX + annotation.id, range, 'annotation');
  }
}
