/**
 * The annotations page (`/annotations.html`): loads every annotation from the background in bounded batches
 * (a message is capped at 64 MiB, a store is not), and turns the page's callbacks into messages. Files are
 * made here (export assembled from batches into a Blob and saved through `<a download>`) and read here
 * (import is validated with `parseImport` before anything is sent, so a malformed file changes nothing; a
 * large one is sent in batches that the background writes at once).
 * Opening the page asks the browser to keep Crosscheck's storage (`navigator.storage.persist()`), which only a
 * page can ask: the service worker has no `persist()`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { AnnotationsPage } from '../../components/AnnotationsPage';
import type { AnnotationDraft } from '../../components/AnnotationEditor';
import type { AnnotationFilterValues } from '../../components/AnnotationFilters';
import type { ExportFormat, ImportResult } from '../../components/AnnotationTransfer';
import { MESSAGE_BATCH, batchesOf, exportParts, parseImport } from '../../lib/annotations/io';
import { type Annotation, editAnnotation } from '../../lib/annotations/model';
import { userMessage } from '../../lib/annotations/requests';
import { sendToBackground } from '../../utils/messaging';

/** Sends a request; a failure is rethrown with the reader-facing message only. */
async function send<K extends Parameters<typeof sendToBackground>[0]>(type: K, req: Parameters<typeof sendToBackground<K>>[1]) {
  try {
    return await sendToBackground(type, req);
  } catch (error) {
    throw new Error(userMessage(error));
  }
}

/** Saves `parts` as one file through the browser's download of a blob URL. */
function download(parts: string[], name: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; revoke later so a slow start still finds the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `?site=example.org&orphans=1` preselects filters (links from the popup). */
function filterFromQuery(): Partial<AnnotationFilterValues> {
  const params = new URLSearchParams(location.search);
  const filter: Partial<AnnotationFilterValues> = {};
  const site = params.get('site');
  if (site) filter.site = site;
  if (params.get('orphans') === '1') filter.orphansOnly = true;
  return filter;
}

/** Every annotation and the orphans among them, batch after batch, newest first. */
async function loadAll(): Promise<{ annotations: Annotation[]; orphans: string[] }> {
  const annotations: Annotation[] = [];
  const orphans: string[] = [];
  let after: string | null = null;
  do {
    const batch: { annotations: Annotation[]; orphans: string[]; next: string | null } = await send('listAnnotations', { after });
    annotations.push(...batch.annotations);
    orphans.push(...batch.orphans);
    after = batch.next;
  } while (after !== null);
  annotations.sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
  return { annotations, orphans };
}

/** Every annotation for export, batch after batch, oldest first (then by id). */
async function exportAll(): Promise<Annotation[]> {
  const all: Annotation[] = [];
  let after: string | null = null;
  do {
    const batch: { annotations: Annotation[]; next: string | null } = await send('exportAnnotations', { after });
    all.push(...batch.annotations);
    after = batch.next;
  } while (after !== null);
  return all.sort((a, b) => (a.created === b.created ? (a.id < b.id ? -1 : 1) : a.created < b.created ? -1 : 1));
}

/** Sends an import in batches of one session; the background writes them all with the last one. */
async function importInBatches(incoming: Annotation[]): Promise<ImportResult> {
  const batches = batchesOf(incoming, MESSAGE_BATCH);
  if (batches.length <= 1) return send('importAnnotations', { annotations: incoming });
  const session = crypto.randomUUID();
  let result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  for (const [i, annotations] of batches.entries()) result = await send('importAnnotations', { annotations, session, more: i < batches.length - 1 });
  return result;
}

/** What the reader is told when their edit met another tab's. */
export const CONFLICT_NOTICE = 'This note was changed in another tab meanwhile: both versions are kept, yours as a separate note.';

/** Asks once per page load that the browser keep our storage under pressure; a refusal changes nothing here. */
function askPersistentStorage(): void {
  void navigator.storage?.persisted?.().then((already) => (already ? true : navigator.storage.persist())).catch(() => false);
}

export function App() {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [orphans, setOrphans] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>(undefined);
  const [importResult, setImportResult] = useState<ImportResult | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const deleted = useRef(new Map<string, Annotation>());
  const [initialFilter] = useState(filterFromQuery);

  const reload = async () => {
    try {
      const list = await loadAll();
      setAnnotations(list.annotations);
      setOrphans(list.orphans);
      setError(undefined);
    } catch (e) {
      setError(`Your annotations could not be loaded: ${userMessage(e)}`);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    askPersistentStorage();
    void reload();
    // Notes saved in other tabs while this page was in the background.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const onSave = async (id: string, draft: AnnotationDraft) => {
    const current = annotations.find((a) => a.id === id);
    if (!current) throw new Error('This annotation was deleted meanwhile');
    const { conflict } = await send('saveAnnotation', { annotation: editAnnotation(current, draft, new Date()), base: current.modified });
    setNotice(conflict ? CONFLICT_NOTICE : undefined);
    await reload();
  };
  const onDelete = async (id: string) => {
    const { deleted: gone } = await send('deleteAnnotation', { id });
    if (gone) deleted.current.set(id, gone);
    await reload();
  };
  const onUndo = async (id: string) => {
    const gone = deleted.current.get(id);
    if (!gone) throw new Error('There is nothing to restore');
    await send('saveAnnotation', { annotation: gone });
    deleted.current.delete(id);
    await reload();
  };
  const onExport = async (format: ExportFormat) => {
    const all = await exportAll();
    const day = new Date().toISOString().slice(0, 10);
    const parts = exportParts(format, all, new Date());
    if (format === 'jsonld') download(parts, `crosscheck-annotations-${day}.jsonld`, 'application/ld+json');
    else download(parts, `crosscheck-backup-${day}.json`, 'application/json');
  };
  const onImport = async (text: string) => {
    try {
      const { annotations: incoming } = parseImport(text);
      setImportResult(await importInBatches(incoming));
      await reload();
    } catch (e) {
      setImportResult({ error: userMessage(e) });
    }
  };

  return (
    <AnnotationsPage
      annotations={annotations}
      orphans={orphans}
      loading={loading}
      error={error}
      notice={notice}
      initialFilter={initialFilter}
      importResult={importResult}
      onSave={onSave}
      onDelete={onDelete}
      onUndo={onUndo}
      onExport={(format) => void onExport(format).catch((e: unknown) => setError(`Export failed: ${userMessage(e)}`))}
      onImport={(text) => void onImport(text)}
    />
  );
}
