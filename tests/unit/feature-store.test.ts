/**
 * The feature store of a loaded index: a packed sentence's terms read alone (for article contexts) are the
 * terms of its fully decoded features, for every sentence of the committed corpus; once decoded, the
 * features' own set is given.
 */
import { describe, expect, it } from 'vitest';
import { FeatureStore } from '../../lib/match/feature-store';
import type { SerializedMatcher } from '../../lib/match/matcher';
import { committedCorpus } from './corpus-helpers';

describe('FeatureStore.terms', () => {
  it('gives the decoded features\u2019 terms of every packed corpus sentence', () => {
    const corpus = committedCorpus();
    const index = corpus.index as SerializedMatcher;
    const figures = corpus.sentences.map((s) => s.figures);
    const termsFirst = new FeatureStore();
    termsFirst.pushPacked(index.features, index.vocab, figures);
    const decodedFirst = new FeatureStore();
    decodedFirst.pushPacked(index.features, index.vocab, figures);
    expect(termsFirst.length).toBe(corpus.sentences.length);
    for (let i = 0; i < corpus.sentences.length; i++) {
      const terms = termsFirst.terms(i);
      const features = decodedFirst.get(i)!;
      expect([...terms].sort()).toEqual([...features.terms].sort());
      expect(terms.size).toBeGreaterThan(0);
      // Once decoded, the store answers from the features themselves.
      expect(decodedFirst.terms(i)).toBe(features.terms);
    }
    expect(termsFirst.terms(corpus.sentences.length).size).toBe(0);
  });
});
