import { describe, expect, it } from 'vitest';
import {
  differenceLabel,
  figureSpotsFor,
  formatDate,
  formatValue,
  linearScale,
  outletLabel,
  formatShortDate,
  shortClaimant,
  whoLabel,
  outletSummary,
  reasonLabel,
  splitAtFigures,
} from '../../lib/format';
import { compareFigures } from '../../lib/match/compare';
import { committedCorpus } from './corpus-helpers';

const join = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('splitAtFigures', () => {
  it('splits every corpus sentence at its figures, losslessly, with each figure its own piece', () => {
    const sentences = committedCorpus().sentences.filter((s) => s.figures.length > 0);
    expect(sentences.length).toBeGreaterThan(50);
    let figures = 0;
    for (const s of sentences) {
      const pieces = splitAtFigures(s.text, s.figures);
      expect(join(pieces)).toBe(s.text);
      const emphasised = pieces.filter((p) => p.figure).map((p) => p.text);
      for (const t of emphasised) expect(s.figures.some((f) => f.text === t)).toBe(true);
      figures += emphasised.length;
    }
    const total = sentences.reduce((n, s) => n + s.figures.length, 0);
    console.log(`figures emphasised: ${figures}/${total}`);
    expect(figures / total).toBeGreaterThanOrEqual(0.98);
  });

  it('uses the offset when it holds the figure, so a repeated number is emphasised where it was found', () => {
    const text = 'Of 58 villages, 58 people died.';
    expect(splitAtFigures(text, [{ text: '58', start: 16 }])).toEqual([
      { text: 'Of 58 villages, ', figure: false },
      { text: '58', figure: true },
      { text: ' people died.', figure: false },
    ]);
  });

  it('falls back to a search when the offset is stale, and drops figures it cannot find', () => {
    const pieces = splitAtFigures('<b>x</b> At least 58 died', [{ text: 'At least 58', start: 0 }, { text: '99', start: 3 }]);
    expect(pieces).toEqual([
      { text: '<b>x</b> ', figure: false },
      { text: 'At least 58', figure: true },
      { text: ' died', figure: false },
    ]);
  });

  it('keeps the earlier of overlapping figures, and handles edges', () => {
    expect(splitAtFigures('more than 60 sorties', [{ text: '60 sorties', start: 10 }, { text: 'more than 60', start: 0 }])).toEqual([
      { text: 'more than 60', figure: true },
      { text: ' sorties', figure: false },
    ]);
    expect(splitAtFigures('', [])).toEqual([{ text: '', figure: false }]);
    expect(splitAtFigures('58', [{ text: '58', start: 0 }])).toEqual([{ text: '58', figure: true }]);
  });
});

describe('formatting', () => {
  it('formats values with qualifier, ranges and vague words', () => {
    expect(formatValue({ value: 58, qualifier: 'at least', text: 'At least 58' })).toBe('at least 58');
    expect(formatValue({ value: 150000, qualifier: null, text: '150,000' })).toBe('150,000');
    expect(formatValue({ value: null, qualifier: 'range', text: '3,000 to 6,000', min: 3000, max: 6000 })).toBe('3,000–6,000');
    expect(formatValue({ value: null, qualifier: 'dozens', text: 'Dozens' })).toBe('Dozens');
  });

  it('formats dates without a time-zone shift', () => {
    expect(formatDate('2017-04-04')).toBe('4 Apr 2017');
    expect(formatDate('2017-12')).toBe('Dec 2017');
    expect(formatDate(null)).toBe('undated');
    expect(formatDate('spring')).toBe('spring');
  });

  it('names where a mention was published in words, never by file name', () => {
    expect(outletLabel({ outlet: 'Reuters', collection: 'x' })).toBe('Reuters');
    expect(outletLabel({ outlet: null, collection: 'unattributed article in a 2014-17 news digest' })).toBe('unattributed article in a 2014-17 news digest');
    expect(outletLabel({ outlet: null })).toBe('unattributed article');
    expect(outletSummary([{ outlet: 'AFP' }, { outlet: 'Reuters' }, { outlet: 'AFP' }, { outlet: null }])).toBe('AFP, Reuters, 1 unattributed article');
    expect(formatDate('2017-04-05', true)).toBe('~ 5 Apr 2017');
    expect(formatShortDate('2017-04-05', true)).toBe('~ 5 Apr');
    expect(shortClaimant('Syrian Observatory for Human Rights')).toBe('SOHR');
    expect(shortClaimant('the head of a charity ambulance service in Idlib')).toBe('ambulance service head');
    expect(whoLabel({ claimant: null, outlet: null })).toBe('unattributed');
  });

  it('says why sentences matched and how figures differ', () => {
    expect(reasonLabel({ entities: ['Assad', 'Aleppo'], terms: ['siege'] })).toBe('Shared names: Assad, Aleppo · shared terms: siege');
    expect(reasonLabel({ entities: [], terms: ['toll'] })).toBe('Shared terms: toll');
    expect(reasonLabel({ entities: [], terms: [] })).toBe('Similar wording');
    expect(differenceLabel({ kind: 'update', rising: true })).toBe('Update, rising');
    expect(differenceLabel({ kind: 'update', rising: false })).toBe('Update, falling');
    expect(differenceLabel({ kind: 'update' })).toBe('Update');
    expect(differenceLabel({ kind: 'conflict' })).toMatch(/^Conflict/);
    expect(differenceLabel({ kind: 'same' })).toBe('Same figure');
  });

  it('finds the figures a comparison cites in one sentence', () => {
    const corpus = committedCorpus();
    const byId = new Map(corpus.sentences.map((s) => [s.id, s]));
    const claim = corpus.claims.find((c) => compareFigures([], c.sentenceIds.map((id) => byId.get(id)!)).some((f) => f.differ))!;
    const members = claim.sentenceIds.map((id) => byId.get(id)!);
    const comparisons = compareFigures([], members);
    for (const s of members) {
      const spots = figureSpotsFor(s.id, comparisons);
      for (const spot of spots) expect(s.text).toContain(spot.text);
      const cited = comparisons.flatMap((c) => c.corpus.filter((v) => v.sentenceId === s.id));
      expect(spots.length).toBe(cited.length);
    }
  });

  it('scales values onto an axis, centring a single value', () => {
    const x = linearScale([58, 72, 86], 0, 100);
    expect([x(58), x(72), x(86)]).toEqual([0, 50, 100]);
    expect(linearScale([5, 5], 10, 30)(5)).toBe(20);
  });
});
