/**
 * Clause queries of a long page sentence. A long sentence often carries two claims ("Tillerson did not cancel
 * his visit, however, and he will hold talks with his counterpart Foreign Minister Sergei Lavrov ..."), and
 * only one of them restates a corpus sentence: read whole, the other clause's terms lower the pair's overlap
 * (the Dice part of the score). The page matcher (page.ts) also reads such a sentence as its clauses and keeps
 * each corpus sentence's best score over the sentence and its clauses; the highlight stays the whole sentence.
 * On the other-outlets pages (20 page splits) this lifts held-out confident recall from 42.5% to 44.0%
 * (README, Other outlets).
 */
import type { Matcher } from './matcher';
import { isQuestion } from './sentence-kind';
import { DEFAULT_LIMIT, type MatchOptions, type SentenceMatch } from './sentence-match';

/** Words from which a page sentence is also read as its clauses. Measured on the other-outlets pages (20 page
 * splits, confident recall): 14 to 18 words 44.0%, 20 43.8%, 25 43.1%, 13 and 12 40.5% (the refitted
 * confident bar rises); without clauses 42.5%. */
export const CLAUSE_MIN_WORDS = 16;
/** Fewest words of a clause read as a query (shorter pieces are list items and asides, not claims). */
export const CLAUSE_MIN_PART_WORDS = 6;

/** A relative clause set off by a comma: from ", which" / ", who" ... to the next comma or the end. */
const RELATIVE = /,\s+(?:which|who|whom|whose|where)\s[^,;()]*(?=[,;]|$)/gu;
/** A parenthetical ("(HNC)", "(2200 GMT Friday)"). */
const PARENTHESIS = /\s*\([^()]*\)/gu;
/** Where a sentence goes on with another clause: a semicolon, or a comma before a conjunction, a reporting
 * or result participle, "according to", "including" (the word stays with the clause it opens). */
const BOUNDARY = /;\s*|,\s+(?=(?:while|whereas|but|although|though|and|as|after|saying|adding|according|killing|leaving|forcing|including)\s)/gu;

/** Words of a text (tokens holding a letter). */
function words(s: string): number {
  return s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
}

/** Spaces collapsed, no space before punctuation, no stray commas at either end. */
function tidy(s: string): string {
  return s
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.;:])/gu, '$1')
    .replace(/^[\s,;:]+|[\s,;:]+$/gu, '');
}

/**
 * The clauses of a page sentence of CLAUSE_MIN_WORDS words or more, each read as a query besides the whole
 * sentence (none for a shorter sentence or a question), in this order: the sentence without its parentheticals
 * and its comma-set relative clauses; each relative clause read after what precedes it in its clause ("Russia,
 * which began airstrikes in Syria ..." as "Russia began airstrikes in Syria ..."); and, when there are several,
 * the pieces of the sentence without those, cut at {@link BOUNDARY}. Pieces under CLAUSE_MIN_PART_WORDS words
 * and repeats are dropped. Deterministic.
 */
export function clauseQueries(text: string): string[] {
  if (words(text) < CLAUSE_MIN_WORDS || isQuestion(text)) return [];
  const whole = tidy(text);
  const out: string[] = [];
  const push = (s: string) => {
    const t = tidy(s);
    if (words(t) >= CLAUSE_MIN_PART_WORDS && t !== whole && !out.includes(t)) out.push(t);
  };
  const plain = text.replace(PARENTHESIS, '');
  const core = plain.replace(RELATIVE, '');
  push(core);
  for (const m of plain.matchAll(RELATIVE)) {
    const head = plain.slice(0, m.index).replace(RELATIVE, '').split(BOUNDARY).pop() ?? '';
    push(`${head} ${m[0].replace(/^,\s+\S+\s/u, '')}`);
  }
  const pieces = core.split(BOUNDARY);
  if (pieces.length > 1) for (const p of pieces) push(p);
  return out;
}

/**
 * Matches of a page sentence read whole and as its clauses ({@link clauseQueries}): each corpus sentence with
 * its best score over them (and the reasons of the query that gave it), ranked as Matcher.match ranks (score,
 * then sentence id), at most `opts.limit`. `opts.figuresOf` extracts the whole sentence's figures, so the clauses
 * are matched without it (the matcher extracts a clause's own figures when they matter).
 */
export function matchWithClauses(matcher: Matcher, text: string, opts: MatchOptions = {}): SentenceMatch[] {
  const whole = matcher.match(text, opts);
  const clauses = clauseQueries(text);
  if (clauses.length === 0) return whole;
  const best = new Map<string, SentenceMatch>();
  for (const m of whole) best.set(m.sentenceId, m);
  const { figuresOf: _whole, ...clauseOpts } = opts;
  for (const clause of clauses) {
    for (const m of matcher.match(clause, clauseOpts)) {
      const b = best.get(m.sentenceId);
      if (!b || m.score > b.score) best.set(m.sentenceId, m);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.sentenceId < b.sentenceId ? -1 : 1)).slice(0, opts.limit ?? DEFAULT_LIMIT);
}
