import { it } from 'vitest';
import { Matcher } from '../../lib/match';
import { loadCorpusSentences, loadDevEval } from '../fixtures/match/dev-eval';

it('curve', () => {
  const { sentences } = loadCorpusSentences();
  const m = Matcher.build(sentences);
  const dev = loadDevEval(sentences);
  const mates = new Map<string, Set<string>>();
  const text = new Map<string, string>();
  for (const c of dev.clusters) for (const a of c.members) { text.set(a.id, a.text); const s = mates.get(a.id) ?? new Set(); for (const b of c.members) if (b.id !== a.id) s.add(b.id); mates.set(a.id, s); }
  for (const n of dev.negatives) { text.set(n.a.id, n.a.text); text.set(n.b.id, n.b.text); }
  const res = new Map([...text].map(([id, t]) => [id, m.match(t, { excludeIds: new Set([id]), limit: 50, minScore: 0 })]));
  const neg = dev.negatives.map((n) => [n.a.id, n.b.id] as const);
  const retrieved = [...mates.keys()].filter((id) => res.get(id)!.some((x) => mates.get(id)!.has(x.sentenceId))).length;
  console.log('mate among scored candidates:', retrieved, '/', mates.size);
  for (let t = 0.3; t <= 0.9; t += 0.04) {
    const loo = [...mates.keys()].filter((id) => res.get(id)!.some((x) => x.score >= t && mates.get(id)!.has(x.sentenceId))).length / mates.size;
    const pairs = new Map<string, boolean>();
    for (const [id, r] of res) for (const x of r) if (x.score >= t && text.has(x.sentenceId)) pairs.set([id, x.sentenceId].sort().join('|'), mates.get(id)?.has(x.sentenceId) ?? false);
    const tp = [...pairs.values()].filter(Boolean).length;
    const hn = neg.filter(([a, b]) => pairs.has([a, b].sort().join('|'))).length;
    console.log(`t=${t.toFixed(2)} loo=${(loo * 100).toFixed(1)} prec=${((100 * tp) / pairs.size).toFixed(1)} (${tp}/${pairs.size}) hn=${hn}`);
  }
});
import { computeFeatures } from '../../lib/match/features';
import { extractFigures } from '../../lib/corpus/figures';
it('fps', () => {
  const { sentences } = loadCorpusSentences();
  const m = Matcher.build(sentences);
  const dev = loadDevEval(sentences);
  const mates = new Map<string, Set<string>>();
  const text = new Map<string, string>();
  for (const c of dev.clusters) for (const a of c.members) { text.set(a.id, a.text); const s = mates.get(a.id) ?? new Set(); for (const b of c.members) if (b.id !== a.id) s.add(b.id); mates.set(a.id, s); }
  for (const n of dev.negatives) { text.set(n.a.id, n.a.text); text.set(n.b.id, n.b.text); }
  const seen = new Set<string>();
  for (const [id, t] of text) for (const x of m.match(t, { excludeIds: new Set([id]), limit: 50, minScore: 0.58 })) {
    if (!text.has(x.sentenceId) || mates.get(id)?.has(x.sentenceId)) continue;
    const k = [id, x.sentenceId].sort().join('|'); if (seen.has(k)) continue; seen.add(k);
    const q = (s: string) => JSON.stringify([...computeFeatures(s, extractFigures(s)).quantities]);
    console.log(`FP ${x.score} ${JSON.stringify(x.reason)}\n  ${t.slice(0, 140)} ${q(t)}\n  ${text.get(x.sentenceId)!.slice(0, 140)} ${q(text.get(x.sentenceId)!)}`);
  }
});
