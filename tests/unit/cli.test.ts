import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/corpus-io';
import { committedCorpus } from './corpus-helpers';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runMatch(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/match.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface CliJson {
  sentences: Array<{
    start: number;
    end: number;
    text: string;
    level: string;
    score: number;
    claim: string;
    mentions: Array<{ text: string; outlet: string | null; source: string; date: string | null; dateEstimated: boolean; claimant: string | null }>;
    figures: Array<{ what: string; page: { value: number | null; qualifier: string | null; text: string } | null; corpus: unknown[] }>;
  }>;
}

// A page that copies one corpus sentence verbatim between two unrelated ones: the copy must be found.
const corpus = committedCorpus();
const copied = corpus.sentences.find((s) => s.text.startsWith('Fifty-nine Tomahawk cruise missiles were fired'))!;
const pageText = `The city library reopened on Monday after a two-year renovation.\n${copied.text}\nVisitors praised the new reading room.\n`;

describe('npm run match --json (the stable contract)', () => {
  it('prints exactly one JSON object listing only matched sentences, with offsets into the input', () => {
    const run = runMatch(file('page.txt', pageText), '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as CliJson;
    expect(Object.keys(out)).toEqual(['sentences']);
    expect(out.sentences.length).toBeGreaterThanOrEqual(1);
    const hit = out.sentences.find((s) => s.text === copied.text)!;
    expect(hit).toBeDefined();
    expect(pageText.slice(hit.start, hit.end)).toBe(copied.text);
    expect(['confident', 'possible']).toContain(hit.level);
    expect(hit.level).toBe('confident');
    expect(typeof hit.score).toBe('number');
    expect(corpus.claims.some((c) => c.id === hit.claim)).toBe(true);
    const mention = hit.mentions.find((m) => m.text === copied.text)!;
    // A sentence without a date line carries its article's date estimated from the text, marked as such.
    expect(mention).toMatchObject({ outlet: copied.outlet, date: copied.date ?? copied.dateEstimate ?? null, dateEstimated: copied.date === null && copied.dateEstimate !== undefined, claimant: copied.claimant });
    expect(mention.source).toMatch(/^000_.*\.txt$/);
    expect(out.sentences.some((s) => s.text.includes('library'))).toBe(false);
  });

  it('reports the figure comparison of the page figure against the corpus', () => {
    const changed = copied.text.replace('Fifty-nine', 'Sixty');
    const out = JSON.parse(runMatch(file('changed.txt', changed), '--json').stdout) as CliJson;
    const hit = out.sentences[0]!;
    expect(hit.text).toBe(changed);
    const missiles = hit.figures.find((f) => f.page?.value === 60)!;
    expect(missiles).toBeDefined();
    expect(missiles.corpus).toContainEqual(expect.objectContaining({ value: 59 }));
  });

  it('reads HTML: extracts the article text first and matches it', () => {
    const html = `<!doctype html><html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Strike on air base</h1><p>${copied.text}</p><p>Visitors praised the new reading room.</p></article>
      <aside class="related"><a href="/x">${copied.text}</a></aside></body></html>`;
    const run = runMatch(file('page.html', html), '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as CliJson;
    const texts = out.sentences.map((s) => s.text);
    // Only the article is read: the aside's copy of the sentence and the nav are not matched. The headline is a
    // claim too (issue 10): it may link, as a possible match in the page's event, to the Shayrat strike.
    expect(texts.filter((t) => t === copied.text)).toHaveLength(1);
    expect(texts.every((t) => t === copied.text || t === 'Strike on air base')).toBe(true);
  });

  it('prints a readable plain report without --json', () => {
    const run = runMatch(file('plain.txt', pageText));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(copied.text);
    expect(run.stdout).toMatch(/claim c-/);
  });

  it('says so when nothing matches', () => {
    const run = runMatch(file('none.txt', 'The city library reopened on Monday after a two-year renovation.\n'), '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ sentences: [] });
  });
});

describe('npm run match on bad input', () => {
  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/],
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: the file is empty/],
    ['a binary file', () => file('blob.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0])), /binary file/],
    ['an unknown extension', () => file('page.pdf', '%PDF-1.4'), /unsupported file type "\.pdf"/],
    ['a directory', () => dir, /not a regular file/],
  ])('%s: a clear error and exit code 1', (_label, path, message) => {
    const run = runMatch(path(), '--json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('gives a usage error for wrong arguments', () => {
    expect(runMatch().status).toBe(2);
    expect(runMatch('a.txt', '--jsno').status).toBe(2);
  });

  it('a 10 MB page gives a bounded result, with a warning', () => {
    const big = file('big.txt', `${pageText}`.repeat(Math.ceil((10 * 1024 * 1024) / pageText.length)));
    const run = runMatch(big, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/only the first \d+ bytes were checked/);
    const out = JSON.parse(run.stdout) as CliJson;
    expect(out.sentences.length).toBeGreaterThan(0);
    expect(out.sentences.length).toBeLessThanOrEqual(5000);
  });
});
