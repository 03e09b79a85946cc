/**
 * The offscreen document (Chrome): starts the matcher's Web Worker (./matcher.worker.ts) and relays the
 * background's requests to it. It outlives the service worker, which Chrome stops after about 30 s idle, so the
 * corpus index stays loaded and warm between pages.
 */
import { listen } from '../../utils/messaging';
import type { MatcherReply, MatcherRequest } from './matcher-messages';
import MatcherWorker from './matcher.worker.ts?worker';

const worker = new MatcherWorker();
let nextId = 0;
const waiting = new Map<number, (reply: MatcherReply) => void>();
worker.onmessage = (event: MessageEvent<{ id: number; reply: MatcherReply }>) => {
  const { id, reply } = event.data;
  waiting.get(id)?.(reply);
  waiting.delete(id);
};

function ask(request: MatcherRequest): Promise<MatcherReply> {
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    worker.postMessage({ id, request });
  });
}

listen({
  offscreenMatch: async (req) => {
    const reply = await ask({ kind: 'match', ...req });
    if (reply.kind !== 'match') throw new Error(reply.kind === 'error' ? reply.message : 'unexpected reply');
    return { results: reply.results };
  },
  offscreenIndex: async () => {
    const reply = await ask({ kind: 'status' });
    if (reply.kind !== 'status') throw new Error(reply.kind === 'error' ? reply.message : 'unexpected reply');
    return { sentences: reply.sentences, words: reply.words };
  },
  offscreenForget: async ({ page }) => {
    await ask({ kind: 'forget', page });
    return { ok: true };
  },
  offscreenJoin: async () => {
    await ask({ kind: 'join' });
    return { ok: true };
  },
  offscreenReset: async () => {
    await ask({ kind: 'reset' });
    return { ok: true };
  },
});
