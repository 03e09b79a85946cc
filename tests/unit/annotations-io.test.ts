import { describe, expect, it } from 'vitest';
import {
  batchesOf,
  exportBackup,
  exportJsonLd,
  exportParts,
  ImportError,
  MESSAGE_BATCH,
  mergeAnnotations,
  parseImport,
} from '../../lib/annotations/io';
import { type Annotation, createAnnotation, editAnnotation, tagsOf } from '../../lib/annotations/model';

const page = 'Aid reached Madaya on Monday. The UN said 40 trucks entered. Residents described severe hunger.';

function note(i: number, when = '2024-03-01T00:00:00Z'): Annotation {
  const quote = ['Aid reached Madaya on Monday.', 'The UN said 40 trucks entered.', 'Residents described severe hunger.'][i % 3] as string;
  const start = page.indexOf(quote);
  return createAnnotation({
    pageText: page, start, end: start + quote.length, note: `note ${i}`, tags: i % 2 ? ['verified'] : ['disputed', 'follow up'],
    canonicalUrl: `https://news.example/a${i % 2}`, seenUrl: `https://news.example/a${i % 2}?utm_source=x`,
    claimId: i % 3 ? `claim-${i}` : undefined, now: new Date(when), id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  });
}

const list = [0, 1, 2, 3, 4].map((i) => note(i));

describe('export and import', () => {
  it('round-trips the JSON-LD collection identically', () => {
    const text = exportJsonLd(list);
    const doc = JSON.parse(text);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(5);
    expect(doc.first.items[0]['@context']).toBeUndefined();
    expect(parseImport(text).annotations).toEqual(list);
  });

  it('round-trips the plain backup identically', () => {
    const text = exportBackup(list, new Date('2024-04-01T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'crosscheck-annotations', version: 1, exportedAt: '2024-04-01T00:00:00.000Z' });
    expect(parseImport(text).annotations).toEqual(list);
  });

  it('reads a bare array, a single annotation, and a collection with items on it', () => {
    const bare = JSON.parse(JSON.stringify(list));
    expect(parseImport(JSON.stringify(bare)).annotations).toEqual(list);
    expect(parseImport(JSON.stringify(list[0])).annotations).toEqual([list[0]]);
    const flat = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: bare };
    expect(parseImport(JSON.stringify(flat)).annotations).toEqual(list);
  });

  it('normalises foreign W3C items: single body and selector, offset dates, no modified', () => {
    const foreign = {
      id: 'https://other.example/anno/1', type: 'Annotation', created: '2024-01-01T12:00:00+02:00',
      body: { type: 'TextualBody', value: 'see report', purpose: 'describing' },
      target: { source: 'https://news.example/a0', selector: { type: 'TextQuoteSelector', exact: 'Aid reached' } },
    };
    const [a] = parseImport(JSON.stringify([foreign])).annotations;
    expect(a).toMatchObject({
      created: '2024-01-01T10:00:00.000Z', modified: '2024-01-01T10:00:00.000Z',
      body: [{ type: 'TextualBody', value: 'see report', purpose: 'commenting' }],
      target: { selector: [{ type: 'TextQuoteSelector', exact: 'Aid reached' }] },
    });
  });
});

describe('malformed imports are rejected with a clear message', () => {
  const good = JSON.parse(exportBackup(list, new Date()));
  function broken(mutate: (doc: { annotations: Record<string, any>[] }) => void): string {
    const doc = structuredClone(good);
    mutate(doc);
    return JSON.stringify(doc);
  }
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "crosscheck-annotations", ', /not JSON/],
    ['wrong format', JSON.stringify({ hello: 'world' }), /wrong format/],
    ['newer backup', broken((d) => Object.assign(d, { version: 2 })), /version 2/],
    ['no list', broken((d) => Object.assign(d, { annotations: 'x' })), /not a list/],
    ['missing source', broken((d) => { delete d.annotations[2]!.target.source; }), /item 3 .* lacks target\.source/],
    ['bad source', broken((d) => { d.annotations[1]!.target.source = 'nowhere'; }), /item 2 .* not a URL/],
    ['bad position', broken((d) => { d.annotations[0]!.target.selector[1].start = -3; }), /item 1 .* selector 2: TextPositionSelector/],
    ['quote not text', broken((d) => { d.annotations[4]!.target.selector[0].exact = 7; }), /item 5 .* selector 1: TextQuoteSelector needs "exact"/],
    ['no usable selector', broken((d) => { d.annotations[0]!.target.selector = [{ type: 'CssSelector', value: 'p' }]; }), /no TextQuoteSelector/],
    ['bad date', broken((d) => { d.annotations[3]!.created = 'yesterday'; }), /item 4 .*"created" date/],
    ['no id', broken((d) => { delete d.annotations[0]!.id; }), /item 1 has no "id"/],
    ['not an annotation', broken((d) => { d.annotations[0]!.type = 'Note'; }), /not of type "Annotation"/],
    ['image body', broken((d) => { d.annotations[0]!.body = [{ type: 'Image', id: 'x.png' }]; }), /body 1 is not a TextualBody/],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      expect(() => parseImport(text)).toThrow(ImportError);
      expect(() => parseImport(text)).toThrow(message);
    });
  }
});

describe('mergeAnnotations', () => {
  it('merges by id: the newer modified wins, nothing duplicated', () => {
    const older = list[1] as Annotation;
    const newer = editAnnotation(older, { tags: ['disputed'] }, new Date('2024-06-01T00:00:00Z'));
    const stale = editAnnotation(list[2] as Annotation, { note: 'stale' }, new Date('2020-01-01T00:00:00Z'));
    const fresh = note(9);
    const result = mergeAnnotations(list, [newer, stale, fresh, newer]);
    expect(result.annotations).toHaveLength(6);
    expect(new Set(result.annotations.map((a) => a.id)).size).toBe(6);
    expect(tagsOf(result.annotations.find((a) => a.id === older.id) as Annotation)).toEqual(['disputed']);
    expect(result.annotations.find((a) => a.id === stale.id)).toEqual(list[2]);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
    // Merging the other way round gives the same winners.
    const reverse = mergeAnnotations([newer, stale, fresh], list).annotations;
    expect(reverse.find((a) => a.id === older.id)).toEqual(newer);
  });

  it('merges duplicate ids inside one import file', () => {
    const newer = editAnnotation(list[0] as Annotation, { note: 'second thoughts' }, new Date('2024-07-01T00:00:00Z'));
    const parsed = parseImport(JSON.stringify([newer, list[0]])).annotations;
    expect(parsed).toEqual([newer]);
  });
});

describe('export parts and message batches', () => {
  it('builds the same files from parts as from one string, and they import back', () => {
    const now = new Date('2024-05-01T10:00:00Z');
    for (const kind of ['jsonld', 'backup'] as const) {
      const parts = exportParts(kind, list, now);
      expect(parts.length).toBe(list.length + 2);
      const whole = kind === 'jsonld' ? exportJsonLd(list) : exportBackup(list, now);
      expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(whole));
      expect(parseImport(parts.join('')).annotations).toEqual(list);
    }
    expect(JSON.parse(exportParts('backup', [], now).join('')).annotations).toEqual([]);
  });

  it('cuts a list into batches bounded by count and by characters, in order', () => {
    const big = list.map((a, i) => ({ ...a, body: [{ type: 'TextualBody' as const, value: String(i).repeat(1_000), purpose: 'commenting' as const }] }));
    const batches = batchesOf(big, { maxItems: 10, maxChars: 2_500 });
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual(big);
    expect(batchesOf(list, { maxItems: 2, maxChars: MESSAGE_BATCH.maxChars }).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batchesOf([], MESSAGE_BATCH)).toEqual([]);
  });
});
