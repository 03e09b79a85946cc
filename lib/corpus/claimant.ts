/**
 * Claimant detection: who a sentence attributes its claim to ("..., the Pentagon said", "according to
 * Reuters", "TASS quoted Sergei Ryabkov as saying").
 *
 * Choices (documented for the UI and the matcher):
 * - A named person is returned without the role or title before the name: "Russian foreign ministry
 *   spokeswoman Maria Zakharova told reporters" -> "Maria Zakharova", "Navy Capt. Jeff Davis" -> "Jeff Davis".
 * - Unnamed sources keep their indefinite article, which marks them as unnamed: "a U.N. official told Reuters"
 *   -> "a U.N. official". A leading "the" is dropped: "the monitor said" -> "monitor".
 * - "X told Reuters" returns X, the speaker; the outlet is a channel, not the claimant.
 * - A pronoun ("he said", "it said") returns null: the name lives in another sentence.
 * - The first attribution in the sentence wins; "X said ..., Y reported" gives X, the original speaker.
 */

/** Verbs of saying that introduce or close an attribution (lower case only: "States" is not a verb). */
const SPEECH_VERBS =
  'said|says|say|told|tells|reported|reports|announced|announces|added|adds|stated|confirmed|confirms|' +
  'denied|denies|claimed|claims|insisted|insists|warned|warns|estimated|estimates|wrote|quoted|' +
  // "the monitoring group put the civilian death toll at nearly 250", "the court put the turnout at 73%"
  'put(?= the (?:\\S+ ){1,3}at\\b)';
const VERB = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'g');
/** A second speech verb ("reports say") or a passive agent ("announced by the army") disqualifies a verb. */
const NEXT_IS_VERB = new RegExp(`^\\s+(?:${SPEECH_VERBS}|saying|by)\\b`);

/** Words between a subject and its verb that are not part of the subject ("has also said", "said Monday"). */
const AUX_OR_ADVERB =
  /\s+(?:has|have|had|also|meanwhile|earlier|later|previously|again|then|would|will|repeatedly|firmly|long|always|never|already|reportedly|just|now|still|not|however|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$/;

/** A sentence adverb set off by commas before the verb ("Vladimir Putin, however, said"). */
const ASIDE = /,\s*(?:however|meanwhile|though|too|also|in turn|in a statement|for (?:his|her|its|their) part)\s*,$/i;

/** Words that end a subject on its left: clause openers, conjunctions, prepositions and verbs of the main clause. */
const LEFT_BOUNDARY = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'while', 'but', 'when', 'after', 'before', 'because', 'as', 'if',
  'since', 'where', 'whereas', 'although', 'though', 'so', 'than', 'said', 'says', 'say', 'told', 'with',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'and', 'or', 'to', 'by', 'on', 'at',
]);
/** Prepositions that may sit inside a subject ("Observatory for Human Rights", "head of a service in Idlib"). */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'in', 'from', 'al', 'bin', 'de', 'von', 'van', 'la', 'le']);
/** Sentence adverbs that open a sentence before its subject ("Earlier the SOHR reported"). */
const LEADING_ADVERBS = /^(?:earlier|later|meanwhile|however|previously|also|then|now|but|and|so|yet),?\s+/i;

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me', 'this', 'that', 'these', 'those', 'one']);
/** Titles and roles removed in front of a capitalised name; the last one found is cut with what precedes it. */
const TITLE_WORDS =
  /^(?:President|Minister|Secretary|Chancellor|Spokesman|Spokeswoman|Spokesperson|Ambassador|Envoy|Premier|King|Prince|Emir|Sheikh|Director|Chief|General|Gen\.|Col\.|Capt\.|Lt\.|Sgt\.|Maj\.|Adm\.|Sen\.|Rep\.|Gov\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Colonel|Captain|Lieutenant|Commander|Admiral|Senator|spokesman|spokeswoman|spokesperson|minister|secretary|envoy|ambassador|official|chief|director|commander|coordinator|co-ordinator|leader|head|speaker|governor|expert|analyst|adviser|advisor|chairman|correspondent)$/;

/** Longest subject kept, in words. Longer runs are usually a clause, not a name. */
const MAX_SUBJECT_WORDS = 9;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;
const QUOTED_AS_SAYING = /\bquoted\s+(.+?)\s+as\s+saying\b/;
const ACCORDING_TO = /\baccording to\s+([^,;:()“”"]+)/;
/** Headline or tweet credit at the end: "... targets – Moscow", "... support of terrorists’: TASS". */
const TRAILING_CREDIT = /(?:\s[–—]|:)\s*((?:\p{Lu}[\p{L}.’'-]*\s?){1,3})$/u;

/**
 * Returns who the sentence attributes its claim to, or null when it names no one (or only a pronoun).
 * See the module comment for the normalisation choices.
 */
export function findClaimant(sentence: string): string | null {
  const quoted = QUOTED_AS_SAYING.exec(sentence)?.[1];
  if (quoted) return cleanName(quoted);
  for (const match of sentence.matchAll(VERB)) {
    if (match[0] === 'quoted' || NEXT_IS_VERB.test(sentence.slice(match.index + match[0].length))) continue;
    const subject = subjectOf(sentence, match.index, match[0]);
    if (subject !== undefined) return subject;
  }
  const according = ACCORDING_TO.exec(sentence)?.[1];
  if (according) return cleanName(according.replace(/\s+(?:on|in|at|as|which|who)\s.*$/, ''));
  const credit = TRAILING_CREDIT.exec(sentence.trim())?.[1];
  return credit ? cleanName(credit) : null;
}

/** An inverted subject runs to a comma or the end of the sentence ("said Putin.", "said X, a spokesman"). */
const INVERTED_SUBJECT = /^\s+([^,;:“”"–—]+?)\s*(?:,|\.?[”"’]?$)/;
/** An auxiliary in the words after the verb means they are a reported clause, not an inverted subject. */
const CLAUSE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|should|could|can|may|might|must)\b/;
/** Longer inverted "subjects" are clauses ("said Russian warplanes hit five towns"). */
const MAX_INVERTED_WORDS = 7;

/** Verbs that may come before their subject: "“...,” said Putin", ", said Navy Capt. Jeff Davis, a spokesman". */
const INVERTIBLE = new Set(['said', 'says', 'added', 'told', 'reported', 'wrote']);

/**
 * Subject of the speech verb at `at`: undefined when there is none (the verb sits in a relative clause or a
 * participle), null when it is a pronoun.
 */
function subjectOf(sentence: string, at: number, verb: string): string | null | undefined {
  let head = sentence.slice(0, at).trimEnd();
  head = head.replace(ASIDE, '');
  while (AUX_OR_ADVERB.test(head)) head = head.replace(AUX_OR_ADVERB, '');
  const inverted = INVERTIBLE.has(verb) ? subjectAfter(sentence.slice(at + verb.length)) : undefined;
  if (/[”"]$/.test(head)) return inverted;
  if (!head.endsWith(',')) return subjectBefore(head);
  const parts = head.slice(0, -1).split(',');
  const inner = parts.pop()?.trim() ?? '';
  if (isProperName(inner.replace(/^the\s+/i, ''))) return cleanName(inner); // "Russia’s Foreign Minister, Sergei Lavrov, said"
  if (inverted !== undefined) return inverted;
  return appositive(inner, parts.join(','));
}

/** Subject after an inverted verb, up to the first comma or prepositional phrase ("said the coalition in a statement"). */
function subjectAfter(tail: string): string | null | undefined {
  const whole = INVERTED_SUBJECT.exec(tail)?.[1];
  if (!whole || whole.split(/\s+/).length > MAX_INVERTED_WORDS || CLAUSE_VERB.test(whole)) return undefined;
  const phrase = whole.split(/\s(?:in|on|at|after|as|when|while|during|according)\s/)[0] ?? '';
  return /^(?:the|a|an)\s|^\p{Lu}/u.test(phrase) ? cleanName(phrase) : undefined;
}

/** Subject of "X said" from the words before the verb. */
function subjectBefore(head: string): string | null | undefined {
  const words = trailingWords(head);
  if (!isPronoun(words[words.length - 1] ?? '')) return words.length ? cleanName(words.join(' ')) : undefined;
  return words.length === 1 ? null : undefined; // "an airbase it said was ...": the verb is in a relative clause
}

/** "A network, the Local Co-ordination Committees, said" -> the inner phrase; "Russia, which began ..., said" -> "Russia". */
function appositive(inner: string, before: string): string | null | undefined {
  const relative = inner === '' || /^(?:which|who|whose|where|when)\b/i.test(inner) || /\d/.test(inner);
  const outer = trailingWords(before).join(' ');
  if (outer && isProperName(outer)) return cleanName(outer); // "Sergei Ryabkov, Russia’s deputy foreign minister, said"
  if (!relative && inner.split(/\s+/).length <= MAX_SUBJECT_WORDS) return cleanName(inner);
  return outer ? cleanName(outer) : undefined;
}

/** The run of words at the end of `text` that can form a subject, stopping at punctuation and clause words. */
function trailingWords(text: string): string[] {
  const tail = /(?:^|[,;:()“”"–—]|\s[-–—]\s)\s*([^,;:()“”"–—]*)$/.exec(text)?.[1] ?? text;
  const words = tail.match(WORD) ?? [];
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < MAX_SUBJECT_WORDS; i--) {
    const w = words[i] ?? '';
    const lower = w.toLowerCase();
    if (LEFT_BOUNDARY.has(lower) && !(lower === 'and' && kept.length > 0 && kept.length <= 3 && i > 0)) break;
    if (/^(?:the|a|an)$/i.test(w) && i > 0 && !INNER_PREPOSITIONS.has((words[i - 1] ?? '').toLowerCase())) {
      kept.unshift(w);
      break;
    }
    kept.unshift(w);
  }
  if (kept.length === MAX_SUBJECT_WORDS || (kept.length === 1 && /^(?:the|a|an)$/i.test(kept[0] ?? ''))) return [];
  const joined = kept.join(' ').replace(LEADING_ADVERBS, '');
  return joined ? joined.split(' ') : [];
}

/** True for a personal or demonstrative pronoun; "US" in capitals is the country, not "us". */
function isPronoun(word: string): boolean {
  return PRONOUNS.has(word.toLowerCase()) && (word === 'I' || !/^\p{Lu}{2,}$/u.test(word));
}

/** True when every word is capitalised or a name particle ("Sergei Lavrov", "Bashar al-Assad", "Col. Steve Warren"). */
function isProperName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 0 && words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || INNER_PREPOSITIONS.has(w));
}

/** Normalises a subject: drops "the", a role before a name, possessive pronouns and trailing punctuation. */
function cleanName(raw: string): string | null {
  const text = raw
    .replace(/[\s,;:’'”"]+$/, '')
    .replace(/(?<!\b(?:\p{Lu}|Jr|Sr|Inc|Co|Ltd))\.$/u, '')
    .replace(/^the\s+/i, '')
    .replace(/^(?:A|An)\s/, (m) => m.toLowerCase())
    .trim();
  if (!text || isPronoun(text)) return null;
  const words = text.split(/\s+/);
  let cut = -1;
  words.forEach((w, i) => {
    if (TITLE_WORDS.test(w) && i < words.length - 1 && /^\p{Lu}/u.test(words[i + 1] ?? '')) cut = i;
    // "Secretary of State John Kerry": the department belongs to the title.
    if (TITLE_WORDS.test(w) && words[i + 1] === 'of' && /^(?:State|Defen[cs]e)$/.test(words[i + 2] ?? '')) cut = i + 2;
  });
  const rest = words.slice(cut + 1);
  if (cut >= 0 && rest.length >= 1 && isProperName(rest.join(' ')) && !/^of$/i.test(rest[0] ?? '')) return rest.join(' ');
  return text;
}

/** Where a sentence turns to another speaker: ", but", ", while", "; ", " whereas ". */
const CLAUSE_BREAK = /,\s*(?:but|while|whereas|and)\s+(?=(?:the|a|an)\s|\p{Lu})|;\s+|\s+(?:while|whereas)\s+/gu;
/** A speaker described by role: "the head of a charity ambulance service in Idlib" -> "Idlib ambulance service head". */
const ROLE =
  /\b(?:the\s+)?(head|director|chief|spokesman|spokeswoman|spokesperson)\s+of\s+(?:a|an|the)\s+(?:charity\s+|local\s+)?((?:[\p{L}-]+\s+){0,2}(?:service|agency|group|organisation|organization|hospital|network|council))(?:\s+in\s+(\p{Lu}[\p{L}-]+))?/u;

/** A role description of the speaker of a clause, in a few words ("Idlib ambulance service head"), else null. */
export function roleClaimant(clause: string): string | null {
  const m = ROLE.exec(clause);
  if (!m) return null;
  const [, role, org, place] = m;
  return `${place ? `${place} ` : ''}${org!.trim()} ${role}`;
}

/**
 * Who a figure is attributed to when its sentence quotes several speakers ("The SOHR put the death toll at
 * 58, but the head of a charity ambulance service in Idlib said that 67 people had been killed"): the speaker
 * of the figure's clause (a role description first, else the named claimant), else the sentence's claimant.
 */
export function figureClaimant(sentence: string, figureStart: number, sentenceClaimant: string | null): string | null {
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const at = m.index;
    if (at < figureStart) from = at + m[0].length;
    else {
      to = at;
      break;
    }
  }
  if (from === 0 && to === sentence.length) return sentenceClaimant;
  const clause = sentence.slice(from, to);
  return roleClaimant(clause) ?? findClaimant(clause) ?? sentenceClaimant;
}
