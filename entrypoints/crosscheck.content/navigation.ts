/**
 * Keyboard navigation between highlighted claims. The claim moved to is filled (the highlighter's active
 * highlight), scrolled into view and announced in a live region. No text is selected: a selection would pop
 * the Annotate button over the card, and would replace whatever the reader had selected. Whatever had focus
 * in the page is blurred, so that Enter opens the claim's card rather than following a link focused before.
 */
import type { Painter } from './painter';

/** Where in the viewport a claim moved to lands: a third from the top reads naturally. */
const SCROLL_FRACTION = 1 / 3;

export class ClaimNavigator {
  private current: string | null = null;

  constructor(
    private readonly painter: Painter,
    private readonly announce: (text: string) => void,
  ) {}

  /** Moves to the next (1) or previous (-1) marked claim in reading order, wrapping around; returns its id. */
  move(direction: 1 | -1): { id: string; index: number; total: number } | null {
    const list = this.painter.ordered(true);
    if (list.length === 0) return null;
    const at = list.findIndex((e) => e.id === this.current);
    const index = at < 0 ? (direction > 0 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    const entry = list[index];
    return entry && this.show(entry.id, index, list.length) ? { id: entry.id, index, total: list.length } : null;
  }

  /** Moves to the claim `id` (the popup's "Show on page", marked or not); false when it is no longer on the page. */
  moveTo(id: string): boolean {
    const list = this.painter.ordered();
    const index = list.findIndex((e) => e.id === id);
    return index >= 0 && this.show(id, index, list.length);
  }

  /** Scrolls to the claim, fills it and announces it. */
  private show(id: string, index: number, total: number): boolean {
    const entry = this.painter.get(id);
    const range = this.painter.rangeOf(id);
    if (!entry || !range) return false;
    this.current = id;
    scrollToRange(range);
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body) focused.blur();
    this.painter.setActive(id);
    this.announce(`Claim ${index + 1} of ${total}: ${entry.match.claimLabel}`);
    return true;
  }

  /** The claim moved to, until the reader moves on ({@link leave}) or it leaves the page. */
  currentId(): string | null {
    if (this.current && !this.painter.get(this.current)) this.current = null;
    return this.current;
  }

  /** The reader clicked or focused something else: the claim moved to is no longer current. */
  leave(): void {
    if (this.current === null) return;
    this.current = null;
    this.painter.setActive(null);
  }
}

function scrollToRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= innerHeight) return;
  scrollBy({ top: rect.top - innerHeight * SCROLL_FRACTION, behavior: 'instant' });
}
