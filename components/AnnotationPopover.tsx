/**
 * The reader's own note, shown when the pointer rests on its highlight in the page: the note (or "Highlight"
 * when there is none), its tags, and Edit and Delete. Lives in the in-page closed shadow root; all text is text.
 */
import './theme.css';
import './annotations.css';
import { TagList } from './TagList';

/** Props of {@link AnnotationPopover}. */
export interface AnnotationPopoverProps {
  note: string;
  tags: readonly string[];
  onEdit(): void;
  onDelete(): void;
  /** Pointer entered or left the popover (it stays open while the pointer is on it). */
  onHover?(over: boolean): void;
  /** Why the last delete failed. */
  error?: string;
}

/** A small framed box; not modal, no focus trap (it opens on hover). */
export function AnnotationPopover({ note, tags, onEdit, onDelete, onHover, error }: AnnotationPopoverProps) {
  return (
    <section
      class="cc cc-ann-popover"
      role="group"
      aria-label="Your note"
      onMouseEnter={() => onHover?.(true)}
      onMouseLeave={() => onHover?.(false)}
    >
      <p class="cc-ann-note">
        <span class="cc-yours">Yours</span> {note || <em>Highlight (no note)</em>}
      </p>
      <TagList tags={tags} />
      {error ? (
        <p class="cc-ann-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="cc-ann-actions">
        <button type="button" class="cc-button cc-button--quiet cc-button--small" onClick={onEdit}>
          Edit
        </button>
        <button type="button" class="cc-button cc-button--quiet cc-button--small" onClick={onDelete}>
          Delete
        </button>
      </div>
    </section>
  );
}
