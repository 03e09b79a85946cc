/**
 * Reading blocks: the smallest elements that hold a run of prose (a paragraph, a list item, a heading, a
 * quote, or a `<div>` used as a paragraph). Article extraction picks among them; highlighting maps into them.
 */

/** Elements that are reading blocks whenever they hold text and no nested block. */
export const BLOCK_SELECTOR = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, dd, dt, figcaption, td, th';

/** Block-level tags: a `<div>` that contains one of these is a container, not a paragraph. */
const BLOCK_LEVEL = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE',
  'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN', 'FORM',
]);

function hasBlockDescendant(el: Element): boolean {
  return el.querySelector(BLOCK_SELECTOR + ', div, section, article, table') !== null;
}

function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return true;
  }
  return false;
}

/** A `<div>` with its own text and only inline children, i.e. a paragraph written as a div. */
function isDivParagraph(el: Element): boolean {
  if (el.tagName.toUpperCase() !== 'DIV' || !hasOwnText(el)) return false;
  for (const child of el.children) if (BLOCK_LEVEL.has(child.tagName.toUpperCase())) return false;
  return true;
}

/** True when `el` is a reading block: a block tag (or div-paragraph) without nested blocks. */
export function isLeafBlock(el: Element): boolean {
  if (isDivParagraph(el)) return true;
  return el.matches(BLOCK_SELECTOR) && !hasBlockDescendant(el);
}

/** Leaf reading blocks under `root` (itself included), in document order. */
export function leafBlocks(root: Element): Element[] {
  return [...eachLeafBlock(root)];
}

/** The same as {@link leafBlocks}, lazily: a caller that slices its work gets the blocks as it goes. */
export function* eachLeafBlock(root: Element): Generator<Element> {
  if (isLeafBlock(root)) {
    yield root;
    return;
  }
  for (const el of root.querySelectorAll(BLOCK_SELECTOR + ', div')) {
    if (isLeafBlock(el)) yield el;
  }
}
