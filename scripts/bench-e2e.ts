/**
 * `npm run bench:e2e`: the reading benchmark in real Chromium with the built extension.
 *  - load to highlights on a 2,000-word article (target <= 150 ms), with the corpus already loaded (in the
 *    offscreen matcher's worker, once per browser);
 *  - cold: the same, on the first page after the service worker starts (target <= 300 ms). Chrome stops an
 *    idle extension worker after about 30 s, so the bench stops it (DevTools protocol) before each cold load
 *    and the page's first message wakes it, as in real reading (the offscreen matcher stays, as in Chrome);
 *    also the first page after the browser starts, when the index is loaded for the first time;
 *  - long tasks (PerformanceObserver 'longtask') while a 50,000-word page is checked (target: none over 50 ms);
 *  - the content scripts' bundles (the reader and its early question), gzipped (target <= 60 KB).
 * Pages are generated at run time from corpus sentences and neutral filler, served on 127.0.0.1.
 * `--cold` runs only the cold loads; `--no-build` uses the extension already built in .output/chrome-mv3.
 * `--compare DIR` (A/B of the cold start): cold loads of another build (DIR, e.g. a copy of .output/chrome-mv3
 * made before a change) and of this one, each in its own browser, alternating run by run so that both see the
 * same load of the (shared) machine; `--runs N` sets the cold loads per build (default 5 each).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, stopServiceWorker } from '../tests/e2e/harness';
import { startFixtureServer } from '../tests/e2e/server';
import { loadCorpus } from './corpus-io';
import { median, seededRandom } from './bench-util';
import { E2E_EXTRA_HOSTS, buildExtension } from '../tests/e2e/global-setup';
import { ChromiumMissingError, chromiumPath, ensureChromium } from './chromium';

const RUNS = 7;
const TARGET_MS = 150;
/** Cold loads: each on a newly started service worker. */
const COLD_RUNS = 5;
const COLD_TARGET_MS = 300;
const LONG_TASK_MS = 50;
/** Loads of the 50,000-word page, with the extension and without it. */
const BIG_RUNS = 3;
const BUNDLE_TARGET_KB = 60;
/** The content scripts a checked page loads. */
const CONTENT_SCRIPTS = ['crosscheck.js', 'crosscheck-early.js'];
const CHECKED = 'crosscheck:checked';
const FIRST = 'crosscheck:first-highlight';

const SUBJECTS = ['The city council', 'Local farmers', 'The museum board', 'A group of teachers', 'The regional bus company', 'Volunteers at the harbour', 'The new bakery', 'Residents of the old quarter'];
const VERBS = ['discussed', 'planned', 'praised', 'postponed', 'reviewed', 'celebrated', 'questioned', 'welcomed'];
const OBJECTS = ['the summer timetable', 'a longer opening season', 'the repairs to the footbridge', 'a reading programme for children', 'the price of parking permits', 'plans for a community garden', 'the autumn music festival', 'new cycle lanes along the river'];
const TAILS = ['on Tuesday evening', 'after a long debate', 'in a packed hall', 'for the third year running', 'despite the rain', 'with little fuss'];

/** A distinct filler sentence: everyday local news that states no corpus claim. */
function filler(next: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const day = 1 + Math.floor(next() * 28);
  const people = 5 + Math.floor(next() * 400);
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}, and about ${people} people came by on the ${day}th.`;
}

/** An article of about `words` words, with a corpus sentence every `every` sentences (from `claims[offset]`). */
function articleHtml(title: string, words: number, claims: string[], every: number, seed: number): string {
  const next = seededRandom(seed);
  const paragraphs: string[] = [];
  let count = 0;
  let sentence = 0;
  let claim = seed * 7;
  while (count < words) {
    const sentences: string[] = [];
    for (let k = 0; k < 5 && count < words; k++, sentence++) {
      const text = sentence % every === every - 1 && claims.length > 0 ? (claims[claim++ % claims.length] as string) : filler(next);
      sentences.push(text);
      count += text.split(/\s+/).length;
    }
    paragraphs.push(`<p>${sentences.join(' ').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${title}</h1>${paragraphs.join('\n')}</article></main>
<footer><p>Bench Gazette</p></footer></body></html>`;
}

/** Corpus sentences of ordinary length, in corpus order (near-verbatim restatements match confidently). */
function claimSentences(): string[] {
  return loadCorpus()
    .sentences.map((s) => s.text)
    .filter((t) => {
      const n = t.split(/\s+/).length;
      return n >= 12 && n <= 40 && !/[<>]/.test(t);
    });
}

/** Console message the bench page's own init script logs when the check is over (see {@link watchChecked}). */
const CHECKED_SIGNAL = 'bench:crosscheck-checked';

/**
 * Makes `page` log {@link CHECKED_SIGNAL} when the reader marks its check done. The bench waits for that
 * console message rather than polling with `page.waitForFunction`: Playwright injects its own script into the
 * page to poll, and a trace showed that injection as one task of about 100 ms on the page's main thread in the
 * middle of the measured window, delaying the extension's answers.
 */
async function watchChecked(page: Page): Promise<void> {
  await page.addInitScript((args: { mark: string; signal: string }) => {
    new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === args.mark)) console.log(args.signal);
    }).observe({ type: 'mark' });
  }, { mark: CHECKED, signal: CHECKED_SIGNAL });
}

/**
 * Opens `url` (in a page prepared by {@link watchChecked}) and returns the timings of the check, in ms from
 * navigation start. DOM ready is `domContentLoadedEventStart`: the document is parsed, and whatever the reader
 * does in its DOMContentLoaded listener counts in the time to highlights.
 */
async function timedLoad(page: Page, url: string): Promise<{ domReady: number; first: number; checked: number; highlights: number; origin: number }> {
  const checked = page.waitForEvent('console', { predicate: (m) => m.text() === CHECKED_SIGNAL, timeout: 60_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await checked;
  return page.evaluate(
    ({ first, checked }) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const done = performance.getEntriesByName(checked)[0] as PerformanceMark;
      return {
        domReady: nav.domContentLoadedEventStart,
        first: performance.getEntriesByName(first)[0]?.startTime ?? NaN,
        checked: done.startTime,
        highlights: (done.detail as { highlights: number }).highlights,
        origin: performance.timeOrigin,
      };
    },
    { first: FIRST, checked: CHECKED },
  );
}

interface LongTask {
  start: number;
  duration: number;
}

/** Loads `url` in a page that records long tasks from the start; returns them, with the check's timings when
 * `waitChecked` (the extension is loaded and checks the page). */
async function longTasks(context: BrowserContext, url: string, waitChecked: boolean): Promise<{ tasks: LongTask[]; timing: Awaited<ReturnType<typeof timedLoad>> | null }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  let timing = null;
  if (waitChecked) {
    await watchChecked(page);
    timing = await timedLoad(page, url);
  } else {
    await page.goto(url, { waitUntil: 'load' });
  }
  await page.waitForTimeout(waitChecked ? 300 : 1500);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  await page.close();
  return { tasks, timing };
}

/** The same page without the extension: the long tasks the page causes by itself (parsing, first layout). */
async function baselineLongTasks(url: string): Promise<LongTask[]> {
  const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    return (await longTasks(await plain.newContext(), url, false)).tasks;
  } finally {
    await plain.close();
  }
}

/** Marks the background sets while it loads the index (see entrypoints/background). */
const INDEX_MARKS = ['crosscheck:corpus-parsed', 'crosscheck:index-loaded', 'crosscheck:index-ready', 'crosscheck:worker-started', 'crosscheck:first-batch'];

/** One cold load: DOM ready -> all highlights, and when the worker had parsed the corpus and built the
 * index, in ms after the page's DOM ready (negative: before). */
interface ColdLoad {
  checked: number;
  /** DOM ready -> the first highlight painted. */
  first: number;
  parsed: number;
  /** The index restored from the parsed corpus (before the reader's notes are joined). */
  loaded: number;
  ready: number;
  /** The worker's own code started (after the browser started the worker and evaluated its script). */
  started: number;
  /** The page's first batch reached the worker. */
  firstBatch: number;
}

/** Loads on pages each read right after the service worker was stopped (see {@link stopServiceWorker}). */
async function coldLoads(context: BrowserContext, extensionId: string, url: (run: number) => string, runs = COLD_RUNS, from = 0): Promise<ColdLoad[]> {
  const out: ColdLoad[] = [];
  for (let run = from; run < from + runs; run++) {
    await stopServiceWorker(context, extensionId);
    const page = await context.newPage();
    await watchChecked(page);
    const t = await timedLoad(page, url(run));
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    const marks = worker
      ? await worker.evaluate((names) => ({ origin: performance.timeOrigin, at: names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN) }), INDEX_MARKS)
      : { origin: NaN, at: INDEX_MARKS.map(() => NaN) };
    const sinceReady = (at: number | undefined) => marks.origin + (at ?? NaN) - (t.origin + t.domReady);
    out.push({ checked: t.checked - t.domReady, first: t.first - t.domReady, parsed: sinceReady(marks.at[0]), loaded: sinceReady(marks.at[1]), ready: sinceReady(marks.at[2]), started: sinceReady(marks.at[3]), firstBatch: sinceReady(marks.at[4]) });
    await page.close();
  }
  return out;
}

const longest = (tasks: LongTask[]): number => Math.max(0, ...tasks.map((t) => t.duration));

const coldOnly = process.argv.includes('--cold');

/** The value after `flag` on the command line, if any. */
function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Where a cold load's time went in the worker: its code starting, the first batch arriving (medians). */
function workerLine(cold: ColdLoad[]): string {
  return `the worker's code started ${median(cold.map((c) => c.started)).toFixed(0)} ms and the page's first batch reached it ${median(cold.map((c) => c.firstBatch)).toFixed(0)} ms after DOM ready (medians)`;
}

/** Where the cold loads' index came from: loaded by the service worker (its marks), or kept by the offscreen
 * matcher (the worker read no corpus). */
function indexLine(cold: ColdLoad[]): string {
  if (cold.every((c) => Number.isNaN(c.parsed))) return 'the service worker read no corpus: the offscreen matcher kept its index';
  return `the worker had parsed the corpus ${median(cold.map((c) => c.parsed)).toFixed(0)} ms, loaded the index ${median(cold.map((c) => c.loaded)).toFixed(0)} ms and joined the notes ${median(cold.map((c) => c.ready)).toFixed(0)} ms after DOM ready (medians)`;
}

/** One build's cold loads in an A/B comparison, summarised like the main cold line. */
function coldSummary(label: string, cold: ColdLoad[]): string {
  const ms = cold.map((c) => c.checked);
  return (
    `  ${label}: DOM ready -> all highlights, median of ${ms.length}: ${median(ms).toFixed(0)} ms ` +
    `(${ms.map((x) => x.toFixed(0)).join(', ')}); first highlight ${median(cold.map((c) => c.first)).toFixed(0)} ms\n` +
    `    ${indexLine(cold)}; ${workerLine(cold)}`
  );
}

/**
 * A/B of the cold start: the build in `baseline` (A) against the current one (B), each in its own browser,
 * alternating single cold loads (A, B, A, B, ...) on the same pages so that both meet the same machine load.
 */
async function compareCold(baseline: string, runs: number, url: (run: number) => string): Promise<void> {
  const a = await launchWithExtension(baseline);
  const b = await launchWithExtension();
  try {
    // The first page after the browser starts is not a cold load of the kind measured: load one in each.
    for (const x of [a, b]) {
      const page = await x.context.newPage();
      await watchChecked(page);
      await timedLoad(page, url(0));
      await page.close();
    }
    const coldA: ColdLoad[] = [];
    const coldB: ColdLoad[] = [];
    for (let run = 0; run < runs; run++) {
      const [first, second] = run % 2 === 0 ? [[a, coldA], [b, coldB]] as const : [[b, coldB], [a, coldA]] as const;
      first[1].push(...(await coldLoads(first[0].context, first[0].extensionId, url, 1, run)));
      second[1].push(...(await coldLoads(second[0].context, second[0].extensionId, url, 1, run)));
    }
    console.log(`\nCold start A/B (${runs} cold loads each, alternating; target <= ${COLD_TARGET_MS} ms)`);
    console.log(coldSummary(`A ${baseline}`, coldA));
    console.log(coldSummary(`B ${EXTENSION_DIR}`, coldB));
  } finally {
    await a.close();
    await b.close();
  }
}

async function main(): Promise<void> {
  ensureChromium((line) => console.log(line));
  if (!process.argv.includes('--no-build')) {
    console.log(`building the extension (CROSSCHECK_EXTRA_HOSTS=${E2E_EXTRA_HOSTS}) ...`);
    buildExtension();
  }
  const bundles = await Promise.all(CONTENT_SCRIPTS.map((name) => readFile(join(EXTENSION_DIR, 'content-scripts', name))));
  const kb = bundles.reduce((n, b) => n + b.length, 0) / 1024;
  const gz = bundles.reduce((n, b) => n + gzipSync(b).length, 0) / 1024;

  const claims = claimSentences();
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-'));
  // One distinct article per run: each run matches sentences the service worker has not seen.
  for (let run = 0; run <= RUNS; run++) {
    await writeFile(join(dir, `article-2000-${run}.html`), articleHtml('Two thousand words', 2000, claims, 6, run + 1));
  }
  await writeFile(join(dir, 'page-50000.html'), articleHtml('Fifty thousand words', 50_000, claims, 8, 99));
  const baseline = argValue('--compare');
  const coldRuns = Number(argValue('--runs') ?? COLD_RUNS);
  for (let run = 0; run < Math.max(COLD_RUNS, coldRuns); run++) {
    await writeFile(join(dir, `cold-2000-${run}.html`), articleHtml('Two thousand words', 2000, claims, 6, 50 + run));
  }
  if (baseline !== undefined) {
    const server = await startFixtureServer(dir);
    try {
      await compareCold(baseline, coldRuns, (run) => server.url(`cold-2000-${run}.html`));
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
    return;
  }
  const [browser, server] = await Promise.all([launchWithExtension(), startFixtureServer(dir)]);
  try {
    const first = await browser.context.newPage();
    await watchChecked(first);
    const launch = await timedLoad(first, server.url('article-2000-0.html'));
    await first.close();
    const cold = await coldLoads(browser.context, browser.extensionId, (run) => server.url(`cold-2000-${run}.html`));
    const coldMs = cold.map((c) => c.checked);
    const coldLine =
      `  cold, first page after the service worker starts, DOM ready -> all highlights, median of ${COLD_RUNS}: ` +
      `${median(coldMs).toFixed(0)} ms (${coldMs.map((x) => x.toFixed(0)).join(', ')}; target <= ${COLD_TARGET_MS} ms); first highlight: median ${median(cold.map((c) => c.first)).toFixed(0)} ms\n` +
      `    ${indexLine(cold)}; ${workerLine(cold)}; ` +
      `first page after the browser starts (the index loaded for the first time): ${(launch.checked - launch.domReady).toFixed(0)} ms`;
    if (coldOnly) {
      console.log(coldLine);
      return;
    }
    const page = await browser.context.newPage();
    await watchChecked(page);
    const warm = [];
    for (let run = 1; run <= RUNS; run++) warm.push(await timedLoad(page, server.url(`article-2000-${run}.html`)));
    const fromReady = warm.map((t) => t.checked - t.domReady);
    const firstFromReady = warm.map((t) => t.first - t.domReady);

    // The page's own parsing and first layout can make a long task by themselves, some loads and not others
    // on this machine: several loads with and without the extension show what the extension adds.
    const bigRuns = [];
    const baselines = [];
    for (let run = 0; run < BIG_RUNS; run++) {
      bigRuns.push(await longTasks(browser.context, server.url('page-50000.html'), true));
      baselines.push(await baselineLongTasks(server.url('page-50000.html')));
    }
    const bigTiming = bigRuns[0]!.timing!;
    const over = (tasks: LongTask[]) => tasks.filter((t) => t.duration > LONG_TASK_MS).length;
    const perLoad = (runs: LongTask[][]) => `${runs.map(over).join(', ')} per load; longest ${longest(runs.flat()).toFixed(0)} ms`;

    console.log('\nCrosscheck reading benchmark (Chromium, built extension)');
    console.log(`  2,000-word article: ${warm[0]?.highlights ?? 0} highlights; DOM ready -> all highlights, median of ${RUNS}: ${median(fromReady).toFixed(0)} ms (target <= ${TARGET_MS} ms)`);
    console.log(`    first highlight after DOM ready: median ${median(firstFromReady).toFixed(0)} ms; navigation start -> all highlights: median ${median(warm.map((t) => t.checked)).toFixed(0)} ms`);
    console.log(coldLine);
    console.log(`  50,000-word page: ${bigTiming.highlights} highlights in ${(bigTiming.checked - bigTiming.domReady).toFixed(0)} ms after DOM ready`);
    console.log(`    long tasks over ${LONG_TASK_MS} ms with the extension, ${BIG_RUNS} loads: ${perLoad(bigRuns.map((r) => r.tasks))} (target: none)`);
    console.log(`    the same page without the extension: ${perLoad(baselines)} (parsing and first layout of the page itself)`);
    console.log(`  content scripts (${CONTENT_SCRIPTS.join(' + ')}): ${kb.toFixed(1)} KB, ${gz.toFixed(1)} KB gzipped (target <= ${BUNDLE_TARGET_KB} KB)`);
    console.log(`  requests outside 127.0.0.1 and the extension: ${browser.outsideRequests().length}`);
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Exit explicitly: a browser or server left open by a failed step must not keep the process alive.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(1);
  },
);
