/** The popup's controls: checking on this site, match sensitivity, and the way to the annotations page. */
import { useId } from 'preact/hooks';
import './theme.css';
import './popup.css';
import type { Sensitivity } from '../lib/settings';

/** Props of {@link PopupControls}. */
export interface PopupControlsProps {
  /** Host of the active tab; null where the extension cannot run (the site switch is then disabled). */
  host: string | null;
  siteEnabled: boolean;
  onSiteEnabled(enabled: boolean): void;
  sensitivity: Sensitivity;
  onSensitivity(s: Sensitivity): void;
  /** URL of the annotations page. */
  annotationsHref: string;
  /** When given, called instead of following the link (e.g. to open the page in a tab and close the popup). */
  onOpenAnnotations?(): void;
}

/** A switch, a two-choice radio group and a link. */
export function PopupControls(props: PopupControlsProps) {
  const id = useId();
  const { host, siteEnabled, sensitivity } = props;
  const openAnnotations = (e: MouseEvent) => {
    if (!props.onOpenAnnotations) return;
    e.preventDefault();
    props.onOpenAnnotations();
  };
  return (
    <section class="cc cc-controls" aria-label="Settings">
      <div class="cc-control">
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
      <fieldset class="cc-control cc-fieldset">
        <legend>Show matches</legend>
        <label>
          <input type="radio" name={`${id}-level`} checked={sensitivity === 'confident'} onChange={() => props.onSensitivity('confident')} />
          Confident only
        </label>
        <label>
          <input type="radio" name={`${id}-level`} checked={sensitivity === 'possible'} onChange={() => props.onSensitivity('possible')} />
          Include possible matches
        </label>
      </fieldset>
      <a class="cc-link" href={props.annotationsHref} target="_blank" rel="noopener" onClick={openAnnotations}>
        Your annotations
      </a>
    </section>
  );
}
