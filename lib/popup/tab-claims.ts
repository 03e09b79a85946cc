/**
 * What the background remembers of each tab's matches, for the toolbar badge: the claim and level answered
 * for every sentence text the tab's content script sent, under the page URL it was sent for. Pure.
 */
import type { DismissedMatches, Sensitivity } from '../settings';
import { dismissedOn, levelShown, pageKey } from '../settings';

/** One matched sentence, as far as the badge cares. */
export interface MatchedSentence {
  text: string;
  claim: string;
  level: 'confident' | 'possible';
}

/** Badge counts past this read as "this many or more": the badge has room for three characters. */
export const BADGE_MAX = 99;

interface TabRecord {
  url: string;
  /** Claim and level per sentence text (a text is matched once per page, see the content script's Checker). */
  byText: Map<string, Omit<MatchedSentence, 'text'>>;
}

/** Matches per tab; a new URL in a tab starts a new page. */
export class TabClaims {
  private readonly tabs = new Map<number, TabRecord>();

  /**
   * Adds a batch's matches for the page at `url` in `tabId`. Another page (by {@link pageKey}: an in-page
   * anchor is the same page) starts afresh.
   */
  record(tabId: number, url: string, matches: readonly MatchedSentence[]): void {
    let rec = this.tabs.get(tabId);
    if (!rec || pageKey(rec.url) !== pageKey(url)) {
      rec = { url, byText: new Map() };
      this.tabs.set(tabId, rec);
    }
    for (const m of matches) rec.byText.set(m.text, { claim: m.claim, level: m.level });
  }

  /** True when `tabId` has matches recorded for the page at `url`. */
  holds(tabId: number, url: string): boolean {
    const rec = this.tabs.get(tabId);
    return rec !== undefined && pageKey(rec.url) === pageKey(url);
  }

  /** Forgets a tab (navigation, closing). */
  clear(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Tabs with a record. */
  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  /** Distinct claims shown in `tabId` under the reader's settings (level shown, not dismissed on that page). */
  count(tabId: number, sensitivity: Sensitivity, dismissed: DismissedMatches): number {
    const rec = this.tabs.get(tabId);
    if (!rec) return 0;
    const hidden = dismissedOn(dismissed, rec.url);
    const claims = new Set<string>();
    for (const { claim, level } of rec.byText.values()) {
      if (levelShown(level, sensitivity) && !hidden.has(claim)) claims.add(claim);
    }
    return claims.size;
  }
}

/** Badge text for a count: empty for none (the badge disappears), capped at {@link BADGE_MAX}+. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}
