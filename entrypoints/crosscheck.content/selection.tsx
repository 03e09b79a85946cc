/**
 * Annotating a text selection: a small "Annotate" button appears next to what the reader selected; it opens
 * the editor panel there. The context menu and the keyboard command open the panel directly. Both live in
 * one closed shadow root (./in-page-ui.ts); the page's selection is copied when the button appears, so clicking
 * cannot lose it. Only the reader's own mouse and keys offer the button: a page script's synthetic events do not.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import themeCss from '../../components/theme.css?inline';
import annotationsCss from '../../components/annotations.css?inline';
import type { AnnotationDraft } from '../../components/AnnotationEditor';
import { PageEditor } from './editor';
import { createClosedUi, isTrustedInput } from './in-page-ui';
import { isEditable } from './keys';

/** Tag of the selection UI's shadow host; the page observer and the text map ignore it. */
export const SELECTION_HOST = 'crosscheck-annotate';
/** Longest selection offered for annotation (characters): a note is about a sentence or a passage, not a page. */
export const MAX_SELECTION_CHARS = 2000;
const GAP = 6;
const MARGIN = 8;
const BUTTON_CSS = `.cc-sel-button { font: 13px/1.2 system-ui, sans-serif; padding: 4px 10px; border-radius: 4px;
  border: 1px solid rgb(150, 80, 230); background: rgb(150, 80, 230); color: #fff; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); }
.cc-sel-button:focus-visible { outline: 2px solid #000; outline-offset: 2px; }`;

/** What the selection UI needs from the reader. */
export interface SelectionActions {
  /** Label of the claim the range matched, if any (shown in the editor). */
  claimAt(range: Range): { claim: string; claimLabel: string } | null;
  /** Saves the annotation; a rejection keeps the panel open with the message. */
  save(range: Range, draft: AnnotationDraft, claim: string | undefined): Promise<unknown>;
  /** True for nodes of our own UI (card, this panel). */
  isOurs(node: Node): boolean;
}

/** The selection button and panel. */
export interface SelectionUi {
  /** Opens the editor on the current selection; false when nothing is selected. */
  openForSelection(): Promise<boolean>;
  close(): void;
}

/** Starts watching selections in `doc` for the life of `ctx`. */
export function watchSelection(ctx: ContentScriptContext, doc: Document, actions: SelectionActions): SelectionUi {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let range: Range | null = null;
  let editing = false;

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

  const place = (el: HTMLElement, at: Range) => {
    const rects = at.getClientRects();
    const rect = rects[rects.length - 1] ?? at.getBoundingClientRect();
    el.style.display = 'block';
    const box = el.getBoundingClientRect();
    const below = rect.bottom + GAP;
    const top = below + box.height <= innerHeight - MARGIN ? below : Math.max(MARGIN, rect.top - GAP - box.height);
    el.style.left = `${Math.max(MARGIN, Math.min(rect.right - box.width, innerWidth - box.width - MARGIN))}px`;
    el.style.top = `${top}px`;
  };

  const close = () => {
    editing = false;
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

  const openEditor = async (at: Range): Promise<void> => {
    const el = await root();
    editing = true;
    range = at;
    const match = actions.claimAt(at);
    render(
      <PageEditor
        quote={at.toString().replace(/\s+/g, ' ').trim()}
        claimLabel={match?.claimLabel}
        heading="Annotate"
        variant="panel"
        save={(draft) => actions.save(at, draft, match?.claim)}
        close={() => {
          close();
          doc.getSelection()?.removeAllRanges();
        }}
      />,
      el,
    );
    place(el, at);
  };

  const offerButton = async (): Promise<void> => {
    if (editing) return;
    const at = currentRange();
    if (!at) return close();
    const el = await root();
    range = at;
    render(
      <button
        type="button"
        class="cc-sel-button"
        // Keeps the page's selection: without it, pressing the button would clear what it is about.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void openEditor(at)}
      >
        Annotate
      </button>,
      el,
    );
    place(el, at);
  };

  const fromPage = (e: Event) => {
    if (!isTrustedInput(e)) return;
    if (e.target instanceof Node && (ui?.shadowHost === e.target || ui?.shadowHost.contains(e.target))) return;
    ctx.setTimeout(() => void offerButton(), 0);
  };
  ctx.addEventListener(doc, 'mouseup', fromPage);
  ctx.addEventListener(doc, 'keyup', (e) => {
    if (e.shiftKey || e.key === 'Shift') fromPage(e);
  });
  ctx.addEventListener(doc, 'selectionchange', () => {
    if (!editing && range && !currentRange()) close();
  });

  return {
    async openForSelection() {
      const at = currentRange() ?? (editing ? null : range);
      if (!at) return false;
      await openEditor(at);
      return true;
    },
    close,
  };
}
