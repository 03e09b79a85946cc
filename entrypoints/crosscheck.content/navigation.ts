/**
 * Keyboard navigation between highlighted claims: the current claim is shown by selecting its sentence (the
 * browser's own, accessible focus for text), scrolled into view, and announced in a live region.
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

  /** Moves to the next (1) or previous (-1) claim in reading order, wrapping around; returns its id. */
  move(direction: 1 | -1): { id: string; index: number; total: number } | null {
    const list = this.painter.ordered();
    if (list.length === 0) return null;
    const at = list.findIndex((e) => e.id === this.current);
    const index = at < 0 ? (direction > 0 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
    const entry = list[index];
    return entry && this.show(entry.id, index, list.length) ? { id: entry.id, index, total: list.length } : null;
  }

  /** Moves to the claim `id` (the popup's "Show on page"); false when it is no longer painted. */
  moveTo(id: string): boolean {
    const list = this.painter.ordered();
    const index = list.findIndex((e) => e.id === id);
    return index >= 0 && this.show(id, index, list.length);
  }

  /** Scrolls to the claim, selects its sentence and announces it. */
  private show(id: string, index: number, total: number): boolean {
    const entry = this.painter.get(id);
    const range = this.painter.rangeOf(id);
    if (!entry || !range) return false;
    this.current = id;
    scrollToRange(range);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    this.announce(`Claim ${index + 1} of ${total}: ${entry.match.claimLabel}`);
    return true;
  }

  /** The claim moved to, while its sentence is still the selection (the reader has not moved on). */
  currentId(): string | null {
    if (!this.current) return null;
    const range = this.painter.rangeOf(this.current);
    const selection = getSelection();
    if (!range || !selection || selection.rangeCount !== 1) return null;
    const selected = selection.getRangeAt(0);
    const same =
      selected.compareBoundaryPoints(Range.START_TO_START, range) === 0 &&
      selected.compareBoundaryPoints(Range.END_TO_END, range) === 0;
    return same ? this.current : null;
  }
}

function scrollToRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= innerHeight) return;
  scrollBy({ top: rect.top - innerHeight * SCROLL_FRACTION, behavior: 'instant' });
}
