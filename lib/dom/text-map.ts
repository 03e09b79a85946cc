/**
 * Text of a block element as the matcher sees it, with a map from every character back to the DOM.
 *
 * The block text is the concatenation of its visible text nodes (across links, `<em>`, `<span>`, ...), with
 * every run of whitespace collapsed to one space and the ends trimmed. Each character of that text remembers
 * the text node and offset it came from, so a `[start, end)` slice of the text maps back to a DOM Range.
 */

/** Elements whose text is never read: code, styling, embedded content and form controls. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'TEXTAREA', 'SELECT', 'BUTTON',
]);

/**
 * Elements that separate words even without whitespace in the source (`<li>a</li><li>b</li>`, `a<br>b`).
 * A virtual space is inserted between them; it maps to no DOM position.
 */
const BREAKING_TAGS = new Set([
  'BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE',
  'TABLE', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'HR',
]);

/** Any whitespace, including the non-breaking space that news templates use between figures and units. */
const WHITESPACE = /\s/;

/** Block text plus, per character, where it came from. */
export interface TextMap {
  /** The block element the map was built for. */
  block: Element;
  /** Normalised text: whitespace runs collapsed to one space, trimmed. */
  text: string;
  /** Text nodes that contributed characters, in document order. */
  nodes: Text[];
  /** For each character of `text`: index into `nodes`, or -1 for a virtual separator. */
  charNode: Int32Array;
  /** For each character of `text`: UTF-16 offset in its text node (first char of a collapsed whitespace run). */
  charOffset: Int32Array;
}

/** True when an element and its subtree contribute no visible text. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** Mutable builder state shared by the walk. */
interface Builder {
  chars: string[];
  nodeIdx: number[];
  offsets: number[];
  nodes: Text[];
  /** A space is owed before the next visible character (whitespace seen or a breaking element crossed). */
  pendingSpace: { node: number; offset: number } | null;
}

function pushChar(b: Builder, ch: string, node: number, offset: number): void {
  if (b.pendingSpace && b.chars.length > 0) {
    b.chars.push(' ');
    b.nodeIdx.push(b.pendingSpace.node);
    b.offsets.push(b.pendingSpace.offset);
  }
  b.pendingSpace = null;
  b.chars.push(ch);
  b.nodeIdx.push(node);
  b.offsets.push(offset);
}

function addTextNode(b: Builder, node: Text): void {
  const data = node.data;
  if (data.length === 0) return;
  const idx = b.nodes.push(node) - 1;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i] as string;
    if (WHITESPACE.test(ch)) {
      if (!b.pendingSpace) b.pendingSpace = { node: idx, offset: i };
    } else {
      pushChar(b, ch, idx, i);
    }
  }
}

function markBreak(b: Builder): void {
  if (!b.pendingSpace) b.pendingSpace = { node: -1, offset: 0 };
}

function walk(b: Builder, parent: Node): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      addTextNode(b, child as Text);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (isSkippedElement(el)) continue;
      const breaking = BREAKING_TAGS.has(el.tagName.toUpperCase());
      if (breaking) markBreak(b);
      walk(b, el);
      if (breaking) markBreak(b);
    }
  }
}

/** Builds the normalised text of `block` and its character-to-DOM map. */
export function buildTextMap(block: Element): TextMap {
  const b: Builder = { chars: [], nodeIdx: [], offsets: [], nodes: [], pendingSpace: null };
  walk(b, block);
  return {
    block,
    text: b.chars.join(''),
    nodes: b.nodes,
    charNode: Int32Array.from(b.nodeIdx),
    charOffset: Int32Array.from(b.offsets),
  };
}

/** Normalised text of `block` (the `text` of {@link buildTextMap}). */
export function blockText(block: Element): string {
  return buildTextMap(block).text;
}

/**
 * Maps `[start, end)` of `map.text` to a Range over the block's text nodes. Virtual separators at the edges
 * are skipped; a slice with no real character gives a collapsed range at the nearest position.
 * @throws RangeError when the offsets are outside the text or reversed.
 */
export function rangeFromMap(map: TextMap, start: number, end: number): Range {
  if (start < 0 || end > map.text.length || start > end) {
    throw new RangeError(`offsets [${start}, ${end}) outside block text of length ${map.text.length}`);
  }
  const range = map.block.ownerDocument.createRange();
  let first = start;
  while (first < end && map.charNode[first] === -1) first++;
  let last = end - 1;
  while (last >= first && map.charNode[last] === -1) last--;
  if (first > last) {
    range.selectNodeContents(map.block);
    range.collapse(true);
    return range;
  }
  range.setStart(nodeAt(map, first), map.charOffset[first] as number);
  range.setEnd(nodeAt(map, last), (map.charOffset[last] as number) + 1);
  return range;
}

function nodeAt(map: TextMap, char: number): Text {
  return map.nodes[map.charNode[char] as number] as Text;
}

/**
 * Maps `[start, end)` of the normalised text of `block` to a DOM Range. Builds a fresh map on every call, so
 * it stays correct after the page (or the wrapping highlighter) has split text nodes.
 */
export function rangeFor(block: Element, start: number, end: number): Range {
  return rangeFromMap(buildTextMap(block), start, end);
}
