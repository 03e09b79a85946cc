/**
 * How Crosscheck puts UI into a page it does not trust (issue 15): every in-page surface (the card, the editor,
 * the selection button) lives in a CLOSED shadow root, so page scripts get `host.shadowRoot === null` and cannot
 * read the claim, the reader's notes or the editor's text, nor reach a button to click; and the root drops every
 * untrusted input event (`isTrusted === false`: made by a script with `dispatchEvent`, `click()`...) before it
 * reaches our handlers, so only the reader's own input acts.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

/**
 * Input events an in-page UI acts on. Any of them made by a script is stopped at the shadow root, in the capture
 * phase, before our handlers see it. (Focus and scroll events are not input; WXT's `isolateEvents` already
 * keeps key events from leaking out to the page.)
 */
export const GUARDED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
] as const;

/** True when `e` was made by the user agent for real input, not by a script. */
export function isTrustedInput(e: Event): boolean {
  return e.isTrusted;
}

/** Stops untrusted input events at `root` (a shadow root) before they reach anything inside it. */
export function dropUntrustedInput(root: EventTarget, signal?: AbortSignal): void {
  const stop = (e: Event) => {
    if (isTrustedInput(e)) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, stop, { capture: true, signal });
}

/** Options of {@link createClosedUi}: WXT's shadow-root options less those fixed here. */
export interface ClosedUiOptions<T> {
  /** Tag of the shadow host (a custom element name). */
  name: string;
  /** CSS inlined into the shadow root (nothing is fetched, so no file has to be web-accessible). */
  css: string;
  onMount(body: HTMLElement): T;
  onRemove?(mounted: T | undefined): void;
}

/** A mounted in-page UI in a closed shadow root that ignores untrusted input. */
export async function createClosedUi<T>(ctx: ContentScriptContext, options: ClosedUiOptions<T>): Promise<ShadowRootContentScriptUi<T>> {
  const ui = await createShadowRootUi<T>(ctx, {
    name: options.name,
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    css: options.css,
    onMount: (body) => options.onMount(body),
    onRemove: (mounted) => options.onRemove?.(mounted),
  });
  dropUntrustedInput(ui.shadow, ctx.signal);
  ui.mount();
  return ui;
}
