// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageNotes } from '../../components/PageNotes';
import { createAnnotation } from '../../lib/annotations/model';

afterEach(cleanup);

const pageText = 'Fifty-nine Tomahawk cruise missiles were fired. The Kremlin condemned the strike. <img src=x onerror=alert(1)> was typed here.';
function note(id: string, quote: string, text: string, tags: string[]) {
  const start = pageText.indexOf(quote);
  return createAnnotation({
    pageText,
    start,
    end: start + quote.length,
    note: text,
    tags,
    canonicalUrl: 'https://news.example/strike',
    seenUrl: 'https://news.example/strike?utm_source=x',
    now: new Date('2026-11-20T10:00:00Z'),
    id,
  });
}

describe('PageNotes', () => {
  const a = note('urn:uuid:a', 'Fifty-nine Tomahawk cruise missiles were fired.', 'Count the ships again.', ['follow up']);
  const b = note('urn:uuid:b', 'The Kremlin condemned the strike.', 'Source?', ['disputed']);

  it('renders nothing when the page has no notes', () => {
    const { container } = render(<PageNotes annotations={[]} orphans={[]} orphansHref="/annotations.html?orphans=1" />);
    expect(container.innerHTML).toBe('');
  });

  it('lists every note of the page and marks the orphans, with a link to find them', () => {
    const open = vi.fn();
    const { getByRole, container } = render(
      <PageNotes annotations={[a, b]} orphans={[b.id, 'urn:uuid:elsewhere']} orphansHref="/annotations.html?orphans=1" onOpenOrphans={open} />,
    );
    const region = getByRole('region', { name: 'Your notes on this page (2)' });
    expect(region.textContent).toContain('1 note could not be placed on the page');
    expect([...container.querySelectorAll('.cc-note--orphan .cc-note-quote')].map((q) => q.textContent)).toEqual([
      'The Kremlin condemned the strike.',
    ]);
    expect(region.textContent).toContain('Count the ships again.');
    expect(region.textContent).toContain('follow up');
    fireEvent.click(getByRole('link', { name: 'See them on the annotations page' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('shows markup in a note as text', () => {
    const c = note('urn:uuid:c', '<img src=x onerror=alert(1)> was typed here.', '<b>bold?</b>', []);
    const { container } = render(<PageNotes annotations={[c]} orphans={[]} orphansHref="#" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
