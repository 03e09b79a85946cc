/**
 * Quality of figure extraction on the labelled development set (tests/fixtures/dev-eval/figures.json).
 * Predictions are matched to gold figures by overlapping span; rates are printed and held to thresholds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lib/corpus/figures';
import type { Figure } from '../../lib/corpus/types';

interface GoldFigure {
  text: string;
  start: number;
  value: number | null;
  qualifier: string | null;
  unit: string;
  what: string | null;
  min?: number;
  max?: number;
}
interface GoldSpan {
  text: string;
  start: number;
  kind: string;
}
interface Entry {
  file: string;
  line: number;
  sentence: string;
  figures: GoldFigure[];
  not_figures: GoldSpan[];
}

/** Acceptance bars: share of gold figures with value, qualifier and unit all right; share of non-figures hit. */
const MIN_EXACT_RATE = 0.95;
const MAX_NOT_FIGURE_HIT_RATE = 0.03;
/** `what` on the categories the extractor names (casualties, displacement, votes, age). */
const MIN_WHAT_CATEGORY_RATE = 0.85;
const WHAT_CATEGORIES = new Set([
  'killed', 'wounded', 'displaced', 'fled abroad', 'children killed', 'vote share', 'turnout', 'voted',
  'eligible voters', 'age', 'war duration',
]);

const entries = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/dev-eval/figures.json'), 'utf8'),
) as Entry[];

function overlaps(a: { start: number; text: string }, b: { start: number; text: string }): boolean {
  return a.start < b.start + b.text.length && b.start < a.start + a.text.length;
}

function sameValue(p: Figure, g: GoldFigure): boolean {
  if (g.value === null) return p.value === null && p.min === g.min && p.max === g.max;
  return p.value !== null && Math.abs(p.value - g.value) <= 1e-9 * Math.max(1, Math.abs(g.value));
}

describe('figure extraction on the dev-eval set', () => {
  const rows = entries.map((e) => ({ e, predicted: extractFigures(e.sentence) }));
  let gold = 0;
  let exact = 0;
  let valueOnly = 0;
  let whatRight = 0;
  let categoryGold = 0;
  let categoryRight = 0;
  let notFigures = 0;
  let notFigureHits = 0;
  let unmatched = 0;
  const failures: string[] = [];
  for (const { e, predicted } of rows) {
    for (const g of e.figures) {
      gold++;
      const p = predicted.find((f) => overlaps(f, g));
      const ok = p !== undefined && sameValue(p, g) && p.qualifier === g.qualifier && p.unit === g.unit;
      if (ok) exact++;
      if (p !== undefined && sameValue(p, g)) valueOnly++;
      if (p !== undefined && p.what === g.what) whatRight++;
      if (g.what !== null && WHAT_CATEGORIES.has(g.what)) {
        categoryGold++;
        if (p?.what === g.what) categoryRight++;
      }
      if (!ok) {
        const got = p ? `${p.text}|${p.value}|${p.qualifier}|${p.unit}` : 'nothing';
        failures.push(`${e.file}:${e.line} gold ${g.text}|${g.value}|${g.qualifier}|${g.unit} got ${got}`);
      }
    }
    for (const n of e.not_figures) {
      notFigures++;
      if (predicted.some((f) => overlaps(f, n))) {
        notFigureHits++;
        failures.push(`${e.file}:${e.line} not a figure: ${n.text} (${n.kind})`);
      }
    }
    for (const p of predicted) {
      if (!e.figures.some((g) => overlaps(p, g)) && !e.not_figures.some((n) => overlaps(p, n))) {
        unmatched++;
        failures.push(`${e.file}:${e.line} extra: ${p.text}|${p.value}|${p.unit}`);
      }
    }
  }
  const exactRate = exact / gold;
  const notFigureRate = notFigureHits / notFigures;
  const categoryRate = categoryRight / categoryGold;
  console.log(
    [
      `figures: ${gold} gold, exact-match ${exactRate.toFixed(3)}, value-only ${(valueOnly / gold).toFixed(3)}`,
      `what: exact ${(whatRight / gold).toFixed(3)}, on categories ${categoryRate.toFixed(3)} (${categoryGold})`,
      `not_figures hit: ${notFigureHits}/${notFigures} (${notFigureRate.toFixed(3)}); predictions overlapping nothing gold: ${unmatched}`,
      ...failures.slice(0, 20).map((f) => `  ${f}`),
    ].join('\n'),
  );

  it('has the expected size of labelled data', () => {
    expect(gold).toBe(166);
    expect(notFigures).toBe(76);
  });
  it(`gets value, qualifier and unit right for at least ${MIN_EXACT_RATE} of gold figures`, () => {
    expect(exactRate).toBeGreaterThanOrEqual(MIN_EXACT_RATE);
  });
  it(`extracts at most ${MAX_NOT_FIGURE_HIT_RATE} of the non-figures (dates, times, ordinals, names)`, () => {
    expect(notFigureRate).toBeLessThanOrEqual(MAX_NOT_FIGURE_HIT_RATE);
  });
  it(`names what is counted for at least ${MIN_WHAT_CATEGORY_RATE} of casualty, vote and age figures`, () => {
    expect(categoryRate).toBeGreaterThanOrEqual(MIN_WHAT_CATEGORY_RATE);
  });
  it('returns figures whose text is the sentence at their offset, in order of start', () => {
    for (const { e, predicted } of rows) {
      for (const f of predicted) expect(e.sentence.slice(f.start, f.start + f.text.length)).toBe(f.text);
      const starts = predicted.map((f) => f.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
