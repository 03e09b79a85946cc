/** The popup's controls, bound to the WXT storage items the content script and background also watch. */
import { useEffect, useState } from 'preact/hooks';
import { type Sensitivity, type SiteToggles, siteEnabled, siteOrigin } from '../../lib/settings';
import { sensitivityItem, setSiteEnabled, siteTogglesItem } from '../../utils/settings';

/** Sensitivity and the site switch for the page at `url` (null: no web page, the switch is disabled). */
export function useSettings(url: string | null) {
  const [sensitivity, setSensitivity] = useState<Sensitivity>('possible');
  const [toggles, setToggles] = useState<SiteToggles>({});
  useEffect(() => {
    void sensitivityItem.getValue().then(setSensitivity);
    void siteTogglesItem.getValue().then(setToggles);
    const unwatch = [sensitivityItem.watch(setSensitivity), siteTogglesItem.watch(setToggles)];
    return () => unwatch.forEach((u) => u());
  }, []);
  const host = url && siteOrigin(url) ? new URL(url).hostname : null;
  return {
    host,
    sensitivity,
    siteEnabled: url ? siteEnabled(toggles, url) : false,
    setSensitivity: (s: Sensitivity) => sensitivityItem.setValue(s),
    setSiteEnabled: (on: boolean) => (url ? setSiteEnabled(url, on) : Promise.resolve()),
  };
}
