/**
 * The highlighter: the one module that changes how the page looks. The CSS Custom Highlight API paints
 * ranges without touching the DOM (so it survives framework re-renders); where it is missing, a wrapping
 * fallback puts `<mark>` elements around text-node slices behind the same interface.
 */
import {
  HIGHLIGHT_KINDS,
  type HighlightKind,
  ensureHighlightStyle,
  highlightName,
} from './highlight-style';
import type { Highlighter } from './highlighter-types';
import { createWrappingHighlighter } from './wrap-highlighter';

export type { HighlightKind } from './highlight-style';
export type { Highlighter } from './highlighter-types';

/** Minimal shape of the Highlight registry we use, so a missing API is detectable without casts. */
interface HighlightApi {
  registry: HighlightRegistry;
  make: (...ranges: AbstractRange[]) => Highlight;
}

function highlightApi(doc: Document): HighlightApi | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = view?.CSS?.highlights;
  const Ctor = view?.Highlight;
  if (!registry || typeof Ctor !== 'function') return null;
  return { registry, make: (...ranges) => new Ctor(...ranges) };
}

/** True when `doc`'s window implements the CSS Custom Highlight API. */
export function supportsCustomHighlights(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

/** One registered Highlight per kind; priorities follow {@link HIGHLIGHT_KINDS} so annotations paint on top. */
function registerKinds(api: HighlightApi): Map<HighlightKind, Highlight> {
  const byKind = new Map<HighlightKind, Highlight>();
  HIGHLIGHT_KINDS.forEach((kind, priority) => {
    const name = highlightName(kind);
    const highlight = api.registry.get(name) ?? api.make();
    highlight.priority = priority;
    api.registry.set(name, highlight);
    byKind.set(kind, highlight);
  });
  return byKind;
}

/**
 * Highlighter on the CSS Custom Highlight API. Names are `crosscheck-<kind>`.
 * @throws Error when the API is missing (use {@link createHighlighter} to pick automatically).
 */
export function createCustomHighlighter(doc: Document): Highlighter {
  const api = highlightApi(doc);
  if (!api) throw new Error('CSS Custom Highlight API is not available');
  ensureHighlightStyle(doc);
  const byKind = registerKinds(api);
  const entries = new Map<string, { range: Range; kind: HighlightKind }>();

  const remove = (id: string): boolean => {
    const entry = entries.get(id);
    if (!entry) return false;
    byKind.get(entry.kind)?.delete(entry.range);
    entries.delete(id);
    return true;
  };

  return {
    mode: 'custom-highlight',
    add(id, range, kind) {
      remove(id);
      const own = range.cloneRange();
      entries.set(id, { range: own, kind });
      byKind.get(kind)?.add(own);
    },
    remove,
    clear() {
      for (const id of [...entries.keys()]) remove(id);
    },
    rangeOf: (id) => entries.get(id)?.range.cloneRange() ?? null,
    kindOf: (id) => entries.get(id)?.kind ?? null,
    ids: () => [...entries.keys()],
  };
}

/** Picks the CSS Custom Highlight API when the page's window has it, else the wrapping fallback. */
export function createHighlighter(doc: Document): Highlighter {
  return supportsCustomHighlights(doc) ? createCustomHighlighter(doc) : createWrappingHighlighter(doc);
}
