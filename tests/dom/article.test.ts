// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ArticleText, extractArticle } from '../../lib/dom/article';
import { blockText } from '../../lib/dom/text-map';

const PAGES = join(__dirname, '..', 'fixtures', 'pages');

function load(html: string): void {
  document.open();
  document.write(html);
  document.close();
}

/** Per fixture page: text that must be read, and text of navigation, ads, related links and comments that must not. */
const FIXTURES: { file: string; article: string[]; notArticle: string[] }[] = [
  {
    file: 'khan-sheikhoun-strike.html',
    article: [
      'US missiles hit Syrian airbase days after Idlib gas attack',
      'Fifty-nine Tomahawk cruise missiles were fired from two US Navy ships in the Mediterranean.',
      'in the rebel-held town of Khan Sheikhoun.',
      'launched the missiles at Shayrat airfield in western Homs province',
      'put the toll at 67 killed and 300 injured.',
      '“No child of God should ever suffer such horror,”',
      'said it would suspend a hotline',
    ],
    notArticle: [
      'Middle East', 'Advertisement', 'Sponsored', 'Save 40%', 'Idlib gas attack: what we know so far',
      'Related stories', 'Most read', 'skeptic_77', 'Fifty-nine missiles and the runway', 'now reported at 89',
      'Hidden promo text', '__meridianMetrics', 'Privacy',
    ],
  },
  {
    file: 'russian-air-campaign.html',
    article: [
      'Russian planes flew 64 sorties and targeted 54 sites in the past 24 hours, without elaborating.',
      'mangled into the string <img src=x onerror=alert(1)> after a botched embed',
      'killed at least 36 civilians, several of them children.',
      'killing at least 12 schoolchildren.',
      'October 2015: the ministry reports 64 sorties in a single day.',
    ],
    notArticle: [
      'Subscribe', 'Home › World', 'Sponsored content', 'Share: Facebook', 'Newsletter:', 'You may also like',
      'Munich powers agree', '12 comments', "I don't believe a word", 'Heartbreaking', 'Advertise with us',
    ],
  },
  {
    file: 'city-library-reopens.html',
    article: [
      'Central library reopens after two-year refit',
      'after a £4.2 million refurbishment that took almost two years',
      'More than 60 volunteers helped move about 95,000 books',
      'will reopen to researchers in November.',
    ],
    notArticle: [
      "What's on", 'Riverside Motors', 'Advertisement', 'SunWays', 'More local news', 'Ferry Street bridge',
      'Join the conversation', 'potholes', 'Cookie settings',
    ],
  },
];

function joined(article: ArticleText): string {
  return article.blocks.map((b) => b.text).join('\n');
}

function checkBlocks(article: ArticleText): void {
  for (const [i, block] of article.blocks.entries()) {
    expect(document.contains(block.element)).toBe(true);
    expect(block.text).toBe(blockText(block.element));
    const next = article.blocks[i + 1];
    if (next) expect(block.element.compareDocumentPosition(next.element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  }
}

describe('extractArticle on fixture news pages', () => {
  for (const { file, article, notArticle } of FIXTURES) {
    const html = readFileSync(join(PAGES, file), 'utf8');
    for (const mode of ['readability', 'fallback'] as const) {
      it(`${file} (${mode}): reads the article body, not nav, ads, related links or comments`, () => {
        load(html);
        const before = document.documentElement.outerHTML;
        // A budget of one element forces the fallback path, as on a huge page.
        const result = extractArticle(document, mode === 'fallback' ? { maxElements: 1 } : {});
        expect(result.method).toBe(mode);
        const text = joined(result);
        const found = article.filter((s) => text.includes(s));
        const leaked = notArticle.filter((s) => text.includes(s));
        console.log(`${file} ${mode}: ${result.blocks.length} blocks, ${found.length}/${article.length} article snippets, leaked ${JSON.stringify(leaked)}`);
        expect(found).toEqual(article);
        expect(leaked).toEqual([]);
        checkBlocks(result);
        expect(document.documentElement.outerHTML).toBe(before);
      });
    }
  }

  it('keeps markup-looking text as text: the literal <img> string is read, no element is created', () => {
    load(readFileSync(join(PAGES, 'russian-air-campaign.html'), 'utf8'));
    const result = extractArticle(document);
    expect(joined(result)).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelectorAll('img').length).toBe(0);
  });

  it('falls back to visible body paragraphs outside nav and comments on a page without main/article', () => {
    load(`<html><head><title>t</title></head><body>
      <div class="navbar"><p>Home News Sport</p></div>
      <p>Russia said its jets flew 64 sorties in a day.</p>
      <p style="display:none">Invisible paragraph.</p>
      <div class="comments"><p>A reader comment about 64 sorties.</p></div>
      <p>The ministry gave no details.</p></body></html>`);
    const result = extractArticle(document, { maxChars: 10 });
    expect(result.method).toBe('fallback');
    expect(result.blocks.map((b) => b.text)).toEqual([
      'Russia said its jets flew 64 sorties in a day.',
      'The ministry gave no details.',
    ]);
  });

  it('reads the headline, the standfirst and the figure captions as blocks, with Readability and in the fallback', () => {
    const body = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the report: rescue workers said the strike on the town hit homes and a market, and that the search for survivors went on through the night in the rain.</p>`).join('');
    load(`<html><head><title>Russian jets pound rebel towns, 40 dead | The Paper</title></head><body>
      <nav><p>Home World</p></nav>
      <div class="article-top"><h1>Russian jets pound rebel towns, 40 dead</h1>
        <p class="article-standfirst">Monitor says children among the victims of the raids on Idlib province</p></div>
      <div class="share"><p>Share this</p></div>
      <article>${body.slice(0, body.length / 2)}
        <figure><img src="data:," alt=""><figcaption>Smoke rises over Khan Sheikhoun after the raids on Tuesday</figcaption></figure>
        ${body.slice(body.length / 2)}</article>
      <div class="comments"><p>A reader says 41 dead.</p></div></body></html>`);
    for (const mode of [{}, { maxChars: 10 }]) {
    const result = extractArticle(document, mode);
    const texts = result.blocks.map((b) => b.text);
    expect(result.method).toBe('maxChars' in mode ? 'fallback' : 'readability');
    expect(texts).toContain('Russian jets pound rebel towns, 40 dead');
    expect(texts).toContain('Monitor says children among the victims of the raids on Idlib province');
    expect(texts).toContain('Smoke rises over Khan Sheikhoun after the raids on Tuesday');
    expect(texts.some((t) => t.includes('A reader says'))).toBe(false);
    expect(texts.indexOf('Monitor says children among the victims of the raids on Idlib province')).toBeLessThan(texts.findIndex((t) => t.startsWith('Paragraph 1')));
    }
  });
});
