import { defineBackground } from 'wxt/utils/define-background';

/** Background service worker. Matching and storage are wired in by later issues. */
export default defineBackground(() => {
  // Intentionally empty until the matching issue lands: the corpus is not loaded yet.
});
