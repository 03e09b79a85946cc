/**
 * Popup root: wires the background's tab report, the settings and the lookup into components/PopupView.
 * Opened from the toolbar it reports on the active tab; `popup.html?tab=<id>` (the popup page opened in a
 * tab) reports on that tab instead.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { packagedUrl, sendToTab } from '../../utils/messaging';
import { popupRequestItem } from '../../utils/settings';
import { requestApplies, tabParam } from './request';
import { useLookup } from './use-lookup';
import { useReport } from './use-report';
import { useSettings } from './use-settings';
import { usePageNotes } from './use-page-notes';
import { useClaimNotes } from './use-claim-notes';
import { useDismissed } from './use-dismissed';

/** How long the page takes to redraw after a setting changed before the popup asks again. */
const SETTLE_MS = 300;
/** The annotations page (built by the annotations entrypoint). */
const ANNOTATIONS_PAGE = '/annotations.html';

const explicitTab = tabParam(location.search);

export function App() {
  const { phase, report, reload, check } = useReport(explicitTab);
  const settings = useSettings(report?.url ?? null);
  const lookup = useLookup();
  const notes = usePageNotes(report?.noteUrls ?? (report?.url ? [report.url] : []));
  const claimNotes = useClaimNotes(phase.kind === 'claims' ? phase.matches.map((m) => m.claim) : []);
  const dismissed = useDismissed(report?.tabId ?? null, report?.url ?? null, () => void reload());
  const [openClaim, setOpenClaim] = useState<string | null>(null);
  const [prefilled, setPrefilled] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // A card's "Open in popup" or "Look up selection" left a request: apply it once, then clear it.
  useEffect(() => {
    if (!report) return;
    void popupRequestItem.getValue().then((req) => {
      if (!req) return;
      void popupRequestItem.setValue(null);
      if (!requestApplies(req, report.url)) return;
      if (req.intent === 'lookup') {
        lookup.setQuery(req.quote);
        setPrefilled(true);
      } else setOpenClaim(req.claim);
    });
  }, [report !== null]);

  const reveal = async (index: number) => {
    const match = phase.kind === 'claims' ? phase.matches[index] : undefined;
    if (!match || !report) return;
    const { found } = await sendToTab(report.tabId, 'revealMatch', { claim: match.claim, text: match.text }).catch(() => ({ found: false }));
    if (!found) {
      setNotice('That sentence is no longer on the page.');
      void reload();
    } else if (explicitTab === null) {
      // The toolbar popup covers the page: close it so the reader sees the sentence.
      window.close();
    }
  };
  const afterSetting = () => setTimeout(() => void reload(), SETTLE_MS);
  const annotationsHref = packagedUrl(ANNOTATIONS_PAGE);
  const orphansHref = `${annotationsHref}?orphans=1`;
  const openPage = (url: string) => void browser.tabs.create({ url }).then(() => explicitTab === null && window.close());

  return (
    <PopupView
      phase={phase}
      onCheck={() => void check()}
      onRetry={() => void reload()}
      onReveal={(i) => void reveal(i)}
      openClaim={openClaim}
      claimNotes={claimNotes}
      notes={{ ...notes, orphansHref, onOpenOrphans: () => openPage(orphansHref) }}
      dismissed={{ claims: dismissed.claims, onUndo: (claim) => void dismissed.undo(claim) }}
      notice={notice ?? (lookup.error ? `The claim corpus could not be loaded: ${lookup.error}` : null)}
      lookup={{ query: lookup.query, results: lookup.results, onQuery: lookup.setQuery, autoFocus: prefilled }}
      controls={{
        host: phase.kind === 'unsupported' ? null : settings.host,
        siteEnabled: settings.siteEnabled,
        onSiteEnabled: (on) => void settings.setSiteEnabled(on).then(afterSetting),
        sensitivity: settings.sensitivity,
        onSensitivity: (s) => void settings.setSensitivity(s).then(afterSetting),
        highlightMode: settings.highlightMode,
        siteHighlightMode: settings.siteHighlightMode,
        onHighlightMode: (m) => void settings.setHighlightMode(m),
        onSiteHighlightMode: (m) => void settings.setSiteHighlightMode(m),
        annotationsHref,
        onOpenAnnotations: () => openPage(annotationsHref),
      }}
    />
  );
}
