/**
 * Mounts the claim card (components/ClaimCard) in a closed shadow root next to a highlighted sentence (page
 * scripts can neither read it nor click in it: ./in-page-ui.ts), keeps it inside the viewport, and follows the
 * sentence while the page scrolls. Page and corpus text reach the card as props and are rendered as text by
 * Preact.
 */
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type CardAnnotation, ClaimCard } from '../../components/ClaimCard';
import themeCss from '../../components/theme.css?inline';
import cardCss from '../../components/card.css?inline';
import annotationsCss from '../../components/annotations.css?inline';
import { createClosedUi } from './in-page-ui';
import { placeCard, unionBox } from '../../lib/card-placement';
import type { Painted } from './painter';

/**
 * The stylesheets ClaimCard and its children import, as text for the shadow root. Inlined rather than
 * fetched (`cssInjectionMode: 'ui'`): that fetch needs a web-accessible file, which any page can probe.
 */
const CARD_CSS = `${themeCss}\n${cardCss}\n${annotationsCss}`;

/** Tag of the card's shadow host; the page observer ignores it. */
export const CARD_HOST = 'crosscheck-card';

/** What the card's buttons do. */
export interface CardActions {
  onOpenPopup(entry: Painted): void;
  onAnnotate(entry: Painted): void;
  onNotAMatch(entry: Painted): void;
}

/** The open card, if any. */
export interface CardController {
  /**
   * Opens the card; `annotations` are the reader's own notes on the claim made on this site, shown as "Yours";
   * `notesElsewhere` counts those made on other sites (never shown in the page).
   */
  open(entry: Painted, range: Range, opts: { autoFocus: boolean; annotations?: readonly CardAnnotation[]; notesElsewhere?: number }): Promise<void>;
  /** Shows other content for `entry` in the card's place (the annotation editor). */
  show(entry: Painted, range: Range, content: ComponentChild): Promise<void>;
  close(): void;
  /** Id of the highlight whose card is open. */
  readonly openId: string | null;
  /** True when `node` belongs to the card (the shadow host or anything in it). */
  owns(node: EventTarget | null): boolean;
  /** Says `text` to assistive technology through a polite live region. */
  announce(text: string): Promise<void>;
}

/** The card root and the live region, inside the shadow root. */
interface Mounted {
  root: HTMLElement;
  status: HTMLElement;
}

function mountInto(body: HTMLElement): Mounted {
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  // Visually hidden but read by screen readers (theme.css, inlined in the card's shadow root).
  status.className = 'cc-sr';
  const root = document.createElement('div');
  body.append(status, root);
  return { root, status };
}


/** Creates the card controller; the shadow root is built on first use. */
export function createCard(ctx: ContentScriptContext, actions: CardActions, onClosed: () => void): CardController {
  let ui: ShadowRootContentScriptUi<Mounted> | null = null;
  let current: { entry: Painted; range: Range } | null = null;
  let creating: Promise<ShadowRootContentScriptUi<Mounted>> | null = null;

  /** The positioned card root (the live region next to it stays displayed for announcements). */
  const frame = (): HTMLElement | null => ui?.mounted?.root ?? null;

  const position = () => {
    const el = frame();
    if (!el || !current) return;
    // The card is placed beside the whole sentence (all its line boxes), never over it, measured at its
    // natural height: a height limit set for an earlier place is lifted first.
    const sentence = unionBox([...current.range.getClientRects()]) ?? current.range.getBoundingClientRect();
    const card = el.firstElementChild instanceof HTMLElement ? el.firstElementChild : null;
    if (card) card.style.maxHeight = '';
    const box = el.getBoundingClientRect();
    const place = placeCard(sentence, { width: box.width, height: box.height }, { width: innerWidth, height: innerHeight });
    el.style.left = `${place.left}px`;
    el.style.top = `${place.top}px`;
    el.dataset.side = place.side;
    if (card && place.maxHeight !== undefined) card.style.maxHeight = `${place.maxHeight}px`;
  };

  const ensureUi = async (): Promise<ShadowRootContentScriptUi<Mounted>> => {
    if (ui) return ui;
    if (creating) return creating;
    creating = build();
    return creating;
  };

  const build = async (): Promise<ShadowRootContentScriptUi<Mounted>> => {
    const made = await createClosedUi(ctx, {
      name: CARD_HOST,
      css: CARD_CSS,
      onMount: (body) => mountInto(body),
      onRemove: (mounted) => mounted && render(null, mounted.root),
    });
    ui = made;
    const el = frame();
    if (el) Object.assign(el.style, { position: 'fixed', zIndex: '2147483647', left: '0px', top: '0px', margin: '0', display: 'none' });
    ctx.addEventListener(window, 'scroll', () => position(), { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', () => position(), { passive: true });
    return made;
  };

  const close = () => {
    if (!current) return;
    current = null;
    const el = frame();
    if (ui?.mounted) render(null, ui.mounted.root);
    if (el) el.style.display = 'none';
    onClosed();
  };

  return {
    async open(entry, range, { autoFocus, annotations, notesElsewhere }) {
      await this.show(
        entry,
        range,
        <ClaimCard
          match={entry.match}
          autoFocus={autoFocus}
          annotations={annotations}
          notesElsewhere={notesElsewhere}
          onClose={close}
          onOpenPopup={() => actions.onOpenPopup(entry)}
          onAnnotate={() => actions.onAnnotate(entry)}
          onNotAMatch={() => actions.onNotAMatch(entry)}
        />,
      );
    },
    async show(entry, range, content) {
      const host = await ensureUi();
      current = { entry, range };
      const el = frame();
      if (el) el.style.display = 'block';
      render(content, host.mounted?.root ?? host.uiContainer);
      position();
    },
    close,
    get openId() {
      return current?.entry.id ?? null;
    },
    owns(node) {
      return ui !== null && node instanceof Node && (node === ui.shadowHost || ui.shadowHost.contains(node));
    },
    async announce(text) {
      const host = await ensureUi();
      if (host.mounted) host.mounted.status.textContent = text;
    },
  };
}
