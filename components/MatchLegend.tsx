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

/** The legend's entries: the mark's modifier class and its label. */
const LEGEND = [
  ['confident', 'confident'],
  ['possible', 'possible'],
  ['differs', '≠ figures differ'],
] as const;

/** "confident · possible · ≠ figures differ", each after a sample of its mark (solid, dotted, wavy). */
export function MatchLegend(props: MatchLegendProps) {
  return (
    <p class={`cc-legend ${props.class ?? ''}`.trim()} title="Marks on the page: solid blue underline for a confident match, dotted orange for a possible one, a wavy end (≠) when the figures differ from other outlets">
      {LEGEND.map(([kind, label]) => (
        <span key={kind} class="cc-legend-item">
          <span class={`cc-legend-mark cc-legend-mark--${kind}`} aria-hidden="true">
            abc
          </span>{' '}
          {label}
        </span>
      ))}
    </p>
  );
}
