/**
 * The highlight modes' pure rules (lib/settings.ts): which mode holds on a page (the site's own, else the
 * global one), which matches each mode marks, and the undo of "Not a match". Matches are real matches of the
 * committed corpus, so "figures differ" is what the comparison says, not a flag set by hand.
 */
import { describe, expect, it } from 'vitest';
import { figuresDiffer, highlightModeOn, markedUnder, withDismissed, withoutDismissed } from '../../lib/settings';
import { differingFiguresMatch, mostMentionedMatch } from '../components/real-matches';

describe('highlight modes', () => {
  it('a site’s own mode wins over the global one; other sites and non-URLs follow the global one', () => {
    const sites = { 'www.bbc.com': 'off' } as const;
    expect(highlightModeOn('all', sites, 'https://www.bbc.com/news/world-1')).toBe('off');
    expect(highlightModeOn('differing', sites, 'https://www.reuters.com/world')).toBe('differing');
    expect(highlightModeOn('differing', sites, 'not a url')).toBe('differing');
  });

  it('"all" marks every match, "differing" only those whose figures differ, "off" none', () => {
    const differing = differingFiguresMatch();
    const plain = { ...mostMentionedMatch(), figures: mostMentionedMatch().figures.filter((f) => !f.differ) };
    expect(figuresDiffer(differing)).toBe(true);
    expect(figuresDiffer(plain)).toBe(false);
    expect([markedUnder('all', differing), markedUnder('all', plain)]).toEqual([true, true]);
    expect([markedUnder('differing', differing), markedUnder('differing', plain)]).toEqual([true, false]);
    expect([markedUnder('off', differing), markedUnder('off', plain)]).toEqual([false, false]);
  });

  it('undoing "Not a match" removes one claim of one page and forgets a page left with none', () => {
    const page = 'https://news.example/a?utm=x';
    const all = withDismissed(withDismissed(withDismissed({}, page, 'c-1'), page, 'c-2'), 'https://news.example/b', 'c-3');
    expect(withoutDismissed(all, 'https://news.example/a#top', 'c-1')).toEqual({ 'https://news.example/a': ['c-2'], 'https://news.example/b': ['c-3'] });
    expect(withoutDismissed(all, 'https://news.example/b', 'c-3')).toEqual({ 'https://news.example/a': ['c-1', 'c-2'] });
    expect(withoutDismissed(all, 'https://news.example/c', 'c-1')).toEqual(all);
  });
});
