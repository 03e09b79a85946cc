/** Shared loaders for the tests that read the committed corpus and the dev-eval labels. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus, Sentence } from '../../lib/corpus/types';
import { ROOT, loadCorpus } from '../../scripts/corpus-io';

export const DEV_EVAL = join(ROOT, 'tests/fixtures/dev-eval');

/** Reads a dev-eval label file. */
export function devEval<T>(name: string): T {
  return JSON.parse(readFileSync(join(DEV_EVAL, name), 'utf8')) as T;
}

let cached: Corpus | undefined;
/** The committed data/corpus.json, parsed once per test file. */
export function committedCorpus(): Corpus {
  cached ??= loadCorpus();
  return cached;
}

/** Key of a labelled sentence occurrence: the labels key members by (file, line, sentence). */
export function occurrenceKey(docId: string, line: number, text: string): string {
  return `${docId}|${line}|${text}`;
}

/** Corpus sentences keyed by occurrence. */
export function sentencesByOccurrence(corpus: Corpus): Map<string, Sentence[]> {
  const map = new Map<string, Sentence[]>();
  for (const s of corpus.sentences) {
    const key = occurrenceKey(s.docId, s.line, s.text);
    map.set(key, [...(map.get(key) ?? []), s]);
  }
  return map;
}

/** The 3-digit document id of a dev-eval file name ("000_f504....txt" -> "000"). */
export function docIdOf(file: string): string {
  return file.slice(0, 3);
}

export interface LabelledSentence {
  file: string;
  line: number;
  sentence: string;
}
