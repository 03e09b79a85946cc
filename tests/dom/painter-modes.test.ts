// @vitest-environment happy-dom
/**
 * The painter under the highlight modes, on the wrapping fallback (happy-dom has no CSS Custom Highlight API):
 * every matched sentence is kept, only those the mode marks are wrapped, the cue sits on sentences whose
 * figures differ, unmarked sentences still have a range (the popup's "Show"), the keyboard's stops are the
 * marked ones, and switching modes back and forth leaves the page's DOM as it was. Matches are real matches of
 * the committed corpus.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Painter } from '../../entrypoints/crosscheck.content/painter';
import { buildTextMap } from '../../lib/dom/text-map';
import { createWrappingHighlighter } from '../../lib/dom/wrap-highlighter';
import { markedUnder } from '../../lib/settings';
import { differingFiguresMatch, mostMentionedMatch } from '../components/real-matches';

const differing = differingFiguresMatch();
const plain = { ...mostMentionedMatch(), figures: [] };

function sentenceIn(id: string, text: string) {
  const block = document.getElementById(id)!;
  const start = buildTextMap(block).text.indexOf(text);
  expect(start).toBeGreaterThanOrEqual(0);
  return { block, start, end: start + text.length, text };
}

describe('painter: highlight modes', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    const a = document.createElement('p');
    a.id = 'a';
    a.textContent = differing.text;
    const b = document.createElement('p');
    b.id = 'b';
    b.textContent = plain.text;
    document.body.append(a, b);
  });

  it('marks what the mode shows, keeps the rest, and restores the page after every switch', () => {
    const before = document.body.innerHTML;
    const painter = new Painter(createWrappingHighlighter(document));
    painter.setMarked((m) => markedUnder('differing', m));
    const d = painter.paint(sentenceIn('a', differing.text), differing)!;
    const p = painter.paint(sentenceIn('b', plain.text), plain)!;
    expect(painter.size).toBe(2);
    expect([painter.isMarked(d), painter.isMarked(p)]).toEqual([true, false]);
    expect(document.querySelectorAll('#b mark')).toHaveLength(0);
    expect(document.querySelectorAll('#a mark[data-crosscheck-cue]')).toHaveLength(1);
    // The popup lists both in reading order; the keyboard stops only at the marked one.
    expect(painter.ordered().map((e) => e.id)).toEqual([d, p]);
    expect(painter.ordered(true).map((e) => e.id)).toEqual([d]);
    expect(painter.rangeOf(p)?.toString()).toBe(plain.text);

    painter.setMarked((m) => markedUnder('off', m));
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(painter.ordered().map((e) => e.id)).toEqual([d, p]);

    painter.setMarked((m) => markedUnder('all', m));
    expect([painter.isMarked(d), painter.isMarked(p)]).toEqual([true, true]);
    expect(document.querySelectorAll('mark[data-crosscheck-cue]')).toHaveLength(1);
    painter.setActive(p);
    expect([...document.querySelectorAll('mark[data-crosscheck-active]')].every((m) => m.getAttribute('data-crosscheck') === p)).toBe(true);
    painter.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});
