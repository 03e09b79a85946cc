import { describe, expect, it } from 'vitest';
import { PageContexts } from '../../lib/match';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusView, hardWrapBreaks, matchSentence, pageSentences } from '../../lib/match/page';
import { OTHER_OUTLETS, outletPageText } from '../fixtures/match/other-outlets';
import { AGREEMENT_SCORE, PAGE_RULE, addSupport, agreed, articleLinks, decide, emptySupport, type PageRule } from '../../lib/match/page-rule';
import { loadCorpus } from '../../scripts/corpus-io';

const RULE: PageRule = { support: 0.6, confident: 0.7, confidentInEvent: 0.5, possible: 0.55, possibleInEvent: 0.4, softInEvent: 0.35 };
const m = (sentenceId: string, articleId: string, score: number) => ({ sentenceId, articleId, score });

describe('page rule: the page event lowers the bar for its claims', () => {
  it('links the best match at the confident level, whatever the support', () => {
    expect(decide([m('a1', 'A', 0.75), m('b1', 'B', 0.6)], 'q', undefined, RULE)).toEqual({ match: m('a1', 'A', 0.75), level: 'confident' });
  });

  it('prefers the best match of an article another sentence of the page restates, at a lower bar', () => {
    const support = emptySupport();
    addSupport(support, 'other sentence', m('b9', 'B', 0.65), RULE);
    const matches = [m('a1', 'A', 0.6), m('b1', 'B', 0.52)];
    expect(decide(matches, 'q', support, RULE)).toEqual({ match: m('b1', 'B', 0.52), level: 'confident' });
    // Without support the same matches are only possible, and linked to the best one.
    expect(decide(matches, 'q', emptySupport(), RULE)).toEqual({ match: m('a1', 'A', 0.6), level: 'possible' });
  });

  it('a sentence does not support itself, and a weak best match supports nothing', () => {
    const support = emptySupport();
    addSupport(support, 'q', m('b9', 'B', 0.65), RULE);
    // (A best match from AGREEMENT_SCORE up, under the support bar, is an agreement: see the next test.)
    addSupport(support, 'weak', m('b8', 'B', AGREEMENT_SCORE - 0.05), RULE);
    expect(decide([m('b1', 'B', 0.52)], 'q', support, RULE)).toBeNull();
    expect(decide([m('b1', 'B', 0.52)], 'another', support, RULE)?.level).toBe('confident');
    addSupport(support, 'agreeing', m('b7', 'B', 0.5), RULE);
    expect(decide([m('b1', 'B', 0.52)], 'q', support, RULE)?.level).toBe('possible');
  });

  it('articles that state one claim are one event: the support of one extends to the others', () => {
    const articleOf = (id: string) => id.slice(0, 1).toUpperCase();
    const links = articleLinks([{ sentenceIds: ['a1', 'b1'] }, { sentenceIds: ['b2', 'c1'] }, { sentenceIds: ['d1', 'd2'] }], articleOf);
    expect(Object.fromEntries(links)).toEqual({ A: ['B'], B: ['A', 'C'], C: ['B'] });
    const support = emptySupport();
    addSupport(support, 'other sentence', m('a9', 'A', 0.65), RULE, links);
    // B shares a claim with A: its best match takes the lower bar; C is two steps away and does not.
    expect(decide([m('x1', 'X', 0.6), m('b1', 'B', 0.52)], 'q', support, RULE)).toEqual({ match: m('b1', 'B', 0.52), level: 'confident' });
    expect(decide([m('x1', 'X', 0.6), m('c1', 'C', 0.52)], 'q', support, RULE)).toEqual({ match: m('x1', 'X', 0.6), level: 'possible' });
  });

  it('two sentences whose best matches agree on an article under the support bar make it the event, at the possible level only', () => {
    const weak = AGREEMENT_SCORE + 0.05;
    expect(weak).toBeLessThan(RULE.support);
    const support = emptySupport();
    addSupport(support, 'first', m('b8', 'B', weak), RULE);
    // One sentence is not an agreement, for itself or for another.
    expect(agreed(support, 'B', 'other')).toBe(false);
    expect(decide([m('x1', 'X', 0.5), m('b1', 'B', 0.45)], 'other', support, RULE)).toBeNull();
    addSupport(support, 'second', m('b9', 'B', weak), RULE);
    expect(agreed(support, 'B', 'first')).toBe(true);
    expect(decide([m('x1', 'X', 0.5), m('b1', 'B', 0.45)], 'other', support, RULE)).toEqual({ match: m('b1', 'B', 0.45), level: 'possible' });
    // Never a confident link, and not under the possible in-event bar; a best match under AGREEMENT_SCORE counts for nothing.
    expect(decide([m('b1', 'B', 0.6)], 'other', support, RULE)?.level).toBe('possible');
    expect(decide([m('b1', 'B', RULE.possibleInEvent - 0.01)], 'other', support, RULE)).toBeNull();
    addSupport(support, 'third', m('c9', 'C', AGREEMENT_SCORE - 0.01), RULE);
    addSupport(support, 'fourth', m('c8', 'C', AGREEMENT_SCORE - 0.01), RULE);
    expect(agreed(support, 'C', 'other')).toBe(false);
  });

  it('the soft branch offers an in-event candidate the lexical score left out, as possible only', () => {
    const support = emptySupport();
    addSupport(support, 'other', m('b9', 'B', 0.65), RULE);
    const soft = () => [m('a2', 'A', 0.9), m('b2', 'B', 0.36)];
    expect(decide([], 'q', support, RULE, soft)).toEqual({ match: m('b2', 'B', 0.36), level: 'possible' });
    expect(decide([], 'q', support, { ...RULE, softInEvent: 1 }, soft)).toBeNull();
  });
});

describe('page text into sentences', () => {
  it('joins hard-wrapped wire copy but keeps headlines and paragraphs apart', () => {
    const text = 'Kerry in Moscow to press Putin\nMOSCOW (Reuters) - Kerry arrived in Moscow on Wednesday seeking answers from\nPresident Vladimir Putin on the future of\nSyria, an official said.\nThe talks last two days.';
    const got = pageSentences(text).map((s) => s.text);
    expect(got).toEqual([
      'Kerry in Moscow to press Putin',
      'MOSCOW (Reuters) - Kerry arrived in Moscow on Wednesday seeking answers from\nPresident Vladimir Putin on the future of\nSyria, an official said.',
      'The talks last two days.',
    ]);
    for (const s of pageSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('hard-wrapped wire copy at a fixed width', () => {
  const pageText = (file: string): string => outletPageText(`pages/${file}`);

  it('reads a Reuters story wrapped at 60 characters as whole sentences (capitals after the wrap included)', () => {
    const text = pageText('24-reuters-kerry-moscow.txt');
    const got = pageSentences(text).map((s) => s.text.replace(/\s+/g, ' '));
    expect(got).toContain('MOSCOW, March 23 U.S. Secretary of State John Kerry arrived in Moscow on Wednesday seeking answers from President Vladimir Putin on how Russia views a political transition unfolding in Syria, in particular the fate of President Bashar al-Assad.');
    expect(got).toContain('"The Secretary would like to now really hear where President Putin is in his thinking ... on a political transition" in Syria, said the official, speaking on condition of anonymity.');
    // The dateline above the story is not part of it.
    expect(got).toContain('| MOSCOW, March 23');
    for (const s of pageSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds no wrap in pages of paragraphs, short lists or headlines above a story', () => {
    const others = readdirSync(join(OTHER_OUTLETS, 'pages')).filter((f) => !f.startsWith('24-'));
    expect(others.length).toBe(46);
    for (const f of others) expect(hardWrapBreaks(pageText(f)), f).toEqual([]);
    const headlines = 'Syria condemns Turkey shelling, urges UN action\nTruce in Syria to take effect\nUN suspends Syrian peace talks\nObama, Putin split on Ukraine, Syria\nRussia bombs IS stronghold in Syria\nAssad makes surprise visit to Moscow';
    expect(hardWrapBreaks(headlines)).toEqual([]);
  });

  it('reads a text of 300,000 short lines without overflowing (no wrap: one word per line)', () => {
    const text = Array.from({ length: 300_000 }, (_, i) => `Line ${i}`).join('\n');
    expect(hardWrapBreaks(text)).toEqual([]);
  });

  it("keeps a paragraph's short last line and a blank line as breaks", () => {
    const line = 'word '.repeat(12).trim();
    const text = [line, line, 'end of it.', '', line, line, line, 'the end.'].join('\n');
    // Every line goes on in lower case, as prose does.
    const breaks = hardWrapBreaks(text);
    const after = (k: number) => text.split('\n').slice(0, k + 1).join('\n').length;
    expect(breaks).toEqual([after(0), after(1), after(4), after(5), after(6)]);
  });
});

describe('the background grows a page support batch by batch', () => {
  it('a later batch of the page is read with the support of the earlier ones', () => {
    const corpus = loadCorpus();
    const view = CorpusView.fromCorpus(corpus);
    const contexts = new PageContexts();
    // A corpus sentence restated verbatim supports its article.
    const anchor = corpus.sentences.find((s) => s.text.length > 80)!;
    const first = contexts.extend('tab|url', [anchor.text]);
    expect(matchSentence(view, { start: 0, end: anchor.text.length, text: anchor.text }, null, first)?.level).toBe('confident');
    const second = contexts.extend('tab|url', ['Something else entirely.']);
    expect([...(second.support?.strong.get(anchor.articleId) ?? [])]).toEqual([anchor.text]);
    expect(PAGE_RULE.support).toBeLessThanOrEqual(1);
  });

  it('a restated sentence also supports the articles that share a claim with its own (the corpus claims)', () => {
    const corpus = loadCorpus();
    const view = CorpusView.fromCorpus(corpus);
    const articleOf = new Map(corpus.sentences.map((s) => [s.id, s.articleId]));
    const joint = corpus.claims.find((c) => new Set(c.sentenceIds.map((id) => articleOf.get(id))).size > 1)!;
    const anchor = corpus.sentences.find((s) => s.id === joint.sentenceIds[0])!;
    const others = [...new Set(joint.sentenceIds.map((id) => articleOf.get(id)!))].filter((a) => a !== anchor.articleId);
    expect(view.articleLinks.get(anchor.articleId)).toEqual(expect.arrayContaining(others));
    const context = new PageContexts().extend('tab|url', [anchor.text]);
    expect(matchSentence(view, { start: 0, end: anchor.text.length, text: anchor.text }, null, context)?.level).toBe('confident');
    for (const a of [anchor.articleId, ...others]) expect([...(context.support?.strong.get(a) ?? [])]).toEqual([anchor.text]);
  });
});
