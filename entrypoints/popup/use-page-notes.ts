/** The reader's annotations on the popup's page, with the ids of those that could not be re-anchored. */
import { useEffect, useState } from 'preact/hooks';
import type { Annotation } from '../../lib/annotations/model';
import { sendToBackground } from '../../utils/messaging';

export interface PageNotesState {
  annotations: Annotation[];
  orphans: string[];
}

/** Loads the notes stored under `urls` once known; empty while loading or when the store cannot be read. */
export function usePageNotes(urls: readonly string[]): PageNotesState {
  const [state, setState] = useState<PageNotesState>({ annotations: [], orphans: [] });
  const key = urls.join('\n');
  useEffect(() => {
    if (urls.length === 0) return;
    let live = true;
    sendToBackground('pageAnnotations', { urls: [...urls] })
      .then((res) => live && setState(res))
      .catch(() => live && setState({ annotations: [], orphans: [] }));
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
