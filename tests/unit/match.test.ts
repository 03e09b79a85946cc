/**
 * Matcher unit tests: rewrites of corpus claims in other words (as another outlet would write them), figure
 * changes, different quantities, status changes, unrelated and garbage input, and the index round trip.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Matcher, POSSIBLE_SCORE, buildContext, type SentenceMatch } from '../../lib/match';
import { isQuestion } from '../../lib/match/matcher';
import type { Sentence } from '../../lib/corpus/types';
import { analyze } from '../../lib/match/text';
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
/** Score of corpus sentence `id` among matches, 0 when absent. */
const scoreOf = (ms: SentenceMatch[], id: string): number => ms.find((m) => m.sentenceId === id)?.score ?? 0;

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

describe('attribution is who says it, not what is said', () => {
  it('the tail after a closing reporting verb (to whom, where, when) is attribution too', () => {
    expect([...analyze('Russia has conducted its first airstrike in Syria, near the city of Homs, a senior U.S. official told CNN Wednesday.').attribution].sort()).toEqual(['cnn', 'offici', 'senior']);
    expect([...analyze('Russia launched air strikes in Syria last month, the ministry said in a statement on Monday.').attribution].sort()).toEqual(['ministri', 'statement']);
    // A word the claim itself uses stays content.
    expect(analyze('The statement was rejected, the ministry said in a statement.').attribution.has('statement')).toBe(false);
  });

  it('so a restatement with a long attribution tail scores closer to the claim it restates', () => {
    const q = 'Russia has conducted its first airstrike in Syria, near the city of Homs, a senior U.S. official told CNN Wednesday.';
    const best = matcher.match(q, { minScore: 0.3 })[0];
    expect(best?.sentenceId).toBe(idOf('000', 'Russia has conducted the first airstrikes in Syria'));
    expect(best!.score).toBeGreaterThan(matcher.match(q.replace(', a senior U.S. official told CNN Wednesday', ' while a senior U.S. official spoke with CNN on Wednesday'), { minScore: 0.3 })[0]?.score ?? 0);
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

describe('page context (the event a page sentence is read in)', () => {
  /** A page about the Russian strikes of October 2015, in other words than the corpus article on them. */
  const page = [
    'Russian warplanes bombed a headquarters of the Ahrar al-Sham group in Hama and Idlib provinces, the Observatory said.',
    'The Pentagon said it would resume talks with Moscow to avoid accidents in Syrian airspace.',
    'Syrian troops backed by Hezbollah pushed into the Sahl al-Ghab plain after the Russian bombing.',
    'Human Rights Watch said a new type of cluster munition was being used.',
  ];
  const sorties = 'The ministry in Moscow said its jets carried out 71 missions over the past day.';

  it('builds a context of term counts from page sentences', () => {
    const ctx = buildContext(page, '2015-10-10');
    expect(ctx.date).toBe('2015-10-10');
    expect(ctx.counts.get('hama')).toBe(1);
    expect(ctx.counts.size).toBeGreaterThan(20);
  });

  it('lifts the same quantity reported in other words in the same event (missions vs sorties)', () => {
    const target = idOf('003', 'The Russian defense ministry said in a statement that Russian planes flew 64 sorties');
    const alone = scoreOf(matcher.match(sorties, { minScore: 0 }), target);
    const inContext = matcher.match(sorties, { minScore: 0, context: buildContext([...page, sorties]) });
    expect(scoreOf(inContext, target)).toBeGreaterThan(alone + 0.05);
    expect(scoreOf(inContext, target)).toBeGreaterThanOrEqual(POSSIBLE_SCORE);
  });

  it('context alone never makes a match', () => {
    const ctx = buildContext([...page, sorties]);
    expect(matcher.match('The central bank raised interest rates by a quarter point on Wednesday to curb inflation.', { context: ctx })).toEqual([]);
    expect(matcher.match('Hama.', { context: ctx })).toEqual([]);
  });

  it('a page dated years away from the corpus article lowers the match (another event)', () => {
    const q = 'A US Navy Super Hornet shot down a Syrian SU-22 on Sunday after it bombed SDF fighters, the US military said.';
    const ctxText = [q, 'The Pentagon said the jet had attacked US-backed fighters near Tabqa.'];
    const target = idOf('002', 'On Sunday, the U.S. military said it had shot down the Syrian SU-22');
    const sameTime = scoreOf(matcher.match(q, { minScore: 0, context: buildContext(ctxText, '2017-06-19') }), target);
    const yearsLater = scoreOf(matcher.match(q, { minScore: 0, context: buildContext(ctxText, '2020-06-19') }), target);
    expect(sameTime).toBeGreaterThan(0);
    expect(yearsLater).toBeLessThan(sameTime);
  });

  it('without a context results are unchanged by the option being absent; a loaded index gives the same with context', () => {
    const ctx = buildContext([...page, sorties]);
    const loaded = Matcher.load(JSON.parse(JSON.stringify(matcher.toJSON())) as unknown, sentences);
    expect(loaded.match(sorties, { context: ctx })).toEqual(matcher.match(sorties, { context: ctx }));
    expect(matcher.match(sorties, {})).toEqual(matcher.match(sorties));
  });
});

describe('dates', () => {
  it('another calendar day of the same month reads as another step of the story', () => {
    const target = idOf('000', 'Russia and the US have agreed on a Syrian ceasefire scheduled to come into effect at midnight on February 27');
    const sameDay = matcher.match('Russia and the US agreed on a ceasefire in Syria that takes effect at midnight on February 27.', { minScore: 0 });
    const otherDay = matcher.match('Russia and the US agreed on a ceasefire in Syria that takes effect at midnight on February 12.', { minScore: 0 });
    expect(scoreOf(otherDay, target)).toBeLessThan(scoreOf(sameDay, target));
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

  it('a direct question states no claim; the same words as a statement, or a quoted question, are scored', () => {
    expect(isQuestion('Who shot the plane down?')).toBe(true);
    expect(matcher.match('Did the US shoot down a Syrian aircraft for the first time?')).toEqual([]);
    expect(matcher.match('The US shot down a Syrian aircraft for the first time.')[0]?.sentenceId).toBe(idOf('002', 'The incident marked the first time an American fighter jet'));
    // A speaker's rhetorical question in quotes is the speaker's claim.
    const quoted = '“What is this if not an act of aggression?”';
    expect(isQuestion(quoted)).toBe(false);
    expect(matcher.match(quoted).length).toBeGreaterThan(0);
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

  it('a limit cuts the whole ranking: the first k of all matches, reasons included, ties by sentence id', () => {
    // Five reprints of every 20th corpus sentence that matches itself: a query restating one of them passes with its reprints at equal
    // scores, so the cut falls among equals (the matcher ranks the passing candidates before listing reasons).
    const reprinted = sentences.filter((s, i) => i % 20 === 0 && matcher.match(s.text, { limit: 1 })[0]?.sentenceId === s.id);
    expect(reprinted.length).toBeGreaterThanOrEqual(20);
    const copies = reprinted.flatMap((s) => [1, 2, 3, 4, 5].map((k) => ({ ...s, id: `${s.id}~${k}` })));
    const m = Matcher.build([...sentences, ...copies]);
    let cuts = 0;
    for (const s of reprinted) {
      const all = m.match(s.text, { limit: 100 });
      expect(all.length).toBeGreaterThanOrEqual(6);
      for (let i = 1; i < all.length; i++) {
        const [a, b] = [all[i - 1]!, all[i]!];
        expect(a.score > b.score || (a.score === b.score && a.sentenceId < b.sentenceId)).toBe(true);
      }
      for (const limit of [1, 2, 3, 5]) expect(m.match(s.text, { limit })).toEqual(all.slice(0, limit));
      if (all[0]!.score === all[1]!.score) cuts++;
      for (const r of all) expect(r.reason.terms.length + r.reason.entities.length).toBeGreaterThan(0);
    }
    expect(cuts).toBeGreaterThan(reprinted.length / 2);
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
    const note: Sentence = { id: 'user-1', articleId: 'user', docId: 'user', line: 1, text: 'Volunteers rebuilt the bakery in Kafr Nabl after the airstrike destroyed its ovens.', outlet: null, outletBasis: null, date: null, claimant: null, figures: [] };
    m.add([note]);
    expect(m.match('After an airstrike wrecked its ovens, volunteers rebuilt the Kafr Nabl bakery.')[0]?.sentenceId).toBe('user-1');
  });
});
