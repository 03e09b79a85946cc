/**
 * The whole popup, presentational: the page's claims or the state that stands in for them, the lookup, and
 * the controls. The wiring (entrypoints/popup/App.tsx) turns the background's tab report into a
 * {@link PopupPhase} and passes callbacks; this component only arranges the parts.
 *
 * Laid out for Chrome's popup cap (at most 600 px tall): a header bar (title, the annotations page), the
 * claims in a region of their own that scrolls, then the lookup field and the settings, always in view.
 */
import { PageNotes, type PageNotesProps } from './PageNotes';
import type { PageMatch } from '../lib/match/page';
import type { Annotation } from '../lib/annotations/model';
import type { UnsupportedReason } from '../lib/popup/page-support';
import { ClaimList } from './ClaimList';
import { LookupBox, type LookupBoxProps } from './LookupBox';
import { AnnotationsLink, PopupControls, type PopupControlsProps } from './PopupControls';
import { DismissedMatches, type DismissedMatchesProps } from './DismissedMatches';
import { PopupState } from './PopupState';
import './theme.css';
import './popup.css';

/** What the popup shows for the page. */
export type PopupPhase =
  | { kind: 'loading' }
  | { kind: 'unsupported'; reason: UnsupportedReason }
  | { kind: 'not-checked' }
  | { kind: 'error'; message: string }
  /** Highlighted matches in reading order; `checking` while the page is still being read. */
  | { kind: 'claims'; matches: readonly PageMatch[]; checking: boolean };

/** Props of {@link PopupView}. */
export interface PopupViewProps {
  phase: PopupPhase;
  /** "Check this page". */
  onCheck(): void;
  /** "Try again" after an error. */
  onRetry(): void;
  /** "Show on page" for `matches[index]`. */
  onReveal(index: number): void;
  lookup: LookupBoxProps;
  controls: PopupControlsProps;
  /** A claim to open and focus on arrival (a card's "Open in popup"). */
  openClaim?: string | null;
  /** A short, transient message (e.g. a sentence that left the page). */
  notice?: string | null;
  /** The reader's notes on this page, orphans included. */
  notes?: PageNotesProps | null;
  /** The reader's notes per claim of the page, made on any site. */
  claimNotes?: ReadonlyMap<string, readonly Annotation[]>;
  /** Matches dismissed ("Not a match") on this page, with undo. */
  dismissed?: DismissedMatchesProps | null;
}

function FileAccessState() {
  return (
    <section class="cc cc-state cc-state--unsupported" role="status">
      <p>Crosscheck cannot read files on this computer yet.</p>
      <p class="cc-hint">
        To check saved pages, open the browser's extensions page, choose Details for Crosscheck and turn on “Allow
        access to file URLs”. Then reload this page.
      </p>
    </section>
  );
}

function PageSection(props: PopupViewProps) {
  const { phase } = props;
  switch (phase.kind) {
    case 'loading':
      return <PopupState kind="loading" />;
    case 'unsupported':
      return phase.reason === 'file-access' ? <FileAccessState /> : <PopupState kind="unsupported" />;
    case 'not-checked':
      return <PopupState kind="not-checked" onCheck={props.onCheck} />;
    case 'error':
      return <PopupState kind="error" message={phase.message} onRetry={props.onRetry} />;
    case 'claims':
      if (phase.matches.length === 0) {
        return phase.checking ? <PopupState kind="loading" /> : <PopupState kind="no-claims" sensitivity={props.controls.sensitivity} />;
      }
      return (
        <>
          <ClaimList matches={phase.matches} onReveal={props.onReveal} openClaim={props.openClaim ?? null} claimNotes={props.claimNotes} />
          {phase.checking ? (
            <p class="cc-status" role="status">
              Still checking the rest of the page…
            </p>
          ) : null}
        </>
      );
  }
}

/** The popup page: header bar, page section (scrolls), notice, lookup, settings. */
export function PopupView(props: PopupViewProps) {
  return (
    <main class="cc cc-popup">
      <header class="cc-popup-head">
        <h1 class="cc-popup-title">Crosscheck</h1>
        <AnnotationsLink href={props.controls.annotationsHref} onOpen={props.controls.onOpenAnnotations} />
      </header>
      <div class="cc-popup-page">
        <PageSection {...props} />
        {props.dismissed ? <DismissedMatches {...props.dismissed} /> : null}
        {props.notes ? <PageNotes {...props.notes} /> : null}
      </div>
      {props.notice ? (
        <p class="cc-status cc-notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <div class="cc-popup-lookup">
        <LookupBox {...props.lookup} />
      </div>
      <PopupControls {...props.controls} />
    </main>
  );
}
