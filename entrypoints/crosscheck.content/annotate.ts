/**
 * The reader's annotations on this page: saving a new one from a Range (the selection or a highlighted
 * sentence), painting them with the `annotation` highlight kind, re-anchoring them when the page is opened
 * again (orphans are reported to the background, never dropped), and the notes shown as "Yours" in the card.
 * Storage is the background's: everything here goes through messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardNotes } from '../../components/ClaimCard';
import { type Annotation, createAnnotation, newAnnotationId, noteOf, tagsOf } from '../../lib/annotations/model';
import { anchorAnnotations, canonicalUrlOf, offsetsOfRange, pageTextMap } from '../../lib/dom/anchor';
import { type Highlighter, createHighlighter, rangeFromMap } from '../../lib/dom/index';
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
}

export class Annotator {
  /** Its own highlighter: hovering annotation highlights must not take the claim card's hit tests. */
  private readonly highlighter: Highlighter;
  private notes = new Map<string, Promise<CardNotes>>();

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
    for (const p of pass.placed) this.highlighter.add(ID_PREFIX + p.annotation.id, p.range, 'annotation');
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
      ...(input.claim ? { claimId: input.claim } : {}),
      now: new Date(),
      id: newAnnotationId(),
    });
    const { annotation: stored } = await sendToBackground('saveAnnotation', { annotation });
    this.highlighter.add(ID_PREFIX + stored.id, rangeFromMap(map, offsets.start, offsets.end), 'annotation');
    this.notes = new Map();
    return stored;
  }

  /**
   * The reader's notes on `claim` made on this site, and how many were made elsewhere (the background only sends
   * this origin's notes to a page; cached until the next save); none when they cannot be read.
   */
  notesFor(claim: string): Promise<CardNotes> {
    let found = this.notes.get(claim);
    if (!found) {
      found = sendToBackground('claimAnnotations', { claims: [claim] }).then(
        ({ annotations, elsewhere }) => ({ here: annotations.map((a) => ({ note: noteOf(a), tags: tagsOf(a) })), elsewhere }),
        () => ({ here: [], elsewhere: 0 }),
      );
      this.notes.set(claim, found);
    }
    return found;
  }
}
