/**
 * Figures are compared only when comparable (issue 11): a table of page/corpus pairs drawn from the corpus
 * (tests/fixtures/figure-pairs.json: same, consistent, different, not comparable), and the corpus build's
 * split of claims whose members report different events. The bar: no false "differs".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFigures, type FigureComparison } from '../../lib/match/compare';
import { extractFigures } from '../../lib/corpus/figures';
import { splitByEvent } from '../../lib/claims/cluster';
import type { Sentence } from '../../lib/corpus/types';
import { ROOT } from '../../scripts/corpus-io';
import { committedCorpus } from './corpus-helpers';

type Outcome = 'same' | 'consistent' | 'different' | 'not_comparable';
interface Pair {
  page?: string;
  pageText?: string;
  pageDate?: string;
  corpus: string;
  expect: Outcome;
  why: string;
}

const { pairs } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/figure-pairs.json'), 'utf8')) as { pairs: Pair[] };
const corpus = committedCorpus();
const byId = new Map(corpus.sentences.map((s) => [s.id, s]));

function outcomeOf(comparisons: readonly FigureComparison[]): Outcome {
  if (comparisons.length === 0) return 'not_comparable';
  if (comparisons.some((c) => c.differ)) return 'different';
  if (comparisons.some((c) => c.kind === 'consistent')) return 'consistent';
  return 'same';
}

function compare(pair: Pair): FigureComparison[] {
  const other = byId.get(pair.corpus);
  if (!other) throw new Error(`no corpus sentence ${pair.corpus}`);
  const page = pair.page ? byId.get(pair.page) : undefined;
  if (pair.page && !page) throw new Error(`no corpus sentence ${pair.page}`);
  const text = page?.text ?? pair.pageText!;
  const date = page ? (page.date ?? page.dateEstimate ?? null) : (pair.pageDate ?? null);
  return compareFigures(page?.figures ?? extractFigures(text), [other], date, text);
}

describe('figure comparability table', () => {
  it('has at least 30 pairs of every kind, including the cases of the issue', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['same', 'consistent', 'different', 'not_comparable'] as const) expect(pairs.some((p) => p.expect === kind)).toBe(true);
  });

  it('gives no false "differs", and prints the agreement', () => {
    let agree = 0;
    const falseDiffers: string[] = [];
    for (const pair of pairs) {
      const got = outcomeOf(compare(pair));
      if (got === pair.expect) agree++;
      else console.log(`  ${pair.page ?? 'page text'} vs ${pair.corpus}: expected ${pair.expect}, got ${got} (${pair.why})`);
      if (got === 'different' && pair.expect !== 'different') falseDiffers.push(`${pair.page ?? pair.pageText} / ${pair.corpus}`);
    }
    const differ = pairs.filter((p) => p.expect === 'different').length;
    const shown = pairs.filter((p) => p.expect === 'different' && outcomeOf(compare(p)) === 'different').length;
    console.log(
      `figure pairs: ${agree}/${pairs.length} as labelled; false "differs": ${falseDiffers.length}; real differences shown: ${shown}/${differ}`,
    );
    expect(falseDiffers).toEqual([]);
    expect(shown).toBe(differ);
  });

  it('leaves out numbers that are not the claim’s counts ("one day", "two ships")', () => {
    const [missiles] = pairs.filter((p) => p.page === '000-L8-S7').map(compare);
    expect(missiles!.map((c) => c.what)).toEqual(['missiles']);
    expect(missiles![0]!.kind).toBe('consistent');
    const day = compare(pairs.find((p) => p.pageText?.startsWith('On one October day'))!);
    expect(day.map((c) => c.what)).toEqual(['sorties']);
  });

  it('never marks a corpus value the page sentence itself states as differing', () => {
    const [own] = compare(pairs.find((p) => p.page === '000-L38-S9' && p.corpus === '000-L25-S8')!);
    expect(own).toMatchObject({ what: 'killed', differ: false, kind: 'same' });
    expect(own!.pageAlso?.map((v) => v.value)).toEqual([67]);
  });
});

describe('claims never mix two events', () => {
  const s = (id: string, text: string, date: string | null): Sentence => ({
    id, articleId: id, docId: '000', line: 1, text, outlet: null, outletBasis: null, date, claimant: null, figures: [],
  });

  it('splits members that name different places or far-apart dates, and keeps the rest together', () => {
    const sentences = [
      s('a', 'At least 58 people were killed in a chemical attack on Khan Sheikhoun.', '2017-04-04'),
      s('b', 'The chemical attack on Khan Sheikhoun in Idlib province killed 72 people.', '2017-04-05'),
      s('c', 'At least 12 school children were killed in a strike on a school in Aleppo province.', '2016-01-11'),
      s('d', 'The death toll from the attack rose to 89.', '2017-04-07'),
      s('e', 'The attack on April 4 killed dozens.', '2017-04-06'),
      s('f', 'The attack on January 11 killed dozens.', '2017-04-06'),
    ];
    expect(splitByEvent([0, 1, 2, 3, 4, 5], sentences)).toEqual([[0, 1, 3, 4], [2, 5]]);
  });

  it('leaves no committed claim whose members name disjoint places', () => {
    const mixed = corpus.claims.filter((c) => {
      const members = c.sentenceIds.map((id) => byId.get(id)!);
      return splitByEvent(members.map((_, i) => i), members).length > 1;
    });
    console.log(`claims mixing events in data/corpus.json: ${mixed.length}/${corpus.claims.length}`);
    expect(mixed).toEqual([]);
  });
});
