/** Page matches built from the committed corpus through the real matcher, for the component tests. */
import { committedCorpus } from '../unit/corpus-helpers';
import { CorpusView, matchPage, type PageMatch } from '../../lib/match/page';
import { compareFigures, type FigureComparison } from '../../lib/match/compare';
import type { Figure, Sentence } from '../../lib/corpus/types';

/** Markup that must show up as text, never as an element. */
export const MARKUP = '<img src=x onerror=alert(1)>';

let view: CorpusView | undefined;
/** The corpus view with the shipped index, loaded once per test file. */
export function corpusView(): CorpusView {
  view ??= CorpusView.fromCorpus(committedCorpus());
  return view;
}

/** Matches of a claim's first sentence used as page text, restricted to that claim. */
function selfMatch(claimSentenceIds: readonly string[], claimId: string): PageMatch | undefined {
  const s = corpusView().sentenceById.get(claimSentenceIds[0]!);
  return s ? matchPage(corpusView(), s.text).find((m) => m.claim === claimId) : undefined;
}

/** Claims sorted by mention count, largest first. */
function claimsBySize() {
  return [...committedCorpus().claims].sort((a, b) => b.sentenceIds.length - a.sentenceIds.length);
}

/** The match for the claim with the most mentions (its first sentence, read as a page). */
export function mostMentionedMatch(): PageMatch {
  for (const c of claimsBySize()) {
    const m = selfMatch(c.sentenceIds, c.id);
    if (m) return m;
  }
  throw new Error('no claim matches its own sentence');
}

/** The largest claim whose match has a figure comparison with differing values, at least two of them numbers. */
export function differingFiguresMatch(): PageMatch {
  for (const c of claimsBySize()) {
    if (c.sentenceIds.length < 2) break;
    const m = selfMatch(c.sentenceIds, c.id);
    const numeric = (f: FigureComparison) => [f.page, ...f.corpus].filter((v) => v && v.value !== null).length;
    if (m?.figures.some((f) => f.differ && numeric(f) >= 2)) return m;
  }
  throw new Error('no claim with differing figures');
}

function fig(text: string, start: number, value: number | null, qualifier: string | null = null): Figure {
  return { text, start, value, qualifier, unit: 'people', what: 'killed' };
}

function sentence(id: string, text: string, figures: Figure[], outlet: string | null, date: string | null): Sentence {
  return { id, articleId: id.slice(0, 8), docId: id.slice(0, 3), line: 1, text, outlet, outletBasis: outlet ? 'article_credit' : null, date, claimant: 'health officials', figures };
}

/**
 * A death toll reported on three dates by different outlets, and a vague one with no date, compared through
 * the real `compareFigures`: the shape of a rising toll (an update) with a value that cannot be plotted.
 */
export function risingTollSentences(): Sentence[] {
  return [
    sentence('000-L1-S1', 'At least 58 people were killed in the attack, officials said.', [fig('At least 58', 0, 58, 'at least')], 'Reuters', '2017-04-04'),
    sentence('001-L1-S1', 'The death toll rose to 72, including 20 children.', [fig('72', 22, 72)], 'AFP', '2017-04-05'),
    sentence('002-L1-S1', 'The attack killed 86 people, the health ministry said.', [fig('86', 18, 86)], null, '2017-04-07'),
    sentence('004-L1-S1', 'Dozens of people were killed in the attack.', [fig('Dozens', 0, null, 'dozens')], 'AP', null),
  ];
}

/** The comparison of {@link risingTollSentences} without a page figure. */
export function risingTollComparison(): FigureComparison {
  const [c] = compareFigures([], risingTollSentences().slice(0, 3));
  if (!c) throw new Error('no comparison');
  return c;
}
