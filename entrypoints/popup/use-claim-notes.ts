/** The reader's notes on the claims of the popup's page, made on any site (the popup is an extension page). */
import { useEffect, useState } from 'preact/hooks';
import type { Annotation } from '../../lib/annotations/model';
import { userSentenceId } from '../../lib/annotations/user-notes';
import { sendToBackground } from '../../utils/messaging';

/** Notes per claim id; empty while loading or when the store cannot be read. */
export function useClaimNotes(claims: readonly string[]): ReadonlyMap<string, Annotation[]> {
  const [notes, setNotes] = useState<ReadonlyMap<string, Annotation[]>>(new Map());
  const distinct = [...new Set(claims)];
  const key = distinct.join('\n');
  useEffect(() => {
    if (distinct.length === 0) return;
    let live = true;
    sendToBackground('claimAnnotations', { claims: distinct })
      .then(({ annotations }) => {
        if (!live) return;
        const byClaim = new Map<string, Annotation[]>();
        for (const a of annotations) {
          // A note without a corpus claim is a claim of its own (`user-<id>`) once it joined the matching.
          const claim = a['crosscheck:claim'] ?? userSentenceId(a.id);
          byClaim.set(claim, [...(byClaim.get(claim) ?? []), a]);
        }
        setNotes(byClaim);
      })
      .catch(() => live && setNotes(new Map()));
    return () => {
      live = false;
    };
  }, [key]);
  return notes;
}
