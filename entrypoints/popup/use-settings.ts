/** The popup's controls, bound to the WXT storage items the content script and background also watch. */
import { useEffect, useState } from 'preact/hooks';
import { type HighlightMode, type Sensitivity, type SiteHighlightModes, type SiteToggles, siteEnabled, siteOrigin } from '../../lib/settings';
import { highlightModeItem, sensitivityItem, setSiteEnabled, setSiteHighlightMode, siteHighlightModesItem, siteTogglesItem } from '../../utils/settings';

/** Sensitivity, highlight modes and the site switch for the page at `url` (null: no web page, the switch is disabled). */
export function useSettings(url: string | null) {
  const [sensitivity, setSensitivity] = useState<Sensitivity>('possible');
  const [toggles, setToggles] = useState<SiteToggles>({});
  const [mode, setMode] = useState<HighlightMode>('all');
  const [siteModes, setSiteModes] = useState<SiteHighlightModes>({});
  useEffect(() => {
    void sensitivityItem.getValue().then(setSensitivity);
    void siteTogglesItem.getValue().then(setToggles);
    void highlightModeItem.getValue().then(setMode);
    void siteHighlightModesItem.getValue().then(setSiteModes);
    const unwatch = [
      sensitivityItem.watch(setSensitivity),
      siteTogglesItem.watch(setToggles),
      highlightModeItem.watch(setMode),
      siteHighlightModesItem.watch(setSiteModes),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);
  const host = url && siteOrigin(url) ? new URL(url).hostname : null;
  return {
    host,
    sensitivity,
    siteEnabled: url ? siteEnabled(toggles, url) : false,
    highlightMode: mode,
    siteHighlightMode: host ? (siteModes[host] ?? null) : null,
    setSensitivity: (s: Sensitivity) => sensitivityItem.setValue(s),
    setSiteEnabled: (on: boolean) => (url ? setSiteEnabled(url, on) : Promise.resolve()),
    setHighlightMode: (m: HighlightMode) => highlightModeItem.setValue(m),
    setSiteHighlightMode: (m: HighlightMode | null) => (url ? setSiteHighlightMode(url, m) : Promise.resolve()),
  };
}
