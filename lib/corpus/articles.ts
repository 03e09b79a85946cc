/**
 * Stage 1 of the corpus pipeline: a source document becomes its articles. Each article gets its line range,
 * kind, outlet credit (with verbatim evidence, never guessed) and date, plus the cleaned paragraphs of text that
 * later stages cut into sentences. Page furniture (cookie banners, share widgets, photo credits, bylines,
 * "Related:" blocks, URLs) never reaches the body; headlines and photo captions that state something do.
 *
 * Boundaries: pages with blank-line paragraphs are walked (see `article-boundaries.ts`); run-together pages with
 * one paragraph per line and no blank lines are split at topic changes (see `topic-boundaries.ts`).
 */
import type { Article } from './types';
import { OUTLET_HANDLES } from './outlets';
import { cleanLine, stripGluedTag, type LineKind } from './noise';
import { parseDateLine } from './dates';
import { findCredit } from './outlet-credit';
import { classifyLines, isTitleShaped, walkSegments, type Segment } from './article-boundaries';
import { topicBoundaries } from './topic-boundaries';

export { detectHostingSite, type LineEvidence } from './hosting-site';

/** A paragraph of article text kept for segmentation. */
export interface BodyLine {
  /** 1-based line number in the document. */
  line: number;
  /** The cleaned paragraph. */
  text: string;
}

/** An article with the paragraphs of its body. */
export interface ArticleDraft {
  article: Article;
  body: BodyLine[];
}

/** A document is run-together when fewer than this share of its lines are blank. */
const RUN_TOGETHER_BLANK_SHARE = 0.05;
/** ... and it has at least this many lines (a short blank-free snippet is one article). */
const RUN_TOGETHER_MIN_LINES = 20;

const PROSE: ReadonlySet<LineKind> = new Set(['text', 'caption']);

function isRunTogether(lines: string[], kinds: LineKind[]): boolean {
  const blank = kinds.filter((k) => k === 'blank').length;
  return lines.length >= RUN_TOGETHER_MIN_LINES && blank / lines.length < RUN_TOGETHER_BLANK_SHARE;
}

/** Segments a run-together document: boilerplate runs apart, the rest split at topic changes. */
function tileSegments(kinds: LineKind[], lines: string[]): Segment[] {
  const runs: Segment[] = [];
  kinds.forEach((kind, i) => {
    if (kind === 'blank') return;
    const run = kind === 'boilerplate' ? 'boilerplate' : 'article';
    const last = runs[runs.length - 1];
    if (last?.kind === run) last.lines.push(i);
    else runs.push({ kind: run, lines: [i] });
  });
  return runs.flatMap((run) => (run.kind === 'article' ? splitRun(run, kinds, lines) : [run]));
}

function splitRun(run: Segment, kinds: LineKind[], lines: string[]): Segment[] {
  const paragraphs = run.lines.filter((i) => PROSE.has(kinds[i] ?? 'blank'));
  const starts = new Set(topicBoundaries(paragraphs.map((i) => lines[i] ?? '')).map((p) => paragraphs[p]));
  const out: Segment[] = [];
  for (const i of run.lines) {
    const current = out[out.length - 1];
    if (!current || starts.has(i)) out.push({ kind: 'article', lines: [i] });
    else current.lines.push(i);
  }
  return out;
}

function bodyOf(segment: Segment, lines: string[], kinds: LineKind[]): BodyLine[] {
  const prose = segment.lines.filter((i) => PROSE.has(kinds[i] ?? 'blank'));
  const first = prose[0];
  const headline = first !== undefined && isTitleShaped(lines[first] ?? '') ? (lines[first] ?? '') : null;
  return prose
    .map((i, n) => {
      let text = cleanLine(lines[i] ?? '', OUTLET_HANDLES);
      if (headline !== null && n === 1) text = stripGluedTag(text, headline);
      return { line: i + 1, text };
    })
    .filter((b) => /\p{L}/u.test(b.text));
}

function kindOf(segment: Segment, body: BodyLine[], lines: string[], creditType: string): Article['kind'] {
  if (segment.kind !== 'article') return segment.kind;
  if (creditType === 'signature') return 'host_commentary';
  const only = body[0];
  return body.length === 1 && only && isTitleShaped(lines[only.line - 1] ?? '') ? 'link' : 'article';
}

function draftOf(docId: string, segment: Segment, lines: string[], kinds: LineKind[]): ArticleDraft {
  const credit = findCredit(
    segment.lines.map((i) => ({ line: i + 1, raw: lines[i] ?? '', kind: kinds[i] ?? 'blank' })),
    segment.kind === 'embed',
  );
  const body = bodyOf(segment, lines, kinds);
  const kind = kindOf(segment, body, lines, credit.creditType);
  const solid = segment.lines.filter((i) => kinds[i] !== 'noise');
  const firstLine = (segment.lines[0] ?? 0) + 1;
  const lastLine = (solid[solid.length - 1] ?? segment.lines[0] ?? 0) + 1;
  const dateIndex = segment.lines.find((i) => kinds[i] === 'date');
  const date = dateIndex === undefined ? null : parseDateLine(lines[dateIndex] ?? '');
  const article: Article = {
    id: `${docId}-L${firstLine}`,
    docId,
    title: body[0]?.text ?? (lines[firstLine - 1] ?? '').trim(),
    firstLine,
    lastLine,
    kind,
    credit,
    date: date?.iso ?? null,
    dateText: date?.text ?? null,
  };
  return { article, body: kind === 'boilerplate' || kind === 'link' ? [] : body };
}

/**
 * Splits a source document into its articles. `docId` is the document's 3-digit prefix ("000"); article ids
 * are `<docId>-L<first line>`. Deterministic: the same text always gives the same drafts.
 */
export function splitArticles(docId: string, text: string): ArticleDraft[] {
  const lines = text.split(/\r?\n/);
  const kinds = classifyLines(lines);
  const segments = isRunTogether(lines, kinds) ? tileSegments(kinds, lines) : walkSegments(lines, kinds);
  return segments.map((segment) => draftOf(docId, segment, lines, kinds));
}
