/**
 * Gradient-boosted decision trees for the link decision (logistic loss, Newton leaf values): small trees over
 * binned features catch what a linear model cannot (a lexical score that only counts above some level, a name
 * match that only counts with a frame match). Deterministic: bins from sorted values, no sampling.
 */

/** One tree node: a split (feature, threshold: go left when x[feature] <= threshold) or a leaf (value). */
export type TreeNode = { f: number; t: number; l: number; r: number } | { v: number };

/** A fitted ensemble: margin = base + sum of tree leaf values; probability = sigmoid(margin). */
export interface Boosted {
  base: number;
  trees: TreeNode[][];
}

/** Tunables of {@link fitBoosted}. */
export interface BoostOptions {
  rounds: number;
  depth: number;
  rate: number;
  /** Least summed hessian in a leaf (about the least number of uncertain pairs). */
  minLeaf: number;
  /** L2 on leaf values. */
  lambda: number;
  /** Candidate thresholds per feature (quantiles). */
  bins: number;
}

export const BOOST_DEFAULTS: BoostOptions = { rounds: 120, depth: 3, rate: 0.1, minLeaf: 3, lambda: 1, bins: 24 };

/** Margin of one row. */
export function boostedMargin(m: Boosted, x: readonly number[]): number {
  let s = m.base;
  for (const tree of m.trees) {
    let node = tree[0]!;
    while (!('v' in node)) node = tree[x[node.f]! <= node.t ? node.l : node.r]!;
    s += node.v;
  }
  return s;
}

/** Probability of one row. */
export function boostedProbability(m: Boosted, x: readonly number[]): number {
  return 1 / (1 + Math.exp(-boostedMargin(m, x)));
}

/** Quantile thresholds of each feature (distinct, ascending). */
function thresholds(x: readonly number[][], bins: number): number[][] {
  const d = x[0]?.length ?? 0;
  const out: number[][] = [];
  for (let j = 0; j < d; j++) {
    const v = x.map((r) => r[j]!).sort((a, b) => a - b);
    const ts = new Set<number>();
    for (let b = 1; b < bins; b++) ts.add(v[Math.floor((b * v.length) / bins)]!);
    ts.delete(v[v.length - 1]!);
    out.push([...ts].sort((a, b) => a - b));
  }
  return out;
}

/** Fits an ensemble on rows `x` with 0/1 labels `y`. */
export function fitBoosted(x: readonly number[][], y: readonly number[], opts: BoostOptions = BOOST_DEFAULTS): Boosted {
  const n = x.length;
  const pos = y.reduce((a, b) => a + b, 0);
  const base = Math.log((pos + 1) / (n - pos + 1));
  const ts = thresholds(x, opts.bins);
  // Bin index of each value: number of thresholds below it (so "bin <= k" is "x <= ts[k]").
  const bin = x.map((r) => r.map((v, j) => lowerBound(ts[j]!, v)));
  const margin = new Float64Array(n).fill(base);
  const trees: TreeNode[][] = [];
  for (let round = 0; round < opts.rounds; round++) {
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      g[i] = p - y[i]!;
      h[i] = Math.max(1e-6, p * (1 - p));
    }
    const tree: TreeNode[] = [];
    grow(tree, [...Array(n).keys()], 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) {
      let node = tree[0]!;
      while (!('v' in node)) node = tree[bin[i]![node.f]! <= node.t ? node.l : node.r]!;
      margin[i]! += node.v;
    }
    // Stored trees split on values; during the fit they split on bin indexes (converted below).
    function grow(nodes: TreeNode[], rows: number[], depth: number): number {
      const at = nodes.length;
      let G = 0;
      let H = 0;
      for (const i of rows) (G += g[i]!), (H += h[i]!);
      const leaf = { v: (-G / (H + opts.lambda)) * opts.rate };
      nodes.push(leaf);
      if (depth >= opts.depth || H < 2 * opts.minLeaf) return at;
      let best = { gain: 1e-9, f: -1, k: -1 };
      const parent = (G * G) / (H + opts.lambda);
      for (let j = 0; j < ts.length; j++) {
        const k = ts[j]!.length;
        if (k === 0) continue;
        const gs = new Float64Array(k + 1);
        const hs = new Float64Array(k + 1);
        for (const i of rows) {
          const b = bin[i]![j]!;
          gs[b]! += g[i]!;
          hs[b]! += h[i]!;
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < k; b++) {
          gl += gs[b]!;
          hl += hs[b]!;
          const hr = H - hl;
          if (hl < opts.minLeaf || hr < opts.minLeaf) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parent;
          if (gain > best.gain) best = { gain, f: j, k: b };
        }
      }
      if (best.f < 0) return at;
      const left = rows.filter((i) => bin[i]![best.f]! <= best.k);
      const right = rows.filter((i) => bin[i]![best.f]! > best.k);
      const l = grow(nodes, left, depth + 1);
      const r = grow(nodes, right, depth + 1);
      nodes[at] = { f: best.f, t: best.k, l, r };
      return at;
    }
  }
  const round = (v: number): number => Number(v.toPrecision(8));
  return {
    base: round(base),
    trees: trees.map((tree) => tree.map((node) => ('v' in node ? { v: round(node.v) } : { ...node, t: ts[node.f]![node.t]! }))),
  };
}

/** Number of entries of ascending `a` below `v`. */
function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
