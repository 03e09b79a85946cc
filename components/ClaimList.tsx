/**
 * The popup's list of claims found on the page, in reading order. A claim stated by several page sentences is
 * listed once; each expands to the page sentence, the outlets that made the claim and, when figures differ,
 * the figure comparison. "Show on page" asks the page to scroll to the claim's first sentence.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PageMatch } from '../lib/match/page';
import { type Annotation, noteOf, quoteOf, tagsOf } from '../lib/annotations/model';
import { outletSummary } from '../lib/format';
import { PageQuote } from './PageQuote';
import { MentionList } from './MentionList';
import { FigureComparison } from './FigureComparison';
import './theme.css';
import './popup.css';

/** Props of {@link ClaimList}. */
export interface ClaimListProps {
  /** The page's matches, in reading order. */
  matches: readonly PageMatch[];
  /** Called with the index in `matches` of the claim's first sentence on the page. */
  onReveal(index: number): void;
  /** A claim asked for by a card ("open in popup"): it starts expanded, focused and scrolled into view. */
  openClaim?: string | null;
  /** The reader's notes per claim id, made on any site (the card in a page only counts those made elsewhere). */
  claimNotes?: ReadonlyMap<string, readonly Annotation[]>;
}

interface ClaimEntry {
  /** Index in `matches` of the claim's first page sentence. */
  index: number;
  match: PageMatch;
  /** Page sentences that restate this claim. */
  count: number;
}

/** Groups matches by claim in order of first appearance; the entry shows that first sentence. */
function groupByClaim(matches: readonly PageMatch[]): ClaimEntry[] {
  const byClaim = new Map<string, ClaimEntry>();
  matches.forEach((match, index) => {
    const seen = byClaim.get(match.claim);
    if (!seen) byClaim.set(match.claim, { index, match, count: 1 });
    else seen.count += 1;
  });
  return [...byClaim.values()];
}

/** Host of a note's page, for "on news.example". */
function hostOf(a: Annotation): string {
  return URL.canParse(a.target.source) ? new URL(a.target.source).host : a.target.source;
}

/** The reader's notes on one claim, each with the site it was made on. */
function ClaimNotes({ notes }: { notes: readonly Annotation[] }) {
  return (
    <>
      <h3 class="cc-section">Your notes on this claim ({notes.length})</h3>
      <ul class="cc-note-list cc-claim-notes">
        {notes.map((a) => (
          <li key={a.id} class="cc-note">
            <q class="cc-note-quote">{quoteOf(a)}</q>
            {noteOf(a) ? <span class="cc-note-text"> {noteOf(a)}</span> : null}
            {tagsOf(a).length > 0 ? <span class="cc-note-tags"> · {tagsOf(a).join(', ')}</span> : null}
            <span class="cc-note-site"> · on {hostOf(a)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

interface ClaimItemProps {
  entry: ClaimEntry;
  onReveal(index: number): void;
  requested: boolean;
  notes: readonly Annotation[];
}

function ClaimItem({ entry, onReveal, requested, notes }: ClaimItemProps) {
  const [open, setOpen] = useState(requested);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useId();
  // Once per request: a reader who closes the claim again keeps it closed while the list updates.
  useEffect(() => {
    if (!requested) return;
    setOpen(true);
    toggle.current?.focus();
    toggle.current?.scrollIntoView?.({ block: 'nearest' });
  }, [requested]);
  const { match } = entry;
  const differing = match.figures.filter((c) => c.differ);
  return (
    <li class={`cc-claim cc-claim--${match.level}`}>
      <div class="cc-claim-row">
        <button ref={toggle} type="button" class="cc-claim-toggle" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
          <span class={`cc-level cc-level--${match.level}`}>{match.level}</span>
          <span class="cc-claim-text">{match.claimLabel}</span>
          <span class="cc-claim-outlets">{outletSummary(match.mentions)}</span>
          {differing.length > 0 ? <span class="cc-kind cc-kind--update">figures differ</span> : null}
        </button>
        <button type="button" class="cc-button cc-button--small" onClick={() => onReveal(entry.index)}>
          Show on page
        </button>
      </div>
      <div id={panel} class="cc-claim-panel" hidden={!open}>
        <PageQuote match={match} count={entry.count} />
        <MentionList mentions={match.mentions} comparisons={match.figures} />
        {differing.map((c) => (
          <FigureComparison key={c.what} comparison={c} mentions={match.mentions} />
        ))}
        {notes.length > 0 ? <ClaimNotes notes={notes} /> : null}
      </div>
    </li>
  );
}

/** An ordered list of the claims on the page. */
export function ClaimList({ matches, onReveal, openClaim = null, claimNotes }: ClaimListProps) {
  const entries = groupByClaim(matches);
  return (
    <section class="cc cc-claims" aria-label="Claims on this page">
      <h2 class="cc-heading">
        {entries.length} {entries.length === 1 ? 'claim' : 'claims'} on this page
      </h2>
      <ol class="cc-claim-list">
        {entries.map((e) => (
          <ClaimItem key={e.match.claim} entry={e} onReveal={onReveal} requested={e.match.claim === openClaim} notes={claimNotes?.get(e.match.claim) ?? []} />
        ))}
      </ol>
    </section>
  );
}
