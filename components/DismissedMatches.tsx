/** The popup's list of matches the reader marked "Not a match" on this page, each with Undo. */
import type { DismissedClaim } from '../lib/popup/requests';
import './theme.css';
import './popup.css';

/** Props of {@link DismissedMatches}. */
export interface DismissedMatchesProps {
  claims: readonly DismissedClaim[];
  /** Undo "Not a match" for `claim` (its sentences are marked again). */
  onUndo(claim: string): void;
}

/** A collapsed section (nothing when there are none): open it to see each dismissed claim and undo it. */
export function DismissedMatches({ claims, onUndo }: DismissedMatchesProps) {
  if (claims.length === 0) return null;
  return (
    <details class="cc cc-dismissed">
      <summary>
        Not a match on this page ({claims.length})
      </summary>
      <ul class="cc-note-list">
        {claims.map((c) => (
          <li key={c.claim} class="cc-dismissed-item">
            <span class="cc-dismissed-label">{c.label}</span>
            <button type="button" class="cc-show" aria-label={`Undo “Not a match”: ${c.label}`} onClick={() => onUndo(c.claim)}>
              Undo
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
