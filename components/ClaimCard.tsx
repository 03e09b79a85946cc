/**
 * The in-page card for one matched sentence: the claim, how sure the match is and why, the outlets that made
 * the claim, the figure comparison, the reader's own notes, and the actions. Lives in a shadow root, so its
 * CSS is self-contained; everything shown is rendered as text.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { PageMatch } from '../lib/match/page';
import { reasonLabel } from '../lib/format';
import { MentionList } from './MentionList';
import { PageQuote } from './PageQuote';
import { FigureRow } from './FigureRow';
import { type CardAnnotation, CardNotes as Annotations } from './CardNotes';

export type { CardAnnotation };
import './theme.css';
import './card.css';
import { MatchLegend } from './MatchLegend';

/** The reader's notes on a claim as the card may show them: those made on this site, and a count of the rest. */
export interface CardNotes {
  here: CardAnnotation[];
  /** Notes on this claim made on other sites: never shown in the page, only counted (the popup shows them). */
  elsewhere: number;
}

/** Props of {@link ClaimCard}. */
export interface ClaimCardProps {
  match: PageMatch;
  onClose(): void;
  onOpenPopup(): void;
  onAnnotate(): void;
  onNotAMatch(): void;
  /** The reader's own annotations on this claim made on this site, shown marked as theirs. */
  annotations?: ReadonlyArray<CardAnnotation>;
  /** How many notes on this claim the reader made on other sites: a link to the popup stands for them. */
  notesElsewhere?: number;
  /** Move focus into the card when it opens (set when it was opened from the keyboard). */
  autoFocus?: boolean;
}

const LEVEL_TEXT = { confident: 'Confident match', possible: 'Possible match' } as const;

/** Words of the claim shown on the card's first line; the whole label is its tooltip. */
export const CLAIM_HEADLINE_WORDS = 14;

/** The claim in a few words: its label cut at {@link CLAIM_HEADLINE_WORDS} words. */
export function claimHeadline(label: string): string {
  const words = label.trim().split(/\s+/);
  return words.length <= CLAIM_HEADLINE_WORDS ? label.trim() : `${words.slice(0, CLAIM_HEADLINE_WORDS).join(' ')}…`;
}

/** A non-modal dialog; Esc anywhere in it calls `onClose`. */
export function ClaimCard({ match, onClose, onOpenPopup, onAnnotate, onNotAMatch, annotations = [], notesElsewhere = 0, autoFocus = false }: ClaimCardProps) {
  const root = useRef<HTMLElement>(null);
  const id = useId();
  useEffect(() => {
    if (autoFocus) root.current?.focus();
  }, [autoFocus, match.claim, match.start]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };
  return (
    <section
      ref={root}
      class={`cc cc-card cc-card--${match.level}`}
      role="dialog"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-reason`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="cc-card-head">
        <span class={`cc-level cc-level--${match.level}`}>{LEVEL_TEXT[match.level]}</span>
        <button type="button" class="cc-icon-button" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <h2 id={`${id}-label`} class="cc-claim-label" title={match.claimLabel}>
        {claimHeadline(match.claimLabel)}
      </h2>
      {match.figures.length > 0 ? (
        <div class="cc-rows">
          {match.figures.map((c) => (
            <FigureRow key={c.what} comparison={c} />
          ))}
        </div>
      ) : null}
      <h3 class="cc-section">Made by ({match.mentions.length})</h3>
      <MentionList mentions={match.mentions} comparisons={match.figures} />
      <details class="cc-why">
        <summary>Why it matched</summary>
        <p id={`${id}-reason`} class="cc-reason">
          {reasonLabel(match.reason)}
        </p>
        <PageQuote match={match} />
      </details>
      {annotations.length > 0 || notesElsewhere > 0 ? <h3 class="cc-section">Your notes</h3> : null}
      {annotations.length > 0 ? <Annotations items={annotations} /> : null}
      {notesElsewhere > 0 ? (
        <p class="cc-notes-elsewhere">
          <button type="button" class="cc-link" onClick={onOpenPopup}>
            {notesElsewhere === 1 ? '1 note' : `${notesElsewhere} notes`} elsewhere — open in popup
          </button>
        </p>
      ) : null}
      <footer class="cc-actions">
        <button type="button" class="cc-button" onClick={onOpenPopup}>
          Open in popup
        </button>
        <button type="button" class="cc-button" onClick={onAnnotate}>
          Annotate
        </button>
        <button type="button" class="cc-button cc-button--quiet" onClick={onNotAMatch}>
          Not a match
        </button>
      </footer>
      <MatchLegend class="cc-card-legend" />
    </section>
  );
}
