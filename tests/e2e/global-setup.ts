/**
 * Vitest global setup for the e2e tests: builds the extension once (`npx wxt build`) with the fixture
 * server's origin allowed, so that every test file loads the same fresh `.output/chrome-mv3`.
 */
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

/** Host pattern of the fixture server, passed to the build so the content script runs on it. */
export const E2E_EXTRA_HOSTS = 'http://127.0.0.1/*';

/** Builds the extension; throws with the build output when it fails. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    execFileSync('npx', ['wxt', 'build'], {
      cwd: root,
      env: { ...process.env, CROSSCHECK_EXTRA_HOSTS: E2E_EXTRA_HOSTS },
      stdio: 'pipe',
      timeout: 180_000,
    });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`wxt build failed: ${e.message}\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
}
