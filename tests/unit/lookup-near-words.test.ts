/**
 * The claim index's typo neighbours come from a Fuse index over its vocabulary (lib/lookup/near-words.ts). The
 * reference is the linear scan it replaced: every vocabulary word other than the query word whose length is
 * within the allowance and whose Levenshtein distance is too. Over the real vocabulary of data/corpus.json and
 * the words of the committed query set (and a sample of the vocabulary itself as queries), both must agree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levenshtein } from '../../lib/annotations/edit-distance';
import { claimDocuments } from '../../lib/lookup';
import { ClaimIndex } from '../../lib/lookup/claim-index';
import { FUSE_THRESHOLD, NearWords, typoAllowance } from '../../lib/lookup/near-words';
import { type WordTerms, wordTerms } from '../../lib/lookup/terms';
import { committedCorpus } from './corpus-helpers';

/** Every this-many-th vocabulary word is also used as a query (its neighbours are other corpus spellings). */
const VOCABULARY_SAMPLE_STEP = 7;

const index = new ClaimIndex(claimDocuments(committedCorpus()));
const vocabulary = index.vocabulary;
const { queries } = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/lookup-queries.json'), 'utf8')) as {
  queries: Array<{ q: string }>;
};
const queryWords = [...new Map(queries.flatMap((q) => wordTerms(q.q)).map((t) => [t.word, t])).values()];

/** The old linear scan, kept here as the reference. */
function scan(q: WordTerms): string[] {
  const allowance = q.numeric ? 0 : typoAllowance(q.word.length);
  if (allowance === 0) return [];
  return vocabulary.filter(
    (w) => w !== q.word && Math.abs(w.length - q.word.length) <= allowance && levenshtein(w, q.word) <= allowance,
  );
}

/** Words whose Fuse neighbours differ from the scan's, with both sets. */
function disagreements(words: readonly WordTerms[]): Array<{ word: string; fuse: string[]; scan: string[] }> {
  return words
    .map((q) => ({ word: q.word, fuse: [...index.typoNeighbours(q)].sort(), scan: scan(q).sort() }))
    .filter((r) => r.fuse.join() !== r.scan.join());
}

describe('typo neighbours from the Fuse index', () => {
  it('reads the real vocabulary and query set (sanity: the comparisons below are not empty)', () => {
    expect(vocabulary.length).toBeGreaterThan(2500);
    expect(queryWords.length).toBeGreaterThan(150);
    const withNeighbours = queryWords.filter((q) => scan(q).length > 0);
    console.log(`vocabulary ${vocabulary.length} words; ${queryWords.length} query words, ${withNeighbours.length} with typo neighbours`);
    expect(withNeighbours.length).toBeGreaterThan(30);
  });

  it('finds the misspellings the query set was written with ("shekhoun", "deth")', () => {
    const near = (w: string) => index.typoNeighbours(wordTerms(w)[0]!);
    expect(near('shekhoun')).toContain('sheikhoun');
    expect(near('deth')).toContain('death');
    expect(near('58')).toEqual([]);
    expect(near('gas')).toEqual([]);
  });

  it('gives exactly the old scan’s neighbours for every word of the committed query set', () => {
    expect(disagreements(queryWords)).toEqual([]);
  });

  it(`gives exactly the old scan’s neighbours for every ${VOCABULARY_SAMPLE_STEP}th vocabulary word`, () => {
    const sample = vocabulary.filter((_, i) => i % VOCABULARY_SAMPLE_STEP === 0).flatMap((w) => wordTerms(w).slice(0, 1));
    expect(sample.length).toBeGreaterThan(vocabulary.length / VOCABULARY_SAMPLE_STEP / 2);
    expect(disagreements(sample)).toEqual([]);
  });

  it('needs its threshold: a tighter one drops neighbours the allowance accepts', () => {
    const proposed = (near: NearWords, q: WordTerms) => new Set(near.proposals(q.word, typoAllowance(q.word.length)));
    const tight = new NearWords(vocabulary, FUSE_THRESHOLD / 2);
    const loose = new NearWords(vocabulary);
    const missed = queryWords.filter((q) => scan(q).some((w) => !proposed(tight, q).has(w)));
    expect(missed.length).toBeGreaterThan(0);
    for (const q of queryWords) for (const w of scan(q)) expect(proposed(loose, q).has(w)).toBe(true);
  });
});
