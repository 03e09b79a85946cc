/**
 * Export and import on the annotations page. Export offers the W3C Web Annotation JSON-LD (for other
 * annotation tools) and the plain JSON backup; import reads a file chosen by the reader and hands its text
 * to the caller, which validates and stores it all-or-nothing and reports back through `importResult`.
 */
import { useId, useState } from 'preact/hooks';
import './theme.css';
import './annotations.css';

/** Which export file to make. */
export type ExportFormat = 'jsonld' | 'backup';

/** What an import did, or why it did nothing. */
export type ImportResult = { added: number; updated: number; unchanged: number } | { error: string };

/** Props of {@link AnnotationTransfer}. */
export interface AnnotationTransferProps {
  /** False when there is nothing to export (the export buttons are then disabled). */
  canExport: boolean;
  onExport(format: ExportFormat): void;
  /** Called with the text of the chosen file. */
  onImport(fileText: string): void;
  /** Outcome of the last import; a new object for each import. */
  importResult?: ImportResult;
}

/**
 * Largest file read for import. Well above any reader's own notes (a 100 000-annotation backup is ~60 MB);
 * below that the whole file is read into memory at once, which a larger file would make the page stall on.
 */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

function resultText(result: Exclude<ImportResult, { error: string }>): string {
  const { added, updated, unchanged } = result;
  if (added + updated + unchanged === 0) return 'Import done: the file held no annotations.';
  return `Import done: ${plural(added, 'annotation')} added, ${updated} updated, ${unchanged} already up to date.`;
}

/** Status of the import: reading/importing, the caller's result, or a local error (unreadable, too large). */
function ImportStatus(props: { busy: boolean; localError: string | null; result?: ImportResult }) {
  const error = props.localError ?? (!props.busy && props.result && 'error' in props.result ? props.result.error : null);
  return (
    <>
      <p class="cc-status" role="status">
        {props.busy ? 'Importing…' : props.result && !('error' in props.result) ? resultText(props.result) : ''}
      </p>
      {error ? (
        <p class="cc-ann-error" role="alert">
          {`Import failed: ${error.replace(/[.\s]+$/, '')}. Nothing was changed.`}
        </p>
      ) : null}
    </>
  );
}

/** Export buttons and a labelled file input. */
export function AnnotationTransfer({ canExport, onExport, onImport, importResult }: AnnotationTransferProps) {
  const id = useId();
  // The result that was current when the last import started: until a different one arrives, it is running.
  const [startedAt, setStartedAt] = useState<{ result?: ImportResult } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const busy = startedAt !== null && startedAt.result === importResult;
  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // Choosing the same file again must import again.
    if (!file) return;
    setLocalError(null);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setLocalError(`${file.name} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setLocalError(`${file.name} could not be read`);
      return;
    }
    setStartedAt({ result: importResult });
    onImport(text);
  };
  return (
    <section class="cc-ann-transfer" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} class="cc-heading">
        Export and import
      </h2>
      <div class="cc-ann-actions">
        <button type="button" class="cc-button cc-button--quiet" disabled={!canExport} onClick={() => onExport('jsonld')}>
          Export as W3C Web Annotations (JSON-LD)
        </button>
        <button type="button" class="cc-button cc-button--quiet" disabled={!canExport} onClick={() => onExport('backup')}>
          Download a backup (JSON)
        </button>
      </div>
      <label class="cc-label" for={`${id}-file`}>
        Import annotations from a file
      </label>
      <input
        id={`${id}-file`}
        class="cc-ann-file"
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        onChange={(e) => void pick(e.currentTarget)}
      />
      <ImportStatus busy={busy} localError={localError} result={localError ? undefined : importResult} />
    </section>
  );
}
