// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { FigureComparison } from '../../components/FigureComparison';
import { compareFigures } from '../../lib/match/compare';
import { extractFigures } from '../../lib/corpus/figures';
import type { Mention } from '../../lib/match/page';
import { MARKUP, differingFiguresMatch, risingTollComparison, risingTollSentences } from './real-matches';

afterEach(cleanup);

function plotted(container: Element): number[] {
  return [...container.querySelectorAll('.cc-chart-point')].map((g) => Number(g.getAttribute('data-value')));
}

function mentionsOf(): Mention[] {
  return risingTollSentences().map((s) => ({ sentenceId: s.id, text: s.text, outlet: s.outlet, source: `${s.docId}.txt`, collection: `collection ${s.docId}`, date: s.date, claimant: s.claimant, figures: s.figures }));
}

describe('FigureComparison', () => {
  it('lists each value in time order with qualifier and date, and marks a rising update', () => {
    const c = risingTollComparison();
    const { container } = render(<FigureComparison comparison={c} mentions={mentionsOf()} />);
    expect(container.querySelector('.cc-kind')?.textContent).toBe('Update, rising');
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(rows).toEqual([
      ['health officials · Reuters', 'at least 58', '4 Apr 2017'],
      ['health officials · AFP', '72', '5 Apr 2017'],
      ['health officials · collection 002', '86', '7 Apr 2017'],
    ]);
  });

  it('marks a falling update, a conflict and undated differences', () => {
    const [a, b, c] = risingTollSentences();
    const falling = compareFigures([], [{ ...a!, date: '2017-04-09' }, b!]);
    const conflict = compareFigures([], [{ ...a!, date: b!.date }, b!]);
    const undated = compareFigures([], [{ ...a!, date: null }, c!]);
    const label = (cmp: (typeof falling)[number]) =>
      render(<FigureComparison comparison={cmp} />).container.querySelector('.cc-kind')?.textContent;
    expect(label(falling[0]!)).toBe('Update, falling');
    expect(label(conflict[0]!)).toMatch(/^Conflict/);
    expect(label(undated[0]!)).toMatch(/dates cannot tell/);
  });

  it('plots numeric values only, lists vague ones, and draws the page value differently', () => {
    const sentences = risingTollSentences();
    const pageText = 'At least 100 people were killed in the attack.';
    const [cmp] = compareFigures(extractFigures(pageText), sentences, '2017-04-08');
    expect(cmp, 'the page figure aligns with the corpus toll').toBeTruthy();
    const { container } = render(<FigureComparison comparison={cmp!} mentions={mentionsOf()} />);
    const numeric = [cmp!.page!, ...cmp!.corpus].filter((v) => v.value !== null).map((v) => v.value);
    expect(plotted(container).sort((x, y) => x - y)).toEqual([...numeric].sort((x, y) => x! - y!));
    expect(container.querySelectorAll('.cc-chart-point--page').length).toBe(1);
    expect(container.querySelector('.cc-chart-point--page')?.getAttribute('data-value')).toBe(String(cmp!.page!.value));
    const table = container.querySelector('table')!.textContent!;
    expect(table).toContain('Dozens');
    expect(table).toContain('not plotted');
    expect(table).toContain('This page');
    expect(plotted(container)).not.toContain(NaN);
  });

  it('draws equal values as one dot labelled with every source', () => {
    const [a, b] = risingTollSentences();
    const [cmp] = compareFigures([], [a!, { ...b!, figures: [{ ...b!.figures[0]!, value: 58 }] }, { ...a!, id: '003-L9-S1', outlet: 'AP', date: '2017-04-06' }]);
    const { container } = render(<FigureComparison comparison={cmp!} />);
    expect(cmp!.kind).toBe('same');
    expect(plotted(container)).toEqual([58]);
    // The chart names who said it in a few words (the claimant first), so labels are not cut.
    expect(container.querySelector('.cc-chart-label')?.textContent).toBe('health officials ×3');
    expect(container.querySelectorAll('tbody tr').length).toBe(3);
  });

  it('gives the chart an accessible summary with every plotted value', () => {
    const { container } = render(<FigureComparison comparison={risingTollComparison()} />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const summary = svg.getAttribute('aria-label')!;
    expect(svg.querySelector('title')?.textContent).toBe(summary);
    for (const text of ['health officials · Reuters at least 58', 'health officials · AFP 72', 'health officials · unattributed article 86', 'rising']) expect(summary).toContain(text);
  });

  it('draws no chart with fewer than two numeric values', () => {
    const [a, , , vague] = risingTollSentences();
    const [cmp] = compareFigures([], [a!, vague!]);
    const { container } = render(<FigureComparison comparison={cmp!} />);
    expect(container.querySelector('svg')).toBeNull();
    expect(container.querySelectorAll('tbody tr').length).toBe(2);
  });

  it('renders a real corpus comparison with every value in the table', () => {
    const match = differingFiguresMatch();
    const cmp = match.figures.find((f) => f.differ)!;
    const { container } = render(<FigureComparison comparison={cmp} mentions={match.mentions} />);
    expect(container.querySelectorAll('tbody tr').length).toBe(cmp.corpus.length + (cmp.page ? 1 : 0));
    const numeric = [cmp.page, ...cmp.corpus].flatMap((v) => (v && v.value !== null ? [v.value] : []));
    const distinct = [...new Set(numeric)].sort((a, b) => a - b);
    expect(plotted(container)).toEqual(numeric.length >= 2 ? distinct : []);
  });

  it('shows markup in an outlet name or figure text as text', () => {
    const c = risingTollComparison();
    const hostile = { ...c, what: MARKUP, corpus: c.corpus.map((v) => ({ ...v, outlet: MARKUP })) };
    const { container } = render(<FigureComparison comparison={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('tbody th')?.textContent).toBe(`health officials · ${MARKUP}`);
    expect(container.querySelector('svg title')?.textContent).toContain(MARKUP);
  });
});
