// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { AnnotationEditor, type AnnotationEditorProps } from '../../components/AnnotationEditor';
import { SUGGESTED_TAGS } from '../../lib/annotations/model';
import { committedCorpus } from '../unit/corpus-helpers';
import { claimOf, sentenceOf } from './AnnotationFixtures';
import { MARKUP } from './real-matches';
import { pressEnter } from './keyboard';

afterEach(cleanup);

const sentence = sentenceOf('Reuters');
const claimId = claimOf(sentence)!;
const claimLabel = committedCorpus().claims.find((c) => c.id === claimId)!.label;

function setup(extra: Partial<AnnotationEditorProps> = {}) {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  const utils = render(<AnnotationEditor quote={sentence.text} claimLabel={claimLabel} onSave={onSave} onCancel={onCancel} {...extra} />);
  const note = utils.getByLabelText('Note') as HTMLTextAreaElement;
  const free = utils.getByLabelText(/Other tags/) as HTMLInputElement;
  const chip = (name: string) => utils.getByRole('button', { name }) as HTMLButtonElement;
  return { ...utils, onSave, onCancel, note, free, chip };
}

describe('AnnotationEditor', () => {
  it('shows the quote and the matched claim as text, and focuses the note', () => {
    const { container, note } = setup();
    expect(container.querySelector('blockquote')?.textContent).toBe(sentence.text);
    expect(container.textContent).toContain('Matched a claim');
    expect(container.textContent).toContain(claimLabel);
    expect(document.activeElement).toBe(note);
  });

  it('offers the suggested tags as toggle chips', () => {
    const { chip } = setup();
    for (const tag of SUGGESTED_TAGS) expect(chip(tag).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(chip('verified'));
    expect(chip('verified').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(chip('verified'));
    expect(chip('verified').getAttribute('aria-pressed')).toBe('false');
  });

  it('saves the note with chip and free tags, cleaned', () => {
    const { note, free, chip, getByRole, onSave } = setup();
    fireEvent.input(note, { target: { value: '  Military source denies; OPCW says otherwise.  ' } });
    fireEvent.click(chip('disputed'));
    fireEvent.click(chip('follow up'));
    fireEvent.input(free, { target: { value: 'chemical weapons, Khan Sheikhoun, , DISPUTED, chemical  weapons' } });
    fireEvent.click(getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith({
      note: 'Military source denies; OPCW says otherwise.',
      tags: ['disputed', 'follow up', 'chemical weapons', 'Khan Sheikhoun'],
    });
  });

  it('saves an empty note as a highlight (the button says so), and a tag alone as a note', () => {
    const { note, chip, getByRole, queryByRole, onSave } = setup();
    fireEvent.input(note, { target: { value: '   \n ' } });
    fireEvent.click(getByRole('button', { name: 'Save highlight' }));
    expect(onSave).toHaveBeenLastCalledWith({ note: '', tags: [] });
    expect(queryByRole('alert')).toBeNull();
    fireEvent.click(chip('follow up'));
    fireEvent.click(getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ note: '', tags: ['follow up'] });
  });

  it('shows a save confirmation in a status line', () => {
    const { getByRole } = render(<AnnotationEditor quote="q" onSave={vi.fn()} onCancel={vi.fn()} status="Highlight saved." />);
    expect(getByRole('status').textContent).toBe('Highlight saved.');
  });

  it('saves with Ctrl+Enter and Cmd+Enter, not with a plain Enter in the note', () => {
    const { note, onSave } = setup();
    fireEvent.input(note, { target: { value: 'Line one' } });
    fireEvent.keyDown(note, { key: 'Enter' });
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenLastCalledWith({ note: 'Line one', tags: [] });
    fireEvent.keyDown(note, { key: 'Enter', metaKey: true });
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('cancels with Esc without letting the key reach the card around it', () => {
    const outer = vi.fn();
    const onCancel = vi.fn();
    const { getByLabelText } = render(
      <div onKeyDown={outer}>
        <AnnotationEditor quote={sentence.text} onSave={vi.fn()} onCancel={onCancel} />
      </div>,
    );
    fireEvent.keyDown(getByLabelText('Note'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });

  it('cancels with the Cancel button from the keyboard', () => {
    const { getByRole, onCancel, onSave } = setup();
    pressEnter(getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('starts from the initial note and tags, splitting chips from free tags', () => {
    const { note, free, chip, getByRole, onSave } = setup({ initialNote: 'Earlier note', initialTags: ['Verified', 'Russia', 'OPCW'] });
    expect(note.value).toBe('Earlier note');
    expect(chip('verified').getAttribute('aria-pressed')).toBe('true');
    expect(chip('disputed').getAttribute('aria-pressed')).toBe('false');
    expect(free.value).toBe('Russia, OPCW');
    fireEvent.click(getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ note: 'Earlier note', tags: ['verified', 'Russia', 'OPCW'] });
  });

  it('shows saving, ignores saves meanwhile, and shows a storage error', () => {
    const error = "Your browser's storage for Crosscheck is full: export your annotations, then delete some";
    const { note, getByRole, onSave, rerender } = setup({ initialNote: 'n', saving: true });
    const save = getByRole('button', { name: 'Saving…' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(save);
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    expect(onSave).not.toHaveBeenCalled();
    rerender(<AnnotationEditor quote={sentence.text} initialNote="n" onSave={onSave} onCancel={vi.fn()} error={error} />);
    expect(getByRole('alert').textContent).toBe(`Not saved: ${error}`);
    fireEvent.click(getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ note: 'n', tags: [] });
  });

  it('renders markup in the quote, the claim and the note as text', () => {
    const { container, note } = setup({ quote: MARKUP, claimLabel: MARKUP, initialNote: MARKUP, initialTags: [MARKUP] });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('blockquote')?.textContent).toBe(MARKUP);
    expect(note.value).toBe(MARKUP);
  });

  it('can be a floating panel with a heading that names the form', () => {
    const { getByRole } = render(<AnnotationEditor quote={sentence.text} heading="Annotate selection" variant="panel" onSave={vi.fn()} onCancel={vi.fn()} />);
    const form = getByRole('form', { name: 'Annotate selection' });
    expect(form.classList.contains('cc-ann-editor--panel')).toBe(true);
  });
});
