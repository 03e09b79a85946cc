import { describe, expect, it } from 'vitest';
import { createLookup, MIN_QUERY_LENGTH } from '../../lib/lookup';
import type { Corpus, Sentence } from '../../lib/corpus/types';
import { committedCorpus } from './corpus-helpers';

const corpus = committedCorpus();
const lookup = createLookup(corpus);
const byId = new Map(corpus.sentences.map((s) => [s.id, s]));
const members = (claimId: string): Sentence[] =>
  corpus.claims.find((c) => c.id === claimId)!.sentenceIds.map((id) => byId.get(id)!);

/** Replaces one letter in the middle of each word of 5+ letters: one typo per long word. */
function typo(text: string): string {
  return text.replace(/\p{L}{5,}/gu, (w) => {
    const i = Math.floor(w.length / 2);
    const swap = w[i] === 'e' ? 'a' : 'e';
    return w.slice(0, i) + swap + w.slice(i + 1);
  });
}

describe('createLookup over data/corpus.json', () => {
  it('finds the Khan Sheikhoun toll claim from a misspelt place name', () => {
    const results = lookup.search('khan sheikhun', 5);
    const tolls = results.filter((r) =>
      members(r.claimId).some((s) => /Khan Sheikhoun/.test(s.text) && s.figures.some((f) => f.what === 'killed')),
    );
    console.log('khan sheikhun ->', results.map((r) => r.label.slice(0, 60)));
    expect(tolls.length).toBeGreaterThan(0);
    for (const r of results.slice(0, 3)) expect(members(r.claimId).some((s) => /Khan Sheikhoun/.test(s.text))).toBe(true);
  });

  it('finds a claim from a misspelt phrase of one of its mentions (recall@5 over multi-mention claims)', () => {
    const claims = corpus.claims.filter((c) => c.sentenceIds.length >= 2);
    let hit = 0;
    for (const c of claims) {
      const s = byId.get(c.sentenceIds[c.sentenceIds.length - 1]!)!;
      const words = s.text.split(/\s+/).filter((w) => /\p{L}{4,}/u.test(w));
      const query = typo(words.slice(0, 5).join(' '));
      if (lookup.search(query, 5).some((r) => r.claimId === c.id)) hit++;
    }
    const rate = hit / claims.length;
    console.log(`typo lookup recall@5: ${hit}/${claims.length} = ${rate.toFixed(2)}`);
    expect(rate).toBeGreaterThanOrEqual(0.85);
  });

  it('returns mentions with outlet, source file, date and claimant, and the claim’s figure spread', () => {
    const [r] = lookup.search('Tens of thousands died civil war displaced', 1);
    expect(r).toBeTruthy();
    const claim = corpus.claims.find((c) => c.id === r!.claimId)!;
    expect(r!.label).toBe(claim.label);
    expect(r!.mentions.map((m) => m.sentenceId)).toEqual(claim.sentenceIds);
    const files = new Set(corpus.documents.map((d) => d.file));
    for (const m of r!.mentions) {
      const s = byId.get(m.sentenceId)!;
      expect(files.has(m.source)).toBe(true);
      expect([m.text, m.outlet, m.date, m.claimant]).toEqual([s.text, s.outlet, s.date ?? s.dateEstimate ?? null, s.claimant]);
    }
    if (claim.sentenceIds.length >= 2 && r!.figures) {
      for (const f of r!.figures) expect(f.corpus.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('searches outlets too', () => {
    const results = lookup.search('Reuters Lavrov', 10);
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.mentions.some((m) => m.outlet === 'Reuters'))).toBe(true);
  });

  it('returns nothing for blank, too-short or unrelated queries, and respects the limit', () => {
    expect(lookup.search('   ')).toEqual([]);
    expect(lookup.search('x'.repeat(MIN_QUERY_LENGTH - 1))).toEqual([]);
    expect(lookup.search('zzqxv qqwzj')).toEqual([]);
    expect(lookup.search('Assad', 3).length).toBe(3);
  });

  it('is built from any corpus, not only the committed one', () => {
    const small: Corpus = { ...corpus, claims: corpus.claims.slice(0, 5) };
    const only = new Set(small.claims.map((c) => c.id));
    const results = createLookup(small).search(small.claims[0]!.label, 10);
    expect(results[0]?.claimId).toBe(small.claims[0]!.id);
    for (const r of results) expect(only.has(r.claimId)).toBe(true);
  });
});

describe('lookup results', () => {
  it('carry the claim’s outlets, date span and figure summary from its mentions', () => {
    const results = lookup.search('khan shekhoun deth toll', 3);
    const toll = results.find((r) => /left 89 people dead/.test(r.label));
    expect(toll, 'the Khan Sheikhoun death-toll claim is in the top 3').toBeTruthy();
    const ms = members(toll!.claimId);
    expect(toll!.outlets).toEqual([...new Set(ms.flatMap((s) => (s.outlet ? [s.outlet] : [])))]);
    expect(toll!.figureSummary).toMatch(/^killed: .*89/);
    const dated = ms.flatMap((s) => (s.date ? [s.date] : [])).sort();
    expect(toll!.dates).toEqual(dated.length ? { first: dated[0], last: dated[dated.length - 1] } : null);
  });

  it('gives a multi-mention claim a date span and a summary of each counted quantity', () => {
    const [r] = lookup.search('Tens of thousands died civil war displaced', 1);
    const ms = members(r!.claimId);
    for (const what of new Set(ms.flatMap((s) => s.figures.map((f) => f.what ?? f.unit)))) expect(r!.figureSummary).toContain(`${what}:`);
  });
});
