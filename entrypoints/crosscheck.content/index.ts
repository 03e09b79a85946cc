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
  // As soon as the DOM is parsed: the article text is there, and waiting for images and ads (document_idle)
  // only delays the highlights. Its check mode and settings were asked for at document_start (./early.ts).
  // Later paragraphs are picked up by the page observer.
  runAt: 'document_end',
  // The card's CSS is inlined into its shadow root (see ./card.tsx), so nothing is fetched and no file has to
  // be web-accessible: pages cannot probe for the extension, and on-demand pages get the same styles.
  cssInjectionMode: 'manual',
  main: (ctx) => startReader(ctx),
});
