/**
 * Keyboard access: Alt+Shift+J / Alt+Shift+K move to the next / previous highlighted claim (the same keys as
 * the extension's commands, which reach us as `moveClaim` messages when the browser owns the shortcut),
 * Enter opens the card of the claim moved to, Esc closes the card. Only the reader's own keys count: a page
 * script's synthetic `keydown` (`isTrusted` false) moves nothing and opens no card.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Physical keys (`KeyboardEvent.code`, layout and Alt-independent) of the move shortcuts, with Alt+Shift. */
export const NEXT_KEY = 'KeyJ';
export const PREVIOUS_KEY = 'KeyK';

/** What the keys drive. */
export interface KeyTarget {
  move(direction: 1 | -1): void;
  /** Opens the card of the current claim; false when there is none (Enter then does what it did). */
  openCurrent(): boolean;
  /** Closes the card; false when none was open. */
  close(): boolean;
  /** The reader clicked in the page or moved focus: the claim moved to is no longer current. */
  leave(): void;
  /** True for nodes of our own UI (the card's host), whose focus keeps the claim current. */
  isOurs?(node: Node): boolean;
}

/** True when `node` is, or is inside, a form field or editable content (keys and selections there are the page's). */
export function isEditable(node: Node | null): boolean {
  const el = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  return !!el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** Listens to keydown on `doc` for the lifetime of `ctx`. */
export function watchKeys(ctx: ContentScriptContext, doc: Document, target: KeyTarget): void {
  ctx.addEventListener(doc, 'keydown', (e) => {
    if (!e.isTrusted || e.defaultPrevented || e.isComposing) return;
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === NEXT_KEY || e.code === PREVIOUS_KEY)) {
      e.preventDefault();
      target.move(e.code === NEXT_KEY ? 1 : -1);
    } else if (e.key === 'Escape') {
      if (target.close()) e.preventDefault();
    } else if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && !isEditable(doc.activeElement)) {
      if (target.openCurrent()) e.preventDefault();
    }
  });
  ctx.addEventListener(doc, 'pointerdown', (e) => e.isTrusted && !target.isOurs?.(e.target as Node) && target.leave(), { passive: true });
  // Focus landing on something of the page (Tab to a link) ends the move; our own card taking focus does not.
  ctx.addEventListener(doc, 'focusin', (e) => e.isTrusted && e.target !== doc.body && !target.isOurs?.(e.target as Node) && target.leave());
}
