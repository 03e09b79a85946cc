/**
 * From reading blocks to the sentences sent for matching, and the page facts that go with them (its date).
 */
import { splitSentences } from '../../lib/corpus/sentences';
import { BLOCK_SELECTOR, isLeafBlock, leafBlocks } from '../../lib/dom/blocks';

/** One sentence of a reading block, with its offsets in the block's normalised text. */
export interface BlockSentence {
  block: Element;
  start: number;
  end: number;
  text: string;
}

/**
 * Sentences shorter than this many words are not sent: captions, datelines and "Advertisement" never state a
 * checkable claim, and the matcher would abstain on them anyway. Too high would skip short claims
 * ("Russia denied the strike." is 4 words).
 */
export const MIN_WORDS = 4;

/** The sentences of a block whose normalised text is `text`. */
export function sentencesOf(block: Element, text: string): BlockSentence[] {
  return splitSentences(text)
    .filter((s) => s.text.split(/\s+/).length >= MIN_WORDS)
    .map((s) => ({ block, start: s.start, end: s.start + s.text.length, text: s.text }));
}

/** The reading block that contains `node`, or null. */
export function enclosingBlock(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (; el; el = el.parentElement) {
    if (el.matches(BLOCK_SELECTOR + ', div') && isLeafBlock(el)) return el;
  }
  return null;
}

/** Reading blocks at or under `node` (an added subtree), or the block that contains it. */
export function blocksAround(node: Node): Element[] {
  if (node.nodeType === 1) {
    const inside = leafBlocks(node as Element);
    if (inside.length > 0) return inside;
  }
  const block = enclosingBlock(node);
  return block ? [block] : [];
}

/** Reading blocks that the range touches, in document order. */
export function blocksInRange(range: Range): Element[] {
  const root = range.commonAncestorContainer;
  const around = enclosingBlock(root);
  if (around) return [around];
  return root.nodeType === 1 ? leafBlocks(root as Element).filter((el) => range.intersectsNode(el)) : [];
}

/** Publication date of the page (ISO `yyyy-mm-dd`) from the usual article metadata, or null. */
export function pageDate(doc: Document): string | null {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('meta[name="date"], meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('article time[datetime], main time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const value of candidates) {
    const iso = /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')?.[0];
    if (iso) return iso;
  }
  return null;
}
