/**
 * Quality of article splitting, outlet credit and dates against the labelled development set
 * (tests/fixtures/dev-eval/outlets.json). Rates are printed; thresholds are asserted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitArticles, type ArticleDraft } from '../../lib/corpus/articles';
import { parseDateLine } from '../../lib/corpus/dates';

interface GoldArticle {
  article_id: string;
  first_line_number: number;
  last_line_number: number;
  kind: string;
  outlet: string | null;
  evidence: string | null;
  evidence_lines: Array<{ line: number; text: string }>;
  date_in_document: string | null;
}
interface GoldDocument {
  file: string;
  articles: GoldArticle[];
}

const gold = JSON.parse(
  readFileSync(new URL('../fixtures/dev-eval/outlets.json', import.meta.url), 'utf8'),
) as GoldDocument[];
const drafts = new Map<string, ArticleDraft[]>(
  gold.map((doc) => {
    const text = readFileSync(new URL(`../../data/sources/${doc.file}`, import.meta.url), 'utf8');
    return [doc.file, splitArticles(doc.file.slice(0, 3), text)];
  }),
);

/** The predicted article for a gold item: same id, else the narrowest article whose range holds its first line. */
function joined(file: string, item: GoldArticle): ArticleDraft | undefined {
  const mine = drafts.get(file) ?? [];
  const same = mine.find((d) => d.article.id === item.article_id);
  if (same) return same;
  return mine
    .filter((d) => d.article.firstLine <= item.first_line_number && item.first_line_number <= d.article.lastLine)
    .sort((a, b) => a.article.lastLine - a.article.firstLine - (b.article.lastLine - b.article.firstLine))[0];
}

const items = gold.flatMap((doc) => doc.articles.map((item) => ({ file: doc.file, item, draft: joined(doc.file, item) })));
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

describe('article boundaries (dev set)', () => {
  it('reproduces the gold article ids of headlined documents and reports the run-together one', () => {
    let reproduced = 0;
    let headlined = 0;
    let headlinedHit = 0;
    for (const doc of gold) {
      const ids = new Set((drafts.get(doc.file) ?? []).map((d) => d.article.id));
      const hits = doc.articles.filter((a) => ids.has(a.article_id)).length;
      reproduced += hits;
      console.log(`  ${doc.file}: ${hits}/${doc.articles.length} gold ids reproduced, ${ids.size} predicted`);
      const starts = (drafts.get(doc.file) ?? []).map((d) => d.article.firstLine);
      const near = doc.articles.filter((a) => starts.some((s) => Math.abs(s - a.first_line_number) <= 2)).length;
      console.log(`    within 2 lines: ${near}/${doc.articles.length}`);
      if (!doc.file.startsWith('000')) {
        headlined += doc.articles.length;
        headlinedHit += hits;
      }
    }
    console.log(`boundary agreement: ${reproduced}/${items.length} gold ids (${pct(reproduced, items.length)}); ` +
      `documents with headlines/blank lines: ${pct(headlinedHit, headlined)}`);
    expect(headlinedHit / headlined).toBeGreaterThanOrEqual(0.9);
  });
});

describe('outlet credit (dev set)', () => {
  const scored = items.filter(({ item }) => item.kind === 'article' || item.kind === 'embed');

  it('credits >= 95% of named article/embed items to their outlet, with the evidence found', () => {
    const named = scored.filter(({ item }) => item.outlet !== null);
    let credited = 0;
    let withEvidence = 0;
    let exactEvidence = 0;
    for (const { file, item, draft } of named) {
      const credit = draft?.article.credit;
      const ok = credit?.outlet === item.outlet;
      const texts = [item.evidence ?? '', ...item.evidence_lines.map((e) => e.text)].filter(Boolean);
      const found = ok && !!credit?.evidence && texts.some((t) => t.includes(credit.evidence ?? '\0') || (credit.evidence ?? '').includes(t));
      credited += ok ? 1 : 0;
      withEvidence += found ? 1 : 0;
      exactEvidence += ok && credit?.evidence === item.evidence ? 1 : 0;
      if (!found) console.log(`  miss ${file} ${item.article_id}: gold ${item.outlet} / got ${credit?.outlet} (${credit?.evidence})`);
    }
    console.log(`credited: ${credited}/${named.length} (${pct(credited, named.length)}), evidence found: ` +
      `${withEvidence}/${named.length} (${pct(withEvidence, named.length)}), evidence identical: ${pct(exactEvidence, named.length)}`);
    expect(withEvidence / named.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never guesses an outlet for items whose gold outlet is null', () => {
    const nulls = scored.filter(({ item }) => item.outlet === null);
    const guessed = nulls.filter(({ draft }) => draft?.article.credit.outlet != null);
    for (const { item, draft } of guessed) console.log(`  guessed ${item.article_id}: ${draft?.article.credit.outlet}`);
    console.log(`no-guess rate: ${nulls.length - guessed.length}/${nulls.length} (${pct(nulls.length - guessed.length, nulls.length)})`);
    expect(guessed).toEqual([]);
  });

  it('also credits the host signature and gives every credited draft its evidence verbatim in the text', () => {
    for (const doc of gold) {
      const text = readFileSync(new URL(`../../data/sources/${doc.file}`, import.meta.url), 'utf8');
      for (const { article } of drafts.get(doc.file) ?? []) {
        if (article.credit.outlet !== null && article.credit.creditType !== 'signature') {
          expect(text).toContain(article.credit.evidence);
        }
      }
    }
    const signed = items.find(({ item }) => item.kind === 'host_commentary');
    expect(signed?.draft?.article.credit).toMatchObject({ outlet: 'Peace and Freedom', creditType: 'signature' });
  });
});

describe('article dates (dev set)', () => {
  it('agrees with date_in_document', () => {
    const scored = items.filter(({ item }) => item.kind === 'article');
    let agree = 0;
    for (const { item, draft } of scored) {
      const want = item.date_in_document === null ? null : parseDateLine(item.date_in_document)?.iso ?? 'unparsed';
      if ((draft?.article.date ?? null) === want) agree += 1;
      else console.log(`  date ${item.article_id}: gold ${item.date_in_document} / got ${draft?.article.dateText}`);
    }
    console.log(`date agreement: ${agree}/${scored.length} (${pct(agree, scored.length)})`);
    expect(agree / scored.length).toBeGreaterThanOrEqual(0.9);
  });
});
