import { describe, expect, it } from 'vitest';
import { annotationFromV1 } from '../../lib/annotations/legacy';
import {
  CONTEXT_LENGTH,
  createAnnotation,
  editAnnotation,
  newAnnotationId,
  noteOf,
  positionSelectorOf,
  quoteOf,
  quoteSelectorOf,
  tagsOf,
} from '../../lib/annotations/model';
import { cleanPageUrl } from '../../lib/annotations/url';

const pageText =
  'Russian warplanes struck targets in Idlib province on Saturday, the Observatory said. ' +
  'At least 12 civilians were killed in the raids on Saraqeb, according to local medics. ' +
  'Moscow denied hitting residential areas.';
const quote = 'At least 12 civilians were killed in the raids on Saraqeb, according to local medics.';
const start = pageText.indexOf(quote);
const now = new Date('2024-05-01T10:00:00Z');

function make(overrides: Partial<Parameters<typeof createAnnotation>[0]> = {}) {
  return createAnnotation({
    pageText, start, end: start + quote.length, note: 'Medics count differs from ministry.',
    tags: ['disputed', ' follow up ', 'Disputed', ''], canonicalUrl: 'https://news.example/story',
    seenUrl: 'https://news.example/story?utm_source=x', claimId: 'claim-17', now, id: 'urn:uuid:1', ...overrides,
  });
}

describe('createAnnotation', () => {
  it('builds a W3C annotation with quote, context and positions', () => {
    const a = make();
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:1', type: 'Annotation', created: now.toISOString(), modified: now.toISOString(),
      'crosscheck:claim': 'claim-17',
      target: { source: 'https://news.example/story', scope: 'https://news.example/story?utm_source=x' },
    });
    expect(quoteSelectorOf(a)).toEqual({
      type: 'TextQuoteSelector', exact: quote,
      prefix: pageText.slice(start - CONTEXT_LENGTH, start), suffix: pageText.slice(start + quote.length, start + quote.length + CONTEXT_LENGTH),
    });
    expect(quoteSelectorOf(a)?.prefix).toHaveLength(32);
    expect(positionSelectorOf(a)).toEqual({ type: 'TextPositionSelector', start, end: start + quote.length });
    expect(quoteOf(a)).toBe(quote);
  });

  it('keeps the note and cleaned, de-duplicated tags', () => {
    const a = make();
    expect(noteOf(a)).toBe('Medics count differs from ministry.');
    expect(tagsOf(a)).toEqual(['disputed', 'follow up']);
    expect(a.body[0]).toEqual({ type: 'TextualBody', value: 'Medics count differs from ministry.', purpose: 'commenting' });
  });

  it('omits blank notes, a scope equal to the source, and a missing claim; shortens context at the edges', () => {
    const a = make({ note: '  ', seenUrl: 'https://news.example/story', claimId: undefined, start: 0, end: 8 });
    expect(a.body.every((b) => b.purpose === 'tagging')).toBe(true);
    expect(a.target.scope).toBeUndefined();
    expect(a['crosscheck:claim']).toBeUndefined();
    expect(quoteSelectorOf(a)?.prefix).toBe('');
  });

  it('rejects empty or out-of-range selections', () => {
    expect(() => make({ start: 5, end: 5 })).toThrow(RangeError);
    expect(() => make({ start: 0, end: pageText.length + 1 })).toThrow(RangeError);
  });

  it('edits note and tags and bumps modified', () => {
    const later = new Date('2024-05-02T08:00:00Z');
    const b = editAnnotation(make(), { tags: ['verified'] }, later);
    expect(tagsOf(b)).toEqual(['verified']);
    expect(noteOf(b)).toBe('Medics count differs from ministry.');
    expect(b.modified).toBe(later.toISOString());
    expect(b.created).toBe(now.toISOString());
  });

  it('makes urn:uuid ids', () => {
    expect(newAnnotationId()).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(newAnnotationId()).not.toBe(newAnnotationId());
  });
});

describe('cleanPageUrl', () => {
  it('drops the fragment and tracking parameters, keeps the rest in order', () => {
    expect(cleanPageUrl('https://a.example/s?id=4&utm_source=tw&UTM_Medium=x&fbclid=1&page=2#comments'))
      .toBe('https://a.example/s?id=4&page=2');
    expect(cleanPageUrl('https://a.example/s?utm_campaign=z')).toBe('https://a.example/s');
  });
  it('refuses non-http URLs and garbage', () => {
    expect(cleanPageUrl('about:blank')).toBeNull();
    expect(cleanPageUrl('not a url')).toBeNull();
  });
});

describe('annotationFromV1', () => {
  it('converts a flat v1 record', () => {
    const a = annotationFromV1({
      id: '9b1d', url: 'https://b.example/x?utm_source=nl', quote: 'Q', note: 'N', tags: 'disputed, follow up,', created: 1_700_000_000_000,
    });
    expect(a.id).toBe('urn:uuid:9b1d');
    expect(a.target).toEqual({ source: 'https://b.example/x', scope: 'https://b.example/x?utm_source=nl', selector: [{ type: 'TextQuoteSelector', exact: 'Q' }] });
    expect(tagsOf(a)).toEqual(['disputed', 'follow up']);
    expect(noteOf(a)).toBe('N');
    expect(a.created).toBe(new Date(1_700_000_000_000).toISOString());
  });
  it('never throws on damaged records', () => {
    const a = annotationFromV1({ id: 'x' });
    expect(a.created).toBe(new Date(0).toISOString());
    expect(quoteOf(a)).toBe('');
  });
});
