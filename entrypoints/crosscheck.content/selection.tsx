/**
 * The in-page annotation panel: a small "Annotate" button next to what the reader selected, the editor panel
 * (opened from that button, the context menu, the keyboard command or a claim card's Annotate), and the note
 * shown on hovering one's own note. All live in one closed shadow root (./in-page-ui.ts), framed like the card
 * and placed next to the passage without covering it (`placePanel`). The page's selection is copied when the
 * button appears, so clicking cannot lose it. Only the reader's own mouse and keys act: a page script's
 * synthetic events do not.
 */
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import themeCss from '../../components/theme.css?inline';
import annotationsCss from '../../components/annotations.css?inline';
import type { AnnotationDraft } from '../../components/AnnotationEditor';
import { PageEditor } from './editor';
import { createClosedUi, isTrustedInput } from './in-page-ui';
import { isEditable } from './keys';
import { boxOf, placePanel } from './panel-place';

/** Tag of the selection UI's shadow host; the page observer and the text map ignore it. */
export const SELECTION_HOST = 'crosscheck-annotate';
/** Longest selection offered for annotation (characters): a note is about a sentence or a passage, not a page. */
export const MAX_SELECTION_CHARS = 2000;
const BUTTON_CSS = `.cc-sel-button { font: 13px/1.2 system-ui, sans-serif; padding: 4px 10px; border-radius: 4px;
  border: 1px solid rgb(150, 80, 230); background: rgb(150, 80, 230); color: #fff; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); }
.cc-sel-button:focus-visible { outline: 2px solid #000; outline-offset: 2px; }`;

/** What the selection UI needs from the reader. */
export interface SelectionActions {
  /** Label of the claim the range matched, if any (shown in the editor). */
  claimAt(range: Range): { claim: string; claimLabel: string } | null;
  /** Saves the annotation; a rejection keeps the panel open with the message. */
  save(range: Range, draft: AnnotationDraft, claim: { claim: string; claimLabel: string } | null): Promise<unknown>;
  /** True for nodes of our own UI (card, this panel). */
  isOurs(node: Node): boolean;
}

/** How to open the editor on a passage. */
export interface EditorRequest {
  heading: string;
  claimLabel?: string;
  initialNote?: string;
  initialTags?: readonly string[];
  save(draft: AnnotationDraft): Promise<unknown>;
}

/** The selection button, the editor panel and the hovered note. */
export interface SelectionUi {
  /** Opens the editor on the current selection; false when nothing is selected. */
  openForSelection(): Promise<boolean>;
  /** Opens the editor on `at` (a card's Annotate, a note's Edit). */
  openEditor(at: Range, request: EditorRequest): Promise<void>;
  /** Shows `content` (the hovered note) next to `at`, unless the editor is open. */
  showNote(at: Range, content: ComponentChild): Promise<void>;
  /** True while the editor is open. */
  readonly editing: boolean;
  /** True when `node` belongs to this UI. */
  owns(node: EventTarget | null): boolean;
  /** Hides the hovered note (not the editor). */
  hideNote(): void;
  close(): void;
}

/** Starts watching selections in `doc` for the life of `ctx`. */
export function watchSelection(ctx: ContentScriptContext, doc: Document, actions: SelectionActions): SelectionUi {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let range: Range | null = null;
  let shown: 'none' | 'button' | 'editor' | 'note' = 'none';

  const root = async (): Promise<HTMLElement> => {
    if (!ui) {
      ui = await createClosedUi(ctx, {
        name: SELECTION_HOST,
        css: `${themeCss}\n${annotationsCss}\n${BUTTON_CSS}`,
        onMount: (body) => {
          const el = doc.createElement('div');
          Object.assign(el.style, { position: 'fixed', zIndex: '2147483647', left: '0px', top: '0px', display: 'none' });
          body.append(el);
          return el;
        },
        onRemove: (el) => el && render(null, el),
      });
    }
    return ui.mounted as HTMLElement;
  };

  /** Puts a panel next to the whole passage; the selection button goes at the selection's end. */
  const place = (el: HTMLElement, at: Range, panel: boolean) => {
    el.style.display = 'block';
    const frame = (el.firstElementChild as HTMLElement | null) ?? el;
    frame.style.maxHeight = '';
    const box = el.getBoundingClientRect();
    const viewport = { width: innerWidth, height: innerHeight };
    if (!panel) {
      const rects = at.getClientRects();
      const end = rects[rects.length - 1] ?? at.getBoundingClientRect();
      const spot = placePanel({ left: end.right - box.width, top: end.top, right: end.right, bottom: end.bottom }, box, viewport);
      Object.assign(el.style, { left: `${spot.left}px`, top: `${spot.top}px` });
      return;
    }
    const spot = placePanel(boxOf(at), box, viewport);
    Object.assign(el.style, { left: `${spot.left}px`, top: `${spot.top}px` });
    if (spot.maxHeight !== undefined) frame.style.maxHeight = `${spot.maxHeight}px`;
  };

  const close = () => {
    shown = 'none';
    range = null;
    const el = ui?.mounted;
    if (el) {
      render(null, el);
      el.style.display = 'none';
    }
  };

  /** The selection as a Range worth annotating, or null. */
  const currentRange = (): Range | null => {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const r = selection.getRangeAt(0);
    const text = r.toString().trim();
    if (!text || text.length > MAX_SELECTION_CHARS) return null;
    if (actions.isOurs(r.commonAncestorContainer) || isEditable(r.commonAncestorContainer)) return null;
    return r.cloneRange();
  };

  const openEditor = async (at: Range, request: EditorRequest): Promise<void> => {
    const el = await root();
    shown = 'editor';
    range = at;
    render(
      <PageEditor
        quote={at.toString().replace(/\s+/g, ' ').trim()}
        claimLabel={request.claimLabel}
        heading={request.heading}
        initialNote={request.initialNote}
        initialTags={request.initialTags}
        save={request.save}
        close={() => {
          close();
          doc.getSelection()?.removeAllRanges();
        }}
      />,
      el,
    );
    place(el, at, true);
  };

  const openOnSelection = (at: Range): Promise<void> => {
    const match = actions.claimAt(at);
    return openEditor(at, { heading: 'Annotate', claimLabel: match?.claimLabel, save: (draft) => actions.save(at, draft, match) });
  };

  const offerButton = async (): Promise<void> => {
    if (shown === 'editor') return;
    const at = currentRange();
    if (!at) return shown === 'button' ? close() : undefined;
    const el = await root();
    range = at;
    shown = 'button';
    render(
      <button
        type="button"
        class="cc-sel-button"
        // Keeps the page's selection: without it, pressing the button would clear what it is about.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void openOnSelection(at)}
      >
        Annotate
      </button>,
      el,
    );
    place(el, at, false);
  };

  const owns = (node: EventTarget | null): boolean => node instanceof Node && ui !== null && (ui.shadowHost === node || ui.shadowHost.contains(node));

  const fromPage = (e: Event) => {
    if (!isTrustedInput(e)) return;
    if (owns(e.target)) return;
    ctx.setTimeout(() => void offerButton(), 0);
  };
  ctx.addEventListener(doc, 'mouseup', fromPage);
  ctx.addEventListener(doc, 'keyup', (e) => {
    if (e.shiftKey || e.key === 'Shift') fromPage(e);
  });
  ctx.addEventListener(doc, 'selectionchange', () => {
    if (shown === 'button' && range && !currentRange()) close();
  });
  // The panel follows its passage as the page scrolls or resizes (as the card does); a hovered note just goes.
  const follow = () => {
    const el = ui?.mounted;
    if (!el || !range || shown === 'none') return;
    if (shown === 'note') close();
    else place(el, range, shown === 'editor');
  };
  ctx.addEventListener(window, 'scroll', follow, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', follow, { passive: true });

  return {
    async openForSelection() {
      const at = currentRange() ?? (shown === 'button' ? range : null);
      if (!at) return false;
      await openOnSelection(at);
      return true;
    },
    openEditor,
    async showNote(at, content) {
      if (shown === 'editor' || shown === 'button') return;
      const el = await root();
      shown = 'note';
      range = at;
      render(content, el);
      place(el, at, true);
    },
    get editing() {
      return shown === 'editor';
    },
    owns,
    hideNote() {
      if (shown === 'note') close();
    },
    close,
  };
}
