/**
 * Reader settings: their plain types and the pure rules that read them. The WXT storage items that hold them
 * live with the wired code (`utils/settings.ts`); this module is shared by the background, the content script,
 * the popup and the node tests.
 */

/** What the popup is opened for: from a card (view, annotate), or from "Look up selection" (lookup). */
export type PopupIntent = 'view' | 'annotate' | 'lookup';

/** Lowest match level shown on pages: only confident matches, or possible ones too. */
export type Sensitivity = 'confident' | 'possible';

/**
 * Which matched sentences are marked on the page: every claim, only claims whose figures differ from the
 * corpus (the ones worth a reader's attention), or none (the popup still lists them).
 */
export type HighlightMode = 'all' | 'differing' | 'off';

/** Every {@link HighlightMode}, in the order the popup offers them. */
export const HIGHLIGHT_MODES: readonly HighlightMode[] = ['all', 'differing', 'off'];

/** Per-site highlight mode by host name; absent means the global mode applies. */
export type SiteHighlightModes = Record<string, HighlightMode>;

/** "Not a match" choices: claim ids by page key (see {@link pageKey}). */
export type DismissedMatches = Record<string, string[]>;

/** Per-site switch by host name: false turns automatic checking off there. Absent means on. */
export type SiteToggles = Record<string, boolean>;

/**
 * Most pages remembered in {@link dismissedItem}. A reader dismisses a handful of matches per page; the cap
 * keeps storage bounded over years of reading (oldest pages are forgotten first).
 */
export const MAX_DISMISSED_PAGES = 2000;

/** What a card asked the popup to show ("open in popup", "annotate"); the popup reads it, then clears it. */
export interface PopupRequest {
  claim: string;
  intent: PopupIntent;
  quote: string;
  url: string;
}

/**
 * Key of a page for "not a match": origin and path, without query and fragment, so tracking parameters and
 * in-page anchors do not make the same article a new page.
 */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Claim ids dismissed on the page at `url`. */
export function dismissedOn(all: DismissedMatches, url: string): Set<string> {
  return new Set(all[pageKey(url)] ?? []);
}

/** `all` with `claim` dismissed on `url` (the page moves to the most recent end; oldest pages drop past the cap). */
export function withDismissed(all: DismissedMatches, url: string, claim: string): DismissedMatches {
  const key = pageKey(url);
  const claims = all[key] ?? [];
  const rest = Object.entries(all).filter(([k]) => k !== key);
  const kept = rest.slice(Math.max(0, rest.length - (MAX_DISMISSED_PAGES - 1)));
  return Object.fromEntries([...kept, [key, claims.includes(claim) ? claims : [...claims, claim]]]);
}

/** `all` without `claim` on `url` (the reader's undo of "Not a match"); a page left with none is forgotten. */
export function withoutDismissed(all: DismissedMatches, url: string, claim: string): DismissedMatches {
  const key = pageKey(url);
  const claims = (all[key] ?? []).filter((c) => c !== claim);
  const rest = Object.entries(all).filter(([k]) => k !== key);
  return Object.fromEntries(claims.length > 0 ? [...rest, [key, claims]] : rest);
}

/** The highlight mode on the host of `url`: the site's own choice, else the global one. */
export function highlightModeOn(global: HighlightMode, sites: SiteHighlightModes, url: string): HighlightMode {
  try {
    return sites[new URL(url).hostname] ?? global;
  } catch {
    return global;
  }
}

/** True when a match with these figure comparisons is marked on the page under `mode`. */
export function markedUnder(mode: HighlightMode, match: { figures: ReadonlyArray<{ differ: boolean }> }): boolean {
  return mode === 'all' || (mode === 'differing' && figuresDiffer(match));
}

/** True when at least one of the match's figures differs from the corpus. */
export function figuresDiffer(match: { figures: ReadonlyArray<{ differ: boolean }> }): boolean {
  return match.figures.some((c) => c.differ);
}

/** True when a match of `level` is shown under `sensitivity`. */
export function levelShown(level: 'confident' | 'possible', sensitivity: Sensitivity): boolean {
  return level === 'confident' || sensitivity === 'possible';
}

/** True unless automatic checking was switched off for the host of `url`. */
export function siteEnabled(toggles: SiteToggles, url: string): boolean {
  try {
    return toggles[new URL(url).hostname] !== false;
  } catch {
    return true;
  }
}

/** Origin of `url` as stored in {@link alwaysCheckItem}, or null for non-web URLs. */
export function siteOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Match pattern covering an origin (`https://example.org` -> `https://example.org/*`). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
