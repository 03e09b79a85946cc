/**
 * The reader's own notes on a claim, in the claim card ("Yours"): the note, or "Highlight" for a highlight with
 * no note, its tags, and Edit / Delete when the card was given them (notes made on this page).
 */
import './theme.css';
import './card.css';

/** A note the reader wrote on this claim; `onEdit`/`onDelete` are set for notes that can be changed here. */
export interface CardAnnotation {
  note: string;
  tags: string[];
  onEdit?(): void;
  onDelete?(): void;
}

/** Props of {@link CardNotes}. */
export interface CardNotesProps {
  items: ReadonlyArray<CardAnnotation>;
}

/** The list of the reader's notes in the card. */
export function CardNotes({ items }: CardNotesProps) {
  return (
    <ul class="cc-notes">
      {items.map((a, i) => (
        <li key={i} class="cc-note-item">
          <span class="cc-yours">Yours</span> {a.note || <em>Highlight (no note)</em>}
          {a.tags.length > 0 ? (
            <span class="cc-tags">
              {a.tags.map((t) => (
                <span key={t} class="cc-tag">
                  {t}
                </span>
              ))}
            </span>
          ) : null}
          {a.onEdit || a.onDelete ? (
            <span class="cc-note-actions">
              {a.onEdit ? (
                <button type="button" class="cc-link" onClick={a.onEdit}>
                  Edit
                </button>
              ) : null}{' '}
              {a.onDelete ? (
                <button type="button" class="cc-link" onClick={a.onDelete}>
                  Delete
                </button>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
