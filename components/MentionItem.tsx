/** One corpus mention of a claim: who made it, when, whom it cites, and the sentence with its figures emphasised. */
import type { Mention } from '../lib/match/page';
import { formatDate, outletLabel, type FigureSpot } from '../lib/format';
import { FigureText } from './FigureText';
import { isClaimCount } from '../lib/match/compare';
import './theme.css';

/** A mention, optionally carrying the offsets of its figures (used for emphasis when present). */
export type MentionWithFigures = Mention & { figures?: readonly FigureSpot[] };

/** Props of {@link MentionItem}. */
export interface MentionItemProps {
  mention: MentionWithFigures;
  /** Figures to emphasise when the mention carries none (e.g. taken from the figure comparison). */
  figures?: readonly FigureSpot[];
}

/**
 * A list item: who said it first (the claimant), where it was published (the outlet, else the collection's
 * readable name — never a file name), when ("~ 5 Apr 2017" when estimated from the text), and the sentence.
 */
export function MentionItem({ mention, figures }: MentionItemProps) {
  // Only the claim's counts are emphasised: "three years" or "one day" are not figures of the claim.
  const spots = mention.figures ? mention.figures.filter(isClaimCount) : (figures ?? []);
  const estimated = mention.dateEstimated === true;
  return (
    <li class="cc-mention">
      <div class="cc-mention-meta">
        {mention.claimant ? <span class="cc-claimant">{mention.claimant}</span> : null}
        <span class="cc-where">
          {mention.claimant ? 'in ' : null}
          <span class={mention.outlet ? 'cc-outlet' : 'cc-outlet cc-outlet--unknown'}>{outletLabel(mention)}</span>
        </span>
        <span class="cc-date" title={estimated ? 'estimated from the text' : undefined}>
          {formatDate(mention.date, estimated)}
          {estimated ? <span class="cc-sr"> (from the text)</span> : null}
        </span>
      </div>
      <blockquote class="cc-quote">
        <FigureText text={mention.text} figures={spots} />
      </blockquote>
    </li>
  );
}
