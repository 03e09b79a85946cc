import { it } from 'vitest';
import { Matcher } from '../../lib/match';
import { loadCorpusSentences } from '../fixtures/match/dev-eval';
it('dbg', () => {
  const { sentences } = loadCorpusSentences();
  const m = Matcher.build(sentences);
  const txt = new Map(sentences.map((s) => [s.id, s.text]));
  for (const q of ['Over 400,000 Syrians have been killed in the conflict, which started in March 2011.', 'The Islamic State has earned more than $500 million from selling oil, the US Treasury says.', 'Kurdish forces launched an offensive on Thursday to retake the Iraqi town of Sinjar from Islamic State.', 'Russian President Vladimir Putin']) {
    console.log('Q', q);
    for (const x of m.match(q, { minScore: 0.3, limit: 4 })) console.log(`  ${x.score} ${x.level} ${txt.get(x.sentenceId)!.slice(0, 110)} ${JSON.stringify(x.reason)}`);
  }
});
