// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import { ClaimCard, claimHeadline, CLAIM_HEADLINE_WORDS, type ClaimCardProps } from '../../components/ClaimCard';
import { rowText } from '../../components/FigureRow';
import { MENTION_CAP } from '../../components/MentionList';
import type { PageMatch } from '../../lib/match/page';
import { outletLabel } from '../../lib/format';
import { MARKUP, differingFiguresMatch, mostMentionedMatch } from './real-matches';
import { pressEnter } from './keyboard';

afterEach(cleanup);

function renderCard(match: PageMatch, extra: Partial<ClaimCardProps> = {}) {
  const props = {
    match,
    onClose: vi.fn(),
    onOpenPopup: vi.fn(),
    onAnnotate: vi.fn(),
    onNotAMatch: vi.fn(),
    ...extra,
  };
  return { props, ...render(<ClaimCard {...props} />) };
}

describe('ClaimCard with real corpus data', () => {
  it('shows the claim, the level, the reason, and every outlet of the most-mentioned claim', () => {
    const match = mostMentionedMatch();
    const { getByRole, container } = renderCard(match);
    const dialog = getByRole('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    const label = container.querySelector(`[id="${dialog.getAttribute('aria-labelledby')}"]`);
    // The first line is the claim in a few words; the whole label is its tooltip.
    expect(label?.textContent).toBe(claimHeadline(match.claimLabel));
    expect(label?.textContent?.split(/\s+/).length).toBeLessThanOrEqual(CLAIM_HEADLINE_WORDS);
    expect(label?.getAttribute('title')).toBe(match.claimLabel);
    expect(within(dialog).getByText(match.level === 'confident' ? 'Confident match' : 'Possible match')).toBeTruthy();
    const reason = container.querySelector('.cc-reason')?.textContent ?? '';
    for (const word of [...match.reason.entities, ...match.reason.terms]) expect(reason).toContain(word);
    const items = container.querySelectorAll('.cc-mention');
    expect(items.length).toBe(Math.min(match.mentions.length, MENTION_CAP));
    items.forEach((li, i) => {
      const m = match.mentions[i]!;
      expect(li.querySelector('.cc-outlet')?.textContent).toBe(outletLabel(m));
      expect(li.querySelector('.cc-quote')?.textContent).toBe(m.text);
      // Who said it first: the claimant leads the line, before where it was published.
      if (m.claimant) expect(li.querySelector('.cc-mention-meta')?.firstElementChild?.textContent).toBe(m.claimant);
    });
  });

  it('names the collection when the outlet is unknown', () => {
    const match = mostMentionedMatch();
    const unknown = match.mentions.find((m) => m.outlet === null);
    expect(unknown, 'the corpus has uncredited mentions').toBeTruthy();
    const { container } = renderCard(match);
    expect(container.textContent).toContain(unknown!.collection!);
    expect(container.textContent).not.toContain(unknown!.source);
    expect(container.textContent).not.toContain('Unknown outlet');
  });

  it('emphasises the figures of each mention at their offsets', () => {
    const match = differingFiguresMatch();
    const { container } = renderCard(match);
    const first = container.querySelector('.cc-mention .cc-quote')!;
    const figs = [...first.querySelectorAll('.cc-fig')].map((el) => el.textContent);
    const cited = match.figures.flatMap((c) => c.corpus.filter((v) => v.sentenceId === match.mentions[0]!.sentenceId).map((v) => v.text));
    expect(cited.length).toBeGreaterThan(0);
    expect(figs.sort()).toEqual([...cited].sort());
    expect(first.textContent).toBe(match.mentions[0]!.text);
  });

  it('shows one compact row per compared quantity, before the outlets', () => {
    const match = differingFiguresMatch();
    const { container } = renderCard(match);
    const rows = [...container.querySelectorAll('.cc-row')];
    expect(rows.length).toBe(match.figures.length);
    rows.forEach((row, i) => expect(row.getAttribute('aria-label')).toBe(rowText(match.figures[i]!)));
    // The rows come before the list of outlets.
    const first = container.querySelector('.cc-mention')!;
    expect(rows[0]!.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('caps long mention lists behind "Show all N mentions"', () => {
    const match = mostMentionedMatch();
    const many: PageMatch = { ...match, mentions: [...match.mentions, ...match.mentions.map((m) => ({ ...m, sentenceId: `${m.sentenceId}-copy` }))] };
    expect(many.mentions.length).toBeGreaterThan(MENTION_CAP);
    const { container, getByText } = renderCard(many);
    expect(container.querySelectorAll('.cc-mention').length).toBe(MENTION_CAP);
    pressEnter(getByText(`Show all ${many.mentions.length} mentions`));
    expect(container.querySelectorAll('.cc-mention').length).toBe(many.mentions.length);
  });

  it('marks the reader’s own annotations as theirs', () => {
    const { container } = renderCard(mostMentionedMatch(), { annotations: [{ note: 'Toll later revised', tags: ['toll', 'check'] }] });
    const note = container.querySelector('.cc-note-item')!;
    expect(note.querySelector('.cc-yours')?.textContent).toBe('Yours');
    expect(note.textContent).toContain('Toll later revised');
    expect([...note.querySelectorAll('.cc-tag')].map((t) => t.textContent)).toEqual(['toll', 'check']);
  });

  it('counts notes made on other sites without showing them, and links to the popup for them', () => {
    const { container, props, getByRole } = renderCard(mostMentionedMatch(), {
      annotations: [{ note: 'Seen here', tags: [] }],
      notesElsewhere: 2,
    });
    expect(container.querySelectorAll('.cc-note-item').length).toBe(1);
    const link = getByRole('button', { name: '2 notes elsewhere — open in popup' });
    fireEvent.click(link);
    expect(props.onOpenPopup).toHaveBeenCalledTimes(1);
    const onlyElsewhere = renderCard(mostMentionedMatch(), { notesElsewhere: 1 }).container;
    expect(onlyElsewhere.querySelector('.cc-notes-elsewhere')?.textContent).toBe('1 note elsewhere — open in popup');
    expect(onlyElsewhere.querySelectorAll('.cc-note-item').length).toBe(0);
    expect(renderCard(mostMentionedMatch()).container.querySelector('.cc-notes-elsewhere')).toBeNull();
  });

  it('renders confident and possible matches with different classes', () => {
    const match = mostMentionedMatch();
    const a = renderCard({ ...match, level: 'confident' }).container.querySelector('[role=dialog]')!;
    const b = renderCard({ ...match, level: 'possible' }).container.querySelector('[role=dialog]')!;
    expect(a.className).toContain('cc-card--confident');
    expect(b.className).toContain('cc-card--possible');
    expect(b.textContent).toContain('Possible match');
  });
});

describe('ClaimCard actions and keyboard', () => {
  it('fires each callback on click', () => {
    const { props, getByText, getByLabelText } = renderCard(mostMentionedMatch());
    fireEvent.click(getByText('Open in popup'));
    fireEvent.click(getByText('Annotate'));
    fireEvent.click(getByText('Not a match'));
    fireEvent.click(getByLabelText('Close'));
    expect(props.onOpenPopup).toHaveBeenCalledTimes(1);
    expect(props.onAnnotate).toHaveBeenCalledTimes(1);
    expect(props.onNotAMatch).toHaveBeenCalledTimes(1);
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('fires each callback on Enter', () => {
    const { props, getByText } = renderCard(mostMentionedMatch());
    pressEnter(getByText('Open in popup'));
    pressEnter(getByText('Annotate'));
    pressEnter(getByText('Not a match'));
    expect(props.onOpenPopup).toHaveBeenCalledTimes(1);
    expect(props.onAnnotate).toHaveBeenCalledTimes(1);
    expect(props.onNotAMatch).toHaveBeenCalledTimes(1);
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('closes on Esc from the card or from a button inside it, and not on other keys', () => {
    const { props, getByRole, getByText } = renderCard(mostMentionedMatch());
    fireEvent.keyDown(getByRole('dialog'), { key: 'a' });
    expect(props.onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(getByRole('dialog'), { key: 'Escape' });
    fireEvent.keyDown(getByText('Annotate'), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('moves focus into the card only when opened from the keyboard', () => {
    const match = mostMentionedMatch();
    const plain = renderCard(match);
    expect(plain.getByRole('dialog').contains(document.activeElement)).toBe(false);
    cleanup();
    const keyed = renderCard(match, { autoFocus: true });
    expect(keyed.getByRole('dialog').contains(document.activeElement)).toBe(true);
  });

  it('uses real buttons for every action', () => {
    const { getByRole } = renderCard(mostMentionedMatch());
    const names = within(getByRole('dialog'))
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(expect.arrayContaining(['Close', 'Open in popup', 'Annotate', 'Not a match']));
  });
});

describe('ClaimCard renders page and corpus text as text', () => {
  it('shows markup in a claim label, a mention and a figure as text, with no element created', () => {
    const match = differingFiguresMatch();
    const m0 = match.mentions[0]!;
    const hostile: PageMatch = {
      ...match,
      text: `${MARKUP} ${match.text}`,
      claimLabel: `${MARKUP} ${match.claimLabel}`,
      mentions: [{ ...m0, text: `${MARKUP} ${m0.text}`, outlet: `<b>${MARKUP}</b>`, claimant: MARKUP }, ...match.mentions.slice(1)],
    };
    const { container } = renderCard(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.cc-claim-label')?.getAttribute('title')).toBe(hostile.claimLabel);
    expect(container.querySelector('.cc-claim-label')?.textContent).toBe(claimHeadline(hostile.claimLabel));
    const quote = container.querySelector('.cc-mention .cc-quote')!;
    expect(quote.textContent).toBe(`${MARKUP} ${m0.text}`);
    // The figures are still found (their offsets moved), and the markup stays outside them.
    expect(quote.querySelectorAll('.cc-fig').length).toBeGreaterThan(0);
    expect(container.querySelector('.cc-mention .cc-claimant')?.textContent).toBe(MARKUP);
  });
});

describe('ClaimCard inside a shadow root, as the content script mounts it', () => {
  it('takes focus inside the shadow root and closes on Esc', () => {
    const host = document.createElement('crosscheck-card');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const mountPoint = document.createElement('div');
    shadow.append(mountPoint);
    const onClose = vi.fn();
    const match = mostMentionedMatch();
    render(<ClaimCard match={match} onClose={onClose} onOpenPopup={vi.fn()} onAnnotate={vi.fn()} onNotAMatch={vi.fn()} autoFocus />, {
      container: mountPoint,
    });
    const dialog = shadow.querySelector('[role=dialog]') as HTMLElement;
    expect(dialog).toBeTruthy();
    expect(shadow.activeElement === dialog || dialog.contains(shadow.activeElement)).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    host.remove();
  });
});
