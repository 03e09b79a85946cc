/**
 * Finds the article text of a live page as reading blocks of the LIVE document, so that matched sentences
 * can be highlighted in place. Readability chooses the blocks on a clone (it mutates what it parses); every
 * clone element carries the index of its live twin, which maps the chosen blocks back. Pages that are too
 * big for Readability, or where it finds nothing, fall back to visible blocks under `main`/`article`.
 */
import { Readability } from '@mozilla/readability';
import { eachLeafBlock, leafBlocks } from './blocks';
import { blockText } from './text-map';
import { isExcludedRegion, isVisibleBlock, mainRoots } from './visibility';

/** One reading block: a live element and its normalised text (as {@link blockText} gives it). */
export interface ArticleBlock {
  element: Element;
  text: string;
}

/** The article found on a page. */
export interface ArticleText {
  /** Reading blocks in document order. */
  blocks: ArticleBlock[];
  /** Headline when Readability found one, else the document title, else null. */
  title: string | null;
  /** Which path chose the blocks. */
  method: 'readability' | 'fallback';
}

/** Limits of {@link extractArticle}. */
export interface ExtractOptions {
  /** Element budget above which Readability is skipped (it is roughly linear but slow on huge pages). */
  maxElements?: number;
  /** Text budget (characters of `body.textContent`) above which Readability is skipped. */
  maxChars?: number;
}

/** Readability takes ~100 ms per 10k elements on a laptop; 15k keeps extraction well under a second. */
export const DEFAULT_MAX_ELEMENTS = 15_000;
/** A long-read is ~60k characters; 400k only cuts off archive pages and endless feeds. */
export const DEFAULT_MAX_CHARS = 400_000;
/** Attribute carrying the live-element index on the clone. */
const INDEX_ATTR = 'data-crosscheck-i';

/** Comparison key: text without any whitespace, so `<br>` and indentation differences do not matter. */
function textKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Extracts the article text of `doc` (see the module comment). Does not modify `doc`. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ArticleText {
  const live = Array.from(doc.getElementsByTagName('*'));
  const maxElements = opts.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const tooBig =
    live.length > maxElements || (doc.body?.textContent?.length ?? 0) > (opts.maxChars ?? DEFAULT_MAX_CHARS);
  const viaReadability = tooBig ? null : readabilityBlocks(doc, live, maxElements);
  if (viaReadability && viaReadability.blocks.length > 0) return viaReadability;
  return { blocks: fallbackBlocks(doc), title: doc.title || null, method: 'fallback' };
}

function parseClone(doc: Document, live: Element[], maxElements: number): { content: Node; title: string } | null {
  const clone = doc.cloneNode(true) as Document;
  const copies = clone.getElementsByTagName('*');
  for (let i = 0; i < copies.length && i < live.length; i++) copies[i]?.setAttribute(INDEX_ATTR, String(i));
  try {
    const parsed = new Readability<Node>(clone, { serializer: (n) => n, maxElemsToParse: maxElements }).parse();
    return parsed?.content ? { content: parsed.content, title: parsed.title ?? '' } : null;
  } catch {
    // Readability throws past maxElemsToParse and on some malformed documents: use the fallback.
    return null;
  }
}

function readabilityBlocks(doc: Document, live: Element[], maxElements: number): ArticleText | null {
  const parsed = parseClone(doc, live, maxElements);
  if (!parsed || parsed.content.nodeType !== 1) return null;
  const textOf = blockTexts();
  const byText = lazyLiveIndex(doc, textOf);
  const chosen = new Set<Element>();
  for (const copy of leafBlocks(parsed.content as Element)) {
    const key = textKey(copy.textContent ?? '');
    if (key) {
      const twin = liveTwin(copy, live, key, textOf) ?? byText().get(key)?.find((el) => !chosen.has(el));
      if (twin) chosen.add(twin);
    }
  }
  // Readability keeps ads and promos that sit inside the article body; drop them, judging only the
  // elements inside the article container so that page wrappers named "has-sidebar" cannot exclude it.
  const container = commonAncestor([...chosen]);
  const kept = [...chosen].filter((el) => !isExcludedRegion(el, container));
  addHeadline(doc, parsed.title, kept, textOf);
  const blocks = toBlocks(kept.sort(documentOrder), textOf);
  return { blocks, title: parsed.title || doc.title || null, method: 'readability' };
}

/**
 * The live element the clone element was copied from. Its text may differ a little (the clone cannot see
 * stylesheet-hidden text), so containment either way is enough; an unrelated text means Readability built
 * the element anew and the caller looks it up by text instead.
 */
function liveTwin(copy: Element, live: Element[], key: string, textOf: (el: Element) => string): Element | undefined {
  const twin = live[Number(copy.getAttribute(INDEX_ATTR) ?? NaN)];
  if (!twin) return undefined;
  const twinKey = textKey(textOf(twin));
  return twinKey && (twinKey === key || key.includes(twinKey) || twinKey.includes(key)) ? twin : undefined;
}

/** Live leaf blocks by text key, built only when a Readability block lost its index (it made a new `<p>`). */
function lazyLiveIndex(doc: Document, textOf: (el: Element) => string): () => Map<string, Element[]> {
  let index: Map<string, Element[]> | null = null;
  return () => {
    if (index) return index;
    index = new Map();
    for (const el of doc.body ? leafBlocks(doc.body) : []) {
      const key = textKey(textOf(el));
      index.set(key, [...(index.get(key) ?? []), el]);
    }
    return index;
  };
}

/**
 * Share of headline words that must occur in Readability's title. Readability drops the headline from the
 * content when it resembles the title (which often comes from `<title>`, with the site name and small
 * edits); lower values risk taking a section heading for the headline.
 */
const HEADLINE_SIMILARITY = 0.75;

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function resemblesTitle(headline: string, title: Set<string>): boolean {
  const list = words(headline);
  return list.length > 0 && list.filter((w) => title.has(w)).length / list.length >= HEADLINE_SIMILARITY;
}

/** Puts back the headline Readability dropped from the content: it holds claims too. */
function addHeadline(doc: Document, title: string, chosen: Element[], textOf: (el: Element) => string): void {
  const titleWords = new Set(words(title));
  if (titleWords.size === 0) return;
  const headline = Array.from(doc.querySelectorAll('h1, h2')).find(
    (el) => resemblesTitle(textOf(el), titleWords) && !isExcludedRegion(el, doc.body),
  );
  if (headline && !chosen.includes(headline)) chosen.push(headline);
}

/** Block tags the fallback reads: headings, paragraphs, list items, quotes and captions hold the prose. */
const FALLBACK_BLOCKS = 'p, li, blockquote, h1, h2, h3, figcaption';

/**
 * The fallback's rule for one leaf block under `root` (one of {@link mainRoots}): a visible paragraph, list
 * item, quote or heading outside navigation, ads, related links and comments, with its text; else null.
 * Shared by {@link extractArticle} and the content script's sliced reading of long pages.
 */
export function fallbackBlock(el: Element, root: Element): ArticleBlock | null {
  if (!el.matches(FALLBACK_BLOCKS) || isExcludedRegion(el, root) || !isVisibleBlock(el)) return null;
  const text = blockText(el);
  return text ? { element: el, text } : null;
}

function fallbackBlocks(doc: Document): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  const roots = mainRoots(doc);
  for (const root of roots) {
    for (const el of eachLeafBlock(root)) {
      const block = fallbackBlock(el, root);
      if (block) out.push(block);
    }
  }
  const head = headBlocks(doc, roots);
  return head.length ? [...head, ...out].sort((a, b) => documentOrder(a.element, b.element)) : out;
}

/** Class or id words of a standfirst (the summary under a headline): "standfirst", "dek", "subheadline"... */
const STANDFIRST_RE = /(?:^|[\s_-])(?:standfirst|dek|deck|sub-?head(?:line)?|strapline|summary|lede)(?:$|[\s_-])/i;

/** True when the element or its parent is named like a standfirst. */
function isStandfirst(el: Element): boolean {
  const named = (e: Element | null) => !!e && STANDFIRST_RE.test(`${e.getAttribute('class') ?? ''} ${e.id}`);
  return named(el) || named(el.parentElement);
}

/**
 * The headline (`h1`) and standfirst a page often sets above its `<article>`/`<main>`: they state the claims
 * of the article in brief, so the fallback reads them too (Readability finds them itself).
 */
function headBlocks(doc: Document, roots: Element[]): ArticleBlock[] {
  const body = doc.body;
  if (!body || (roots.length === 1 && roots[0] === body)) return [];
  const out: ArticleBlock[] = [];
  for (const el of body.querySelectorAll('h1, h2, p')) {
    if (roots.some((r) => r.contains(el))) continue;
    if (el.tagName.toUpperCase() !== 'H1' && !isStandfirst(el)) continue;
    const block = fallbackBlock(el, body);
    if (block) out.push(block);
  }
  return out;
}

function toBlocks(elements: Element[], textOf: (el: Element) => string): ArticleBlock[] {
  return elements
    .filter(isVisibleBlock)
    .map((element) => ({ element, text: textOf(element) }))
    .filter((b) => b.text.length > 0);
}

/** {@link blockText} remembered per element for one extraction (the page does not change during it): the
 * twin check, the headline search and the blocks read the same elements' texts. */
function blockTexts(): (el: Element) => string {
  const texts = new Map<Element, string>();
  return (el) => {
    let text = texts.get(el);
    if (text === undefined) {
      text = blockText(el);
      texts.set(el, text);
    }
    return text;
  };
}

/** Lowest common ancestor of `elements`, or null for an empty list. */
export function commonAncestor(elements: Element[]): Element | null {
  let lca: Element | null = elements[0] ?? null;
  for (const el of elements) {
    while (lca && !lca.contains(el)) lca = lca.parentElement;
  }
  return lca;
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;
}
