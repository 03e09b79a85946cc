// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { AnnotationsPage, type AnnotationsPageProps } from '../../components/AnnotationsPage';
import { LIST_PAGE_SIZE } from '../../components/AnnotationList';
import type { ImportResult } from '../../components/AnnotationTransfer';
import { type Annotation, noteOf, quoteOf } from '../../lib/annotations/model';
import { exportJsonLd, mergeAnnotations, parseImport } from '../../lib/annotations/io';
import { committedCorpus } from '../unit/corpus-helpers';
import { annotate, sampleAnnotations, sentenceOf } from './AnnotationFixtures';
import { MARKUP } from './real-matches';
import { pressEnter } from './keyboard';

afterEach(cleanup);

const list = sampleAnnotations();
const byId = (id: string) => list.find((a) => a.id === id)!;

function setup(extra: Partial<AnnotationsPageProps> = {}) {
  const handlers = {
    onSave: vi.fn(),
    onDelete: vi.fn(),
    onUndo: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
  };
  const utils = render(<AnnotationsPage annotations={list} {...handlers} {...extra} />);
  const items = () => [...utils.container.querySelectorAll<HTMLElement>('.cc-ann-item')];
  const shownIds = () => items().map((li) => li.dataset.annotationId);
  const item = (id: string) => items().find((li) => li.dataset.annotationId === id)!;
  return { ...utils, ...handlers, items, shownIds, item };
}

/** Chooses a file in a file input, as a reader does through the file picker. */
function chooseFile(input: HTMLElement, text: string, name = 'annotations.jsonld') {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/** The page wired to the real import parser and merge, holding the list in state as the entrypoint will. */
function Wired({ initial }: { initial: Annotation[] }) {
  const [annotations, setAnnotations] = useState(initial);
  const [importResult, setImportResult] = useState<ImportResult>();
  const onImport = (text: string) => {
    try {
      const merged = mergeAnnotations(annotations, parseImport(text).annotations);
      setAnnotations(merged.annotations);
      setImportResult({ added: merged.added, updated: merged.updated, unchanged: merged.unchanged });
    } catch (error) {
      setImportResult({ error: (error as Error).message });
    }
  };
  return (
    <AnnotationsPage annotations={annotations} onSave={vi.fn()} onDelete={vi.fn()} onUndo={vi.fn()} onExport={vi.fn()} onImport={onImport} importResult={importResult} />
  );
}

describe('AnnotationsPage: listing', () => {
  it('shows the empty state when there are no annotations', () => {
    const { container, getByRole } = setup({ annotations: [] });
    expect(container.textContent).toContain("No annotations yet: select text on a page, or use the card's Annotate button");
    expect(container.querySelector('.cc-ann-item')).toBeNull();
    expect(getByRole('button', { name: /JSON-LD/ })).toHaveProperty('disabled', true);
    expect(getByRole('main')).toBeTruthy();
  });

  it('lists every annotation, newest first, with quote, note, tags, site link and dates', () => {
    const { shownIds, item } = setup();
    expect(shownIds()).toEqual(['urn:uuid:e', 'urn:uuid:d', 'urn:uuid:c', 'urn:uuid:b', 'urn:uuid:a']);
    const c = item('urn:uuid:c');
    expect(c.querySelector('blockquote')?.textContent).toBe(quoteOf(byId('urn:uuid:c')));
    expect(c.textContent).toContain('Check against Reuters wording.');
    expect([...c.querySelectorAll('.cc-ann-tags li')].map((li) => li.textContent)).toEqual(['follow up', 'Russia']);
    const link = c.querySelector('a.cc-ann-source')!;
    expect(link.getAttribute('href')).toBe(byId('urn:uuid:c').target.source);
    expect(link.textContent).toBe(byId('urn:uuid:c').target.source);
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
    expect([...c.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual([byId('urn:uuid:c').created]);
    const edited = item('urn:uuid:e');
    expect([...edited.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual([byId('urn:uuid:e').created, byId('urn:uuid:e').modified]);
    expect(edited.textContent).toContain('Edited');
  });

  it('marks the annotation that matched a claim, with the claim label as its title', () => {
    const claim = byId('urn:uuid:a')['crosscheck:claim']!;
    const label = committedCorpus().claims.find((c) => c.id === claim)!.label;
    const { item, container } = setup({ claimLabels: { [claim]: label } });
    const badge = item('urn:uuid:a').querySelector('.cc-ann-badge--claim')!;
    expect(badge.textContent).toBe('Matched a claim');
    expect(badge.getAttribute('title')).toBe(label);
    expect(container.querySelectorAll('.cc-ann-badge--claim')).toHaveLength(1);
  });

  it('lists orphans marked, and can show only them', () => {
    const { item, shownIds, getByLabelText, container } = setup({ orphans: ['urn:uuid:c', 'urn:uuid:gone'] });
    expect(shownIds()).toHaveLength(list.length);
    expect(item('urn:uuid:c').textContent).toMatch(/Orphan: not found on its page/);
    expect(container.querySelectorAll('.cc-ann-badge--orphan')).toHaveLength(1);
    fireEvent.click(getByLabelText('Only the 1 not found on their page'));
    expect(shownIds()).toEqual(['urn:uuid:c']);
  });

  it('renders markup in quotes and notes as text and never links a javascript: source', () => {
    const base = annotate(sentenceOf('AFP'), { note: MARKUP, tags: [MARKUP], day: '2024-06-01', id: 'urn:uuid:x' });
    const hostile: Annotation = {
      ...base,
      target: { ...base.target, source: 'javascript:alert(1)', selector: [{ type: 'TextQuoteSelector', exact: MARKUP }] },
    };
    const { container, item } = setup({ annotations: [hostile] });
    expect(container.querySelector('img')).toBeNull();
    expect(item('urn:uuid:x').querySelector('blockquote')?.textContent).toBe(MARKUP);
    expect(item('urn:uuid:x').querySelector('.cc-ann-note')?.textContent).toBe(MARKUP);
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(item('urn:uuid:x').textContent).toContain('javascript:alert(1)');
  });

  it('shows a loading line and a load error', () => {
    const { container, getByRole } = setup({ annotations: [], loading: true, error: 'Close other tabs with Crosscheck pages open, then try again' });
    expect(container.textContent).toContain('Loading your annotations');
    expect(container.textContent).not.toContain('No annotations yet');
    expect(getByRole('alert').textContent).toBe('Close other tabs with Crosscheck pages open, then try again');
  });
});

describe('AnnotationsPage: filters', () => {
  it('narrows by text search and says how many are shown', () => {
    const { getByLabelText, shownIds, container } = setup();
    fireEvent.input(getByLabelText('Search notes, quotes and tags'), { target: { value: 'opcw' } });
    expect(shownIds()).toEqual(['urn:uuid:a']);
    expect(container.querySelector('.cc-ann-count')?.textContent).toBe(`Showing 1 of ${list.length} annotations.`);
    fireEvent.input(getByLabelText('Search notes, quotes and tags'), { target: { value: 'no such words anywhere' } });
    expect(shownIds()).toEqual([]);
    expect(container.textContent).toContain('No annotation matches these filters.');
  });

  it('narrows by site and tag, offering each with its count', () => {
    const { getByLabelText, shownIds } = setup();
    const site = getByLabelText('Site') as HTMLSelectElement;
    expect([...site.options].map((o) => o.textContent)).toEqual(['All sites', 'apnews.com (1)', 'en.farsnews.ir (1)', 'reuters.com (2)', 'theguardian.com (1)']);
    fireEvent.change(site, { target: { value: 'reuters.com' } });
    expect(shownIds()).toEqual(['urn:uuid:e', 'urn:uuid:a']);
    fireEvent.change(getByLabelText('Tag'), { target: { value: 'disputed' } });
    expect(shownIds()).toEqual(['urn:uuid:e', 'urn:uuid:a']);
    fireEvent.change(site, { target: { value: '' } });
    fireEvent.change(getByLabelText('Tag'), { target: { value: 'verified' } });
    expect(shownIds()).toEqual(['urn:uuid:b']);
  });

  it('narrows by date range, and clears all filters', () => {
    const { getByLabelText, getByRole, shownIds } = setup();
    fireEvent.input(getByLabelText('From'), { target: { value: '2024-03-05' } });
    fireEvent.input(getByLabelText('To'), { target: { value: '2024-04-10' } });
    expect(shownIds()).toEqual(['urn:uuid:c', 'urn:uuid:b']);
    fireEvent.click(getByRole('button', { name: 'Clear filters' }));
    expect(shownIds()).toHaveLength(list.length);
    expect((getByLabelText('From') as HTMLInputElement).value).toBe('');
  });

  it('starts from an initial filter', () => {
    const { shownIds } = setup({ initialFilter: { site: 'apnews.com' } });
    expect(shownIds()).toEqual(['urn:uuid:b']);
  });
});

describe('AnnotationsPage: edit and delete', () => {
  it('deletes, shows "Deleted" with Undo focused, and Undo calls onUndo', async () => {
    const { item, onDelete, onUndo, getByRole, container } = setup();
    fireEvent.click(within(item('urn:uuid:b')).getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledWith('urn:uuid:b');
    const toast = container.querySelector('.cc-ann-toast')!;
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.textContent).toMatch(/^Deleted “.+”\. Undo$/);
    const undo = getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    pressEnter(undo);
    expect(onUndo).toHaveBeenCalledWith('urn:uuid:b');
    expect(toast.textContent).toBe('Restored.');
  });

  it('reports a failed delete instead of offering Undo', async () => {
    const onDelete = vi.fn(() => Promise.reject(new Error("Your browser's storage for Crosscheck is full")));
    const { item, container, queryByRole } = setup({ onDelete });
    fireEvent.click(within(item('urn:uuid:a')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(container.querySelector('.cc-ann-toast')?.textContent).toBe("Not deleted: Your browser's storage for Crosscheck is full"));
    expect(queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('edits in place and closes the editor once the save is done', async () => {
    let finish = () => {};
    const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { item, getByLabelText, getByRole, queryByLabelText } = setup({ onSave });
    const d = byId('urn:uuid:d');
    fireEvent.click(within(item('urn:uuid:d')).getByRole('button', { name: 'Edit' }));
    const note = getByLabelText('Note') as HTMLTextAreaElement;
    expect(note.value).toBe(noteOf(d));
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: 'Quote the UN report directly; done.' } });
    fireEvent.click(getByRole('button', { name: 'verified' }));
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    expect(onSave).toHaveBeenCalledWith('urn:uuid:d', { note: 'Quote the UN report directly; done.', tags: ['verified'] });
    expect(getByRole('button', { name: 'Saving…' })).toBeTruthy();
    finish();
    await waitFor(() => expect(queryByLabelText('Note')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(within(item('urn:uuid:d')).getByRole('button', { name: 'Edit' })));
  });

  it('keeps the editor open with the error when the save fails, and Esc leaves it unchanged', async () => {
    const onSave = vi.fn(() => Promise.reject(new Error("Your browser's storage for Crosscheck is full: export your annotations, then delete some")));
    const { item, getByLabelText, getByRole, queryByLabelText } = setup({ onSave });
    fireEvent.click(within(item('urn:uuid:a')).getByRole('button', { name: 'Edit' }));
    fireEvent.input(getByLabelText('Note'), { target: { value: 'new text' } });
    fireEvent.click(getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(getByRole('alert').textContent).toMatch(/^Not saved: .*export your annotations/));
    expect((getByLabelText('Note') as HTMLTextAreaElement).value).toBe('new text');
    fireEvent.keyDown(getByLabelText('Note'), { key: 'Escape' });
    expect(queryByLabelText('Note')).toBeNull();
    expect(item('urn:uuid:a').textContent).toContain(noteOf(byId('urn:uuid:a')));
  });
});

describe('AnnotationsPage: export and import', () => {
  it('export buttons call onExport with their format', () => {
    const { getByRole, onExport } = setup();
    fireEvent.click(getByRole('button', { name: 'Export as W3C Web Annotations (JSON-LD)' }));
    expect(onExport).toHaveBeenLastCalledWith('jsonld');
    pressEnter(getByRole('button', { name: 'Download a backup (JSON)' }));
    expect(onExport).toHaveBeenLastCalledWith('backup');
    expect(onExport).toHaveBeenCalledTimes(2);
  });

  it('passes the chosen file text to onImport, then shows the result or the error it gets back', async () => {
    const { getByLabelText, onImport, rerender, container, getByRole } = setup();
    const text = exportJsonLd(list.slice(0, 2));
    chooseFile(getByLabelText('Import annotations from a file'), text);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith(text));
    expect(container.querySelector('.cc-ann-transfer [role="status"]')?.textContent).toBe('Importing…');
    const handlers = { onSave: vi.fn(), onDelete: vi.fn(), onUndo: vi.fn(), onExport: vi.fn(), onImport };
    rerender(<AnnotationsPage annotations={list} {...handlers} importResult={{ added: 0, updated: 1, unchanged: 1 }} />);
    expect(container.querySelector('.cc-ann-transfer [role="status"]')?.textContent).toBe('Import done: 0 annotations added, 1 updated, 1 already up to date.');
    rerender(<AnnotationsPage annotations={list} {...handlers} importResult={{ error: 'This file is not JSON (Unexpected token)' }} />);
    expect(getByRole('alert').textContent).toBe('Import failed: This file is not JSON (Unexpected token). Nothing was changed.');
  });

  it('imports a real export into an empty page, and a malformed file changes nothing', async () => {
    const { getByLabelText, container, getByRole } = render(<Wired initial={[]} />);
    chooseFile(getByLabelText('Import annotations from a file'), exportJsonLd(list));
    await waitFor(() => expect(container.querySelectorAll('.cc-ann-item')).toHaveLength(list.length));
    expect(container.querySelector('.cc-ann-transfer [role="status"]')?.textContent).toBe(`Import done: ${list.length} annotations added, 0 updated, 0 already up to date.`);
    chooseFile(getByLabelText('Import annotations from a file'), '{"type": "AnnotationCollection", "first": {"items": [{"id": 1}]', 'broken.json');
    await waitFor(() => expect(getByRole('alert').textContent).toMatch(/^Import failed: This file is not JSON .*\. Nothing was changed\.$/));
    expect(container.querySelectorAll('.cc-ann-item')).toHaveLength(list.length);
  });
});

describe('annotations page: a large store stays responsive', () => {
  it('renders one page of items at a time, with Previous and Next, whatever the list holds', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ ...list[i % list.length]!, id: `urn:uuid:many-${i}` }));
    const started = performance.now();
    const { items, shownIds, getByRole, getByText } = setup({ annotations: many });
    console.log(`5,000 annotations: first page rendered in ${Math.round(performance.now() - started)} ms`);
    expect(items()).toHaveLength(LIST_PAGE_SIZE);
    const firstPage = shownIds();
    expect(getByText(`1–${LIST_PAGE_SIZE} of 5,000`)).toBeTruthy();
    expect((getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(shownIds()[0]).not.toBe(firstPage[0]));
    expect(items()).toHaveLength(LIST_PAGE_SIZE);
    expect(shownIds().filter((id) => firstPage.includes(id))).toEqual([]);
    expect(getByText(`${LIST_PAGE_SIZE + 1}–${2 * LIST_PAGE_SIZE} of 5,000`)).toBeTruthy();
  });

  it('shows no pager when everything fits on one page', () => {
    const { queryByRole } = setup();
    expect(queryByRole('navigation', { name: 'Pages of annotations' })).toBeNull();
  });

  it('shows a notice about the last action, such as an edit that met another tab', () => {
    const { getByText } = setup({ notice: 'This note was changed in another tab meanwhile: both versions are kept, yours as a separate note.' });
    expect(getByText(/both versions are kept/).getAttribute('role')).toBe('status');
  });
});

describe('AnnotationsPage: title, claim and the way back to the passage', () => {
  it('heads a note with its article title linking to the passage, and names the matched claim', () => {
    const base = byId('urn:uuid:a');
    const quote = quoteOf(base);
    const titled: Annotation = { ...base, 'crosscheck:title': 'Syria: strikes on Idlib', 'crosscheck:claimLabel': 'The claim as labelled.' };
    const { item } = setup({ annotations: [titled, byId('urn:uuid:c')] });
    const heading = item('urn:uuid:a').querySelector('.cc-ann-article a')!;
    expect(heading.textContent).toBe('Syria: strikes on Idlib');
    const href = heading.getAttribute('href')!;
    expect(href.startsWith(`${base.target.source.replace(/#.*$/, '')}#:~:text=`)).toBe(true);
    const words = quote.replace(/\s+/g, ' ').trim().split(' ');
    expect(decodeURIComponent(href.split('#:~:text=')[1]!.split(',')[0]!)).toBe(words.slice(0, words.length > 12 ? 6 : undefined).join(' '));
    expect(item('urn:uuid:a').querySelector('.cc-ann-claim')?.textContent).toBe('Claim: The claim as labelled.');
    // A note saved before titles were kept is headed by its address and has no claim line unless it matched one.
    const old = item('urn:uuid:c');
    expect(old.querySelector('.cc-ann-article')?.textContent).toBe(byId('urn:uuid:c').target.source);
  });
});
