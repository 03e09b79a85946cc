import { describe, expect, it } from 'vitest';
import { pageSupport } from '../../lib/popup/page-support';
import { BADGE_MAX, TabClaims, badgeText } from '../../lib/popup/tab-claims';
import { tabParam, requestApplies } from '../../entrypoints/popup/request';

describe('where Crosscheck can run', () => {
  it('web pages run; browser pages, extension stores and unreadable files do not', () => {
    expect(pageSupport('https://www.bbc.co.uk/news/world-1', false)).toEqual({ runs: true });
    expect(pageSupport('chrome://settings', false)).toEqual({ runs: false, reason: 'browser-page' });
    expect(pageSupport('about:blank', false)).toEqual({ runs: false, reason: 'browser-page' });
    expect(pageSupport('chrome-extension://abc/popup.html', false)).toEqual({ runs: false, reason: 'browser-page' });
    expect(pageSupport('https://chromewebstore.google.com/detail/x', false)).toEqual({ runs: false, reason: 'extension-store' });
    expect(pageSupport('https://chrome.google.com/webstore/detail/x', false)).toEqual({ runs: false, reason: 'extension-store' });
    expect(pageSupport('https://chrome.google.com/search', false)).toEqual({ runs: true });
    expect(pageSupport('https://addons.mozilla.org/en-US/firefox/', false)).toEqual({ runs: false, reason: 'extension-store' });
    expect(pageSupport('file:///home/a/article.html', false)).toEqual({ runs: false, reason: 'file-access' });
    expect(pageSupport('file:///home/a/article.html', true)).toEqual({ runs: true });
    expect(pageSupport(null, false)).toEqual({ runs: true });
  });
});

describe('the badge count', () => {
  const url = 'https://news.example/a';
  it('counts distinct claims shown under the settings, per page', () => {
    const t = new TabClaims();
    t.record(1, url, [
      { text: 's1', claim: 'c1', level: 'confident' },
      { text: 's2', claim: 'c1', level: 'confident' },
      { text: 's3', claim: 'c2', level: 'possible' },
      { text: 's4', claim: 'c3', level: 'confident' },
    ]);
    expect(t.count(1, 'possible', {})).toBe(3);
    expect(t.count(1, 'confident', {})).toBe(2);
    expect(t.count(1, 'possible', { 'https://news.example/a': ['c3'] })).toBe(2);
    expect(t.count(2, 'possible', {})).toBe(0);
  });

  it('an anchor is the same page; another page starts afresh; clear forgets the tab', () => {
    const t = new TabClaims();
    t.record(1, url, [{ text: 's1', claim: 'c1', level: 'confident' }]);
    t.record(1, `${url}#comments`, [{ text: 's2', claim: 'c2', level: 'confident' }]);
    expect(t.count(1, 'possible', {})).toBe(2);
    expect(t.holds(1, `${url}?utm=x`)).toBe(true);
    t.record(1, 'https://news.example/b', [{ text: 's3', claim: 'c3', level: 'confident' }]);
    expect(t.count(1, 'possible', {})).toBe(1);
    t.clear(1);
    expect(t.tabIds()).toEqual([]);
  });

  it('badge text is empty for none and capped', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(BADGE_MAX + 1)).toBe(`${BADGE_MAX}+`);
  });
});

describe('what the popup was opened for', () => {
  it('reads an explicit tab id and ignores junk', () => {
    expect(tabParam('?tab=42')).toBe(42);
    expect(tabParam('')).toBeNull();
    expect(tabParam('?tab=abc')).toBeNull();
    expect(tabParam('?tab=-1')).toBeNull();
  });

  it('applies a stored request only on the page it was made on', () => {
    const req = { claim: '', intent: 'lookup' as const, quote: 'sarin', url: 'https://news.example/a#x' };
    expect(requestApplies(req, 'https://news.example/a')).toBe(true);
    expect(requestApplies(req, 'https://news.example/b')).toBe(false);
    expect(requestApplies(req, null)).toBe(true);
    expect(requestApplies(null, 'https://news.example/a')).toBe(false);
  });
});
