// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createWrappingHighlighter } from '../../lib/dom/wrap-highlighter';
import { createHighlighter, supportsCustomHighlights } from '../../lib/dom/highlighter';
import { buildTextMap, rangeFor } from '../../lib/dom/text-map';

const ARTICLE =
  '<p id="a">The United States struck a Syrian airbase, its answer to an attack that killed <strong>at least 58 people</strong> in <a href="/k">Khan Sheikhoun</a>. Officials spoke later.</p>' +
  '<p id="b">Fifty-nine <em>Tomahawk</em> cruise missiles were fired.</p>';

function el(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

/** Range of `needle` inside block `id`, through the text map. */
function rangeOfText(id: string, needle: string): Range {
  const text = buildTextMap(el(id)).text;
  const start = text.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  return rangeFor(el(id), start, start + needle.length);
}

/** Every node under the body, so identity (not just markup) can be compared after clearing. */
function allNodes(): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(document.body, 0xffffffff);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
}

describe('wrapping highlighter', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = ARTICLE;
  });

  it('wraps a sentence spanning a link in marks and reports its range', () => {
    const h = createWrappingHighlighter(document);
    const sentence = 'its answer to an attack that killed at least 58 people in Khan Sheikhoun.';
    h.add('s1', rangeOfText('a', sentence), 'confident');
    const marks = document.querySelectorAll('mark[data-crosscheck="s1"]');
    expect(marks.length).toBe(5);
    expect([...marks].every((m) => m.getAttribute('data-crosscheck-kind') === 'confident')).toBe(true);
    expect([...marks].map((m) => m.textContent).join('')).toBe(sentence);
    expect(h.rangeOf('s1')?.toString()).toBe(sentence);
    expect(buildTextMap(el('a')).text).toContain(sentence);
    expect(document.querySelector('style[data-crosscheck]')?.textContent).toContain('mark[data-crosscheck-kind="confident"]');
  });

  it('restores the original DOM exactly (markup and node identity) after remove', () => {
    const before = document.body.innerHTML;
    const nodes = allNodes();
    const h = createWrappingHighlighter(document);
    h.add('s1', rangeOfText('a', 'Syrian airbase, its answer to an attack that killed at least'), 'possible');
    expect(document.body.innerHTML).not.toBe(before);
    expect(h.remove('s1')).toBe(true);
    expect(document.body.innerHTML).toBe(before);
    expect(allNodes()).toEqual(nodes);
    expect(allNodes().every((n, i) => n === nodes[i])).toBe(true);
    expect(h.remove('s1')).toBe(false);
  });

  it('handles overlapping highlights removed in any order', () => {
    const before = document.body.innerHTML;
    const nodes = allNodes();
    for (const order of [['x', 'y', 'z'], ['z', 'x', 'y'], ['y', 'z', 'x']]) {
      const h = createWrappingHighlighter(document);
      h.add('x', rangeOfText('a', 'attack that killed at least 58 people'), 'confident');
      h.add('y', rangeOfText('a', 'least 58'), 'annotation');
      h.add('z', rangeOfText('a', '58 people in Khan'), 'possible');
      expect(h.rangeOf('y')?.toString()).toBe('least 58');
      expect(h.ids()).toEqual(['x', 'y', 'z']);
      for (const id of order) h.remove(id);
      expect(document.body.innerHTML).toBe(before);
      expect(allNodes().every((n, i) => n === nodes[i])).toBe(true);
    }
  });

  it('clear removes highlights in several blocks and re-adding an id replaces it', () => {
    const before = document.body.innerHTML;
    const h = createWrappingHighlighter(document);
    h.add('a', rangeOfText('a', 'Officials spoke later.'), 'confident');
    h.add('b', rangeOfText('b', 'Fifty-nine Tomahawk cruise missiles'), 'confident');
    h.add('b', rangeOfText('b', 'Tomahawk cruise'), 'possible');
    expect(document.querySelectorAll('mark[data-crosscheck="b"]').length).toBe(2);
    expect(h.kindOf('b')).toBe('possible');
    h.clear();
    expect(h.ids()).toEqual([]);
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('createHighlighter falls back to wrapping when the Custom Highlight API is missing', () => {
    // happy-dom has no CSS.highlights, like older Firefox and Safari.
    expect(supportsCustomHighlights(document)).toBe(false);
    const h = createHighlighter(document);
    expect(h.mode).toBe('wrap');
    h.add('s', rangeOfText('b', 'cruise missiles'), 'annotation');
    expect(document.querySelector('mark[data-crosscheck="s"]')?.textContent).toBe('cruise missiles');
  });

  it('marks the figures cue on the last mark and fills only the active highlight, restoring the DOM after', () => {
    const before = allNodes();
    const h = createWrappingHighlighter(document);
    const sentence = 'its answer to an attack that killed at least 58 people in Khan Sheikhoun.';
    h.add('s1', rangeOfText('a', sentence), 'confident', rangeOfText('a', 'Sheikhoun.'));
    h.add('s2', rangeOfText('b', 'Fifty-nine Tomahawk cruise missiles were fired.'), 'possible');
    const cued = document.querySelectorAll('mark[data-crosscheck-cue]');
    expect(cued).toHaveLength(1);
    // The last mark of the sentence (here its full stop, after the link): the "≠" comes after the sentence.
    expect(cued[0]).toBe([...document.querySelectorAll('mark[data-crosscheck="s1"]')].at(-1));
    expect(cued[0]?.getAttribute('data-crosscheck')).toBe('s1');
    // The cue is a pseudo-element: no text of ours enters the page.
    expect(el('a').textContent).not.toContain('\u2260');
    const style = document.querySelector('style[data-crosscheck]')?.textContent ?? '';
    expect(style).toContain('mark[data-crosscheck-cue]::after');
    expect(document.querySelectorAll('mark[data-crosscheck-active]')).toHaveLength(0);
    h.setActive('s2');
    expect(h.activeId()).toBe('s2');
    const active = [...document.querySelectorAll('mark[data-crosscheck-active]')];
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((m) => m.getAttribute('data-crosscheck') === 's2')).toBe(true);
    h.setActive('nope');
    expect(h.activeId()).toBeNull();
    expect(document.querySelectorAll('mark[data-crosscheck-active]')).toHaveLength(0);
    h.clear();
    expect(allNodes()).toEqual(before);
  });
});
