/**
 * The highlighter: the one module that changes how the page looks. The CSS Custom Highlight API paints
 * ranges without touching the DOM (so it survives framework re-renders); where it is missing, a wrapping
 * fallback puts `<mark>` elements around text-node slices behind the same interface.
 */
import {
  CUE_HIGHLIGHT,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  activeHighlightName,
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

/** The registered Highlight called `name`, created when missing, at `priority`. */
function registered(api: HighlightApi, name: string, priority: number): Highlight {
  const highlight = api.registry.get(name) ?? api.make();
  highlight.priority = priority;
  api.registry.set(name, highlight);
  return highlight;
}

/**
 * One registered Highlight per kind; priorities follow {@link HIGHLIGHT_KINDS} so annotations paint on top,
 * then the active fills, then the cue.
 */
function registerKinds(api: HighlightApi) {
  const byKind = new Map<HighlightKind, Highlight>();
  const active = new Map<HighlightKind, Highlight>();
  const n = HIGHLIGHT_KINDS.length;
  HIGHLIGHT_KINDS.forEach((kind, priority) => {
    byKind.set(kind, registered(api, highlightName(kind), priority));
    active.set(kind, registered(api, activeHighlightName(kind), n + priority));
  });
  return { byKind, active, cue: registered(api, CUE_HIGHLIGHT, 2 * n) };
}

/**
 * Highlighter on the CSS Custom Highlight API. Names are `crosscheck-<kind>`.
 * @throws Error when the API is missing (use {@link createHighlighter} to pick automatically).
 */
export function createCustomHighlighter(doc: Document): Highlighter {
  const api = highlightApi(doc);
  if (!api) throw new Error('CSS Custom Highlight API is not available');
  ensureHighlightStyle(doc);
  const { byKind, active, cue: cues } = registerKinds(api);
  const entries = new Map<string, { range: Range; kind: HighlightKind; cue: Range | null }>();
  let activeId: string | null = null;

  const setActive = (id: string | null): void => {
    const old = activeId === null ? undefined : entries.get(activeId);
    if (old) active.get(old.kind)?.delete(old.range);
    const next = id === null ? undefined : entries.get(id);
    activeId = next ? id : null;
    if (next) active.get(next.kind)?.add(next.range);
  };

  const remove = (id: string): boolean => {
    const entry = entries.get(id);
    if (!entry) return false;
    if (activeId === id) setActive(null);
    byKind.get(entry.kind)?.delete(entry.range);
    if (entry.cue) cues.delete(entry.cue);
    entries.delete(id);
    return true;
  };

  return {
    mode: 'custom-highlight',
    add(id, range, kind, cue = null) {
      const wasActive = activeId === id;
      remove(id);
      const own = range.cloneRange();
      const ownCue = cue?.cloneRange() ?? null;
      entries.set(id, { range: own, kind, cue: ownCue });
      byKind.get(kind)?.add(own);
      if (ownCue) cues.add(ownCue);
      if (wasActive) setActive(id);
    },
    setActive,
    activeId: () => activeId,
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
