/**
 * Vitest global setup for the e2e tests: finds Chromium (or installs it, or stops with the command to run:
 * `scripts/chromium.ts`), then builds the extension once (`npx wxt build`) with the fixture server's origin
 * allowed, so that every test file loads the same fresh `.output/chrome-mv3`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { ensureChromium } from '../../scripts/chromium';

/** Host pattern of the fixture server, passed to the build so the content script runs on it. */
export const E2E_EXTRA_HOSTS = 'http://127.0.0.1/*';

/** A build that takes longer than this is stuck (it takes 10-40 s on the 2-core machine). */
const BUILD_TIMEOUT_MS = 180_000;

/**
 * The e2e build keeps the reader's performance marks (`crosscheck:*`), which the tests, the benchmark and the
 * demo wait for; a normal build has none (wxt.config.ts).
 */
export const E2E_BUILD_ENV = { CROSSCHECK_EXTRA_HOSTS: E2E_EXTRA_HOSTS, CROSSCHECK_TEST_SIGNALS: '1' };

/** Vitest global setup: a browser first (failing fast, before the slow build), then the build. */
export default function setup(): void {
  ensureChromium();
  buildExtension();
}

/** Builds the extension; throws with the build output when it fails. */
export function buildExtension(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    // The local binary rather than npx: a timeout then kills the build itself, not a wrapper around it.
    execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
      cwd: root,
      env: { ...process.env, ...E2E_BUILD_ENV },
      stdio: 'pipe',
      timeout: BUILD_TIMEOUT_MS,
    });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`wxt build failed: ${e.message}\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
}
