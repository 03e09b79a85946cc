import { describe, expect, it } from 'vitest';
import { outletNamedAsSource, sentenceOutlet } from '../../lib/corpus/attribution';

describe('sentence-level outlet attribution', () => {
  it.each([
    ['“Nine people were killed in the shelling,” Sana reported.', 'SANA'],
    ['A senior commander told Reuters the offensive would resume.', 'Reuters'],
    ['The talks will resume next week, according to the Guardian.', 'The Guardian'],
    ['Moscow called it an act of aggression, TASS news agency quoted a deputy minister as saying.', 'TASS'],
    ['Diplomat says downing of warplane is support of terrorists: TASS', 'TASS'],
    ['Al Jazeera reported that the convoy had crossed the border.', 'Al Jazeera'],
  ])('credits %j to %s', (text, outlet) => {
    expect(outletNamedAsSource(text)).toBe(outlet);
  });

  it.each([
    'The minister gave an interview in which he criticised Reuters coverage.',
    'A Reuters photographer was wounded in the blast.',
    'The Syrian Observatory for Human Rights said 12 people were killed.',
    'He said the strike had hit three schools.',
  ])('does not treat a mention as a source: %j', (text) => {
    expect(outletNamedAsSource(text)).toBeNull();
  });

  it('prefers the article credit, and never guesses', () => {
    expect(sentenceOutlet('AFP', 'Sana reported the toll.')).toEqual({ outlet: 'AFP', outletBasis: 'article_credit' });
    expect(sentenceOutlet(null, 'Sana reported the toll.')).toEqual({ outlet: 'SANA', outletBasis: 'sentence_attribution' });
    expect(sentenceOutlet(null, 'Officials reported the toll.')).toEqual({ outlet: null, outletBasis: null });
  });
});
