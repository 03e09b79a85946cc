/**
 * The distilled sentence encoder (lib/match/word-vectors.ts, data/word-vectors.json built by
 * `npm run word-vectors`) on real data: the committed table, paraphrases from the other-outlets pages against
 * dev-eval hard negatives, and its effect inside the matcher.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../lib/match';
import { SEMANTIC_FLOOR, SEMANTIC_WEIGHT } from '../../lib/match/matcher';
import { WORD_VECTORS_VERSION, WordVectors, cosine, packWordVectors, vectorWords } from '../../lib/match/word-vectors';
import { WORD_VECTORS_PATH, loadCorpus, loadWordVectors } from '../../scripts/corpus-io';
import { DIMS } from '../../scripts/build-word-vectors';
import { loadOtherOutlets, verdict } from '../fixtures/match/other-outlets';
import { loadDevEval } from '../fixtures/match/dev-eval';

const corpus = loadCorpus();
const words = loadWordVectors();
const byId = new Map(corpus.sentences.map((s) => [s.id, s]));
const sim = (a: string, b: string): number => cosine(words.embed(a)!, words.embed(b)!);

describe('word vectors: the committed table', () => {
  it('is this version, DIMS wide, a few thousand words, and small enough to ship (< 2 MB)', () => {
    expect(WordVectors.fromTable({ version: WORD_VECTORS_VERSION + 1 })).toBeNull();
    expect(words.dims).toBe(DIMS);
    expect(words.size).toBeGreaterThan(5000);
    expect(statSync(WORD_VECTORS_PATH).size).toBeLessThan(2_000_000);
  });

  it('reads back from the packed form the extension ships exactly as from the JSON table, and refuses a damaged one', () => {
    const packed = packWordVectors(JSON.parse(readFileSync(WORD_VECTORS_PATH, 'utf8')));
    const unpacked = WordVectors.fromPacked(packed.slice().buffer)!;
    expect(unpacked.size).toBe(words.size);
    expect(unpacked.dims).toBe(words.dims);
    for (const s of corpus.sentences.slice(0, 50)) expect(unpacked.embed(s.text)).toEqual(words.embed(s.text));
    expect(WordVectors.fromPacked(packed.slice(0, packed.length - 1).buffer)).toBeNull();
    const otherVersion = packed.slice();
    const text = new TextDecoder().decode(otherVersion);
    const at = text.indexOf(`"version":${WORD_VECTORS_VERSION}`) + '"version":'.length;
    otherVersion[at] = otherVersion[at]! + 1;
    expect(WordVectors.fromPacked(otherVersion.buffer)).toBeNull();
    expect(WordVectors.fromPacked(new Uint8Array(16).buffer)).toBeNull();
  });

  it('embeds to unit vectors, ignores case, and has nothing to say about unknown words', () => {
    const v = words.embed('Rebels shelled the city')!;
    expect(cosine(v, v)).toBeCloseTo(1, 5);
    expect(sim('Rebels shelled the city', 'REBELS SHELLED THE CITY')).toBeCloseTo(1, 5);
    expect(words.embed('qqzx vvbnq')).toBeNull();
    expect(vectorWords("Assad's forces, 2017")).toEqual(["assad's", 'forces', '2017']);
  });
});

describe('word vectors on real pairs', () => {
  const page = loadOtherOutlets(corpus.sentences).pages.find((p) => p.file.includes('ain-jara-school'))!;
  // A page's rewording of a corpus sentence ("Russian Federation", "UN") against a dev-eval hard negative
  // (same speaker and war, another event).
  const paraphrase = page.spans.find((s) => s.text.startsWith('Hijab said Russian Federation was flaunting'))!;
  const hard = loadDevEval(corpus.sentences).negatives.find((n) => n.a.text.startsWith('PARIS (Reuters) – Syria’s opposition co-ordinator Riad Hijab accused Russia'))!;

  it('a labelled paraphrase from the pages is closer than a dev-eval hard negative', () => {
    expect(paraphrase.matches.has('004-L1-S18')).toBe(true);
    expect(hard.kind).toBe('different_event');
    const right = sim(paraphrase.text, byId.get('004-L1-S18')!.text);
    const wrong = sim(hard.a.text, hard.b.text);
    expect(right).toBeGreaterThan(0.8);
    expect(wrong).toBeLessThan(SEMANTIC_FLOOR);
    expect(right).toBeGreaterThan(wrong + 0.4);
  });

  it('ranks a right corpus sentence first among the BM25 candidates of most labelled page sentences', () => {
    const matcher = Matcher.build(corpus.sentences);
    let withRight = 0;
    let first = 0;
    for (const p of loadOtherOutlets(corpus.sentences).pages) {
      for (const span of p.spans) {
        if (span.matches.size === 0) continue;
        const cands = matcher.candidateFeatures(span.text).map((c) => c.sentenceId);
        const right = (id: string) => verdict(p, { start: span.start, end: span.end, level: 'confident', sentenceId: id }) === 'right';
        if (!cands.some(right)) continue;
        withRight++;
        const best = cands.reduce((a, b) => (sim(span.text, byId.get(b)!.text) > sim(span.text, byId.get(a)!.text) ? b : a));
        if (right(best)) first++;
      }
    }
    console.log(`word vectors rank a right candidate first for ${first} of ${withRight} labelled page sentences`);
    // Measured 156 of 237 with the committed table (the full USE lite: 154; the lexical score: 150).
    expect(first / withRight).toBeGreaterThan(0.6);
  });
});

describe('word vectors inside the matcher', () => {
  it('the committed fit uses them, and they only ever lower a pair the encoder finds far (never raise one)', () => {
    expect(SEMANTIC_WEIGHT).toBeGreaterThan(0);
    const lexical = Matcher.build(corpus.sentences);
    const semantic = Matcher.build(corpus.sentences).useWordVectors(words);
    const query = 'Hijab said the Russian Federation was flaunting UN resolutions by bombing civilians in Syria.';
    const before = new Map(lexical.match(query, { minScore: 0, limit: 30 }).map((m) => [m.sentenceId, m.score]));
    const after = semantic.match(query, { minScore: 0, limit: 30 });
    expect(after.length).toBeGreaterThan(1);
    let lowered = 0;
    for (const m of after) {
      const lex = before.get(m.sentenceId)!;
      const c = sim(query, byId.get(m.sentenceId)!.text);
      expect(m.score).toBeCloseTo(lex - SEMANTIC_WEIGHT * Math.max(0, SEMANTIC_FLOOR - c), 2);
      if (m.score < lex - 0.005) lowered++;
    }
    expect(lowered).toBeGreaterThan(0);
    // The right sentence is not lowered: it stays the best match.
    expect(after[0]!.sentenceId).toBe('004-L1-S18');
  });

  it('with weight 0 (or no table) the matcher scores exactly as the lexical one', () => {
    const q = 'Rebels shot down a Russian helicopter in Idlib, killing five.';
    const plain = Matcher.build(corpus.sentences).match(q, { minScore: 0, limit: 30 });
    expect(Matcher.build(corpus.sentences).useWordVectors(words, 0).match(q, { minScore: 0, limit: 30 })).toEqual(plain);
    expect(Matcher.build(corpus.sentences).useWordVectors(null).match(q, { minScore: 0, limit: 30 })).toEqual(plain);
  });
});
