// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { PopupView, type PopupPhase, type PopupViewProps } from '../../components/PopupView';
import { differingFiguresMatch, mostMentionedMatch } from './real-matches';
import { pressEnter } from './keyboard';

afterEach(cleanup);

/** The page-state section (the lookup has a status line of its own). */
const stateOf = (c: Element) => c.querySelector<HTMLElement>('.cc-state')!;

function view(phase: PopupPhase, extra: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    phase,
    onCheck: vi.fn(),
    onRetry: vi.fn(),
    onReveal: vi.fn(),
    lookup: { query: '', results: [], onQuery: vi.fn() },
    controls: {
      host: 'example.org',
      siteEnabled: true,
      onSiteEnabled: vi.fn(),
      sensitivity: 'possible',
      onSensitivity: vi.fn(),
      annotationsHref: '/annotations.html',
    },
    ...extra,
  };
  return { props, ...render(<PopupView {...props} />) };
}

describe('PopupView', () => {
  it('loading: a busy status, with lookup and controls still usable', () => {
    const { getByRole, getByLabelText, container } = view({ kind: 'loading' });
    expect(stateOf(container).getAttribute('aria-busy')).toBe('true');
    expect(getByLabelText('Look up a claim')).toBeTruthy();
    expect(getByRole('link', { name: 'Your annotations' }).getAttribute('href')).toBe('/annotations.html');
  });

  it('not checked: "Check this page" calls onCheck from the keyboard', () => {
    const { props, getByRole } = view({ kind: 'not-checked' });
    pressEnter(getByRole('button', { name: 'Check this page' }));
    expect(props.onCheck).toHaveBeenCalledTimes(1);
  });

  it('cannot run: a browser page and a file without access get different plain explanations', () => {
    const { container, queryByRole, rerender, props } = view({ kind: 'unsupported', reason: 'browser-page' });
    expect(stateOf(container).textContent).toContain('cannot run on this page');
    expect(queryByRole('button', { name: 'Check this page' })).toBeNull();
    rerender(<PopupView {...props} phase={{ kind: 'unsupported', reason: 'file-access' }} />);
    expect(stateOf(container).textContent).toContain('Allow access to file URLs');
  });

  it('error: an alert with what to do next, and "Try again"', () => {
    const { props, getByRole } = view({ kind: 'error', message: 'tabReport: no active tab' });
    expect(getByRole('alert').textContent).toContain('no active tab');
    fireEvent.click(getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalledTimes(1);
  });

  it('checked with no claims, and checking with none yet', () => {
    const { container, rerender, props } = view({ kind: 'claims', matches: [], checking: false });
    expect(stateOf(container).textContent).toContain('No claims from the corpus');
    rerender(<PopupView {...props} phase={{ kind: 'claims', matches: [], checking: true }} />);
    expect(stateOf(container).getAttribute('aria-busy')).toBe('true');
  });

  it('claims: one entry per claim in order; "Show on page" passes the index of the first sentence', () => {
    const a = mostMentionedMatch();
    const b = differingFiguresMatch();
    const matches = a.claim === b.claim ? [a] : [a, b, { ...a, text: `${a.text} again` }];
    const { props, getAllByRole, getByRole } = view({ kind: 'claims', matches, checking: false });
    const distinct = new Set(matches.map((m) => m.claim)).size;
    expect(getByRole('region', { name: 'Claims on this page' })).toBeTruthy();
    const reveal = getAllByRole('button', { name: 'Show on page' });
    expect(reveal.length).toBe(distinct);
    pressEnter(reveal[reveal.length - 1]!);
    expect(props.onReveal).toHaveBeenCalledWith(distinct - 1);
  });

  it('a claim asked for by a card opens expanded and takes focus', () => {
    const a = mostMentionedMatch();
    const b = differingFiguresMatch();
    const { container } = view({ kind: 'claims', matches: [a, b], checking: false }, { openClaim: b.claim });
    const toggles = [...container.querySelectorAll<HTMLButtonElement>('.cc-claim-toggle')];
    const opened = toggles.filter((t) => t.getAttribute('aria-expanded') === 'true');
    expect(opened.length).toBe(1);
    expect(document.activeElement).toBe(opened[0]);
    expect(opened[0]!.textContent).toContain(b.claimLabel);
  });

  it('a notice is announced as a status', () => {
    const { getAllByRole } = view({ kind: 'claims', matches: [mostMentionedMatch()], checking: true }, { notice: 'That sentence is no longer on the page.' });
    const texts = getAllByRole('status').map((s) => s.textContent);
    expect(texts).toContain('That sentence is no longer on the page.');
    expect(texts).toContain('Still checking the rest of the page…');
  });

  it('lists the matches dismissed on this page, collapsed, each with Undo; nothing when there are none', () => {
    const a = mostMentionedMatch();
    const onUndo = vi.fn();
    const dismissed = { claims: [{ claim: a.claim, label: a.claimLabel }], onUndo };
    const { container, getByRole, rerender, props } = view({ kind: 'claims', matches: [differingFiguresMatch()], checking: false }, { dismissed });
    const details = container.querySelector('details.cc-dismissed') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Not a match on this page (1)');
    fireEvent.click(getByRole('button', { name: `Undo “Not a match”: ${a.claimLabel}` }));
    expect(onUndo).toHaveBeenCalledWith(a.claim);
    rerender(<PopupView {...props} dismissed={{ claims: [], onUndo }} />);
    expect(container.querySelector('.cc-dismissed')).toBeNull();
  });

  it('keeps the annotations link in the header bar, above the claims', () => {
    const { container } = view({ kind: 'claims', matches: [mostMentionedMatch()], checking: false });
    expect(container.querySelector('header.cc-popup-head a')?.textContent).toBe('Your annotations');
  });
});
