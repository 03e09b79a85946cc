/**
 * Cooperative slicing: long loops give the page back before a task reaches the 50 ms "long task" mark, so
 * scrolling and typing stay smooth while a huge page is read.
 */

/**
 * Work per slice before yielding. Well under the 50 ms long-task mark, leaving room for the page's own work
 * in the same task; smaller slices add more yields (each costs a task switch, about 0.1-1 ms).
 */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
  postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void>;
}

/** Resolves in a new task: `scheduler.yield()` where available (keeps our priority), else a message-channel hop. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in a new task of background priority: the page's own tasks (its timers, input, rendering) run first.
 * For work the page can cause at will (its changes to the DOM), so that a page that changes itself
 * non-stop keeps its main thread and our reading waits, rather than the other way round.
 */
export function yieldToPageFirst(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A time budget: `due()` says when the current slice is used up; `pause()` yields and starts a new slice. */
export class Slicer {
  private started = performance.now();

  /** `budgetMs` of work per slice; `yielder` gives the page back between slices. */
  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly yielder: () => Promise<void> = yieldToPage,
  ) {}

  /** True when the current slice has used its budget. */
  due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  /** Yields to the page if the slice is used up. */
  async maybePause(): Promise<void> {
    if (this.due()) await this.pause();
  }

  /** Yields to the page and starts a new slice. */
  async pause(): Promise<void> {
    await this.yielder();
    this.started = performance.now();
  }
}
