/**
 * Page object for Crosscheck's in-page UI (the card, the editor, the selection button). They live in CLOSED
 * shadow roots, which neither page scripts nor Playwright's locators can enter (issue 15). The tests reach them
 * the way DevTools does: the DOM domain of the DevTools protocol describes closed roots, and a function is run
 * on the resolved root. What the reader does goes through Playwright's mouse and keyboard, which are real
 * (trusted) input, at the element's on-screen position, so the extension sees what a reader's hand would do.
 */
import type { CDPSession, Page } from 'playwright-core';

const WAIT_MS = 20_000;
const POLL_MS = 50;

/** A function run on the closed root in the page: `(root, arg) => value` (serialisable arguments and result). */
type RootFn<A, R> = (root: ShadowRoot, arg: A) => R;

/** Box of an element in viewport coordinates. */
interface Box {
  x: number;
  y: number;
}

/** Finds, inside `root`, the element matching `selector` whose accessible name (aria-label or text) is `name`. */
function findByName(root: ShadowRoot, arg: { within: string; selector: string; name: string | null }): Box | null {
  const scope = arg.within ? root.querySelector(arg.within) : root;
  if (!scope) return null;
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  let target: Element | null = null;
  const candidates = [...(scope instanceof Element && scope.matches(arg.selector) ? [scope] : []), ...scope.querySelectorAll(arg.selector)];
  for (const el of candidates) {
    if (arg.name === null || norm(el.getAttribute('aria-label')) === arg.name || norm(el.textContent) === arg.name) {
      target = el;
      break;
    }
  }
  if (!target) return null;
  target.scrollIntoView({ block: 'nearest' });
  const rect = target.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return null;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** One in-page UI: its shadow host's tag, and the element inside that is "the UI" (the dialog, the form...). */
export class ClosedUi {
  private session: Promise<CDPSession> | null = null;

  constructor(
    readonly page: Page,
    readonly host: string,
    readonly root: string,
  ) {}

  private cdp(): Promise<CDPSession> {
    this.session ??= this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** Runs `fn(shadowRoot, arg)` in the page on the host's closed shadow root; null when there is no host yet. */
  async run<A, R>(fn: RootFn<A, R>, arg: A): Promise<R | null> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: this.host });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return null;
    try {
      const result = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (result.exceptionDetails) throw new Error(`in ${this.host}: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
      return result.result.value as R;
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
    }
  }

  /** The mode of the host's shadow root as DevTools reports it ('closed' for every Crosscheck UI), or null. */
  async shadowMode(): Promise<string | null> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: this.host });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    return node.shadowRoots?.[0]?.shadowRootType ?? null;
  }

  /** True when the UI element is in the root and rendered. */
  async isVisible(): Promise<boolean> {
    const shown = await this.run((root, sel) => {
      const el = root.querySelector(sel);
      return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, this.root);
    return shown === true;
  }

  /** Waits until the UI is shown (or gone). */
  async waitFor({ state = 'visible', timeout = WAIT_MS }: { state?: 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const until = Date.now() + timeout;
    while ((await this.isVisible()) !== (state === 'visible')) {
      if (Date.now() > until) throw new Error(`${this.host} ${this.root} not ${state} after ${timeout} ms`);
      await this.page.waitForTimeout(POLL_MS);
    }
  }

  /** Text of the UI element (or of `selector` inside it), '' when absent. */
  async textContent(selector?: string): Promise<string> {
    const text = await this.run(
      (root, a) => {
        const el = root.querySelector(a.selector ? `${a.root} ${a.selector}` : a.root);
        return el?.textContent ?? '';
      },
      { root: this.root, selector: selector ?? '' },
    );
    return text ?? '';
  }

  /** Number of UI elements present (0 or 1). */
  async count(): Promise<number> {
    return (await this.run((root, sel) => root.querySelectorAll(sel).length, this.root)) ?? 0;
  }

  /** The UI element's box in the viewport (`x`, `y`, `width`, `height`), or null when it is not shown. */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.run((root, sel) => {
      const el = root.querySelector(sel);
      if (!el || el.getClientRects().length === 0) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }, this.root);
  }

  /** True when a shown button named `name` is in the UI. */
  async hasButton(name: string): Promise<boolean> {
    return (await this.run(findByName, { within: this.root, selector: 'button', name })) !== null;
  }

  /** Clicks, with the real mouse, the element of `selector` (default: a button) named `name`. */
  async click(name: string | null, selector = 'button'): Promise<void> {
    const box = await this.waitForBox(selector, name);
    await this.page.mouse.click(box.x, box.y);
  }

  /** Clicks the form control labelled `label` and types `text` into it with the keyboard. */
  async fill(label: string, text: string): Promise<void> {
    const id = await this.run(
      (root, a) => {
        const labels = [...root.querySelectorAll(`${a.root} label`)];
        const found = labels.find((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim() === a.label);
        return found?.getAttribute('for') ?? null;
      },
      { root: this.root, label },
    );
    if (!id) throw new Error(`no control labelled "${label}" in ${this.host}`);
    await this.click(null, `[id="${id}"]`);
    await this.page.keyboard.insertText(text);
  }

  private async waitForBox(selector: string, name: string | null): Promise<Box> {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const box = await this.run(findByName, { within: this.root, selector, name });
      if (box) return box;
      if (Date.now() > until) throw new Error(`no ${selector} "${name ?? ''}" in ${this.host} ${this.root}`);
      await this.page.waitForTimeout(POLL_MS);
    }
  }
}
