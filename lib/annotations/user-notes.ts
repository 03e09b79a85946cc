/**
 * The reader's annotations join the claim matching: each annotated sentence becomes a `Sentence` credited to
 * "You" and is added to the background's matcher, so the same claim on another page is recognised. An
 * annotation that matched a corpus claim points its sentence at that claim (the card then shows the claim and
 * the note as "Yours"); one that did not becomes a claim of its own, labelled with the quote.
 */
import type { Claim, Sentence } from '../corpus/types';
import { figuresOrNone } from '../corpus/figures';
import type { CorpusView } from '../match/page';
import { type Annotation, quoteOf } from './model';

/** Prefix of the sentence and claim ids made from annotations (`user-<annotation id>`). */
export const USER_PREFIX = 'user-';
/** Outlet shown for the reader's own sentences. */
export const USER_OUTLET = 'You';
/** Document id of the reader's sentences, and the collection name shown for it. */
export const USER_DOC = 'annotations';
const USER_COLLECTION = 'Your annotations';

/**
 * Shortest quote (in words) that joins the matcher. A word or two ("Assad", "air strike") would be recognised
 * in too many unrelated sentences; the page checker sends nothing shorter than 4 words either.
 */
export const MIN_NOTE_WORDS = 4;

/** Annotation ids already joined, per view (the matcher refuses a sentence id twice). */
const joined = new WeakMap<CorpusView, Set<string>>();

/** Id of the sentence (and of the claim, when it has no corpus claim) made from `annotationId`. */
export function userSentenceId(annotationId: string): string {
  return USER_PREFIX + annotationId;
}

/** The annotated sentence as a corpus-shaped `Sentence`, or null when the quote is too short to match on. */
export function noteSentence(annotation: Annotation): Sentence | null {
  const text = quoteOf(annotation).replace(/\s+/g, ' ').trim();
  if (text.split(' ').filter((w) => /\p{L}|\p{N}/u.test(w)).length < MIN_NOTE_WORDS) return null;
  const id = userSentenceId(annotation.id);
  return {
    id,
    articleId: id,
    docId: USER_DOC,
    line: 0,
    text,
    outlet: USER_OUTLET,
    outletBasis: null,
    date: annotation.created.slice(0, 10),
    claimant: null,
    // A figure the extractor chokes on must not keep the note out of the matching.
    figures: figuresOrNone(text),
  };
}

/** The claim a note's sentence stands for: its corpus claim when known, else a claim of its own. */
function claimOf(view: CorpusView, annotation: Annotation, sentence: Sentence): Claim {
  const corpusClaim = annotation['crosscheck:claim'];
  const known = corpusClaim ? view.claimById.get(corpusClaim) : undefined;
  return known ?? { id: sentence.id, label: sentence.text, sentenceIds: [sentence.id] };
}

/**
 * Adds the annotated sentences of `annotations` to `view` (its matcher and lookups). Idempotent per view;
 * returns how many were added. Removing a note needs a fresh view (the matcher has no removal).
 */
export function joinNotes(view: CorpusView, annotations: readonly Annotation[]): number {
  let done = joined.get(view);
  if (!done) joined.set(view, (done = new Set()));
  const fresh: Sentence[] = [];
  for (const annotation of annotations) {
    if (done.has(annotation.id)) continue;
    done.add(annotation.id);
    const sentence = noteSentence(annotation);
    if (!sentence || view.sentenceById.has(sentence.id)) continue;
    const claim = claimOf(view, annotation, sentence);
    view.sentenceById.set(sentence.id, sentence);
    view.claimBySentence.set(sentence.id, claim);
    if (!view.claimById.has(claim.id)) view.claimById.set(claim.id, claim);
    fresh.push(sentence);
  }
  if (fresh.length > 0) {
    view.fileByDoc.set(USER_DOC, USER_COLLECTION);
    view.matcher.add(fresh);
  }
  return fresh.length;
}

/**
 * The annotations that belong to any of `claims`: those recorded on a corpus claim, and those whose own
 * sentence is the claim (`user-<id>`).
 */
export function annotationsOnClaims(annotations: readonly Annotation[], claims: readonly string[]): Annotation[] {
  const wanted = new Set(claims);
  return annotations.filter((a) => {
    const claim = a['crosscheck:claim'];
    return (claim !== undefined && wanted.has(claim)) || wanted.has(userSentenceId(a.id));
  });
}
