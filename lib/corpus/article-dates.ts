/**
 * Article dates estimated from the text, for articles without a date line. Evidence, strongest first:
 *
 * 1. The latest explicit past date the article mentions ("on February 26, 2021", "since April 22"), its year
 *    from the article itself, else from how long the war has lasted ("in its fourth year"), else from the
 *    nearest dated article of the same collection; weekday words ("on Tuesday") are resolved against it and
 *    may move the estimate a few days later.
 * 2. An announced date ("Syrians are due to vote on June 3") when nothing past is dated: the article is a few
 *    days older than the event it announces.
 * 3. The nearest dated article of the same collection (scraped collections keep related articles together,
 *    and the pipeline often cuts one story into several pieces), with the article's weekday words resolved
 *    against that neighbour's date.
 *
 * Every estimate carries its evidence and is marked estimated; the UI shows "~ 5 Apr 2017", "from the text".
 */
import { MONTHS } from './months';
import { latestReportedEvent } from './event-calendar';

/** Where an article's date comes from. */
export type DateBasis = 'date_line' | 'text' | 'event' | 'announced' | 'neighbour';

/** A date with what it rests on. */
export interface DateEstimate {
  /** ISO YYYY-MM-DD. */
  iso: string;
  basis: DateBasis;
  /** Verbatim text (or a short explanation) the date rests on. */
  evidence: string;
}

/** The first month of the Syrian uprising: "the war, now in its fourth year" dates a text to 2014. */
export const WAR_START_YEAR = 2011;
/** Days an announcement precedes the event it announces ("due to vote on June 3"). */
export const ANNOUNCED_LEAD_DAYS = 3;
/** A weekday word refers to a day at most this many days from the anchor date. */
export const WEEKDAY_REACH_DAYS = 3;
/** An announced event this many days after the latest reported day moves the estimate to the day before it. */
export const ANNOUNCED_REACH_DAYS = 7;
/** Years outside this span are not the year of a news article of the collections. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2030;

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** "April 4", "Nov. 12, 2015", "February 26, 2021". */
const MONTH_DAY = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
/** "7 March", "10 July 2017". */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD}\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
/** A sentence that announces or plans rather than reports. */
const FUTURE = /\b(?:will|is to|are to|is due|are due|due to|scheduled|set to|expected to|to resume|to begin|starting from|from tomorrow)\b/i;
/** A caption of a file picture: its date is the picture's, not the article's. */
const FILE_PICTURE = /\b(?:file|handout|photo|image|picture|pictured)\b/i;
/** "now in its fourth year", "three years into", "for four years", "five-year-long war", "five years of fighting". */
const WAR_AGE =
  /\b(?:in its (\w+) year|(\w+) years into|(?:for|after) (\w+) years|(\w+)-year-long (?:war|conflict)|(\w+) years of (?:fighting|war|conflict))\b/i;
const WEEKDAY_WORD = /\b(?:on |late |early |last |since )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** A day mentioned in the text; `year` null when the text gives only month and day. */
interface Mention {
  month: number;
  day: number;
  year: number | null;
  text: string;
  future: boolean;
}

function monthOf(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

function toIso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function isoTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** Days mentioned in the sentences, each marked as announced (future) or reported. */
function mentionsOf(sentences: readonly string[]): Mention[] {
  const out: Mention[] = [];
  for (const s of sentences) {
    if (FILE_PICTURE.test(s) && /\b\d{4}\b/.test(s)) continue;
    const future = FUTURE.test(s);
    const add = (monthWord: string, dayText: string, yearText: string | undefined, text: string) => {
      const month = monthOf(monthWord);
      const day = Number(dayText);
      const year = yearText ? Number(yearText) : null;
      if (!month || day < 1 || day > 31) return;
      if (year !== null && (year < MIN_YEAR || year > MAX_YEAR)) return;
      out.push({ month, day, year, text, future });
    };
    for (const m of s.matchAll(MONTH_DAY)) add(m[1]!, m[2]!, m[3], m[0]);
    for (const m of s.matchAll(DAY_MONTH)) add(m[2]!, m[1]!, m[3], m[0]);
  }
  return out;
}

/** The year the war's age gives ("now in its fourth year" -> 2014), else null. */
function yearFromWarAge(text: string): { year: number; evidence: string } | null {
  const m = WAR_AGE.exec(text);
  if (!m) return null;
  const [whole, nth, into, forYears, long, of] = m;
  const word = (nth ?? into ?? forYears ?? long ?? of ?? '').toLowerCase();
  const n = ORDINALS[word] ?? Number(word);
  if (!Number.isFinite(n) || n < 1 || n > 10) return null;
  if (!/\b(?:war|conflict|fighting|crisis|uprising)\b/i.test(text.slice(Math.max(0, m.index - 60), m.index + whole.length + 60))) return null;
  return { year: WAR_START_YEAR + (nth ? n - 1 : n), evidence: whole };
}

/** Weekdays mentioned (0 = Sunday), in text order without repeats. */
function weekdaysOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(WEEKDAY_WORD)) {
    const d = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** The latest day a weekday word can name near `anchor` (within {@link WEEKDAY_REACH_DAYS}), else the anchor. */
function resolveWeekdays(anchor: number, weekdays: readonly number[]): { t: number; word: string | null } {
  let best = anchor;
  let word: string | null = null;
  for (const wd of weekdays) {
    for (let k = -WEEKDAY_REACH_DAYS; k <= WEEKDAY_REACH_DAYS; k++) {
      const t = anchor + k * DAY_MS;
      if (new Date(t).getUTCDay() === wd && t > best) {
        best = t;
        word = WEEKDAYS[wd]!;
      }
    }
  }
  return { t: best, word };
}

/** The year for a month-day that puts it closest to `near`. */
function closestYear(month: number, day: number, near: number): number {
  const y = new Date(near).getUTCFullYear();
  const options = [y - 1, y, y + 1];
  return options.reduce((a, b) => (Math.abs(utc(b, month, day) - near) < Math.abs(utc(a, month, day) - near) ? b : a));
}

/** An article as the estimator needs it. */
export interface DatableArticle {
  /** The date from a date line, if any. */
  stated: { iso: string; text: string } | null;
  /** The article's sentences (headline included). */
  sentences: readonly string[];
  /** Whether the article can carry a date at all (boilerplate and bare links cannot). */
  datable: boolean;
}

interface Own {
  estimate: DateEstimate | null;
  /** A year known from the article alone, for its neighbours. */
  year: number | null;
}

/** What the article's own text says about its date (step 1 and 2), given a year to fall back on. */
function ownDate(a: DatableArticle, fallbackNear: number | null): Own {
  if (a.stated) return { estimate: { iso: a.stated.iso, basis: 'date_line', evidence: a.stated.text }, year: Number(a.stated.iso.slice(0, 4)) };
  const text = a.sentences.join(' ');
  const mentions = mentionsOf(a.sentences);
  const fullYears = mentions.filter((m) => m.year !== null && !m.future).map((m) => m.year!);
  const war = yearFromWarAge(text);
  // An event the article only announces ("Syrians are due to vote on June 3") is not one it reports.
  const announcedDays = new Set(mentions.filter((m) => m.future).map((m) => `${m.month}-${m.day}`));
  const reported = latestReportedEvent(text);
  const event = reported && !announcedDays.has(`${Number(reported.date.slice(5, 7))}-${Number(reported.date.slice(8, 10))}`) ? reported : null;
  const eventTime = event ? isoTime(event.date) : null;
  const anyYears = mentions.filter((m) => m.year !== null).map((m) => m.year!);
  const year =
    fullYears.length > 0 ? Math.max(...fullYears) : event ? Number(event.date.slice(0, 4)) : (war?.year ?? (anyYears.length > 0 ? Math.max(...anyYears) : null));
  const near = eventTime ?? (year !== null ? utc(year, 7, 1) : fallbackNear);
  if (near === null) return { estimate: null, year };
  const dated = mentions.map((m) => {
    const y = m.year ?? (eventTime !== null || year === null ? closestYear(m.month, m.day, near) : year);
    return { ...m, t: utc(y, m.month, m.day) };
  });
  // The latest reported day wins: a month-day in the text, or the day of the latest calendar event reported.
  const past: Array<{ t: number; text: string; basis: DateBasis }> = dated
    .filter((m) => !m.future)
    .map((m) => ({ t: m.t, text: m.text, basis: 'text' as const }));
  if (event && eventTime !== null) past.push({ t: eventTime, text: `reports the ${event.name} (${event.date})`, basis: 'event' });
  // An event the article announces within days of the latest reported one dates it just before that event
  // ("On April 12, the Security Council is to vote" in a piece about the strike of April 7).
  const announced = dated.filter((m) => m.future);
  const soonest = announced.length > 0 ? announced.reduce((a, b) => (b.t < a.t ? b : a)) : null;
  if (past.length > 0) {
    let latest = past.reduce((a, b) => (b.t > a.t ? b : a));
    const lead = soonest ? soonest.t - ANNOUNCED_LEAD_DAYS * DAY_MS : null;
    if (soonest && lead !== null && lead > latest.t && soonest.t - latest.t <= ANNOUNCED_REACH_DAYS * DAY_MS) {
      latest = { t: soonest.t - DAY_MS, text: `${latest.text}; announces ${soonest.text}`, basis: latest.basis };
    }
    const { t, word } = resolveWeekdays(latest.t, weekdaysOf(text));
    const evidence = word ? `${latest.text} … ${word}` : latest.text;
    return { estimate: { iso: toIso(t), basis: latest.basis, evidence }, year };
  }
  if (soonest) {
    const first = soonest;
    return { estimate: { iso: toIso(first.t - ANNOUNCED_LEAD_DAYS * DAY_MS), basis: 'announced', evidence: first.text }, year };
  }
  return { estimate: null, year };
}

/** Index of the nearest article (by position) that satisfies `has`, preferring the earlier one on a tie. */
function nearest<T>(items: readonly T[], i: number, has: (t: T) => boolean): number | null {
  for (let d = 1; d < items.length; d++) {
    if (i - d >= 0 && has(items[i - d]!)) return i - d;
    if (i + d < items.length && has(items[i + d]!)) return i + d;
  }
  return null;
}

/** Content words (5+ letters) of an article, to tell which neighbour continues its story. */
function contentWords(a: DatableArticle): Set<string> {
  return new Set(a.sentences.join(' ').toLowerCase().match(/\p{L}{5,}/gu) ?? []);
}

/** Of the nearest dated article before and after `i`, the one sharing more content words (the earlier on a tie). */
function closestNeighbour(articles: readonly DatableArticle[], own: readonly Own[], i: number): number | null {
  let before: number | null = null;
  let after: number | null = null;
  for (let j = i - 1; j >= 0 && before === null; j--) if (own[j]!.estimate) before = j;
  for (let j = i + 1; j < own.length && after === null; j++) if (own[j]!.estimate) after = j;
  if (before === null || after === null) return before ?? after;
  const mine = contentWords(articles[i]!);
  const shared = (j: number) => [...contentWords(articles[j]!)].filter((w) => mine.has(w)).length;
  return shared(after) > shared(before) ? after : before;
}

/**
 * Dates for the articles of one source document, in document order: the date line when there is one, else an
 * estimate from the text (see the module comment), else null (boilerplate, bare links, or no evidence at all).
 */
export function estimateDocumentDates(articles: readonly DatableArticle[]): Array<DateEstimate | null> {
  // Pass 1: what each article says on its own, with the year of the text alone.
  const first = articles.map((a) => (a.datable ? ownDate(a, null) : { estimate: null, year: null }));
  // Pass 2: month-days without a year take the year of the nearest article that knows one.
  const second = articles.map((a, i) => {
    if (!a.datable || first[i]!.estimate) return first[i]!;
    const j = nearest(first, i, (o) => o.estimate !== null || o.year !== null);
    if (j === null) return first[i]!;
    const o = first[j]!;
    const near = o.estimate ? isoTime(o.estimate.iso) : utc(o.year!, 7, 1);
    return ownDate(a, near);
  });
  // Pass 3: articles with no date of their own take their nearest dated neighbour's, moved by their weekdays.
  return articles.map((a, i) => {
    const own = second[i]!;
    if (!a.datable || own.estimate) return own.estimate;
    const j = closestNeighbour(articles, second, i);
    if (j === null) return null;
    const n = second[j]!.estimate!;
    const { t } = resolveWeekdays(isoTime(n.iso), weekdaysOf(a.sentences.join(' ')));
    const evidence = `a neighbouring article of the same collection: ${n.evidence}`;
    return { iso: toIso(t), basis: 'neighbour', evidence };
  });
}

/**
 * The days a sentence names ("on April 4", "June 3, 2014"), as ISO dates; a day without its year takes the
 * year that puts it closest to `near` (the sentence's article date), and is dropped when there is none.
 */
export function namedDays(sentence: string, near: string | null): string[] {
  const nearTime = near === null ? null : isoTime(near);
  return mentionsOf([sentence]).flatMap((m) => {
    if (m.year !== null) return [toIso(utc(m.year, m.month, m.day))];
    return nearTime === null ? [] : [toIso(utc(closestYear(m.month, m.day, nearTime), m.month, m.day))];
  });
}
