/**
 * The highlights of matched sentences: which sentence of which block is painted with which match. Every
 * change to the page goes through the shared {@link Highlighter}; this module only keeps the bookkeeping
 * (ids, reading order, dropping highlights whose text went away).
 *
 * Every matched sentence is kept (the popup lists them all), but only those the reader's highlight mode marks
 * ({@link Painter.setMarked}) are handed to the highlighter; the others have no mark, no hover and are skipped
 * by the keyboard, yet "Show on page" still finds them.
 */
import type { PageMatch } from '../../lib/match/page';
import { type Highlighter, type TextMap, buildTextMap, rangeFromMap } from '../../lib/dom/index';
import { figuresDiffer } from '../../lib/settings';
import type { BlockSentence } from './sentences';

/** A painted sentence. */
export interface Painted extends BlockSentence {
  id: string;
  match: PageMatch;
}

export class Painter {
  private readonly entries = new Map<string, Painted>();
  /** Painted ids per block and start offset, so a sentence is painted once. */
  private byBlock = new WeakMap<Element, Map<number, string>>();
  /** Text maps per block, valid until the page changes ({@link invalidate}). */
  private maps = new WeakMap<Element, TextMap>();
  private counter = 0;
  /** Which matches are marked on the page (the highlight mode); the rest are kept unmarked. */
  private marked: (match: PageMatch) => boolean = () => true;

  constructor(private readonly highlighter: Highlighter) {}

  /** Marks the matches `marked` accepts and unmarks the others (the reader changed the highlight mode). */
  setMarked(marked: (match: PageMatch) => boolean): void {
    this.marked = marked;
    for (const entry of this.entries.values()) {
      const isMarked = this.highlighter.rangeOf(entry.id) !== null;
      if (marked(entry.match) && !isMarked) this.mark(entry);
      else if (!marked(entry.match) && isMarked) this.highlighter.remove(entry.id);
    }
  }

  /** True when sentence `id` carries a mark on the page. */
  isMarked(id: string): boolean {
    return this.highlighter.rangeOf(id) !== null;
  }

  /** Fills sentence `id` as the one pointed at or moved to (null: none). */
  setActive(id: string | null): void {
    this.highlighter.setActive(id);
  }

  /** Hands a sentence to the highlighter, with the "figures differ" cue on its last word; false if its text moved. */
  private mark(entry: Painted): boolean {
    const map = this.textMap(entry.block);
    if (map.text.slice(entry.start, entry.end) !== entry.text) return false;
    this.highlighter.add(entry.id, rangeFromMap(map, entry.start, entry.end), entry.match.level, this.cueOf(map, entry));
    return true;
  }

  /** The last word of a sentence whose figures differ (with its closing punctuation), or null. */
  private cueOf(map: TextMap, entry: Painted): Range | null {
    if (!figuresDiffer(entry.match)) return null;
    const last = /\S+\s*$/.exec(entry.text);
    const at = last ? entry.start + last.index : entry.start;
    const end = entry.start + entry.text.trimEnd().length;
    return end > at ? rangeFromMap(map, at, end) : null;
  }

  /** A sentence's range computed from the page text (for sentences that are not marked). */
  private rangeFromText(entry: Painted): Range | null {
    const map = this.textMap(entry.block);
    return map.text.slice(entry.start, entry.end) === entry.text ? rangeFromMap(map, entry.start, entry.end) : null;
  }

  /** Normalised text and character map of a block, cached until the next {@link invalidate}. */
  textMap(block: Element): TextMap {
    // The wrapping fallback splits text nodes as it paints, so its maps are never reused.
    if (this.highlighter.mode === 'wrap') return buildTextMap(block);
    let map = this.maps.get(block);
    if (!map) {
      map = buildTextMap(block);
      this.maps.set(block, map);
    }
    return map;
  }

  /** Forgets cached text maps: the page changed. */
  invalidate(): void {
    this.maps = new WeakMap();
  }

  /** Paints `sentence` for `match`; returns its id, or null when the text is no longer where it was. */
  paint(sentence: BlockSentence, match: PageMatch): string | null {
    const known = this.byBlock.get(sentence.block)?.get(sentence.start);
    if (known) return known;
    const map = this.textMap(sentence.block);
    if (map.text.slice(sentence.start, sentence.end) !== sentence.text) return null;
    const id = `cc${++this.counter}`;
    const entry: Painted = { ...sentence, id, match };
    if (this.marked(match) && !this.mark(entry)) return null;
    this.entries.set(id, entry);
    let starts = this.byBlock.get(sentence.block);
    if (!starts) this.byBlock.set(sentence.block, (starts = new Map()));
    starts.set(sentence.start, id);
    return id;
  }

  /** Removes one highlight. */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.highlighter.remove(id);
    this.entries.delete(id);
    this.byBlock.get(entry.block)?.delete(entry.start);
  }

  /** Removes every highlight of `claim`; returns how many. */
  removeClaim(claim: string): number {
    const ids = [...this.entries.values()].filter((e) => e.match.claim === claim).map((e) => e.id);
    ids.forEach((id) => this.remove(id));
    return ids.length;
  }

  /** Removes highlights matching `drop` (e.g. a level no longer shown). */
  removeWhere(drop: (entry: Painted) => boolean): void {
    for (const entry of [...this.entries.values()]) if (drop(entry)) this.remove(entry.id);
  }

  get(id: string): Painted | undefined {
    return this.entries.get(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Blocks that carry at least one highlight. */
  paintedBlocks(): Set<Element> {
    return new Set([...this.entries.values()].map((e) => e.block));
  }

  /**
   * Drops highlights whose text is gone: the block left the page, or (for blocks in `changed`) the sentence is
   * no longer at its offsets. Returns the blocks that lost a highlight but are still on the page, to re-read.
   */
  prune(changed: ReadonlySet<Element>): Element[] {
    const reread = new Set<Element>();
    for (const entry of [...this.entries.values()]) {
      if (!entry.block.isConnected) {
        this.remove(entry.id);
      } else if (changed.has(entry.block)) {
        const map = this.textMap(entry.block);
        if (map.text.slice(entry.start, entry.end) === entry.text) {
          // Same text, maybe new text nodes: re-anchor so the highlight follows the current DOM (the wrapping
          // fallback's marks move with their text already, and re-wrapping would feed the observer).
          if (this.highlighter.mode === 'wrap' || !this.isMarked(entry.id)) continue;
          this.mark(entry);
        } else {
          this.remove(entry.id);
          reread.add(entry.block);
        }
      }
    }
    return [...reread];
  }

  /** Matched sentences in reading order; only the marked ones when `markedOnly` (the keyboard's stops). */
  ordered(markedOnly = false): Painted[] {
    const withRange = [...this.entries.values()].flatMap((e) => {
      const range = markedOnly ? this.highlighter.rangeOf(e.id) : this.rangeOf(e.id);
      return range ? [{ e, range }] : [];
    });
    withRange.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return withRange.map((x) => x.e);
  }

  /** Current range of a matched sentence, marked or not. */
  rangeOf(id: string): Range | null {
    const entry = this.entries.get(id);
    return entry ? (this.highlighter.rangeOf(id) ?? this.rangeFromText(entry)) : null;
  }

  /** Removes every highlight. */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
  }
}
