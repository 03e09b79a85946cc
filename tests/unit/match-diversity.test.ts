/**
 * Candidate diversity (Matcher.groupClaims): once the matcher knows the corpus's claims, a claim restated many
 * times (here a wire sentence reprinted by 30 outlets) cannot crowd the page sentence's other claims out of its
 * candidates and matches; at the corpus's own size (claims of at most 3 sentences) nothing changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATES, MAX_CANDIDATES_PER_CLAIM, Matcher } from '../../lib/match';
import type { Claim, Sentence } from '../../lib/corpus/types';
import { loadCorpus } from '../../scripts/corpus-io';

let sentences: Sentence[];
let claims: Claim[];

beforeAll(() => {
  const corpus = loadCorpus();
  sentences = corpus.sentences;
  claims = corpus.claims;
});

/** Reprints of one sentence: enough to fill every candidate place (CANDIDATES), few enough that its words stay
 * under the query-term share (MAX_TERM_SHARE), so only crowding is tested. */
const REPRINTS = 30;

/** The corpus with sentence `id` reprinted REPRINTS times in other articles, the reprints in its claim. */
function reprinted(id: string): { sentences: Sentence[]; claims: Claim[] } {
  const s = sentences.find((x) => x.id === id)!;
  const copies = Array.from({ length: REPRINTS }, (_, k) => ({ ...s, id: `reprint-${k}`, articleId: `reprint-article-${k}` }));
  return {
    sentences: [...sentences, ...copies],
    claims: claims.map((c) => (c.sentenceIds.includes(id) ? { ...c, sentenceIds: [...c.sentenceIds, ...copies.map((x) => x.id)] } : c)),
  };
}

const claimOf = (cs: readonly Claim[], id: string) => cs.find((c) => c.sentenceIds.includes(id))?.id;

describe('candidate diversity by claim', () => {
  it('a reprinted claim does not crowd out the other claims a sentence restates', () => {
    // The SU-22 downing: the query restates 002-L166-S18 (figures changed, as another outlet would) and, at the
    // corpus's own size, also the sentences of other claims about the downing.
    const source = sentences.find((x) => x.id === '002-L166-S18')!;
    const query = source.text.replace(/\d+/g, (d) => String(Number(d) + 3));
    const alone = Matcher.build(sentences).match(query).filter((m) => m.level === 'confident');
    const grown = reprinted(source.id);
    const otherClaims = new Set(alone.map((m) => claimOf(claims, m.sentenceId)).filter((c) => c !== claimOf(claims, source.id)));
    expect(otherClaims.size).toBeGreaterThan(0);

    const plain = Matcher.build(grown.sentences);
    const diverse = Matcher.build(grown.sentences);
    diverse.groupClaims(grown.claims);
    // Found at any level: the reprints make the source's words commoner, so scores move a little (the other
    // claim's sentence is 0.56 alone, 0.54 with the reprints).
    const claimsFound = (m: Matcher) => new Set(m.match(query).map((x) => claimOf(grown.claims, x.sentenceId)));
    // Without the claims, the reprints take every place; with them, every other claim found alone is found.
    expect([...otherClaims].filter((c) => claimsFound(plain).has(c))).toEqual([]);
    expect([...otherClaims].filter((c) => !claimsFound(diverse).has(c))).toEqual([]);
    // No more than MAX_CANDIDATES_PER_CLAIM sentences of the reprinted claim are among the matches.
    const ofSource = diverse.match(query, { limit: CANDIDATES, minScore: 0 }).filter((x) => claimOf(grown.claims, x.sentenceId) === claimOf(claims, source.id));
    expect(ofSource.length).toBeLessThanOrEqual(MAX_CANDIDATES_PER_CLAIM);
  });

  it('at the corpus size the claims change no match (no claim has more sentences than the cap, so the plain search runs)', () => {
    expect(Math.max(...claims.map((c) => c.sentenceIds.length))).toBeLessThanOrEqual(MAX_CANDIDATES_PER_CLAIM);
    const plain = Matcher.build(sentences);
    const diverse = Matcher.build(sentences);
    diverse.groupClaims(claims);
    for (let i = 0; i < sentences.length; i += 7) {
      const text = sentences[i]!.text;
      expect(diverse.match(text, { limit: CANDIDATES, minScore: 0 }), text).toEqual(plain.match(text, { limit: CANDIDATES, minScore: 0 }));
    }
  });
});
