/** The popup's states other than a list of claims: loading, none found, not checked, cannot run, error. */
import './theme.css';
import './popup.css';
import type { Sensitivity } from '../lib/settings';

/** Props of {@link PopupState}: one variant per state. */
export type PopupStateProps =
  | { kind: 'loading' }
  | { kind: 'no-claims'; sensitivity?: Sensitivity }
  | { kind: 'not-checked'; onCheck(): void }
  | { kind: 'unsupported' }
  | { kind: 'error'; message: string; onRetry?(): void };

function Body(props: PopupStateProps) {
  switch (props.kind) {
    case 'loading':
      return <p>Checking this page…</p>;
    case 'no-claims':
      return (
        <>
          <p>No claims from the corpus were found on this page.</p>
          <p class="cc-hint">
            Crosscheck only knows the claims in its bundled corpus, so most pages have none.
            {props.sensitivity === 'confident' ? ' Including possible matches may find more.' : ''}
          </p>
        </>
      );
    case 'not-checked':
      return (
        <>
          <p>This page has not been checked.</p>
          <button type="button" class="cc-button" onClick={props.onCheck}>
            Check this page
          </button>
        </>
      );
    case 'unsupported':
      return (
        <>
          <p>Crosscheck cannot run on this page.</p>
          <p class="cc-hint">
            Browsers do not let extensions read their own pages (settings, new tab, extension pages) or extension
            stores. Open a news article in a normal tab to check it.
          </p>
        </>
      );
    case 'error':
      return (
        <>
          <p>Checking this page failed: {props.message}</p>
          <p class="cc-hint">Reload the page and try again. If it keeps failing, reload Crosscheck from the browser's extensions page.</p>
          {props.onRetry ? (
            <button type="button" class="cc-button" onClick={props.onRetry}>
              Try again
            </button>
          ) : null}
        </>
      );
  }
}

/** A short message, with the one action that helps when there is one. */
export function PopupState(props: PopupStateProps) {
  return (
    <section
      class={`cc cc-state cc-state--${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'status'}
      aria-busy={props.kind === 'loading' ? true : undefined}
    >
      <Body {...props} />
    </section>
  );
}
