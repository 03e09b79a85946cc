/**
 * The card of a highlighted claim, driven by the reader: opened from hover, keyboard and the popup's "Show on
 * page", and its actions (Open in popup, Not a match). Annotate belongs to ./reader-annotations.tsx.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Highlighter } from '../../lib/dom/index';
import { sendToBackground } from '../../utils/messaging';
import { type CardController, createCard } from './card';
import { watchHover } from './hover';
import { watchKeys } from './keys';
import { ClaimNavigator } from './navigation';
import type { Painted, Painter } from './painter';
import type { CardNotes } from '../../components/ClaimCard';

/** A command message arriving this soon after the same key was handled in the page is the same key press. */
const DUPLICATE_KEY_MS = 400;

/** What the card needs from the reader. */
export interface CardHooks {
  readonly url: string;
  /** Claims dismissed on this page ("Not a match" adds to it). */
  readonly dismissed: Set<string>;
  annotate(entry: Painted): void;
  notesFor(claim: string): Promise<CardNotes>;
}

export class ClaimCards {
  readonly card: CardController;
  private readonly nav: ClaimNavigator;
  /** True while the card stays open however the pointer moves (opened from the keyboard, or being typed in). */
  pinned = false;
  private lastKeyMove = 0;

  constructor(
    ctx: ContentScriptContext,
    doc: Document,
    highlighter: Highlighter,
    private readonly painter: Painter,
    private readonly hooks: CardHooks,
  ) {
    this.nav = new ClaimNavigator(painter, (text) => void this.card.announce(text));
    this.card = createCard(
      ctx,
      {
        onOpenPopup: (e) => void this.openPopup(e, 'view'),
        onAnnotate: (e) => hooks.annotate(e),
        onNotAMatch: (e) => void this.dismiss(e),
      },
      () => {
        this.pinned = false;
        // The fill follows the card: back to the claim moved to from the keyboard, if any.
        this.painter.setActive(this.nav.currentId());
      },
    );
    watchHover(ctx, doc, {
      highlighter,
      overCard: (t) => this.card.owns(t),
      openId: () => this.card.openId,
      pinned: () => this.pinned,
      open: (id) => void this.open(id, false),
      close: () => this.card.close(),
    });
    watchKeys(ctx, doc, {
      move: (d) => {
        this.lastKeyMove = performance.now();
        this.move(d);
      },
      openCurrent: () => {
        const id = this.nav.currentId();
        if (id) void this.open(id, true);
        return id !== null;
      },
      close: () => {
        const open = this.card.openId !== null;
        this.card.close();
        return open;
      },
      leave: () => this.nav.leave(),
      isOurs: (node) => this.card.owns(node),
    });
  }

  /** The background's next/previous claim command; a duplicate of a key the page just handled is ignored. */
  moveCommand(direction: 1 | -1): { index: number; total: number } {
    if (performance.now() - this.lastKeyMove < DUPLICATE_KEY_MS) return { index: -1, total: this.painter.size };
    const moved = this.move(direction);
    return { index: moved?.index ?? -1, total: moved?.total ?? 0 };
  }

  /** The popup's "Show on page": scroll to the sentence, select it and open its card with focus. */
  async reveal(claim: string, text: string): Promise<boolean> {
    const entries = this.painter.ordered().filter((e) => e.match.claim === claim);
    const entry = entries.find((e) => e.text === text) ?? entries[0];
    if (!entry || !this.nav.moveTo(entry.id)) return false;
    await this.open(entry.id, true);
    return true;
  }

  private move(direction: 1 | -1) {
    const moved = this.nav.move(direction);
    if (moved && this.card.openId !== null) void this.open(moved.id, true);
    return moved;
  }

  private async open(id: string, fromKeyboard: boolean): Promise<void> {
    const entry = this.painter.get(id);
    const range = this.painter.rangeOf(id);
    if (!entry || !range) return;
    this.pinned = fromKeyboard;
    this.painter.setActive(id);
    const notes = await this.hooks.notesFor(entry.match.claim);
    await this.card.open(entry, range, { autoFocus: fromKeyboard, annotations: notes.here, notesElsewhere: notes.elsewhere });
  }

  private async dismiss(entry: Painted): Promise<void> {
    this.card.close();
    this.hooks.dismissed.add(entry.match.claim);
    this.painter.removeClaim(entry.match.claim);
    await sendToBackground('dismissMatch', { url: this.hooks.url, claim: entry.match.claim });
  }

  private async openPopup(entry: Painted, intent: 'view' | 'annotate'): Promise<void> {
    await sendToBackground('openPopup', { claim: entry.match.claim, intent, quote: entry.text, url: this.hooks.url });
  }
}
