import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/corpus-io';

/** The demo must stop this fast without a browser: before the corpus summary and the build. */
const STOP_WITHIN_MS = 10_000;
/** Far above that, so a hang shows as a failed assertion with the output rather than a killed test. */
const KILL_AFTER_MS = 60_000;

describe('npm run demo without a browser', () => {
  it('exits non-zero within seconds and prints the command that installs Chromium', () => {
    const missing = join(ROOT, 'no-such-dir', 'chromium');
    const started = Date.now();
    // CROSSCHECK_NO_INSTALL also forbids installing, so the run is the same as root with apt-get (as here) or not.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/demo.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: KILL_AFTER_MS,
      env: { ...process.env, CROSSCHECK_CHROMIUM: missing, CROSSCHECK_NO_INSTALL: '1', DISPLAY: '' },
    });
    const elapsed = Date.now() - started;
    const output = run.stdout + run.stderr;
    console.log(`demo without a browser: exit ${run.status} after ${elapsed} ms\n${output.trim()}`);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(elapsed).toBeLessThan(STOP_WITHIN_MS);
    expect(output).toContain(`CROSSCHECK_CHROMIUM=${missing} is not an executable file`);
    expect(output).toMatch(/(sudo )?apt-get update -q && (sudo )?apt-get install -y -q chromium/);
    expect(output).not.toContain('Building the extension');
    expect(output).not.toMatch(/^\s+at /m);
  });
});
