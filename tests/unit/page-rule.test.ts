import { describe, expect, it } from 'vitest';
import { PageContexts } from '../../lib/match';
import { CorpusView, matchSentence, pageSentences } from '../../lib/match/page';
import { PAGE_RULE, addSupport, decide, type PageRule, type PageSupport } from '../../lib/match/page-rule';
import { loadCorpus } from '../../scripts/corpus-io';

const RULE: PageRule = { support: 0.6, confident: 0.7, confidentInEvent: 0.5, possible: 0.55, possibleInEvent: 0.4, softInEvent: 0.35 };
const m = (sentenceId: string, articleId: string, score: number) => ({ sentenceId, articleId, score });

describe('page rule: the page event lowers the bar for its claims', () => {
  it('links the best match at the confident level, whatever the support', () => {
    expect(decide([m('a1', 'A', 0.75), m('b1', 'B', 0.6)], 'q', undefined, RULE)).toEqual({ match: m('a1', 'A', 0.75), level: 'confident' });
  });

  it('prefers the best match of an article another sentence of the page restates, at a lower bar', () => {
    const support: PageSupport = new Map();
    addSupport(support, 'other sentence', m('b9', 'B', 0.65), RULE);
    const matches = [m('a1', 'A', 0.6), m('b1', 'B', 0.52)];
    expect(decide(matches, 'q', support, RULE)).toEqual({ match: m('b1', 'B', 0.52), level: 'confident' });
    // Without support the same matches are only possible, and linked to the best one.
    expect(decide(matches, 'q', new Map(), RULE)).toEqual({ match: m('a1', 'A', 0.6), level: 'possible' });
  });

  it('a sentence does not support itself, and a weak best match supports nothing', () => {
    const support: PageSupport = new Map();
    addSupport(support, 'q', m('b9', 'B', 0.65), RULE);
    addSupport(support, 'weak', m('b8', 'B', 0.5), RULE);
    expect(decide([m('b1', 'B', 0.52)], 'q', support, RULE)).toBeNull();
    expect(decide([m('b1', 'B', 0.52)], 'another', support, RULE)?.level).toBe('confident');
  });

  it('the soft branch offers an in-event candidate the lexical score left out, as possible only', () => {
    const support: PageSupport = new Map();
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
    expect([...(second.support?.get(anchor.articleId) ?? [])]).toEqual([anchor.text]);
    expect(PAGE_RULE.support).toBeLessThanOrEqual(1);
  });
});
