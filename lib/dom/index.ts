/**
 * Public surface of the DOM layer: article extraction, block text <-> Range mapping, the highlighter and
 * hit testing. Content scripts import from here; the e2e smoke test bundles this file for real pages.
 */
export { extractArticle, fallbackBlock, commonAncestor, DEFAULT_MAX_CHARS, DEFAULT_MAX_ELEMENTS } from './article';
export type { ArticleBlock, ArticleText, ExtractOptions } from './article';
export { buildTextMap, blockText, rangeFor, rangeFromMap } from './text-map';
export type { TextMap } from './text-map';
export { createHighlighter, createCustomHighlighter, supportsCustomHighlights } from './highlighter';
export type { Highlighter, HighlightKind } from './highlighter';
export { createWrappingHighlighter } from './wrap-highlighter';
export { HIGHLIGHT_KINDS, HIGHLIGHT_PREFIX, highlightName, highlightCss, ensureHighlightStyle } from './highlight-style';
export { hitTest, caretAt } from './hit-test';
