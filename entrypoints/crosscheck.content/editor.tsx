/**
 * The annotation editor as used in the page (the framed panel opened from a selection or a card): it keeps the
 * "saving" state, shows why a save failed (storage full, database blocked by another tab) with what to do, and
 * confirms a save with a short status ("Highlight saved.") before the panel closes.
 */
import { useEffect, useState } from 'preact/hooks';
import { AnnotationEditor, type AnnotationDraft } from '../../components/AnnotationEditor';
import { userMessage } from '../../lib/annotations/requests';

/** How long the save confirmation stays before the panel closes: long enough to read two words. */
export const SAVED_CLOSE_MS = 1500;

/** Props of {@link PageEditor}. */
export interface PageEditorProps {
  quote: string;
  claimLabel?: string;
  heading?: string;
  initialNote?: string;
  initialTags?: readonly string[];
  /** Saves; a rejection's message is shown in the editor, which stays open. */
  save(draft: AnnotationDraft): Promise<unknown>;
  /** Called a moment after a successful save, and on cancel. */
  close(): void;
}

/** The confirmation for a saved draft. */
export function savedText(draft: AnnotationDraft): string {
  return draft.note || draft.tags.length > 0 ? 'Note saved.' : 'Highlight saved.';
}

/** AnnotationEditor with its saving state, error and confirmation. */
export function PageEditor({ quote, claimLabel, heading, initialNote, initialTags, save, close }: PageEditorProps) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(close, SAVED_CLOSE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const onSave = (draft: AnnotationDraft) => {
    if (status) return;
    setSaving(true);
    setError(undefined);
    save(draft).then(
      () => {
        setSaving(false);
        setStatus(savedText(draft));
      },
      (e: unknown) => {
        setSaving(false);
        setError(userMessage(e));
      },
    );
  };
  return (
    <AnnotationEditor
      quote={quote}
      claimLabel={claimLabel}
      heading={heading}
      initialNote={initialNote}
      initialTags={initialTags}
      variant="panel"
      saving={saving}
      error={error}
      status={status}
      onSave={onSave}
      onCancel={close}
    />
  );
}
