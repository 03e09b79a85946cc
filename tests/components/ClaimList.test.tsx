// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { ClaimList, claimSummary } from '../../components/ClaimList';
import { matchPage, type PageMatch } from '../../lib/match/page';
import { committedCorpus } from '../unit/corpus-helpers';
import { MARKUP, corpusView, differingFiguresMatch } from './real-matches';
import { pressEnter } from './keyboard';
import { annotate } from './AnnotationFixtures';
import type { Sentence } from '../../lib/corpus/types';

afterEach(cleanup);

/** A page made of the first sentence of several multi-mention claims, so it has several matches in order. */
function realPage(): { text: string; matches: PageMatch[] } {
  const view = corpusView();
  const picked = committedCorpus()
    .claims.filter((c) => c.sentenceIds.length >= 2)
    .slice(0, 6)
    .map((c) => view.sentenceById.get(c.sentenceIds[0]!)!.text);
  const text = [differingFiguresMatch().text, ...picked].join('\n');
  return { text, matches: matchPage(view, text) };
}

function toggles(container: Element): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>('button[aria-expanded]')];
}

describe('ClaimList', () => {
  it('lists each claim once, in reading order', () => {
    const { matches } = realPage();
    expect(matches.length).toBeGreaterThanOrEqual(3);
    const { container } = render(<ClaimList matches={matches} onReveal={vi.fn()} />);
    const expected = [...new Set(matches.map((m) => m.claim))].map((id) => matches.find((m) => m.claim === id)!.claimLabel);
    const labels = [...container.querySelectorAll('.cc-claim-text')].map((el) => el.textContent);
    expect(labels).toEqual(expected);
    const differing = [...new Set(matches.filter((m) => m.figures.some((f) => f.differ)).map((m) => m.claim))].length;
    expect(differing).toBeGreaterThan(0);
    expect(container.querySelector('.cc-heading')?.textContent).toBe(`${expected.length} claims · ${differing} with differing figures`);
    // Each row is headed by the page's own sentence; the corpus claim waits in the collapsed panel.
    const firstOfEach = [...new Set(matches.map((m) => m.claim))].map((id) => matches.find((m) => m.claim === id)!.text);
    expect([...container.querySelectorAll('.cc-claim-sentence')].map((el) => el.textContent)).toEqual(firstOfEach);
    expect(container.querySelectorAll('.cc-claim-toggle .cc-claim-text')).toHaveLength(0);
    // A legend says what the marks mean, in words as well as colour.
    expect(container.querySelector('.cc-legend')?.textContent).toMatch(/confident.*possible.*≠ figures differ/);
    expect([...container.querySelectorAll('.cc-legend-mark')].map((e) => e.className)).toEqual([
      'cc-legend-mark cc-legend-mark--confident',
      'cc-legend-mark cc-legend-mark--possible',
      'cc-legend-mark cc-legend-mark--differs',
    ]);
  });

  it('summarises without the differing part when no figures differ', () => {
    const { matches } = realPage();
    const plain = matches.filter((m) => !m.figures.some((f) => f.differ));
    const claims = new Set(plain.map((m) => m.claim)).size;
    expect(claims).toBeGreaterThan(1);
    expect(claimSummary(plain)).toBe(`${claims} claims`);
    expect(claimSummary(plain.slice(0, 1))).toBe('1 claim');
  });

  it('expands a claim to its mentions and its differing figures, by click and by Enter', () => {
    const match = differingFiguresMatch();
    const { container } = render(<ClaimList matches={[match]} onReveal={vi.fn()} />);
    const [toggle] = toggles(container);
    const panel = container.querySelector(`[id="${toggle!.getAttribute('aria-controls')}"]`) as HTMLElement;
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    fireEvent.click(toggle!);
    expect(toggle!.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.querySelectorAll('.cc-mention').length).toBeGreaterThan(0);
    expect(panel.querySelectorAll('.cc-cmp').length).toBe(match.figures.filter((f) => f.differ).length);
    pressEnter(toggle!);
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
  });

  it('emphasises the page sentence figures in the row, and marks a claim whose figures differ', () => {
    const match = differingFiguresMatch();
    const { container } = render(<ClaimList matches={[match]} onReveal={vi.fn()} />);
    expect(container.querySelector('.cc-claim-meta .cc-differs')?.textContent).toBe('≠ figures differ');
    const quote = container.querySelector('.cc-claim-sentence')!;
    const pageFigures = match.figures.flatMap((c) => (c.page ? [c.page.text] : []));
    expect([...quote.querySelectorAll('.cc-fig')].map((e) => e.textContent).sort()).toEqual([...new Set(pageFigures)].sort());
    expect(quote.textContent).toContain(match.text);
  });

  it('calls onReveal with the index of the claim’s first sentence, on click and on Enter', () => {
    const { matches } = realPage();
    const dup = [...matches, { ...matches[0]!, start: 99_999, end: 100_000 }];
    const onReveal = vi.fn();
    const { getAllByText } = render(<ClaimList matches={dup} onReveal={onReveal} />);
    const buttons = getAllByText('Show');
    expect(buttons.every((b) => b.getAttribute('aria-label') === 'Show on page' && !b.classList.contains('cc-button'))).toBe(true);
    expect(buttons.length).toBe(new Set(dup.map((m) => m.claim)).size);
    fireEvent.click(buttons[1]!);
    const second = dup.findIndex((m) => m.claim !== dup[0]!.claim);
    expect(onReveal).toHaveBeenLastCalledWith(second);
    pressEnter(buttons[0]!);
    expect(onReveal).toHaveBeenLastCalledWith(0);
    expect(onReveal).toHaveBeenCalledTimes(2);
  });

  it('shows a page sentence with markup as text', () => {
    const view = corpusView();
    const base = differingFiguresMatch();
    const [match] = matchPage(view, `${MARKUP} ${base.text}`);
    expect(match, 'markup in the page does not stop the match').toBeTruthy();
    const { container } = render(<ClaimList matches={[match!]} onReveal={vi.fn()} />);
    fireEvent.click(toggles(container)[0]!);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cc-claim-sentence')?.textContent).toContain(MARKUP);
  });

  it('lists the reader’s notes on a claim made on any site, each with its site (the card only counts them)', () => {
    const match = differingFiguresMatch();
    const sentence = corpusView().sentenceById.get(match.mentions[0]!.sentenceId)! as Sentence;
    const here = annotate({ ...sentence, outlet: 'Reuters' }, { note: 'Check the later toll', tags: ['toll'], day: '2024-03-01', id: 'urn:uuid:a' });
    const there = annotate({ ...sentence, outlet: 'AFP' }, { note: 'Compare with the UN figure', day: '2024-03-02', id: 'urn:uuid:b' });
    const { container } = render(<ClaimList matches={[match]} onReveal={vi.fn()} claimNotes={new Map([[match.claim, [here, there]]])} />);
    const notes = [...container.querySelectorAll('.cc-claim-notes .cc-note')].map((li) => li.textContent?.replace(/\s+/g, ' '));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('Check the later toll · toll · on www.reuters.com');
    expect(notes[1]).toContain('Compare with the UN figure · on www.afp.com');
    expect(container.textContent).toContain('Your notes on this claim (2)');
    const other = render(<ClaimList matches={[match]} onReveal={vi.fn()} claimNotes={new Map([['another-claim', [here]]])} />);
    expect(other.container.querySelector('.cc-claim-notes')).toBeNull();
  });
});
