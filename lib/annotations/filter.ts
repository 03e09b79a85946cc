/**
 * Searching, filtering and summarising a list of annotations for the annotations page. Pure: the page keeps
 * every annotation in memory (a reader's own notes, thousands at most), so filtering here is instant and
 * needs no round trip to the background for each keystroke.
 */
import { type Annotation, noteOf, quoteOf, tagsOf } from './model';

/** What the reader narrowed the list to; every filter given must hold. Empty strings mean "any". */
export interface AnnotationFilter {
  /** Words that must all appear (any case, any accents) in the note, the quote or the tags. */
  text?: string;
  /** Site as returned by {@link siteOf} (hostname without `www.`). */
  site?: string;
  /** One tag, any case. */
  tag?: string;
  /** First day, `YYYY-MM-DD` (as an `<input type="date">` gives it), in local time; inclusive. */
  from?: string;
  /** Last day, `YYYY-MM-DD`, local time; inclusive (the whole day counts). */
  to?: string;
  /** Only annotations whose ids are in this set (e.g. the orphans). */
  onlyIds?: ReadonlySet<string>;
}

/** A value offered by a filter, with how many annotations have it. */
export interface Facet {
  value: string;
  count: number;
}

/** Lower case without diacritics, so "Sheikhoun" finds "sheikhoun" and "Séance" finds "seance". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The site of an annotation: the hostname of `target.source` without a leading `www.`, so that a site's
 * notes stay together whichever host variant the page was read on. The raw source when it is not a URL.
 */
export function siteOf(annotation: Annotation): string {
  const source = annotation.target.source;
  try {
    const host = new URL(source).hostname;
    return host ? host.replace(/^www\./, '') : source;
  } catch {
    return source;
  }
}

/**
 * `url` when it is an http(s) URL, safe to use as a link target; undefined otherwise. Imported files are not
 * trusted: a `javascript:` source must never become a clickable link.
 */
export function safeHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Local midnight of a `YYYY-MM-DD` day plus `days`, in ms; undefined when `day` is empty or malformed. */
function dayStart(day: string | undefined, days = 0): number | undefined {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m) return undefined;
  const time = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).getTime();
  return Number.isNaN(time) ? undefined : time;
}

/** The text searched by {@link AnnotationFilter.text}, folded. */
function searchableText(annotation: Annotation): string {
  const saved = [annotation['crosscheck:title'] ?? '', annotation['crosscheck:claimLabel'] ?? ''];
  return foldText([quoteOf(annotation), noteOf(annotation), ...tagsOf(annotation), ...saved].join('\n'));
}

/** Builds the test for one filter, so the per-item work is only comparisons. */
function predicateOf(filter: AnnotationFilter): (a: Annotation) => boolean {
  const words = foldText(filter.text ?? '').split(/\s+/).filter(Boolean);
  const tag = filter.tag ? foldText(filter.tag) : '';
  const from = dayStart(filter.from);
  const toExclusive = dayStart(filter.to, 1);
  return (a) => {
    if (filter.onlyIds && !filter.onlyIds.has(a.id)) return false;
    if (filter.site && siteOf(a) !== filter.site) return false;
    if (tag && !tagsOf(a).some((t) => foldText(t) === tag)) return false;
    // The date is `modified`, as in the store's own queries: an edited note counts as recent.
    const when = Date.parse(a.modified);
    if (from !== undefined && !(when >= from)) return false;
    if (toExclusive !== undefined && !(when < toExclusive)) return false;
    if (!words.length) return true;
    const haystack = searchableText(a);
    return words.every((w) => haystack.includes(w));
  };
}

/** Newest `modified` first; ties by newest `created`, then by id, so the order is stable. */
export function compareNewestFirst(a: Annotation, b: Annotation): number {
  return (
    Date.parse(b.modified) - Date.parse(a.modified) ||
    Date.parse(b.created) - Date.parse(a.created) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The annotations that pass `filter`, newest first. Does not modify `list`. */
export function filterAnnotations(list: readonly Annotation[], filter: AnnotationFilter = {}): Annotation[] {
  return list.filter(predicateOf(filter)).sort(compareNewestFirst);
}

/** True when no filter narrows the list. */
export function isFilterEmpty(filter: AnnotationFilter): boolean {
  return !filter.text?.trim() && !filter.site && !filter.tag && !filter.from && !filter.to && !filter.onlyIds;
}

/** Counts values, keeping the first spelling seen for each key. */
function countBy(values: Iterable<string>, key: (v: string) => string): Facet[] {
  const byKey = new Map<string, Facet>();
  for (const value of values) {
    const k = key(value);
    const facet = byKey.get(k);
    if (facet) facet.count++;
    else byKey.set(k, { value, count: 1 });
  }
  return [...byKey.values()];
}

/** The sites of the list with their counts, alphabetical. */
export function sitesOf(list: readonly Annotation[]): Facet[] {
  return countBy(list.map(siteOf), (s) => s).sort((a, b) => a.value.localeCompare(b.value));
}

/** The tags of one annotation, one per folded spelling (the first). */
function distinctTags(annotation: Annotation): string[] {
  const seen = new Map<string, string>();
  for (const tag of tagsOf(annotation)) if (!seen.has(foldText(tag))) seen.set(foldText(tag), tag);
  return [...seen.values()];
}

/** The tags of the list (one entry per tag whatever its case), most used first, then alphabetical. */
export function tagsOfAll(list: readonly Annotation[]): Facet[] {
  return countBy(list.flatMap(distinctTags), foldText).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
