/**
 * What a figure counts: the counted-noun phrase after it gives the unit ("five children" -> people,
 * "jets and helicopters" -> aircraft), and verbs around it give `what` (killed, wounded, displaced, ...).
 */
import { type Chunk, isCapitalised, isWord } from './figure-tokens';
import {
  ACTION_VERBS, COMPOUND_UNITS, NOUN_CATEGORY, NOUN_UNIT, NP_STOP, PERSON_NOUNS, TARGET_NOUNS, TARGET_VERBS,
  VAGUE_PHRASES, VOTE_CUES, WAR_WORDS, WHAT_CUES,
} from './figure-lexicon';
import { isNumberWord } from './numbers';

/** Longest counted-noun phrase read; longer phrases are rarely one noun group in news prose. */
const MAX_NP_WORDS = 6;
/** Chunks searched after the noun phrase for a `what` cue: far enough for "..., have been killed". */
const RIGHT_CUE_WINDOW = 12;
/** Chunks right after the noun phrase whose cue beats one before the figure ("300 were injured"). */
const NEAR_CUE_WINDOW = 3;
/** Chunks searched before the figure for a `what` cue ("killing five", "the death toll at 58"). */
const LEFT_CUE_WINDOW = 3;

/** The counted-noun phrase after a figure: its words, the heads of its conjuncts, and where it ends. */
export interface NounPhrase {
  words: Chunk[];
  heads: Chunk[];
  end: number;
}

const VAGUE_WORDS = new Set(VAGUE_PHRASES.flatMap((p) => p.split(' ')).filter((w) => w !== 'of'));

function isNumberChunk(c: Chunk | undefined): boolean {
  const head = c?.lower.split('-')[0] ?? '';
  return c !== undefined && (/^\d/.test(c.text) || isNumberWord(head) || VAGUE_WORDS.has(head));
}

function isContent(c: Chunk | undefined): c is Chunk {
  return isWord(c) && !NP_STOP.has(c.lower) && !isNumberChunk(c) || (c !== undefined && /^[A-Za-z][\w/-]*\d/.test(c.text));
}

/** Skips "more", "other", and a partitive "of the (seven)" before the counted noun. */
function skipToNoun(chunks: readonly Chunk[], j: number): number {
  let k = j;
  while (['more', 'other', 'additional', 'further', 'extra'].includes(chunks[k]?.lower ?? '')) k++;
  if (chunks[k]?.lower === 'of') {
    k++;
    while (['the', 'these', 'those', 'their', 'them', 'whom'].includes(chunks[k]?.lower ?? '') || isNumberChunk(chunks[k])) k++;
  }
  return k;
}

/** Reads the counted-noun phrase starting at chunk `j` (right after the figure). */
export function nounPhraseAfter(chunks: readonly Chunk[], j: number): NounPhrase {
  const words: Chunk[] = [];
  const heads: Chunk[] = [];
  let pending: Chunk | null = null;
  let k = skipToNoun(chunks, j);
  for (; k < chunks.length && words.length < MAX_NP_WORDS; k++) {
    const c = chunks[k] as Chunk;
    const next = chunks[k + 1];
    const isJoin = c.text === ',' || c.lower === 'and' || c.lower === 'or';
    const sameCase = isCapitalised(next) === isCapitalised(words[words.length - 1]);
    if (isJoin && words.length > 0 && isNominal(next) && sameCase && (c.text !== ',' || /^(?:,|and|or)$/.test(chunks[k + 2]?.lower ?? ''))) {
      pending = words[words.length - 1] ?? null;
      continue;
    }
    if (!isContent(c) || (words.length > 0 && isVerbLike(c))) break;
    // Participles modify only at the start and before another word ("displaced people", not "people killed").
    if (isVerbLike(c) && !isContent(next)) break;
    if (pending !== null) heads.push(pending);
    pending = null;
    words.push(c);
    // A plural noun followed by a singular word ends the phrase: "shells struck", "nations belong".
    if (isPluralLike(c) && isContent(next) && /^[a-z]/.test(next.text) && !isPluralLike(next)) {
      k++;
      break;
    }
  }
  const last = words[words.length - 1];
  if (last !== undefined) heads.push(last);
  return { words, heads, end: k };
}

/** Past tenses and participles that end a noun phrase (regular ones are recognised by their ending). */
const IRREGULAR_VERBS = new Set(
  ('struck hit fell fled flew flown shot took taken came went gone made left saw seen began begun became ' +
    'fought lost won held ran got gave given told found met sent spent kept brought built stood led lay ' +
    'remain remains face faces belong belongs come comes go goes take takes make makes say says see sees get gets ' +
    'live lives need needs want wants know knows').split(' '),
);

function isVerbLike(c: Chunk): boolean {
  return (/^[a-z]+(?:ed|ing)$/.test(c.text) && !PERSON_NOUNS.has(c.lower)) || IRREGULAR_VERBS.has(c.lower);
}

function isNominal(c: Chunk | undefined): boolean {
  return isContent(c) && !isVerbLike(c);
}

function isPluralLike(c: Chunk): boolean {
  return /[^su']s$/.test(c.lower) || PERSON_NOUNS.has(c.lower);
}

/** True for a noun that counts people: a person noun, a "-men" word or a demonym ("Syrians"). */
export function isPerson(c: Chunk): boolean {
  if (PERSON_NOUNS.has(c.lower) || PERSON_NOUNS.has(plural(c.lower)) || /(?:^|[a-z])m[ae]n$/.test(c.lower)) return true;
  return isCapitalised(c) && /(?:ians|ans|ese|is|ites)$/.test(c.text) && !/ss$/.test(c.text);
}

function plural(word: string): string {
  if (/s$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return /(?:ch|sh|x)$/.test(word) ? `${word}es` : `${word}s`;
}

/**
 * Unit of a counted-noun phrase, or null when it names nothing countable. `before` holds the chunks before
 * the figure; `single` is true for a count of one, whose noun is singular ("one hospital").
 */
export function unitOfNounPhrase(np: NounPhrase, before: readonly Chunk[], single: boolean): string | null {
  const head = np.heads[np.heads.length - 1];
  if (head === undefined) return null;
  if (np.heads.length > 1) {
    if (np.heads.every(isPerson)) return 'people';
    const cats = new Set(np.heads.map((h) => NOUN_CATEGORY[plural(h.lower)] ?? h.lower));
    if (cats.size === 1) return [...cats][0] ?? null;
  }
  if (isPerson(head)) return 'people';
  const prev = np.words[np.words.length - 2];
  if (prev !== undefined && COMPOUND_UNITS.has(`${prev.lower} ${head.lower}`)) return `${prev.lower} ${head.lower}`;
  const noun = plural(head.lower);
  if (TARGET_NOUNS.has(noun) && before.slice(-3).some((c) => TARGET_VERBS.has(c.lower))) return 'targets';
  if (NOUN_UNIT[noun] !== undefined) return NOUN_UNIT[noun] ?? noun;
  // A plural noun is counted; a singular word after a number above one is usually an adjective ("15.85 million eligible").
  return /[^su]s$/.test(head.lower) || single ? noun : null;
}

/** Everything a `what` decision looks at. */
export interface WhatContext {
  chunks: readonly Chunk[];
  /** Chunk index of the figure's first chunk (qualifier included) and the chunk after its text. */
  start: number;
  end: number;
  np: NounPhrase;
  unit: string;
  age: boolean;
  /** `what` of the figure before, for "including 11 children". */
  previous: string | null;
}

function joined(chunks: readonly Chunk[], from: number, to: number): string {
  const out: string[] = [];
  for (let k = Math.max(0, from); k < Math.min(chunks.length, to); k++) {
    const c = chunks[k] as Chunk;
    if (/^[.;?!]$/.test(c.text) || (k > from && c.lower === 'but')) break;
    out.push(c.lower);
  }
  return out.join(' ');
}

function firstCue(text: string, cues: ReadonlyArray<readonly [RegExp, string]>): string | null {
  let best: { at: number; what: string } | null = null;
  for (const [re, what] of cues) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, what };
  }
  return best?.what ?? null;
}

/** Text of up to `n` chunks before index `i`, stopping at a clause end. */
function leftText(chunks: readonly Chunk[], i: number, n: number): string {
  const out: string[] = [];
  for (let k = i - 1; k >= Math.max(0, i - n); k--) {
    const c = chunks[k] as Chunk;
    if (/^[.;,?!]$/.test(c.text) || c.lower === 'and') break;
    out.unshift(c.lower);
  }
  return out.join(' ');
}

/** Cues read only inside the counted-noun phrase: "1.2 million refugees", not "... among refugees". */
const NP_WHAT_CUES: ReadonlyArray<readonly [RegExp, string]> = [[/\brefugees\b/, 'fled abroad'], ...WHAT_CUES];

const CHILD_NOUNS = new Set(['children', 'child', 'kids', 'schoolchildren', 'minors', 'babies', 'infants']);

function peopleWhat(ctx: WhatContext): string | null {
  const { chunks, start, np } = ctx;
  const left = leftText(chunks, start, LEFT_CUE_WINDOW);
  const npText = np.words.map((w) => w.lower).join(' ');
  const right = joined(chunks, np.end, np.end + RIGHT_CUE_WINDOW);
  const vote = firstCue(`${npText} ${right}`, VOTE_CUES.filter(([, w]) => w !== 'vote share'));
  let base: string | null;
  if (/\b(?:including|among them)$/.test(left) && ctx.previous !== null) base = ctx.previous.replace(/^children /, '');
  else {
    const near = joined(chunks, np.end, np.end + NEAR_CUE_WINDOW).split(/(?:^| )(?:and|or|but|,)(?= |$)/)[0] ?? '';
    // "four women and two children": a conjunct with no cue of its own shares the figure before it.
    const conjunct = left === '' && chunks[start - 1]?.lower === 'and' ? ctx.previous?.replace(/^children /, '') ?? null : null;
    base = firstCue(npText, NP_WHAT_CUES) ?? firstCue(near, WHAT_CUES) ?? firstCue(left, WHAT_CUES) ?? vote ?? firstCue(right, WHAT_CUES) ?? conjunct;
  }
  const head = np.heads[np.heads.length - 1]?.lower ?? '';
  if (base !== null && (base === 'killed' || base === 'wounded') && CHILD_NOUNS.has(head)) return `children ${base}`;
  return base;
}

/** What the figure counts, from cue words around it; null when the sentence does not say. */
export function whatOf(ctx: WhatContext): string | null {
  const { chunks, start, end, unit } = ctx;
  if (ctx.age) return 'age';
  if (unit === 'people') return peopleWhat(ctx);
  const right = joined(chunks, end, end + 6);
  const left = leftText(chunks, start, LEFT_CUE_WINDOW);
  if (unit === 'percent') return firstCue(`${left} ${right}`, VOTE_CUES);
  if (/^(?:seconds|minutes|hours|days|weeks|months|years|decades)$/.test(unit)) {
    return WAR_WORDS.test(right.split(' ').slice(0, 4).join(' ')) || WAR_WORDS.test(left) ? 'war duration' : null;
  }
  const verbs = [...left.split(' ').reverse(), ...joined(chunks, ctx.np.end, ctx.np.end + 4).split(' ')];
  const verb = verbs.find((w) => ACTION_VERBS[w] !== undefined);
  return verb === undefined ? null : `${unit} ${ACTION_VERBS[verb] ?? verb}`;
}
