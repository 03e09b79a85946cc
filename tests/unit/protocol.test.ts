import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Handlers, dispatch, isMessage, message, unwrap } from '../../lib/protocol';
import { MAX_DISMISSED_PAGES, levelShown, originPattern, pageKey, siteEnabled, siteOrigin, withDismissed } from '../../lib/settings';
import { addAlwaysCheckSite, alwaysCheckItem, removeAlwaysCheckSite, sensitivityItem, setSiteEnabled, siteTogglesItem } from '../../utils/settings';

/** The popup open as a tab (tab 7): an extension page, which may send everything. */
const ctx = { tabId: 7, url: 'https://www.reuters.com/world/a', sender: 'extension', origin: 'chrome-extension://abc' } as const;

describe('protocol: one typed message map with a pure dispatch', () => {
  const handlers: Handlers = {
    contentReady: ({ url }, c) => ({ mode: url === c.url && c.tabId === 7 ? 'page' : 'off', sensitivity: 'possible', dismissed: [] }),
    moveClaim: async ({ direction }) => ({ index: direction, total: 3 }),
    checkPage: () => {
      throw new Error('no article');
    },
  };

  it('routes a message to its handler with the sender context and wraps the answer', async () => {
    const answer = await dispatch(handlers, message('contentReady', { url: ctx.url }), ctx);
    expect(answer).toEqual({ ok: true, res: { mode: 'page', sensitivity: 'possible', dismissed: [] } });
    expect(unwrap('contentReady', answer)).toEqual({ mode: 'page', sensitivity: 'possible', dismissed: [] });
    expect(await dispatch(handlers, message('moveClaim', { direction: -1 }), ctx)).toEqual({ ok: true, res: { index: -1, total: 3 } });
  });

  it('turns a thrown error into an error envelope that unwrap re-throws', async () => {
    const answer = await dispatch(handlers, message('checkPage', {}), ctx);
    expect(answer).toEqual({ ok: false, error: 'no article' });
    expect(() => unwrap('checkPage', answer)).toThrow('checkPage: no article');
  });

  it('leaves unknown messages and requests this side does not handle to other listeners', () => {
    expect(dispatch(handlers, { type: 'stealCookies', req: {} }, ctx)).toBeNull();
    expect(dispatch(handlers, 'hello', ctx)).toBeNull();
    expect(dispatch(handlers, message('checkSelection', {}), ctx)).toBeNull();
    expect(isMessage({ type: 'toString', req: {} })).toBe(false);
    expect(isMessage({ type: 'moveClaim' })).toBe(false);
    expect(() => unwrap('moveClaim', undefined)).toThrow(/no answer/);
  });
});

describe('settings: versioned storage items and the rules that read them', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps at most MAX_DISMISSED_PAGES pages, forgetting the oldest', () => {
    let all = {};
    for (let i = 0; i <= MAX_DISMISSED_PAGES; i++) all = withDismissed(all, `https://n.example/${i}`, 'c');
    const keys = Object.keys(all);
    expect(keys).toHaveLength(MAX_DISMISSED_PAGES);
    expect(keys).not.toContain('https://n.example/0');
    expect(keys.at(-1)).toBe(`https://n.example/${MAX_DISMISSED_PAGES}`);
  });

  it('stores the always-check sites once each, as origins with match patterns', async () => {
    expect(siteOrigin('https://example.org/a/b?c')).toBe('https://example.org');
    expect(siteOrigin('chrome://extensions')).toBeNull();
    await addAlwaysCheckSite('https://example.org');
    await addAlwaysCheckSite('https://example.org');
    await addAlwaysCheckSite('http://local.test');
    expect(await alwaysCheckItem.getValue()).toEqual(['https://example.org', 'http://local.test']);
    await removeAlwaysCheckSite('https://example.org');
    expect(await alwaysCheckItem.getValue()).toEqual(['http://local.test']);
    expect(originPattern('https://example.org')).toBe('https://example.org/*');
  });

  it('switches automatic checking per host, on by default', async () => {
    expect(siteEnabled(await siteTogglesItem.getValue(), 'https://www.cnn.com/x')).toBe(true);
    await setSiteEnabled('https://www.cnn.com/x', false);
    const toggles = await siteTogglesItem.getValue();
    expect(siteEnabled(toggles, 'https://www.cnn.com/y')).toBe(false);
    expect(siteEnabled(toggles, 'https://edition.cnn.com/y')).toBe(true);
  });

  it('shows possible matches unless the reader asks for confident ones only', async () => {
    expect(await sensitivityItem.getValue()).toBe('possible');
    expect(levelShown('possible', 'possible')).toBe(true);
    await sensitivityItem.setValue('confident');
    expect(levelShown('possible', await sensitivityItem.getValue())).toBe(false);
    expect(levelShown('confident', 'confident')).toBe(true);
  });
});
