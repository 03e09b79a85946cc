/**
 * The annotation editor as used in the page (in the card and in the selection panel): it keeps the "saving"
 * state and shows why a save failed (storage full, database blocked by another tab) with what to do.
 */
import { useState } from 'preact/hooks';
import { AnnotationEditor, type AnnotationDraft } from '../../components/AnnotationEditor';
import { userMessage } from '../../lib/annotations/requests';

/** Props of {@link PageEditor}. */
export interface PageEditorProps {
  quote: string;
  claimLabel?: string;
  heading?: string;
  variant: 'inline' | 'panel';
  /** Saves; a rejection's message is shown in the editor, which stays open. */
  save(draft: AnnotationDraft): Promise<unknown>;
  /** Called after a successful save, and on cancel. */
  close(): void;
}

/** AnnotationEditor with its saving state and error. */
export function PageEditor({ quote, claimLabel, heading, variant, save, close }: PageEditorProps) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const onSave = (draft: AnnotationDraft) => {
    setSaving(true);
    setError(undefined);
    save(draft).then(close, (e: unknown) => {
      setSaving(false);
      setError(userMessage(e));
    });
  };
  return (
    <AnnotationEditor
      quote={quote}
      claimLabel={claimLabel}
      heading={heading}
      variant={variant}
      saving={saving}
      error={error}
      onSave={onSave}
      onCancel={close}
    />
  );
}
