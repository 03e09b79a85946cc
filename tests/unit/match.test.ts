/**
 * Matcher unit tests: rewrites of corpus claims in other words (as another outlet would write them), figure
 * changes, different quantities, status changes, unrelated and garbage input, and the index round trip.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Matcher, POSSIBLE_SCORE, type SentenceMatch } from '../../lib/match';
import type { Sentence } from '../../lib/corpus/types';
import { loadCorpusSentences } from '../fixtures/match/dev-eval';

let sentences: Sentence[];
let matcher: Matcher;

beforeAll(() => {
  sentences = loadCorpusSentences().sentences;
  matcher = Matcher.build(sentences);
});

/** Id of the corpus sentence of document `docId` that starts with `prefix`. */
function idOf(docId: string, prefix: string): string {
  const s = sentences.find((x) => x.docId === docId && x.text.startsWith(prefix));
  if (!s) throw new Error(`no corpus sentence ${docId} "${prefix}"`);
  return s.id;
}

const rank = (ms: SentenceMatch[], id: string): number => ms.findIndex((m) => m.sentenceId === id);

describe('paraphrases of corpus claims', () => {
  it('passive rewrite with reordered clauses finds the SU-22 downing', () => {
    const ms = matcher.match('A Syrian SU-22 jet was shot down on Sunday by a US Navy Super Hornet, the American military confirmed.');
    expect(rank(ms, idOf('002', 'The US military confirmed that a US Navy F/A-18'))).toBe(0);
    expect(ms[0]!.level).toBe('confident');
    expect(ms[0]!.reason.entities.length + ms[0]!.reason.terms.length).toBeGreaterThanOrEqual(3);
  });

  it('"died" for "killed" and plainer wording still finds the rally attack', () => {
    const ms = matcher.match('At least 20 people died when mortar shells hit an election rally for President Bashar al-Assad in southern Syria, activists said.');
    expect(rank(ms, idOf('000', 'A mortar attack on an election rally'))).toBe(0);
  });

  it('word order and synonyms: coalition planes west of the Euphrates treated as targets', () => {
    const ms = matcher.match("Any aircraft of the US-led coalition flying west of the Euphrates in Syria will be treated as a target, Russia's defence ministry warned.");
    expect(ms[0]?.level).toBe('confident');
    expect(ms.slice(0, 3).map((m) => m.sentenceId)).toContain(idOf('002', 'Russia’s defence ministry has said it will treat any plane'));
  });

  it('the same claim with another figure is a match (the figure difference is shown elsewhere)', () => {
    const ms = matcher.match('Over 400,000 Syrians have been killed in the conflict, which started in March 2011.');
    expect(rank(ms, idOf('000', 'More than 250,000 Syrians have died in the conflict'))).toBe(0);
    expect(ms[0]!.level).toBe('confident');
  });
});

describe('different claims on the same topic', () => {
  it('a count of the wounded is not the death-toll claim', () => {
    const ms = matcher.match('Some 300 people were wounded in the suspected chemical attack on Khan Sheikhoun, in Idlib province.');
    const killedOnly = idOf('000', 'US intelligence reports say the Syrian government used chemical weapons');
    expect(ms.find((m) => m.sentenceId === killedOnly)?.level).not.toBe('confident');
  });

  it('the same dollar figure counting something else does not match', () => {
    const ms = matcher.match('The Islamic State has earned more than $500 million from selling oil, the US Treasury says.');
    expect(rank(ms, idOf('000', 'According to the US Department of Treasury, ISIS has made'))).toBe(0);
    expect(ms[0]!.level).toBe('confident');
    expect(rank(ms, idOf('000', 'President Barack Obama has asked the Congress to approve $500 million'))).toBe(-1);
  });

  it('an offensive that was launched ranks above the town retaken (status change)', () => {
    const ms = matcher.match('Kurdish forces launched an offensive on Thursday to retake the Iraqi town of Sinjar from Islamic State.');
    const launched = rank(ms, idOf('004', 'Kurdish Iraqi fighters, backed by U.S. airstrikes, launched an assault'));
    const retook = rank(ms, idOf('004', 'In another blow to ISIS, Reuters reports that Kurdish forces'));
    expect(launched).toBeGreaterThanOrEqual(0);
    expect(retook === -1 || launched < retook).toBe(true);
  });
});

describe('abstention', () => {
  it('an unrelated sentence returns nothing', () => {
    expect(matcher.match('The central bank raised interest rates by a quarter point on Wednesday to curb inflation.')).toEqual([]);
  });

  it('empty and garbage input returns nothing', () => {
    for (const junk of ['', '   ', '!!! ???', '12345 678', '\u00a0\u2014', 'x'.repeat(10_000), 'the of and to in']) {
      expect(matcher.match(junk)).toEqual([]);
    }
  });

  it('a topic word or a bare name is not a claim', () => {
    expect(matcher.match('Syria.')).toEqual([]);
    expect(matcher.match('Russian President Vladimir Putin').filter((m) => m.level === 'confident')).toEqual([]);
  });
});

describe('API contract', () => {
  it('excludeIds removes the query occurrence; results are sorted, limited and above POSSIBLE_SCORE', () => {
    const own = idOf('002', 'The US military confirmed that a US Navy F/A-18');
    const text = sentences.find((s) => s.id === own)!.text;
    expect(matcher.match(text)[0]!.sentenceId).toBe(own);
    const ms = matcher.match(text, { excludeIds: new Set([own]), limit: 3 });
    expect(ms.length).toBeLessThanOrEqual(3);
    expect(ms.some((m) => m.sentenceId === own)).toBe(false);
    for (let i = 1; i < ms.length; i++) expect(ms[i - 1]!.score).toBeGreaterThanOrEqual(ms[i]!.score);
    for (const m of ms) expect(m.score).toBeGreaterThanOrEqual(POSSIBLE_SCORE);
  });

  it('serializes and loads to a matcher with identical results', () => {
    const json = JSON.parse(JSON.stringify(matcher.toJSON())) as unknown;
    const loaded = Matcher.load(json, sentences);
    for (const q of ['A Syrian SU-22 jet was shot down on Sunday by a US Navy Super Hornet.', 'More than 250,000 people have died in Syria.']) {
      expect(loaded.match(q)).toEqual(matcher.match(q));
    }
  });

  it('a stale index (other sentences) is rebuilt rather than trusted', () => {
    const json = matcher.toJSON();
    const fewer = sentences.slice(0, 100);
    const loaded = Matcher.load(json, fewer);
    expect(loaded.size).toBe(100);
  });

  it('sentences added later are matched', () => {
    const m = Matcher.build(sentences.slice(0, 200));
    const note: Sentence = { id: 'user-1', articleId: 'user', docId: 'user', line: 1, text: 'Volunteers rebuilt the bakery in Kafr Nabl after the airstrike destroyed its ovens.', outlet: null, date: null, claimant: null, figures: [] };
    m.add([note]);
    expect(m.match('After an airstrike wrecked its ovens, volunteers rebuilt the Kafr Nabl bakery.')[0]?.sentenceId).toBe('user-1');
  });
});
