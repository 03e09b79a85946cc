/**
 * Import and export of annotations.
 *
 * Two export formats:
 * - W3C Web Annotation JSON-LD: an `AnnotationCollection` whose embedded first page (`first`, an
 *   `AnnotationPage`) holds the `items`, as in section 5 of the W3C Web Annotation Protocol/Model. This is the
 *   shape other annotation tools read; `@context` is given once at the top, not on each item.
 * - A plain JSON backup: `{ format: 'crosscheck-annotations', version: 1, exportedAt, annotations }`.
 *
 * {@link parseImport} reads both, plus a bare array of annotations, a single annotation, a page, and a
 * collection with `items` directly on it. It validates every item before returning, so a caller that writes
 * only after it returns writes all or nothing.
 */
import { ANNO_CONTEXT, type Annotation } from './model';
import { ImportError, hasType, validateAnnotation } from './validate';

export { ImportError } from './validate';

/** Name of the backup format, so a backup is recognised whatever its file name. */
export const BACKUP_FORMAT = 'crosscheck-annotations';
/** Backup format version written by this code; files with a higher version are refused, not misread. */
export const BACKUP_VERSION = 1;
/** Largest number of annotations one import accepts; more is almost certainly not a reader's own notes. */
export const MAX_IMPORT_ITEMS = 100_000;

/** The plain JSON backup. */
export interface AnnotationBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  annotations: Annotation[];
}

/** The W3C JSON-LD export. */
export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Omit<Annotation, '@context'>[] };
}

/** Builds the W3C `AnnotationCollection` (items without their own `@context`). */
export function toAnnotationCollection(annotations: readonly Annotation[]): AnnotationCollection {
  const items = annotations.map(({ '@context': _context, ...rest }) => rest);
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Crosscheck annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** Builds the plain backup object. */
export function toBackup(annotations: readonly Annotation[], now: Date): AnnotationBackup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), annotations: [...annotations] };
}

/** The W3C JSON-LD export as file text. */
export function exportJsonLd(annotations: readonly Annotation[]): string {
  return JSON.stringify(toAnnotationCollection(annotations), null, 2);
}

/** The plain backup as file text. */
export function exportBackup(annotations: readonly Annotation[], now: Date): string {
  return JSON.stringify(toBackup(annotations, now), null, 2);
}

type Json = Record<string, unknown>;

function itemsOfCollection(doc: Json): unknown {
  if (doc.items !== undefined) return doc.items;
  if (typeof doc.first === 'string') {
    throw new ImportError('This collection links to its pages instead of containing them; export it with embedded items');
  }
  if (typeof doc.first === 'object' && doc.first !== null) return (doc.first as Json).items ?? [];
  return [];
}

function itemsOfBackup(doc: Json): unknown {
  if (typeof doc.version !== 'number' || doc.version > BACKUP_VERSION) {
    throw new ImportError(`This backup has format version ${String(doc.version)}; this Crosscheck reads version ${BACKUP_VERSION}. Update Crosscheck first`);
  }
  return doc.annotations;
}

/** The list of raw items in any supported shape. @throws ImportError for an unknown shape. */
function rawItems(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (typeof doc !== 'object' || doc === null) throw new ImportError('This file holds no annotations (expected a JSON object or array)');
  const obj = doc as Json;
  let items: unknown;
  if (obj.format === BACKUP_FORMAT) items = itemsOfBackup(obj);
  else if (hasType(obj, 'AnnotationCollection')) items = itemsOfCollection(obj);
  else if (hasType(obj, 'AnnotationPage')) items = obj.items;
  else if (hasType(obj, 'Annotation')) items = [obj];
  else throw new ImportError('This is not a Crosscheck backup nor a W3C Web Annotation file (wrong format)');
  if (!Array.isArray(items)) throw new ImportError('The list of annotations in this file is missing or not a list');
  return items;
}

/**
 * Parses and validates an import file. Items with the same id are merged (newer `modified` wins).
 * @throws ImportError with a message for the reader; nothing has been written when it throws.
 */
export function parseImport(text: string): { annotations: Annotation[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`This file is not JSON (${(error as Error).message})`);
  }
  const items = rawItems(doc);
  if (items.length > MAX_IMPORT_ITEMS) {
    throw new ImportError(`This file has ${items.length} annotations; at most ${MAX_IMPORT_ITEMS} can be imported at once`);
  }
  const valid = items.map((item, i) => validateAnnotation(item, i));
  return { annotations: mergeAnnotations([], valid).annotations };
}

/** True when `candidate` should replace `current`: strictly newer `modified` (a tie keeps what is there). */
export function isNewer(candidate: Annotation, current: Annotation): boolean {
  return Date.parse(candidate.modified) > Date.parse(current.modified);
}

/** Outcome of a merge, with counts for the "12 added, 3 updated" message. */
export interface MergeResult {
  annotations: Annotation[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges `incoming` into `existing` by id: a new id is appended, a known id is replaced only by a newer
 * `modified`. Never yields two annotations with one id (duplicates inside `incoming` merge the same way).
 */
export function mergeAnnotations(existing: readonly Annotation[], incoming: readonly Annotation[]): MergeResult {
  const byId = new Map<string, Annotation>();
  for (const a of existing) if (!byId.has(a.id) || isNewer(a, byId.get(a.id) as Annotation)) byId.set(a.id, a);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const a of incoming) {
    const current = byId.get(a.id);
    if (!current) added++;
    else if (isNewer(a, current)) updated++;
    else {
      unchanged++;
      continue;
    }
    byId.set(a.id, a);
  }
  return { annotations: [...byId.values()], added, updated, unchanged };
}

/** Which export file to make: the W3C JSON-LD collection or the plain backup. */
export type ExportKind = 'jsonld' | 'backup';

/**
 * The export file as a list of text parts (header, one part per annotation, footer), for `new Blob(parts)`:
 * a store of any size is written without building one string of it. Parsed, the parts give the same object
 * as {@link toAnnotationCollection} or {@link toBackup}.
 */
export function exportParts(kind: ExportKind, annotations: readonly Annotation[], now: Date): string[] {
  const items =
    kind === 'jsonld'
      ? annotations.map(({ '@context': _context, ...rest }, i) => `${i === 0 ? '' : ',\n'}${JSON.stringify(rest)}`)
      : annotations.map((a, i) => `${i === 0 ? '' : ',\n'}${JSON.stringify(a)}`);
  if (kind === 'backup') {
    const head = `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},"annotations":[\n`;
    return [head, ...items, '\n]}\n'];
  }
  const head = `{"@context":${JSON.stringify(ANNO_CONTEXT)},"type":"AnnotationCollection","label":"Crosscheck annotations","total":${annotations.length},"first":{"type":"AnnotationPage","startIndex":0,"items":[\n`;
  return [head, ...items, '\n]}}\n'];
}

/** Bounds of one message's worth of annotations (Chrome caps a message at 64 MiB). */
export interface BatchBounds {
  maxItems: number;
  /** Characters of JSON; a batch ends after the item that reaches it. */
  maxChars: number;
}

/**
 * Bounds of every batch of notes sent between the background and the annotations page (list, export, import).
 * Far below Chrome's 64 MiB message cap whatever the notes hold (one note is at most ~60,000 characters, see
 * `./validate`); large enough that 80,000 notes cross in about 40 batches.
 */
export const MESSAGE_BATCH: BatchBounds = { maxItems: 2_000, maxChars: 4 * 1024 * 1024 };

/** `list` cut into consecutive batches within `bounds` (an item larger than `maxChars` is a batch of its own). */
export function batchesOf<T>(list: readonly T[], bounds: BatchBounds): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of list) {
    current.push(item);
    chars += JSON.stringify(item).length;
    if (current.length >= bounds.maxItems || chars >= bounds.maxChars) {
      batches.push(current);
      current = [];
      chars = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
