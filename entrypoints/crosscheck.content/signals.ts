/**
 * Signals the tests and the benchmark read in the page (performance marks `crosscheck:*`). The performance
 * timeline is shared with the page's own scripts: a mark that says how many notes were placed lets a page probe
 * "did this reader annotate URL X" (issue 15). They are compiled in only in test builds
 * (`CROSSCHECK_TEST_SIGNALS=1`, see wxt.config.ts); a normal build sets no mark and logs nothing.
 */

declare global {
  interface ImportMetaEnv {
    /** True in test builds (e2e tests, benchmark, demo): the reader sets its performance marks. */
    readonly CROSSCHECK_TEST_SIGNALS?: boolean | string;
  }
}

/** True when this build sets the page-visible test signals. */
export function testSignalsOn(): boolean {
  return Boolean(import.meta.env.CROSSCHECK_TEST_SIGNALS);
}

/** Sets the performance mark `name` (with `detail`) in test builds only. */
export function testMark(name: string, detail?: unknown): void {
  if (!import.meta.env.CROSSCHECK_TEST_SIGNALS) return;
  performance.mark(name, detail === undefined ? undefined : { detail });
}
