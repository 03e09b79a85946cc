/**
 * The answer at a glance: one compact row per quantity, "Killed — this page 72 · SOHR 58 (4 Apr) · ambulance
 * service head 67", values in time order with who stated them (the claimant first, else the outlet), values
 * that differ from the page marked, and whether the spread reads as an update or a conflict.
 */
import type { FigureComparison as Comparison, FigureValue } from '../lib/match/compare';
import { valueKey } from '../lib/match/compare';
import { differenceLabel, formatShortDate, formatValue, whoLabel } from '../lib/format';
import './theme.css';

/** Props of {@link FigureRow}. */
export interface FigureRowProps {
  comparison: Comparison;
}

/** One entry of the row. */
export interface RowEntry {
  who: string;
  value: string;
  date: string | null;
  differs: boolean;
  page: boolean;
}

/** The entries of a compact row: the page first, then each distinct (who, value) of the corpus in time order. */
export function rowEntries(c: Comparison): RowEntry[] {
  const out: RowEntry[] = [];
  const pageKeys = new Set([c.page, ...(c.pageAlso ?? [])].flatMap((v) => (v ? [valueKey(v)] : [])));
  for (const v of [c.page, ...(c.pageAlso ?? [])]) {
    if (v) out.push({ who: 'this page', value: formatValue(v), date: null, differs: false, page: true });
  }
  const seen = new Set<string>();
  for (const v of c.corpus) {
    const who = whoLabel(v);
    const key = `${who}|${valueKey(v)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      who,
      value: formatValue(v),
      date: v.date === null ? null : formatShortDate(v.date, v.dateEstimated === true),
      differs: differsFromPage(v, pageKeys, c),
      page: false,
    });
  }
  return out;
}

function differsFromPage(v: FigureValue, pageKeys: ReadonlySet<string>, c: Comparison): boolean {
  if (pageKeys.size === 0 || c.kind === 'same' || c.kind === 'consistent') return false;
  return !pageKeys.has(valueKey(v));
}

/** The plain text of a row, as read aloud and as tests compare it. */
export function rowText(c: Comparison): string {
  const parts = rowEntries(c).map((e) => `${e.who} ${e.value}${e.date ? ` (${e.date})` : ''}`);
  return `${capitalise(c.what)} — ${parts.join(' · ')}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
          <span class="cc-row-who">{e.who}</span> <strong class="cc-row-value">{e.value}</strong>
          {e.date ? <span class="cc-row-date"> ({e.date})</span> : null}
          {e.differs ? <span class="cc-sr"> (differs)</span> : null}
        </span>
      ))}
      {' '}
      <span class={`cc-kind cc-kind--${c.kind}`}>{differenceLabel(c)}</span>
    </p>
  );
}
