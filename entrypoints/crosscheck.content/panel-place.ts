/**
 * Where the in-page annotation panels go: next to their passage, inside the viewport, never over the passage
 * (issue 12: the editor used to be printed over the article).
 */

/** Gap between the passage and the panel, and the least distance kept from the viewport edges (px). */
const GAP = 6;
const MARGIN = 8;

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a panel of `size` goes next to a passage whose line boxes span `passage`: below it if it fits, else
 * above, else beside it (right, then left), all inside the viewport. When none fits, it goes where there is
 * more room above or below and `maxHeight` shrinks it (it scrolls) so that it still covers nothing.
 */
export function placePanel(
  passage: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number; maxHeight?: number } {
  const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max));
  const left = clamp(passage.left, MARGIN, viewport.width - size.width - MARGIN);
  const below = passage.bottom + GAP;
  if (below + size.height <= viewport.height - MARGIN) return { left, top: below };
  const above = passage.top - GAP - size.height;
  if (above >= MARGIN) return { left, top: above };
  const top = clamp(passage.top, MARGIN, viewport.height - size.height - MARGIN);
  if (passage.right + GAP + size.width <= viewport.width - MARGIN) return { left: passage.right + GAP, top };
  if (passage.left - GAP - size.width >= MARGIN) return { left: passage.left - GAP - size.width, top };
  const roomBelow = viewport.height - MARGIN - below;
  const roomAbove = passage.top - GAP - MARGIN;
  return roomBelow >= roomAbove ? { left, top: below, maxHeight: Math.max(0, roomBelow) } : { left, top: MARGIN, maxHeight: Math.max(0, roomAbove) };
}

/** The union of a range's line boxes. */
export function boxOf(range: Range): Box {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return range.getBoundingClientRect();
  return {
    left: Math.min(...rects.map((r) => r.left)),
    top: Math.min(...rects.map((r) => r.top)),
    right: Math.max(...rects.map((r) => r.right)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
  };
}
