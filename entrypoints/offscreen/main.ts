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

/** The worker's reply to `request`, which must be of `kind` (an error reply or another kind rejects). */
async function answer<K extends MatcherReply['kind']>(request: MatcherRequest, kind: K): Promise<Extract<MatcherReply, { kind: K }>> {
  const reply = await ask(request);
  if (reply.kind !== kind) throw new Error(reply.kind === 'error' ? reply.message : `unexpected reply ${reply.kind}`);
  return reply as Extract<MatcherReply, { kind: K }>;
}

listen({
  offscreenMatch: async (req) => ({ results: (await answer({ kind: 'match', ...req }, 'match')).results }),
  offscreenIndex: async () => {
    const { sentences, words } = await answer({ kind: 'status' }, 'status');
    return { sentences, words };
  },
  offscreenForget: async ({ page }) => (await answer({ kind: 'forget', page }, 'forget'), { ok: true }),
  offscreenJoin: async () => (await answer({ kind: 'join' }, 'join'), { ok: true }),
  offscreenClaimLabels: async ({ claims }) => ({ labels: (await answer({ kind: 'labels', claims }, 'labels')).labels }),
  offscreenReset: async () => (await answer({ kind: 'reset' }, 'reset'), { ok: true }),
});
