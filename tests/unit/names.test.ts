import { describe, expect, it } from 'vitest';
import { nameKey, nameKeys } from '../../lib/match/names';
import { Matcher } from '../../lib/match';
import { loadCorpus } from '../../scripts/corpus-io';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OTHER_OUTLETS } from '../fixtures/match/other-outlets';

/** Spelling variants that occur in the corpus and on the other-outlets pages (README of the set). */
const FOUND: string[][] = [
  ['Sheikhun', 'Sheikhoun'],
  ['Hemeimeem', 'Hmeymim', 'Hmeimim'],
  ['Talbisah', 'Talbiseh'],
  ['al-Jawhari', 'al-Johari'],
  ['Muhammad', 'Mohammad'],
  ['Husseini', 'Hussein'],
  ['Tartus', 'Tartous'],
  ['Tabqa', 'Tabqah'],
];
/** The examples (forms not all in the data). */
const VARIANTS: string[][] = [...FOUND, ['Sheikhun', 'Shaykhun'], ['Daraa', 'Deraa'], ['Shoigu', 'Shoygu'], ['Zaafarana', 'Zafaraneh']];

const corpus = loadCorpus();
const corpusText = corpus.sentences.map((s) => s.text).join('\n');
const pagesText = readdirSync(join(OTHER_OUTLETS, 'pages'))
  .map((f) => readFileSync(join(OTHER_OUTLETS, 'pages', f), 'utf8'))
  .join('\n');

describe('name keys fold transliteration variants', () => {
  it.each(VARIANTS)('%s and its variants share one key', (...forms) => {
    const keys = new Set(forms.map(nameKey));
    expect(keys.size).toBe(1);
  });

  it('the variants are real: every form occurs in the corpus or on the other-outlets pages', () => {
    for (const form of FOUND.flat()) expect(corpusText.includes(form) || pagesText.includes(form), form).toBe(true);
  });

  it('keeps different names apart', () => {
    const names = ['Homs', 'Aleppo', 'Idlib', 'Damascus', 'Raqqa', 'Moscow', 'Putin', 'Obama', 'Kerry', 'Lavrov', 'Assad', 'Tartus', 'Palmyra'];
    expect(new Set(names.map(nameKey)).size).toBe(names.length);
  });

  it('reads name words of a sentence, skipping articles, short words and ignored words', () => {
    const keys = nameKeys('Rebels shelled Khan Sheikhun and al-Jawhari said the President was told.', new Set(['president']));
    expect(keys).toEqual(new Set([nameKey('Rebels'), nameKey('Khan'), nameKey('Sheikhoun'), nameKey('Johari')]));
  });

  it('the matcher reads a name the corpus spells otherwise as the corpus spelling (Sheikhun, Talbisah, al-Jawhari)', () => {
    const matcher = Matcher.build(corpus.sentences);
    for (const [corpusForm, pageForm] of [['Sheikhoun', 'Sheikhun'], ['Talbiseh', 'Talbisah'], ['Johari', 'Jawhari']] as const) {
      const s = corpus.sentences.find((x) => x.text.includes(corpusForm) && x.text.length > 60)!;
      const variant = s.text.split(corpusForm).join(pageForm);
      const asIs = matcher.match(s.text, { excludeIds: new Set([s.id]), minScore: 0 });
      const respelt = matcher.match(variant, { excludeIds: new Set([s.id]), minScore: 0 });
      expect(respelt.map((m) => [m.sentenceId, m.score]), pageForm).toEqual(asIs.map((m) => [m.sentenceId, m.score]));
      expect(respelt.length, pageForm).toBeGreaterThan(0);
    }
  });
});
