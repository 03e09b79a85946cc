import type { Annotation } from '../lib/annotations/model';
import { noteOf, quoteOf, tagsOf } from '../lib/annotations/model';

/** Props of {@link PageNotes}. */
export interface PageNotesProps {
  annotations: readonly Annotation[];
  /** Ids of annotations that could not be placed on the page when it was last opened. */
  orphans: readonly string[];
  /** Link to the annotations page, filtered to orphans. */
  orphansHref: string;
  onOpenOrphans?(): void;
}

/** The reader's own notes on this page, with those that could not be re-anchored listed as such. */
export function PageNotes({ annotations, orphans, orphansHref, onOpenOrphans }: PageNotesProps) {
  if (annotations.length === 0) return null;
  const lost = new Set(orphans);
  const lostHere = annotations.filter((a) => lost.has(a.id)).length;
  return (
    <section class="cc-page-notes" aria-labelledby="cc-page-notes-title">
      <h2 id="cc-page-notes-title" class="cc-section">
        Your notes on this page ({annotations.length})
      </h2>
      {lostHere > 0 ? (
        <p class="cc-status cc-notice" role="status">
          {lostHere === 1 ? '1 note' : `${lostHere} notes`} could not be placed on the page: its text has changed.{' '}
          <a
            href={orphansHref}
            onClick={(e) => {
              if (!onOpenOrphans) return;
              e.preventDefault();
              onOpenOrphans();
            }}
          >
            See them on the annotations page
          </a>
        </p>
      ) : null}
      <ul class="cc-note-list">
        {annotations.map((a) => (
          <li key={a.id} class={lost.has(a.id) ? 'cc-note cc-note--orphan' : 'cc-note'}>
            <q class="cc-note-quote">{quoteOf(a)}</q>
            {noteOf(a) ? <span class="cc-note-text"> {noteOf(a)}</span> : null}
            {tagsOf(a).length > 0 ? <span class="cc-note-tags"> · {tagsOf(a).join(', ')}</span> : null}
            {lost.has(a.id) ? <span class="cc-kind cc-kind--conflict"> not found on the page</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
