import { describe, expect, it } from 'vitest';
import { compareFigures } from '../../lib/match/compare';
import { CorpusView, matchSentence } from '../../lib/match/page';
import type { Sentence } from '../../lib/corpus/types';
import { committedCorpus, devEval, docIdOf, occurrenceKey, sentencesByOccurrence, type LabelledSentence } from './corpus-helpers';

interface Cluster {
  id: string;
  figures_differ: boolean;
  members: LabelledSentence[];
}

const clusters = devEval<Cluster[]>('claim-clusters.json');
const corpus = committedCorpus();
const byOccurrence = sentencesByOccurrence(corpus);

function corpusMembers(cluster: Cluster): Sentence[] {
  return cluster.members.flatMap((m) => byOccurrence.get(occurrenceKey(docIdOf(m.file), m.line, m.sentence))?.slice(0, 1) ?? []);
}

describe('figure differences of labelled clusters', () => {
  it('every figures_differ cluster shows its difference when its mentions are compared', () => {
    // A vague quantity that contains the numbers ("dozens" and 59, issue 11) is shown as consistent: the
    // wording differs, the count may not. Such clusters are listed; every other one must be shown differing.
    const differ = clusters.filter((c) => c.figures_differ);
    const kinds = (c: Cluster) => compareFigures([], corpusMembers(c));
    const consistent = differ.filter((c) => !kinds(c).some((f) => f.differ) && kinds(c).some((f) => f.kind === 'consistent'));
    const missed = differ.filter((c) => !kinds(c).some((f) => f.differ) && !consistent.includes(c));
    console.log(
      `figures_differ clusters shown as differing: ${differ.length - missed.length - consistent.length}/${differ.length}, ` +
        `as consistent (vague quantity containing the value): ${consistent.length} (${consistent.map((c) => c.id).join(', ')})`,
    );
    for (const c of missed) console.log(`  missed ${c.id}`);
    expect(missed.map((c) => c.id)).toEqual([]);
    expect(consistent.length).toBeLessThanOrEqual(2);
  });

  it('reports how often clusters without a difference are shown as differing', () => {
    const same = clusters.filter((c) => !c.figures_differ);
    const wrong = same.filter((c) => compareFigures([], corpusMembers(c)).some((f) => f.differ));
    const accuracy = 1 - wrong.length / same.length;
    console.log(`figures_differ=false clusters shown without a difference: ${same.length - wrong.length}/${same.length} (${(accuracy * 100).toFixed(1)}%)`);
    for (const c of wrong.slice(0, 10)) console.log(`  shown as differing: ${c.id}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('shows the difference to a reader who reads one member: matched against the rest of the corpus', () => {
    const view = CorpusView.fromCorpus(corpus);
    let queried = 0;
    let shown = 0;
    for (const c of clusters.filter((x) => x.figures_differ)) {
      for (const member of corpusMembers(c)) {
        if (member.figures.length === 0) continue;
        queried++;
        const match = matchSentence(view, { start: 0, end: member.text.length, text: member.text });
        if (match?.figures.some((f) => f.differ)) shown++;
      }
    }
    console.log(`members of figures_differ clusters with figures, matched and shown differing: ${shown}/${queried}`);
    expect(queried).toBeGreaterThan(20);
  });
});
