/**
 * Opens the card when the pointer rests on a highlighted sentence and closes it when the pointer has left
 * both the sentence and the card for a moment. Custom highlights get no mouse events, so the sentence under
 * the pointer is found by hit testing (lib/dom/hit-test) once per animation frame at most. Only the reader's
 * own pointer counts: a page script's synthetic `pointermove` (`isTrusted` false) cannot open a card.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Highlighter, hitTest } from '../../lib/dom/index';

/** Rest time on a sentence before its card opens: long enough that sweeping the pointer over text does not flash cards. */
export const HOVER_OPEN_MS = 180;
/** Grace time before a hover card closes, so the pointer can travel from the sentence to the card. */
export const HOVER_CLOSE_MS = 350;

/** What hovering drives. */
export interface HoverTarget {
  highlighter: Highlighter;
  /** True when the pointer is over the card. */
  overCard(target: EventTarget | null): boolean;
  /** Id of the open card's highlight, or null. */
  openId(): string | null;
  /** True when the open card was opened from the keyboard (hover does not close it). */
  pinned(): boolean;
  open(id: string): void;
  close(): void;
}

/** Listens to pointer moves on `doc` for the lifetime of `ctx`. */
export function watchHover(ctx: ContentScriptContext, doc: Document, target: HoverTarget): void {
  let last: { x: number; y: number; over: EventTarget | null } | null = null;
  let frameQueued = false;
  let openTimer: number | null = null;
  let closeTimer: number | null = null;
  let candidate: string | null = null;

  const cancel = (timer: number | null) => {
    if (timer !== null) clearTimeout(timer);
    return null;
  };

  const evaluate = () => {
    frameQueued = false;
    if (!last) return;
    const id = target.overCard(last.over) ? target.openId() : hitTest(target.highlighter, doc, last.x, last.y);
    if (id !== null && id === target.openId()) {
      closeTimer = cancel(closeTimer);
      openTimer = cancel(openTimer);
      candidate = null;
      return;
    }
    if (id !== candidate) {
      openTimer = cancel(openTimer);
      candidate = id;
      if (id !== null) openTimer = ctx.setTimeout(() => target.open(id), HOVER_OPEN_MS);
    }
    if (id === null && target.openId() !== null && !target.pinned() && closeTimer === null) {
      closeTimer = ctx.setTimeout(() => {
        closeTimer = null;
        target.close();
      }, HOVER_CLOSE_MS);
    }
  };

  ctx.addEventListener(
    doc,
    'pointermove',
    (e) => {
      if (!e.isTrusted) return;
      last = { x: e.clientX, y: e.clientY, over: e.target };
      if (!frameQueued) {
        frameQueued = true;
        ctx.requestAnimationFrame(evaluate);
      }
    },
    { passive: true },
  );
}
