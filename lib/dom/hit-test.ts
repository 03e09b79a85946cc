/**
 * Which highlight is under a point. Custom highlights are not elements, so they get no mouse events: the
 * card opens on hover by asking the caret position under the pointer and comparing it with each range.
 */
import type { Highlighter } from './highlighter';

/** Caret (node and offset) under a viewport point, from whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** True when the point lies inside one of the range's line boxes (the caret snaps to the nearest text). */
function pointInRects(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * Id of the highlight under viewport point `(x, y)`, or null. When highlights nest, the shortest wins, so an
 * annotation inside a highlighted sentence stays reachable.
 */
export function hitTest(highlighter: Highlighter, doc: Document, x: number, y: number): string | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let best: { id: string; length: number } | null = null;
  for (const id of highlighter.ids()) {
    const range = highlighter.rangeOf(id);
    if (!range || !isCaretInRange(range, caret.node, caret.offset)) continue;
    if (!pointInRects(range, x, y)) continue;
    const length = range.toString().length;
    if (!best || length < best.length) best = { id, length };
  }
  return best?.id ?? null;
}

function isCaretInRange(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    // The caret can sit in a node of another tree (a shadow root, an iframe): not ours.
    return false;
  }
}
