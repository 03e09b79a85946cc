import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumMissingError, ensureChromium, locateChromium } from '../../scripts/chromium';

// A fake file system of browsers: real files with real permission bits, in a temporary directory.
const root = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function executable(dir: string, name: string, mode = 0o755): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}
const dir = (name: string): string => join(root, name);
const pathOf = (...dirs: string[]): string => dirs.map(dir).join(delimiter);

const debian = executable('usr-bin', 'chromium');
const nowhere = join(root, 'no-such-dir', 'chromium');
const chromeEarly = executable('early', 'google-chrome');
const chromiumBrowserLate = executable('late', 'chromium-browser');
executable('not-exec', 'chromium-browser', 0o644);
mkdirSync(join(root, 'a-dir', 'google-chrome-stable'), { recursive: true });
mkdirSync(dir('empty'), { recursive: true });

describe('finding Chromium', () => {
  it('CROSSCHECK_CHROMIUM wins over every other place', () => {
    const own = executable('own', 'my-chrome');
    expect(locateChromium({ env: { CROSSCHECK_CHROMIUM: own, PATH: pathOf('early') }, debianPath: debian })).toEqual({ kind: 'found', path: own, via: 'env' });
  });

  it('a CROSSCHECK_CHROMIUM that is not there stops with the instruction, and never installs, even as root', () => {
    const found = locateChromium({ env: { CROSSCHECK_CHROMIUM: nowhere, PATH: pathOf('early') }, debianPath: debian, isRoot: true, hasAptGet: true });
    expect(found.kind).toBe('missing');
    if (found.kind !== 'missing') return;
    expect(found.message).toContain(`CROSSCHECK_CHROMIUM=${nowhere} is not an executable file`);
    expect(found.message).toContain('apt-get update -q && apt-get install -y -q chromium');
  });

  it('then the Debian package path', () => {
    expect(locateChromium({ env: { PATH: pathOf('early') }, debianPath: debian })).toEqual({ kind: 'found', path: debian, via: 'debian' });
  });

  it('then the PATH, by name order (chromium-browser before google-chrome), skipping non-executables and directories', () => {
    const found = locateChromium({ env: { PATH: pathOf('not-exec', 'a-dir', 'early', 'late') }, debianPath: nowhere });
    expect(found).toEqual({ kind: 'found', path: chromiumBrowserLate, via: 'path' });
    expect(locateChromium({ env: { PATH: pathOf('not-exec', 'a-dir', 'early') }, debianPath: nowhere })).toEqual({ kind: 'found', path: chromeEarly, via: 'path' });
  });

  it('none found, root with apt-get: installs Debian chromium', () => {
    expect(locateChromium({ env: { PATH: pathOf('empty') }, debianPath: nowhere, isRoot: true, hasAptGet: true })).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-q'],
        ['apt-get', 'install', '-y', '-q', 'chromium'],
      ],
    });
  });

  it('none found and not root, no apt-get, or install forbidden: the exact command to run', () => {
    const user = locateChromium({ env: { PATH: pathOf('empty') }, debianPath: nowhere, isRoot: false, hasAptGet: true });
    expect(user.kind === 'missing' && user.message).toContain('sudo apt-get update -q && sudo apt-get install -y -q chromium');
    const noApt = locateChromium({ env: { PATH: pathOf('empty') }, debianPath: nowhere, isRoot: true, hasAptGet: false });
    expect(noApt.kind === 'missing' && noApt.message).toContain('or set CROSSCHECK_CHROMIUM');
    const forbidden = locateChromium({ env: { PATH: pathOf('empty'), CROSSCHECK_NO_INSTALL: '1' }, debianPath: nowhere, isRoot: true, hasAptGet: true });
    expect(forbidden.kind).toBe('missing');
    expect(forbidden.kind === 'missing' && forbidden.message).toContain('not installing it: CROSSCHECK_NO_INSTALL is set');
    expect(forbidden.kind === 'missing' && forbidden.message).toContain('\n  apt-get update -q && apt-get install -y -q chromium');
  });

  it('ensureChromium throws the instruction without announcing an install it will not do', () => {
    const said: string[] = [];
    const run = () => ensureChromium((l) => said.push(l), { env: { PATH: pathOf('empty') }, debianPath: nowhere, isRoot: false, hasAptGet: true });
    expect(run).toThrow(ChromiumMissingError);
    expect(run).toThrow(/sudo apt-get install -y -q chromium/);
    expect(said).toEqual([]);
    expect(ensureChromium((l) => said.push(l), { env: { PATH: pathOf('late') }, debianPath: nowhere })).toBe(chromiumBrowserLate);
  });
});
