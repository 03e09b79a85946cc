import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type WordVectorTable, packWordVectors } from './lib/match/word-vectors';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/** The reading content script (`entrypoints/crosscheck.content/`) and its early question
 * (`entrypoints/crosscheck-early.content.ts`): both run on the automatic hosts. */
const CONTENT_SCRIPTS = new Set(['crosscheck', 'crosscheck-early']);

/** News domains checked automatically (`data/news-sites.json`; every list in it counts, subdomains included). */
function newsSitePatterns(): string[] {
  const file = JSON.parse(readFileSync(fileURLToPath(new URL('./data/news-sites.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
  const domains = Object.values(file).filter(Array.isArray).flat().filter((d): d is string => typeof d === 'string');
  return [...new Set(domains)].flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]);
}

/**
 * Extra automatic hosts for tests and local demos: `CROSSCHECK_EXTRA_HOSTS='http://127.0.0.1/*'` (comma-separated
 * match patterns). A normal build, without the variable, checks only the news list automatically.
 */
function extraHostPatterns(): string[] {
  return (process.env.CROSSCHECK_EXTRA_HOSTS ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

/** The bytes of data/`name`. */
function dataFile(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)));
}

/**
 * `bytes` gzipped into `dir` (the build's .wxt directory) as `name`.gz; returns the file's path. Node's gzip
 * writes no time stamp, so the same data gives the same bytes.
 */
function gzipped(name: string, bytes: Uint8Array, dir: string): string {
  const out = join(dir, `${name}.gz`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(out, gzipSync(bytes, { level: 9 }));
  return out;
}

/**
 * The extension's icon at the sizes browsers ask for, rendered from icons/crosscheck.svg by `npm run icons`
 * (scripts/icons.ts) into public/icon/. The toolbar button shows it with the claim count as its badge.
 */
const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`])) as Record<string, string>;

/** Hosts the reader grants one site at a time: "Always check this site" calls `permissions.request({ origins })`. */
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * Firefox add-on settings. The id must stay the same once published (updates and stored data follow it).
 * 140 is the first Firefox that reads `data_collection_permissions` and has the CSS Custom Highlight API
 * (Firefox for Android reads the former from 142). `required: ['none']` declares that the extension
 * collects and transmits no data.
 */
const GECKO = {
  id: 'crosscheck@crosscheck.extension',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

/**
 * Page-visible test signals (performance marks `crosscheck:*`) are compiled in only when `CROSSCHECK_TEST_SIGNALS=1`
 * (the e2e build, the benchmark and the demo set it: tests/e2e/global-setup.ts). A normal build has none: a page
 * shares the performance timeline and could read how many notes were placed (issue 15).
 */
const TEST_SIGNALS = process.env.CROSSCHECK_TEST_SIGNALS === '1';

/** The module that replaces WXT's content-script context in content-script entries (utils/content-script-context.ts). */
const ISOLATED_CONTEXT = fileURLToPath(new URL('./utils/content-script-context.ts', import.meta.url));

/**
 * Gives every content script {@link ISOLATED_CONTEXT} instead of WXT's context: WXT's posts the extension id to
 * the page and stops the reader when a page replays that message (issue 15, item 7). Only the import of WXT's
 * content-script entry is redirected; the replacement itself imports WXT's class.
 */
function isolatedContentScriptContext(): Plugin {
  return {
    name: 'crosscheck:isolated-content-script-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'wxt/utils/content-script-context' || !importer?.includes('content-script-isolated-world-entrypoint')) return null;
      return ISOLATED_CONTEXT;
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Crosscheck',
    description: 'See which outlets made the same claim as the sentence you are reading, and how their figures differ.',
    // storage: settings and "not a match" choices. activeTab: check the current page on demand (toolbar,
    // shortcut, context menu) without host access to every site. contextMenus: "Check this page" and
    // "Check selection". scripting: inject the checker into that tab, and register it for sites the reader
    // asked to "Always check" (their host permission is requested at that moment, from the optional list).
    // offscreen (Chrome): the matcher's document, which keeps the corpus index loaded between pages.
    permissions: ['storage', 'activeTab', 'contextMenus', 'scripting', ...(manifestVersion === 3 ? ['offscreen'] : [])],
    icons: ICONS,
    // WXT adds the popup page to this (Manifest V2: see the build:manifestGenerated hook).
    action: { default_icon: ICONS, default_title: 'Crosscheck' },
    // Manifest V3 lists host patterns in optional_host_permissions; Manifest V2 (the Firefox build) has no such
    // key (WXT drops it) and takes them in optional_permissions, without which permissions.request fails.
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_HOSTS } : { optional_host_permissions: OPTIONAL_HOSTS }),
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } } } : {}),
    commands: {
      'check-page': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Check this page for known claims',
      },
      'next-claim': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Move to the next highlighted claim',
      },
      'previous-claim': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Move to the previous highlighted claim',
      },
      // Chrome accepts at most four suggested keys; this is the fourth.
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Annotate the selected text',
      },
    },
  }),
  // `npm run zip` (scripts/zip.ts): crosscheck-<version>-chrome.zip, -firefox.zip and, for Firefox's review,
  // -sources.zip. The sources are what the build needs (tests and dot-folders such as .ci stay out).
  zip: {
    excludeSources: ['tests/**', 'stats.html'],
  },
  hooks: {
    // Chrome runs the background as a service worker that stops when idle; the Manifest V2 build gets the
    // same life as an event page (`persistent: false`) rather than a page kept in memory for ever.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.manifestVersion === 2 && manifest.background && 'scripts' in manifest.background) {
        manifest.background.persistent = false;
      }
      // WXT rebuilds `browser_action` from the popup entrypoint for Manifest V2 and drops the icon given above.
      if (wxt.config.manifestVersion === 2 && manifest.browser_action) manifest.browser_action.default_icon = ICONS;
    },
    // The background fetches the corpus and the word vectors from the package, gzipped (utils/packaged-corpus.ts);
    // tabs never load them.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: gzipped('corpus.json', dataFile('corpus.json'), wxt.config.wxtDir), relativeDest: 'corpus.json.gz' });
      // The word vectors in their packed binary form: read as typed-array views, no base64 to decode.
      const table = JSON.parse(dataFile('word-vectors.json').toString('utf8')) as WordVectorTable;
      files.push({ absoluteSrc: gzipped('word-vectors.bin', packWordVectors(table), wxt.config.wxtDir), relativeDest: 'word-vectors.bin.gz' });
    },
    // Automatic hosts live in data/ and the environment, not in the entrypoint.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entry of entrypoints) {
        if (entry.type === 'content-script' && CONTENT_SCRIPTS.has(entry.name)) {
          entry.options.matches = [...newsSitePatterns(), ...extraHostPatterns()];
        }
      }
    },
  },
  vite: () => ({
    plugins: [preact(), isolatedContentScriptContext()],
    define: { 'import.meta.env.CROSSCHECK_TEST_SIGNALS': JSON.stringify(TEST_SIGNALS) },
  }),
});
