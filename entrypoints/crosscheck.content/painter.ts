/**
 * The highlights of matched sentences: which sentence of which block is painted with which match. Every
 * change to the page goes through the shared {@link Highlighter}; this module only keeps the bookkeeping
 * (ids, reading order, dropping highlights whose text went away).
 */
import type { PageMatch } from '../../lib/match/page';
import { type Highlighter, type TextMap, buildTextMap, rangeFromMap } from '../../lib/dom/index';
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

  constructor(private readonly highlighter: Highlighter) {}

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
    this.highlighter.add(id, rangeFromMap(map, sentence.start, sentence.end), match.level);
    this.entries.set(id, { ...sentence, id, match });
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
          if (this.highlighter.mode === 'wrap') continue;
          this.highlighter.add(entry.id, rangeFromMap(map, entry.start, entry.end), entry.match.level);
        } else {
          this.remove(entry.id);
          reread.add(entry.block);
        }
      }
    }
    return [...reread];
  }

  /** Highlights in reading order. */
  ordered(): Painted[] {
    const withRange = [...this.entries.values()].flatMap((e) => {
      const range = this.highlighter.rangeOf(e.id);
      return range ? [{ e, range }] : [];
    });
    withRange.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return withRange.map((x) => x.e);
  }

  /** Current range of a highlight. */
  rangeOf(id: string): Range | null {
    return this.highlighter.rangeOf(id);
  }

  /** Removes every highlight. */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
  }
}
