/**
 * Node-side I/O for the corpus: reading the manifest and sources, and writing data/corpus.json atomically.
 * Shared by the corpus build, the demo summary, the CLI and the benchmark.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../lib/corpus/types';
import { WordVectors } from '../lib/match/word-vectors';
import { PipelineError, parseManifest, type SourceFile } from '../lib/corpus/input';

/** Repository root (this file lives in scripts/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(ROOT, 'data');
export const CORPUS_PATH = join(DATA_DIR, 'corpus.json');

/** Reads the manifest and every file it names; throws PipelineError naming the file at fault. */
export function readSources(dataDir = DATA_DIR): SourceFile[] {
  const manifestPath = join(dataDir, 'sources.json');
  if (!existsSync(manifestPath)) throw new PipelineError(manifestPath, 'the manifest is missing');
  const entries = parseManifest(manifestPath, readFileSync(manifestPath, 'utf8'));
  return entries.map((entry) => {
    const path = join(dataDir, 'sources', entry.file);
    if (!existsSync(path)) throw new PipelineError(path, `named in ${manifestPath} but the file does not exist`);
    const bytes = new Uint8Array(readFileSync(path));
    return { entry, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/** Writes the file through a temporary sibling and a rename, so a failed run never leaves half a file. */
export function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Loads data/corpus.json, with a clear error when it is missing or malformed. */
export function loadCorpus(path = CORPUS_PATH): Corpus {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run corpus\` first`);
  const corpus = JSON.parse(readFileSync(path, 'utf8')) as Corpus;
  if (typeof corpus.schemaVersion !== 'number' || !Array.isArray(corpus.sentences)) {
    throw new Error(`${path} is not a Crosscheck corpus (no schemaVersion or sentences)`);
  }
  return corpus;
}

/** The committed word-vector table (`npm run word-vectors`). */
export const WORD_VECTORS_PATH = join(DATA_DIR, 'word-vectors.json');

/** Loads data/word-vectors.json (the matcher's distilled sentence encoder, `npm run word-vectors`); throws when
 * it is missing or of another version. */
export function loadWordVectors(path = WORD_VECTORS_PATH): WordVectors {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run word-vectors\` first`);
  const v = WordVectors.fromTable(JSON.parse(readFileSync(path, 'utf8')));
  if (!v) throw new Error(`${path} is not a word-vector table of this version: run \`npm run word-vectors\``);
  return v;
}
