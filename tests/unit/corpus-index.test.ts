/**
 * The background's warm-up of a freshly loaded index (utils/corpus-index.ts): it matches the
 * warm-up queries of the committed corpus in small tasks, but only once no page has asked for the index for
 * WARM_UP_QUIET_MS, so that it never competes with the batches of the page that woke the worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WARM_UP_QUIET_MS, claimLabels, createCorpusIndex, warmUp } from '../../utils/corpus-index';
import { CorpusView, WARM_UP_SENTENCES, type PageSentence } from '../../lib/match/page';
import { committedCorpus } from './corpus-helpers';

const view = CorpusView.fromCorpus(committedCorpus());

describe('warmUp', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits while pages keep asking for the index, then matches every warm-up query', async () => {
    let clock = 0;
    let lastUse = 0;
    const matched: PageSentence[] = [];
    warmUp(view, () => lastUse, () => clock, (q) => matched.push(q));
    // A page's batches arrive every 100 ms for a second: the warm-up must not run between them.
    for (let t = 100; t <= 1000; t += 100) {
      clock = t;
      await vi.advanceTimersByTimeAsync(100);
      lastUse = t;
      expect(matched).toHaveLength(0);
    }
    // The page is done: after the quiet period every query is matched, in small tasks.
    clock = 1000 + WARM_UP_QUIET_MS;
    await vi.advanceTimersByTimeAsync(WARM_UP_QUIET_MS);
    await vi.runAllTimersAsync();
    expect(matched).toHaveLength(WARM_UP_SENTENCES);
    expect(new Set(matched.map((q) => q.text)).size).toBe(WARM_UP_SENTENCES);
  });

  it('starts at once when nothing has asked for the index recently', async () => {
    const matched: PageSentence[] = [];
    warmUp(view, () => -Infinity, () => 0, (q) => matched.push(q));
    await vi.advanceTimersByTimeAsync(0);
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.length).toBeLessThan(WARM_UP_SENTENCES);
  });
});

describe('createCorpusIndex', () => {
  /** An index of the committed corpus on a clock the test moves. */
  function index() {
    const clock = { now: 0 };
    const matched: PageSentence[] = [];
    const corpus = committedCorpus();
    const idx = createCorpusIndex((v) => v, { fetchCorpus: async () => corpus, fetchWords: async () => null, now: () => clock.now, onWarm: (q) => matched.push(q) });
    return { idx, clock, matched };
  }

  it('warms up as soon as the index is loaded on waking: waking the worker is not a use', async () => {
    const { idx, matched } = index();
    idx.load();
    // The clock never moves: only a load that does not count as a use lets the warm-up start.
    await vi.waitFor(() => expect(matched.length).toBeGreaterThan(0), { timeout: 10_000 });
  });

  it('a page that asks for the index holds the warm-up back for the quiet period', async () => {
    const { idx, clock, matched } = index();
    idx.load();
    await idx.get();
    await new Promise((r) => setTimeout(r, 50));
    expect(matched).toHaveLength(0);
    clock.now = WARM_UP_QUIET_MS;
    await vi.waitFor(() => expect(matched.length).toBeGreaterThan(0), { timeout: WARM_UP_QUIET_MS + 10_000 });
  });
});

describe('claimLabels', () => {
  it("labels the popup's dismissed claims by their claim's label, in order, and an unknown id with null", () => {
    const [a, b] = view.corpus.claims;
    expect(claimLabels(view, [b!.id, 'c-not-a-claim', a!.id])).toEqual([b!.label, null, a!.label]);
    expect(a!.label.split(' ').length).toBeGreaterThan(3);
  });
});
