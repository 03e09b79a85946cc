/**
 * Sentence segmentation for news text.
 *
 * `Intl.Segmenter` (ICU's UAX #29 rules) gives the base boundaries; it is fast and ships with Node and every
 * current browser, so this module runs unchanged on page text. ICU breaks after every full stop followed by a
 * capital, so abbreviations ("U.S. State Department", "Mr. Putin", "Col. Steve Warren") come out split; it
 * misses run-together sentences ("hometown.The 25-year-old"); and it leaves an opening quote on the wrong side
 * ("Syria.“It"). The repairs below are general rules applied to the boundary list.
 */

/** One sentence of a paragraph. `paragraph.slice(start, start + text.length) === text`. */
export interface SentenceSpan {
  /** The sentence, trimmed of surrounding whitespace. */
  text: string;
  /** UTF-16 offset of `text` in the paragraph. */
  start: number;
}

/**
 * Titles and abbreviations that precede a name or a number and practically never end a sentence, so a
 * boundary after them is always removed.
 */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'cmdr', 'cpl',
  'pvt', 'brig', 'sen', 'rep', 'gov', 'rev', 'amb', 'pres', 'e.g', 'i.e', 'cf',
]);

/**
 * Abbreviations that may end a sentence ("...in the U.S. The talks"). A boundary after them is removed
 * unless the next word is a common sentence opener (see {@link SENTENCE_OPENERS}).
 */
const SOFT_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'st', 'vs', 'v', 'etc', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'approx', 'est', 'dept', 'govt',
]);

/** Abbreviations that only stand before a number ("No. 10"); elsewhere "No." is the word "no". */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'para']);

/**
 * Words that start a new sentence after a soft abbreviation. The trade-off: a longer list splits more real
 * boundaries after "U.S." or "p.m.", but also splits "the U.S. In-Q-Tel"-style names that start with one.
 */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'it', 'its', 'he', 'she', 'his', 'her', 'they',
  'their', 'we', 'our', 'i', 'you', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'as', 'for', 'if',
  'when', 'while', 'after', 'before', 'since', 'however', 'meanwhile', 'some', 'many', 'most', 'such', 'also',
  'earlier', 'later', 'still', 'one', 'two', 'no', 'not', 'what', 'why', 'how', 'who', 'asked', 'according',
  'both', 'all', 'other', 'each', 'then', 'though', 'although', 'instead', 'last', 'this', 'during', 'with',
]);

/** Longest run of trailing text inspected for an abbreviation; tokens are short, so this bounds the work. */
const LOOKBEHIND_CHARS = 32;

/** A parenthesis that stays open is only joined across a boundary when it closes within this many characters. */
const MAX_PARENTHETICAL_CHARS = 240;

/** A sentence does not start in lower case: ICU cuts after "!”" before "the president said" and inside URLs ("?mod="). */
const LOWERCASE_NEXT = /^\s*\p{Ll}/u;
/** Closing quotes or brackets that ICU pushed to the start of the next sentence ("threat. ”"). */
const LEADING_CLOSERS = /^\s*[”’)\]]+/;
const OPENING_PUNCT = /[“"‘'(\[]+$/;
const WORD_BEFORE_STOP = /(?:^|[\s(“"‘\[])([\p{L}.]+)\.$/u;
const NEXT_WORD = /^[\s)\]”"’']*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;
/** "hometown.The": a lower-case word, a stop and a capitalised word with no space; not "U.S." or "11.63". */
const RUN_TOGETHER = /\p{Ll}{2}[.!?]["”’]?(?=["“]?\p{Lu}\p{Ll})/gu;
/** A trailing run of bare links ("... – Moscow https://on.rt.com/x pic.twitter.com/y"). */
const TRAILING_LINKS = /\s((?:(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+\s*)+)$/;
/** "“Why?” Mr. Putin said": a quoted question or exclamation followed by its speaker. */
const QUOTE_ATTRIBUTION =
  /^\s*(?:[\p{Lu}][\p{L}.'’-]*\s+){1,5}(?:said|says|asked|asks|added|told|replied|wrote|declared|insisted)\b/u;

let segmenter: Intl.Segmenter | null | undefined;

/** Base boundaries: offsets where a new sentence starts (0 and the end excluded). */
function baseCuts(paragraph: string): number[] {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'sentence' }) : null;
  }
  const cuts: number[] = [];
  if (segmenter) {
    for (const s of segmenter.segment(paragraph)) if (s.index > 0) cuts.push(s.index);
    return cuts;
  }
  // Fallback for engines without Intl.Segmenter: terminal punctuation, closers, space, then a capital.
  for (const m of paragraph.matchAll(/[.!?…]+["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu)) {
    cuts.push(m.index + m[0].length);
  }
  return cuts;
}

/** True when the boundary at `cut` follows an abbreviation or an initial rather than a sentence end. */
function followsAbbreviation(paragraph: string, cut: number): boolean {
  const before = paragraph.slice(Math.max(0, cut - LOOKBEHIND_CHARS), cut).trimEnd();
  const token = WORD_BEFORE_STOP.exec(before)?.[1];
  if (!token) return false;
  const core = token.toLowerCase();
  if (TITLES.has(core)) return true;
  if (NUMBER_ABBREVIATIONS.has(core)) return /^\s*\p{N}/u.test(paragraph.slice(cut, cut + 4));
  const dotted = /(?:\p{Lu}\.)+\p{Lu}$|(?:^|\P{L})(?:\p{Ll}\.)+\p{Ll}$/u.test(token); // U.S, U.N, a.m, p.m
  const initial = /^\p{Lu}$/u.test(token); // George W. Bush
  if (!dotted && !initial && !SOFT_ABBREVIATIONS.has(core)) return false;
  const next = NEXT_WORD.exec(paragraph.slice(cut, cut + LOOKBEHIND_CHARS));
  if (!next?.[1]) return /^\s*\(/.test(paragraph.slice(cut)); // "1 a.m. (2200 GMT)"
  return !SENTENCE_OPENERS.has(next[1].toLowerCase());
}

/** True when a quoted question or exclamation before `cut` is attributed by the text after it. */
function followsQuotedQuestion(paragraph: string, cut: number): boolean {
  const before = paragraph.slice(Math.max(0, cut - 4), cut).trimEnd();
  return /[?!][”"]$/.test(before) && QUOTE_ATTRIBUTION.test(paragraph.slice(cut, cut + 80));
}

/** True when `cut` falls inside a parenthesis opened mid-sentence that closes shortly after. */
function insideParenthesis(paragraph: string, from: number, cut: number): boolean {
  const head = paragraph.slice(from, cut);
  const open = head.lastIndexOf('(');
  if (open <= 0 || head.indexOf(')', open) !== -1 || head.slice(0, open).trim() === '') return false;
  const close = paragraph.indexOf(')', cut);
  return close !== -1 && close - cut <= MAX_PARENTHETICAL_CHARS;
}

/** Extra boundaries ICU misses: run-together sentences and trailing bare links. */
function missedCuts(paragraph: string): number[] {
  const cuts: number[] = [];
  for (const m of paragraph.matchAll(RUN_TOGETHER)) {
    const cut = m.index + m[0].length;
    if (!followsAbbreviation(paragraph, cut)) cuts.push(cut);
  }
  const links = TRAILING_LINKS.exec(paragraph);
  if (links?.[1]) cuts.push(paragraph.length - links[1].length);
  return cuts;
}

/** Moves a cut over quotes or brackets that ICU left on the wrong side: openers go right, closers go left. */
function realign(paragraph: string, cut: number): number {
  const closers = LEADING_CLOSERS.exec(paragraph.slice(cut, cut + 8))?.[0];
  if (closers) return cut + closers.length;
  const head = paragraph.slice(0, cut).trimEnd();
  const opener = OPENING_PUNCT.exec(head.slice(-8))?.[0];
  if (!opener) return cut;
  // A straight quote right after a word or a stop ("said.\"") closes a quotation rather than opening one.
  const straight = opener[0] === '"' || opener[0] === "'";
  if (straight && /[\p{L}\p{N}.,!?]$/u.test(head.slice(0, -opener.length))) return cut;
  return head.length - opener.length;
}

/**
 * Splits a paragraph into sentences. Offsets are UTF-16 indices into `paragraph`; empty pieces are dropped.
 * Quotations follow the labelled corpus: `He said: “X. Y.”` gives two sentences, while `“X,” he said.` and
 * `“X?” Mr. Putin said.` stay one.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const kept: number[] = [];
  let from = 0;
  for (const cut of baseCuts(paragraph)) {
    const join =
      LOWERCASE_NEXT.test(paragraph.slice(cut, cut + 8)) ||
      followsAbbreviation(paragraph, cut) ||
      followsQuotedQuestion(paragraph, cut) ||
      insideParenthesis(paragraph, from, cut);
    if (!join) {
      kept.push(cut);
      from = cut;
    }
  }
  const cuts = [...new Set([...kept, ...missedCuts(paragraph)].map((c) => realign(paragraph, c)))]
    .filter((c) => c > 0 && c < paragraph.length)
    .sort((a, b) => a - b);
  return toSpans(paragraph, cuts);
}

/** Slices the paragraph at the cuts, trimming each piece and keeping its offset. */
function toSpans(paragraph: string, cuts: number[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const end of [...cuts, paragraph.length]) {
    const raw = paragraph.slice(start, end);
    const text = raw.trim();
    if (text) spans.push({ text, start: start + raw.indexOf(text) });
    start = end;
  }
  return spans;
}
