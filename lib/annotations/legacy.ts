/**
 * The version 1 annotation record (the first prototype stored flat records) and its conversion to the W3C
 * shape. Kept pure so the database migration and its tests share one definition.
 */
import { ANNO_CONTEXT, type Annotation, type AnnotationTarget, makeBody } from './model';
import { cleanPageUrl } from './url';

/** A record of database version 1: one flat object per note, tags as one comma-separated string. */
export interface AnnotationV1 {
  /** A bare UUID (v1 did not use `urn:uuid:`). */
  id: string;
  /** The address the page was seen at, tracking parameters and all. */
  url: string;
  /** The selected text, without context or offsets. */
  quote: string;
  note: string;
  /** Comma-separated, e.g. "disputed, follow up". */
  tags: string;
  /** Milliseconds since the epoch. */
  created: number;
}

function idOf(v1Id: unknown): string {
  const id = String(v1Id);
  return id.startsWith('urn:') || /^[a-z][a-z0-9+.-]*:\/\//i.test(id) ? id : `urn:uuid:${id}`;
}

function dateOf(created: unknown): string {
  const time = typeof created === 'number' ? created : Date.parse(String(created));
  return new Date(Number.isFinite(time) ? time : 0).toISOString();
}

function targetOf(url: string, quote: string): AnnotationTarget {
  const source = cleanPageUrl(url) ?? url;
  const target: AnnotationTarget = { source, selector: [{ type: 'TextQuoteSelector', exact: quote }] };
  if (source !== url) target.scope = url;
  return target;
}

/**
 * Converts a version 1 record. Total by design: a damaged field becomes an empty or epoch value rather than
 * an exception, because a migration that throws would strand every other note in the old database.
 */
export function annotationFromV1(record: Partial<AnnotationV1>): Annotation {
  const created = dateOf(record.created);
  const tags = String(record.tags ?? '').split(/[,;]/);
  return {
    '@context': ANNO_CONTEXT,
    id: idOf(record.id),
    type: 'Annotation',
    created,
    modified: created,
    body: makeBody(String(record.note ?? ''), tags),
    target: targetOf(String(record.url ?? ''), String(record.quote ?? '')),
  };
}
