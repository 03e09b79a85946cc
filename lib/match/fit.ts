/**
 * Fitting the link model: L2-regularised logistic regression by Newton's method (deterministic: no random
 * start, no sampling) and the choice of thresholds from predictions. Used by scripts/fit-matcher.ts.
 */
import type { LinkModel } from './model';

/** L2 penalty on the standardised weights: keeps correlated features (overlap scores) from trading off wildly. */
export const L2_PENALTY = 1;
/** Newton iterations (converges in under 15 here). */
export const NEWTON_STEPS = 25;

/** Fits weights and bias on rows `x` with labels `y` (0/1); thresholds are left at 0.5 (see chooseThreshold). */
export function fitLogistic(x: readonly number[][], y: readonly number[]): LinkModel {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of x) for (let j = 0; j < d; j++) mean[j]! += r[j]! / n;
  for (const r of x) for (let j = 0; j < d; j++) scale[j]! += (r[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = x.map((r) => [1, ...r.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  const k = d + 1;
  const beta = new Array<number>(k).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < n; i++) {
      const r = z[i]!;
      let s = 0;
      for (let j = 0; j < k; j++) s += beta[j]! * r[j]!;
      const p = 1 / (1 + Math.exp(-s));
      const g = p - y[i]!;
      const h = p * (1 - p);
      for (let a = 0; a < k; a++) {
        grad[a]! += g * r[a]!;
        const hr = h * r[a]!;
        for (let b = a; b < k; b++) hess[a]![b]! += hr * r[b]!;
      }
    }
    for (let a = 1; a < k; a++) {
      grad[a]! += L2_PENALTY * beta[a]!;
      hess[a]![a]! += L2_PENALTY;
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hess[a]![b] = hess[b]![a]!;
    const delta = solve(hess, grad);
    let change = 0;
    for (let j = 0; j < k; j++) {
      beta[j]! -= delta[j]!;
      change = Math.max(change, Math.abs(delta[j]!));
    }
    if (change < 1e-9) break;
  }
  const round = (v: number): number => Number(v.toPrecision(8));
  return { mean: mean.map(round), scale: scale.map(round), weights: beta.slice(1).map(round), bias: round(beta[0]!), confident: 0.5, possible: 0.5 };
}

/** Solves a x = b (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((r, i) => r[n]! / (r[i]! || 1e-12));
}

/** A decided link for threshold choice: its probability and whether it is right (null: counts neither way). */
export interface ScoredLink {
  p: number;
  right: boolean | null;
}

/**
 * The lowest threshold at which the links at or above it keep precision >= `target`, scanning from the top
 * (so a threshold is never chosen below a stretch where precision fell under the target); `floor` bounds it.
 */
export function chooseThreshold(links: readonly ScoredLink[], target: number, floor = 0.05): number {
  const sorted = [...links].filter((l) => l.right !== null).sort((a, b) => b.p - a.p);
  let tp = 0;
  let fp = 0;
  let best = 1;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.right) tp++;
    else fp++;
    const next = sorted[i + 1]?.p ?? -1;
    if (next === sorted[i]!.p) continue;
    if (tp / (tp + fp) >= target && tp >= 5) best = sorted[i]!.p;
  }
  return Math.max(floor, best);
}
