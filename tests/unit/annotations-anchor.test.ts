import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, MIN_FUZZY_SCORE } from '../../lib/annotations/anchor';
import { selectorsFor, type Selector } from '../../lib/annotations/model';

const SOURCES = join(__dirname, '../../data/sources');

/** Page text as the DOM side builds it: whitespace collapsed. */
function pageOf(file: string): string {
  return readFileSync(join(SOURCES, file), 'utf8').replace(/\s+/g, ' ').trim();
}

const pages = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort().map(pageOf);

/** Sentences with their offsets, split at end punctuation followed by a capital or quote. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^.!?]+[.!?]+["”’]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ start: m.index + lead, end: m.index + m[0].length });
  }
  return out;
}

/** Up to `count` sentences, evenly spread, of 12+ words and occurring once on their page. */
function sample(text: string, count: number): { start: number; end: number }[] {
  const usable = sentencesOf(text).filter(({ start, end }) => {
    const s = text.slice(start, end);
    return s.split(' ').length >= 12 && text.indexOf(s) === text.lastIndexOf(s);
  });
  const step = Math.max(1, Math.floor(usable.length / count));
  return usable.filter((_, i) => i % step === 0).slice(0, count);
}

/** A light edit inside a sentence: the middle word replaced, the word two after it deleted. */
function editInside(sentence: string): string {
  const words = sentence.split(' ');
  const mid = Math.floor(words.length / 2);
  words[mid] = 'reportedly';
  words.splice(mid + 2, 1);
  return words.join(' ');
}

const cases = pages.flatMap((text) => sample(text, 8).map((s) => ({ text, ...s })));

describe('anchor on real page text', () => {
  it('uses the stored position when the page did not change', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const { text, start, end } of cases) {
      expect(anchor(text, selectorsFor(text, start, end))).toEqual({ start, end, method: 'position', score: 1 });
    }
  });

  it('finds the quote when text was inserted before it (position shifted)', () => {
    const inserted = 'Updated with new details. Advertisement. ';
    for (const { text, start, end } of cases) {
      const changed = inserted + text;
      const found = anchor(changed, selectorsFor(text, start, end));
      expect(found?.method).toBe('quote');
      expect(found?.start).toBe(start + inserted.length);
      expect(found?.end).toBe(end + inserted.length);
    }
  });

  it('finds a slightly edited quote fuzzily, at the edited sentence', () => {
    let placed = 0;
    const scores: number[] = [];
    for (const { text, start, end } of cases) {
      const edited = editInside(text.slice(start, end));
      const changed = text.slice(0, start) + edited + text.slice(end);
      const found = anchor(changed, selectorsFor(text, start, end));
      if (found && Math.abs(found.start - start) <= 2 && Math.abs(found.end - (start + edited.length)) <= 2) {
        expect(found.method).toBe('fuzzy');
        scores.push(found.score);
        placed++;
      }
    }
    const rate = placed / cases.length;
    const mean = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
    console.log(`fuzzy: ${placed}/${cases.length} edited sentences placed (${(100 * rate).toFixed(1)}%), ` +
      `mean score ${mean.toFixed(3)}, min ${Math.min(...scores).toFixed(3)} (threshold ${MIN_FUZZY_SCORE})`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('reports an orphan when the sentence was removed', () => {
    let orphans = 0;
    for (const { text, start, end } of cases) {
      const changed = text.slice(0, start) + text.slice(end).trimStart();
      if (anchor(changed, selectorsFor(text, start, end)) === null) orphans++;
    }
    console.log(`removed sentences reported as orphans: ${orphans}/${cases.length}`);
    expect(orphans / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reports an orphan when the position is out of range and there is no quote', () => {
    expect(anchor('short text', [{ type: 'TextPositionSelector', start: 4, end: 40 }])).toBeNull();
  });
});

describe('repeated quotes', () => {
  const quote = 'The ceasefire did not hold.';
  const text =
    `Talks opened in Geneva on Monday with both delegations present. ${quote} ` +
    `Shelling resumed within hours near the airport. Weeks later a second truce was agreed in Astana. ${quote} ` +
    'Aid convoys were turned back at the checkpoints.';
  const second = text.lastIndexOf(quote);
  const stored = selectorsFor(text, second, second + quote.length);
  const quoteOnly = stored.filter((s) => s.type === 'TextQuoteSelector');

  it('picks the copy whose prefix and suffix match, without positions', () => {
    expect(text.indexOf(quote)).toBeLessThan(second);
    const found = anchor(text, quoteOnly);
    expect(found).toMatchObject({ start: second, method: 'quote' });
  });

  it('still picks it when the page shifted and the old position points at the other copy', () => {
    const shift = text.indexOf(quote) - second; // Stored position now lands on the first copy's offset.
    const moved: Selector[] = [...quoteOnly, { type: 'TextPositionSelector', start: second + shift, end: second + shift + 3 }];
    expect(anchor(text, moved)).toMatchObject({ start: second, method: 'quote' });
  });
});

/** Deterministic PRNG (mulberry32) so the large page is the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a 50,000-word page', () => {
  const all = pages.flatMap((text) => sentencesOf(text).map(({ start, end }) => text.slice(start, end)));
  const target = all.find((s) => s.split(' ').length >= 25) as string;
  const pool = all.filter((s) => s !== target);
  const random = prng(42);
  const parts: string[] = [];
  let words = 0;
  while (words < 50_000) {
    const s = pool[Math.floor(random() * pool.length)] as string;
    parts.push(s);
    words += s.split(' ').length;
  }
  const before = parts.slice(0, parts.length / 2).join(' ') + ' ';
  const after = ' ' + parts.slice(parts.length / 2).join(' ');
  const page = before + target + after;
  const stored = selectorsFor(page, before.length, before.length + target.length);

  function timed<T>(label: string, run: () => T): T {
    const t0 = performance.now();
    const result = run();
    console.log(`50k words (${page.length} chars), ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
    return result;
  }

  it('anchors by position, by quote, fuzzily and reports the orphan', () => {
    expect(page.split(' ').length).toBeGreaterThanOrEqual(50_000);
    expect(timed('position', () => anchor(page, stored))?.method).toBe('position');
    const shifted = 'Live updates. ' + page;
    expect(timed('quote after a shift', () => anchor(shifted, stored))?.start).toBe(before.length + 14);
    const edited = editInside(target);
    const fuzzyPage = before + edited + after;
    const fuzzy = timed('fuzzy after an edit', () => anchor(fuzzyPage, stored));
    expect(fuzzy).toMatchObject({ start: before.length, method: 'fuzzy' });
    console.log(`fuzzy score on the large page: ${fuzzy?.score.toFixed(3)}`);
    expect(timed('orphan (sentence removed)', () => anchor(before + after.trimStart(), stored))).toBeNull();
  });
});
