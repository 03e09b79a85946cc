/**
 * The claims stage: groups the pipeline's sentences into claims with the matcher and assembles the claim
 * corpus. It sits above both `lib/corpus/` (which never imports the matcher) and `lib/match/`.
 */
import { SCHEMA_VERSION, readCorpusSentences } from '../corpus/pipeline';
import type { SourceFile } from '../corpus/input';
import type { Corpus } from '../corpus/types';
import { Matcher } from '../match';
import { clusterClaims } from './cluster';

export { clusterClaims, stableHash, MERGE_AVERAGE_LINK } from './cluster';

/** Builds the whole claim corpus from the manifest's files. Throws PipelineError on the first bad input. */
export function buildCorpus(files: SourceFile[]): Corpus {
  const { documents, articles, sentences } = readCorpusSentences(files);
  const matcher = Matcher.build(sentences);
  const claims = clusterClaims(sentences, matcher);
  return { schemaVersion: SCHEMA_VERSION, documents, articles, sentences, claims, index: matcher.toJSON() };
}
