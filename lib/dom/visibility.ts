/**
 * Page regions that are not article text (navigation, ads, related links, comments) and blocks the reader
 * cannot see. Used by the fallback extraction and to filter what Readability chose.
 */
import { isSkippedElement } from './text-map';

/** Landmarks that never hold article prose. */
const EXCLUDED_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG']);

/**
 * Class/id words of non-article regions, after Readability's "unlikely candidates" list. Broad on purpose:
 * a false exclusion loses one paragraph of a page without a `main`/`article`, a false inclusion puts
 * comment text in front of the matcher.
 */
const EXCLUDED_NAMES =
  /(^|[-_\s])(ads?|advert\w*|banner|breadcrumbs?|byline|dateline|comments?|comment-\w+|cookie\w*|disqus|menu|nav\w*|newsletter|outbrain|popup|promo\w*|recommend\w*|related|share|sharing|sidebar|social|sponsor\w*|subscribe|taboola|trending|widget)([-_\s]|$)/i;

/** Roles of non-article landmarks. */
const EXCLUDED_ROLES = new Set(['navigation', 'banner', 'complementary', 'contentinfo', 'search', 'dialog']);

/** True when `el` itself marks a non-article region. `header` counts only outside an article or main. */
function isExcludedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (EXCLUDED_TAGS.has(tag)) return true;
  if (tag === 'HEADER' && !el.closest('article, main, [role="main"]')) return true;
  if (EXCLUDED_ROLES.has(el.getAttribute('role') ?? '')) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return EXCLUDED_NAMES.test(names);
}

/** True when `el` or an ancestor below `root` is navigation, an ad, related links, comments and the like. */
export function isExcludedRegion(el: Element, root: Element | null): boolean {
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) {
    if (isExcludedElement(cur)) return true;
  }
  return false;
}

/** True when no ancestor hides the block (display:none, visibility:hidden, `hidden`, script-like). */
export function isVisibleBlock(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (isSkippedElement(cur)) return false;
  }
  return true;
}

/** Outermost `main`/`article`/`[role=main]` elements, or the body when the page has none. */
export function mainRoots(doc: Document): Element[] {
  const found = Array.from(doc.querySelectorAll('main, article, [role="main"]'));
  const outermost = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  if (outermost.length > 0) return outermost;
  return doc.body ? [doc.body] : [];
}
