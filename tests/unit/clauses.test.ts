import { describe, expect, it } from 'vitest';
import { buildContext } from '../../lib/match';
import { CLAUSE_MIN_WORDS, clauseQueries, matchWithClauses } from '../../lib/match/clauses';
import { CorpusView, PAGE_CANDIDATES, pageSentences } from '../../lib/match/page';
import { loadWordVectors } from '../../scripts/corpus-io';
import { outletPageText } from '../fixtures/match/other-outlets';
import { committedCorpus } from './corpus-helpers';

/** The sentences of an other-outlets page, as the page matcher reads them. */
function sentencesOf(file: string): string[] {
  return pageSentences(outletPageText(`pages/${file}`)).map((s) => s.text);
}

/** The page sentence of `file` that starts with `prefix` (it must be one of the page's sentences). */
function pageSentence(file: string, prefix: string): string {
  const found = sentencesOf(file).filter((s) => s.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Asserts the clauses read from the page sentence of `file` that starts with `prefix`. */
function expectClauses(file: string, prefix: string, clauses: string[]): void {
  expect(clauseQueries(pageSentence(file, prefix))).toEqual(clauses);
}

describe('clauseQueries on real page sentences (tests/fixtures/other-outlets)', () => {
  it('reads a relative clause apart, and the sentence without it', () => {
    expectClauses('35-heartoforient-tillerson-moscow.txt', 'Russia, which along with Iran', [
      "Russia, reacted with fury to the U.S. strike and continues to cast doubt on the regime's involvement in the chemical attack, to Washington's disgust.",
      'Russia along with Iran has deployed forces to help Assad in the six-year-old civil war',
    ]);
  });

  it('cuts at a comma before a conjunction that opens another clause', () => {
    expectClauses('35-heartoforient-tillerson-moscow.txt', 'Tillerson did not cancel his visit', [
      'Tillerson did not cancel his visit, however',
      'and he will hold talks with his counterpart Foreign Minister Sergei Lavrov on Wednesday.',
    ]);
    expectClauses('22-pakuptodate-muallem-elections.txt', 'UN special envoy to Syria Staffan de Mistura has said', [
      'UN special envoy to Syria Staffan de Mistura has said he wants to see presidential elections in the next 18 months',
      'but on Saturday Mr Muallem dismissed the idea.',
    ]);
  });

  it('drops parentheticals, and pieces too short to state a claim', () => {
    expectClauses('22-pakuptodate-muallem-elections.txt', 'The main Syrian opposition umbrella group', [
      'The main Syrian opposition umbrella group, the High Negotiations Committee, said on Friday it would push for an interim government with full executive powers in which President Bashar al-Assad and the current leadership would have no role.',
    ]);
    // ", says the Syrian government" stays with its clause; "after 73 percent ..." is cut off as its own.
    expectClauses('06-atlantic-assad-reelection.txt', 'Syrian President Bashar al-Assad was officially re-elected', [
      'Syrian President Bashar al-Assad was officially re-elected for a third seven-year term with a 88.7 percent of the vote',
      "after 73 percent of Syria's eligible voters went to the polls, says the Syrian government.",
    ]);
  });

  it('leaves short sentences, questions and sentences without clauses whole', () => {
    const short = pageSentence('35-heartoforient-tillerson-moscow.txt', 'Tillerson did not cancel his visit');
    expect(clauseQueries(short.split(', and')[0]!)).toEqual([]);
    const sentences = sentencesOf('33-foxnews-shayrat-strike.txt');
    for (const s of sentences.filter((x) => x.split(/\s+/).length < CLAUSE_MIN_WORDS)) expect(clauseQueries(s)).toEqual([]);
    expect(clauseQueries('Who ordered the strike on the airbase, and why did the Pentagon say that it had warned the Russians an hour before?')).toEqual([]);
    // Long, but one clause: nothing to read apart.
    const plain = 'Two Jordanian journalists having a televised debate about the civil war in neighboring Syria overturned the desk during an on-air brawl.';
    expect(plain.split(/\s+/).length).toBeGreaterThanOrEqual(CLAUSE_MIN_WORDS);
    expect(clauseQueries(plain)).toEqual([]);
  });
});

describe('matchWithClauses', () => {
  const corpus = committedCorpus();
  const view = CorpusView.fromCorpus(corpus, loadWordVectors());
  const idOf = (prefix: string) => corpus.sentences.find((s) => s.text.startsWith(prefix))!.id;
  const opts = (page: string[]) => ({ context: buildContext(page), limit: PAGE_CANDIDATES, minScore: 0.3 });

  it('scores the labelled corpus sentence of a two-clause page sentence by the clause that restates it', () => {
    const page = sentencesOf('35-heartoforient-tillerson-moscow.txt');
    const text = pageSentence('35-heartoforient-tillerson-moscow.txt', 'Tillerson did not cancel his visit');
    // Labelled (labels.json) as restating this corpus sentence.
    const right = idOf('Secretary of State Rex Tillerson is holding talks in Russia with Foreign Minister Sergei Lavrov');
    const whole = view.matcher.match(text, opts(page)).find((m) => m.sentenceId === right)!;
    const merged = matchWithClauses(view.matcher, text, opts(page));
    expect(merged[0]!.sentenceId).toBe(right);
    // Under the committed rule's confident bar (0.64) read whole, over it read by its clause.
    expect(whole.score).toBeLessThan(0.64);
    expect(merged[0]!.score).toBeGreaterThan(0.7);
  });

  it('keeps every whole-sentence match at its score or better, and a short sentence exactly as Matcher.match', () => {
    const page = sentencesOf('33-foxnews-shayrat-strike.txt');
    let long = 0;
    for (const text of page) {
      const whole = view.matcher.match(text, opts(page));
      const merged = matchWithClauses(view.matcher, text, opts(page));
      if (clauseQueries(text).length === 0) {
        expect(merged).toEqual(whole);
        continue;
      }
      long++;
      const best = new Map(merged.map((m) => [m.sentenceId, m.score]));
      for (const m of whole) if (best.has(m.sentenceId)) expect(best.get(m.sentenceId)!).toBeGreaterThanOrEqual(m.score);
      expect(merged.length).toBeGreaterThanOrEqual(whole.length);
      expect(merged.map((m) => m.score)).toEqual([...merged.map((m) => m.score)].sort((a, b) => b - a));
    }
    expect(long).toBeGreaterThan(0);
  });
});
