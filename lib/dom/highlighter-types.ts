/**
 * The interface every highlighter implements (the CSS Custom Highlight API one and the wrapping fallback), in a
 * module of its own so that the implementations import it without importing each other.
 */
import type { HighlightKind } from './highlight-style';

/** Paints ranges of the page by id. Adding an existing id replaces its highlight. */
export interface Highlighter {
  /** Which mechanism paints: the CSS Custom Highlight API or `<mark>` wrapping. */
  readonly mode: 'custom-highlight' | 'wrap';
  /**
   * Highlights `range` (copied; later changes to the caller's Range do not move it) as `kind`. A `cue` (a part
   * of `range`, e.g. its last word) is marked as "figures differ"; the wrapping fallback marks its last mark.
   */
  add(id: string, range: Range, kind: HighlightKind, cue?: Range | null): void;
  /** Fills highlight `id` as the one pointed at or moved to (null: none); unknown ids clear it. */
  setActive(id: string | null): void;
  /** Id of the active highlight, or null. */
  activeId(): string | null;
  /** Removes one highlight; returns false when `id` is unknown. */
  remove(id: string): boolean;
  /** Removes every highlight this highlighter added. */
  clear(): void;
  /** Current range of a highlight, or null when `id` is unknown. */
  rangeOf(id: string): Range | null;
  /** Kind of a highlight, or null when `id` is unknown. */
  kindOf(id: string): HighlightKind | null;
  /** Ids of all current highlights, in the order they were added. */
  ids(): string[];
}
