/**
 * The popup's part of the message protocol (merged into `Requests` in `lib/protocol.ts`): the popup asks the
 * background for a tab's report, the background asks the tab's content script for its highlights, and the
 * popup asks the content script to show one of them. Pure types and names.
 */
import type { PageMatch } from '../match/page';
import type { UnsupportedReason } from './page-support';

/** Where a content script is with its page: not started, starting, checking, or done. */
export type PageCheckState = 'idle' | 'starting' | 'checking' | 'checked';

/** The popup's view of a tab. `matches` are the highlighted sentences, in reading order. */
export type TabReport = (
  | { tabId: number; url: string | null; status: 'unsupported'; reason: UnsupportedReason }
  | { tabId: number; url: string | null; status: 'not-checked' }
  | { tabId: number; url: string | null; status: 'checking' | 'checked'; matches: PageMatch[] }
) & {
  /** The URLs the reader's notes on this page are stored under (canonical and seen), when the page said. */
  noteUrls?: string[];
};

/** Requests of the popup, by name (see `Requests` in `lib/protocol.ts`). */
export interface PopupRequests {
  /** Popup -> background: the report for a tab (`tabId` null means the active tab). */
  tabReport: { req: { tabId: number | null }; res: TabReport };
  /** Background -> content script: the check's state, the page URL and the highlighted matches in reading order. */
  pageClaims: { req: Record<string, never>; res: { state: PageCheckState; url: string; noteUrls: string[]; matches: PageMatch[] } };
  /** Popup -> content script: scroll to the highlight of `claim` on sentence `text`, select it, open its card. */
  revealMatch: { req: { claim: string; text: string }; res: { found: boolean } };
  /** Popup -> background: the claims dismissed ("Not a match") on the page at `url`, with their labels. */
  dismissedClaims: { req: { url: string }; res: { claims: DismissedClaim[] } };
  /** Popup -> background: undo "Not a match" for `claim` on the page at `url`; answers the page's list after. */
  undismissMatch: { req: { url: string; claim: string }; res: { dismissed: string[] } };
  /** Popup -> content script: `claim` is no longer dismissed on this page, match its sentences again. */
  restoreMatch: { req: { claim: string }; res: { restored: boolean } };
}

/** A claim dismissed on a page, as the popup lists it for undo. */
export interface DismissedClaim {
  claim: string;
  /** The claim's label, or the id when the corpus no longer has it. */
  label: string;
}

/** The names of {@link PopupRequests}, for the protocol's message check. */
export const POPUP_REQUEST_NAMES: Record<keyof PopupRequests, true> = {
  tabReport: true,
  pageClaims: true,
  revealMatch: true,
  dismissedClaims: true,
  undismissMatch: true,
  restoreMatch: true,
};
