/**
 * Pure formatting helpers for the card and the popup: how a figure, a date, an outlet, a match reason and a
 * figure comparison read to a person, and where the figures sit in a sentence. No DOM; the components render
 * the pieces returned here as text nodes.
 */
import type { FigureComparison, FigureValue } from './match/compare';
import { valueKey } from './match/compare';
import type { MatchReason } from './match/matcher';

/** A piece of a sentence: plain text, or the exact text of a figure to emphasise. */
export interface TextPiece {
  text: string;
  figure: boolean;
}

/** Where a figure sits in a sentence: its exact text and, when known, its UTF-16 offset. */
export interface FigureSpot {
  text: string;
  start?: number;
}

/** Resolves a figure to [start, end) in `text`: the given offset when it holds the figure text, else the first occurrence. */
function locate(text: string, spot: FigureSpot): [number, number] | null {
  if (spot.text.length === 0) return null;
  if (spot.start !== undefined && text.startsWith(spot.text, spot.start)) return [spot.start, spot.start + spot.text.length];
  const at = text.indexOf(spot.text);
  return at < 0 ? null : [at, at + spot.text.length];
}

/**
 * Splits a sentence at its figures so that each figure can be emphasised. Offsets are trusted only when the
 * text at that offset is the figure's text (a stale offset falls back to a search); overlapping figures keep
 * the earlier one. The pieces concatenate back to `text` exactly.
 */
export function splitAtFigures(text: string, figures: readonly FigureSpot[]): TextPiece[] {
  const spans = figures
    .map((f) => locate(text, f))
    .filter((s): s is [number, number] => s !== null)
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), figure: false });
    pieces.push({ text: text.slice(start, end), figure: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), figure: false });
  return pieces;
}

/** The figures of one corpus sentence that a set of comparisons cites, as spots to emphasise. */
export function figureSpotsFor(sentenceId: string, comparisons: readonly FigureComparison[]): FigureSpot[] {
  return comparisons.flatMap((c) => c.corpus.filter((v) => v.sentenceId === sentenceId).map((v) => ({ text: v.text })));
}

// Made on first use: building an Intl formatter loads locale data, which would slow every page's start-up
// (this module is part of the content script) for a card most pages never open.
let number: Intl.NumberFormat | undefined;

/** A number with thousands separators ("150,000"). */
export function formatNumber(n: number): string {
  number ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return number.format(n);
}

/**
 * A stated value as it reads: qualifier and number ("at least 58"), a range ("3,000–6,000"), or the vague
 * wording itself ("dozens").
 */
export function formatValue(v: Pick<FigureValue, 'value' | 'qualifier' | 'text' | 'min' | 'max'>): string {
  if (v.value !== null) {
    const q = v.qualifier && v.qualifier !== 'range' ? `${v.qualifier} ` : '';
    return `${q}${formatNumber(v.value)}`;
  }
  if (v.min !== undefined && v.max !== undefined) return `${formatNumber(v.min)}–${formatNumber(v.max)}`;
  return v.text;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO date as "4 Apr 2017" (no time zone shift); an estimated one as "~ 4 Apr 2017"; "undated" for null;
 * unparseable text as given.
 */
export function formatDate(iso: string | null, estimated = false): string {
  if (iso === null) return 'undated';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const text = m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
  return estimated ? `~ ${text}` : text;
}

/** A short date for compact rows: "4 Apr" ("~ 4 Apr" when estimated), with the year when `withYear`. */
export function formatShortDate(iso: string | null, estimated = false, withYear = false): string {
  const full = formatDate(iso, false);
  if (iso === null || full === iso) return full;
  const short = withYear ? full : full.replace(/ \d{4}$/, '');
  return estimated ? `~ ${short}` : short;
}

/** Shown for an article with neither an outlet nor a named collection: never a file name or an id. */
export const UNATTRIBUTED = 'unattributed article';

/**
 * Where a mention was published, in words: the outlet, else the readable collection name of `data/sources.json`
 * ("unattributed article in a 2014-17 news digest"). Never the file name (`source`) or an id.
 */
export function outletLabel(m: { outlet: string | null; collection?: string }): string {
  return m.outlet ?? m.collection ?? UNATTRIBUTED;
}

/** Distinct outlets of a set of mentions, in first-seen order; unattributed ones are counted, not named. */
export function outletSummary(mentions: ReadonlyArray<{ outlet: string | null }>): string {
  const named = [...new Set(mentions.flatMap((m) => (m.outlet ? [m.outlet] : [])))];
  const unknown = mentions.filter((m) => !m.outlet).length;
  const parts = [...named];
  if (unknown > 0) parts.push(unknown === 1 ? '1 unattributed article' : `${unknown} unattributed articles`);
  return parts.join(', ');
}

/** Short names of frequent claimants, for the compact figure row. */
const CLAIMANT_SHORT: ReadonlyArray<[RegExp, string]> = [
  [/syrian observatory for human rights|^(?:the )?observatory$|^sohr$/i, 'SOHR'],
  [/^(?:the )?(?:monitor|monitoring group|britain-based monitor)$/i, 'SOHR'],
  [/ambulance/i, 'ambulance service head'],
  [/\bstep\b/i, 'Step'],
  [/us intelligence|u\.s\. intelligence/i, 'US intelligence'],
  [/white house/i, 'White House'],
  [/^(?:the )?pentagon$/i, 'Pentagon'],
  [/syrian (?:army|military)|army source/i, 'Syrian army'],
  [/^(?:the )?(?:syrian )?state media$|^sana$/i, 'Syrian state media'],
];
/** Longest claimant shown in a compact row, in words. */
const MAX_SHORT_CLAIMANT_WORDS = 4;

/** A claimant as a compact row names it ("SOHR", "ambulance service head"), else the first words of it. */
export function shortClaimant(claimant: string): string {
  for (const [pattern, short] of CLAIMANT_SHORT) if (pattern.test(claimant)) return short;
  const words = claimant.replace(/^(?:the|a|an)\s+/i, '').split(/\s+/);
  return words.length <= MAX_SHORT_CLAIMANT_WORDS ? words.join(' ') : `${words.slice(0, MAX_SHORT_CLAIMANT_WORDS).join(' ')}…`;
}

/** Who stands behind a value in a compact row: the claimant, else the outlet, else "unattributed". */
export function whoLabel(v: { claimant?: string | null; outlet: string | null }): string {
  if (v.claimant) return shortClaimant(v.claimant);
  return v.outlet ?? 'unattributed';
}

/** Why the matcher paired the sentences, in words ("Shared names: Assad, Aleppo · shared terms: siege"). */
export function reasonLabel(reason: MatchReason): string {
  const parts: string[] = [];
  if (reason.entities.length > 0) parts.push(`Shared names: ${reason.entities.join(', ')}`);
  if (reason.terms.length > 0) parts.push(`shared terms: ${reason.terms.join(', ')}`);
  const text = parts.join(' · ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Similar wording';
}

/** How the values of a comparison relate, in words ("Update, rising", "Conflict", "Same figure"). */
export function differenceLabel(c: Pick<FigureComparison, 'kind' | 'rising'>): string {
  switch (c.kind) {
    case 'same':
      return 'Same figure';
    case 'update':
      return c.rising === undefined ? 'Update' : `Update, ${c.rising ? 'rising' : 'falling'}`;
    case 'conflict':
      return 'Conflict: same date, different figures';
    case 'undated':
      return 'Figures differ; dates cannot tell which is later';
    case 'consistent':
      return 'Consistent';
  }
}

/**
 * Maps numbers onto [from, to] for a one-axis chart. A single distinct value sits in the middle, so that an
 * axis is never divided by zero.
 */
export function linearScale(values: readonly number[], from: number, to: number): (n: number) => number {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!Number.isFinite(lo) || hi === lo) return () => (from + to) / 2;
  return (n) => from + ((n - lo) / (hi - lo)) * (to - from);
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
export function rowEntries(c: FigureComparison): RowEntry[] {
  const out: RowEntry[] = [];
  const pageKeys = new Set([c.page, ...(c.pageAlso ?? [])].flatMap((v) => (v ? [valueKey(v)] : [])));
  const own = [c.page, ...(c.pageAlso ?? [])].flatMap((v) => (v ? [formatValue(v)] : []));
  if (own.length > 0) out.push({ who: 'this page', value: own.join(', '), date: null, differs: false, page: true });
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

function differsFromPage(v: FigureValue, pageKeys: ReadonlySet<string>, c: FigureComparison): boolean {
  if (pageKeys.size === 0 || c.kind === 'same' || c.kind === 'consistent') return false;
  return !pageKeys.has(valueKey(v));
}

/** The plain text of a row, as read aloud and as tests compare it. */
export function rowText(c: FigureComparison): string {
  const parts = rowEntries(c).map((e) => `${e.who} ${e.value}${e.date ? ` (${e.date})` : ''}`);
  return `${capitalise(c.what)} — ${parts.join(' · ')}`;
}

/** The first letter in upper case ("killed" -> "Killed"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
