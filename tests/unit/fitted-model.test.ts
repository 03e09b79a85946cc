import { describe, expect, it } from 'vitest';
import { Matcher } from '../../lib/match';
import { chooseThreshold, fitLogistic } from '../../lib/match/fit';
import { boostedProbability, fitBoosted } from '../../lib/match/boost';
import { FITTED, linkProbability, modelFits } from '../../lib/match/model';
import { FEATURE_NAMES } from '../../lib/match/pair-features';
import { matchFitted } from '../../lib/match/fitted-match';
import { loadCorpus } from '../../scripts/corpus-io';
import { collect, fitModel } from '../../scripts/fit-matcher';

/** Rows where the label is 1 exactly when 2a + b > 1.5 (with a nuisance feature c). */
function toyRows(): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 400; i++) {
    const a = ((i * 37) % 100) / 100;
    const b = ((i * 61) % 100) / 100;
    const c = ((i * 13) % 100) / 100;
    x.push([a, b, c]);
    y.push(2 * a + b > 1.5 ? 1 : 0);
  }
  return { x, y };
}

describe('the experimental fitted link model', () => {
  it('logistic regression finds the direction of a separable rule, deterministically', () => {
    const { x, y } = toyRows();
    const m = fitLogistic(x, y);
    expect(m.weights[0]!).toBeGreaterThan(m.weights[1]!);
    expect(m.weights[1]!).toBeGreaterThan(Math.abs(m.weights[2]!));
    expect(fitLogistic(x, y)).toEqual(m);
    const right = x.filter((r, i) => (linkProbability(m, r) >= 0.5 ? 1 : 0) === y[i]).length;
    expect(right / x.length).toBeGreaterThan(0.95);
  });

  it('boosted trees fit the same rule', () => {
    const { x, y } = toyRows();
    const m = fitBoosted(x, y, { rounds: 40, depth: 2, rate: 0.3, minLeaf: 1, lambda: 1, bins: 16 });
    const right = x.filter((r, i) => (boostedProbability(m, r) >= 0.5 ? 1 : 0) === y[i]).length;
    expect(right / x.length).toBeGreaterThan(0.95);
  });

  it('chooses the lowest threshold that keeps the target precision', () => {
    const links = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3].map((p, i) => ({ p, right: i !== 5 }));
    expect(chooseThreshold([...links, ...links], 0.9)).toBe(0.5);
    expect(chooseThreshold([...links, ...links], 0.8)).toBe(0.3);
  });

  it('the committed coefficients fit the feature list, and matchFitted links a restated sentence', () => {
    expect(modelFits()).toBe(true);
    expect(FITTED.first.weights).toHaveLength(FEATURE_NAMES.length);
    const corpus = loadCorpus();
    const matcher = Matcher.build(corpus.sentences);
    const s = corpus.sentences.find((x) => x.text.includes('Tomahawk') && x.text.length > 60)!;
    const got = matchFitted(matcher, s.text, { minScore: 0 });
    expect(got[0]?.sentenceId).toBe(s.id);
    expect(matchFitted(matcher, 'zzzz qqqq', {})).toEqual([]);
  });

  it('the committed coefficients are what npm run fit computes (reproducible)', () => {
    const corpus = loadCorpus();
    const fresh = fitModel(collect(Matcher.build(corpus.sentences), corpus.sentences));
    expect(fresh.first).toEqual(FITTED.first);
    expect(fresh.page).toEqual(FITTED.page);
  });
});
