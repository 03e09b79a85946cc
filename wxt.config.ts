import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  manifest: {
    name: 'Crosscheck',
    description: 'See which outlets made the same claim as the sentence you are reading, and how their figures differ.',
    // storage: settings and "not a match" choices. activeTab: check the current page on demand (toolbar,
    // shortcut, context menu) without host access to every site. contextMenus: "Check this page" and
    // "Check selection". scripting: inject the checker into that tab, and register it for sites the reader
    // asked to "Always check" (their host permission is requested at that moment, from the optional list).
    permissions: ['storage', 'activeTab', 'contextMenus', 'scripting'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
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
  },
  hooks: {
    // The background fetches the corpus from the package; tabs never load it.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: fileURLToPath(new URL('./data/corpus.json', import.meta.url)), relativeDest: 'corpus.json' });
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
    plugins: [preact()],
  }),
});
