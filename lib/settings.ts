/**
 * Reader settings as WXT storage items (each with `version: 1`, so later shapes migrate instead of breaking),
 * plus the pure rules that read them. Shared by the background, the content script and the popup.
 * Kept in `browser.storage.local`, which belongs to the extension, not to the page's origin.
 */
import { storage } from 'wxt/utils/storage';
import type { PopupIntent } from './protocol';

/** Lowest match level shown on pages: only confident matches, or possible ones too. */
export type Sensitivity = 'confident' | 'possible';

/** "Not a match" choices: claim ids by page key (see {@link pageKey}). */
export type DismissedMatches = Record<string, string[]>;

/** Per-site switch by host name: false turns automatic checking off there. Absent means on. */
export type SiteToggles = Record<string, boolean>;

/**
 * Most pages remembered in {@link dismissedItem}. A reader dismisses a handful of matches per page; the cap
 * keeps storage bounded over years of reading (oldest pages are forgotten first).
 */
export const MAX_DISMISSED_PAGES = 2000;

/** Claims the reader marked "not a match", per page. */
export const dismissedItem = storage.defineItem<DismissedMatches>('local:dismissedMatches', { fallback: {}, version: 1 });
/** Origins (`https://example.org`) the reader asked to always check. */
export const alwaysCheckItem = storage.defineItem<string[]>('local:alwaysCheckSites', { fallback: [], version: 1 });
/** Lowest match level shown. Both levels by default: they are painted differently. */
export const sensitivityItem = storage.defineItem<Sensitivity>('local:sensitivity', { fallback: 'possible', version: 1 });
/** Automatic checking switched on or off per host. */
export const siteTogglesItem = storage.defineItem<SiteToggles>('local:siteToggles', { fallback: {}, version: 1 });

/** What a card asked the popup to show ("open in popup", "annotate"); the popup reads it, then clears it. */
export interface PopupRequest {
  claim: string;
  intent: PopupIntent;
  quote: string;
  url: string;
}

/**
 * The last card request for the popup. In `local` rather than `session` storage: content scripts import this
 * module, and defining a session item there fails (session storage is closed to content scripts by default).
 */
export const popupRequestItem = storage.defineItem<PopupRequest | null>('local:popupRequest', { fallback: null, version: 1 });

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

/** Remembers "not a match" for `claim` on the page at `url`. */
export async function dismissMatch(url: string, claim: string): Promise<void> {
  await dismissedItem.setValue(withDismissed(await dismissedItem.getValue(), url, claim));
}

/** Claim ids dismissed on the page at `url`. */
export async function dismissedClaims(url: string): Promise<Set<string>> {
  return dismissedOn(await dismissedItem.getValue(), url);
}

/** Adds an origin to the always-check list (idempotent). */
export async function addAlwaysCheckSite(origin: string): Promise<void> {
  const sites = await alwaysCheckItem.getValue();
  if (!sites.includes(origin)) await alwaysCheckItem.setValue([...sites, origin]);
}

/** Removes an origin from the always-check list. */
export async function removeAlwaysCheckSite(origin: string): Promise<void> {
  await alwaysCheckItem.setValue((await alwaysCheckItem.getValue()).filter((o) => o !== origin));
}

/** Switches automatic checking on or off for the host of `url`. */
export async function setSiteEnabled(url: string, enabled: boolean): Promise<void> {
  const host = new URL(url).hostname;
  await siteTogglesItem.setValue({ ...(await siteTogglesItem.getValue()), [host]: enabled });
}
