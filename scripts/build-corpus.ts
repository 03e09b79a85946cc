/**
 * `npm run corpus [-- --data <dir>]`: builds data/corpus.json from data/sources.json and data/sources/.
 * On bad input it names the file and the reason, exits 1, and leaves the previous corpus untouched.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCorpus } from '../lib/claims';
import { serializeCorpus } from '../lib/corpus/pipeline';
import { PipelineError } from '../lib/corpus/input';
import { DATA_DIR, readSources, writeAtomically } from './corpus-io';

function main(argv: string[]): number {
  const dataFlag = argv.indexOf('--data');
  const dataDir = dataFlag >= 0 && argv[dataFlag + 1] ? argv[dataFlag + 1]! : DATA_DIR;
  const started = performance.now();
  try {
    const corpus = buildCorpus(readSources(dataDir));
    const out = join(dataDir, 'corpus.json');
    writeAtomically(out, serializeCorpus(corpus));
    const outlets = new Set(corpus.sentences.map((s) => s.outlet).filter(Boolean));
    const figures = corpus.sentences.reduce((n, s) => n + s.figures.length, 0);
    console.log(
      `corpus: wrote ${out}: ${corpus.documents.length} documents, ${corpus.articles.length} articles, ` +
        `${corpus.sentences.length} sentences, ${figures} figures, ${outlets.size} outlets, ` +
        `${corpus.claims.length} claims in ${Math.round(performance.now() - started)} ms`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PipelineError) {
      console.error(`corpus: error: ${error.file}: ${error.reason}`);
      console.error('corpus: the previous data/corpus.json was left unchanged.');
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
