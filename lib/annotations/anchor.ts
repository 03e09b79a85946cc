/**
 * Re-anchoring: finds where an annotation's selectors point in the current page text, from precise to fuzzy.
 *
 * 1. `position`: the stored offsets, accepted only when the text there is still the stored quote.
 * 2. `quote`: the exact quote; when it occurs several times, the copy whose surroundings best match the stored
 *    prefix and suffix (then the one nearest the stored position).
 * 3. `fuzzy`: an approximate search. Short pieces of the quote, and the ends of its prefix and suffix, are looked
 *    up verbatim ("seeds"); where they agree on a start, the quote is aligned against that window of text with a
 *    semi-global edit distance. Work is bounded: a fixed number of seeds, each seed dropped when it is not
 *    distinctive, and a budget of alignment cells, so a 50,000-word page costs a few milliseconds.
 *
 * Anything scoring below {@link MIN_FUZZY_SCORE} is not placed: the caller lists it as an orphan.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from './model';
import { alignWithin, similarity } from './edit-distance';

/** Where an annotation landed and how sure we are (1 = the stored quote at the stored place). */
export interface AnchorResult {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
  /** 0..1: quote similarity weighted with prefix and suffix similarity. */
  score: number;
}

/**
 * Lowest combined score a fuzzy match may have. At 0.75 a quote that kept 100% of its characters is placed even
 * when its context changed completely, and one that kept 70% only when its context is intact. At 0.7, on the
 * scraped sources, removed sentences started landing on neighbouring sentences that share a clause.
 */
export const MIN_FUZZY_SCORE = 0.75;

/**
 * Most edits (as a share of the quote length) the fuzzy search looks for. Higher finds heavier rewrites but
 * widens every window, and a rewrite past 30% is usually another sentence.
 */
export const MAX_ERROR_RATE = 0.3;

/** Weight of the quote itself in the score; the rest is split between prefix and suffix. Context only breaks
 * near-ties: a quote that survived verbatim outweighs a neighbourhood that was edited. */
const QUOTE_WEIGHT = 0.75;

/** Seed length bounds: long seeds are distinctive but more likely to contain an edit. */
const MAX_SEED_LENGTH = 10;
const MIN_SEED_LENGTH = 4;
/** Seeds taken from the quote; each costs one scan of the page text. */
const MAX_SEEDS = 24;
/** A seed found more often than this says nothing about where the quote is, and is dropped. */
const MAX_SEED_HITS = 12;
/** Context characters used as a seed on each side (the part of prefix/suffix nearest the quote). */
const CONTEXT_SEED_LENGTH = 12;
/** Alignment budget (DP cells) for one anchoring; caps the cost of very long quotes on pages full of seeds. */
const MAX_ALIGN_CELLS = 12_000_000;

/** Finds the annotated text in `text`, or null when it is gone (an orphan). */
export function anchor(text: string, selectors: readonly Selector[]): AnchorResult | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const atPosition = byPosition(text, position, quote);
  if (atPosition) return atPosition;
  if (!quote || !quote.exact) return null;
  return byExactQuote(text, quote, position?.start) ?? byFuzzyQuote(text, quote, position?.start);
}

function byPosition(
  text: string,
  position: TextPositionSelector | undefined,
  quote: TextQuoteSelector | undefined,
): AnchorResult | null {
  if (!position) return null;
  const { start, end } = position;
  if (!(start >= 0 && start <= end && end <= text.length)) return null;
  if (quote && text.slice(start, end) !== quote.exact) return null;
  return { start, end, method: 'position', score: 1 };
}

/** Similarity of the stored context with the text around `[start, end)`, 0..1. */
function contextSimilarity(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return (similarity(prefix, before) + similarity(suffix, after)) / 2;
}

function combined(quoteSimilarity: number, context: number): number {
  return QUOTE_WEIGHT * quoteSimilarity + (1 - QUOTE_WEIGHT) * context;
}

/** Cheap context agreement for ranking many exact copies: characters that match outward from the quote. */
function affixAgreement(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  let n = 0;
  while (n < prefix.length && start - 1 - n >= 0 && text[start - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  let k = 0;
  while (k < suffix.length && text[end + k] === suffix[k]) k++;
  return n + k;
}

function byExactQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): AnchorResult | null {
  const exact = quote.exact;
  let best = -1;
  let bestAgreement = -1;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const agreement = affixAgreement(text, at, at + exact.length, quote);
    if (agreement > bestAgreement || (agreement === bestAgreement && closer(at, best, hint))) {
      best = at;
      bestAgreement = agreement;
    }
  }
  if (best < 0) return null;
  const end = best + exact.length;
  return { start: best, end, method: 'quote', score: combined(1, contextSimilarity(text, best, end, quote)) };
}

function closer(a: number, b: number, hint: number | undefined): boolean {
  return hint !== undefined && Math.abs(a - hint) < Math.abs(b - hint);
}

/** Start offsets of `needle` in `text`, or null when there are more than `cap` (not distinctive). */
function findAll(text: string, needle: string, cap: number): number[] | null {
  const hits: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (hits.push(at) > cap) return null;
  }
  return hits;
}

/** Proposed quote starts from seeds of the quote, its context and the stored position. */
function proposedStarts(text: string, quote: TextQuoteSelector, hint: number | undefined): number[] {
  const exact = quote.exact;
  const m = exact.length;
  const proposals: number[] = hint === undefined ? [] : [hint];
  const seedLength = Math.max(MIN_SEED_LENGTH, Math.min(MAX_SEED_LENGTH, Math.floor(m / 4)));
  const propose = (needle: string, toStart: (hit: number) => number): void => {
    if (needle.trim().length < MIN_SEED_LENGTH) return;
    for (const hit of findAll(text, needle, MAX_SEED_HITS) ?? []) proposals.push(toStart(hit));
  };
  if (m >= seedLength) {
    const count = Math.min(MAX_SEEDS, Math.floor(m / seedLength));
    const step = count > 1 ? (m - seedLength) / (count - 1) : 0;
    for (let s = 0; s < count; s++) {
      const offset = Math.round(s * step);
      propose(exact.slice(offset, offset + seedLength), (hit) => hit - offset);
    }
  }
  const prefixSeed = (quote.prefix ?? '').slice(-CONTEXT_SEED_LENGTH);
  propose(prefixSeed, (hit) => hit + prefixSeed.length);
  propose((quote.suffix ?? '').slice(0, CONTEXT_SEED_LENGTH), (hit) => hit - m);
  return proposals;
}

interface Candidate {
  start: number;
  votes: number;
}

/** Groups proposals that lie within `gap` of each other; each group votes for its median start. */
function groupProposals(proposals: number[], gap: number): Candidate[] {
  const sorted = [...proposals].sort((a, b) => a - b);
  const groups: Candidate[] = [];
  let from = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && (sorted[i] as number) - (sorted[i - 1] as number) <= gap) continue;
    const members = sorted.slice(from, i);
    groups.push({ start: members[Math.floor(members.length / 2)] as number, votes: members.length });
    from = i;
  }
  return groups.sort((a, b) => b.votes - a.votes);
}

function byFuzzyQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): AnchorResult | null {
  const m = quote.exact.length;
  const maxErrors = Math.max(1, Math.floor(m * MAX_ERROR_RATE));
  const candidates = groupProposals(proposedStarts(text, quote, hint), maxErrors);
  let budget = MAX_ALIGN_CELLS;
  let best: AnchorResult | null = null;
  for (const candidate of candidates) {
    const from = Math.max(0, candidate.start - maxErrors);
    const to = Math.min(text.length, candidate.start + m + maxErrors);
    budget -= m * (to - from);
    if (budget < 0 && best) break;
    const aligned = alignWithin(quote.exact, text, from, to, maxErrors);
    if (!aligned || aligned.end <= aligned.start) continue;
    const context = contextSimilarity(text, aligned.start, aligned.end, quote);
    const score = combined(1 - aligned.errors / m, context);
    if (!best || score > best.score || (score === best.score && closer(aligned.start, best.start, hint))) {
      best = { start: aligned.start, end: aligned.end, method: 'fuzzy', score };
    }
  }
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}
