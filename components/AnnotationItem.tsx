/**
 * One annotation on the annotations page: the quote, the note, the tags, the page it was made on, its dates,
 * whether it matched a claim and whether it could be placed on its page again, with Edit and Delete. While
 * edited, the item shows an {@link AnnotationEditor} in place. Everything from the annotation is text.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { type Annotation, noteOf, quoteOf, tagsOf } from '../lib/annotations/model';
import { safeHref } from '../lib/annotations/filter';
import { passageUrl } from '../lib/annotations/url';
import { AnnotationEditor, type AnnotationDraft } from './AnnotationEditor';
import './theme.css';
import './annotations.css';
import { TagList } from './TagList';

/** Props of {@link AnnotationItem}. */
export interface AnnotationItemProps {
  annotation: Annotation;
  /** The annotation could not be re-anchored on its page the last time the page was opened. */
  orphan?: boolean;
  /** Label of the claim in `crosscheck:claim`, when known. */
  claimLabel?: string;
  editing?: boolean;
  saving?: boolean;
  /** Why the last save of this item failed. */
  error?: string;
  onEdit(): void;
  onCancelEdit(): void;
  onSave(draft: AnnotationDraft): void;
  onDelete(): void;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Stamp({ label, iso }: { label: string; iso: string }) {
  const time = Date.parse(iso);
  return (
    <span>
      {label} <time dateTime={iso}>{Number.isNaN(time) ? iso : DATE_FORMAT.format(time)}</time>
    </span>
  );
}

function Badges({ orphan, claimId, claimLabel }: { orphan: boolean; claimId?: string; claimLabel?: string }) {
  if (!orphan && !claimId) return null;
  return (
    <p class="cc-ann-badges">
      {orphan ? (
        <span class="cc-ann-badge cc-ann-badge--orphan">Orphan: not found on its page when last opened</span>
      ) : null}
      {claimId ? (
        <span class="cc-ann-badge cc-ann-badge--claim" title={claimLabel ?? claimId}>
          Matched a claim
        </span>
      ) : null}
    </p>
  );
}

/** The article's title (saved with the note since issue 12) linking to the passage, and the claim it matched. */
function Heading({ annotation, claimLabel }: { annotation: Annotation; claimLabel?: string }) {
  const href = safeHref(annotation.target.source);
  const title = annotation['crosscheck:title'] ?? annotation.target.source;
  return (
    <>
      <h3 class="cc-ann-article">
        {href ? (
          <a class="cc-link" href={passageUrl(href, quoteOf(annotation))} target="_blank" rel="noopener noreferrer" title="Open the page at this passage">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      {claimLabel ? (
        <p class="cc-ann-claim">
          <span class="cc-ann-claim-label">Claim:</span> {claimLabel}
        </p>
      ) : null}
    </>
  );
}

function Details({ annotation }: { annotation: Annotation }) {
  const note = noteOf(annotation);
  const tags = tagsOf(annotation);
  const source = annotation.target.source;
  const href = safeHref(source);
  return (
    <>
      {note ? <p class="cc-ann-note">{note}</p> : null}
      <TagList tags={tags} />
      <p class="cc-ann-meta">
        {href ? (
          <a class="cc-link cc-ann-source" href={href} target="_blank" rel="noopener noreferrer">
            {source}
          </a>
        ) : (
          <span class="cc-ann-source">{source}</span>
        )}
        <Stamp label="Created" iso={annotation.created} />
        {annotation.modified !== annotation.created ? <Stamp label="Edited" iso={annotation.modified} /> : null}
      </p>
    </>
  );
}

/** A list item (`<li>`); put it in a list. */
export function AnnotationItem(props: AnnotationItemProps) {
  const { annotation, orphan = false, editing = false } = props;
  const id = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    // Closing the editor removes the focused field: give focus back to the button that opened it.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const quote = quoteOf(annotation);
  const claimId = annotation['crosscheck:claim'];
  const claimLabel = claimId ? (props.claimLabel ?? annotation['crosscheck:claimLabel']) : undefined;
  return (
    <li class={`cc-ann-item${orphan ? ' cc-ann-item--orphan' : ''}`} data-annotation-id={annotation.id}>
      <Badges orphan={orphan} claimId={claimId} claimLabel={claimLabel} />
      {editing ? (
        <AnnotationEditor
          quote={quote}
          initialNote={noteOf(annotation)}
          initialTags={tagsOf(annotation)}
          claimLabel={claimLabel}
          saving={props.saving}
          error={props.error}
          onSave={props.onSave}
          onCancel={props.onCancelEdit}
        />
      ) : (
        <>
          <Heading annotation={annotation} claimLabel={claimLabel} />
          <blockquote id={`${id}-q`} class="cc-ann-quote">
            {quote || '(no quoted text)'}
          </blockquote>
          <Details annotation={annotation} />
          <div class="cc-ann-actions">
            <button
              ref={editButton}
              type="button"
              class="cc-button cc-button--quiet cc-button--small"
              aria-describedby={`${id}-q`}
              onClick={props.onEdit}
            >
              Edit
            </button>
            <button type="button" class="cc-button cc-button--quiet cc-button--small" aria-describedby={`${id}-q`} onClick={props.onDelete}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}
