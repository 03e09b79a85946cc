/**
 * The popup's list of claims found on the page, in reading order, under a one-line summary ("6 claims · 2 with
 * differing figures") and the colour legend. A claim stated by several page sentences is listed once, as a
 * compact row headed by the page's own sentence (two lines at most); it expands to the corpus claim, the
 * outlets that made it and, when figures differ, the figure comparison. "Show" asks the page to scroll to
 * the claim's first sentence.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PageMatch } from '../lib/match/page';
import { type Annotation, noteOf, quoteOf, tagsOf } from '../lib/annotations/model';
import { outletSummary } from '../lib/format';
import { figuresDiffer } from '../lib/settings';
import { FigureText } from './FigureText';
import { MatchLegend } from './MatchLegend';
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
  const pageFigures = match.figures.flatMap((c) => (c.page ? [{ text: c.page.text }] : []));
  return (
    <li class={`cc-claim cc-claim--${match.level}`}>
      <div class="cc-claim-row">
        <button ref={toggle} type="button" class="cc-claim-toggle" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
          <span class="cc-claim-sentence">
            <FigureText text={match.text} figures={pageFigures} />
          </span>
          <span class="cc-claim-meta">
            <span class={`cc-level cc-level--${match.level}`}>{match.level}</span>
            {differing.length > 0 ? <span class="cc-differs">≠ figures differ</span> : null}
            <span class="cc-claim-outlets">{outletSummary(match.mentions)}</span>
            {entry.count > 1 ? <span class="cc-claim-outlets">{entry.count} sentences</span> : null}
          </span>
        </button>
        <button type="button" class="cc-show" aria-label="Show on page" title="Show on page" onClick={() => onReveal(entry.index)}>
          Show
        </button>
      </div>
      <div id={panel} class="cc-claim-panel" hidden={!open}>
        <p class="cc-claim-corpus">
          <span class="cc-section-inline">Claim in the corpus: </span>
          <span class="cc-claim-text">{match.claimLabel}</span>
        </p>
        <MentionList mentions={match.mentions} comparisons={match.figures} />
        {differing.map((c) => (
          <FigureComparison key={c.what} comparison={c} mentions={match.mentions} />
        ))}
        {notes.length > 0 ? <ClaimNotes notes={notes} /> : null}
      </div>
    </li>
  );
}

/** The one-line summary: "6 claims · 2 with differing figures" (the second part only when there are some). */
export function claimSummary(matches: readonly PageMatch[]): string {
  const entries = groupByClaim(matches);
  const differing = entries.filter((e) => figuresDiffer(e.match)).length;
  const claims = `${entries.length} ${entries.length === 1 ? 'claim' : 'claims'}`;
  return differing > 0 ? `${claims} · ${differing} with differing figures` : claims;
}

/** An ordered list of the claims on the page. */
export function ClaimList({ matches, onReveal, openClaim = null, claimNotes }: ClaimListProps) {
  const entries = groupByClaim(matches);
  return (
    <section class="cc cc-claims" aria-label="Claims on this page">
      <h2 class="cc-heading cc-summary">{claimSummary(matches)}</h2>
      <MatchLegend />
      <ol class="cc-claim-list">
        {entries.map((e) => (
          <ClaimItem key={e.match.claim} entry={e} onReveal={onReveal} requested={e.match.claim === openClaim} notes={claimNotes?.get(e.match.claim) ?? []} />
        ))}
      </ol>
    </section>
  );
}
