/**
 * `npm run icons`: renders the extension icon (icons/crosscheck.svg, the source) to the PNGs the manifest
 * references (public/icon/<size>.png), in headless Chromium, the same browser the e2e tests drive
 * (scripts/chromium.ts finds it). Deterministic for a given Chromium; run it after changing the SVG and commit
 * both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureChromium } from './chromium';

/** Sizes Chrome and Firefox ask for: toolbar (16, 32 on high-DPI), extensions page (48), store and install (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

const SOURCE = fileURLToPath(new URL('../icons/crosscheck.svg', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../public/icon/', import.meta.url));

async function main(): Promise<void> {
  const svg = readFileSync(SOURCE, 'utf8');
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    mkdirSync(OUT_DIR, { recursive: true });
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(`${OUT_DIR}${size}.png`, png);
      console.log(`public/icon/${size}.png: ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
