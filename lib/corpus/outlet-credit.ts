/**
 * Outlet credit for one article: which outlet the text itself credits, with the verbatim evidence. Only the
 * article's own credits count (dateline, agency label, credit line, source URL, host signature, in-text
 * attribution of the core reporting, embedded tweet handle). Photo credits never reach this module (the line
 * classifier drops them and `cleanLine` strips them from captions), and an outlet cited for one quote ("told
 * Reuters", "according to ABC News") is not a credit. Without evidence the outlet is null: nothing is guessed.
 */
import type { OutletCredit } from './types';
import { OUTLET_HANDLES, OUTLET_NAME_PATTERN, outletByHandle, outletByName, outletByUrl, outletsNamedIn } from './outlets';
import { BARE_URL, EDITOR_SIGNATURE, cleanLine, type LineKind } from './noise';

/** A line of an article as seen by the credit finder. */
export interface CreditLine {
  line: number;
  raw: string;
  kind: LineKind;
}

const NONE: OutletCredit = { outlet: null, creditType: 'none', evidence: null };

const NAMES = `(?:${OUTLET_NAME_PATTERN})`;
/** "PARIS (Reuters) –", "RAQA (SYRIA) (AFP) –", "TEHRAN (FNA)-": a capitalised place, then the outlet in brackets. */
const DATELINE = new RegExp(`^\\p{Lu}[\\p{Lu}\\s.,'’-]*?(?:\\s*\\([\\p{Lu}\\s.'’-]+\\))?\\s*\\((${NAMES})\\)\\s*[–—-]`, 'u');
/** "(FRANCE 24 with AP, AFP and REUTERS)", "Associated Press writer X contributed to this report." */
const LEADING_OUTLET = new RegExp(`^\\(?(${NAMES})\\b`);
/** The body credits its core reporting at a sentence start: "Reuters reports that", "Reuters has calculated". */
const IN_TEXT = new RegExp(
  `(?:^|(?<=[.!?”"]\\s+))(${NAMES})\\s+(?:reports\\s+that|has\\s+(?:calculated|learned|established|found|confirmed|obtained))\\b`,
  'g',
);
/** ... or presents its findings as the outlet's own work, anywhere in a sentence: "…, a Reuters analysis shows." */
const OWN_WORK = new RegExp(
  `\\b(?:an?|the)\\s+(${NAMES})\\s+(?:analysis|investigation|review|tally|count|survey)\\s+(?:shows|showed|finds|found|reveals|revealed)\\b`,
  'g',
);
const REPORTING_WITHOUT_OUTLET = /^\((?:[^()]*\b(?:reporting|writing|editing)\s+by\b|by\s)/i;
const EMAIL = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/;

function credit(outlet: string, creditType: string, evidence: string): OutletCredit {
  return { outlet, creditType, evidence };
}

function fromDateline(lines: CreditLine[]): OutletCredit | null {
  for (const { raw, kind } of lines) {
    if (kind !== 'text') continue;
    const m = DATELINE.exec(raw.trim());
    const outlet = m?.[1] ? outletByName(m[1]) : null;
    if (m && outlet) return credit(outlet.name, 'dateline', m[0]);
  }
  return null;
}

function fromLabel(lines: CreditLine[]): OutletCredit | null {
  for (const { raw, kind } of lines) {
    const outlet = kind === 'label' ? outletByName(raw) : null;
    if (outlet) return credit(outlet.name, 'agency_label', raw.trim());
  }
  return null;
}

function fromCreditLine(lines: CreditLine[]): OutletCredit | null {
  for (const { raw, kind } of lines) {
    const text = raw.trim();
    let outlet = null;
    if (kind === 'credit') outlet = outletsNamedIn(text.replace(/^\S+\s+by\s+/i, ''))[0] ?? null;
    else if (kind === 'closer' && !/^by\s/i.test(text)) outlet = outletByName(LEADING_OUTLET.exec(text)?.[1] ?? '');
    if (outlet) return credit(outlet.name, 'credit_line', text);
  }
  return null;
}

function fromSourceUrl(lines: CreditLine[]): OutletCredit | null {
  for (const { raw, kind } of lines) {
    const text = raw.trim();
    const outlet = kind === 'closer' && BARE_URL.test(text) ? outletByUrl(text) : null;
    if (outlet) return credit(outlet.name, 'source_url', text);
  }
  return null;
}

function fromEmail(lines: CreditLine[]): OutletCredit | null {
  for (const { raw, kind } of lines) {
    const domain = kind === 'closer' ? EMAIL.exec(raw)?.[1] : undefined;
    const outlet = domain ? outletByUrl(domain) : null;
    if (outlet) return credit(outlet.name, 'credit_line', raw.trim());
  }
  return null;
}

function fromSignature(lines: CreditLine[]): OutletCredit | null {
  for (const { raw, kind } of lines) {
    const m = kind === 'text' ? EDITOR_SIGNATURE.exec(raw.trim()) : null;
    if (m?.[1]) return credit(m[1], 'signature', `${m[1]} Editor`);
  }
  return null;
}

/**
 * In-text attribution credits the article only when the outlet is the sole outlet the article names: a write-up
 * that also cites CNN and ABC News is a round-up, and its "Reuters reports that" sources one claim, not the piece.
 */
function fromInText(lines: CreditLine[]): OutletCredit | null {
  const prose = lines.filter((l) => l.kind === 'text' || l.kind === 'caption').map((l) => cleanLine(l.raw));
  const named = new Set(outletsNamedIn(prose.join('\n')).map((entry) => entry.name));
  if (named.size !== 1) return null;
  for (const text of prose) {
    const matches = [...text.matchAll(IN_TEXT), ...text.matchAll(OWN_WORK)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    for (const m of matches) {
      const outlet = m[1] ? outletByName(m[1]) : null;
      if (outlet && named.has(outlet.name)) return credit(outlet.name, 'in_text_attribution', m[0]);
    }
  }
  return null;
}

function fromHandle(lines: CreditLine[]): OutletCredit | null {
  for (const { raw } of lines) {
    for (const at of raw.matchAll(/@/g)) {
      const rest = raw.slice((at.index ?? 0) + 1);
      const handle = OUTLET_HANDLES
        .filter((h) => rest.toLowerCase().startsWith(h.toLowerCase()) && !/^[a-z0-9_]/.test(rest.slice(h.length)))
        .sort((a, b) => b.length - a.length)[0];
      const outlet = handle ? outletByHandle(handle) : null;
      if (handle && outlet) return credit(outlet.name, 'embedded_tweet_handle', `@${rest.slice(0, handle.length)}`);
    }
  }
  return null;
}

function withoutOutletCredit(lines: CreditLine[]): OutletCredit {
  const reporting = lines.some((l) => l.kind === 'closer' && REPORTING_WITHOUT_OUTLET.test(l.raw.trim()));
  return reporting ? { outlet: null, creditType: 'credit_line_without_outlet', evidence: null } : NONE;
}

const ARTICLE_ORDER = [fromDateline, fromLabel, fromCreditLine, fromSourceUrl, fromEmail, fromSignature, fromInText, fromHandle];
const EMBED_ORDER = [fromHandle, fromLabel];

/**
 * The outlet credit of an article (or of an embed, whose own handle or label comes first). The first kind of
 * evidence found wins, strongest first: dateline, agency label, credit line, source URL, signature, in-text.
 */
export function findCredit(lines: CreditLine[], isEmbed = false): OutletCredit {
  for (const finder of isEmbed ? EMBED_ORDER : ARTICLE_ORDER) {
    const found = finder(lines);
    if (found) return found;
  }
  return withoutOutletCredit(lines);
}
