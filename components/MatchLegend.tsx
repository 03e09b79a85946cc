/**
 * What the marks mean, in one line: the same colour code as the page's highlights (lib/dom/highlight-style.ts)
 * and the card (theme.css tokens). Each sample shows the line style too, so it reads without colour.
 */
import './theme.css';

/** Props of {@link MatchLegend}. */
export interface MatchLegendProps {
  /** Extra class on the root (e.g. to place it in the card). */
  class?: string;
}

/** "Confident (solid) · possible (dotted) · ≠ figures differ", with samples of each mark. */
export function MatchLegend(props: MatchLegendProps) {
  return (
    <p class={`cc-legend ${props.class ?? ''}`.trim()}>
      <span class="cc-legend-item">
        <span class="cc-legend-mark cc-legend-mark--confident" aria-hidden="true">
          abc
        </span>{' '}
        confident (solid)
      </span>
      <span class="cc-legend-item">
        <span class="cc-legend-mark cc-legend-mark--possible" aria-hidden="true">
          abc
        </span>{' '}
        possible (dotted)
      </span>
      <span class="cc-legend-item">
        <span class="cc-legend-mark cc-legend-mark--differs" aria-hidden="true">
          abc
        </span>{' '}
        ≠ figures differ (wavy end)
      </span>
    </p>
  );
}
