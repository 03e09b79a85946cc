/**
 * The site that hosts a scraped page, where the text names it: a blog editor's signature ("Peace and Freedom
 * Editor") or a copyright line ("© 2017 Peace and Freedom"). Page-template clues that name no site (a tag-archive
 * header, a cookie banner) are kept as supporting evidence only when a name was found. Otherwise "unknown".
 */
import { EDITOR_SIGNATURE } from './noise';

/** A line of evidence: 1-based line number and the verbatim text. */
export interface LineEvidence {
  line: number;
  text: string;
}

const TAG_ARCHIVE = /^(?:(?:posts|articles|stories|entries) tagged\b.*|tag archives?:.*)$/i;
const COPYRIGHT = /^(?:copyright\s*)?©\s*(?:\d{4}(?:[-–]\d{4})?\s+)?(\p{Lu}[\p{L}\d&' -]{2,40}?)\.?\s*(?:all rights reserved\.?)?$/iu;

function siteNamed(line: string): { name: string; text: string } | null {
  const signature = EDITOR_SIGNATURE.exec(line);
  if (signature?.[1]) return { name: signature[1], text: `${signature[1]} Editor` };
  const copyright = COPYRIGHT.exec(line);
  if (copyright?.[1] && /\d{4}|copyright|rights/i.test(line)) return { name: copyright[1].trim(), text: line };
  return null;
}

/** Finds the hosting site a document's text names, with the lines that show it. Pure and deterministic. */
export function detectHostingSite(text: string): { hostingSite: string; evidence: LineEvidence[] } {
  const lines = text.split(/\r?\n/);
  const named: LineEvidence[] = [];
  const template: LineEvidence[] = [];
  let hostingSite: string | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const site = siteNamed(line);
    if (site && (hostingSite === null || hostingSite === site.name)) {
      hostingSite = site.name;
      named.push({ line: i + 1, text: site.text });
    } else if (TAG_ARCHIVE.test(line)) template.push({ line: i + 1, text: line });
  });
  if (hostingSite === null) return { hostingSite: 'unknown', evidence: [] };
  const evidence = [...template, ...named].sort((a, b) => a.line - b.line);
  return { hostingSite, evidence };
}
