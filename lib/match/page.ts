/**
 * Page-level matching: split a page's text into sentences, match each against the corpus, and resolve every
 * match to its claim, the claim's mentions and the figure comparison. Used by the CLI and the background.
 */
import type { Claim, Corpus, Figure, Sentence } from '../corpus/types';
import { splitSentences } from '../corpus/sentences';
import { extractFigures } from '../corpus/figures';
import { Matcher, buildContext, type MatchReason, type PageContext, type SentenceMatch } from './index';
import { PAGE_RULE, addSupport, articleLinks, decide, emptySupport, supported, lowestScore, softScore, type ArticleLinks, type PageRule, type PageSupport } from './page-rule';
import { FEATURE_NAMES } from './pair-features';
import type { WordVectors } from './word-vectors';
import { compareFigures, sameEvent, type FigureComparison } from './compare';
import { matchWithClauses } from './clauses';

/** A corpus sentence that states the claim, as shown to the reader. */
export interface Mention {
  sentenceId: string;
  text: string;
  outlet: string | null;
  /** File name of the source document (the collection the sentence comes from): for the CLI, never shown. */
  source: string;
  /** Readable name of that collection ("unattributed article in a 2014-17 news digest"), shown when `outlet` is null. */
  collection?: string;
  date: string | null;
  /** True when `date` is estimated from the article's text (shown as "~ 5 Apr 2017"). */
  dateEstimated?: boolean;
  claimant: string | null;
  /** The mention's figures, with offsets into `text` (for emphasis). */
  figures: Figure[];
}

/** A page sentence that restates a corpus claim. */
export interface PageMatch {
  /** UTF-16 offsets of the sentence in the page text. */
  start: number;
  end: number;
  text: string;
  level: 'confident' | 'possible';
  score: number;
  claim: string;
  claimLabel: string;
  reason: MatchReason;
  mentions: Mention[];
  figures: FigureComparison[];
}

/** A page sentence with its offsets in the page text. */
export interface PageSentence {
  start: number;
  end: number;
  text: string;
}

/** The loaded corpus with the lookups that matching needs, built once. */
export class CorpusView {
  readonly sentenceById = new Map<string, Sentence>();
  readonly claimBySentence = new Map<string, Claim>();
  readonly claimById = new Map<string, Claim>();
  readonly fileByDoc = new Map<string, string>();
  readonly collectionByDoc = new Map<string, string>();
  /** The articles each article shares a claim with (the page rule's support extends to them). */
  readonly articleLinks: ArticleLinks;

  constructor(
    readonly corpus: Corpus,
    readonly matcher: Matcher,
  ) {
    for (const s of corpus.sentences) this.sentenceById.set(s.id, s);
    for (const c of corpus.claims) {
      this.claimById.set(c.id, c);
      for (const id of c.sentenceIds) this.claimBySentence.set(id, c);
    }
    // A page sentence is shown as its claim: a few of a claim's sentences among its candidates are enough.
    matcher.groupClaims(corpus.claims);
    for (const d of corpus.documents) {
      this.fileByDoc.set(d.id, d.file);
      if (d.collection) this.collectionByDoc.set(d.id, d.collection);
    }
    this.articleLinks = articleLinks(corpus.claims, (id) => this.sentenceById.get(id)?.articleId);
  }

  /** Loads the serialized index that ships in the corpus (nothing heavy is rebuilt); with `words` (the table
   * of data/word-vectors.json, see word-vectors.ts) the scorer also reads the sentences' semantic similarity. */
  static fromCorpus(corpus: Corpus, words?: WordVectors | null): CorpusView {
    return new CorpusView(corpus, Matcher.load(corpus.index, corpus.sentences).useWordVectors(words ?? null));
  }

  /** The sentences of a claim, in corpus order. */
  sentencesOf(claim: Claim): Sentence[] {
    return claim.sentenceIds.flatMap((id) => this.sentenceById.get(id) ?? []);
  }
}

/** A corpus sentence as a mention; `fileByDoc` names each document's file (the collection it comes from). */
export function mentionOf(s: Sentence, fileByDoc: ReadonlyMap<string, string>, collectionByDoc?: ReadonlyMap<string, string>): Mention {
  const collection = collectionByDoc?.get(s.docId);
  return {
    sentenceId: s.id,
    text: s.text,
    outlet: s.outlet,
    source: fileByDoc.get(s.docId) ?? s.docId,
    ...(collection !== undefined ? { collection } : {}),
    date: s.date ?? s.dateEstimate ?? null,
    ...(s.date === null && s.dateEstimate !== undefined ? { dateEstimated: true } : {}),
    claimant: s.claimant,
    figures: s.figures,
  };
}

/** Confident matches whose claims join the best match's mentions (see {@link matchSentence}). */
export const MAX_CLAIMS_JOINED = 5;

/** Upper bound on the sentences matched per page, so a huge page gives a bounded result. */
export const MAX_PAGE_SENTENCES = 5000;

/** A line break inside a sentence (hard-wrapped wire copy): the next line starts in lower case, or the line
 * ends on a word that cannot end a sentence ("... seeking answers from\nPutin"). */
const WRAPPED_LINE = /(?:[\p{L},;]\n(?=\p{Ll})|\b(?:a|an|the|of|to|from|in|on|at|by|for|with|and|or|but|that|was|were|is|are|has|have|had|will|would|said|says|its|their|his|her)\n(?=[\p{L}\d"“]))/gu;

/** Hard-wrapped text (wire copy at a fixed width): at least this many lines, */
const WRAP_MIN_LINES = 6;
/** most of them (this share of the lines) filled to near the width, */
const WRAP_SHARE = 0.6;
/** "near" meaning at least this share of the longest line, */
const WRAP_FULL = 0.7;
/** and the width is that of a terminal or a wire feed, not of a paragraph (characters); */
const WRAP_MAX_WIDTH = 100;
/** and prose: at least this share of the filled lines go on in lower case on the next line (a list of
 * headlines of one length is not wrapped text). */
const WRAP_LOWER_SHARE = 0.3;

/**
 * Line breaks of a hard-wrapped text that fall inside a paragraph: in a text whose lines are mostly filled to one
 * width of at most WRAP_MAX_WIDTH characters, the break after a filled line ("... seeking answers from\n
 * President Vladimir Putin") is the wrap, not the end of a paragraph (a paragraph's last line is short). Returns
 * the offsets of those breaks (none for a text that is not hard-wrapped).
 */
export function hardWrapBreaks(text: string): number[] {
  const lines: Array<{ start: number; length: number }> = [];
  for (let m = /[^\n]+/g, x = m.exec(text); x; x = m.exec(text)) if (x[0].trim()) lines.push({ start: x.index, length: x[0].trimEnd().length });
  if (lines.length < WRAP_MIN_LINES) return [];
  // A loop, not Math.max(...): a page of many thousand lines would overflow the argument list.
  let width = 0;
  for (const l of lines) width = Math.max(width, l.length);
  if (width > WRAP_MAX_WIDTH) return [];
  const full = (l: { length: number }) => l.length >= WRAP_FULL * width;
  if (lines.filter(full).length < WRAP_SHARE * lines.length) return [];
  const out: number[] = [];
  let lower = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    const end = l.start + l.length;
    // Only a single break between two lines of text (a blank line still ends a paragraph).
    if (!full(l) || !/^[ \t]*\n[ \t]*$/.test(text.slice(end, next.start))) continue;
    out.push(text.indexOf('\n', end));
    if (/^[\s"“(]*\p{Ll}/u.test(text.slice(next.start, next.start + 4))) lower++;
  }
  return lower >= WRAP_LOWER_SHARE * out.length ? out : [];
}

/** Splits page text into sentences with offsets; paragraphs are separated by line breaks, except where a
 * line is wrapped inside a sentence (see WRAPPED_LINE and {@link hardWrapBreaks}), which is read as a space
 * (offsets are kept). */
export function pageSentences(text: string, limit = MAX_PAGE_SENTENCES): PageSentence[] {
  const out: PageSentence[] = [];
  let joined = text.replace(WRAPPED_LINE, (m) => `${m.slice(0, -1)} `);
  const wraps = hardWrapBreaks(text);
  if (wraps.length > 0) {
    // Offsets into `text`, in UTF-16 units (WRAPPED_LINE keeps lengths too).
    const units = joined.split('');
    for (const at of wraps) units[at] = ' ';
    joined = units.join('');
  }
  const paragraph = /[^\n]+/g;
  for (let m = paragraph.exec(joined); m && out.length < limit; m = paragraph.exec(joined)) {
    for (const piece of splitSentences(m[0])) {
      const start = m.index + piece.start;
      out.push({ start, end: start + piece.text.length, text: text.slice(start, start + piece.text.length) });
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Candidate matches of a page sentence considered by the page rule. */
export const PAGE_CANDIDATES = 30;

/** A page sentence's matches with their corpus articles, best first, down to the page rule's lowest score. */
interface PageCandidates {
  matches: Array<SentenceMatch & { articleId: string }>;
  figuresOf: (text: string) => Figure[];
  /** The sentence's BM25 candidates scored by soft coverage (computed on demand, see page-rule.ts). */
  soft: () => Array<SentenceMatch & { articleId: string }>;
}

const SOFT_QUERY = FEATURE_NAMES.indexOf('softQuery');
const SOFT_CANDIDATE = FEATURE_NAMES.indexOf('softCandidate');

function candidatesOf(view: CorpusView, text: string, context: PageContext | undefined, rule: PageRule): PageCandidates {
  // The sentence's figures are extracted at most once: by the matcher when a candidate makes them matter, and
  // for the figure comparison.
  let figures: Figure[] | undefined;
  const figuresOf = (t: string) => (figures ??= extractFigures(t));
  const opts = { limit: PAGE_CANDIDATES, minScore: lowestScore(rule), figuresOf };
  // A long sentence is read as its clauses too (clauses.ts): each candidate at its best score over them.
  const matches = matchWithClauses(view.matcher, text, context ? { ...opts, context } : opts).map((m) => ({ ...m, articleId: view.sentenceById.get(m.sentenceId)?.articleId ?? '' }));
  let soft: Array<SentenceMatch & { articleId: string }> | undefined;
  const softOf = () =>
    (soft ??= view.matcher.candidateFeatures(text, { context, figuresOf }).map((c) => ({
      sentenceId: c.sentenceId,
      articleId: c.articleId,
      score: Math.round(softScore(c.x, SOFT_QUERY, SOFT_CANDIDATE) * 1000) / 1000,
      level: 'possible' as const,
      reason: { terms: [], entities: [] },
    })));
  return { matches, figuresOf, soft: softOf };
}

/** Matches one page sentence; null when the matcher abstains. `context` (from {@link buildContext} over the
 * page's sentences, built once per page) lets the matcher weigh whether the page is about the same event; its
 * `support` (kept by PageContexts for the background, by matchPage for a whole page) lowers the bar for the
 * claims of the articles other sentences of the page restate (see page-rule.ts). */
export function matchSentence(view: CorpusView, sentence: PageSentence, pageDate: string | null = null, context?: PageContext, rule: PageRule = PAGE_RULE): PageMatch | null {
  const found = candidatesOf(view, sentence.text, context, rule);
  if (context?.support) addSupport(context.support, sentence.text, found.matches[0], rule, view.articleLinks);
  return resolve(view, sentence, found, pageDate, context?.support, rule);
}

/** The page match of a sentence from its candidates and the page's support. */
function resolve(view: CorpusView, sentence: PageSentence, found: PageCandidates, pageDate: string | null, support: PageSupport | undefined, rule: PageRule): PageMatch | null {
  const { matches, figuresOf } = found;
  const decision = decide(matches, sentence.text, support, rule, found.soft);
  if (!decision) return null;
  const best = decision.match;
  const claim = view.claimBySentence.get(best.sentenceId);
  if (!claim) return null;
  // Every corpus sentence the page sentence confidently restates states its claim, whichever corpus claim it
  // was grouped into: their mentions join the best match's, so the reader sees every outlet and figure.
  const joined = [claim];
  if (decision.level === 'confident') {
    for (const m of matches.slice(0, MAX_CLAIMS_JOINED)) {
      const other = m !== best && confidentByRule(m, sentence.text, support, rule) ? view.claimBySentence.get(m.sentenceId) : undefined;
      if (other && !joined.includes(other)) joined.push(other);
    }
  }
  // A joined claim about another event (another place than the page sentence names) is not this claim.
  const mentionSentences = joined.flatMap((c, i) => (i === 0 ? view.sentencesOf(c) : view.sentencesOf(c).filter((s) => sameEvent(sentence.text, s))));
  const mentions = mentionSentences.map((s) => mentionOf(s, view.fileByDoc, view.collectionByDoc));
  return {
    ...sentence,
    level: decision.level,
    score: best.score,
    claim: claim.id,
    claimLabel: claim.label,
    reason: best.reason,
    mentions,
    // Figure extraction is the costliest step after matching: skip it when no mention states a figure.
    figures: mentionSentences.some((m) => m.figures.length > 0)
      ? compareFigures(figuresOf(sentence.text), mentionSentences, pageDate, sentence.text)
      : [],
  };
}

/** True when `m` is a confident link by the page rule: over the bar anywhere, or over the lower bar of an
 * article the page already restates (the same test {@link decide} applies to a sentence's best match). */
function confidentByRule(m: { score: number; articleId: string }, text: string, support: PageSupport | undefined, rule: PageRule): boolean {
  return m.score >= rule.confident || (m.score >= rule.confidentInEvent && supported(support, m.articleId, text));
}

/** Matches every sentence of a page's text, in reading order, read in the page's context: every sentence is
 * matched once, then linked with the support of the whole page (so a sentence before the ones that establish
 * the page's event gets the lower bar too). */
export function matchPage(view: CorpusView, text: string, pageDate: string | null = null, rule: PageRule = PAGE_RULE): PageMatch[] {
  const sentences = pageSentences(text);
  const context = buildContext(sentences.map((s) => s.text), pageDate);
  const found = sentences.map((s) => candidatesOf(view, s.text, context, rule));
  const support = emptySupport();
  sentences.forEach((s, i) => addSupport(support, s.text, found[i]!.matches[0], rule, view.articleLinks));
  return sentences.flatMap((s, i) => resolve(view, s, found[i]!, pageDate, support, rule) ?? []);
}

/** Corpus sentences matched by {@link warmUpQueries} after the index loads. */
export const WARM_UP_SENTENCES = 48;

/**
 * Page-like queries that exercise every path of matching (candidates, scoring, figures, the comparison):
 * corpus sentences spread over the whole corpus, each read as a page sentence. Matching them once after the
 * index loads lets the JavaScript engine compile the matcher and fills its lazy caches (term weights,
 * sentence masses, article contexts), so the first pages read after the service worker starts are not the
 * slow ones.
 */
export function warmUpQueries(view: CorpusView, count = WARM_UP_SENTENCES): PageSentence[] {
  const all = view.corpus.sentences;
  const step = Math.max(1, Math.floor(all.length / count));
  const out: PageSentence[] = [];
  for (let i = 0; i < all.length && out.length < count; i += step) {
    const text = all[i]!.text;
    out.push({ start: 0, end: text.length, text });
  }
  return out;
}
