/**
 * Edit distances for re-anchoring: a plain Levenshtein distance for short context strings, and a semi-global
 * alignment that finds the best place for a whole quote inside a window of page text.
 */

/** Levenshtein distance between two strings (O(|a|·|b|); meant for the 32-character context). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j - 1] as number) + cost, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** 1 for identical strings, 0 for nothing in common; two empty strings are identical. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

/** Best placement of a pattern in a text window. */
export interface Alignment {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) between the pattern and `text.slice(start, end)`. */
  errors: number;
}

/**
 * Aligns all of `pattern` against some substring of `text.slice(from, to)` with the fewest edits (free start and
 * end in the text). Returns null when every placement needs more than `maxErrors` edits; stops early as soon as
 * a whole row exceeds it. Ties go to the placement whose length is closest to the pattern's.
 */
export function alignWithin(pattern: string, text: string, from: number, to: number, maxErrors: number): Alignment | null {
  const m = pattern.length;
  const w = Math.max(0, to - from);
  let prev = new Int32Array(w + 1);
  let cur = new Int32Array(w + 1);
  let prevStart = Int32Array.from({ length: w + 1 }, (_, j) => j);
  let curStart = new Int32Array(w + 1);
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    cur[0] = i;
    curStart[0] = 0;
    let rowMin = i;
    for (let j = 1; j <= w; j++) {
      const diag = (prev[j - 1] as number) + (text.charCodeAt(from + j - 1) === p ? 0 : 1);
      const up = (prev[j] as number) + 1;
      const left = (cur[j - 1] as number) + 1;
      if (diag <= up && diag <= left) {
        cur[j] = diag;
        curStart[j] = prevStart[j - 1] as number;
      } else if (up <= left) {
        cur[j] = up;
        curStart[j] = prevStart[j] as number;
      } else {
        cur[j] = left;
        curStart[j] = curStart[j - 1] as number;
      }
      if ((cur[j] as number) < rowMin) rowMin = cur[j] as number;
    }
    if (rowMin > maxErrors) return null;
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return bestEnd(prev, prevStart, from, m, maxErrors);
}

function bestEnd(row: Int32Array, starts: Int32Array, from: number, m: number, maxErrors: number): Alignment | null {
  let best: Alignment | null = null;
  for (let j = 0; j < row.length; j++) {
    const errors = row[j] as number;
    if (errors > maxErrors) continue;
    const start = from + (starts[j] as number);
    const end = from + j;
    const better =
      !best || errors < best.errors ||
      (errors === best.errors && Math.abs(end - start - m) < Math.abs(best.end - best.start - m));
    if (better) best = { start, end, errors };
  }
  return best;
}
