// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, rangeFor } from '../../lib/dom/text-map';

function block(html: string): HTMLElement {
  document.body.innerHTML = `<p id="b">${html}</p>`;
  return document.getElementById('b') as HTMLElement;
}

/** Offsets of `needle` in the block text, so tests do not hard-code positions. */
function span(text: string, needle: string): [number, number] {
  const start = text.indexOf(needle);
  expect(start, `"${needle}" in "${text}"`).toBeGreaterThanOrEqual(0);
  return [start, start + needle.length];
}

describe('buildTextMap', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('concatenates text across links, emphasis and spans', () => {
    const map = buildTextMap(block('The strike on <a href="#">Shayrat <em>airfield</em></a> used <strong>59</strong> missiles.'));
    expect(map.text).toBe('The strike on Shayrat airfield used 59 missiles.');
    expect(map.nodes).toHaveLength(6);
  });

  it('collapses whitespace runs, newlines and non-breaking spaces, and trims', () => {
    const map = buildTextMap(block('\n   At least\u00a058   people\n\t<em> were </em>  killed.  '));
    expect(map.text).toBe('At least 58 people were killed.');
  });

  it('skips script, style, hidden and display:none content', () => {
    const map = buildTextMap(
      block('One<script>var x = 1;</script> two<style>p{}</style> <span hidden>secret</span>three<span style="display:none">x</span>.'),
    );
    expect(map.text).toBe('One two three.');
  });

  it('separates words across <br> and nested blocks', () => {
    document.body.innerHTML = '<div id="b">first<br>second<div>third</div>fourth</div>';
    expect(buildTextMap(document.getElementById('b') as HTMLElement).text).toBe('first second third fourth');
  });

  it('maps every character back to its text node and offset', () => {
    const el = block('  Fifty-nine <a href="#">Tomahawk</a>\n  missiles ');
    const map = buildTextMap(el);
    for (let i = 0; i < map.text.length; i++) {
      const node = map.nodes[map.charNode[i] as number] as Text;
      const raw = node.data[map.charOffset[i] as number] as string;
      if (map.text[i] === ' ') expect(raw).toMatch(/\s/);
      else expect(raw).toBe(map.text[i]);
    }
  });
});

describe('rangeFor', () => {
  it('maps a sentence spanning a link and emphasis to a multi-node range', () => {
    const el = block('Officials said <em>USS Porter</em> fired at <a href="#">Shayrat   airfield</a> in Homs. Next sentence.');
    const text = buildTextMap(el).text;
    const [start, end] = span(text, 'Officials said USS Porter fired at Shayrat airfield in Homs.');
    const range = rangeFor(el, start, end);
    expect(range.startContainer).not.toBe(range.endContainer);
    expect(range.toString().replace(/\s+/g, ' ')).toBe('Officials said USS Porter fired at Shayrat airfield in Homs.');
  });

  it('starts and ends inside a text node at the right offsets', () => {
    const el = block('Before. The toll was <strong>67 killed</strong> and 300 injured. After.');
    const text = buildTextMap(el).text;
    const [start, end] = span(text, '67 killed and 300');
    const range = rangeFor(el, start, end);
    expect(range.toString()).toBe('67 killed and 300');
    expect((range.startContainer as Text).data).toBe('67 killed');
    expect(range.startOffset).toBe(0);
    expect(range.endOffset).toBe(' and 300'.length);
  });

  it('keeps offsets consistent when whitespace is collapsed before the slice', () => {
    const el = block('\n\n   A   <em>b</em>\u00a0\u00a0 c   d');
    const text = buildTextMap(el).text;
    expect(text).toBe('A b c d');
    const [start, end] = span(text, 'c d');
    expect(rangeFor(el, start, end).toString()).toBe('c   d');
  });

  it('gives a collapsed range for an empty slice and rejects offsets outside the text', () => {
    const el = block('Short text.');
    expect(rangeFor(el, 3, 3).collapsed).toBe(true);
    expect(() => rangeFor(el, 0, 99)).toThrow(RangeError);
    expect(() => rangeFor(el, 5, 2)).toThrow(RangeError);
  });
});
