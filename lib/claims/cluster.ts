/**
 * Groups corpus sentences into claims by average-link agglomeration over confident matches. Average link
 * (missing links count as 0) stops the chaining that connected components suffer from: a sentence that
 * states two claims ("250,000 killed and 11 million displaced") links both groups but cannot merge them,
 * because most cross pairs are not linked.
 */
import type { Claim, Sentence } from '../corpus/types';
import type { Matcher } from '../match/matcher';
import { differentPlaces, findPlaces } from '../corpus/places';
import { namedDays } from '../corpus/article-dates';

/** Days between the dates two sentences name beyond which they report different events. */
export const CLAIM_EVENT_WINDOW_DAYS = 30;

/** Average link (over all member pairs, unlinked pairs counting 0) needed to merge two groups. Near the
 * confident score: lower merges groups that share one bridging sentence, higher splits real paraphrase
 * groups whose members are not all linked to each other. */
export const MERGE_AVERAGE_LINK = 0.45;

/** Groups `sentences` (all indexed in `matcher`) into claims; deterministic, every sentence in one claim. */
export function clusterClaims(sentences: readonly Sentence[], matcher: Matcher): Claim[] {
  const index = new Map(sentences.map((s, i) => [s.id, i]));
  const links = confidentLinks(sentences, matcher, index);
  const groups = agglomerate(sentences.length, links).flatMap((g) => splitByEvent(g, sentences));
  groups.sort((x, y) => x[0]! - y[0]!);
  return groups.map((members) => toClaim(members, sentences, links));
}

/** What tells one event from another in a sentence: the places and the days it names. */
interface EventMarks {
  places: string[];
  days: number[];
}

function marksOf(s: Sentence): EventMarks {
  return { places: findPlaces(s.text), days: namedDays(s.text, s.date ?? s.dateEstimate ?? null).map((d) => Date.parse(`${d}T00:00:00Z`)) };
}

/** Two sentences report different events: both name places and share none, or both name days none of which are close. */
function differentEvents(a: EventMarks, b: EventMarks): boolean {
  if (differentPlaces(a.places, b.places)) return true;
  if (a.days.length === 0 || b.days.length === 0) return false;
  const reach = CLAIM_EVENT_WINDOW_DAYS * 86_400_000;
  return !a.days.some((x) => b.days.some((y) => Math.abs(x - y) <= reach));
}

/**
 * Splits a group whose members report different events (another place, another named date): each member
 * joins the first part it reports the same event as, else starts a part. A claim never mixes two events.
 */
export function splitByEvent(group: readonly number[], sentences: readonly Sentence[]): number[][] {
  const parts: Array<{ members: number[]; marks: EventMarks[] }> = [];
  for (const i of group) {
    const marks = marksOf(sentences[i]!);
    const part = parts.find((p) => p.marks.every((m) => !differentEvents(m, marks)));
    if (part) {
      part.members.push(i);
      part.marks.push(marks);
    } else parts.push({ members: [i], marks: [marks] });
  }
  return parts.map((p) => p.members);
}

/** Symmetric confident links as "i,j" (i < j) -> best score. */
function confidentLinks(sentences: readonly Sentence[], matcher: Matcher, index: Map<string, number>): Map<string, number> {
  const links = new Map<string, number>();
  sentences.forEach((s, i) => {
    for (const m of matcher.matchIndexed(s.id, { limit: 50 })) {
      const j = index.get(m.sentenceId);
      if (j === undefined || m.level !== 'confident') continue;
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      links.set(key, Math.max(links.get(key) ?? 0, m.score));
    }
  });
  return links;
}

/** Average-link agglomeration; returns groups of sentence indexes, each sorted, in order of first member. */
function agglomerate(n: number, links: Map<string, number>): number[][] {
  const groupOf = Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(groupOf.map((i) => [i, [i]]));
  for (;;) {
    const sums = groupLinkSums(links, groupOf);
    let best: [number, number] | null = null;
    let bestAvg = MERGE_AVERAGE_LINK;
    for (const [key, sum] of sums) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      const avg = sum / (members.get(a)!.length * members.get(b)!.length);
      if (avg >= bestAvg && (avg > bestAvg || !best || key < `${best[0]},${best[1]}`)) [best, bestAvg] = [[a, b], avg];
    }
    if (!best) break;
    const [keep, drop] = best;
    for (const i of members.get(drop)!) groupOf[i] = keep;
    members.get(keep)!.push(...members.get(drop)!);
    members.delete(drop);
  }
  return [...members.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/** Summed link scores between current groups, keyed "a,b" with a < b. */
function groupLinkSums(links: Map<string, number>, groupOf: number[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [key, score] of links) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    const a = groupOf[i]!;
    const b = groupOf[j]!;
    if (a === b) continue;
    const k = a < b ? `${a},${b}` : `${b},${a}`;
    sums.set(k, (sums.get(k) ?? 0) + score);
  }
  return sums;
}

/** A claim from a group: label from the member best linked to the others, id from the member ids. */
function toClaim(group: number[], sentences: readonly Sentence[], links: Map<string, number>): Claim {
  let label = group[0]!;
  let bestLink = -1;
  for (const i of group) {
    let sum = 0;
    for (const j of group) if (i !== j) sum += links.get(i < j ? `${i},${j}` : `${j},${i}`) ?? 0;
    if (sum > bestLink) [label, bestLink] = [i, sum];
  }
  const ids = group.map((i) => sentences[i]!.id);
  return { id: `c-${stableHash(ids.join('|'))}`, label: sentences[label]!.text, sentenceIds: ids };
}

/** Short stable hash (two FNV-1a 32-bit passes with different seeds, base 36). */
export function stableHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36).padStart(7, '0') + (h2 >>> 0).toString(36).slice(0, 3);
}
