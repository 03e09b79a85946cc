// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { LookupBox } from '../../components/LookupBox';
import { createLookup, type LookupResult } from '../../lib/lookup';
import { committedCorpus } from '../unit/corpus-helpers';
import { MARKUP } from './real-matches';
import { pressEnter } from './keyboard';

afterEach(cleanup);

const lookup = createLookup(committedCorpus());

/** The box wired to the real lookup, as the popup will wire it. */
function Wired({ initial = '' }: { initial?: string }) {
  const [query, setQuery] = useState(initial);
  return <LookupBox query={query} results={lookup.search(query, 5)} onQuery={setQuery} />;
}

describe('LookupBox', () => {
  it('has a labelled search input and reports the query on input', () => {
    const onQuery = vi.fn();
    const { getByLabelText } = render(<LookupBox query="" results={[]} onQuery={onQuery} />);
    const input = getByLabelText('Look up a claim') as HTMLInputElement;
    expect(input.type).toBe('search');
    fireEvent.input(input, { target: { value: 'khan' } });
    expect(onQuery).toHaveBeenCalledWith('khan');
  });

  it('shows what to type, then no results, in a status line', () => {
    const { getByRole, rerender } = render(<LookupBox query="" results={[]} onQuery={vi.fn()} />);
    expect(getByRole('status').textContent).toMatch(/Type a few words/);
    rerender(<LookupBox query="zzqxv" results={[]} onQuery={vi.fn()} />);
    expect(getByRole('status').textContent).toBe('No claim in the corpus matches “zzqxv”.');
  });

  it('finds a claim typed with a typo, with its outlets and mentions', () => {
    const { getByLabelText, container, getByRole } = render(<Wired />);
    fireEvent.input(getByLabelText('Look up a claim'), { target: { value: 'khan sheikhun' } });
    const expected = lookup.search('khan sheikhun', 5);
    expect(expected.length).toBeGreaterThan(0);
    expect([...container.querySelectorAll('.cc-result-label')].map((e) => e.textContent)).toEqual(expected.map((r) => r.label));
    expect(getByRole('status').textContent).toBe(`${expected.length} claims found.`);
    const first = container.querySelector('.cc-result')!;
    expect(first.querySelectorAll('.cc-mention').length).toBe(Math.min(2, expected[0]!.mentions.length));
    expect(first.textContent).toMatch(/Khan Sheikhoun/);
  });

  it('shows differing figures of a result as a comparison', () => {
    const withSpread = lookup.search('Tens of thousands of people have died', 10).filter((r) => r.figures?.some((f) => f.differ));
    expect(withSpread.length).toBeGreaterThan(0);
    const { container } = render(<LookupBox query="Tens of thousands" results={withSpread.slice(0, 1)} onQuery={vi.fn()} />);
    expect(container.querySelectorAll('.cc-cmp').length).toBe(withSpread[0]!.figures!.filter((f) => f.differ).length);
  });

  it('expands a long mention list with Enter', () => {
    const long = lookup.search('Tens of thousands of people have died', 10).find((r) => r.mentions.length > 2);
    expect(long).toBeTruthy();
    const { getByText, container } = render(<LookupBox query="x" results={[long!]} onQuery={vi.fn()} />);
    pressEnter(getByText(`Show all ${long!.mentions.length} mentions`));
    expect(container.querySelectorAll('.cc-mention').length).toBe(long!.mentions.length);
  });

  it('renders a query and results with markup as text', () => {
    const [r] = lookup.search('Assad', 1);
    const hostile: LookupResult = { ...r!, label: MARKUP, mentions: r!.mentions.map((m) => ({ ...m, text: MARKUP })) };
    const { container } = render(<LookupBox query={MARKUP} results={[hostile]} onQuery={vi.fn()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cc-result-label')?.textContent).toBe(MARKUP);
    expect((container.querySelector('input') as HTMLInputElement).value).toBe(MARKUP);
  });

  it('focuses the input when asked', () => {
    const { getByLabelText } = render(<LookupBox query="" results={[]} onQuery={vi.fn()} autoFocus />);
    expect(document.activeElement).toBe(getByLabelText('Look up a claim'));
  });
});

describe('LookupBox result lines', () => {
  it('shows each result’s date, outlets and figure summary', () => {
    const results = lookup.search('khan shekhoun deth toll', 3);
    const { container } = render(<LookupBox query="khan shekhoun deth toll" results={results} onQuery={vi.fn()} />);
    const items = [...container.querySelectorAll('.cc-result')];
    expect(items).toHaveLength(results.length);
    items.forEach((li, i) => {
      const r = results[i]!;
      expect(li.querySelector('.cc-result-date')?.textContent).toMatch(r.dates ? /\d{4}/ : /^undated$/);
      expect(li.querySelector('.cc-result-figures')?.textContent ?? '').toBe(r.figureSummary);
    });
    expect(container.textContent).toMatch(/killed: .*89/);
  });
});
