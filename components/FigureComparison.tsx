/**
 * The figure comparison of one quantity: each source's value in time order with qualifier and date, whether
 * the difference reads as an update (rising or falling), a conflict, or undated, and a small chart when at
 * least two values are numbers. Vague values ("dozens") and ranges are listed, not plotted.
 */
import type { FigureComparison as Comparison, FigureValue } from '../lib/match/compare';
import { valueKey } from '../lib/match/compare';
import type { Mention } from '../lib/match/page';
import { differenceLabel, formatDate, formatValue, outletLabel, shortClaimant, whoLabel } from '../lib/format';
import { FigureChart, type ChartPoint } from './FigureChart';
import './theme.css';

/** Props of {@link FigureComparison}. */
export interface FigureComparisonProps {
  comparison: Comparison;
  /** The claim's mentions, to name the collection of values whose outlet is unknown. */
  mentions?: readonly Mention[];
}

interface Row {
  /** Claimant and outlet (or the collection's readable name), or "This page". */
  who: string;
  /** The claimant in a few words, else the outlet: the chart's label. */
  short: string;
  value: FigureValue;
  page: boolean;
}

/** Numeric values needed before a chart says more than the table. */
export const MIN_PLOTTED = 2;

function rowsOf(c: Comparison, mentions: readonly Mention[]): Row[] {
  const collection = new Map(mentions.flatMap((m) => (m.collection ? [[m.sentenceId, m.collection] as const] : [])));
  const rows: Row[] = c.page ? [{ who: 'This page', short: 'This page', value: c.page, page: true }] : [];
  for (const v of c.corpus) {
    const where = outletLabel({ outlet: v.outlet, ...(v.sentenceId && collection.has(v.sentenceId) ? { collection: collection.get(v.sentenceId)! } : {}) });
    // Who said it first, then where it was published: "SOHR · Reuters".
    rows.push({ who: v.claimant ? `${shortClaimant(v.claimant)} · ${where}` : where, short: whoLabel(v), value: v, page: false });
  }
  return rows;
}

function summaryOf(c: Comparison, rows: readonly Row[]): string {
  const values = rows.flatMap((r) => (r.value.value === null ? [] : [`${r.who} ${formatValue(r.value)}`])).join('; ');
  return `${c.what}: ${differenceLabel(c)}. ${values}.`;
}

function note(row: Row, c: Comparison, plotted: boolean): string {
  const notes: string[] = [];
  if (c.page && !row.page && c.kind !== 'consistent' && ![c.page, ...(c.pageAlso ?? [])].some((p) => valueKey(p) === valueKey(row.value))) notes.push('differs from this page');
  if (plotted && row.value.value === null) notes.push('not plotted');
  return notes.join(', ');
}

/** A titled block with the difference badge, an optional chart, and a table of every value. */
export function FigureComparison({ comparison: c, mentions = [] }: FigureComparisonProps) {
  const rows = rowsOf(c, mentions);
  const points: ChartPoint[] = rows.flatMap((r) =>
    r.value.value === null ? [] : [{ label: r.short, value: r.value.value, display: formatValue(r.value), page: r.page }],
  );
  const plotted = points.length >= MIN_PLOTTED;
  return (
    <section class={`cc cc-cmp cc-cmp--${c.kind}`}>
      <h4 class="cc-cmp-title">
        <span class="cc-cmp-what">{c.what}</span>
        <span class={`cc-kind cc-kind--${c.kind}`}>{differenceLabel(c)}</span>
      </h4>
      {plotted ? <FigureChart points={points} summary={summaryOf(c, rows)} /> : null}
      <table class="cc-cmp-table">
        <caption class="cc-sr">Values stated for {c.what}, in time order</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Figure</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} class={r.page ? 'cc-row--page' : undefined}>
              <th scope="row">
                {r.who}
              </th>
              <td>
                {formatValue(r.value)}
                {note(r, c, plotted) ? <span class="cc-note"> ({note(r, c, plotted)})</span> : null}
              </td>
              <td>{formatDate(r.value.date, r.value.dateEstimated === true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
