// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, type Annotation } from '../../lib/annotations/model';
import {
  anchorAnnotations,
  anchorInDocument,
  canonicalUrlOf,
  offsetsOfRange,
  pageTextMap,
} from '../../lib/dom/anchor';

const ARTICLE = `
  <header><nav>Home · World · Middle East</nav></header>
  <article>
    <h1>Russia steps up Syria air strikes</h1>
    <p>Russian warplanes on Saturday bombed a headquarters of the <em>Ahrar al-Sham</em> rebel group
       in Saraqeb, in Idlib province.</p>
    <script>window.track && track('view');</script>
    <p>The offensive is meant to confront the rebels in the <a href="/ghab">Sahl al-Ghab plain</a>, said
       Rami Abdel Rahman, director of the Observatory.</p>
    <p>Both countries are allied in their aims to bolster the regime.</p>
  </article>`;

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A Range from the middle of one text node to the middle of another, as a reader's drag would make. */
function selectBetween(startText: string, endText: string): Range {
  const walker = document.createTreeWalker(document.body, 4);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const a = nodes.find((n) => n.data.includes(startText)) as Text;
  const b = nodes.find((n) => n.data.includes(endText)) as Text;
  const range = document.createRange();
  range.setStart(a, a.data.indexOf(startText));
  range.setEnd(b, b.data.indexOf(endText) + endText.length);
  return range;
}

function annotate(range: Range, id: string): Annotation {
  const map = pageTextMap(document.body);
  const offsets = offsetsOfRange(map, range);
  if (!offsets) throw new Error('selection covers no text');
  return createAnnotation({
    pageText: map.text, ...offsets, note: 'check casualty figures', tags: ['disputed'],
    canonicalUrl: 'https://news.example/story', seenUrl: 'https://news.example/story', now: new Date(0), id,
  });
}

describe('anchoring in a live document', () => {
  beforeEach(() => {
    document.body.innerHTML = ARTICLE;
  });

  it('turns a selection across inline elements into offsets and back into the same Range text', () => {
    const range = selectBetween('Russian warplanes', 'Idlib province.');
    const a = annotate(range, 'urn:uuid:a');
    expect(a.target.selector[0]).toMatchObject({
      exact: 'Russian warplanes on Saturday bombed a headquarters of the Ahrar al-Sham rebel group in Saraqeb, in Idlib province.',
    });
    const placed = anchorInDocument(a.target.selector);
    expect(placed?.anchor.method).toBe('position');
    expect(normal(placed?.range.toString() ?? '')).toBe(normal(range.toString()));
  });

  it('re-anchors after content is inserted before and a word is edited inside', () => {
    const a = annotate(selectBetween('The offensive', 'the Observatory.'), 'urn:uuid:b');
    const article = document.querySelector('article') as HTMLElement;
    article.insertAdjacentHTML('afterbegin', '<p class="ad">Advertisement — subscribe for updates</p>');
    const link = document.querySelector('a') as HTMLAnchorElement;
    link.textContent = 'Ghab plain';
    const placed = anchorInDocument(a.target.selector);
    expect(placed?.anchor.method).toBe('fuzzy');
    console.log(`DOM fuzzy re-anchor score: ${placed?.anchor.score.toFixed(3)}`);
    expect(normal(placed?.range.toString() ?? '')).toBe(
      'The offensive is meant to confront the rebels in the Ghab plain, said Rami Abdel Rahman, director of the Observatory.',
    );
  });

  it('lists an annotation whose paragraph was removed as an orphan, keeps the others placed', () => {
    const kept = annotate(selectBetween('Russian warplanes', 'Idlib province.'), 'urn:uuid:kept');
    const gone = annotate(selectBetween('Both countries', 'the regime.'), 'urn:uuid:gone');
    (document.querySelectorAll('article p')[2] as HTMLElement).remove();
    const pass = anchorAnnotations(pageTextMap(document.body), [kept, gone]);
    expect(pass.placed.map((p) => p.annotation.id)).toEqual(['urn:uuid:kept']);
    expect(pass.orphans.map((a) => a.id)).toEqual(['urn:uuid:gone']);
  });

  it('ignores script text and returns null for a selection with no page text', () => {
    expect(pageTextMap(document.body).text).not.toContain('track(');
    const script = document.querySelector('script') as HTMLScriptElement;
    const range = document.createRange();
    range.selectNodeContents(script);
    expect(offsetsOfRange(pageTextMap(document.body), range)).toBeNull();
  });
});

describe('canonicalUrlOf', () => {
  function docAt(url: string, head: string): Document {
    const window = new Window({ url });
    window.document.head.innerHTML = head;
    return window.document as unknown as Document;
  }

  it('prefers link rel=canonical, made absolute', () => {
    const doc = docAt('https://m.news.example/amp/story-1?utm_source=tw', '<link rel="Canonical" href="/world/story-1"><meta property="og:url" content="https://og.example/x">');
    expect(canonicalUrlOf(doc)).toBe('https://m.news.example/world/story-1');
  });

  it('falls back to og:url, then to the address without hash and tracking parameters', () => {
    expect(canonicalUrlOf(docAt('https://news.example/s?id=3', '<meta property="og:url" content="https://news.example/s?id=3&utm_medium=social">')))
      .toBe('https://news.example/s?id=3');
    expect(canonicalUrlOf(docAt('https://news.example/s?id=3&utm_source=x&fbclid=abc#comments', '')))
      .toBe('https://news.example/s?id=3');
  });

  it('ignores a canonical that points every article at the home page', () => {
    expect(canonicalUrlOf(docAt('https://news.example/world/story-9', '<link rel="canonical" href="https://news.example/">')))
      .toBe('https://news.example/world/story-9');
  });

  it('ignores a canonical URL or og:url on another origin (a page cannot file its notes under another site)', () => {
    const here = 'https://attacker.example/post?id=7&utm_source=x';
    expect(canonicalUrlOf(docAt(here, '<link rel="canonical" href="https://news.example/world/story-1">'))).toBe('https://attacker.example/post?id=7');
    expect(canonicalUrlOf(docAt(here, '<meta property="og:url" content="https://news.example/world/story-1">'))).toBe('https://attacker.example/post?id=7');
    // Same host, other port or scheme: another origin as well.
    expect(canonicalUrlOf(docAt('http://127.0.0.1:4000/a', '<link rel="canonical" href="http://127.0.0.1:5000/story">'))).toBe('http://127.0.0.1:4000/a');
    expect(canonicalUrlOf(docAt('http://news.example/a', '<link rel="canonical" href="https://news.example/story">'))).toBe('http://news.example/a');
    // A foreign canonical does not hide a same-origin og:url.
    expect(canonicalUrlOf(docAt(here, '<link rel="canonical" href="https://news.example/x"><meta property="og:url" content="/post/7">'))).toBe('https://attacker.example/post/7');
  });
});
