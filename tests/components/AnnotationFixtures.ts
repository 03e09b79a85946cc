/**
 * Realistic annotations for the annotation component tests: real corpus sentences, annotated in the page text
 * of their article (its sentences joined) through the real `createAnnotation`, on the outlet's site.
 */
import type { Corpus, Sentence } from '../../lib/corpus/types';
import { type Annotation, createAnnotation, editAnnotation } from '../../lib/annotations/model';
import { committedCorpus } from '../unit/corpus-helpers';

/** Site of each outlet credited in the corpus (the corpus itself keeps no URLs). */
const OUTLET_SITES: Record<string, string> = {
  Reuters: 'www.reuters.com',
  'Associated Press': 'apnews.com',
  'Fars News Agency': 'en.farsnews.ir',
  'The Guardian': 'www.theguardian.com',
  AFP: 'www.afp.com',
};

/** The `n`-th (0-based) short sentence credited to `outlet`. */
export function sentenceOf(outlet: string, n = 0, corpus: Corpus = committedCorpus()): Sentence {
  const found = corpus.sentences.filter((s) => s.outlet === outlet && s.text.length < 220)[n];
  if (!found) throw new Error(`no sentence ${n} from ${outlet}`);
  return found;
}

/** The page text of a sentence's article: its sentences in order, one space apart. */
function articleText(sentence: Sentence, corpus: Corpus): string {
  return corpus.sentences.filter((s) => s.articleId === sentence.articleId).map((s) => s.text).join(' ');
}

/** Id of the claim the sentence belongs to. */
export function claimOf(sentence: Sentence, corpus: Corpus = committedCorpus()): string | undefined {
  return corpus.claims.find((c) => c.sentenceIds.includes(sentence.id))?.id;
}

/** What {@link annotate} needs beyond the sentence. */
export interface AnnotateOptions {
  note: string;
  tags?: string[];
  day: string;
  id: string;
  withClaim?: boolean;
  seenQuery?: string;
}

/** An annotation on `sentence`, made at noon UTC on `day` (YYYY-MM-DD). */
export function annotate(sentence: Sentence, o: AnnotateOptions, corpus: Corpus = committedCorpus()): Annotation {
  const pageText = articleText(sentence, corpus);
  const start = pageText.indexOf(sentence.text);
  if (start < 0) throw new Error(`sentence ${sentence.id} not in its article text`);
  const host = OUTLET_SITES[sentence.outlet ?? ''] ?? 'example.org';
  const canonicalUrl = `https://${host}/world/middle-east/${sentence.articleId.toLowerCase()}`;
  return createAnnotation({
    pageText,
    start,
    end: start + sentence.text.length,
    note: o.note,
    tags: o.tags ?? [],
    canonicalUrl,
    seenUrl: o.seenQuery ? `${canonicalUrl}?${o.seenQuery}` : canonicalUrl,
    claimId: o.withClaim ? claimOf(sentence, corpus) : undefined,
    now: new Date(`${o.day}T12:00:00Z`),
    id: o.id,
  });
}

/** Five annotations on four sites, with every tag kind, a claim, an edited one and one without tags. */
export function sampleAnnotations(): Annotation[] {
  const edited = annotate(sentenceOf('Reuters', 1), { note: 'First draft', tags: ['Disputed'], day: '2024-02-20', id: 'urn:uuid:e' });
  return [
    annotate(sentenceOf('Reuters'), { note: 'Government denial; compare with the OPCW findings.', tags: ['disputed'], day: '2024-03-02', id: 'urn:uuid:a', withClaim: true }),
    annotate(sentenceOf('Associated Press'), { note: 'Eyewitness account, named photographer.', tags: ['verified'], day: '2024-03-10', id: 'urn:uuid:b' }),
    annotate(sentenceOf('Fars News Agency'), { note: 'Check against Reuters wording.', tags: ['follow up', 'Russia'], day: '2024-04-01', id: 'urn:uuid:c' }),
    annotate(sentenceOf('The Guardian'), { note: 'Quote the UN report directly.', day: '2024-04-15', id: 'urn:uuid:d', seenQuery: 'utm_source=newsletter' }),
    editAnnotation(edited, { note: 'Toll later revised upward by the same outlet.' }, new Date('2024-05-05T09:30:00Z')),
  ];
}
