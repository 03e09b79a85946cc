/**
 * Article dates: a line that is only a date ("June 19, 2017", "Updated June 18, 2017 11:01 p.m. ET",
 * "Latest update : 2017-06-19"), parsed with chrono-node. Dates inside sentences ("On April 12, the UN …") are
 * about events, not the article, and are ignored.
 */
import * as chrono from 'chrono-node';

/**
 * Reference date handed to chrono. Only dates whose year, month and day are all written in the text are
 * accepted, so the reference never fills a gap; it is fixed anyway so that the output cannot depend on "today".
 */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

/** Words allowed before the date on a date line. */
const DATE_PREFIX = /^(?:(?:latest |last )?updated?|(?:first )?published|posted|date|on)?\s*[:|–-]?\s*$/i;
/** What may follow the date on a date line: a clock time and a time-zone abbreviation. */
const DATE_SUFFIX = /^[\s,|–-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*(?:[A-Z]{2,4}|GMT[+-]\d+)?\s*$/i;
/** Longest line that can be a date line; longer lines are prose that happens to start with a date. */
const MAX_DATE_LINE_LENGTH = 60;

/** A date found on a date line. */
export interface FoundDate {
  /** ISO YYYY-MM-DD. */
  iso: string;
  /** The date as written ("June 19, 2017"), without the prefix or clock time. */
  text: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses a date line; null when the line is not only a full date (with optional prefix and clock time). */
export function parseDateLine(raw: string): FoundDate | null {
  const line = raw.trim();
  if (line.length === 0 || line.length > MAX_DATE_LINE_LENGTH) return null;
  const result = chrono.strict.parse(line, REFERENCE_DATE)[0];
  if (!result) return null;
  const { start } = result;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const before = line.slice(0, result.index);
  const after = line.slice(result.index + result.text.length);
  const text = result.text.replace(/[\sT,]+(?:at\s+)?\d{1,2}[:.]\d{2}.*$/i, '').trim();
  const rest = result.text.slice(text.length) + after;
  if (!DATE_PREFIX.test(before) || !DATE_SUFFIX.test(rest)) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, text };
}

/** True when the line is only a date (see {@link parseDateLine}). */
export function isDateLine(line: string): boolean {
  return parseDateLine(line) !== null;
}
