/** The mentions of a claim, capped with a "Show all N" button when the list is long. */
import { useState } from 'preact/hooks';
import type { Mention } from '../lib/match/page';
import type { FigureComparison } from '../lib/match/compare';
import { figureSpotsFor } from '../lib/format';
import { MentionItem } from './MentionItem';
import './theme.css';

/** Mentions shown before "Show all": enough to see who agrees, few enough that the card stays on screen. */
export const MENTION_CAP = 3;

/** Props of {@link MentionList}. */
export interface MentionListProps {
  mentions: readonly Mention[];
  /** Comparisons whose corpus values locate the figures to emphasise in each mention. */
  comparisons?: readonly FigureComparison[];
  /** Mentions shown before the "Show all" button (default {@link MENTION_CAP}). */
  cap?: number;
}

/** A list of mentions; past `cap`, the rest hide behind a "Show all N mentions" button. */
export function MentionList({ mentions, comparisons = [], cap = MENTION_CAP }: MentionListProps) {
  const [all, setAll] = useState(false);
  const shown = all || mentions.length <= cap ? mentions : mentions.slice(0, cap);
  return (
    <div class="cc-mentions">
      <ul class="cc-mention-list">
        {shown.map((m) => (
          <MentionItem key={m.sentenceId} mention={m} figures={figureSpotsFor(m.sentenceId, comparisons)} />
        ))}
      </ul>
      {shown.length < mentions.length ? (
        <button type="button" class="cc-link-button" onClick={() => setAll(true)}>
          Show all {mentions.length} mentions
        </button>
      ) : null}
    </div>
  );
}
