/**
 * The form that saves or edits an annotation: the quoted sentence, a note, the suggested tags as toggle chips
 * and free tags. Mounted in the in-page card, in the small panel shown for a text selection (both inside a
 * shadow root) and inline on the annotations page. Ctrl/Cmd+Enter saves, Esc cancels. Saving with neither
 * text nor tag stores a highlight (Hypothesis's "Highlight"): the passage is marked and listed, with no note;
 * the Save button says "Save highlight" then. After a save the panel shows `status` ("Highlight saved.").
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { SUGGESTED_TAGS, cleanTags } from '../lib/annotations/model';
import { MAX_NOTE_CHARS } from '../lib/annotations/validate';
import './theme.css';
import './annotations.css';

/** What the reader wrote: the note and the cleaned tags (trimmed, no duplicates, suggested ones first). */
export interface AnnotationDraft {
  note: string;
  tags: string[];
}

/** Props of {@link AnnotationEditor}. */
export interface AnnotationEditorProps {
  /** The annotated text, shown as text. */
  quote: string;
  initialNote?: string;
  initialTags?: readonly string[];
  /** Label of the corpus claim the sentence matched, when it did. */
  claimLabel?: string;
  onSave(draft: AnnotationDraft): void;
  onCancel(): void;
  /** A save is under way: the Save button says so and further saves are ignored. */
  saving?: boolean;
  /** Why the last save failed, with what to do (e.g. the storage-full message). */
  error?: string;
  /** Heading above the form; none when omitted (the page's inline editor needs none). */
  heading?: string;
  /** `panel` is a self-contained floating box (selection panel); `inline` sits inside a card or a list. */
  variant?: 'inline' | 'panel';
  /** Focus the note on mount (default true: the editor opens because the reader asked to write). */
  autoFocus?: boolean;
  /** A short confirmation shown after a save ("Note saved."), in a polite live region. */
  status?: string;
}

type Suggested = (typeof SUGGESTED_TAGS)[number];

function isSuggested(tag: string): boolean {
  return SUGGESTED_TAGS.some((s) => s.toLowerCase() === tag.trim().toLowerCase());
}

/** Splits initial tags into the suggested ones that are on and the rest, as free-tag input text. */
function splitTags(tags: readonly string[]): { on: Set<Suggested>; free: string } {
  const on = new Set(SUGGESTED_TAGS.filter((s) => tags.some((t) => t.trim().toLowerCase() === s)));
  return { on, free: tags.filter((t) => !isSuggested(t)).join(', ') };
}

/** The draft the form holds: suggested tags in their offered order, then the free ones. */
function draftOf(note: string, on: ReadonlySet<Suggested>, free: string): AnnotationDraft {
  return { note: note.trim(), tags: cleanTags([...SUGGESTED_TAGS.filter((s) => on.has(s)), ...free.split(',')]) };
}

/** Props-in, callbacks-out annotation form. */
export function AnnotationEditor(props: AnnotationEditorProps) {
  const { quote, claimLabel, saving = false, error, heading, variant = 'inline', autoFocus = true, status } = props;
  const id = useId();
  const initial = splitTags(props.initialTags ?? []);
  const [note, setNote] = useState(props.initialNote ?? '');
  const [on, setOn] = useState<ReadonlySet<Suggested>>(initial.on);
  const [free, setFree] = useState(initial.free);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) noteRef.current?.focus();
  }, [autoFocus]);

  const current = draftOf(note, on, free);
  const highlightOnly = !current.note && current.tags.length === 0;
  const save = () => {
    if (saving) return;
    props.onSave(draftOf(note, on, free));
  };
  const toggle = (tag: Suggested) => {
    const next = new Set(on);
    if (!next.delete(tag)) next.add(tag);
    setOn(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return; // The key belongs to an input method (e.g. confirming a CJK word).
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // Esc closes the editor, not the card or panel around it.
      props.onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };

  return (
    <form
      class={`cc cc-ann-editor cc-ann-editor--${variant}`}
      aria-labelledby={heading ? `${id}-h` : undefined}
      aria-label={heading ? undefined : 'Annotation'}
      aria-busy={saving}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {heading ? (
        <h2 id={`${id}-h`} class="cc-heading">
          {heading}
        </h2>
      ) : null}
      <blockquote class="cc-ann-quote">{quote}</blockquote>
      {claimLabel ? (
        <p class="cc-ann-claim">
          <span class="cc-ann-badge cc-ann-badge--claim">Matched a claim</span> {claimLabel}
        </p>
      ) : null}
      <label class="cc-label" for={`${id}-note`}>
        Note
      </label>
      <textarea
        ref={noteRef}
        id={`${id}-note`}
        class="cc-input cc-ann-note-input"
        rows={3}
        maxLength={MAX_NOTE_CHARS}
        value={note}
        aria-describedby={`${id}-keys`}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <div class="cc-ann-chips" role="group" aria-labelledby={`${id}-tags`}>
        <span id={`${id}-tags`} class="cc-label">
          Tags
        </span>
        {SUGGESTED_TAGS.map((tag) => (
          <button key={tag} type="button" class="cc-ann-chip" aria-pressed={on.has(tag)} onClick={() => toggle(tag)}>
            {tag}
          </button>
        ))}
      </div>
      <label class="cc-label" for={`${id}-free`}>
        Other tags <span class="cc-hint">(separate with commas)</span>
      </label>
      <input
        id={`${id}-free`}
        class="cc-input"
        type="text"
        autocomplete="off"
        value={free}
        onInput={(e) => setFree(e.currentTarget.value)}
      />
      {error ? (
        <p class="cc-ann-error" role="alert">
          Not saved: {error}
        </p>
      ) : null}
      <p id={`${id}-keys`} class="cc-hint">
        Ctrl+Enter (⌘+Enter on a Mac) saves, Esc cancels. With no note, the passage is saved as a highlight.
      </p>
      <p class="cc-ann-saved" role="status">
        {status ?? ''}
      </p>
      <div class="cc-ann-actions">
        <button type="submit" class="cc-button" aria-disabled={saving}>
          {saving ? 'Saving…' : highlightOnly ? 'Save highlight' : 'Save'}
        </button>
        <button type="button" class="cc-button cc-button--quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
