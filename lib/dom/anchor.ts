/**
 * The DOM side of annotation anchoring: page text from the live document, a reader's selection turned into
 * offsets in that text, stored selectors turned back into Ranges, and the page's canonical URL.
 *
 * The page text is `lib/dom/text-map.ts`'s normalised text of one root element (whitespace collapsed, hidden
 * and script content skipped). Creating and re-anchoring must use the same root; the default, `document.body`,
 * is the most stable choice because it does not depend on article detection.
 */
import { anchor, type AnchorResult } from '../annotations/anchor';
import type { Annotation, Selector } from '../annotations/model';
import { cleanPageUrl } from '../annotations/url';
import { buildTextMap, rangeFromMap, type TextMap } from './text-map';

export type { TextMap } from './text-map';

/** The text map of the page text annotations refer to. Build it once per anchoring pass. */
export function pageTextMap(root: Element): TextMap {
  return buildTextMap(root);
}

/** An annotation placed on the page. */
export interface PlacedAnchor {
  range: Range;
  anchor: AnchorResult;
}

/** Places selectors on the page text of `map`; null when they cannot be placed (an orphan). */
export function anchorInMap(map: TextMap, selectors: readonly Selector[]): PlacedAnchor | null {
  const found = anchor(map.text, selectors);
  if (!found) return null;
  return { range: rangeFromMap(map, found.start, found.end), anchor: found };
}

/** Places selectors in the document under `root` (default: the body). */
export function anchorInDocument(selectors: readonly Selector[], root?: Element): PlacedAnchor | null {
  return anchorInMap(pageTextMap(root ?? document.body), selectors);
}

/** Result of anchoring a page's annotations: every annotation is in exactly one of the two lists. */
export interface AnchoringPass {
  placed: (PlacedAnchor & { annotation: Annotation })[];
  /** Annotations whose sentence could not be found; show them in a list, never drop them. */
  orphans: Annotation[];
}

/** Anchors a page's annotations against one text map. */
export function anchorAnnotations(map: TextMap, annotations: readonly Annotation[]): AnchoringPass {
  const pass: AnchoringPass = { placed: [], orphans: [] };
  for (const annotation of annotations) {
    const placed = anchorInMap(map, annotation.target.selector);
    if (placed) pass.placed.push({ ...placed, annotation });
    else pass.orphans.push(annotation);
  }
  return pass;
}

/** True when the character at `offset` of `node` lies entirely inside `range`. */
function charInRange(range: Range, node: Text, offset: number): boolean {
  return range.comparePoint(node, offset) !== -1 && range.comparePoint(node, offset + 1) !== 1;
}

/**
 * `[start, end)` in `map.text` of the characters a Range (e.g. the reader's selection) covers, without
 * leading or trailing spaces; null when it covers no text of the map.
 */
export function offsetsOfRange(map: TextMap, range: Range): { start: number; end: number } | null {
  const touched = map.nodes.map((node) => range.intersectsNode(node));
  let start = -1;
  let end = -1;
  for (let i = 0; i < map.text.length; i++) {
    const k = map.charNode[i] as number;
    if (k === -1 || !touched[k] || map.text[i] === ' ') continue;
    if (!charInRange(range, map.nodes[k] as Text, map.charOffset[i] as number)) continue;
    if (start < 0) start = i;
    end = i + 1;
  }
  return start < 0 ? null : { start, end };
}

function linkCanonical(doc: Document): string | null {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

function ogUrl(doc: Document): string | null {
  return doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content') ?? null;
}

/**
 * A declared canonical URL, made absolute and cleaned; null when missing or not trustworthy. Some templates
 * declare the home page as canonical on every article, which would file all notes of a site under one page,
 * so a root-path canonical is ignored unless the page itself is at the root. A canonical URL on another origin
 * is ignored too: the page chooses it, and another site's URL would file this page's notes under that site and
 * pull that site's notes into this page (issue 15).
 */
function declared(href: string | null, here: URL): string | null {
  if (!href) return null;
  const absolute = URL.canParse(href, here) ? new URL(href, here) : null;
  if (!absolute) return null;
  if (absolute.origin !== here.origin) return null;
  if (absolute.pathname === '/' && here.pathname !== '/') return null;
  return cleanPageUrl(absolute.href);
}

/**
 * The URL annotations of this page are filed under: `<link rel=canonical>`, else `og:url` (either only on the
 * page's own origin), else the address without its fragment and tracking parameters (utm_*, fbclid, ...).
 */
export function canonicalUrlOf(doc: Document): string {
  const here = new URL(doc.URL);
  return declared(linkCanonical(doc), here) ?? declared(ogUrl(doc), here) ?? cleanPageUrl(doc.URL) ?? doc.URL;
}
