/**
 * `npm run demo`: until the reading issue lands, prints a summary of the bundled claim corpus.
 */
import { loadCorpus } from './corpus-io';

const corpus = loadCorpus();
const figures = corpus.sentences.flatMap((s) => s.figures);
const byOutlet = new Map<string, number>();
for (const a of corpus.articles) {
  const key = a.credit.outlet ?? `unknown (collection ${a.docId})`;
  byOutlet.set(key, (byOutlet.get(key) ?? 0) + 1);
}
const multi = corpus.claims.filter((c) => c.sentenceIds.length > 1);

console.log('Crosscheck claim corpus');
console.log(`  schema version ${corpus.schemaVersion}`);
console.log(`  documents  ${corpus.documents.length}`);
for (const d of corpus.documents) {
  const n = corpus.articles.filter((a) => a.docId === d.id).length;
  console.log(`    ${d.file}  host: ${d.hostingSite}  articles: ${n}`);
}
console.log(`  articles   ${corpus.articles.length}`);
console.log(`  outlets    ${[...byOutlet.keys()].filter((k) => !k.startsWith('unknown')).length} named`);
for (const [outlet, n] of [...byOutlet].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
  console.log(`    ${outlet}: ${n} article${n === 1 ? '' : 's'}`);
}
console.log(`  sentences  ${corpus.sentences.length}`);
console.log(`  figures    ${figures.length} (${figures.filter((f) => f.value === null).length} vague or ranges)`);
console.log(`  claims     ${corpus.claims.length} (${multi.length} stated by more than one sentence)`);
const example = multi.sort((a, b) => b.sentenceIds.length - a.sentenceIds.length)[0];
if (example) {
  console.log(`\nLargest claim (${example.sentenceIds.length} mentions): ${example.label}`);
  const byId = new Map(corpus.sentences.map((s) => [s.id, s]));
  for (const id of example.sentenceIds.slice(0, 6)) {
    const s = byId.get(id);
    if (s) console.log(`  - [${s.outlet ?? 'unknown outlet'}, ${s.date ?? 'no date'}] ${s.text}`);
  }
}
