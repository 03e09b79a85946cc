/**
 * Lookup quality on the committed query set (tests/fixtures/lookup-queries.json): typo and paraphrase queries
 * written from the corpus, each with the claim it should find. Prints the top-3 rate (and top-1) per kind.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../lib/lookup';
import { committedCorpus } from './corpus-helpers';

interface Query {
  q: string;
  kind: 'typo' | 'paraphrase';
  expect: string;
}

/** Share of queries whose claim must be among the first three results. */
const MIN_TOP3 = 0.9;

const corpus = committedCorpus();
const lookup = createLookup(corpus);
const { queries } = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/lookup-queries.json'), 'utf8')) as { queries: Query[] };
const claimOf = new Map(corpus.claims.flatMap((c) => c.sentenceIds.map((id) => [id, c.id] as const)));

/** The claims holding a corpus sentence that contains `passage` (one, for a usable query). */
function claimsWith(passage: string): string[] {
  return [...new Set(corpus.sentences.filter((s) => s.text.includes(passage)).map((s) => claimOf.get(s.id)!))];
}
const expectedClaim = (passage: string): string => claimsWith(passage)[0] ?? '';

describe('lookup over the committed query set', () => {
  it('holds at least 40 queries, of both kinds, each naming the sentence(s) of exactly one claim', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['typo', 'paraphrase']));
    const unusable = queries.filter((q) => claimsWith(q.expect).length !== 1).map((q) => q.expect);
    expect(unusable).toEqual([]);
  });

  it(`finds the right claim in the top 3 for >= ${MIN_TOP3} of queries`, () => {
    const rows = queries.map((q) => {
      const rank = lookup.search(q.q, 10).findIndex((r) => r.claimId === expectedClaim(q.expect));
      return { ...q, rank };
    });
    const rate = (rs: typeof rows, k: number) => rs.filter((r) => r.rank >= 0 && r.rank < k).length;
    for (const kind of ['typo', 'paraphrase'] as const) {
      const rs = rows.filter((r) => r.kind === kind);
      console.log(`lookup ${kind}: top-1 ${rate(rs, 1)}/${rs.length}, top-3 ${rate(rs, 3)}/${rs.length}`);
    }
    for (const r of rows.filter((r) => r.rank < 0 || r.rank >= 3)) console.log(`  missed (rank ${r.rank < 0 ? '>10' : r.rank + 1}): ${r.q}`);
    const top3 = rate(rows, 3) / rows.length;
    console.log(`lookup top-3: ${rate(rows, 3)}/${rows.length} = ${top3.toFixed(2)} (top-1 ${rate(rows, 1)}/${rows.length})`);
    expect(top3).toBeGreaterThanOrEqual(MIN_TOP3);
  });
});
