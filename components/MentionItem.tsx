/** One corpus mention of a claim: who made it, when, whom it cites, and the sentence with its figures emphasised. */
import type { Mention } from '../lib/match/page';
import { formatDate, outletLabel, type FigureSpot } from '../lib/format';
import { FigureText } from './FigureText';
import './theme.css';

/** A mention, optionally carrying the offsets of its figures (used for emphasis when present). */
export type MentionWithFigures = Mention & { figures?: readonly FigureSpot[] };

/** Props of {@link MentionItem}. */
export interface MentionItemProps {
  mention: MentionWithFigures;
  /** Figures to emphasise when the mention carries none (e.g. taken from the figure comparison). */
  figures?: readonly FigureSpot[];
}

/** A list item: outlet (or "Unknown outlet · from collection …"), date, "citing X", and the quoted sentence. */
export function MentionItem({ mention, figures }: MentionItemProps) {
  const spots = mention.figures ?? figures ?? [];
  return (
    <li class="cc-mention">
      <div class="cc-mention-meta">
        <span class={mention.outlet ? 'cc-outlet' : 'cc-outlet cc-outlet--unknown'}>{outletLabel(mention)}</span>
        <span class="cc-date">{formatDate(mention.date)}</span>
        {mention.claimant ? <span class="cc-claimant">citing {mention.claimant}</span> : null}
      </div>
      <blockquote class="cc-quote">
        <FigureText text={mention.text} figures={spots} />
      </blockquote>
    </li>
  );
}
