/**
 * Word lists of the figure extractor: qualifiers, unit words, counted nouns and the cues for `what`.
 * Closed-class English plus the newsroom vocabulary of conflict reporting; no sentence-specific entries.
 */
import { MONTHS as MONTH_NUMBERS } from './months';

/** Qualifier phrases (lower case) and their normalised form. Longest phrases are tried first. */
export const QUALIFIERS: ReadonlyArray<readonly [string, string]> = [
  ['no fewer than', 'at least'], ['no less than', 'at least'], ['a minimum of', 'at least'],
  ['as young as', 'at least'], ['as few as', 'at least'], ['at least', 'at least'],
  ['more than', 'more than'], ['upwards of', 'more than'], ['in excess of', 'more than'],
  ['well over', 'more than'], ['over', 'more than'], ['above', 'more than'],
  ['just under', 'nearly'], ['close to', 'nearly'], ['almost', 'nearly'], ['nearly', 'nearly'],
  ['an estimated', 'about'], ['approximately', 'about'], ['roughly', 'about'], ['around', 'about'],
  ['about', 'about'], ['some', 'about'], ['circa', 'about'],
  // Upper bounds share "up to": the schema has no separate "less than".
  ['as much as', 'up to'], ['as many as', 'up to'], ['as high as', 'up to'], ['as old as', 'up to'],
  ['no more than', 'up to'], ['a maximum of', 'up to'], ['at most', 'up to'], ['up to', 'up to'],
  ['fewer than', 'up to'], ['less than', 'up to'], ['under', 'up to'],
];

/** Vague quantity words; the word (or phrase) itself is the qualifier. */
export const VAGUE_PHRASES: readonly string[] = [
  'tens of thousands', 'hundreds of thousands', 'tens of millions', 'hundreds of millions',
  'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'decades',
];

/** Time units, singular -> unit name. */
export const TIME_UNITS: Readonly<Record<string, string>> = {
  second: 'seconds', minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks', fortnight: 'weeks',
  month: 'months', year: 'years', decade: 'decades', century: 'centuries',
};

/** Unit words that follow a number, any inflection -> unit name. */
export const UNIT_WORDS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TIME_UNITS).flatMap(([s, u]) => [[s, u], [u, u]])),
  centuries: 'centuries', percent: 'percent', pc: 'percent',
  km: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  mile: 'miles', miles: 'miles', metre: 'metres', metres: 'metres', meter: 'metres', meters: 'metres',
  feet: 'feet', foot: 'feet', kg: 'kg', kilograms: 'kg', tonnes: 'tonnes', tons: 'tonnes',
  dollars: 'usd', euros: 'eur', roubles: 'rub', rubles: 'rub',
};

/** Currency signs and codes written before the amount. */
export const CURRENCY_PREFIX: Readonly<Record<string, string>> = {
  $: 'usd', 'US$': 'usd', USD: 'usd', '£': 'gbp', GBP: 'gbp', '€': 'eur', EUR: 'eur',
};

/** Month names and abbreviations, lower case (case is checked separately for "May"): the matcher's. */
export const MONTHS: ReadonlySet<string> = new Set(MONTH_NUMBERS.keys());

/** Days of the week, lower case. */
export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Nouns that count people. Words ending in "-men" and demonyms are recognised by rule. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  ('people persons person civilians civilian children child kids babies infants women woman men man boys ' +
    'girls adults minors soldiers soldier troops fighters fighter militants rebels jihadists insurgents ' +
    'extremists terrorists attackers assailants pilots pilot crew officers officer officials personnel staff ' +
    'police citizens residents inhabitants refugees migrants evacuees students pupils schoolchildren ' +
    'journalists reporters workers doctors nurses medics patients volunteers members detainees prisoners ' +
    'hostages captives protesters demonstrators voters victims casualties dead wounded injured deaths lives ' +
    'individuals others experts signatories delegates diplomats advisers advisors commanders leaders ' +
    'ministers lawmakers senators judges lawyers marines recruits guards mercenaries contractors peshmerga ' +
    'sunnis shiites alawites christians muslims yazidis jews kurds arabs turks foreigners nationals ' +
    'fatalities survivors inmates monitors observers suspects passengers accomplices brothers sisters sons ' +
    'daughters parents relatives friends bodies presidents mothers fathers wives husbands candidates ' +
    'negotiators ambassadors envoys analysts colleagues smugglers traffickers snipers kidnappers defectors ' +
    'deserters looters settlers farmers teachers villagers shepherds traders bystanders worshippers mourners ' +
    'pilgrims tourists activists rescuers paramedics firefighters islamists loyalists separatists conscripts ' +
    'defendants convicts sailors peacekeepers hackers youths teenagers supporters opponents agents spies')
    .split(' '),
);

/** Nouns that take a shared unit when named alone or coordinated ("jets and helicopters"). */
export const NOUN_CATEGORY: Readonly<Record<string, string>> = {
  jets: 'aircraft', planes: 'aircraft', warplanes: 'aircraft', airplanes: 'aircraft', aircraft: 'aircraft',
  helicopters: 'aircraft', bombers: 'aircraft', hornets: 'aircraft', drones: 'aircraft', choppers: 'aircraft',
  cities: 'localities', towns: 'localities', villages: 'localities', hamlets: 'localities',
};

/** Single nouns whose unit differs from the word: synonyms and the aircraft family names. */
export const NOUN_UNIT: Readonly<Record<string, string>> = {
  missions: 'sorties', sortie: 'sorties', airstrikes: 'strikes', airstrike: 'strikes', strike: 'strikes',
  planes: 'aircraft', warplanes: 'aircraft', airplanes: 'aircraft', hornets: 'aircraft', bombers: 'aircraft',
  choppers: 'helicopters', dollars: 'usd', euros: 'eur',
};

/** Two-word nouns kept whole as a unit. */
export const COMPOUND_UNITS: ReadonlySet<string> = new Set(['polling stations', 'polling centres', 'polling centers']);

/** Generic place nouns that become "targets" after a targeting verb ("targeted 54 sites"). */
export const TARGET_NOUNS: ReadonlySet<string> = new Set(['sites', 'positions', 'facilities', 'locations', 'installations']);

/** Verbs of attack that turn generic places into targets. */
export const TARGET_VERBS: ReadonlySet<string> = new Set(['targeted', 'hit', 'struck', 'attacked', 'bombed', 'destroyed', 'targeting', 'hitting']);

/** Words that end a counted-noun phrase: function words, auxiliaries, reporting verbs. */
export const NP_STOP: ReadonlySet<string> = new Set(
  ('in on at of for from to with by into near over under across against during since after before between ' +
    'within without around about through per like as than inside outside along amid among toward towards ' +
    'upon onto off out up down via the a an this that these those their its his her our my your all each ' +
    'every some any no but while when where which who whom whose because if although though so yet it they ' +
    'he she we you i them there here is are was were be been being have has had do does did will would can ' +
    'could may might must shall should more also already still now then ago later earlier respectively ' +
    'overnight alone only just even too else including according said says say reported and or not nor')
    .split(' '),
);

/** Casualty and displacement cues -> `what`. Multi-word cues are matched on the joined lower-case text. */
export const WHAT_CUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:fled|flee|fleeing) abroad\b/, 'fled abroad'],
  [/\b(?:displaced|homeless|uprooted)\b|\b(?:forced|fled|flee|driven) (?:from|out of) (?:their|his|her) homes?\b|\b(?:fled|flee) their homes\b/, 'displaced'],
  [/\b(?:killed|killing|kill|kills|dead|died|die|dies|deaths?|death toll|lives|fatalities|perished|massacred|executed|slain)\b/, 'killed'],
  [/\b(?:wounded|wounding|injured|injuring|injuries|hurt)\b/, 'wounded'],
];

/** Vote cues for people and percentages. */
export const VOTE_CUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bturnout\b/, 'turnout'],
  [/\beligible\b/, 'eligible voters'],
  [/\bvoted\b/, 'voted'],
  [/\b(?:votes?|ballots?)\b/, 'vote share'],
];

/** Verbs of action on counted things -> participle used in `what` ("missiles fired"). */
export const ACTION_VERBS: Readonly<Record<string, string>> = {
  fired: 'fired', launched: 'fired', hit: 'hit', struck: 'hit', targeted: 'hit', pounded: 'hit', bombed: 'hit',
  captured: 'captured', seized: 'captured', flew: 'flown', flown: 'flown', destroyed: 'destroyed',
  deployed: 'deployed', shot: 'shot down',
};

/** Nouns naming a war, for "war duration". */
export const WAR_WORDS = /\b(?:war|conflict|fighting|uprising|insurgency|crisis)\b/;
