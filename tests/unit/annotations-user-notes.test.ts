/**
 * The reader's notes join the real corpus matcher: a sentence annotated on one page is recognised on another,
 * credited to "You", and mapped to the corpus claim it was matched to when there was one.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Annotation, createAnnotation } from '../../lib/annotations/model';
import { MIN_NOTE_WORDS, USER_OUTLET, annotationsOnClaims, joinNotes, noteSentence, userSentenceId } from '../../lib/annotations/user-notes';
import type { Corpus } from '../../lib/corpus/types';
import { CorpusView, matchSentence } from '../../lib/match/page';

const corpus = JSON.parse(readFileSync(new URL('../../data/corpus.json', import.meta.url), 'utf8')) as Corpus;

/** Not in the corpus (a local news story from the fixture pages). */
const LIBRARY = "Riverside's central library reopened its doors on Saturday after a £4.2 million refurbishment that took almost two years.";

function annotate(quote: string, id: string, claim?: string): Annotation {
  const page = `Intro text. ${quote} Outro text.`;
  const start = page.indexOf(quote);
  return createAnnotation({
    pageText: page, start, end: start + quote.length, note: 'check this', tags: ['follow up'],
    canonicalUrl: 'https://news.example/one', seenUrl: 'https://news.example/one', now: new Date('2024-05-01T10:00:00Z'),
    id, ...(claim ? { claimId: claim } : {}),
  });
}

function match(view: CorpusView, text: string) {
  return matchSentence(view, { start: 0, end: text.length, text });
}

describe('notes in the matching', () => {
  let view: CorpusView;
  beforeAll(() => {
    view = CorpusView.fromCorpus(corpus);
  });

  it('a sentence the corpus does not know is recognised once annotated, as the reader\'s own', () => {
    expect(match(view, LIBRARY)).toBeNull();
    const note = annotate(LIBRARY, 'urn:uuid:lib-1');
    expect(joinNotes(view, [note])).toBe(1);
    expect(joinNotes(view, [note])).toBe(0); // idempotent
    const again = match(view, LIBRARY);
    expect(again?.claim).toBe(userSentenceId(note.id));
    expect(again?.mentions.map((m) => m.outlet)).toEqual([USER_OUTLET]);
    // A near restatement on another page is recognised too.
    const restated = "On Saturday Riverside's central library reopened its doors after a £4.2 million refurbishment that took almost two years.";
    expect(match(view, restated)?.claim).toBe(userSentenceId(note.id));
    // An unrelated sentence is not.
    expect(match(view, 'The council will vote on the new bus routes for the northern estates next month.')).toBeNull();
  });

  it('a note on a corpus claim points the sentence at that claim', () => {
    const claim = corpus.claims.find((c) => c.sentenceIds.length >= 2 && c.label.split(' ').length >= 10);
    expect(claim).toBeDefined();
    if (!claim) return;
    const note = annotate(claim.label, 'urn:uuid:claim-1', claim.id);
    joinNotes(view, [note]);
    expect(view.claimBySentence.get(userSentenceId(note.id))?.id).toBe(claim.id);
    expect(match(view, claim.label)?.claim).toBe(claim.id);
    expect(annotationsOnClaims([note], [claim.id]).map((a) => a.id)).toEqual([note.id]);
    expect(annotationsOnClaims([note], ['c-other'])).toEqual([]);
  });

  it('quotes too short to say anything are kept out of the matcher', () => {
    const short = annotate('Assad', 'urn:uuid:short');
    expect(MIN_NOTE_WORDS).toBeGreaterThan(1);
    expect(noteSentence(short)).toBeNull();
    expect(joinNotes(view, [short])).toBe(0);
  });
});
