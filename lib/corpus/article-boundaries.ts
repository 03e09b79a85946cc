/**
 * Where the articles of a scraped page begin and end. Pages with blank-line paragraphs are walked line by line:
 * an article starts at a headline (a short isolated title line, in title case or followed by a date line, an
 * agency label or a dateline), and after anything that closes the previous one (a "***" separator, a
 * "Related:" block, a reporting credit, an end byline, the source URL). Run-together pages without blank lines
 * are left to the topic segmenter. Embedded tweets become their own segments inside their host article.
 */
import type { Article } from './types';
import { classifyLine, type LineKind } from './noise';
import { DATELINE_START } from './topic-boundaries';

/** A stretch of the document that forms one article, embed, link or boilerplate block. */
export interface Segment {
  kind: Article['kind'];
  /** 0-based indexes of the lines that belong to the segment, in order (blank lines excluded). */
  lines: number[];
}

/** Longest headline, in words. */
const MAX_HEADLINE_WORDS = 20;
/** Share of significant words that must be capitalised for a line to count as title case. */
const TITLE_CASE_SHARE = 0.75;
/** How many content lines after a candidate headline are searched for its date line, label or dateline. */
const HEADLINE_LOOKAHEAD = 3;

const MINOR_WORDS = new Set(
  'a an the of in on to for and or at by with from as vs over after into despite than but nor so up out off via per amid'.split(' '),
);
const TWEET_LINE = /pic\.twitter\.com\/|twitter\.com\/\w+\/status|^@\w|(?:view|voir)\b.*\btwitter$|\(@\w+\)/i;

/** True for a short line shaped like a title: capitalised start, no sentence-final punctuation, not all caps. */
export function isTitleShaped(line: string): boolean {
  const text = line.trim();
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > MAX_HEADLINE_WORDS) return false;
  if (!/^[‘“"']?\p{Lu}/u.test(text) || /[.,;:!]["”’']*$/.test(text) || /^[“"]/.test(text)) return false;
  return text !== text.toUpperCase();
}

/** True when most significant words of the line are capitalised ("Turkey Pounds Kurdish Fighters In Syria"). */
export function isTitleCase(line: string): boolean {
  const words = line
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\d]+/u, ''))
    .filter((w) => w !== '' && !MINOR_WORDS.has(w.toLowerCase()));
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return words.length >= 2 && capitalised / words.length >= TITLE_CASE_SHARE;
}

function isBlank(lines: string[], i: number): boolean {
  return i < 0 || i >= lines.length || (lines[i] ?? '').trim() === '';
}

function announcesArticle(lines: string[], kinds: LineKind[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < HEADLINE_LOOKAHEAD; j += 1) {
    const kind = kinds[j];
    if (kind === 'blank' || kind === 'noise') continue;
    if (kind === 'date' || kind === 'label' || DATELINE_START.test((lines[j] ?? '').trim())) return true;
    seen += 1;
  }
  return false;
}

function isLastContent(kinds: LineKind[], i: number): boolean {
  return kinds.slice(i + 1).every((k) => k === 'blank' || k === 'noise' || k === 'boilerplate');
}

/** True when line `i` is the headline of a new article (see the module comment). */
export function isHeadline(lines: string[], kinds: LineKind[], i: number): boolean {
  const line = lines[i] ?? '';
  if (kinds[i] !== 'text' || !isTitleShaped(line) || !isBlank(lines, i - 1) || !isBlank(lines, i + 1)) return false;
  return isTitleCase(line) || announcesArticle(lines, kinds, i) || isLastContent(kinds, i);
}

/** Groups embedded tweets: runs of tweet lines with the short name lines between them. Returns start -> lines. */
export function findEmbeds(lines: string[]): Map<number, number[]> {
  const embeds = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i += 1) {
    if (!TWEET_LINE.test((lines[i] ?? '').trim())) continue;
    const block = [i];
    let last = i;
    for (let j = i + 1; j < lines.length; j += 1) {
      const text = (lines[j] ?? '').trim();
      if (text === '') continue;
      if (TWEET_LINE.test(text)) {
        for (let k = last + 1; k <= j; k += 1) if ((lines[k] ?? '').trim() !== '') block.push(k);
        last = j;
      } else if (text.split(/\s+/).length > 4 || /[.!?]$/.test(text)) break;
    }
    embeds.set(i, block);
    i = last;
  }
  return embeds;
}

interface Open {
  segment: Segment;
  hasBody: boolean;
}

/** Walks a document with blank-line paragraphs and returns its segments in document order. */
export function walkSegments(lines: string[], kinds: LineKind[]): Segment[] {
  const segments: Segment[] = [];
  const embeds = findEmbeds(lines);
  const inEmbed = new Set([...embeds.values()].flat());
  let open: Open | null = null;
  let closedBy: 'hard' | 'closer' | null = null;
  const start = (kind: Article['kind'], i: number): Open => {
    const next = { segment: { kind, lines: [i] }, hasBody: false };
    segments.push(next.segment);
    closedBy = null;
    return next;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const kind = kinds[i] ?? 'blank';
    const embed = embeds.get(i);
    if (embed) segments.push({ kind: 'embed', lines: embed });
    if (inEmbed.has(i) || kind === 'blank') continue;
    if (kind === 'separator' || kind === 'related') {
      if (open) closedBy = 'hard';
    } else if (kind === 'boilerplate') {
      if (open?.segment.kind === 'boilerplate' && !closedBy) open.segment.lines.push(i);
      else open = start('boilerplate', i);
    } else if (kind === 'noise') {
      if (open && !closedBy) open.segment.lines.push(i);
    } else if (kind === 'closer') {
      if (open && (!closedBy || closedBy === 'closer')) open.segment.lines.push(i);
      else open = start('article', i);
      if (open.hasBody) closedBy = 'closer';
    } else {
      const fresh = !open || closedBy !== null || open.segment.kind === 'boilerplate';
      if (fresh || (open?.hasBody && isHeadline(lines, kinds, i))) open = start('article', i);
      else open?.segment.lines.push(i);
      if (open && kind === 'text' && (open.segment.lines.length > 1 || !isTitleShaped(lines[i] ?? ''))) open.hasBody = true;
    }
  }
  return segments;
}

/** Classifies every line of a document. */
export function classifyLines(lines: string[]): LineKind[] {
  return lines.map(classifyLine);
}
