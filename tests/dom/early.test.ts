// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askEarly, takeEarly } from '../../entrypoints/crosscheck.content/early';
import { type Handlers, dispatch } from '../../lib/protocol';

/** Answers protocol messages with `handlers`, as the background's listener does (promise style, which the fake
 * browser supports). */
function answer(handlers: Handlers): void {
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => dispatch(handlers, msg, { tabId: 1, url: location.href, sender: 'content', origin: location.origin }) ?? undefined);
}

/** A background that answers contentReady and counts the requests. */
function background(): { asked: string[] } {
  const seen = { asked: [] as string[] };
  answer({
    contentReady: ({ url }) => {
      seen.asked.push(url);
      return { mode: 'page', sensitivity: 'possible', dismissed: [] };
    },
  });
  return seen;
}

describe("the reader's early question", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is asked once at document_start, and the reader takes that answer instead of asking again', async () => {
    const bg = background();
    askEarly();
    askEarly();
    const answer = await takeEarly();
    expect(answer).toEqual({ mode: 'page', sensitivity: 'possible', dismissed: [] });
    expect(bg.asked).toHaveLength(1);
  });

  it('a reader injected on demand, without the early script, asks itself; an answer is taken only once', async () => {
    const bg = background();
    askEarly();
    await takeEarly();
    await takeEarly();
    expect(bg.asked).toHaveLength(2);
  });

  it('a failed question reaches the reader when it awaits the answer', async () => {
    answer({
      contentReady: () => {
        throw new Error('corpus missing');
      },
    });
    askEarly();
    await expect(takeEarly()).rejects.toThrow('corpus missing');
  });
});
