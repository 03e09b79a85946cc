/**
 * clusterClaims: deterministic grouping of corpus sentences into claims, checked against the dev-eval
 * hard negatives (must stay apart) and clusters (printed: how many gold pairs end up together).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterClaims } from '../../lib/claims';
import { Matcher } from '../../lib/match';
import type { Claim, Sentence } from '../../lib/corpus/types';
import { loadCorpusSentences, loadDevEval } from '../fixtures/match/dev-eval';

let sentences: Sentence[];
let claims: Claim[];
const claimOf = new Map<string, string>();

beforeAll(() => {
  sentences = loadCorpusSentences().sentences;
  claims = clusterClaims(sentences, Matcher.build(sentences));
  for (const c of claims) for (const id of c.sentenceIds) claimOf.set(id, c.id);
});

describe('clusterClaims', () => {
  it('puts every sentence in exactly one claim, members in corpus order, ids "c-" + hash', () => {
    const all = claims.flatMap((c) => c.sentenceIds);
    expect(all.length).toBe(sentences.length);
    expect(new Set(all).size).toBe(sentences.length);
    const order = new Map(sentences.map((s, i) => [s.id, i]));
    for (const c of claims) {
      expect(c.id).toMatch(/^c-[0-9a-z]{6,}$/);
      const idx = c.sentenceIds.map((id) => order.get(id)!);
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
      expect(sentences.find((s) => s.text === c.label && c.sentenceIds.includes(s.id))).toBeDefined();
    }
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    const multi = claims.filter((c) => c.sentenceIds.length > 1);
    console.log(`claims: ${claims.length}, multi-member: ${multi.length}, largest: ${Math.max(...claims.map((c) => c.sentenceIds.length))}`);
  });

  it('is deterministic (same input, same claims; a rebuilt or loaded matcher gives the same)', () => {
    const m = Matcher.build(sentences);
    expect(clusterClaims(sentences, m)).toEqual(claims);
    const loaded = Matcher.load(JSON.parse(JSON.stringify(m.toJSON())), sentences);
    expect(clusterClaims(sentences, loaded)).toEqual(claims);
  });

  it('keeps hard-negative pairs apart (<= 5% together) and prints gold pairs kept together', () => {
    const dev = loadDevEval(sentences);
    const together = dev.negatives.filter((n) => claimOf.get(n.a.id) === claimOf.get(n.b.id));
    let gold = 0;
    let joined = 0;
    for (const c of dev.clusters) {
      for (let i = 0; i < c.members.length; i++) {
        for (let j = i + 1; j < c.members.length; j++) {
          if (c.members[i]!.id === c.members[j]!.id) continue;
          gold++;
          if (claimOf.get(c.members[i]!.id) === claimOf.get(c.members[j]!.id)) joined++;
        }
      }
    }
    console.log(`hard negatives in one claim: ${together.length}/${dev.negatives.length}; gold pairs in one claim: ${joined}/${gold}`);
    for (const n of together) console.log(`  [${n.kind}] ${n.a.text.slice(0, 60)} || ${n.b.text.slice(0, 60)}`);
    expect(together.length / dev.negatives.length).toBeLessThanOrEqual(0.05);
  });
});
