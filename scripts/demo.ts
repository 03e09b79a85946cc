/**
 * `npm run demo`: prints a summary of the bundled claim corpus, builds the extension, serves the demo articles
 * (tests/fixtures/pages) on 127.0.0.1 and opens Chromium with the extension on one of them. With a display it
 * stays open until the window is closed; without one ($DISPLAY unset) it runs headless, opens the card of the
 * first highlighted claim, saves a screenshot and prints where.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIR } from '../tests/e2e/harness';
import { startFixtureServer } from '../tests/e2e/server';
import buildExtension, { E2E_EXTRA_HOSTS } from '../tests/e2e/global-setup';
import { loadCorpus } from './corpus-io';

/** The article the browser opens; the others are listed for the reader to visit. */
const DEMO_PAGE = 'khan-sheikhoun-strike.html';
const OTHER_PAGES = ['russian-air-campaign.html', 'city-library-reopens.html'];

function printCorpusSummary(): void {
  const corpus = loadCorpus();
  const multi = corpus.claims.filter((c) => c.sentenceIds.length > 1);
  const outlets = new Set(corpus.articles.map((a) => a.credit.outlet).filter((o): o is string => o !== null));
  console.log('Crosscheck claim corpus');
  console.log(`  schema version ${corpus.schemaVersion}`);
  console.log(`  documents  ${corpus.documents.length}`);
  for (const d of corpus.documents) {
    const n = corpus.articles.filter((a) => a.docId === d.id).length;
    console.log(`    ${d.file}  host: ${d.hostingSite}  articles: ${n}`);
  }
  console.log(`  articles   ${corpus.articles.length} (${outlets.size} named outlets: ${[...outlets].sort().join(', ')})`);
  console.log(`  sentences  ${corpus.sentences.length}`);
  console.log(`  figures    ${corpus.sentences.reduce((n, s) => n + s.figures.length, 0)}`);
  console.log(`  claims     ${corpus.claims.length} (${multi.length} stated by more than one sentence)`);
}

async function main(): Promise<void> {
  printCorpusSummary();
  console.log(`\nBuilding the extension with the local demo host (CROSSCHECK_EXTRA_HOSTS=${E2E_EXTRA_HOSTS}) ...`);
  buildExtension();
  const server = await startFixtureServer();
  const headless = !process.env.DISPLAY;
  const profile = await mkdtemp(join(tmpdir(), 'crosscheck-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--no-first-run', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url(DEMO_PAGE));
  console.log(`\nServing the demo articles at ${server.origin}/:`);
  for (const p of [DEMO_PAGE, ...OTHER_PAGES]) console.log(`  ${server.url(p)}`);
  await page.waitForFunction(() => performance.getEntriesByName('crosscheck:checked').length > 0, null, { timeout: 60_000 });
  const highlighted = await page.evaluate(() =>
    ['crosscheck-confident', 'crosscheck-possible'].reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0),
  );
  console.log(`Crosscheck highlighted ${highlighted} sentences on ${DEMO_PAGE}.`);
  if (!headless) {
    console.log('Hover a highlighted sentence, or press Alt+Shift+J then Enter. Close the browser window to end the demo.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await server.close();
    return;
  }
  // No display: open the first claim's card from the keyboard, as a reader would, and take a picture.
  await page.keyboard.press('Alt+Shift+J');
  await page.keyboard.press('Enter');
  await page.locator('crosscheck-card [role="dialog"]').waitFor({ timeout: 10_000 });
  const shot = join(tmpdir(), `crosscheck-demo-${Date.now()}.png`);
  await page.screenshot({ path: shot });
  console.log(`No display: ran headless. Screenshot of the highlighted article with an open card: ${shot}`);
  await context.close();
  await server.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
