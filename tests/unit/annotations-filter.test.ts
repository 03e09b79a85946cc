import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  filterAnnotations,
  foldText,
  isFilterEmpty,
  safeHref,
  siteOf,
  sitesOf,
  tagsOfAll,
} from '../../lib/annotations/filter';
import { type Annotation, noteOf, quoteOf, tagsOf } from '../../lib/annotations/model';
import { sampleAnnotations, sentenceOf, annotate } from '../components/AnnotationFixtures';

const list = sampleAnnotations();
const ids = (l: readonly Annotation[]) => l.map((a) => a.id);
/** Local `YYYY-MM-DD` of an ISO time, as a date input would show that day. */
function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('siteOf and safeHref', () => {
  it('takes the hostname of target.source without www.', () => {
    expect(list.map(siteOf)).toEqual(['reuters.com', 'apnews.com', 'en.farsnews.ir', 'theguardian.com', 'reuters.com']);
  });

  it('keeps a source that is not a URL as it is', () => {
    const odd = { ...list[0]!, target: { ...list[0]!.target, source: 'urn:x-local:notes' } };
    expect(siteOf(odd)).toBe('urn:x-local:notes');
  });

  it('allows only http(s) links', () => {
    expect(safeHref('https://www.reuters.com/a?b=1')).toBe('https://www.reuters.com/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
});

describe('filterAnnotations', () => {
  it('returns everything, newest modified first, with no filter', () => {
    const all = filterAnnotations(list);
    expect(all).toHaveLength(list.length);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.modified >= all[i]!.modified).toBe(true);
    // The edited annotation was created first but modified last.
    expect(all[0]!.id).toBe('urn:uuid:e');
    expect(isFilterEmpty({})).toBe(true);
  });

  it('searches note, quote and tags, all words, any case and accents', () => {
    const byNote = filterAnnotations(list, { text: 'opcw' });
    expect(ids(byNote)).toEqual(['urn:uuid:a']);
    const quoteWords = quoteOf(list[1]!).split(/\s+/).filter((w) => w.length > 6).slice(0, 2).join(' ');
    expect(ids(filterAnnotations(list, { text: quoteWords.toUpperCase() }))).toContain('urn:uuid:b');
    expect(ids(filterAnnotations(list, { text: 'russia' }))).toContain('urn:uuid:c');
    expect(filterAnnotations(list, { text: 'opcw photographer' })).toEqual([]);
    expect(ids(filterAnnotations(list, { text: 'RÉVISED toll' }))).toEqual(['urn:uuid:e']);
    for (const a of filterAnnotations(list, { text: 'reuters' })) {
      expect(foldText([quoteOf(a), noteOf(a), ...tagsOf(a)].join(' '))).toContain('reuters');
    }
  });

  it('filters by site and by tag (any case)', () => {
    expect(ids(filterAnnotations(list, { site: 'reuters.com' }))).toEqual(['urn:uuid:e', 'urn:uuid:a']);
    expect(ids(filterAnnotations(list, { tag: 'DISPUTED' }))).toEqual(['urn:uuid:e', 'urn:uuid:a']);
    expect(ids(filterAnnotations(list, { tag: 'follow up', site: 'en.farsnews.ir' }))).toEqual(['urn:uuid:c']);
    expect(filterAnnotations(list, { tag: 'follow up', site: 'apnews.com' })).toEqual([]);
  });

  it('filters by an inclusive range of local days on modified', () => {
    const b = list[1]!;
    const c = list[2]!;
    const both = filterAnnotations(list, { from: localDay(b.modified), to: localDay(c.modified) });
    expect(ids(both).sort()).toEqual(['urn:uuid:b', 'urn:uuid:c']);
    expect(ids(filterAnnotations(list, { from: localDay(c.modified), to: localDay(c.modified) }))).toEqual(['urn:uuid:c']);
    // Edited in May, created in February: the date that counts is the edit.
    expect(ids(filterAnnotations(list, { to: localDay('2024-02-28T12:00:00Z') }))).toEqual([]);
    expect(ids(filterAnnotations(list, { from: localDay('2024-05-01T12:00:00Z') }))).toEqual(['urn:uuid:e']);
  });

  it('ignores malformed dates rather than hiding everything', () => {
    expect(filterAnnotations(list, { from: '03/02/2024', to: '' })).toHaveLength(list.length);
  });

  it('keeps only the given ids', () => {
    expect(ids(filterAnnotations(list, { onlyIds: new Set(['urn:uuid:c', 'urn:uuid:x']) }))).toEqual(['urn:uuid:c']);
  });

  it('does not modify the list', () => {
    const copy = [...list];
    filterAnnotations(list, { text: 'x' });
    expect(list).toEqual(copy);
  });

  it('orders ties by created then id', () => {
    const s = sentenceOf('AFP');
    const x = annotate(s, { note: 'x', day: '2024-01-01', id: 'urn:uuid:2' });
    const y = annotate(s, { note: 'y', day: '2024-01-01', id: 'urn:uuid:1' });
    expect(ids([x, y].sort(compareNewestFirst))).toEqual(['urn:uuid:1', 'urn:uuid:2']);
  });
});

describe('filterAnnotations: saved title and claim label', () => {
  it('finds a note by the title of its article and by the claim it matched', () => {
    const titled: Annotation = { ...list[1]!, 'crosscheck:title': 'Shayrat strike: what we know', 'crosscheck:claimLabel': 'Fifty-nine Tomahawk missiles were fired.' };
    const all = [list[0]!, titled, list[2]!];
    expect(ids(filterAnnotations(all, { text: 'shayrat know' }))).toEqual([titled.id]);
    expect(ids(filterAnnotations(all, { text: 'tomahawk' }))).toEqual([titled.id]);
    expect(filterAnnotations(list.slice(0, 3), { text: 'shayrat know' })).toEqual([]);
  });
});

describe('facets', () => {
  it('lists sites with counts, alphabetically', () => {
    expect(sitesOf(list)).toEqual([
      { value: 'apnews.com', count: 1 },
      { value: 'en.farsnews.ir', count: 1 },
      { value: 'reuters.com', count: 2 },
      { value: 'theguardian.com', count: 1 },
    ]);
  });

  it('lists tags once whatever their case, most used first', () => {
    const tags = tagsOfAll(list);
    expect(tags[0]).toEqual({ value: 'disputed', count: 2 });
    expect(tags.map((t) => t.value).sort()).toEqual(['disputed', 'follow up', 'Russia', 'verified'].sort());
    expect(tags.reduce((n, t) => n + t.count, 0)).toBe(list.reduce((n, a) => n + tagsOf(a).length, 0));
  });
});
