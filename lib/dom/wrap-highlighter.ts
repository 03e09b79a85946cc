/**
 * Wrapping fallback of the highlighter for browsers without the CSS Custom Highlight API: each highlight is
 * a set of `<mark data-crosscheck="<id>">` elements around text-node slices. Removing a highlight unwraps its
 * marks and merges back exactly the text nodes this module split, so clearing restores the original DOM
 * (same nodes, same text) even when highlights overlap and are removed in any order.
 */
import { ACTIVE_ATTRIBUTE, CUE_ATTRIBUTE, type HighlightKind, ensureHighlightStyle } from './highlight-style';
import type { Highlighter } from './highlighter-types';
import { isSkippedElement } from './text-map';

/** A slice of one text node covered by a range. */
interface Slice {
  node: Text;
  start: number;
  end: number;
}

/** Whitespace-only slices are not wrapped: a `<mark>` between `<li>`s or table cells would be invalid markup. */
const BLANK = /^\s*$/;

function inSkippedElement(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el === root) break;
  }
  return false;
}

/** Text-node slices covered by `range`, computed before any mutation. */
function slicesOf(range: Range): Slice[] {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) {
    return [{ node: root as Text, start: range.startOffset, end: range.endOffset }];
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const slices: Slice[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start && !inSkippedElement(node, root)) slices.push({ node, start, end });
  }
  return slices;
}

/** Creates the wrapping highlighter (see the module comment). */
export function createWrappingHighlighter(doc: Document): Highlighter {
  ensureHighlightStyle(doc);
  const marks = new Map<string, { kind: HighlightKind; elements: HTMLElement[] }>();
  /** Text nodes created by our own `splitText` calls; only these are merged back on removal. */
  const created = new WeakSet<Text>();

  const split = (node: Text, offset: number): Text => {
    const tail = node.splitText(offset);
    created.add(tail);
    return tail;
  };

  const wrap = (slice: Slice, id: string, kind: HighlightKind): HTMLElement | null => {
    if (BLANK.test(slice.node.data.slice(slice.start, slice.end))) return null;
    let target = slice.node;
    if (slice.end < target.length) split(target, slice.end);
    if (slice.start > 0) target = split(target, slice.start);
    const mark = doc.createElement('mark');
    mark.setAttribute('data-crosscheck', id);
    mark.setAttribute('data-crosscheck-kind', kind);
    target.parentNode?.insertBefore(mark, target);
    mark.appendChild(target);
    return mark;
  };

  /** Merges `node` into its previous sibling when one of them came from our split. */
  const mergeAround = (node: Text): void => {
    const next = node.nextSibling;
    if (next && next.nodeType === 3 && created.has(next as Text)) {
      node.appendData((next as Text).data);
      next.remove();
    }
    const prev = node.previousSibling;
    if (prev && prev.nodeType === 3 && created.has(node)) {
      (prev as Text).appendData(node.data);
      node.remove();
    }
  };

  const unwrap = (mark: HTMLElement): void => {
    const parent = mark.parentNode;
    if (!parent) return;
    const moved: Node[] = [...mark.childNodes];
    for (const child of moved) parent.insertBefore(child, mark);
    mark.remove();
    for (const child of moved) if (child.nodeType === 3 && child.parentNode) mergeAround(child as Text);
  };

  let activeId: string | null = null;
  const setActive = (id: string | null): void => {
    if (activeId !== null) marks.get(activeId)?.elements.forEach((m) => m.removeAttribute(ACTIVE_ATTRIBUTE));
    const next = id === null ? undefined : marks.get(id);
    activeId = next ? id : null;
    next?.elements.forEach((m) => m.setAttribute(ACTIVE_ATTRIBUTE, ''));
  };

  const remove = (id: string): boolean => {
    const entry = marks.get(id);
    if (!entry) return false;
    if (activeId === id) setActive(null);
    for (const mark of entry.elements) unwrap(mark);
    marks.delete(id);
    return true;
  };

  return {
    mode: 'wrap',
    add(id, range, kind, cue = null) {
      const wasActive = activeId === id;
      remove(id);
      const elements: HTMLElement[] = [];
      for (const slice of slicesOf(range)) {
        const mark = wrap(slice, id, kind);
        if (mark) elements.push(mark);
      }
      // The cue is drawn by CSS after the last mark (a pseudo-element: no text enters the page).
      if (cue) elements[elements.length - 1]?.setAttribute(CUE_ATTRIBUTE, 'figures');
      marks.set(id, { kind, elements });
      if (wasActive) setActive(id);
    },
    setActive,
    activeId: () => activeId,
    remove,
    clear() {
      for (const id of [...marks.keys()].reverse()) remove(id);
    },
    rangeOf(id) {
      const elements = marks.get(id)?.elements.filter((m) => m.isConnected);
      const first = elements?.[0];
      const last = elements?.[elements.length - 1];
      if (!first || !last) return null;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      return range;
    },
    kindOf: (id) => marks.get(id)?.kind ?? null,
    ids: () => [...marks.keys()],
  };
}
