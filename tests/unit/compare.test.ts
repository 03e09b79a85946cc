import { describe, expect, it } from 'vitest';
import type { Figure } from '../../lib/corpus/types';
import { alignmentKey, classifyDifference, compareFigures, valueKey, type MentionFigures } from '../../lib/match/compare';

function fig(value: number | null, what: string | null, qualifier: string | null = null, unit = 'people'): Figure {
  return { text: `${qualifier ?? ''} ${value ?? qualifier}`.trim(), start: 0, value, qualifier, unit, what };
}

function mention(id: string, outlet: string | null, date: string | null, figures: Figure[]): MentionFigures {
  return { id, outlet, date, figures };
}

describe('compareFigures', () => {
  it('aligns the page figure with corpus figures that count the same thing, in time order', () => {
    const result = compareFigures(
      [fig(58, 'killed', 'at least')],
      [
        mention('b', 'Reuters', '2017-04-05', [fig(67, 'killed')]),
        mention('a', 'AFP', '2017-04-04', [fig(58, 'killed'), fig(11, 'children killed')]),
        mention('c', null, null, [fig(300, 'injured')]),
      ],
    );
    expect(result).toHaveLength(1);
    const [killed] = result;
    expect(killed!.what).toBe('killed');
    expect(killed!.corpus.map((v) => [v.outlet, v.value, v.date])).toEqual([
      ['AFP', 58, '2017-04-04'],
      ['Reuters', 67, '2017-04-05'],
    ]);
    expect(killed!.differ).toBe(true);
  });

  it('does not call a qualifier-only difference a difference', () => {
    const [c] = compareFigures([fig(36, 'killed', 'at least')], [mention('a', 'AFP', '2016-01-11', [fig(36, 'killed')])]);
    expect(c!.differ).toBe(false);
    expect(c!.kind).toBe('same');
  });

  it('skips page quantities the corpus does not state', () => {
    expect(compareFigures([fig(5, 'displaced')], [mention('a', 'AFP', null, [fig(5, 'killed')])])).toEqual([]);
  });

  it('without page figures, lists quantities stated by two or more mentions', () => {
    const out = compareFigures(
      [],
      [
        mention('a', 'AFP', '2017-04-04', [fig(58, 'killed')]),
        mention('b', 'Reuters', '2017-04-06', [fig(100, 'killed'), fig(400, 'injured')]),
      ],
    );
    expect(out.map((c) => c.what)).toEqual(['killed']);
    expect(out[0]!.kind).toBe('update');
    expect(out[0]!.rising).toBe(true);
  });
});

describe('classifyDifference', () => {
  const v = (value: number | null, date: string | null, outlet: string, qualifier: string | null = null) => ({
    value,
    unit: 'people',
    qualifier,
    text: String(value),
    date,
    outlet,
  });

  it('reads different values on different dates as an update, and says whether the toll rose', () => {
    expect(classifyDifference([v(100, '2017-04-06', 'A'), v(58, '2017-04-04', 'B')])).toEqual({
      differ: true,
      kind: 'update',
      rising: true,
    });
    expect(classifyDifference([v(54, '2015-10-01', 'A'), v(12, '2015-10-02', 'B')]).rising).toBe(false);
  });

  it('reads different values on the same date as a conflict', () => {
    expect(classifyDifference([v(12, '2016-01-11', 'SOHR'), v(35, '2016-01-11', 'Hijab')]).kind).toBe('conflict');
  });

  it('cannot order values without dates', () => {
    expect(classifyDifference([v(12, null, 'A'), v(35, '2016-01-11', 'B')]).kind).toBe('undated');
  });

  it('treats a vague quantity that contains the number as consistent, one that does not as different, and equal vague words as the same', () => {
    expect(classifyDifference([v(null, '2016-01-11', 'A', 'dozens'), v(35, '2016-01-11', 'B')])).toEqual({ differ: false, kind: 'consistent' });
    expect(classifyDifference([v(null, '2017-04-07', 'A', 'dozens'), v(59, '2017-04-07', 'B')])).toEqual({ differ: false, kind: 'consistent' });
    expect(classifyDifference([v(null, '2016-01-11', 'A', 'dozens'), v(12, '2016-01-11', 'B')]).differ).toBe(true);
    expect(classifyDifference([v(null, null, 'A', 'dozens'), v(null, null, 'B', 'Dozens')]).differ).toBe(false);
  });

  it('compares ranges by their bounds', () => {
    expect(valueKey({ value: null, unit: 'people', qualifier: 'range', min: 3000, max: 6000 })).toBe('r:3000-6000');
    expect(valueKey({ value: null, unit: 'people', qualifier: 'range', min: 3000, max: 6000 })).not.toBe(
      valueKey({ value: null, unit: 'people', qualifier: 'range', min: 3000, max: 5000 }),
    );
  });

  it('compares durations across units', () => {
    expect(valueKey({ value: 2, unit: 'weeks', qualifier: 'nearly' })).toBe(valueKey({ value: 14, unit: 'days', qualifier: null }));
    expect(valueKey({ value: 2, unit: 'weeks', qualifier: 'nearly' })).not.toBe(valueKey({ value: 10, unit: 'days', qualifier: null }));
  });
});

describe('alignmentKey', () => {
  it('tells people apart by what happened to them, other counts by unit, durations together', () => {
    expect(alignmentKey({ unit: 'people', what: 'killed' })).not.toBe(alignmentKey({ unit: 'people', what: 'wounded' }));
    expect(alignmentKey({ unit: 'targets', what: 'targets hit' })).toBe(alignmentKey({ unit: 'targets', what: 'targets destroyed' }));
    expect(alignmentKey({ unit: 'weeks', what: null })).toBe(alignmentKey({ unit: 'days', what: 'bombardment' }));
    expect(alignmentKey({ unit: 'years', what: 'age' })).not.toBe(alignmentKey({ unit: 'years', what: null }));
  });
});
