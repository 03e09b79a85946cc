/**
 * Page object: the Crosscheck popup page opened in a tab of the test browser for a given tab
 * (`popup.html?tab=<id>`), read the way a reader reads it: by roles, names and visible text.
 */
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { Worker } from 'playwright-core';

const require = createRequire(import.meta.url);
const WAIT_MS = 20_000;

/** An axe-core finding, as much as the tests report. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** The part of the service worker's `chrome` the tests use (no @types/chrome in this project). */
interface ChromeApi {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/**
 * The id of the tab of `page`, asked from the extension's service worker: the page is brought to the front
 * and the active tab is taken (tab URLs are hidden from an extension without host permissions).
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const tabs = await (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const id = tabs[0]?.id;
    if (id === undefined) throw new Error('no active tab');
    return id;
  });
}

/** The toolbar badge text of a tab. */
export function badgeOf(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({ tabId: id }), tabId);
}

export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  /** Opens the popup page for `tabId`. */
  async open(tabId: number): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html?tab=${tabId}`);
    await this.page.getByRole('heading', { name: 'Crosscheck' }).waitFor({ timeout: WAIT_MS });
  }

  /** The list of claims on the page. */
  claimList(): Locator {
    return this.page.getByRole('region', { name: 'Claims on this page' });
  }

  /** Items of the claim list, in order. */
  claims(): Locator {
    return this.claimList().locator('li.cc-claim');
  }

  /** The list item whose page sentence (the row's heading) contains `text`. */
  claimFor(text: string): Locator {
    return this.claims().filter({ has: this.page.locator('.cc-claim-sentence', { hasText: text }) });
  }

  /** Waits for the claim list and returns the page sentence of each claim, in list order. */
  async pageSentences(): Promise<string[]> {
    await this.claimList().waitFor({ timeout: WAIT_MS });
    return this.claims().evaluateAll((items) =>
      items.map((li) => (li.querySelector('.cc-claim-sentence')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /** Expands the claim whose page sentence contains `text`; returns its item. */
  async expand(text: string): Promise<Locator> {
    const item = this.claimFor(text);
    await item.locator('.cc-claim-toggle').click();
    return item;
  }

  /** Clicks "Show on page" on the claim whose page sentence contains `text`. */
  showOnPage(text: string): Promise<void> {
    return this.claimFor(text).getByRole('button', { name: 'Show on page' }).click();
  }

  /** The page-state section (not checked, no claims, cannot run, error). */
  state(): Locator {
    return this.page.locator('.cc-state');
  }

  /** Types `query` into the lookup the way a reader does, key by key. */
  async lookUp(query: string): Promise<void> {
    const box = this.page.getByLabel('Look up a claim');
    await box.fill('');
    await box.pressSequentially(query, { delay: 20 });
  }

  /** Labels of the lookup's results, best first (waits for the first). */
  async lookupLabels(): Promise<string[]> {
    const results = this.page.locator('.cc-result-label');
    await results.first().waitFor({ timeout: WAIT_MS });
    return results.allTextContents();
  }

  /** Runs axe-core on the popup page; returns the violations. */
  async axe(): Promise<AxeViolation[]> {
    const source = (require('axe-core') as { source: string }).source;
    await this.page.evaluate(source);
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: unknown[] }> }> } }).axe;
      const { violations } = await axe.run(document);
      return violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.length }));
    });
  }
}
