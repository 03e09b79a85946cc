/**
 * Line classification and cleaning for scraped news pages: what is article text, what is page furniture
 * (cookie banners, share widgets, photo credits, "Related:" blocks), what is a credit or a byline, and how a
 * kept line is cleaned of scraping artefacts (glued tag words, tweet handles, URLs, trailing photo credits).
 * Pure string functions; the segmenter and the credit finder build on them.
 */
import { outletByName, OUTLET_NAME_PATTERN } from './outlets';
import { isDateLine } from './dates';

/**
 * What a line is. `closer` lines end an article's body (reporting credits, end bylines, the source URL);
 * `credit` lines name the author or outlet without ending anything ("Text by FRANCE 24"); `caption` lines are
 * photo captions, kept as text but not counted as article body when deciding where articles start.
 */
export type LineKind =
  | 'blank'
  | 'separator'
  | 'related'
  | 'boilerplate'
  | 'noise'
  | 'closer'
  | 'credit'
  | 'date'
  | 'label'
  | 'caption'
  | 'text';

/** Longest standalone photo credit, in words ("Photo courtesy of REUTERS/Alexei Druzhinin/RIA Novosti/Kremlin"). */
const MAX_PHOTO_CREDIT_WORDS = 8;
/** Longest byline, in words; a longer "By ..." line is a sentence. */
const MAX_BYLINE_WORDS = 12;

const NOISE_PATTERNS: readonly RegExp[] = [
  /^(?:advertisement|advertising|sponsored(?: content)?|share(?: this(?: article)?)?|share on \w+|tweet|email|print|comments?)$/i,
  /^related (?:image|images|video|photo)s?$/i,
  /^image may contain\b/i,
  /^no automatic alt text available\.?$/i,
  /^(?:view|voir) (?:l['’]image|image) (?:on|sur) twitter$/i,
  /\binRead invented by Teads\b/i,
  /^read (?:also|more|next)\b/i,
  /^>>\s*read more\b/i,
  /^(?:see the (?:whole|full) (?:report|story|article)|click here\b.*|continue reading\b.*)\s*:?$/i,
  /^(?:posts|articles|stories|entries) tagged\b/i,
  /^(?:tag|category) archives?\s*:/i,
  /^_{3,}$/,
];

const BOILERPLATE_PATTERN = /\bcookies?\b|\bprivacy (?:policy|overview|settings|preferences)\b|\bGDPR\b/i;

const PHOTO_CREDIT_LINE =
  /^(?:photos?|images?|iamge|picture|photograph|credit)(?:\s+(?:source|credit|courtesy(?:\s+of)?|by))?\s*[:\-–]?\s*\S/i;

const REPORTING_CREDIT = /^\((?:[^()]*\b(?:reporting|writing|editing|compiled|additional reporting)\s+by\b[^()]*|by\s[^()]*)\)$/i;
const OUTLET_WITH_CREDIT = new RegExp(`^\\((?:${OUTLET_NAME_PATTERN})\\s+with\\b[^()]*\\)$`);
const CONTRIBUTED = /\bcontributed to this (?:report|story|article)\.?$/i;
const WRITE_TO = /^write to\b.*\S+@\S+/i;
/** A line that is only a link. */
export const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
const BYLINE = /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|al-\p{L}+|,))*$/iu;
const TEXT_BY = /^(?:text|story|report|words) by\s+\S.*$/i;
/** A host editor's signature closing a paragraph: "… are clear. Peace and Freedom Editor". */
export const EDITOR_SIGNATURE = /(?<=[.!?”"’)]\s+|^)((?:\p{Lu}[\p{L}’'&-]*)(?:\s+(?:and|of|the|&|\p{Lu}[\p{L}’'&-]*))*)\s+Editor\s*$/u;

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** True for a line that is only a list of outlet names ("AFP, Reuters and The Associated Press"). */
export function isOutletList(line: string): boolean {
  const parts = line.split(/\s*(?:,|\band\b|&)\s*/).filter((p) => p.trim() !== '');
  return parts.length > 0 && parts.every((p) => outletByName(p) !== null);
}

/** True for a standalone photo credit line ("Photo AFP", "Iamge source Times of India", "© Reuters"). */
export function isPhotoCreditLine(line: string): boolean {
  if (/^©/.test(line)) return !line.includes('|');
  return PHOTO_CREDIT_LINE.test(line) && words(line) <= MAX_PHOTO_CREDIT_WORDS && !/[.!?]$/.test(line);
}

/** True for a line that closes an article: reporting credits, "contributed" lines, "Write to", source URLs, end bylines. */
export function isCloserLine(line: string): boolean {
  if (REPORTING_CREDIT.test(line) || OUTLET_WITH_CREDIT.test(line)) return true;
  if (CONTRIBUTED.test(line) || WRITE_TO.test(line) || BARE_URL.test(line)) return true;
  return BYLINE.test(line) && words(line) <= MAX_BYLINE_WORDS;
}

/** True for a photo caption: a line that carries a photo credit or introduces a photo. */
export function isCaptionLine(line: string): boolean {
  return stripPhotoCredits(line) !== line || /^in this (?:file )?(?:[\w-]+ ){0,3}(?:photo|image|picture)\b/i.test(line);
}

/** Classifies one raw line of a document. */
export function classifyLine(raw: string): LineKind {
  const line = raw.trim();
  if (line === '') return 'blank';
  if (/^(?:[*=#~]\s*){3,}$/.test(line)) return 'separator';
  if (/^(?:[.·•…]\s*)+$/.test(line)) return 'noise';
  if (/^(?:related(?: (?:articles|stories|posts|content|coverage))?|see also|more on this)\s*:?$/i.test(line)) return 'related';
  if (BOILERPLATE_PATTERN.test(line)) return 'boilerplate';
  if (NOISE_PATTERNS.some((p) => p.test(line)) || isPhotoCreditLine(line)) return 'noise';
  if (isCloserLine(line)) return 'closer';
  if (TEXT_BY.test(line) && words(line) <= MAX_BYLINE_WORDS) return 'credit';
  if (isDateLine(line)) return 'date';
  if (isOutletList(line)) return 'label';
  if (isCaptionLine(line)) return 'caption';
  return 'text';
}

/** Removes photo credits glued to a caption: "© AFP / by X | ", " PHOTO: US AIR FORCE / AFP", " (SANA via AP)". */
export function stripPhotoCredits(line: string): string {
  return line
    .replace(/^©[^|]*\|\s*/, '')
    .replace(/\s*\b(?:PHOTO|Photograph|Photo|Image|Picture)\s*:\s.*$/, '')
    .replace(/\s*\((?:[^()]*\bvia\b[^()]*|photo[^()]*|[^()\s]+\/[^()]*)\)\s*$/i, '')
    .trim();
}

/** Removes URLs and twitter picture links ("https://on.rt.com/8f9g", "pic.twitter.com/w27zQsyy5y"). */
export function stripUrls(line: string): string {
  return line.replace(/[\s]*(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+/gi, '').trim();
}

/**
 * Removes a tweet handle glued to the start of a line ("@RT_comCoalition’s …" -> "Coalition’s …"). A handle
 * of the outlet table is cut exactly; otherwise the handle ends at a space or at a lower/upper-case junction.
 */
export function stripLeadingHandle(line: string, knownHandles: readonly string[] = []): string {
  if (!line.startsWith('@')) return line;
  const lower = line.toLowerCase();
  const known = knownHandles.find((h) => lower.startsWith(`@${h.toLowerCase()}`));
  if (known) return line.slice(known.length + 1).replace(/^[\s:–-]+/, '');
  const spaced = /^@\w+[\s:–-]+/.exec(line);
  if (spaced && spaced[0].length <= 17) return line.slice(spaced[0].length);
  const glued = /^@[A-Za-z0-9_]+?(?=\p{Lu}\p{Ll})/u.exec(line);
  return glued ? line.slice(glued[0].length) : line;
}

/** Removes a trailing "<Site> Editor" signature from a paragraph. */
export function stripEditorSignature(line: string): string {
  return line.replace(EDITOR_SIGNATURE, '').trim();
}

function sharesWord(tagWords: string[], headline: string): boolean {
  const head = headline.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
  return tagWords.some((t) => head.some((h) => t === h || (t.length >= 4 && h.length >= 4 && t.slice(0, 4) === h.slice(0, 4))));
}

/**
 * Strips tag words glued to the first line of an article by the scraper ("Syria AleppoNearly 30 air strikes"
 * -> "Nearly 30 air strikes"). The tag is a few plain words ending in a lower-case letter directly followed by a
 * capital; it is cut only when it shares a word with the headline, so "WhatsApp said …" or "McCain …" survive.
 */
export function stripGluedTag(line: string, headline: string): string {
  const m = /^([\p{L}][\p{L} -]{0,40}?\p{Ll})(?=\p{Lu})/u.exec(line);
  if (!m?.[1]) return line;
  const tagWords = m[1].toLowerCase().split(/[\s-]+/).filter(Boolean);
  if (tagWords.length > 5 || !sharesWord(tagWords, headline)) return line;
  return line.slice(m[1].length);
}

/** Cleans a kept line: photo credits, URLs, leading handle and trailing editor signature removed. */
export function cleanLine(raw: string, knownHandles: readonly string[] = []): string {
  let line = raw.trim();
  line = stripPhotoCredits(line);
  line = stripUrls(line);
  line = stripLeadingHandle(line, knownHandles);
  line = stripEditorSignature(line);
  return line.trim();
}
