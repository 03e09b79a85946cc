/**
 * The fitted link model: logistic regression over {@link FEATURE_NAMES}, fitted by `npm run fit`
 * (scripts/fit-matcher.ts) on the labelled pairs of dev-eval and other-outlets, thresholds chosen on
 * predictions cross-validated by page. Two stages: `first` reads a sentence alone; `page` also reads the
 * page's support (how many of the page's other sentences confidently restate claims of the candidate's article).
 */
import MODEL from '../../data/match-model.json';
import { FEATURE_NAMES } from './pair-features';

/** One fitted logistic regression over standardised features. */
export interface LinkModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability from which a link is confident / possible. */
  confident: number;
  possible: number;
}

/** The committed fit (data/match-model.json). */
export interface FittedModel {
  features: string[];
  first: LinkModel;
  page: LinkModel;
  /** The shipped page rule (page-rule.ts). */
  rule: import('./page-rule').PageRule;
  /** Weight of the sentences' cosine in the distilled sentence encoder (matcher.ts SEMANTIC_WEIGHT). */
  semantic?: { weight: number };
}

export const FITTED: FittedModel = MODEL as unknown as FittedModel;

/** True when the committed fit was made for the current feature list (a unit test checks it). */
export function modelFits(m: FittedModel = FITTED): boolean {
  return m.features.join() === FEATURE_NAMES.join();
}

/** Probability that a pair with features `x` states the same claim. */
export function linkProbability(m: LinkModel, x: readonly number[]): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += (m.weights[i]! * (x[i]! - m.mean[i]!)) / m.scale[i]!;
  return 1 / (1 + Math.exp(-z));
}
