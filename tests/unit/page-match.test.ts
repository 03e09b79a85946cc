import { describe, expect, it } from 'vitest';
import { buildContext } from '../../lib/match';
import { CorpusView, WARM_UP_SENTENCES, matchPage, matchSentence, pageSentences, warmUpQueries } from '../../lib/match/page';
import { committedCorpus } from './corpus-helpers';

const view = CorpusView.fromCorpus(committedCorpus());
const at = (text: string) => ({ start: 0, end: text.length, text });

describe('matchSentence', () => {
  it('joins the mentions of every claim the sentence confidently restates, and compares their figures', () => {
    const text = 'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.';
    // Read on its page: a report of the Shayrat strike.
    const page = [
      'The United States struck a Syrian government airbase before dawn on Friday after a suspected nerve-gas attack.',
      text,
      'Officials said the destroyers USS Porter and USS Ross launched the missiles at Shayrat airfield in western Homs province.',
    ];
    const match = matchSentence(view, at(text), null, buildContext(page))!;
    expect(match.level).toBe('confident');
    const mentions = match.mentions.map((m) => m.text);
    expect(mentions).toContain(text);
    expect(mentions.some((m) => m.includes('fired dozens of cruise missiles at Shayrat airfield'))).toBe(true);
    expect(new Set(match.mentions.map((m) => m.sentenceId)).size).toBe(match.mentions.length);
    const missiles = match.figures.find((f) => f.what === 'missiles')!;
    expect(missiles.page?.value).toBe(59);
    // 59 is "dozens": consistent, never a conflict (issue 11); the two ships are not a count of the claim.
    expect(missiles).toMatchObject({ differ: false, kind: 'consistent' });
    expect(match.figures.some((f) => f.what === 'ships')).toBe(false);
  });

  it('abstains on a sentence about something else', () => {
    expect(matchSentence(view, at('The city library reopened on Monday after a two-year renovation of its reading rooms.'))).toBeNull();
  });
});

describe('pageSentences and matchPage', () => {
  it('keep offsets into the page text across paragraphs', () => {
    const text = 'First paragraph here. It has two sentences.\nSecond one.';
    const sentences = pageSentences(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(sentences.map((s) => s.text));
    expect(sentences.map((s) => s.text)).toEqual(['First paragraph here.', 'It has two sentences.', 'Second one.']);
  });

  it('bounds the number of sentences it reads', () => {
    expect(pageSentences('One sentence here. '.repeat(50), 10)).toHaveLength(10);
  });

  it('lists only matched sentences, in reading order', () => {
    const page = [
      'The weather was mild in the capital on Monday.',
      'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.',
      'Tickets for the concert sold out within an hour.',
    ].join('\n');
    const matches = matchPage(view, page);
    expect(matches.map((m) => m.text)).toEqual(['Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.']);
  });
});

describe('PageContexts', () => {
  it('grows a page context batch by batch, once per sentence, and keeps pages apart', async () => {
    const { PageContexts } = await import('../../lib/match');
    const contexts = new PageContexts();
    const first = contexts.extend('1|a', ['Tomahawk missiles hit Shayrat airfield.']);
    const second = contexts.extend('1|a', ['Tomahawk missiles hit Shayrat airfield.', 'The destroyers fired from the Mediterranean.']);
    const other = contexts.extend('2|b', ['The library reopened.']);
    const tomahawk = [...first.counts.keys()].find((t) => t.startsWith('tomahawk'))!;
    expect(first.counts.get(tomahawk)).toBe(1);
    expect(second.counts.get(tomahawk)).toBe(1);
    expect(second.counts.size).toBeGreaterThan(first.counts.size);
    expect(other.counts.has(tomahawk)).toBe(false);
  });
});

describe('warmUpQueries', () => {
  it('spreads page-like queries over the corpus that take the whole matching path, figures included', () => {
    const queries = warmUpQueries(view);
    expect(queries).toHaveLength(WARM_UP_SENTENCES);
    const docs = new Set(queries.map((q) => view.corpus.sentences.find((s) => s.text === q.text)!.docId));
    expect(docs.size).toBe(view.corpus.documents.length);
    const context = buildContext(queries.map((q) => q.text));
    const matches = queries.map((q) => matchSentence(view, q, null, context));
    // Each is a corpus sentence read as a page sentence: most find themselves, and some compare figures.
    expect(matches.filter((m) => m?.level === 'confident').length).toBeGreaterThan(WARM_UP_SENTENCES / 2);
    expect(matches.some((m) => (m?.figures.length ?? 0) > 0)).toBe(true);
  });
});
