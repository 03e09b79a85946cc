/**
 * The answer at a glance: one compact row per quantity, "Killed — this page 72 · SOHR 58 (4 Apr) · ambulance
 * service head 67", values in time order with who stated them (the claimant first, else the outlet), values
 * that differ from the page marked, and whether the spread reads as an update or a conflict.
 */
import type { FigureComparison as Comparison } from '../lib/match/compare';
import { capitalise, differenceLabel, rowEntries, rowText } from '../lib/format';

export { rowEntries, rowText, type RowEntry } from '../lib/format';
import './theme.css';

/** Keeps a value with its source and its date on one line; the row wraps between entries and inside names. */
const NBSP = '\u00a0';

/** Props of {@link FigureRow}. */
export interface FigureRowProps {
  comparison: Comparison;
}

/** A compact row: what is counted, each value with who and when, and the kind of difference. */
export function FigureRow({ comparison: c }: FigureRowProps) {
  const entries = rowEntries(c);
  return (
    <p class={`cc-row cc-row--${c.kind}`} aria-label={rowText(c)}>
      <span class="cc-row-what">{capitalise(c.what)}</span>
      {' — '}
      {entries.map((e, i) => (
        <span key={i} class={`cc-row-item${e.differs ? ' cc-row-item--differs' : ''}${e.page ? ' cc-row-item--page' : ''}`}>
          {i > 0 ? ' · ' : ''}
          <span class="cc-row-who">{e.who}</span>
          {NBSP}
          <strong class="cc-row-value">{e.value}</strong>
          {e.date ? <span class="cc-row-date">{`${NBSP}(${e.date.replace(/ /g, NBSP)})`}</span> : null}
          {e.differs ? <span class="cc-sr"> (differs)</span> : null}
        </span>
      ))}
      {' '}
      <span class={`cc-kind cc-kind--${c.kind}`}>{differenceLabel(c)}</span>
    </p>
  );
}
