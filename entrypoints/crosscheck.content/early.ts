/**
 * The reader's first question, asked as early as possible. A tiny content script (`crosscheck-early`, injected
 * at document_start) asks the background how to start while the page is still parsing; the reader, injected
 * at document_end, takes the answer. Both run in the extension's isolated world of the page, which they share,
 * so the request waits for the reader on that world's global object. Keeping the reader itself at document_end
 * keeps its evaluation out of the parser's tasks (on a 50,000-word page those then passed 50 ms).
 */
import { sendToBackground } from '../../utils/messaging';
import type { Res } from '../../lib/protocol';

/** What the background answers a starting reader: the check mode and the settings the page needs. */
export type EarlyAnswers = Promise<Res<'contentReady'>>;

/** Global (of the isolated world) where the early script leaves its request. */
const EARLY_KEY = '__crosscheckContentReady';

function ask(): EarlyAnswers {
  const answer = sendToBackground('contentReady', { url: location.href });
  // Marked handled here: a failure reaches the reader when it awaits the answer.
  answer.catch(() => undefined);
  return answer;
}

/** Sends `contentReady` now and leaves the answer for the reader (once per document). */
export function askEarly(): void {
  const world = globalThis as Record<string, unknown>;
  world[EARLY_KEY] ??= ask();
}

/** The answer the early script asked for, or a request sent now (a reader injected on demand has no early
 * script). Taken once: a later reader in the same document asks again. */
export function takeEarly(): EarlyAnswers {
  const world = globalThis as Record<string, unknown>;
  const early = world[EARLY_KEY] as EarlyAnswers | undefined;
  delete world[EARLY_KEY];
  return early ?? ask();
}
