/**
 * Word lists of the matcher: stop words, number words, paraphrase classes and cue words. They are general
 * English news vocabulary, not the corpus's wording, so that rewrites by other outlets still line up.
 */

/** Function words and reporting verbs: they occur in almost every news sentence and decide nothing. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although am among an and any are around as at be ' +
    'because been before being below between both but by can could did do does doing during each either ' +
    'else even ever every few for from further had has have having he her here hers herself him himself ' +
    'his how however i if in into is it its itself just least less like may me meanwhile might more most ' +
    'much must my myself neither nor now of off on once only onto or other others our ours ourselves out ' +
    'over own per perhaps quite rather same shall she should since so some such than that the their ' +
    'theirs them themselves then there these they this those though through thus to too toward towards ' +
    'under until up upon us very via was we were what whatever when where whether which while who whom ' +
    'whose why will with within would yet you your yours also already still including included include ' +
    'includes one ones another way ways well later earlier recently instead separately moreover ' +
    'said say says saying told tell tells according added adds quoted quoting reportedly stated ' +
    'announced announces confirmed confirms claimed reported reporting ' +
    'al el mr mrs ms dr then thing things get got go going make made take taken lot lots'
  ).split(/\s+/),
);

/** Number words: a figure's value never decides whether two sentences state the same claim. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen ' +
    'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred ' +
    'hundreds thousand thousands million millions billion billions trillion dozen dozens tens half ' +
    'score scores couple several'
  ).split(/\s+/),
);

/** Paraphrase classes of countries, peoples and groups (their canonical terms are names). */
const NAME_CLASSES: Record<string, string> = {
  SYRIA: 'syria syrian syrians',
  RUSSIA: 'russia russian russians moscow kremlin',
  USA: 'usa american americans washington',
  TURKEY: 'turkey turkish turks ankara',
  IRAN: 'iran iranian iranians tehran',
  IRAQ: 'iraq iraqi iraqis',
  FRANCE: 'france french',
  UK: 'britain british uk',
  KURD: 'kurd kurds kurdish',
  ISRAEL: 'israel israeli israelis',
  ISIS: 'isis isil daesh',
  UN: 'un',
};

/**
 * Paraphrase classes: surface words (lower case) mapped to one canonical term. Only words that news
 * rewrites swap freely are here ("killed" / "died" / "dead"), plus demonyms and the capital-for-country
 * metonymy of diplomatic reporting ("Moscow said"). Canonical terms are upper case so stemming leaves them.
 */
const CLASSES: Record<string, string> = {
  KILL: 'kill kills killed killing killings die dies died dying dead death deaths deadly lives fatalities toll tolls',
  INJURE: 'injure injures injured injuring injury injuries wound wounds wounded wounding hurt',
  STRIKE: 'strike strikes struck raid raids airstrike airstrikes bombing bombings bombardment bombardments bombed bomb',
  SORTIE: 'sortie sorties mission missions',
  VOTE: 'vote votes voted voting voter voters ballot ballots',
  FIRE: 'fire fires fired firing',
  AIRCRAFT: 'aircraft plane planes warplane warplanes jet jets airplane airplanes',
  TRUCE: 'truce truces ceasefire ceasefires armistice',
  TROOPS: 'troops soldiers servicemen',
  GOVT: 'government governments regime regimes administration',
  REBEL: 'rebel rebels insurgent insurgents insurgency',
  CHILD: 'child children kids',
  DISPLACE: 'displaced displace displacement homeless refugees refugee fled flee fleeing',
  ATTACK: 'attack attacks attacked attacking assault assaults offensive',
  DENY: 'deny denies denied denying denial',
  TALKS: 'talks negotiations',
  BEGIN: 'begin begins began begun beginning start starts started starting erupt erupts erupted outbreak',
  EARN: 'earn earns earned earning earnings revenue revenues income profit profits',
  TRADE: 'sell sells selling sold sale sales trade trades trading traded',
  SHOOT: 'shoot shoots shooting shot',
  SHOOTDOWN: 'shootdown',
  WAR: 'war wars conflict conflicts',
  MILITARY: 'military army armed',
  ...NAME_CLASSES,
};

/** Canonical terms that are names (countries, peoples, groups): entities even when written in lower case. */
export const NAME_TERMS: ReadonlySet<string> = new Set(Object.keys(NAME_CLASSES));

/** Surface word (lower case) -> canonical term. */
export const CANONICAL: ReadonlyMap<string, string> = new Map(
  Object.entries(CLASSES).flatMap(([canon, words]) => words.split(' ').map((w) => [w, canon] as [string, string])),
);

/** Multi-word names and spellings rewritten before tokenising (applied to the original-case text). */
export const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bIslamic State(?: group)?\b/g, 'ISIS'],
  [/\bIS\b/g, 'ISIS'],
  [/\b(?:United States|U\.\s?S\.(?:\s?A\.)?|USA|US)\b/g, 'USA'],
  [/\bUnited Nations\b|\bU\.N\.(?=\W)/g, 'UN'],
  [/\b(?:United Kingdom|U\.K\.(?=\W))/g, 'UK'],
  [/\bcessation of hostilities\b/gi, 'truce'],
  [/\bcease-fire\b/gi, 'ceasefire'],
  [/\bair[- ]strikes?\b/gi, 'airstrikes'],
  [/\bshot down\b|\bshoot down\b|\bshooting down\b|\bdowned\b|\bdowning\b|\btook down\b|\btaken down\b/gi, 'SHOOTDOWN'],
];

/** Negation and denial cues: one side asserting what the other denies is a different claim. */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(
  "not no never nor without n't cannot denied denies deny denying rejected rejects refused refuses".split(' '),
);

/**
 * Cues of an announced, planned or started action (as opposed to a completed one): "is to hold talks",
 * "launched an assault aimed at retaking". Only a hint; both sides of a paraphrase usually agree on it.
 */
export const INTENT_WORDS: ReadonlySet<string> = new Set(
  'will would plan plans planned planning aim aims aimed aiming scheduled expected intends intend ' +
    'launch launched launches begin began begins start started starts try tries tried seek seeks seeking'.split(' '),
);

export { MONTHS } from '../corpus/months';

/** Weekdays carry the publication day, not the event: outlets writing on different days differ. */
export const WEEKDAYS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight overnight'.split(' '),
);

/** Reporting verbs that close an attribution ("..., the ministry said."). */
export const REPORTING_VERBS = 'said|says|say|reported|reports|added|announced|confirmed|told|quoted|stated|claimed|insisted';

/** Titles: capitalised before a name but not names themselves ("Deputy Foreign Minister Sergei Ryabkov"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'president presidents minister ministers deputy foreign prime secretary spokesman spokeswoman chief ' +
    'general defence defense interior state affairs head leader envoy ambassador'
  ).split(' '),
);
