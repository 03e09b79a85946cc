/**
 * The popup's settings, compact enough to stay in view at 400x600: checking on this site, which matches are
 * marked (here and everywhere), which levels are matched, and the way to the annotations page.
 */
import { useId } from 'preact/hooks';
import './theme.css';
import './popup.css';
import type { HighlightMode, Sensitivity } from '../lib/settings';

/** Props of {@link PopupControls}. */
export interface PopupControlsProps {
  /** Host of the active tab; null where the extension cannot run (the site switch is then disabled). */
  host: string | null;
  siteEnabled: boolean;
  onSiteEnabled(enabled: boolean): void;
  sensitivity: Sensitivity;
  onSensitivity(s: Sensitivity): void;
  /** The highlight mode everywhere, and this site's own (null: the site follows the global mode). */
  highlightMode?: HighlightMode;
  siteHighlightMode?: HighlightMode | null;
  onHighlightMode?(mode: HighlightMode): void;
  onSiteHighlightMode?(mode: HighlightMode | null): void;
  /** URL of the annotations page. */
  annotationsHref: string;
  /** When given, called instead of following the link (e.g. to open the page in a tab and close the popup). */
  onOpenAnnotations?(): void;
}

/** Names of the highlight modes, as the selects offer them. */
export const MODE_LABELS: Readonly<Record<HighlightMode, string>> = {
  all: 'All claims',
  differing: 'Differing only',
  off: 'None',
};

/** Value of the "like everywhere" choice of the site select. */
const FOLLOW = 'global';

function ModeOptions() {
  return (
    <>
      {(Object.keys(MODE_LABELS) as HighlightMode[]).map((m) => (
        <option key={m} value={m}>
          {MODE_LABELS[m]}
        </option>
      ))}
    </>
  );
}

/** The site switch, three selects, and the annotations link (kept in the header by the popup). */
export function PopupControls(props: PopupControlsProps) {
  const id = useId();
  const { host, siteEnabled, sensitivity } = props;
  const global = props.highlightMode ?? 'all';
  // What "As everywhere" means right now, for the title (the option text stays short to fit the popup).
  const followTitle = `As everywhere: ${MODE_LABELS[global]}`;
  const site = props.siteHighlightMode ?? null;
  return (
    <section class="cc cc-controls" aria-label="Settings">
      <div class="cc-control cc-control--wide">
        <input
          id={`${id}-site`}
          type="checkbox"
          role="switch"
          checked={siteEnabled}
          disabled={host === null}
          onChange={(e) => props.onSiteEnabled(e.currentTarget.checked)}
        />
        <label for={`${id}-site`}>{host ? `Check pages on ${host}` : 'Checking is not available on this page'}</label>
      </div>
      <div class="cc-control">
        <label for={`${id}-mode-site`}>Mark here</label>
        <select
          id={`${id}-mode-site`}
          class="cc-input cc-select"
          value={site ?? FOLLOW}
          title={site === null ? followTitle : undefined}
          disabled={host === null}
          onChange={(e) => props.onSiteHighlightMode?.(e.currentTarget.value === FOLLOW ? null : (e.currentTarget.value as HighlightMode))}
        >
          <option value={FOLLOW}>As everywhere</option>
          <ModeOptions />
        </select>
      </div>
      <div class="cc-control">
        <label for={`${id}-mode`}>Mark everywhere</label>
        <select id={`${id}-mode`} class="cc-input cc-select" value={global} onChange={(e) => props.onHighlightMode?.(e.currentTarget.value as HighlightMode)}>
          <ModeOptions />
        </select>
      </div>
      <div class="cc-control">
        <label for={`${id}-level`}>Show matches</label>
        <select id={`${id}-level`} class="cc-input cc-select" value={sensitivity} onChange={(e) => props.onSensitivity(e.currentTarget.value as Sensitivity)}>
          <option value="confident">Confident only</option>
          <option value="possible">Confident and possible</option>
        </select>
      </div>
    </section>
  );
}

/** Props of {@link AnnotationsLink}. */
export interface AnnotationsLinkProps {
  href: string;
  onOpen?(): void;
}

/** "Your annotations": a link to the annotations page, or a handler that opens it in a tab. */
export function AnnotationsLink({ href, onOpen }: AnnotationsLinkProps) {
  const open = (e: MouseEvent) => {
    if (!onOpen) return;
    e.preventDefault();
    onOpen();
  };
  return (
    <a class="cc-link" href={href} target="_blank" rel="noopener" onClick={open}>
      Your annotations
    </a>
  );
}
