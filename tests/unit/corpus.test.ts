import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../lib/claims';
import { serializeCorpus, SCHEMA_VERSION } from '../../lib/corpus/pipeline';
import { CORPUS_PATH, ROOT, readSources } from '../../scripts/corpus-io';
import {
  committedCorpus,
  devEval,
  docIdOf,
  occurrenceKey,
  sentencesByOccurrence,
  type LabelledSentence,
} from './corpus-helpers';

describe('data/corpus.json', () => {
  it('is up to date: rebuilding from data/sources gives the committed bytes (run `npm run corpus` if not)', () => {
    const rebuilt = serializeCorpus(buildCorpus(readSources()));
    expect(rebuilt === readFileSync(CORPUS_PATH, 'utf8'), 'data/corpus.json is stale: run `npm run corpus`').toBe(true);
  });

  it('is deterministic: two builds are byte-identical', () => {
    const a = serializeCorpus(buildCorpus(readSources()));
    const b = serializeCorpus(buildCorpus(readSources()));
    expect(a === b).toBe(true);
  });

  it('has the documented schema and consistent references', () => {
    const corpus = committedCorpus();
    expect(corpus.schemaVersion).toBe(SCHEMA_VERSION);
    expect(corpus.documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    const articleIds = new Set(corpus.articles.map((a) => a.id));
    const sentenceIds = new Set(corpus.sentences.map((s) => s.id));
    expect(sentenceIds.size).toBe(corpus.sentences.length);
    for (const s of corpus.sentences) expect(articleIds.has(s.articleId)).toBe(true);
    const inClaims = corpus.claims.flatMap((c) => c.sentenceIds);
    for (const id of inClaims) expect(sentenceIds.has(id)).toBe(true);
    // Every sentence belongs to exactly one claim (singletons included), so a match always resolves to a claim.
    expect(new Set(inClaims).size).toBe(inClaims.length);
    expect(inClaims.length).toBe(corpus.sentences.length);
  });

  it('keeps every sentence verbatim on its source line', () => {
    const corpus = committedCorpus();
    const lines = new Map(
      corpus.documents.map((d) => [d.id, readFileSync(join(ROOT, 'data/sources', d.file), 'utf8').split('\n')]),
    );
    const misplaced = corpus.sentences.filter((s) => !lines.get(s.docId)?.[s.line - 1]?.includes(s.text));
    expect(misplaced.map((s) => s.id)).toEqual([]);
  });
});

describe('segmentation quality against the labelled sentences', () => {
  it('finds >= 97% of labelled sentences as exactly one corpus sentence', () => {
    const clusters = devEval<Array<{ members: LabelledSentence[] }>>('claim-clusters.json');
    const figures = devEval<LabelledSentence[]>('figures.json');
    const labelled = [...clusters.flatMap((c) => c.members), ...figures];
    const unique = new Map(labelled.map((l) => [occurrenceKey(docIdOf(l.file), l.line, l.sentence), l]));
    const index = sentencesByOccurrence(committedCorpus());
    const missing = [...unique.entries()].filter(([key]) => !index.has(key)).map(([, l]) => l);
    const rate = 1 - missing.length / unique.size;
    console.log(`segmentation: ${unique.size - missing.length}/${unique.size} labelled sentences exact (${(rate * 100).toFixed(1)}%)`);
    for (const m of missing.slice(0, 15)) console.log(`  missing ${m.file}:${m.line} ${m.sentence.slice(0, 100)}`);
    expect(rate).toBeGreaterThanOrEqual(0.97);
  });
});

describe('npm run corpus on bad input', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A copy of data/ with one thing broken, and a sentinel corpus.json that must survive the failed run. */
  function brokenData(breakIt: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-data-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'data/sources'), join(dir, 'sources'), { recursive: true });
    cpSync(join(ROOT, 'data/sources.json'), join(dir, 'sources.json'));
    writeFileSync(join(dir, 'corpus.json'), 'previous corpus');
    breakIt(dir);
    return dir;
  }

  function runCorpus(dir: string) {
    return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-corpus.ts'), '--data', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
  }

  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
  const first = (dir: string) => join(dir, 'sources', manifest(dir).documents[0].file);

  it.each([
    ['an empty source file', (d: string) => writeFileSync(first(d), ''), /000_.*\.txt: the file is empty/],
    ['invalid UTF-8', (d: string) => writeFileSync(first(d), Buffer.from([0x41, 0xff, 0xfe, 0x42])), /invalid UTF-8/],
    ['a binary file', (d: string) => writeFileSync(first(d), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])), /NUL bytes/],
    ['a document with no sentences', (d: string) => writeFileSync(first(d), '\n\nAdvertisement\n\n'), /no sentences/],
    ['a malformed manifest', (d: string) => writeFileSync(join(d, 'sources.json'), '{"documents": ['), /sources\.json: not valid JSON/],
    [
      'a manifest that names a missing file',
      (d: string) => {
        const m = manifest(d);
        m.documents[1].file = 'nowhere.txt';
        writeFileSync(join(d, 'sources.json'), JSON.stringify(m));
      },
      /nowhere\.txt: named in .*sources\.json but the file does not exist/,
    ],
  ])('%s: names the file and reason, exits non-zero, leaves the previous corpus', (_label, breakIt, message) => {
    const dir = brokenData(breakIt);
    const run = runCorpus(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(dir, 'corpus.json'), 'utf8')).toBe('previous corpus');
  });

  it('writes a fresh corpus when the input is good', () => {
    const dir = brokenData(() => {});
    const run = runCorpus(dir);
    expect(run.status, run.stderr).toBe(0);
    const same = readFileSync(join(dir, 'corpus.json'), 'utf8') === readFileSync(CORPUS_PATH, 'utf8');
    expect(same, 'a corpus built from a copy of data/ equals the committed one').toBe(true);
    expect(execFileSync('ls', [dir]).toString()).not.toMatch(/tmp-/);
  });
});
