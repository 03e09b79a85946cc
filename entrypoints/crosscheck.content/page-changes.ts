/**
 * Limits on the work a page's own changes can cause in the reader (issue 15, hostile pages). A page decides
 * how much it changes: a live blog adds a paragraph now and then, a hostile or broken one adds 10,000 nodes a
 * second or a 5 MB text node. Change handling is therefore sliced at background priority (./slice.ts), merges
 * the batches that arrive meanwhile, and reads a bounded number of blocks of bounded size per pass.
 */
import type { PageChanges } from './observer';

/**
 * Longest block text (characters) read after a page change. An article paragraph has a few hundred to a few
 * thousand; above this, mapping and splitting the text alone takes tens of milliseconds per block (a 5 MB
 * text node took seconds), and no claim sentence needs it.
 */
export const MAX_BLOCK_CHARS = 20_000;

/**
 * Most blocks read per pass over merged changes. Infinite scroll appends a few dozen paragraphs at once; a
 * page that adds more between two passes gets the first ones read, and the rest of that burst is skipped.
 */
export const MAX_BLOCKS_PER_PASS = 300;

/** Most added or touched nodes kept per pass (the rest of a storm is dropped before any work is done on it). */
export const MAX_NODES_PER_PASS = 3_000;

/**
 * After a pass that took longer than this (ms, wall time), the next one waits as long as it took, up to
 * {@link MAX_REST_MS}: a page that changes non-stop gets at least half of its main thread back, while a live
 * blog's paragraph (a pass of a millisecond or two) is read at once.
 */
export const REST_AFTER_MS = 50;
export const MAX_REST_MS = 1_000;

/** Batches waiting for a pass before they are merged into one (which caps their nodes). */
export const MAX_BACKLOG_BATCHES = 8;

/** Batches merged into one: nodes kept once, in order, up to {@link MAX_NODES_PER_PASS} of each kind. */
export function mergeChanges(batches: readonly PageChanges[]): PageChanges {
  const added = new Set<Node>();
  const touched = new Set<Node>();
  let removed = false;
  for (const batch of batches) {
    for (const node of batch.added) if (added.size < MAX_NODES_PER_PASS) added.add(node);
    for (const node of batch.touched) if (touched.size < MAX_NODES_PER_PASS) touched.add(node);
    removed ||= batch.removed;
  }
  return { added: [...added], touched: [...touched], removed };
}

/** True when the text under `root` is longer than `max` characters (stops counting as soon as it is). */
export function textLongerThan(root: Node, max: number): boolean {
  if (root.nodeType === 3) return (root as Text).length > max;
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    length += (node as Text).length;
    if (length > max) return true;
  }
  return false;
}
