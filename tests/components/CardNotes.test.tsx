// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { CardNotes } from '../../components/CardNotes';
import { AnnotationPopover } from '../../components/AnnotationPopover';
import { MARKUP } from './real-matches';

afterEach(cleanup);

describe('CardNotes (the card\'s "Yours")', () => {
  it('lists notes and highlights, with Edit and Delete where the page may change them', () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const { container, getAllByRole } = render(
      <CardNotes items={[{ note: 'Count the ships again.', tags: ['follow up'], onEdit, onDelete }, { note: '', tags: [] }]} />,
    );
    const items = [...container.querySelectorAll('.cc-note-item')];
    expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Yours Count the ships again.follow upEdit Delete', 'Yours Highlight (no note)']);
    const [edit, del] = getAllByRole('button');
    fireEvent.click(edit!);
    fireEvent.click(del!);
    expect([onEdit.mock.calls.length, onDelete.mock.calls.length]).toEqual([1, 1]);
    expect(getAllByRole('button')).toHaveLength(2); // the second item has no actions
  });
});

describe('AnnotationPopover (the hovered note)', () => {
  it('shows the note as text with Edit and Delete, and reports the pointer on it', () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const onHover = vi.fn();
    const { getByRole, container } = render(<AnnotationPopover note={MARKUP} tags={['disputed']} onEdit={onEdit} onDelete={onDelete} onHover={onHover} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.cc-ann-note')?.textContent).toBe(`Yours ${MARKUP}`);
    fireEvent.click(getByRole('button', { name: 'Edit' }));
    fireEvent.click(getByRole('button', { name: 'Delete' }));
    fireEvent.mouseEnter(getByRole('group', { name: 'Your note' }));
    expect([onEdit.mock.calls.length, onDelete.mock.calls.length, onHover.mock.calls[0]]).toEqual([1, 1, [true]]);
  });

  it('says "Highlight" for a highlight with no note, and shows a failed delete', () => {
    const { container, getByRole } = render(<AnnotationPopover note="" tags={[]} onEdit={vi.fn()} onDelete={vi.fn()} error="This note belongs to another site" />);
    expect(container.textContent).toContain('Highlight (no note)');
    expect(getByRole('alert').textContent).toBe('This note belongs to another site');
  });
});
