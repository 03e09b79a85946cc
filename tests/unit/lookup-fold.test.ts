import { describe, expect, it } from 'vitest';
import { foldWord, foldedWords, nameKey } from '../../lib/lookup/fold';
import { stem, wordTerms } from '../../lib/lookup/terms';

const key = (w: string) => nameKey(stem(foldWord(w)));

describe('transliteration folding', () => {
  it('lower-cases and strips diacritics and apostrophes', () => {
    expect(foldWord('Aleppo’s')).toBe('aleppos');
    expect(foldWord('Müallem')).toBe('muallem');
    expect(foldWord('Ḥamā')).toBe('hama');
  });

  it('drops the Arabic article and splits hyphenated names', () => {
    expect(foldedWords('Bashar al-Assad met el-Sisi')).toEqual(['bashar', 'assad', 'met', 'sisi']);
    expect(foldedWords('Maarat al Numan')).toEqual(['maarat', 'numan']);
    expect(foldedWords('killed 191,000 people')).toEqual(['killed', '191000', 'people']);
  });

  it('gives the spellings of one name the same key', () => {
    for (const group of [
      ['Sheikhoun', 'Shekhoun', 'Shaykhun', 'Sheikhun'],
      ['Raqqa', 'Raqa', 'Rakka'],
      ['Idlib', 'Edlib', 'Idleb'],
      ['Assad', 'Asad', 'al-Assad'],
      ['Hmeimim', 'Hmeymim'],
      ['Tartus', 'Tartous'],
      ['Moallem', 'Muallem', 'Mouallem'],
    ]) {
      expect(new Set(group.map(key)), group.join('/')).toEqual(new Set([key(group[0]!)]));
    }
  });

  it('keeps different names apart', () => {
    expect(key('Homs')).not.toBe(key('Hama'));
    expect(key('Aleppo')).not.toBe(key('Idlib'));
    expect(key('Daraa')).not.toBe(key('Douma'));
  });

  it('maps figure words to the quantity they ask for, and leaves numbers whole', () => {
    const terms = wordTerms('death toll of 1,200 as thousands fled');
    expect(terms.map((t) => t.concept)).toEqual(['killed', 'killed', undefined, undefined, 'displaced']);
    expect(terms.find((t) => t.numeric)?.key).toBe('1200');
  });
});
