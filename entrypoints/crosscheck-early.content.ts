/**
 * The reader's early question (see ./crosscheck.content/early.ts): injected at document_start on the same
 * pages as the reader (wxt.config.ts fills in its `matches`), it only asks the background how to start.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { askEarly } from './crosscheck.content/early';

export default defineContentScript({
  // Replaced at build time by wxt.config.ts (`entrypoints:resolved`), like the reader's.
  matches: [],
  runAt: 'document_start',
  main: () => askEarly(),
});
