/**
 * Checks one untrusted JSON value (from an import file, another tool, an old backup) and turns it into an
 * {@link Annotation} in Crosscheck's normal form, or throws an {@link ImportError} that says what is wrong
 * and where. Normal form: body and selector always arrays, dates as UTC ISO strings, `@context` set.
 */
import {
  ANNO_CONTEXT,
  MAX_LABEL_CHARS,
  type Annotation,
  type AnnotationTarget,
  type Selector,
  type TextualBody,
} from './model';

/**
 * Longest note kept, in characters (about eight pages of text). Far above any reader's note, and it bounds
 * what one stored annotation costs: a page could otherwise store notes of any size and make the list too
 * large to send (Chrome caps a message at 64 MiB).
 */
export const MAX_NOTE_CHARS = 20_000;
/** Most tags on one note, and longest tag: tags are words to filter by, not text. */
export const MAX_TAGS = 50;
/** Longest tag, in characters. */
export const MAX_TAG_CHARS = 100;
/** Longest quote with its context, in characters (a long selection of a page; anchoring needs no more). */
export const MAX_QUOTE_CHARS = 20_000;
/** Longest page address or id kept (browsers handle longer URLs, but no article needs them). */
export const MAX_URL_CHARS = 4_096;
/** A `modified` or `created` date this far ahead of now is a wrong clock or a crafted file, not a future edit. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** An import file was rejected; `message` is meant for the reader. Nothing was written. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** W3C lets a single value stand for an array of one. */
function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when `value` is `type` or an array of types that contains it (JSON-LD allows both). */
export function hasType(value: unknown, type: string): boolean {
  return isObject(value) && asArray(value.type).includes(type);
}

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function optionalString(obj: Json, key: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ImportError(`${where}: "${key}" must be text`);
  return value;
}

function validBody(value: unknown, where: string): TextualBody {
  if (!isObject(value) || (value.type !== undefined && !hasType(value, 'TextualBody'))) {
    throw new ImportError(`${where} is not a TextualBody (Crosscheck keeps only text notes and tags)`);
  }
  if (typeof value.value !== 'string') throw new ImportError(`${where} has no text "value"`);
  // Other purposes (describing, replying, ...) are still the reader's words: keep them as the note.
  const purpose = value.purpose === 'tagging' ? 'tagging' : 'commenting';
  return { type: 'TextualBody', value: value.value, purpose };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function validSelector(value: unknown, where: string): Selector | null {
  if (!isObject(value)) throw new ImportError(`${where} is not an object`);
  if (value.type === 'TextQuoteSelector') {
    if (typeof value.exact !== 'string') throw new ImportError(`${where}: TextQuoteSelector needs "exact" text`);
    const selector: Selector = { type: 'TextQuoteSelector', exact: value.exact };
    const prefix = optionalString(value, 'prefix', where);
    const suffix = optionalString(value, 'suffix', where);
    if (prefix !== undefined) selector.prefix = prefix;
    if (suffix !== undefined) selector.suffix = suffix;
    return selector;
  }
  if (value.type === 'TextPositionSelector') {
    if (!isOffset(value.start) || !isOffset(value.end) || value.start > value.end) {
      throw new ImportError(`${where}: TextPositionSelector needs whole numbers 0 <= start <= end`);
    }
    return { type: 'TextPositionSelector', start: value.start, end: value.end };
  }
  return null; // Other selector kinds (CSS, XPath, Range) cannot be re-anchored here; ignore them.
}

function validTarget(value: unknown, where: string): AnnotationTarget {
  if (Array.isArray(value)) throw new ImportError(`${where} has several targets; Crosscheck keeps one per note`);
  if (!isObject(value) || typeof value.source !== 'string' || !value.source) {
    throw new ImportError(`${where} lacks target.source (the page address)`);
  }
  if (!URL.canParse(value.source)) throw new ImportError(`${where}: target.source is not a URL`);
  const selector = asArray(value.selector)
    .map((s, k) => validSelector(s, `${where}, selector ${k + 1}`))
    .filter((s): s is Selector => s !== null);
  if (selector.length === 0) {
    throw new ImportError(`${where} has no TextQuoteSelector or TextPositionSelector to find its sentence`);
  }
  const target: AnnotationTarget = { source: value.source, selector };
  const scope = optionalString(value, 'scope', `${where}, target`);
  if (scope !== undefined) target.scope = scope;
  return target;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Checks the size limits above; throws an ImportError saying which limit and by how much. */
function checkSizes(a: Annotation, where: string): void {
  const note = a.body.filter((b) => b.purpose === 'commenting').reduce((n, b) => n + b.value.length, 0);
  if (note > MAX_NOTE_CHARS) throw new ImportError(`${where}: the note has ${count(note)} characters; a note can have at most ${count(MAX_NOTE_CHARS)}`);
  const tags = a.body.filter((b) => b.purpose === 'tagging');
  if (tags.length > MAX_TAGS) throw new ImportError(`${where} has ${count(tags.length)} tags; a note can have at most ${MAX_TAGS}`);
  if (tags.some((t) => t.value.length > MAX_TAG_CHARS)) throw new ImportError(`${where} has a tag longer than ${MAX_TAG_CHARS} characters`);
  const quote = a.target.selector.reduce((n, s) => n + (s.type === 'TextQuoteSelector' ? s.exact.length + (s.prefix?.length ?? 0) + (s.suffix?.length ?? 0) : 0), 0);
  if (quote > MAX_QUOTE_CHARS) throw new ImportError(`${where}: the quoted text has ${count(quote)} characters; at most ${count(MAX_QUOTE_CHARS)} are kept`);
  if (a.target.selector.length > MAX_TAGS) throw new ImportError(`${where} has ${count(a.target.selector.length)} selectors; at most ${MAX_TAGS} are kept`);
  const long = [a.id, a.target.source, a.target.scope ?? '', a['crosscheck:claim'] ?? ''].some((v) => v.length > MAX_URL_CHARS);
  if (long) throw new ImportError(`${where} has an id, address or claim longer than ${count(MAX_URL_CHARS)} characters`);
  const labels = [a['crosscheck:claimLabel'] ?? '', a['crosscheck:title'] ?? ''];
  if (labels.some((v) => v.length > MAX_LABEL_CHARS)) throw new ImportError(`${where} has a title or claim label longer than ${count(MAX_LABEL_CHARS)} characters`);
}

/**
 * A copy whose `created` and `modified` are not later than `now` (plus a little clock skew). A note dated in
 * the future could never be edited: every later save looks older than it.
 */
export function clampFutureDates(a: Annotation, now: Date): Annotation {
  const limit = now.getTime() + FUTURE_SKEW_MS;
  const stamp = now.toISOString();
  const created = Date.parse(a.created) > limit ? stamp : a.created;
  const modified = Date.parse(a.modified) > limit ? stamp : a.modified;
  return created === a.created && modified === a.modified ? a : { ...a, created, modified };
}

/**
 * Validates one annotation. `index` is 0-based; messages say "item N" counting from 1, or `name` when given
 * (e.g. "This note" for a save). Enforces the size
 * limits ({@link MAX_NOTE_CHARS} and the others).
 * @throws ImportError naming the item and the problem.
 */
export function validateAnnotation(value: unknown, index: number, name?: string): Annotation {
  let where = name ?? `item ${index + 1}`;
  if (!isObject(value)) throw new ImportError(`${where} is not an object`);
  if (typeof value.id !== 'string' || !value.id) throw new ImportError(`${where} has no "id"`);
  if (name === undefined) where += ` (${value.id.slice(0, 100)})`;
  if (!hasType(value, 'Annotation')) throw new ImportError(`${where} is not of type "Annotation"`);
  const created = isoDate(value.created ?? value.modified);
  if (!created) throw new ImportError(`${where} lacks a valid "created" date`);
  const modified = value.modified === undefined ? created : isoDate(value.modified);
  if (!modified) throw new ImportError(`${where} has an invalid "modified" date`);
  const body = asArray(value.body).map((b, k) => validBody(b, `${where}, body ${k + 1}`));
  const annotation: Annotation = {
    '@context': ANNO_CONTEXT,
    id: value.id,
    type: 'Annotation',
    created,
    modified,
    body,
    target: validTarget(value.target, where),
  };
  const claim = optionalString(value, 'crosscheck:claim', where);
  if (claim !== undefined) annotation['crosscheck:claim'] = claim;
  for (const key of ['crosscheck:claimLabel', 'crosscheck:title'] as const) {
    const text = optionalString(value, key, where);
    if (text !== undefined) annotation[key] = text;
  }
  checkSizes(annotation, where);
  return annotation;
}
