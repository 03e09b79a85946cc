/**
 * The reading content script. Runs automatically on the news sites of data/news-sites.json (its `matches` are
 * filled in by wxt.config.ts, plus CROSSCHECK_EXTRA_HOSTS in test builds), on sites the reader chose to
 * always check, and on any page on demand (the background injects it). The work is in ./reader.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReader } from './reader';

export default defineContentScript({
  // Replaced at build time by wxt.config.ts (`entrypoints:resolved`) from data/news-sites.json.
  matches: [],
  // Injected before the page is parsed, so its settings and check mode are read while the page loads; the
  // article is read as soon as the DOM is parsed (./reader.ts), not after images and ads (document_idle).
  // Later paragraphs are picked up by the page observer.
  runAt: 'document_start',
  // The card's CSS is inlined into its shadow root (see ./card.tsx), so nothing is fetched and no file has to
  // be web-accessible: pages cannot probe for the extension, and on-demand pages get the same styles.
  cssInjectionMode: 'manual',
  main: (ctx) => startReader(ctx),
});
