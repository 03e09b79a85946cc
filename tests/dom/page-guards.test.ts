// @vitest-environment happy-dom
/**
 * The content script's guards against its page (issue 15): untrusted input stopped at our shadow roots, the
 * start signal kept out of the page, test signals only in test builds, and the limits on what page changes
 * can cost (merged batches, huge blocks, the answer cache).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { IsolatedContentScriptContext } from '../../utils/content-script-context';
import { GUARDED_EVENTS, dropUntrustedInput } from '../../entrypoints/crosscheck.content/in-page-ui';
import { testMark } from '../../entrypoints/crosscheck.content/signals';
import { MAX_BLOCK_CHARS, MAX_NODES_PER_PASS, mergeChanges, textLongerThan } from '../../entrypoints/crosscheck.content/page-changes';
import { Checker, MAX_ANSWERS } from '../../entrypoints/crosscheck.content/checker';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  performance.clearMarks();
});

/** An event as the browser makes it for real input (happy-dom cannot make one; the flag is all we read). */
function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

describe('in-page UI ignores input made by page scripts', () => {
  function mounted() {
    const host = document.createElement('crosscheck-card');
    const shadow = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    shadow.append(button);
    document.body.append(host);
    dropUntrustedInput(shadow);
    const seen: string[] = [];
    for (const type of GUARDED_EVENTS) button.addEventListener(type, () => seen.push(type));
    return { host, button, seen };
  }

  it('stops every untrusted input event before our handlers, and lets the reader’s own through', () => {
    const { host, button, seen } = mounted();
    expect(host.shadowRoot).toBeNull();
    for (const type of GUARDED_EVENTS) button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    button.click();
    expect(seen).toEqual([]);
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(seen).toEqual(['click', 'keydown']);
  });
});

describe("the content script's start signal stays in the extension's world", () => {
  it('a newer copy stops the older one; a page replaying WXT’s signal stops nothing and sees no message', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const first = new IsolatedContentScriptContext('crosscheck');
    const early = new IsolatedContentScriptContext('crosscheck-early');
    expect(first.isValid).toBe(true);
    // What a page does with the extension id it learnt: WXT's own event, any message id.
    const type = `${fakeBrowser.runtime.id}:crosscheck:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'crosscheck', messageId: 'attacker' } }));
    expect(first.isValid).toBe(true);
    expect(posted).not.toHaveBeenCalled();
    const second = new IsolatedContentScriptContext('crosscheck');
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
    expect(early.isValid).toBe(true);
    // WXT's own context, for comparison, is stopped by the replay.
    const wxt = new WxtContext('crosscheck-wxt');
    document.dispatchEvent(new CustomEvent(`${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`, { detail: { contentScriptName: 'crosscheck-wxt', messageId: 'attacker' } }));
    expect(wxt.isValid).toBe(false);
  });
});

describe('test signals', () => {
  it('sets no performance mark unless the build is a test build', () => {
    testMark('crosscheck:probe', { placed: 3 });
    expect(performance.getEntriesByName('crosscheck:probe')).toHaveLength(0);
    vi.stubEnv('CROSSCHECK_TEST_SIGNALS', '1');
    testMark('crosscheck:probe', { placed: 3 });
    const marks = performance.getEntriesByName('crosscheck:probe') as PerformanceMark[];
    expect(marks.map((m) => m.detail)).toEqual([{ placed: 3 }]);
  });
});

describe('limits on what page changes cost', () => {
  it('merges batches, keeping each node once and at most the cap', () => {
    const nodes = Array.from({ length: MAX_NODES_PER_PASS + 500 }, () => document.createElement('p'));
    const merged = mergeChanges([
      { added: nodes.slice(0, 2000), touched: [document.body], removed: false },
      { added: nodes.slice(1000), touched: [document.body], removed: true },
    ]);
    expect(merged.added).toHaveLength(MAX_NODES_PER_PASS);
    expect(merged.added.slice(0, 3)).toEqual(nodes.slice(0, 3));
    expect(merged.touched).toEqual([document.body]);
    expect(merged.removed).toBe(true);
  });

  it('tells a huge block from an article paragraph without reading all of it', () => {
    const p = document.createElement('p');
    p.innerHTML = '<span>The council met on Tuesday.</span> It voted for the new timetable.';
    expect(textLongerThan(p, MAX_BLOCK_CHARS)).toBe(false);
    const big = document.createElement('p');
    big.append('x'.repeat(MAX_BLOCK_CHARS - 5), document.createElement('b'), 'y'.repeat(10));
    expect(textLongerThan(big, MAX_BLOCK_CHARS)).toBe(true);
    expect(textLongerThan(document.createTextNode('z'.repeat(MAX_BLOCK_CHARS + 1)), MAX_BLOCK_CHARS)).toBe(true);
  });

  it('the answer cache stays bounded under a page that keeps adding distinct sentences', async () => {
    const block = document.createElement('p');
    const answered: string[] = [];
    const checker = new Checker(
      async (queries) => queries.map((q) => ({ key: q.key, match: null })),
      (s) => answered.push(s.text),
    );
    const total = MAX_ANSWERS + 2_500;
    for (let i = 0; i < total; i++) checker.check({ block, start: 0, end: 10, text: `Storm sentence number ${i} of the page.` });
    checker.flush();
    await checker.idle();
    await vi.waitFor(() => expect(answered).toHaveLength(total), { timeout: 20_000 });
    console.log(`answer cache after ${total} distinct sentences: ${checker.cached} (cap ${MAX_ANSWERS})`);
    expect(checker.cached).toBeLessThanOrEqual(MAX_ANSWERS);
    // A remembered recent text is still answered at once, without asking again.
    const before = answered.length;
    checker.check({ block, start: 0, end: 10, text: `Storm sentence number ${total - 1} of the page.` });
    expect(answered).toHaveLength(before + 1);
  });
});
