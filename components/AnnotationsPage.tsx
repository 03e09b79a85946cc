/**
 * The annotations extension page: every annotation the reader made, with search and filters, in-place edit,
 * delete with undo, and export/import. Presentational: the entrypoint loads the annotations from the
 * background, passes them in, and turns the callbacks into messages. Callbacks may return a promise; a
 * rejection's message is shown to the reader.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../lib/annotations/model';
import { quoteOf } from '../lib/annotations/model';
import { type AnnotationFilter, filterAnnotations, sitesOf, tagsOfAll } from '../lib/annotations/filter';
import type { AnnotationDraft } from './AnnotationEditor';
import { AnnotationFilters, type AnnotationFilterValues, NO_FILTER } from './AnnotationFilters';
import { AnnotationList, type MaybeAsync, whenSettled } from './AnnotationList';
import { AnnotationTransfer, type ExportFormat, type ImportResult } from './AnnotationTransfer';
import './theme.css';
import './annotations.css';

/** Props of {@link AnnotationsPage}. */
export interface AnnotationsPageProps {
  annotations: readonly Annotation[];
  /** Ids of annotations that could not be re-anchored on their page: listed and marked, never dropped. */
  orphans?: readonly string[];
  /** Claim labels by claim id, for the "matched a claim" badge. */
  claimLabels?: Readonly<Record<string, string>>;
  onSave(id: string, draft: AnnotationDraft): MaybeAsync;
  onDelete(id: string): MaybeAsync;
  /** Restores the annotation deleted last (its id is passed). */
  onUndo(id: string): MaybeAsync;
  onExport(format: ExportFormat): void;
  onImport(fileText: string): void;
  /** Outcome of the last import; a new object for each import. */
  importResult?: ImportResult;
  /** The annotations are still being loaded. */
  loading?: boolean;
  /** Why the annotations could not be loaded, with what to do (e.g. close other tabs). */
  error?: string;
  /** Something the reader should know about their last action (e.g. an edit that met another tab's). */
  notice?: string;
  /** Filters to start with (e.g. the site of the tab the page was opened from). */
  initialFilter?: Partial<AnnotationFilterValues>;
}

/** Characters of the deleted quote repeated in the "Deleted" line, enough to recognise it. */
const STATUS_QUOTE_CHARS = 60;

type Status = { kind: 'deleted'; id: string; quote: string } | { kind: 'info' | 'error'; text: string } | null;

function shorten(text: string): string {
  return text.length > STATUS_QUOTE_CHARS ? `${text.slice(0, STATUS_QUOTE_CHARS - 1).trimEnd()}…` : text;
}

function toFilter(values: AnnotationFilterValues, orphans: ReadonlySet<string>): AnnotationFilter {
  const { orphansOnly, ...rest } = values;
  return orphansOnly ? { ...rest, onlyIds: orphans } : rest;
}

function EmptyState() {
  return (
    <p class="cc-ann-empty">
      No annotations yet: select text on a page, or use the card's Annotate button.
    </p>
  );
}

/** The status line: "Deleted. Undo", a confirmation, or an error. Always in the DOM, so it is announced. */
function StatusLine({ status, onUndo, undoRef }: { status: Status; onUndo(id: string): void; undoRef: { current: HTMLButtonElement | null } }) {
  return (
    <div class="cc-ann-toast" role="status" tabIndex={-1}>
      {status?.kind === 'deleted' ? (
        <>
          <span>{status.quote ? `Deleted “${status.quote}”. ` : 'Deleted. '}</span>
          <button ref={undoRef} type="button" class="cc-link-button" onClick={() => onUndo(status.id)}>
            Undo
          </button>
        </>
      ) : status ? (
        <span class={status.kind === 'error' ? 'cc-ann-error' : undefined}>{status.text}</span>
      ) : null}
    </div>
  );
}

/** The whole page, `<main>` included. */
export function AnnotationsPage(props: AnnotationsPageProps) {
  const { annotations, loading = false, error } = props;
  const [values, setValues] = useState<AnnotationFilterValues>({ ...NO_FILTER, ...props.initialFilter });
  const [status, setStatus] = useState<Status>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const orphans = useMemo(() => new Set(props.orphans ?? []), [props.orphans]);
  const shown = useMemo(() => filterAnnotations(annotations, toFilter(values, orphans)), [annotations, values, orphans]);
  const sites = useMemo(() => sitesOf(annotations), [annotations]);
  const tags = useMemo(() => tagsOfAll(annotations), [annotations]);
  const orphanCount = useMemo(() => annotations.filter((a) => orphans.has(a.id)).length, [annotations, orphans]);
  useEffect(() => {
    // The Delete button went away with its item: keep the keyboard on the way back.
    if (status?.kind === 'deleted') undoRef.current?.focus();
  }, [status]);

  const remove = (id: string) => {
    const deleted = annotations.find((a) => a.id === id);
    const quote = shorten(deleted ? quoteOf(deleted) : '');
    whenSettled(
      () => props.onDelete(id),
      () => setStatus({ kind: 'deleted', id, quote }),
      (message) => setStatus({ kind: 'error', text: `Not deleted: ${message}` }),
    );
  };
  const undo = (id: string) => {
    whenSettled(
      () => props.onUndo(id),
      () => setStatus({ kind: 'info', text: 'Restored.' }),
      (message) => setStatus({ kind: 'error', text: `Could not restore: ${message}` }),
    );
  };

  return (
    <main class="cc cc-ann-page">
      <h1 class="cc-ann-title">Your annotations</h1>
      {error ? (
        <p class="cc-ann-error" role="alert">
          {error}
        </p>
      ) : null}
      {props.notice ? (
        <p class="cc-status" role="status">
          {props.notice}
        </p>
      ) : null}
      {loading ? (
        <p class="cc-status">Loading your annotations…</p>
      ) : annotations.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <AnnotationFilters
            values={values}
            onChange={setValues}
            sites={sites}
            tags={tags}
            orphanCount={orphanCount}
            total={annotations.length}
            shown={shown.length}
          />
          {shown.length > 0 ? (
            <AnnotationList key={JSON.stringify(values)} annotations={shown} orphans={orphans} claimLabels={props.claimLabels} onSave={props.onSave} onDelete={remove} />
          ) : (
            <p class="cc-ann-empty">No annotation matches these filters.</p>
          )}
        </>
      )}
      <StatusLine status={status} onUndo={undo} undoRef={undoRef} />
      <AnnotationTransfer canExport={annotations.length > 0} onExport={props.onExport} onImport={props.onImport} importResult={props.importResult} />
    </main>
  );
}
