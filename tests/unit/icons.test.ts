/**
 * The extension icon: an SVG source in the repo, and the PNGs `npm run icons` renders from it at each size the
 * manifest references (a PNG of the wrong size, or one missing, fails here before a browser shows a blank tile).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/** Width and height from a PNG's IHDR chunk (bytes 16-23). */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the extension icon', () => {
  it('has an SVG source', () => {
    const svg = readFileSync(new URL('../../icons/crosscheck.svg', import.meta.url), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 128 128"/);
  });

  it('references a PNG of the right size for 16, 32, 48 and 128 px, for the extension and its toolbar button', async () => {
    const made = typeof config.manifest === 'function' ? config.manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' } as never) : config.manifest;
    const manifest = (await made) as { icons?: Record<string, string>; action?: { default_icon?: unknown } } | undefined;
    const icons = manifest?.icons ?? {};
    expect(Object.keys(icons).map(Number)).toEqual([16, 32, 48, 128]);
    expect(manifest?.action?.default_icon).toEqual(icons);
    for (const [size, file] of Object.entries(icons)) {
      expect(pngSize(new URL(`../../public/${file}`, import.meta.url).pathname)).toEqual({ width: Number(size), height: Number(size) });
    }
  });
});
