/**
 * WXT's content-script context without its page-visible start signal (issue 15, item 7).
 *
 * WXT 0.21's `ContentScriptContext` announces every start to the page: it posts
 * `<extension id>:<script>:wxt:content-script-started` with `window.postMessage` and dispatches a DOM event of
 * that name on `document`, and it shuts itself down when it sees such an event from another instance. Both run
 * in the page's shared DOM: the message tells every page script the extension id (a fingerprint), and a page
 * that replays the event (any `messageId`) invalidates the running reader, so the highlights and the card go
 * away. wxt.config.ts resolves the content-script entry's `wxt/utils/content-script-context` import to this
 * module, so every content script of the build gets this context; its API is WXT's.
 *
 * Stopping an older copy of the same script (the reader injected again into a tab, or an orphan left by an
 * extension update) still works: every copy runs in the extension's isolated world of the page, which page
 * scripts cannot reach, and the newest leaves its "stop" function there for the next one. An orphan that does
 * not share the world still stops on its own: WXT's `isInvalid` notices that the extension is gone.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Key (in the isolated world's global object) of the running copy's stop function, per content script. */
const RUNNING_KEY = '__crosscheckRunningScript';

type RunningScripts = Record<string, (() => void) | undefined>;

function running(): RunningScripts {
  const world = globalThis as unknown as Record<string, RunningScripts | undefined>;
  return (world[RUNNING_KEY] ??= {});
}

/** The context WXT passes to `main(ctx)`; it signals older copies through the isolated world only. */
export class IsolatedContentScriptContext extends ContentScriptContext {
  /** Stops the previous copy of this content script in this page, if any, and registers this one. */
  override stopOldScripts(): void {
    const name = this.contentScriptLabel();
    const scripts = running();
    scripts[name]?.();
    scripts[name] = () => this.notifyInvalidated();
  }

  /** Nothing to listen to in the page: a newer copy calls the function left by {@link stopOldScripts}. */
  override listenForNewerScripts(): void {}

  /** The script's name (WXT keeps it private; it is the first constructor argument). */
  private contentScriptLabel(): string {
    return (this as unknown as { contentScriptName?: string }).contentScriptName ?? 'content-script';
  }
}

export { IsolatedContentScriptContext as ContentScriptContext };
