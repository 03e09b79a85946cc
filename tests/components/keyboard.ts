/** Keyboard helpers for happy-dom, which has no activation behaviour for keys on buttons. */
import { fireEvent } from '@testing-library/preact';

/**
 * Presses Enter on an element the way a browser does: a keydown, then, for a `<button>` whose keydown was
 * not cancelled, the click that the browser synthesises. A handler that swallows Enter thus fails the test.
 */
export function pressEnter(el: HTMLElement): void {
  el.focus();
  const notCancelled = fireEvent.keyDown(el, { key: 'Enter', code: 'Enter' });
  if (notCancelled && el.tagName === 'BUTTON' && !(el as HTMLButtonElement).disabled) fireEvent.click(el);
  fireEvent.keyUp(el, { key: 'Enter', code: 'Enter' });
}
