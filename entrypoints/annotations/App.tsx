/**
 * The annotations page (`/annotations.html`): loads every annotation from the background, and turns the
 * page's callbacks into messages. Files are made here (export via a blob URL and `<a download>`) and read
 * here (import is validated with `parseImport` before anything is sent, so a malformed file changes nothing).
 * Opening the page asks the browser to keep Crosscheck's storage (`navigator.storage.persist()`), which only a
 * page can ask: the service worker has no `persist()`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { AnnotationsPage } from '../../components/AnnotationsPage';
import type { AnnotationDraft } from '../../components/AnnotationEditor';
import type { AnnotationFilterValues } from '../../components/AnnotationFilters';
import type { ExportFormat, ImportResult } from '../../components/AnnotationTransfer';
import { exportBackup, exportJsonLd, parseImport } from '../../lib/annotations/io';
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

/** Saves `text` as a file through the browser's download of a blob URL. */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
  const deleted = useRef(new Map<string, Annotation>());
  const [initialFilter] = useState(filterFromQuery);

  const reload = async () => {
    try {
      const list = await send('listAnnotations', {});
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
    await send('saveAnnotation', { annotation: editAnnotation(current, draft, new Date()) });
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
    const { annotations: all } = await send('exportAnnotations', {});
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'jsonld') download(exportJsonLd(all), `crosscheck-annotations-${day}.jsonld`, 'application/ld+json');
    else download(exportBackup(all, new Date()), `crosscheck-backup-${day}.json`, 'application/json');
  };
  const onImport = async (text: string) => {
    try {
      const { annotations: incoming } = parseImport(text);
      setImportResult(await send('importAnnotations', { annotations: incoming }));
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
