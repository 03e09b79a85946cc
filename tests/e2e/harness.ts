/**
 * Real-Chromium harness: launches Chromium with the built extension (`.output/chrome-mv3`, built once by
 * the e2e global setup), finds the extension id from its service worker, and records every request the
 * browser context makes. Anything not addressed to 127.0.0.1 or to the extension is aborted and reported:
 * the extension must never talk to the outside world.
 */
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Worker, chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium';

/** Built extension directory (`npx wxt build`). */
export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
/** The service worker can take a moment to register on a cold profile. */
const SERVICE_WORKER_TIMEOUT_MS = 15_000;

/** One request seen by the context. */
export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

/** A browser with the extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Every request the context made, in order. */
  requests: RecordedRequest[];
  /** Requests to anything but 127.0.0.1 or this extension. */
  outsideRequests(): RecordedRequest[];
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>;
}

/** True for URLs the extension may reach: the local fixture server, our own extension, inline data. */
export function isAllowedUrl(url: string, extensionId: string | null): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'chrome-extension:') return extensionId === null || parsed.host === extensionId;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'ws:') {
    return parsed.hostname === '127.0.0.1';
  }
  return false;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium (found by `scripts/chromium.ts`; the e2e global setup installs it when it may) with the
 * built extension in a fresh temporary profile.
 */
export async function launchWithExtension(extensionDir: string = EXTENSION_DIR): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  const userDataDir = await mkdtemp(join(tmpdir(), 'crosscheck-e2e-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...LAUNCH_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    })
    .catch(async (err: unknown) => {
      await rm(userDataDir, { recursive: true, force: true });
      throw err;
    });
  const requests: RecordedRequest[] = [];
  let extensionId: string | null = null;
  context.on('request', (req) => requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType() }));
  // Block as well as record, so a failing test cannot leak a request to the network.
  await context.route(
    (url) => !isAllowedUrl(url.href, extensionId),
    (route) => route.abort('blockedbyclient'),
  );
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: SERVICE_WORKER_TIMEOUT_MS }));
    extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      requests,
      outsideRequests: () => requests.filter((r) => !isAllowedUrl(r.url, extensionId)),
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Stops the extension's service worker, as Chrome does after about 30 s idle (DevTools protocol: closing the
 * worker's target terminates it), and waits until it is gone; the next message from a page starts it again.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const isOurs = (t: { type: string; url: string }) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`);
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const t of targetInfos.filter(isOurs)) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    for (let i = 0; i < 100; i++) {
      const { targetInfos: now } = await cdp.send('Target.getTargets');
      if (!now.some(isOurs)) return;
      await page.waitForTimeout(50);
    }
    throw new Error('the service worker did not stop');
  } finally {
    await page.close();
  }
}

/** The extension's service worker running now (a new one after {@link stopServiceWorker} and a page's message). */
export function currentServiceWorker(context: BrowserContext, extensionId: string): Worker | undefined {
  return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
}
