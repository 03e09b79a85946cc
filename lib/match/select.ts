/** Order statistics for the candidate search's k-th best score. */

/**
 * The `k`-th largest of the first `n` of `values` (1-based; -Infinity when there are fewer than `k`): a min-heap
 * of the k best so far, so O(n log k) whatever the values (many equal scores are common).
 */
export function kthLargest(values: Float64Array, k: number, n = values.length): number {
  if (k < 1 || n < k) return -Infinity;
  const heap = values.slice(0, k);
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(heap, i, heap[i]!);
  for (let i = k; i < n; i++) {
    const v = values[i]!;
    if (v > heap[0]!) siftDown(heap, 0, v);
  }
  return heap[0]!;
}

/** Places `v` at position `i` of min-heap `heap` and sifts it down to its place. */
function siftDown(heap: Float64Array, i: number, v: number): void {
  const n = heap.length;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= v) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = v;
}
