/**
 * A reader's note on a sentence of a page, in the W3C Web Annotation data model
 * (https://www.w3.org/TR/annotation-model/). The note and its tags are `TextualBody` bodies; the sentence is
 * described by selectors on the page text (a quote with its context plus character positions), never by a DOM
 * reference, so it can be re-anchored after the page changes (see `./anchor`).
 */

/** JSON-LD context of the W3C Web Annotation vocabulary. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Characters of context kept on each side of the quote. Longer context disambiguates repeated quotes better
 * but is more likely to be touched by an unrelated edit nearby; 32 is what Hypothesis and the spec examples use.
 */
export const CONTEXT_LENGTH = 32;

/** Longest page title or claim label kept with a note (a label is one sentence; a title is a line). */
export const MAX_LABEL_CHARS = 1_000;

/** Tags the UI offers first; any other non-empty tag is allowed. */
export const SUGGESTED_TAGS = ['disputed', 'verified', 'follow up'] as const;

/** The quoted text with the text just before and after it. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Character offsets `[start, end)` in the page text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The selectors Crosscheck writes and reads. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** A plain-text body: the note (`commenting`) or one tag (`tagging`). */
export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
}

/** The annotated sentence: which page, and where on it. */
export interface AnnotationTarget {
  /** Canonical URL of the page (see `canonicalUrlOf` in `lib/dom/anchor`). */
  source: string;
  /** URL the page was seen at, when it differs from `source` (AMP, tracking parameters, mirrors). */
  scope?: string;
  selector: Selector[];
}

/** One W3C Web Annotation as Crosscheck stores it. */
export interface Annotation {
  '@context'?: typeof ANNO_CONTEXT;
  /** `urn:uuid:...` for annotations made here; imported ones keep their IRI. */
  id: string;
  type: 'Annotation';
  /** ISO 8601, UTC (`Date.prototype.toISOString`). */
  created: string;
  /** ISO 8601, UTC; the newer `modified` wins when two copies of one annotation meet. */
  modified: string;
  body: TextualBody[];
  target: AnnotationTarget;
  /** Id of the corpus claim the sentence was matched to, when there was one. */
  'crosscheck:claim'?: string;
  /** That claim's label as it read when the note was saved (the annotations page has no corpus at hand). */
  'crosscheck:claimLabel'?: string;
  /** Title of the page the note was made on, when saved (notes from before issue 12 have none). */
  'crosscheck:title'?: string;
}

/** What `createAnnotation` needs. `now` and `id` are passed in so the model stays pure and testable. */
export interface NewAnnotation {
  /** The page text the offsets refer to (as built by `lib/dom/anchor`'s `pageTextMap`). */
  pageText: string;
  start: number;
  end: number;
  note: string;
  tags: readonly string[];
  canonicalUrl: string;
  seenUrl: string;
  claimId?: string;
  claimLabel?: string;
  /** The page's title (`document.title`); blank titles are not stored. */
  title?: string;
  now: Date;
  /** Full id, e.g. from {@link newAnnotationId}. */
  id: string;
}

/** A fresh `urn:uuid:` id. */
export function newAnnotationId(uuid: () => string = () => crypto.randomUUID()): string {
  return `urn:uuid:${uuid()}`;
}

/** Trims tags, drops empty ones and duplicates (case-insensitive), keeping first spelling and order. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** Builds the body array: the note first (omitted when blank), then one tagging body per tag. */
export function makeBody(note: string, tags: readonly string[]): TextualBody[] {
  const body: TextualBody[] = [];
  if (note.trim()) body.push({ type: 'TextualBody', value: note, purpose: 'commenting' });
  for (const tag of cleanTags(tags)) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return body;
}

/** Quote and position selectors for `[start, end)` of `text`. @throws RangeError on bad offsets. */
export function selectorsFor(text: string, start: number, end: number): Selector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`bad selection [${start}, ${end}) in a text of length ${text.length}`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** A new annotation on `[start, end)` of the page text. @throws RangeError on bad offsets. */
export function createAnnotation(input: NewAnnotation): Annotation {
  const stamp = input.now.toISOString();
  const target: AnnotationTarget = {
    source: input.canonicalUrl,
    selector: selectorsFor(input.pageText, input.start, input.end),
  };
  if (input.seenUrl && input.seenUrl !== input.canonicalUrl) target.scope = input.seenUrl;
  const annotation: Annotation = {
    '@context': ANNO_CONTEXT,
    id: input.id,
    type: 'Annotation',
    created: stamp,
    modified: stamp,
    body: makeBody(input.note, input.tags),
    target,
  };
  if (input.claimId) annotation['crosscheck:claim'] = input.claimId;
  if (input.claimId && input.claimLabel) annotation['crosscheck:claimLabel'] = input.claimLabel.slice(0, MAX_LABEL_CHARS);
  const title = input.title?.replace(/\s+/g, ' ').trim();
  if (title) annotation['crosscheck:title'] = title.slice(0, MAX_LABEL_CHARS);
  return annotation;
}

/** A copy with a new note and/or tags and `modified` set to `now`. */
export function editAnnotation(
  annotation: Annotation,
  change: { note?: string; tags?: readonly string[] },
  now: Date,
): Annotation {
  const body = makeBody(change.note ?? noteOf(annotation), change.tags ?? tagsOf(annotation));
  return { ...annotation, body, modified: now.toISOString() };
}

/** The note (all commenting bodies, joined by blank lines), or '' when there is none. */
export function noteOf(annotation: Annotation): string {
  return annotation.body
    .filter((b) => b.purpose === 'commenting')
    .map((b) => b.value)
    .join('\n\n');
}

/** The tags, in order. */
export function tagsOf(annotation: Annotation): string[] {
  return annotation.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
}

/** The quote selector, if any. */
export function quoteSelectorOf(annotation: Annotation): TextQuoteSelector | undefined {
  return annotation.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** The position selector, if any. */
export function positionSelectorOf(annotation: Annotation): TextPositionSelector | undefined {
  return annotation.target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** The quoted text ('' when the annotation only has positions). */
export function quoteOf(annotation: Annotation): string {
  return quoteSelectorOf(annotation)?.exact ?? '';
}
