/**
 * Checks one untrusted JSON value (from an import file, another tool, an old backup) and turns it into an
 * {@link Annotation} in Crosscheck's normal form, or throws an {@link ImportError} that says what is wrong
 * and where. Normal form: body and selector always arrays, dates as UTC ISO strings, `@context` set.
 */
import {
  ANNO_CONTEXT,
  type Annotation,
  type AnnotationTarget,
  type Selector,
  type TextualBody,
} from './model';

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

/**
 * Validates one annotation. `index` is 0-based; messages say "item N" counting from 1.
 * @throws ImportError naming the item and the problem.
 */
export function validateAnnotation(value: unknown, index: number): Annotation {
  let where = `item ${index + 1}`;
  if (!isObject(value)) throw new ImportError(`${where} is not an object`);
  if (typeof value.id !== 'string' || !value.id) throw new ImportError(`${where} has no "id"`);
  where += ` (${value.id})`;
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
  return annotation;
}
