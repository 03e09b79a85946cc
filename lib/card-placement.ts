/**
 * Where the in-page card goes: beside the sentence it explains, never over it. Pure geometry, so that it can
 * be tested without a browser.
 *
 * Order of preference: below the sentence, above it, to its right, to its left, each only when the card fits
 * there at its natural height or at least {@link MIN_CARD_HEIGHT} (the card then scrolls inside the room it
 * has). When no side has that much room, the side with the most room is taken, still without covering the
 * sentence.
 */

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The card's position and, when it must be shorter than its natural height, its maximum height. */
export interface CardPlacement {
  left: number;
  top: number;
  /** Set when the room on the chosen side is less than the card's natural height. */
  maxHeight?: number;
  side: 'below' | 'above' | 'right' | 'left';
}

/** Gap between the sentence and the card, and the least distance kept from the viewport edges (px). */
export const CARD_GAP = 6;
export const CARD_MARGIN = 8;
/** Height below which a shortened card no longer shows its first screen (claim line and figure rows). */
export const MIN_CARD_HEIGHT = 220;

/** The bounding box of a sentence's line boxes. */
export function unionBox(rects: ReadonlyArray<Box>): Box | null {
  if (rects.length === 0) return null;
  return rects.reduce((u, r) => ({
    left: Math.min(u.left, r.left),
    top: Math.min(u.top, r.top),
    right: Math.max(u.right, r.right),
    bottom: Math.max(u.bottom, r.bottom),
  }));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, Math.max(lo, hi)));
}

/** Places a card of `size` next to `sentence` inside `viewport`; see the module comment. */
export function placeCard(sentence: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): CardPlacement {
  const roomBelow = viewport.height - CARD_MARGIN - (sentence.bottom + CARD_GAP);
  const roomAbove = sentence.top - CARD_GAP - CARD_MARGIN;
  const roomRight = viewport.width - CARD_MARGIN - (sentence.right + CARD_GAP);
  const roomLeft = sentence.left - CARD_GAP - CARD_MARGIN;
  const fullHeight = viewport.height - 2 * CARD_MARGIN;
  const left = clamp(sentence.left, CARD_MARGIN, viewport.width - size.width - CARD_MARGIN);
  const vertical = (side: 'below' | 'above', room: number): CardPlacement => {
    const height = Math.min(size.height, room);
    const top = side === 'below' ? sentence.bottom + CARD_GAP : sentence.top - CARD_GAP - height;
    return { left, top, side, ...(height < size.height ? { maxHeight: Math.max(0, room) } : {}) };
  };
  const beside = (side: 'right' | 'left'): CardPlacement => {
    const height = Math.min(size.height, fullHeight);
    const top = clamp(sentence.top, CARD_MARGIN, viewport.height - height - CARD_MARGIN);
    const x = side === 'right' ? sentence.right + CARD_GAP : sentence.left - CARD_GAP - size.width;
    return { left: x, top, side, ...(height < size.height ? { maxHeight: fullHeight } : {}) };
  };
  const need = Math.min(size.height, MIN_CARD_HEIGHT);
  if (roomBelow >= size.height) return vertical('below', roomBelow);
  if (roomAbove >= size.height) return vertical('above', roomAbove);
  if (roomRight >= size.width) return beside('right');
  if (roomLeft >= size.width) return beside('left');
  if (Math.max(roomBelow, roomAbove) >= need) return roomBelow >= roomAbove ? vertical('below', roomBelow) : vertical('above', roomAbove);
  return roomBelow >= roomAbove ? vertical('below', Math.max(roomBelow, 0)) : vertical('above', Math.max(roomAbove, 0));
}

/** True when two boxes overlap (share more than an edge). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
