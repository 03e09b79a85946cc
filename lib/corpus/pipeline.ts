/**
 * The corpus pipeline: source documents in, documents, articles and sentences out (claims are grouped one
 * stage up, in `lib/claims/`). Pure and deterministic: the same bytes give
 * the same corpus, so `data/corpus.json` can be checked for staleness by rebuilding it in a test.
 */
import type { Article, Corpus, Sentence, SourceDocument } from './types';
import { splitArticles } from './articles';
import { splitSentences } from './sentences';
import { figureClaimant, findClaimant } from './claimant';
import type { Figure } from './types';
import { extractFigures } from './figures';
import { sentenceOutlet } from './attribution';
import { estimateDocumentDates } from './article-dates';
import { PipelineError, decodeSource, type ManifestEntry, type SourceFile } from './input';

/** Bumped whenever the JSON shape of the corpus changes; documented in data/README.md. */
export const SCHEMA_VERSION = 2;

/** Turns one decoded document into its articles and sentences. */
function processDocument(entry: ManifestEntry, text: string): { articles: Article[]; sentences: Sentence[] } {
  const drafts = splitArticles(entry.id, text);
  const pieces = drafts.map(({ body }) => body.map((p) => ({ line: p.line, pieces: splitSentences(p.text) })));
  const dates = estimateDocumentDates(
    drafts.map(({ article }, i) => ({
      stated: article.date !== null ? { iso: article.date, text: article.dateText ?? article.date } : null,
      sentences: [article.title, ...pieces[i]!.flatMap((p) => p.pieces.map((x) => x.text))],
      datable: article.kind !== 'boilerplate' && article.kind !== 'link',
    })),
  );
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  drafts.forEach(({ article }, i) => {
    const estimate = dates[i];
    if (estimate) {
      article.date = estimate.iso;
      article.dateBasis = estimate.basis;
      if (estimate.basis !== 'date_line') article.dateEvidence = estimate.evidence;
    }
    articles.push(article);
    const estimated = estimate !== null && estimate !== undefined && estimate.basis !== 'date_line' ? estimate.iso : null;
    let n = 0;
    for (const paragraph of pieces[i]!) {
      for (const piece of paragraph.pieces) {
        n += 1;
        const claimant = findClaimant(piece.text);
        const { outlet, outletBasis } = sentenceOutlet(article.credit.outlet, piece.text);
        sentences.push({
          id: `${article.id}-S${n}`,
          articleId: article.id,
          docId: entry.id,
          line: paragraph.line,
          text: piece.text,
          outlet,
          outletBasis,
          date: estimated === null ? article.date : null,
          ...(estimated !== null ? { dateEstimate: estimated } : {}),
          claimant,
          figures: withClaimants(piece.text, extractFigures(piece.text), claimant),
        });
      }
    }
  });
  if (sentences.length === 0) throw new PipelineError(entry.file, 'the document yields no sentences');
  return { articles, sentences };
}

/** Figures with the claimant of their own clause, where it is not the sentence's. */
function withClaimants(text: string, figures: Figure[], claimant: string | null): Figure[] {
  return figures.map((f) => {
    const own = figureClaimant(text, f.start, claimant);
    return own && own !== claimant ? { ...f, claimant: own } : f;
  });
}

/** The corpus before claims are grouped: documents, their articles and their sentences. */
export type CorpusSentences = Pick<Corpus, 'documents' | 'articles' | 'sentences'>;

/** Reads the manifest's files into documents, articles and sentences. Throws PipelineError on the first bad input. */
export function readCorpusSentences(files: SourceFile[]): CorpusSentences {
  const documents: SourceDocument[] = [];
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  for (const { entry, bytes, sha256 } of files) {
    const text = decodeSource(entry.file, bytes);
    const doc = processDocument(entry, text);
    documents.push({
      id: entry.id,
      file: entry.file,
      hostingSite: entry.hostingSite,
      ...(entry.collection !== undefined ? { collection: entry.collection } : {}),
      evidence: entry.evidence,
      sha256,
    });
    articles.push(...doc.articles);
    sentences.push(...doc.sentences);
  }
  return { documents, articles, sentences };
}

/**
 * Serialises the corpus with one array item per line: stable, diff-friendly, and byte-identical for equal input.
 */
export function serializeCorpus(corpus: Corpus): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(corpus);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && key !== 'index') {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
