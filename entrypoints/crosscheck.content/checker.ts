/**
 * Sends page sentences to the background in batches and hands back results as each batch returns, so the
 * first highlights appear while the rest of the page is still being matched. Every distinct sentence text is
 * sent at most once per page: repeats (a re-rendered paragraph, a sentence quoted twice) reuse the answer.
 */
import type { PageMatch } from '../../lib/match/page';
import type { SentenceQuery, SentenceResult } from '../../lib/protocol';
import type { BlockSentence } from './sentences';
import { Slicer } from './slice';

/**
 * Sentences per message. The first batch is small so that the top of the article paints quickly; later
 * ones are larger, since each message costs a round trip to the service worker (about 1 ms) while each
 * sentence costs about 1 ms of matching there.
 */
export const FIRST_BATCH = 12;
export const BATCH = 40;
/** Batches in flight at once: two keeps the service worker busy without queueing the whole page there. */
export const MAX_IN_FLIGHT = 2;
/**
 * Answers remembered per page (oldest forgotten first). A 50,000-word page has about 2,500 sentences; a page
 * that keeps adding distinct sentences must not grow the cache without end (issue 15). A forgotten text that
 * comes back is asked again.
 */
export const MAX_ANSWERS = 10_000;

/** Matches a batch in the background (the transport, injected so the queue is testable). */
export type MatchBatch = (sentences: SentenceQuery[]) => Promise<SentenceResult[]>;

/** Called for every sentence whose answer is known: on arrival, or at once when it was known already. */
export type OnResult = (sentence: BlockSentence, match: PageMatch | null) => void;

export class Checker {
  /** Answer per sentence text; a text present with `undefined` is in flight. */
  private readonly answers = new Map<string, PageMatch | null | undefined>();
  /** Sentences waiting for the answer of their text. */
  private readonly waiting = new Map<string, BlockSentence[]>();
  private queue: string[] = [];
  private inFlight = 0;
  private sentBatches = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly send: MatchBatch,
    private readonly onResult: OnResult,
  ) {}

  /** Asks for `sentence`: answers at once from the cache, or queues its text (once). */
  check(sentence: BlockSentence): void {
    const text = sentence.text;
    if (this.answers.has(text)) {
      const known = this.answers.get(text);
      if (known !== undefined) this.onResult(sentence, known);
      else this.waiting.get(text)?.push(sentence);
      return;
    }
    this.answers.set(text, undefined);
    this.waiting.set(text, [sentence]);
    this.queue.push(text);
    if (this.queue.length >= this.batchSize()) this.pump();
  }

  /** Sends whatever is queued (call at the end of a scan). */
  flush(): void {
    this.pump();
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private batchSize(): number {
    return this.sentBatches === 0 ? FIRST_BATCH : BATCH;
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const texts = this.queue.splice(0, this.batchSize());
      this.sentBatches++;
      this.inFlight++;
      const queries = texts.map((text, i) => ({ key: String(i), text }));
      void this.send(queries)
        .then(
          (results) => this.receive(texts, results),
          () => this.receive(texts, []),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
          this.notifyIdle();
        });
    }
  }

  /** Hands a batch's answers out, sliced: painting maps a block's text, and a batch may touch forty blocks. */
  private async receive(texts: string[], results: SentenceResult[]): Promise<void> {
    const byKey = new Map(results.map((r) => [r.key, r.match]));
    const slicer = new Slicer();
    for (const [i, text] of texts.entries()) {
      // A failed batch is answered "no match" rather than retried: the page must not hammer the worker.
      const match = byKey.get(String(i)) ?? null;
      this.answers.set(text, match);
      this.forgetOldest();
      const waiting = this.waiting.get(text) ?? [];
      this.waiting.delete(text);
      for (const sentence of waiting) this.onResult(sentence, match);
      await slicer.maybePause();
    }
  }

  /** Keeps the cache within {@link MAX_ANSWERS}: drops the oldest answered texts (never those in flight). */
  private forgetOldest(): void {
    if (this.answers.size <= MAX_ANSWERS) return;
    for (const [text, answer] of this.answers) {
      if (this.answers.size <= MAX_ANSWERS) return;
      if (answer !== undefined) this.answers.delete(text);
    }
  }

  /** Number of sentence texts remembered (answered or in flight). */
  get cached(): number {
    return this.answers.size;
  }

  private notifyIdle(): void {
    if (this.queue.length > 0 || this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}
