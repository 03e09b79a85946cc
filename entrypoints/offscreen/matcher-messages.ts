/** Messages between the offscreen document and its matcher worker. */
import type { SentenceQuery, SentenceResult } from '../../lib/protocol';

/** What the document asks the worker: match a page's batch (`page` keys its event context), forget a page's
 * context, join the notes added, reload the index, say what the loaded index holds, or label claims. */
export type MatcherRequest =
  | { kind: 'match'; page: string; pageDate: string | null; sentences: SentenceQuery[] }
  | { kind: 'reset' }
  | { kind: 'status' }
  | { kind: 'join' }
  | { kind: 'forget'; page: string }
  | { kind: 'labels'; claims: string[] };

/** The worker's answer. */
export type MatcherReply =
  | { kind: 'match'; results: SentenceResult[] }
  | { kind: 'reset' }
  | { kind: 'join' }
  | { kind: 'forget' }
  | { kind: 'status'; sentences: number; words: number }
  | { kind: 'labels'; labels: Array<string | null> }
  | { kind: 'error'; message: string };
