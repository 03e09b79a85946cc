/**
 * The annotation requests of the message protocol (merged into `Requests` in `lib/protocol.ts`). Kept apart so
 * the annotation feature adds one line there, not a dozen. Pure types and one name table.
 */
import type { Annotation } from './model';
import { errorText } from '../errors';

/** What an import wrote. */
export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Annotation requests, by name. Content script / annotations page / popup -> background: every one except
 * `annotateSelection`, which the background sends to a tab (context menu, keyboard shortcut).
 */
export interface AnnotationRequests {
  /**
   * Stores a new or edited annotation (also "undo" of a delete: the deleted record is put back). `base` is the
   * `modified` of the copy an edit started from: when the stored copy changed meanwhile, both versions are
   * kept (the edit under a new id) and `conflict` is the other version.
   */
  saveAnnotation: { req: { annotation: Annotation; base?: string }; res: { annotation: Annotation; conflict?: Annotation } };
  /** Deletes one annotation; answers what was deleted, for undo. */
  deleteAnnotation: { req: { id: string }; res: { deleted: Annotation | null } };
  /**
   * The content script's Delete (hovering a note on its page): deletes the note `id` only when it was made on
   * `url`'s origin, which must be the sender's own; a note of another site is refused by the background.
   */
  deletePageAnnotation: { req: { id: string; url: string }; res: { deleted: Annotation | null } };
  /**
   * One bounded batch of the annotations after the id `after` (in id order; null or absent: from the start),
   * with the ids of those in it last found orphaned on their page, and the cursor of the next batch.
   */
  listAnnotations: { req: { after?: string | null }; res: { annotations: Annotation[]; orphans: string[]; next: string | null } };
  /** Annotations of one page, filed under any of `urls` (its canonical URL and the URL seen). */
  pageAnnotations: { req: { urls: string[] }; res: { annotations: Annotation[]; orphans: string[] } };
  /** The content script re-anchored a page's annotations: which were placed and which are orphans now. */
  reportAnchoring: { req: { placed: string[]; orphans: string[] }; res: { recorded: number } };
  /**
   * The reader's annotations on these corpus claims (for "Yours" in the card and the popup). A content script
   * receives only the notes made on its own site; `elsewhere` counts the others (for "2 notes elsewhere").
   */
  claimAnnotations: { req: { claims: string[] }; res: { annotations: Annotation[]; elsewhere: number } };
  /**
   * Imports validated annotations all-or-nothing; a known id is replaced only by a newer copy. A large file is
   * sent in batches of one `session`; `more` says another batch follows (the counts come with the last).
   */
  importAnnotations: { req: { annotations: Annotation[]; session?: string; more?: boolean }; res: ImportCounts };
  /** One bounded batch of annotations for export, as `listAnnotations` pages them (the page sorts and joins them). */
  exportAnnotations: { req: { after?: string | null }; res: { annotations: Annotation[]; next: string | null } };
  /** Background -> tab: open the annotation editor on the reader's current selection. */
  annotateSelection: { req: Record<string, never>; res: { opened: boolean } };
}

/** Names of the annotation requests, for the protocol's runtime check. */
export const ANNOTATION_REQUEST_NAMES: Record<keyof AnnotationRequests, true> = {
  saveAnnotation: true,
  deleteAnnotation: true,
  deletePageAnnotation: true,
  listAnnotations: true,
  pageAnnotations: true,
  reportAnchoring: true,
  claimAnnotations: true,
  importAnnotations: true,
  exportAnnotations: true,
  annotateSelection: true,
};

/**
 * The message of an error that crossed the protocol, for the reader: `unwrap` puts the request name in front
 * ("saveAnnotation: Your browser's storage ..."), which means nothing to them.
 */
export function userMessage(error: unknown): string {
  return errorText(error).replace(/^[a-zA-Z]+: /, '');
}
