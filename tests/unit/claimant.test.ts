import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figureClaimant, findClaimant, roleClaimant } from '../../lib/corpus/claimant';

interface Member {
  file: string;
  line: number;
  sentence: string;
  outlet: string | null;
  outlet_basis: string | null;
  source_in_text?: string | null;
  cited_outlet?: string;
}

const MIN_NAMED_AGREEMENT = 0.8;
const MIN_NULL_AGREEMENT = 0.85;

function members(): Member[] {
  const url = new URL('../fixtures/dev-eval/claim-clusters.json', import.meta.url);
  const clusters = JSON.parse(readFileSync(url, 'utf8')) as Array<{ members: Member[] }>;
  const seen = new Set<string>();
  return clusters
    .flatMap((c) => c.members)
    .filter((m) => {
      const key = `${m.file}:${m.line}:${m.sentence}`;
      return !seen.has(key) && (seen.add(key), true);
    });
}

/** Comparison form: lower case, no articles or possessives, U.S. = US, "Russian" = "Russia", defence = defense. */
function norm(text: string): string {
  return ` ${text} `
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/u\.s\.|u\.s\b/g, 'us')
    .replace(/'s\b/g, '')
    .replace(/defence/g, 'defense')
    .replace(/\b(\w+ia)n\b/g, '$1')
    .replace(/\b(?:the|a|an)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Agreement: equal, or one names the other in whole words ("President Vladimir Putin" vs "Vladimir Putin"). */
function agrees(predicted: string | null, gold: string): boolean {
  if (!predicted) return false;
  const [p, g] = [norm(predicted), norm(gold)];
  return p !== '' && (p === g || ` ${p} `.includes(` ${g} `) || ` ${g} `.includes(` ${p} `));
}

/** A label is simple when it is one source, named verbatim (after normalising) in the sentence. */
function simpleLabel(m: Member): string | null {
  const gold = m.source_in_text;
  if (!gold || /[;/()]/.test(gold)) return null;
  return ` ${norm(m.sentence)} `.includes(` ${norm(gold)} `) ? gold : null;
}

describe('findClaimant on the labelled clusters', () => {
  it(`agrees with simple source_in_text / cited_outlet labels at least ${MIN_NAMED_AGREEMENT * 100}%`, () => {
    const labelled = members().filter((m) => simpleLabel(m) !== null);
    const misses = labelled.filter((m) => {
      const predicted = findClaimant(m.sentence);
      return !agrees(predicted, simpleLabel(m) ?? '') && !(m.cited_outlet && agrees(predicted, m.cited_outlet));
    });
    const rate = 1 - misses.length / labelled.length;
    console.log(`claimant agreement (simple labels): ${labelled.length - misses.length}/${labelled.length} = ${(rate * 100).toFixed(1)}%`);
    for (const m of misses) {
      console.log(`  miss ${m.file.slice(0, 3)}:${m.line} gold=${m.source_in_text} got=${findClaimant(m.sentence)} | ${m.sentence.slice(0, 90)}`);
    }
    expect(rate).toBeGreaterThanOrEqual(MIN_NAMED_AGREEMENT);
  });

  it(`finds no claimant in at least ${MIN_NULL_AGREEMENT * 100}% of sentences labelled without a source`, () => {
    const unsourced = members().filter((m) => !m.source_in_text && !m.cited_outlet && m.outlet_basis !== 'sentence_attribution');
    const extras = unsourced.filter((m) => findClaimant(m.sentence) !== null);
    const rate = 1 - extras.length / unsourced.length;
    console.log(`claimant null agreement: ${unsourced.length - extras.length}/${unsourced.length} = ${(rate * 100).toFixed(1)}%`);
    for (const m of extras) console.log(`  extra ${m.file.slice(0, 3)}:${m.line} got=${findClaimant(m.sentence)} | ${m.sentence.slice(0, 90)}`);
    expect(rate).toBeGreaterThanOrEqual(MIN_NULL_AGREEMENT);
  });
});

describe('findClaimant rules', () => {
  const cases: Array<[string, string | null]> = [
    ['At least 17 fighters were killed, the Syrian Observatory for Human Rights said.', 'Syrian Observatory for Human Rights'],
    ['The operation killed at least 22 fighters, according to Reuters.', 'Reuters'],
    ['The operation killed 22 fighters, according to the Syrian Observatory for Human Rights, a monitor.', 'Syrian Observatory for Human Rights'],
    ['“We cannot confirm it,” Lavrov told reporters.', 'Lavrov'],
    ['“Twelve citizens were killed,” Sana reported.', 'Sana'],
    ['“We condemn it,” Russian foreign ministry spokeswoman Maria Zakharova told reporters.', 'Maria Zakharova'],
    ['“We will continue,” he said.', null],
    ['It said the strike was carried out by a rebel brigade.', null],
    ['A jet was shot down on Sunday, the Pentagon said, marking a first.', 'Pentagon'],
    ['At least 12 people were killed, state media reported.', 'state media'],
    ['“The envoy decided to suspend the talks,” a U.N. official told Reuters.', 'a U.N. official'],
    ['Nearly 250 people have died since April 22, the monitor said.', 'monitor'],
    ['Russia’s Foreign Minister, Sergei Lavrov, said there was a need for talks.', 'Sergei Lavrov'],
    ['A U.S. military spokesman in Baghdad, Col. Steve Warren, said he had no indication.', 'Steve Warren'],
    ['The U.S. had not shot down a jet before, said Navy Capt. Jeff Davis, a Pentagon spokesman.', 'Jeff Davis'],
    ['“This is aggression,” said the coalition in a statement.', 'coalition'],
    ['TASS quoted Deputy Foreign Minister Sergei Ryabkov as saying the strike was aggression.', 'Sergei Ryabkov'],
    ['Earlier the Syrian Observatory for Human Rights reported that 12 children had been killed.', 'Syrian Observatory for Human Rights'],
    ['Syria’s constitutional court had earlier announced that 11.63 million Syrians voted.', 'Syria’s constitutional court'],
    ['The British-based monitoring group put the civilian death toll at nearly 250.', 'British-based monitoring group'],
    ['Moscow accuses Washington of backing terrorists, while the U.S. State Department said the strikes hit rebels.', 'U.S. State Department'],
    ['Russia, which began its strikes on September 30, said its aircraft flew 60 missions.', 'Russia'],
    ['The Kremlin, which said it had invited Assad, kept the visit quiet.', null],
    ['Washington launched strikes against an airbase it said was the launchpad for an attack.', null],
    ['US intelligence reports say the government used chemical weapons.', 'US intelligence reports'],
    ['The front lines were silent, with early reports saying the truce held.', null],
    ['Russia has long insisted its campaign only targets terrorist groups.', 'Russia'],
    ['Jets to be tracked as targets – Moscow', 'Moscow'],
    ['Russian diplomat: U.S. downing of Syrian warplane is ‘support of terrorists’: TASS', 'TASS'],
    ['More than 250,000 Syrians have been killed in the civil war.', null],
    ['The United States and European allies say few Russian strikes have targeted those groups.', 'United States and European allies'],
  ];
  it.each(cases)('%s -> %s', (sentence, expected) => {
    expect(findClaimant(sentence)).toBe(expected);
  });
});

describe('figureClaimant (issue 11: who said which figure)', () => {
  it('gives each figure the speaker of its own clause, a role description first', () => {
    const s =
      'The SOHR put the death toll at 58, including 11 children, but the head of a charity ambulance service in Idlib, Mohammed Rasoul, said that 67 people had been killed and that 300 were injured.';
    const c = findClaimant(s);
    expect(['58', '67', '300'].map((n) => figureClaimant(s, s.indexOf(n), c))).toEqual(['SOHR', 'Idlib ambulance service head', 'Idlib ambulance service head']);
    const one = 'At least 58 people have been killed and dozens wounded in Idlib, the Syrian Observatory for Human Rights says.';
    expect(figureClaimant(one, one.indexOf('dozens'), findClaimant(one))).toBe('Syrian Observatory for Human Rights');
  });

  it('reads roles in a few words', () => {
    expect(roleClaimant('the head of a charity ambulance service in Idlib said')).toBe('Idlib ambulance service head');
    expect(roleClaimant('Lavrov said')).toBeNull();
  });
});
