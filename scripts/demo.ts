/**
 * `npm run demo`: prints a summary of the bundled claim corpus, builds the extension, serves the demo articles
 * (tests/fixtures/pages) on 127.0.0.1 and opens Chromium with the extension on one of them. With a display it
 * stays open until the window is closed; without one ($DISPLAY unset) it runs headless, opens the card of the
 * first highlighted claim, saves a screenshot and prints where.
 *
 * The browser is found first (`./chromium.ts`): without one the demo stops at once with the command to run.
 * Every failure exits with status 1, the server and browser are closed in `finally`, and a watchdog bounds
 * the browser part.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromiumMissingError, ensureChromium } from './chromium';

/** The article the browser opens; the others are listed for the reader to visit. */
const DEMO_PAGE = 'khan-sheikhoun-strike.html';
const OTHER_PAGES = ['russian-air-campaign.html', 'city-library-reopens.html'];

async function printCorpusSummary(): Promise<void> {
  const { loadCorpus } = await import('./corpus-io');
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

/** Bounds the browser part of the demo: launch, check, card, screenshot (a headless run takes 10-30 s). */
const WATCHDOG_MS = 120_000;
/** After the watchdog fires, cleanup gets this long before the process exits regardless. */
const CLEANUP_GRACE_MS = 5_000;

/** Things to close when the demo ends, however it ends; closed in reverse order. */
type Cleanup = Array<() => Promise<unknown>>;

async function closeAll(cleanup: Cleanup): Promise<void> {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
}

/**
 * Exits with status 1 when the demo has not finished its browser part in {@link WATCHDOG_MS}: a missing
 * highlight or a stuck browser must not leave the process (and its server) running for ever.
 */
function startWatchdog(cleanup: Cleanup, what: string): () => void {
  const timer = setTimeout(() => {
    console.error(`\ndemo: ${what} did not finish within ${WATCHDOG_MS / 1000} s; stopping.`);
    setTimeout(() => process.exit(1), CLEANUP_GRACE_MS).unref();
    void closeAll(cleanup).finally(() => process.exit(1));
  }, WATCHDOG_MS);
  return () => clearTimeout(timer);
}

async function main(): Promise<void> {
  // The browser first: without one, say what to run before the corpus summary and the build.
  const executablePath = ensureChromium((line) => console.log(line));
  await printCorpusSummary();
  // Imported once a browser is there: loading playwright alone takes seconds on a busy machine.
  const [{ chromium }, { EXTENSION_DIR }, { startFixtureServer }, { E2E_EXTRA_HOSTS, buildExtension }, { ClosedUi }] = await Promise.all([
    import('playwright-core'),
    import('../tests/e2e/harness'),
    import('../tests/e2e/server'),
    import('../tests/e2e/global-setup'),
    import('../tests/e2e/pages/closed-ui'),
  ]);
  console.log(`\nBuilding the extension with the local demo host (CROSSCHECK_EXTRA_HOSTS=${E2E_EXTRA_HOSTS}) ...`);
  buildExtension();
  const headless = !process.env.DISPLAY;
  const cleanup: Cleanup = [];
  const stopWatchdog = startWatchdog(cleanup, headless ? 'the headless demo' : 'opening the demo article');
  try {
    const server = await startFixtureServer();
    cleanup.push(() => server.close());
    const profile = await mkdtemp(join(tmpdir(), 'crosscheck-demo-'));
    cleanup.push(() => rm(profile, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--no-first-run', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    cleanup.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url(DEMO_PAGE));
    console.log(`\nServing the demo articles at ${server.origin}/:`);
    for (const p of [DEMO_PAGE, ...OTHER_PAGES]) console.log(`  ${server.url(p)}`);
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:checked').length > 0, null, { timeout: 60_000 });
    const highlighted = await page.evaluate(() =>
      ['crosscheck-confident', 'crosscheck-possible'].reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0),
    );
    console.log(`Crosscheck highlighted ${highlighted} sentences on ${DEMO_PAGE}.`);
    if (highlighted === 0) throw new Error(`no sentence of ${DEMO_PAGE} was highlighted`);
    if (!headless) {
      // The reader decides when this ends; the watchdog only bounded the way to the first highlights.
      stopWatchdog();
      console.log('Hover a highlighted sentence, or press Alt+Shift+J then Enter. Close the browser window to end the demo.');
      await new Promise<void>((resolve) => context.on('close', () => resolve()));
      return;
    }
    // No display: open the first claim's card from the keyboard, as a reader would, and take a picture.
    await page.keyboard.press('Alt+Shift+J');
    await page.keyboard.press('Enter');
    // The card's shadow root is closed to page scripts and locators; DevTools sees it (tests/e2e/pages/closed-ui.ts).
    await new ClosedUi(page, 'crosscheck-card', '[role="dialog"]').waitFor({ timeout: 10_000 });
    const shot = join(tmpdir(), `crosscheck-demo-${Date.now()}.png`);
    await page.screenshot({ path: shot });
    console.log(`No display: ran headless. Screenshot of the highlighted article with an open card: ${shot}`);
  } finally {
    stopWatchdog();
    await closeAll(cleanup);
  }
}

// Exit explicitly: a handle left open by a failed step must not keep the process alive.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof ChromiumMissingError ? `\n${err.message}` : err);
    process.exit(1);
  },
);
