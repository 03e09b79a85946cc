/**
 * `npm run --silent match -- <file.txt|file.html> [--json]`: lists the sentences of a page that restate a
 * corpus claim, with the claim, its outlets and figure differences. With --json, prints exactly one JSON object
 * (the stable contract documented in README.md). Exit codes: 0 ok, 1 bad input, 2 usage.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CorpusView, matchPage, type PageMatch } from '../lib/match/page';
import { loadCorpus, loadWordVectors } from './corpus-io';
import { formatDate, outletLabel, whoLabel } from '../lib/format';

/** Pages above this size are cut (and said so on stderr): the result stays bounded in time and memory. */
const MAX_INPUT_BYTES = 2 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

class InputError extends Error {}

async function readInput(path: string): Promise<{ text: string; truncated: boolean }> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  if (!statSync(path).isFile()) throw new InputError(`${path}: not a regular file`);
  const ext = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext)) {
    throw new InputError(`${path}: unsupported file type "${ext || '(none)'}"; give a .txt or .html file`);
  }
  const all = readFileSync(path);
  if (all.length === 0) throw new InputError(`${path}: the file is empty`);
  const truncated = all.length > MAX_INPUT_BYTES;
  const bytes = truncated ? all.subarray(0, MAX_INPUT_BYTES) : all;
  if (bytes.includes(0)) throw new InputError(`${path}: binary file (NUL bytes), not text`);
  // A cut may split a multi-byte character; only the tail may be replaced, the rest must be valid UTF-8.
  const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const invalid = (raw.match(/\uFFFD/g) ?? []).length;
  if (invalid > 8) throw new InputError(`${path}: not UTF-8 text (${invalid} undecodable sequences)`);
  // happy-dom is loaded only for HTML: it doubles the start-up time of a plain-text run.
  const text = HTML_EXTENSIONS.has(ext) ? (await import('./html-text')).htmlToText(raw) : raw;
  if (text.trim() === '') throw new InputError(`${path}: no text to check`);
  return { text, truncated };
}

function formatPlain(matches: PageMatch[]): string {
  if (matches.length === 0) return 'No sentence of this page restates a claim in the corpus.';
  return matches
    .map((m) => {
      const lines = [`[${m.level} ${m.score.toFixed(2)}] ${m.text}`, `  claim ${m.claim}: ${m.claimLabel}`];
      for (const mention of m.mentions) {
        const who = outletLabel(mention);
        const by = mention.claimant ? `, citing ${mention.claimant}` : '';
        lines.push(`  - ${who}, ${formatDate(mention.date, mention.dateEstimated === true)}${by}: ${mention.text}`);
      }
      for (const f of m.figures.filter((c) => c.differ)) {
        const values = f.corpus.map((v) => `${v.text} (${whoLabel(v)}, ${formatDate(v.date, v.dateEstimated === true)})`).join('; ');
        lines.push(`  figures differ (${f.what}, ${f.kind}): this page ${f.page?.text ?? '-'}; corpus ${values}`);
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/** The JSON contract: only matched sentences, with the fields documented in README.md. */
function toJson(matches: PageMatch[]): unknown {
  return {
    sentences: matches.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      level: m.level,
      score: Number(m.score.toFixed(4)),
      claim: m.claim,
      mentions: m.mentions.map(({ text, outlet, source, collection, date, dateEstimated, claimant }) => ({
        text,
        outlet,
        source,
        collection: collection ?? null,
        date,
        dateEstimated: dateEstimated === true,
        claimant,
      })),
      figures: m.figures.map((f) => ({
        what: f.what,
        differ: f.differ,
        kind: f.kind,
        page: f.page && { value: f.page.value, qualifier: f.page.qualifier, text: f.page.text },
        corpus: f.corpus.map((v) => ({
          outlet: v.outlet,
          claimant: v.claimant ?? null,
          value: v.value,
          qualifier: v.qualifier,
          date: v.date,
          dateEstimated: v.dateEstimated === true,
        })),
      })),
    })),
  };
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (files.length !== 1 || unknown.length > 0) {
    console.error('usage: npm run --silent match -- <file.txt|file.html> [--json]');
    return 2;
  }
  try {
    const { text, truncated } = await readInput(files[0]!);
    if (truncated) console.error(`match: warning: only the first ${MAX_INPUT_BYTES} bytes were checked`);
    const matches = matchPage(CorpusView.fromCorpus(loadCorpus(), loadWordVectors()), text);
    console.log(json ? JSON.stringify(toJson(matches)) : formatPlain(matches));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`match: error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
