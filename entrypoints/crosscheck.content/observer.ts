/**
 * The one MutationObserver of the content script. Records are collected and handled together at most every
 * {@link MUTATION_BATCH_MS}, so a live blog that rewrites itself many times a second costs one pass.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Delay between the first unhandled change and its handling. Longer waits merge more changes (infinite
 * scroll appends a dozen paragraphs in a burst) but make a new paragraph wait longer for its highlight.
 */
export const MUTATION_BATCH_MS = 150;

/**
 * Mutation records held between two batches. At 10,000 added nodes a second a batch window sees about 1,500;
 * past this the rest of the burst is dropped unread rather than held (its first nodes are read). See
 * ./page-changes.ts for the other limits on what a page's changes can cost.
 */
export const MAX_PENDING_RECORDS = 5_000;

/** What changed since the last batch. */
export interface PageChanges {
  /** Nodes added to the page (elements and text), still connected. */
  added: Node[];
  /** Nodes whose children or text changed (targets of the records). */
  touched: Node[];
  /** True when something was removed. */
  removed: boolean;
}

/**
 * Watches `root` and calls `onChanges` with batched changes. Nodes for which `ignore` is true (our own card)
 * are left out. The observer is disconnected when the content script is invalidated.
 */
export function watchPage(
  ctx: ContentScriptContext,
  root: Node,
  ignore: (node: Node) => boolean,
  onChanges: (changes: PageChanges) => void,
): void {
  let pending: MutationRecord[] = [];
  let timer: number | null = null;
  const flush = () => {
    timer = null;
    const records = pending.concat(observer.takeRecords().slice(0, Math.max(0, MAX_PENDING_RECORDS - pending.length)));
    pending = [];
    const changes = summarise(records, ignore);
    if (changes.added.length > 0 || changes.touched.length > 0 || changes.removed) onChanges(changes);
  };
  const observer = new MutationObserver((records) => {
    // A storm beyond the cap is dropped here, before any work is done on it.
    const room = MAX_PENDING_RECORDS - pending.length;
    if (room > 0) pending.push(...(records.length > room ? records.slice(0, room) : records));
    if (timer === null) timer = ctx.setTimeout(flush, MUTATION_BATCH_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}

function summarise(records: MutationRecord[], ignore: (node: Node) => boolean): PageChanges {
  const added = new Set<Node>();
  const touched = new Set<Node>();
  let removed = false;
  for (const record of records) {
    if (ignore(record.target)) continue;
    touched.add(record.target);
    record.addedNodes.forEach((node) => {
      if (node.isConnected && !ignore(node)) added.add(node);
    });
    if (record.removedNodes.length > 0) removed = true;
  }
  return { added: [...added], touched: [...touched], removed };
}
