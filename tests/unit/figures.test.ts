/** Unit tests of extractFigures: one block per rule, on sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lib/corpus/figures';
import type { Figure } from '../../lib/corpus/types';

/** The figures of a sentence reduced to the fields a test is about. */
function pick(sentence: string, ...keys: (keyof Figure)[]): Partial<Figure>[] {
  return extractFigures(sentence).map((f) => Object.fromEntries(keys.map((k) => [k, f[k]])) as Partial<Figure>);
}

function texts(sentence: string): string[] {
  return extractFigures(sentence).map((f) => f.text);
}

describe('extractFigures: counts and units', () => {
  it('reads numerals with separators and takes the unit from the counted noun', () => {
    expect(pick('Rescuers pulled 1,204 bodies and 37 survivors from the rubble.', 'text', 'value', 'unit')).toEqual([
      { text: '1,204', value: 1204, unit: 'people' },
      { text: '37', value: 37, unit: 'people' },
    ]);
  });
  it('keeps the counted noun out of the text and skips modifiers to reach its head', () => {
    const [f] = extractFigures('Militants fired 14 Grad artillery rockets at the base.');
    expect(f).toMatchObject({ text: '14', value: 14, unit: 'rockets', what: 'rockets fired' });
  });
  it('maps coordinated nouns of one family to the family unit', () => {
    expect(pick('The raid destroyed 9 planes and helicopters on the ground.', 'unit')).toEqual([{ unit: 'aircraft' }]);
    expect(pick('Troops retook 40 towns, villages and hamlets.', 'unit')).toEqual([{ unit: 'localities' }]);
  });
  it('takes the noun of a partitive "of the" phrase', () => {
    expect(pick('Police arrested three of the nine smugglers.', 'value', 'unit')).toEqual([
      { value: 3, unit: 'people' },
      { value: 9, unit: 'people' },
    ]);
  });
  it('counts people when no noun follows a casualty count', () => {
    expect(pick('The blast killed 41 and hurt 112.', 'value', 'unit', 'what')).toEqual([
      { value: 41, unit: 'people', what: 'killed' },
      { value: 112, unit: 'people', what: 'wounded' },
    ]);
  });
  it('normalises missions to sorties and air strikes to strikes', () => {
    expect(pick('Jets flew 88 missions and conducted 17 airstrikes.', 'unit')).toEqual([{ unit: 'sorties' }, { unit: 'strikes' }]);
  });
});

describe('extractFigures: word numbers', () => {
  it('reads hyphenated and spaced word numbers, at the start of a sentence too', () => {
    expect(pick('Thirty-four soldiers and two hundred and six civilians died.', 'text', 'value')).toEqual([
      { text: 'Thirty-four', value: 34 },
      { text: 'two hundred and six', value: 206 },
    ]);
  });
  it('reads "a dozen", "two dozen" and word scales', () => {
    expect(pick('A dozen tanks, two dozen trucks and three million euros were lost.', 'value', 'unit')).toEqual([
      { value: 12, unit: 'tanks' },
      { value: 24, unit: 'trucks' },
      { value: 3000000, unit: 'eur' },
    ]);
  });
  it('takes "one" as a count only before a unit or a counted noun', () => {
    expect(pick('One of the guards said one soldier was hurt and no one else.', 'text', 'unit')).toEqual([
      { text: 'one', unit: 'people' },
    ]);
  });
});

describe('extractFigures: scales, money, percentages and rates', () => {
  it('multiplies scale words and abbreviations', () => {
    expect(pick('Donors pledged $7.25 billion, of which £40m came from London.', 'text', 'value', 'unit')).toEqual([
      { text: '$7.25 billion', value: 7250000000, unit: 'usd' },
      { text: '£40m', value: 40000000, unit: 'gbp' },
    ]);
  });
  it('reads percentages written with a sign or in words', () => {
    expect(pick('Turnout was 61.2 per cent, up from 48%.', 'text', 'value', 'unit')).toEqual([
      { text: '61.2 per cent', value: 61.2, unit: 'percent' },
      { text: '48%', value: 48, unit: 'percent' },
    ]);
  });
  it('keeps a rate period in the text and in `per`', () => {
    const [f] = extractFigures('The militia earned roughly $2 million per week from tolls.');
    expect(f).toMatchObject({ text: 'roughly $2 million per week', value: 2000000, qualifier: 'about', unit: 'usd', per: 'week' });
  });
  it('reads a fraction with its qualifier', () => {
    expect(pick('Nearly half of the hospitals are closed.', 'text', 'value', 'qualifier', 'unit')).toEqual([
      { text: 'Nearly half', value: 0.5, qualifier: 'nearly', unit: 'fraction' },
    ]);
  });
});

describe('extractFigures: qualifiers', () => {
  it('normalises qualifier wording and keeps the original', () => {
    const figures = extractFigures('Over 70 died, approximately 200 fled and as many as 15 villages burned.');
    expect(figures.map((f) => [f.qualifier, f.qualifierText])).toEqual([
      ['more than', 'Over'],
      ['about', 'approximately'],
      ['up to', 'as many as'],
    ]);
  });
  it('leaves "only" and "just" out of the figure', () => {
    expect(pick('Only 4 trucks got through, just 9 percent of the convoy.', 'text', 'qualifier')).toEqual([
      { text: '4', qualifier: null },
      { text: '9 percent', qualifier: null },
    ]);
  });
  it('reads "almost a year" as one year and "as young as" as an age', () => {
    expect(pick('Talks stalled for almost a month; recruits as young as 15 were seen.', 'text', 'value', 'unit', 'what')).toEqual([
      { text: 'almost a month', value: 1, unit: 'months', what: null },
      { text: 'as young as 15', value: 15, unit: 'years', what: 'age' },
    ]);
  });
});

describe('extractFigures: ranges and vague quantities', () => {
  it('reads "X to Y", "X or Y" and "between X and Y" as ranges', () => {
    expect(pick('Some 2 to 3 million fled; six or seven days later, between 40 and 60 returned.', 'text', 'value', 'qualifier', 'min', 'max')).toEqual([
      { text: 'Some 2 to 3 million', value: null, qualifier: 'range', min: 2000000, max: 3000000 },
      { text: 'six or seven days', value: null, qualifier: 'range', min: 6, max: 7 },
      { text: 'between 40 and 60', value: null, qualifier: 'range', min: 40, max: 60 },
    ]);
  });
  it('keeps a descending "between" range as written', () => {
    expect(pick('Between 90 and 30 observers will stay.', 'min', 'max')).toEqual([{ min: 90, max: 30 }]);
  });
  it('reads a change "from X to Y" as two values', () => {
    expect(pick('The toll rose from 12 to 19.', 'value')).toEqual([{ value: 12 }, { value: 19 }]);
  });
  it('reads vague quantities with the vague word as qualifier', () => {
    expect(pick('Hundreds of thousands fled and scores of tanks burned while dozens were hurt.', 'text', 'value', 'qualifier', 'unit')).toEqual([
      { text: 'Hundreds of thousands', value: null, qualifier: 'hundreds of thousands', unit: 'people' },
      { text: 'scores', value: null, qualifier: 'scores', unit: 'tanks' },
      { text: 'dozens', value: null, qualifier: 'dozens', unit: 'people' },
    ]);
  });
});

describe('extractFigures: durations and ages', () => {
  it('reads hyphenated durations and durations with a unit word', () => {
    expect(pick('After a 10-day siege and two and a half months of talks, the four-year war ended.', 'text', 'value', 'unit', 'what')).toEqual([
      { text: '10-day', value: 10, unit: 'days', what: null },
      { text: 'two and a half months', value: 2.5, unit: 'months', what: null },
      { text: 'four-year', value: 4, unit: 'years', what: 'war duration' },
    ]);
  });
  it('reads ages from "-year-old" and from a name apposition', () => {
    expect(pick('The 17-year-old and Omar Haddad, 52, were freed.', 'text', 'value', 'what')).toEqual([
      { text: '17-year-old', value: 17, what: 'age' },
      { text: '52', value: 52, what: 'age' },
    ]);
  });
});

describe('extractFigures: what is counted', () => {
  it('names casualties, children among them and displacement', () => {
    const s = 'Shelling killed 23 people, including 8 children, and 3,500 were displaced while 60 were injured.';
    expect(pick(s, 'value', 'what')).toEqual([
      { value: 23, what: 'killed' },
      { value: 8, what: 'children killed' },
      { value: 3500, what: 'displaced' },
      { value: 60, what: 'wounded' },
    ]);
  });
  it('names vote shares and leaves `what` null when the sentence does not say', () => {
    expect(pick('The candidate won 54.6% of the ballots; 12 buses were parked outside.', 'what')).toEqual([
      { what: 'vote share' },
      { what: null },
    ]);
  });
});

describe('extractFigures: numbers that are not figures', () => {
  it('skips dates, years and year ranges', () => {
    expect(texts('On Aug. 21, 2013, and again in 2017, and during 1998-1999, and on 3 June, and in the 1980s, 14 died.')).toEqual(['14']);
  });
  it('skips clock times', () => {
    expect(texts('Sirens sounded at 23:15, at 5 p.m., at 9am and at 0430 GMT, and 7 were hurt.')).toEqual(['7']);
  });
  it('skips ordinals and model or road identifiers', () => {
    expect(texts('The 4th Brigade sent a Tu-22M3, two MiG-29 jets and an A-10 along Route 66 for the second time.')).toEqual(['two']);
  });
  it('skips identifiers glued to code punctuation and serial numbers', () => {
    expect(texts('See resolution 2118/2013 at example.org/page?id=4471 for details.')).toEqual([]);
  });
  it('skips named numbers, descriptive compounds and vague words', () => {
    expect(texts('Veterans of World War One, the Group of Eight and a two-pronged unit said several, many and a number of people were seen.')).toEqual([]);
  });
  it('skips "one" as a pronoun and ranks such as "number one"', () => {
    expect(texts('No one knows which one is the number one target.')).toEqual([]);
  });
});

describe('extractFigures: output shape', () => {
  it('returns figures in order of start, with text equal to the sentence at start', () => {
    const s = 'About 5,000 troops, 30 tanks and $12 million arrived within 48 hours.';
    const figures = extractFigures(s);
    expect(figures.map((f) => f.start)).toEqual([...figures.map((f) => f.start)].sort((a, b) => a - b));
    for (const f of figures) expect(s.slice(f.start, f.start + f.text.length)).toBe(f.text);
    expect(figures.map((f) => f.text)).toEqual(['About 5,000', '30', '$12 million', '48 hours']);
  });
  it('returns no figures for an empty sentence', () => {
    expect(extractFigures('')).toEqual([]);
  });
});
