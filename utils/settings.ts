/**
 * Reader settings as WXT storage items (each with `version: 1`, so later shapes migrate instead of breaking),
 * and the writes that change them. Kept in `browser.storage.local`, which belongs to the extension, not to the
 * page's origin. Their plain types and pure rules are in `lib/settings.ts`.
 */
import { storage } from 'wxt/utils/storage';
import type { DismissedMatches, HighlightMode, PopupRequest, Sensitivity, SiteHighlightModes, SiteToggles } from '../lib/settings';

/**
 * Where "not a match" choices were kept before they moved to the background's private store (content scripts
 * can read all of `storage.local`). Read once by the background to move them, then removed.
 */
export const dismissedItem = storage.defineItem<DismissedMatches>('local:dismissedMatches', { fallback: {}, version: 1 });
/** Origins (`https://example.org`) the reader asked to always check. */
export const alwaysCheckItem = storage.defineItem<string[]>('local:alwaysCheckSites', { fallback: [], version: 1 });
/** Lowest match level shown. Both levels by default: they are painted differently. */
export const sensitivityItem = storage.defineItem<Sensitivity>('local:sensitivity', { fallback: 'possible', version: 1 });
/** Automatic checking switched on or off per host. */
export const siteTogglesItem = storage.defineItem<SiteToggles>('local:siteToggles', { fallback: {}, version: 1 });
/**
 * Which matches are marked on pages, everywhere (issue 12: a light default that marks every claim). A new item
 * at version 1: readers of earlier versions had no choice, which is what `all` keeps.
 */
export const highlightModeItem = storage.defineItem<HighlightMode>('local:highlightMode', { fallback: 'all', version: 1 });
/** The highlight mode chosen for single sites, by host; it wins over {@link highlightModeItem}. */
export const siteHighlightModesItem = storage.defineItem<SiteHighlightModes>('local:siteHighlightModes', { fallback: {}, version: 1 });

/**
 * The last card request for the popup. In `local` rather than `session` storage: content scripts import this
 * module, and defining a session item there fails (session storage is closed to content scripts by default).
 */
export const popupRequestItem = storage.defineItem<PopupRequest | null>('local:popupRequest', { fallback: null, version: 1 });

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

/** Sets the highlight mode of the host of `url` (`null`: follow the global mode again). */
export async function setSiteHighlightMode(url: string, mode: HighlightMode | null): Promise<void> {
  const host = new URL(url).hostname;
  const { [host]: _old, ...rest } = await siteHighlightModesItem.getValue();
  await siteHighlightModesItem.setValue(mode === null ? rest : { ...rest, [host]: mode });
}
