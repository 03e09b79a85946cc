/**
 * Page identity for annotations: the same article reached through a newsletter link, a social share or an
 * in-page anchor must file its notes under one URL.
 */
import type { Annotation, AnnotationTarget } from './model';

/** Query parameters that only track where a click came from, never which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'ocid', 'cmpid', 'ncid', 'smid', 'sr_share', 'ito', 'at_medium', 'at_campaign',
]);

/** Parameter prefixes that are tracking by convention (Google Analytics, Matomo/Piwik, HubSpot). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', '_hs'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * `url` without its fragment and tracking parameters (other parameters keep their order: some sites put the
 * article id in the query). Returns null when `url` is not an absolute http(s) URL.
 */
export function cleanPageUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  const names = [...new Set(parsed.searchParams.keys())];
  for (const name of names) if (isTrackingParam(name)) parsed.searchParams.delete(name);
  // URL keeps a dangling '?' when the last parameter goes; drop it.
  if (![...parsed.searchParams.keys()].length) parsed.search = '';
  return parsed.toString();
}

/**
 * `annotation` with its page addresses cleaned by {@link cleanPageUrl} (tracking parameters and fragment
 * gone), and without `scope` when it is then the same as `source`. Notes and exports keep no click tracking.
 */
export function withCleanUrls(annotation: Annotation): Annotation {
  const source = cleanPageUrl(annotation.target.source) ?? annotation.target.source;
  const seen = annotation.target.scope;
  const scope = seen === undefined ? undefined : (cleanPageUrl(seen) ?? seen);
  if (source === annotation.target.source && scope === seen) return annotation;
  const { scope: _old, ...rest } = annotation.target;
  const target: AnnotationTarget = scope === undefined || scope === source ? { ...rest, source } : { ...rest, source, scope };
  return { ...annotation, target };
}

/** Words of a quote a text fragment names at each end when the quote is long (the browser finds what lies between). */
export const FRAGMENT_EDGE_WORDS = 6;

/** Percent-encodes a text-fragment term: `-`, `,` and `&` are syntax there, so they are encoded too. */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * The page address that scrolls to the annotated passage: the note's page with a text fragment
 * (`#:~:text=start,end`, https://wicg.github.io/scroll-to-text-fragment/), which Chromium, Safari and Firefox
 * (131+) scroll to and mark on load. A long quote is named by its first and last words. The page as it is
 * when the quote is missing.
 */
export function passageUrl(source: string, quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const base = source.replace(/#.*$/, '');
  if (words.length === 0) return base;
  const term =
    words.length <= FRAGMENT_EDGE_WORDS * 2
      ? fragmentTerm(words.join(' '))
      : `${fragmentTerm(words.slice(0, FRAGMENT_EDGE_WORDS).join(' '))},${fragmentTerm(words.slice(-FRAGMENT_EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${term}`;
}
