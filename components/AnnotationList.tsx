/**
 * The list of annotations on the annotations page, in the order given. One item at a time can be edited in
 * place; a save the caller makes asynchronous (returns a promise) keeps the editor open and busy until it
 * settles, and open with the error message when it fails, so a failed save never loses what was typed.
 *
 * Only one page of {@link LIST_PAGE_SIZE} items is in the DOM at a time, with Previous / Next: an import of
 * 80,000 notes must not build 80,000 list items (it left the page unresponsive for over a minute).
 */
import { useState } from 'preact/hooks';
import type { Annotation } from '../lib/annotations/model';
import type { AnnotationDraft } from './AnnotationEditor';
import { AnnotationItem } from './AnnotationItem';
import { errorText } from '../lib/errors';
import './theme.css';
import './annotations.css';

/**
 * Items rendered at once. Enough to scroll through and to find a note with the browser's find-in-page on
 * recent notes; few enough that rendering a page takes a few milliseconds whatever the store holds.
 */
export const LIST_PAGE_SIZE = 100;

/** A callback that may finish later; a rejected promise carries the message shown to the reader. */
export type MaybeAsync = void | Promise<unknown>;

/** Props of {@link AnnotationList}. */
export interface AnnotationListProps {
  /** The annotations to show, already filtered and sorted. */
  annotations: readonly Annotation[];
  /** Ids of annotations that could not be re-anchored: shown marked, never hidden. */
  orphans?: ReadonlySet<string>;
  /** Claim labels by claim id, for the "matched a claim" badge. */
  claimLabels?: Readonly<Record<string, string>>;
  onSave(id: string, draft: AnnotationDraft): MaybeAsync;
  onDelete(id: string): void;
}

/**
 * Runs `action`, then calls `done` when it succeeds (at once when it returns no promise) or `failed` with the
 * message when it throws or its promise rejects.
 */
export function whenSettled(action: () => MaybeAsync, done: () => void, failed: (message: string) => void): void {
  let result: MaybeAsync;
  try {
    result = action();
  } catch (e) {
    failed(errorText(e));
    return;
  }
  // A thenable check, not `instanceof Promise`: promises from another realm (a polyfill, a frame) count too.
  if (result && typeof result.then === 'function') result.then(done, (e: unknown) => failed(errorText(e)));
  else done();
}

const count = (n: number) => n.toLocaleString('en-US');

interface EditState {
  id: string;
  saving: boolean;
  error?: string;
}

/** An `<ol>` of {@link AnnotationItem}s. */
export function AnnotationList({ annotations, orphans, claimLabels, onSave, onDelete }: AnnotationListProps) {
  const [edit, setEdit] = useState<EditState | null>(null);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(annotations.length / LIST_PAGE_SIZE));
  // A delete or a narrower filter can leave fewer pages than the one shown.
  const current = Math.min(page, pages - 1);
  const first = current * LIST_PAGE_SIZE;
  const visible = annotations.slice(first, first + LIST_PAGE_SIZE);
  const save = (id: string, draft: AnnotationDraft) => {
    setEdit({ id, saving: true });
    whenSettled(
      () => onSave(id, draft),
      () => setEdit((cur) => (cur?.id === id ? null : cur)),
      (error) => setEdit((cur) => (cur?.id === id ? { id, saving: false, error } : cur)),
    );
  };
  const pager =
    pages > 1 ? (
      <nav class="cc-ann-pager" aria-label="Pages of annotations">
        <button type="button" class="cc-button cc-button--quiet" disabled={current === 0} onClick={() => setPage(current - 1)}>
          Previous
        </button>
        <span class="cc-status">{`${count(first + 1)}–${count(first + visible.length)} of ${count(annotations.length)}`}</span>
        <button type="button" class="cc-button cc-button--quiet" disabled={current === pages - 1} onClick={() => setPage(current + 1)}>
          Next
        </button>
      </nav>
    ) : null;
  return (
    <>
      <ol class="cc-ann-list" start={first + 1}>
        {visible.map((a) => {
          const editing = edit?.id === a.id;
          const claim = a['crosscheck:claim'];
          return (
            <AnnotationItem
              key={a.id}
              annotation={a}
              orphan={orphans?.has(a.id) ?? false}
              claimLabel={claim ? claimLabels?.[claim] : undefined}
              editing={editing}
              saving={editing && edit.saving}
              error={editing ? edit.error : undefined}
              onEdit={() => setEdit({ id: a.id, saving: false })}
              onCancelEdit={() => setEdit(null)}
              onSave={(draft) => save(a.id, draft)}
              onDelete={() => onDelete(a.id)}
            />
          );
        })}
      </ol>
      {pager}
    </>
  );
}
