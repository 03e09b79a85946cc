/** The popup's lookup: a labelled search box and the claims it finds, with their outlets and figures. */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { LookupResult } from '../lib/lookup';
import { formatDate, outletSummary } from '../lib/format';
import { MentionList } from './MentionList';
import { FigureComparison } from './FigureComparison';
import './theme.css';
import './popup.css';
import './lookup.css';

/** Props of {@link LookupBox}. */
export interface LookupBoxProps {
  query: string;
  results: ReadonlyArray<Pick<LookupResult, 'claimId' | 'label' | 'mentions' | 'figures' | 'dates' | 'figureSummary'>>;
  /** Called on every edit of the query. */
  onQuery(q: string): void;
  /** Focus the input on mount (e.g. when opened by "Look up selection"). */
  autoFocus?: boolean;
}

/** Mentions shown per result before "Show all": results are many, so each stays short. */
const RESULT_MENTION_CAP = 2;

/** "4 Apr 2017", or a span "4 Apr 2017 – 6 Apr 2017", or "undated". */
function dateLine(dates: LookupResult['dates']): string {
  if (!dates) return 'undated';
  return dates.first === dates.last ? formatDate(dates.first) : `${formatDate(dates.first)} – ${formatDate(dates.last)}`;
}

function status(query: string, count: number): string {
  if (query.trim() === '') return 'Type a few words of a claim, a place, a person or an outlet.';
  if (count === 0) return `No claim in the corpus matches “${query.trim()}”.`;
  return count === 1 ? '1 claim found.' : `${count} claims found.`;
}

/** A search input with a live status line and a list of results. */
export function LookupBox({ query, results, onQuery, autoFocus = false }: LookupBoxProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  return (
    <section class="cc cc-lookup" role="search">
      <label class="cc-label" for={`${id}-q`}>
        Look up a claim
      </label>
      <input
        ref={input}
        id={`${id}-q`}
        class="cc-input"
        type="search"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      <p class="cc-status" role="status">
        {status(query, results.length)}
      </p>
      {results.length > 0 ? (
        <ol class="cc-results">
          {results.map((r) => (
            <li key={r.claimId} class="cc-result">
              <h3 class="cc-result-label">{r.label}</h3>
              <p class="cc-result-meta">
                <span class="cc-result-date">{dateLine(r.dates)}</span> · <span class="cc-claim-outlets">{outletSummary(r.mentions)}</span>
              </p>
              {r.figureSummary ? <p class="cc-result-figures">{r.figureSummary}</p> : null}
              <MentionList mentions={r.mentions} comparisons={r.figures ?? []} cap={RESULT_MENTION_CAP} />
              {(r.figures ?? [])
                .filter((c) => c.differ)
                .map((c) => (
                  <FigureComparison key={c.what} comparison={c} mentions={r.mentions} />
                ))}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
